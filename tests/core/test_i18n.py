from django.utils import translation

from core.i18n import localized


def test_localized_picks_the_current_language_and_falls_back():
    with translation.override("ko"):
        assert localized("서울", "Seoul") == "서울"
        assert localized("", "Seoul") == "Seoul"
    with translation.override("en"):
        assert localized("서울", "Seoul") == "Seoul"
        assert localized("서울", None) == "서울"
        assert localized(None, None) == ""
