"""Reasons a person can check, rendered from a Match's stored evidence in the reader's language.

Each reason belongs to a group of score parts (text, tags, capacity, history, region); the reasons
are ordered by how much their group contributed to the score, so the first reason is the one that
ranked the candidate. They are written from the reader's side: the firm reads "your need and their
capability", the hospital reviewing it "their need and your capability", a manager "the need and the
capability". Never a bare number. A reason never rests on a description its reader may not see:
terms come from the texts of the best need/capability pair and are withheld when either is
confidential to the reader (``visible_explanation``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from taxonomy.models import Facet

from .. import engine
from ..engine.capacity import org_phases, parse_requirements
from ..models import Match
from .dataset import engine_org

NEED, COUNTERPART = "need", "counterpart"  # the reader's side; "" for a manager or anyone else
# Score parts by the reason that explains them.
GROUPS: dict[str, tuple[str, ...]] = {
    "text": ("text", "text_max", "embed"),
    "facets": ("facets",),
    "capacity": ("capacity",),
    "history": ("peers", "copartner", "popularity"),
    "region": ("region",),
}
_PEER_SUFFIX = " (needs like yours) partnered with it"
_PATH = re.compile(r'^your partner (?P<partner>.+) also lists "(?P<title>.*)"$')
_DEGREE = re.compile(r"has (?P<n>\d+) known partnership")


@dataclass
class Reason:
    kind: str  # terms | cross_language | facets | capacity | peers | partner_paths | popularity | region
    title: str
    items: list[str] = field(default_factory=list)
    group: str = ""
    weight: float = 0.0  # the group's contribution to the score (for ordering; never shown)


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
        exp.pop("similar_organisations_partnered", None)  # "needs like yours" reads the need's text
    return exp


def contributions(match: Match, weights: dict[str, float] | None = None) -> dict[str, float]:
    """How much each reason group added to the score: the sum of weight × part over its parts, with the
    weights that ranked the match (kept in its explanation; the engine's defaults for older rows)."""
    if weights is None:
        weights = (match.explanation or {}).get("weights") or engine.DEFAULT_WEIGHTS
    parts = match.score_parts or {}
    return {g: sum(float(weights.get(p, 0.0)) * float(parts.get(p) or 0.0) for p in names)
            for g, names in GROUPS.items()}


def _term_text(term: dict) -> str:
    ko, en = term.get("ko") or "", term.get("en") or ""
    text = f"{ko} · {en}" if ko and en else (ko or en)
    return _("%(term)s (bridged across languages)") % {"term": text} if term.get("bridged") else text


def _phases_fact(have: set[str], asked: set[str], side: str) -> str:
    both = "/".join(sorted(asked & have))
    wanted = "/".join(sorted(asked))
    if side == COUNTERPART:
        if both:
            return _("You run phase %(phases)s trials (they asked for phase %(asked)s)") % {"phases": both, "asked": wanted}
        return _("You run phase %(phases)s trials, not the phase %(asked)s they asked for") % {
            "phases": "/".join(sorted(have)), "asked": wanted}
    if side == NEED:
        if both:
            return _("Runs phase %(phases)s trials (you asked for phase %(asked)s)") % {"phases": both, "asked": wanted}
        return _("Runs phase %(phases)s trials, not the phase %(asked)s you asked for") % {
            "phases": "/".join(sorted(have)), "asked": wanted}
    if both:
        return _("Runs phase %(phases)s trials (the need asks for phase %(asked)s)") % {"phases": both, "asked": wanted}
    return _("Runs phase %(phases)s trials, not the phase %(asked)s the need asks for") % {
        "phases": "/".join(sorted(have)), "asked": wanted}


def _capacity(match: Match, *, need_text_visible: bool, side: str) -> list[str]:
    """Facts of the counterpart against what the need asks for, recomputed to be translatable.

    What the need asks for is read from its description only when the reader may read it."""
    org, need = match.counterpart, match.need
    req = parse_requirements(f"{need.title}\n{need.description}" if need_text_visible else need.title)
    out = []
    have = org_phases(engine_org(org))
    if req.phases and have:
        out.append(_phases_fact(have, set(req.phases), side))
    if org.irb_days is not None:
        if req.start_within_days is not None:
            within = org.irb_days <= req.start_within_days
            msg = (_("Ethics board turnaround %(days)s days, within the %(window)s-day start window asked for") if within
                   else _("Ethics board turnaround %(days)s days, beyond the %(window)s-day start window asked for"))
            out.append(msg % {"days": org.irb_days, "window": f"{req.start_within_days:g}"})
        else:
            out.append(_("Ethics board turnaround about %(days)s days") % {"days": org.irb_days})
    if org.trials_per_year:
        out.append(ngettext("%(n)s clinical trial a year", "%(n)s clinical trials a year", org.trials_per_year)
                   % {"n": org.trials_per_year})
    if org.equipment:
        out.append(_("Equipment open to outside use: %(list)s") % {"list": ", ".join(map(str, org.equipment[:5]))})
    return out


def _text_reasons(exp: dict, side: str) -> list[Reason]:
    out = []
    terms = [_term_text(t) for t in exp.get("terms") or [] if isinstance(t, dict) and _useful_term(t)]
    if terms:
        title = {NEED: _("Shared terms in your need and their capability"),
                 COUNTERPART: _("Shared terms in their need and your capability")}.get(
            side, _("Shared terms in the need and the capability"))
        out.append(Reason("terms", title, terms))
    if exp.get("cross_language"):
        item = {NEED: _("Your need and their capability are written in different languages."),
                COUNTERPART: _("Their need and your capability are written in different languages.")}.get(
            side, _("The need and the capability are written in different languages."))
        out.append(Reason("cross_language", _("Matched across Korean and English"), [item]))
    return out


def _history_reasons(match: Match, exp: dict, side: str) -> list[Reason]:
    parts, out = match.score_parts or {}, []
    peers = [str(p).removesuffix(_PEER_SUFFIX) for p in exp.get("similar_organisations_partnered") or []]
    if peers and float(parts.get("peers") or 0) > 0:
        n = len(peers)
        title = {COUNTERPART: ngettext("%(n)s organisation with needs like theirs partnered with you",
                                       "%(n)s organisations with needs like theirs partnered with you", n)}.get(
            side, ngettext("%(n)s organisation with needs like yours partnered with it",
                           "%(n)s organisations with needs like yours partnered with it", n))
        out.append(Reason("peers", title % {"n": n}, peers))
    paths = [m for p in exp.get("partner_paths") or [] if (m := _PATH.match(str(p)))]
    if paths:
        whose = _("their partner") if side == COUNTERPART else _("your partner")
        items = [_("%(partner)s (%(whose)s) also lists “%(title)s”") % {"partner": m["partner"], "whose": whose,
                                                                          "title": m["title"]} for m in paths]
        out.append(Reason("partner_paths", _("Known partner paths"), items))
    degree = _DEGREE.search(str(exp.get("known_partnerships") or ""))
    if degree and float(parts.get("popularity") or 0) > 0:
        n = int(degree["n"])
        text = (ngettext("You have %(n)s partnership on record", "You have %(n)s partnerships on record", n)
                if side == COUNTERPART else
                ngettext("It has %(n)s partnership on record", "It has %(n)s partnerships on record", n))
        out.append(Reason("popularity", _("Track record"), [text % {"n": n}]))
    return out


def reasons_for(match: Match, *, hidden_ids: set[int], facet_labels: dict[str, Facet], side: str = NEED,
                weights: dict[str, float] | None = None) -> list[Reason]:
    """The reasons a reader on ``side`` may check, the group that contributed most first."""
    exp = visible_explanation(match, hidden_ids)
    weight = contributions(match, weights)
    out: list[Reason] = []
    for r in _text_reasons(exp, side):
        r.group = "text"
        out.append(r)
    facets = [facet_labels[s].label for s in exp.get("shared_facets") or [] if s in facet_labels]
    if facets:
        out.append(Reason("facets", _("Shared tags"), facets, group="facets"))
    has_facts = exp.get("capacity") or match.counterpart.irb_days or match.counterpart.trial_phases
    capacity = _capacity(match, need_text_visible=match.need_id not in hidden_ids, side=side) if has_facts else []
    if capacity and weight["capacity"] > 0:
        out.append(Reason("capacity", _("Capacity"), capacity, group="capacity"))
    for r in _history_reasons(match, exp, side):
        r.group = "history"
        out.append(r)
    if weight["region"] > 0 and match.counterpart.region:
        out.append(Reason("region", _("Region"), [_("In the same region: %(region)s")
                                                  % {"region": match.counterpart.get_region_display()}], group="region"))
    for r in out:
        r.weight = weight.get(r.group, 0.0)
    # Stable: within a group the order above stands (terms before the language note).
    out.sort(key=lambda r: -r.weight)
    return out


def top_group(match: Match, weights: dict[str, float] | None = None) -> str:
    """The reason group that contributed most to the score."""
    weight = contributions(match, weights)
    return max(weight, key=lambda g: weight[g])


def facet_labels() -> dict[str, Facet]:
    """Facets by slug (one query) to label shared facets in the reader's language."""
    return {f.slug: f for f in Facet.objects.all()}
