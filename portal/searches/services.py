"""Writes of saved searches: save, rename (or change the filters), delete, and mark their notices read.

Keyword-only, one transaction each, for the owner only (anyone else is told it does not exist, as the pages
and the API answer 404). The filters always pass through ``queries.clean_params`` (the page's own form).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError, NotAllowed
from portal.models import SavedSearch, SavedSearchNotice

from . import queries

MAX_PER_PERSON = 50  # a bound on the nightly alert work one person can ask for
NAME_MAX = 120


def clean_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError({"name": [_("Give the search a name.")]})
    name = " ".join(name.split())
    if "\x00" in name:
        raise ValidationError({"name": [_("Null characters are not allowed.")]})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": [_("Keep the name under %(n)d characters.") % {"n": NAME_MAX + 1}]})
    return name


def _own(user, saved: SavedSearch) -> None:
    if not user.is_authenticated or saved.user_id != user.pk:
        raise NotAllowed(_("This is not one of your saved searches."))


@transaction.atomic
def saved_search_create(*, user, kind: str, name: Any, params: Any) -> SavedSearch:
    """Save a search; alerts then announce only what appears after this moment (the high-water mark)."""
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to save a search."))
    clean = queries.clean_params(kind, params)
    name = clean_name(name)
    if SavedSearch.objects.filter(user=user).count() >= MAX_PER_PERSON:
        raise DomainError(_("You have %(n)d saved searches: delete one to save another.") % {"n": MAX_PER_PERSON})
    return SavedSearch.objects.create(user=user, kind=kind, name=name, params=clean,
                                      baseline_id=queries.high_water_mark(kind))


@transaction.atomic
def saved_search_update(*, user, saved: SavedSearch, name: Any = None, params: Any = None) -> SavedSearch:
    """Rename, or change the filters (then, as when saving, only what appears afterwards is announced)."""
    _own(user, saved)
    fields = []
    if name is not None:
        saved.name = clean_name(name)
        fields.append("name")
    if params is not None:
        clean = queries.clean_params(saved.kind, params)
        if clean != saved.params:
            saved.params, saved.baseline_id = clean, queries.high_water_mark(saved.kind)
            fields += ["params", "baseline_id"]
    if fields:
        saved.save(update_fields=fields)
    return saved


@transaction.atomic
def saved_search_delete(*, user, saved: SavedSearch) -> None:
    _own(user, saved)
    saved.delete()


def notices_mark_read(*, user, saved: SavedSearch | None = None) -> int:
    """Mark the person's unread notices read (of one search, or all); returns how many."""
    qs = SavedSearchNotice.objects.filter(user=user, read_at__isnull=True)
    if saved is not None:
        _own(user, saved)
        qs = qs.filter(saved_search=saved)
    return qs.update(read_at=timezone.now())
