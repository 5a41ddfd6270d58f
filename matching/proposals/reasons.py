"""Reasons a person can check, rendered from a Match's stored explanation in the reader's language.

Never a bare number: shared or bridged terms (Korean and English), shared facets, capacity facts,
known-partner paths. Terms come from the texts of the best need/capability pair, so when that
capability is confidential and the reader may not read its description, they are withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from taxonomy.models import Facet

from ..engine.capacity import org_phases, parse_requirements
from ..models import Match
from .dataset import engine_org


@dataclass
class Reason:
    kind: str  # terms | cross_language | facets | capacity | partners
    title: str
    items: list[str] = field(default_factory=list)


def _useful_term(term: dict) -> bool:
    ko, en = term.get("ko") or "", term.get("en") or ""
    return bool(en) or len(ko) > 1  # a lone Korean syllable with no gloss tells a reader nothing


def _listing_hidden(listing_id: object, hidden_ids: set[int]) -> bool:
    return str(listing_id or "").isdigit() and int(listing_id) in hidden_ids


def visible_explanation(match: Match, hidden_ids: set[int]) -> dict:
    """The stored explanation minus what a confidential description could leak to this reader.

    Terms and the language flag come from both texts of the best pair, and the engine's capacity
    sentences from the need's text: a reader who may not read either description loses them.
    """
    exp = dict(match.explanation or {})
    best = exp.get("best_pair") or {}
    need_hidden = match.need_id in hidden_ids or _listing_hidden(best.get("need"), hidden_ids)
    if need_hidden or _listing_hidden(best.get("capability"), hidden_ids):
        exp.pop("terms", None)
        exp.pop("cross_language", None)
    if need_hidden:
        exp.pop("capacity", None)
    return exp


def _term_text(term: dict) -> str:
    ko, en = term.get("ko") or "", term.get("en") or ""
    text = f"{ko} · {en}" if ko and en else (ko or en)
    return _("%(term)s (bridged across languages)") % {"term": text} if term.get("bridged") else text


def _capacity(match: Match, *, need_text_visible: bool) -> list[str]:
    """Facts of the counterpart against what the need asks for, recomputed to be translatable.

    What the need asks for is read from its description only when the reader may read it."""
    org, need = match.counterpart, match.need
    req = parse_requirements(f"{need.title}\n{need.description}" if need_text_visible else need.title)
    out = []
    have = org_phases(engine_org(org))
    if req.phases and have:
        asked, both = "/".join(sorted(req.phases)), "/".join(sorted(req.phases & have))
        if both:
            out.append(_("Runs phase %(phases)s trials (you asked for phase %(asked)s)") % {"phases": both, "asked": asked})
        else:
            out.append(_("Runs phase %(phases)s trials, not the phase %(asked)s you asked for")
                       % {"phases": "/".join(sorted(have)), "asked": asked})
    if org.irb_days is not None:
        if req.start_within_days is not None:
            within = org.irb_days <= req.start_within_days
            msg = (_("Ethics board turnaround %(days)s days, within your %(window)s-day start window") if within
                   else _("Ethics board turnaround %(days)s days, beyond your %(window)s-day start window"))
            out.append(msg % {"days": org.irb_days, "window": f"{req.start_within_days:g}"})
        else:
            out.append(_("Ethics board turnaround about %(days)s days") % {"days": org.irb_days})
    if org.trials_per_year:
        out.append(ngettext("%(n)s clinical trial a year", "%(n)s clinical trials a year", org.trials_per_year)
                   % {"n": org.trials_per_year})
    if org.equipment:
        out.append(_("Equipment open to outside use: %(list)s") % {"list": ", ".join(map(str, org.equipment[:5]))})
    return out


def reasons_for(match: Match, *, hidden_ids: set[int], facet_labels: dict[str, Facet]) -> list[Reason]:
    exp = visible_explanation(match, hidden_ids)
    out: list[Reason] = []
    terms = [_term_text(t) for t in exp.get("terms") or [] if isinstance(t, dict) and _useful_term(t)]
    if terms:
        out.append(Reason("terms", _("Shared terms in your need and their capability"), terms))
    if exp.get("cross_language"):
        out.append(Reason("cross_language", _("Matched across Korean and English"),
                          [_("Your need and their capability are written in different languages.")]))
    facets = [facet_labels[s].label if s in facet_labels else s for s in exp.get("shared_facets") or []]
    if facets:
        out.append(Reason("facets", _("Shared tags"), facets))
    has_facts = exp.get("capacity") or match.counterpart.irb_days or match.counterpart.trial_phases
    capacity = _capacity(match, need_text_visible=match.need_id not in hidden_ids) if has_facts else []
    if capacity:
        out.append(Reason("capacity", _("Capacity"), capacity))
    partners = [*(exp.get("partner_paths") or []), *(exp.get("similar_organisations_partnered") or [])]
    if partners:
        out.append(Reason("partners", _("Known partner paths"), [str(p) for p in partners]))
    return out


def facet_labels() -> dict[str, Facet]:
    """Facets by slug (one query) to label shared facets in the reader's language."""
    return {f.slug: f for f in Facet.objects.all()}
