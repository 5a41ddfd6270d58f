"""Bilingual fields (``*_ko`` / ``*_en``): pick the one for the current language."""

from django.utils.translation import get_language


def in_korean() -> bool:
    return (get_language() or "en").startswith("ko")


def localized(ko: str | None, en: str | None) -> str:
    """The text in the current language, falling back to the other one when it is empty."""
    first, second = (ko, en) if in_korean() else (en, ko)
    return first or second or ""
