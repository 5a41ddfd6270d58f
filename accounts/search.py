"""Directory search that reads organisation names the way people type them.

Koreans shorten institution names: 서울대병원 for 서울대학교병원, 고대병원 for 고려대학교병원. Names and
query words are compared in a compact form (no spaces, 대학교 → 대, 여자대 → 여대) after the common
short forms are expanded (고대 → 고려대), and results are ordered by relevance: the whole query in the
name first, then names holding every word, then matches in the description only; a query that names a
kind (병원, hospital, 대학, university...) lists the organisations of that kind it names first, after
an exact name.
"""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Lower, Replace

from .models import OrganizationKind

# Short forms whose expansion is not a prefix of the full name (서울대 is already a prefix of 서울대학교).
SHORT_FORMS = {"고대": "고려대", "연대": "연세대", "성대": "성균관대", "이대": "이화여대", "외대": "외국어대",
               "카이스트": "kaist", "포스텍": "postech", "디지스트": "dgist", "유니스트": "unist"}
KIND_WORDS = {
    OrganizationKind.HOSPITAL: ("병원", "의료원", "hospital", "medical center", "clinic"),
    OrganizationKind.UNIVERSITY: ("대학", "university", "college", "institute of science"),
    OrganizationKind.INVESTOR: ("투자", "벤처스", "캐피탈", "capital", "ventures", "investor"),
}


def compact(text: str) -> str:
    """The comparable form of a Korean name or query word."""
    key = "".join(text.lower().split()).replace("대학교", "대").replace("여자대", "여대")
    for short, full in SHORT_FORMS.items():
        if key.startswith(short) and not key.startswith(full):
            return full + key[len(short):]
    return key


def parts(key: str) -> list[str]:
    """Pieces a compact query word must all find in a name: 고려대병원 is 고려대 … 병원, since the
    full name may put a campus between them (고려대학교 안암병원)."""
    for tail in ("병원", "의료원"):
        if key.endswith(tail) and len(key) > len(tail):
            return [key[: -len(tail)], tail]
    return [key]


def _compact_name():
    """The database side of ``compact`` over the Korean name (spaces gone, 대학교 → 대, 여자대 → 여대)."""
    expr = Replace(Lower("name_ko"), Value(" "), Value(""))
    expr = Replace(expr, Value("대학교"), Value("대"))
    return Replace(expr, Value("여자대"), Value("여대"))


def search(qs: QuerySet, q: str) -> QuerySet:
    """Filter organisations to those matching every word of ``q`` and order them by relevance."""
    words = q.split()
    if not words:
        return qs
    # Aliases, not annotations: compared in SQL, never selected.
    qs = qs.alias(_name_key=_compact_name(), _name_en=Lower("name_en"))
    in_name = Q()
    for word in words:
        key, low = compact(word), word.lower()
        in_key = Q()
        for part in parts(key):
            in_key &= Q(_name_key__contains=part)
        named = in_key | Q(_name_en__contains=low) | Q(name_ko__icontains=word)
        qs = qs.filter(named | Q(description__icontains=word))
        in_name &= named
    whole_key, whole_en = compact(q), " ".join(q.lower().split())
    kinds = [kind for kind, hints in KIND_WORDS.items() if any(h in q.lower() for h in hints)]
    exact = Q(_name_key=whole_key) | Q(_name_en=whole_en)
    relevance = Case(
        When(exact, then=Value(4)),
        When(Q(_name_key__startswith=whole_key) | Q(_name_en__startswith=whole_en), then=Value(3)),
        When(in_name, then=Value(2)),
        default=Value(1), output_field=IntegerField(),
    )
    tail = (F("name_en").asc(), "name_ko", "pk")
    if not kinds:  # an exact name is relevance 4, so relevance alone orders as (exact, relevance) does
        return qs.annotate(_relevance=relevance).order_by("-_relevance", *tail)
    return qs.annotate(
        _relevance=relevance,
        _exact=Case(When(exact, then=Value(1)), default=Value(0), output_field=IntegerField()),
        _kind_hint=Case(When(Q(kind__in=kinds) & in_name, then=Value(1)), default=Value(0),
                        output_field=IntegerField()),
    ).order_by("-_exact", "-_kind_hint", "-_relevance", *tail)
