"""Words for the codes the pure indicators package returns: indicator names with their definitions, stages,
stage rules, organisation kinds and places. Every code shown on a page or in an export goes through here."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import OrganizationKind
from accounts.regions import Region

SHARE, COUNT, NUMBER, DAYS = "share", "count", "number", "days"

# name: (label, definition, format)
INDICATORS: dict[str, tuple[Promise, Promise, str]] = {
    "members": (_("Members"), _("Verified organisations whose membership is approved."), COUNT),
    "active_members": (_("Active members"), _("Members with at least one linkage of any kind in the period."), COUNT),
    "members_firm": (_("Firms"), _("Member firms (start-ups, SMEs, large firms)."), COUNT),
    "members_hospital": (_("Hospitals"), _("Member hospitals."), COUNT),
    "members_university": (_("Universities and institutes"), _("Member universities and research institutes."), COUNT),
    "members_investor": (_("Investors"), _("Member investors."), COUNT),
    "members_service": (_("Service providers"), _("Member service providers (CROs, consultancies, law firms)."), COUNT),
    "members_public": (_("Public agencies"), _("Member public agencies and cluster offices."), COUNT),
    "kinds_present": (_("Kinds present"), _("Organisation kinds with at least one member (of six)."), COUNT),
    "active_share": (_("Active share"), _("Active members ÷ members."), SHARE),
    "firm_investor_share": (_("Firms and investors"), _("Member firms and investors ÷ members."), SHARE),
    "academic_clinical_share": (_("Universities and hospitals"), _("Member universities and hospitals ÷ members."), SHARE),
    "newcomers": (_("Newcomers"), _("Members whose membership was approved in the period."), COUNT),
    "newcomer_outside_share": (_("Newcomers from outside"), _("Newcomers from a region the cluster does not cover ÷ members."), SHARE),
    "events": (_("Events held"), _("Published events of the cluster that took place in the period."), COUNT),
    "events_per_month": (_("Events per month"), _("Events held ÷ months in the period (30.44 days a month)."), NUMBER),
    "events_per_month_per_1000_members": (_("Events per month per 1,000 members"), _("Events per month × 1,000 ÷ members."), NUMBER),
    "registrations": (_("Registrations"), _("Places taken at the period's past events (walk-ins and cancellations left out)."), COUNT),
    "show_up_rate": (_("Show-up rate"), _("Registrations checked in ÷ registrations."), SHARE),
    "attending_orgs": (_("Organisations attending"), _("Organisations with at least one check-in at an event."), COUNT),
    "repeat_participation": (_("Repeat participation"),
        _("Organisations checked in at two or more events ÷ organisations checked in at one or more."), SHARE),
    "triple_helix_t": (_("Triple-helix synergy (T)"),
        _("Leydesdorff's mutual information of university, firm and hospital presence per event, in bits; below 0 means synergy."), NUMBER),
    "local_connectedness_median": (_("Local connectedness (median)"),
        _("Per member firm, distinct organisations of its own region met in the last 14 days of the period; the median."), NUMBER),
    "local_connectedness_none_share": (_("Firms with no local tie"),
        _("Member firms that met no organisation of their region in the last 14 days ÷ member firms."), SHARE),
    "global_connectedness": (_("Global connectedness"),
        _("Member firms with at least two ties outside their region or country ÷ member firms."), SHARE),
    "firm_hospital_coverage": (_("Firms with a hospital partner"),
        _("Member firms with at least one hospital partnership ÷ member firms."), SHARE),
    "hospital_firm_coverage": (_("Hospitals with a firm partner"),
        _("Member hospitals with at least one firm partnership ÷ member hospitals."), SHARE),
    "mentoring_reach": (_("Mentoring reach"), _("Member firms with at least one mentoring linkage ÷ member firms."), SHARE),
    "sessions_per_mentored_startup": (_("Sessions per mentored start-up"),
        _("Mentoring linkages touching a member firm ÷ firms mentored."), NUMBER),
    "scaled_mentor_share": (_("Sessions by scaled founders"),
        _("Mentoring sessions given by mentors who scaled a company ÷ all sessions."), SHARE),
    "matches_decided": (_("Matches decided"), _("Matches approved or declined in the period with a member on either side."), COUNT),
    "match_acceptance_rate": (_("Match acceptance"), _("Matches approved ÷ matches decided."), SHARE),
    "match_acceptance_rate_model": (_("Acceptance of proposed matches"), _("Approved ÷ decided, matches proposed by the model."), SHARE),
    "match_acceptance_rate_requested": (_("Acceptance of requested matches"), _("Approved ÷ decided, matches a member asked for."), SHARE),
    "match_acceptance_rate_brokered": (_("Acceptance of brokered matches"), _("Approved ÷ decided, matches a manager brokered."), SHARE),
    "match_conversion_rate": (_("Conversion to partnership"),
        _("Accepted matches with a confirmed partnership ÷ accepted matches."), SHARE),
    "partnership_lag_days_median": (_("Days to partnership (median)"),
        _("Median days from a match's acceptance to its partnership's confirmation."), DAYS),
    "event_meetings": (_("Event 1:1 meetings"), _("Meetings held at partnering events in the period."), COUNT),
    "new_tie_yield": (_("New-tie yield"), _("Event meetings between a pair with no earlier tie ÷ event meetings."), SHARE),
    "distant_tie_yield": (_("Distant-tie yield"),
        _("Event meetings between a pair at distance three or more (or unconnected) before ÷ event meetings."), SHARE),
    "meeting_match_yield": (_("Meetings followed by a match"),
        _("Event meetings followed within six months by an introduction or partnership of the pair ÷ event meetings."), SHARE),
    "density": (_("Density"), _("Ties between members ÷ possible ties, 2m ÷ n(n − 1)."), SHARE),
    "largest_component_share": (_("Largest component"), _("Members in the largest connected group ÷ members."), SHARE),
    "isolates": (_("Isolated members"), _("Members without a tie to another member."), COUNT),
    "isolate_share": (_("Isolated share"), _("Isolated members ÷ members."), SHARE),
    "components": (_("Connected groups"), _("Connected components of the member tie graph."), COUNT),
    "degree_centralization": (_("Degree centralisation"),
        _("Freeman: Σ(c_max − c_i) ÷ (n − 2) on normalised degree; 1 for a star, 0 when all are equal."), SHARE),
    "transitivity": (_("Transitivity"), _("3 × triangles ÷ connected triples."), SHARE),
    "average_clustering": (_("Average clustering"), _("Mean share of a member's partners who are partners of each other."), SHARE),
    "betweenness_max": (_("Top betweenness"), _("Highest normalised betweenness: the share of shortest paths a member lies on."), SHARE),
    "betweenness_mean": (_("Mean betweenness"), _("Mean normalised betweenness over members."), SHARE),
    "constraint_mean": (_("Mean constraint"), _("Burt's constraint averaged over members with a tie; high means redundant ties."), NUMBER),
    "constraint_min": (_("Lowest constraint"), _("Burt's constraint of the least constrained member (the best broker)."), NUMBER),
    "effective_size_mean": (_("Mean effective size"),
        _("Burt's effective size (non-redundant partners) averaged over members with a tie."), NUMBER),
    "sampled_pivots": (_("Betweenness pivots"), _("Sources sampled to estimate betweenness in a large network; empty when exact."), COUNT),
    "gatekeepers": (_("Gatekeepers"), _("Members in the top quarter by ties inside with at least one tie outside the cluster."), COUNT),
    "gatekeeper_share": (_("Gatekeeper share"), _("Gatekeepers ÷ members."), SHARE),
    "communities": (_("Communities"), _("Louvain communities of members with a tie."), COUNT),
    "modularity": (_("Modularity"), _("How much more the ties fall inside communities than chance would have them."), NUMBER),
    "one_kind_community_share": (_("One-kind communities"), _("Communities whose members are all of one kind ÷ communities."), SHARE),
    "one_region_community_share": (_("One-region communities"), _("Communities whose members are all in one region ÷ communities."), SHARE),
    "ei_index_kind": (_("E-I index on kind"),
        _("(ties across kinds − ties within a kind) ÷ all ties; −1 all within, +1 all across."), NUMBER),
    "cross_kind_share": (_("Cross-kind ties"), _("Ties between organisations of two kinds ÷ all ties."), SHARE),
    "cross_region_share": (_("Cross-regional ties"),
        _("Ties between organisations of two regions (or countries abroad) ÷ all ties."), SHARE),
    "ei_index_region": (_("E-I index on region"), _("(ties across regions − ties within a region) ÷ all ties."), NUMBER),
    "regions_linked": (_("Regions linked"), _("Distinct regions (and countries abroad) among organisations with a tie."), COUNT),
    "countries_linked": (_("Countries linked"), _("Distinct countries among organisations with a tie."), COUNT),
    "co_attendance_density": (_("Co-attendance density"), _("Member pairs checked in at the same event ÷ possible pairs."), SHARE),
    "co_attendance_largest_component_share": (_("Co-attendance largest group"),
        _("Members in the largest group linked by shared events ÷ members."), SHARE),
}

SECTIONS: tuple[tuple[Promise, tuple[str, ...]], ...] = (
    (_("Member base and mix"), ("members", "active_members", "members_firm", "members_hospital", "members_university",
                                "members_investor", "members_service", "members_public", "kinds_present", "active_share",
                                "firm_investor_share", "academic_clinical_share", "newcomers", "newcomer_outside_share")),
    (_("Events"), ("events", "events_per_month", "events_per_month_per_1000_members", "registrations", "show_up_rate",
                   "attending_orgs", "repeat_participation", "triple_helix_t", "event_meetings", "new_tie_yield",
                   "distant_tie_yield", "meeting_match_yield")),
    (_("Reach"), ("local_connectedness_median", "local_connectedness_none_share", "global_connectedness",
                  "firm_hospital_coverage", "hospital_firm_coverage", "mentoring_reach",
                  "sessions_per_mentored_startup", "scaled_mentor_share")),
    (_("Matching"), ("matches_decided", "match_acceptance_rate", "match_acceptance_rate_model",
                     "match_acceptance_rate_requested", "match_acceptance_rate_brokered", "match_conversion_rate",
                     "partnership_lag_days_median")),
    (_("Network structure"), ("density", "largest_component_share", "isolates", "isolate_share", "components",
                              "degree_centralization", "transitivity", "average_clustering", "betweenness_max",
                              "betweenness_mean", "constraint_mean", "constraint_min", "effective_size_mean",
                              "sampled_pivots", "gatekeepers", "gatekeeper_share", "communities", "modularity",
                              "one_kind_community_share", "one_region_community_share", "co_attendance_density",
                              "co_attendance_largest_component_share")),
    (_("Mixing"), ("ei_index_kind", "cross_kind_share", "cross_region_share", "ei_index_region", "regions_linked",
                   "countries_linked")),
)

# What a member of the cluster sees: the public summary (never an edge or a named organisation).
SUMMARY_INDICATORS = ("members", "members_firm", "members_hospital", "members_university", "members_investor",
                      "members_service", "members_public", "kinds_present", "events", "events_per_month",
                      "show_up_rate", "repeat_participation", "density", "largest_component_share")

TREND_INDICATORS = ("density", "largest_component_share", "degree_centralization", "cross_region_share",
                    "global_connectedness")

SCHEMES: dict[str, Promise] = {
    "startup_genome": _("Startup Genome phase"),
    "scanbalt": _("ScanBalt stage"),
}

STAGES: dict[str, Promise] = {
    "activation": pgettext_lazy("cluster stage", "Activation"),
    "globalization": pgettext_lazy("cluster stage", "Globalization"),
    "expansion": pgettext_lazy("cluster stage", "Expansion and attraction"),
    "integration": pgettext_lazy("cluster stage", "Integration"),
    "scientific_fountain": pgettext_lazy("cluster stage", "Scientific fountain"),
    "co_location": pgettext_lazy("cluster stage", "Co-location cluster"),
    "mode3": pgettext_lazy("cluster stage", "Mode 3 cluster"),
}

RULES: dict[str, Promise] = {
    "globalization.min_startups": _("enough member firms (start-ups)"),
    "globalization.min_largest_component": _("most members in one connected group"),
    "globalization.max_local_unconnected": _("few firms without a local tie"),
    "expansion.min_global_connectedness": _("firms tied outside their region"),
    "expansion.min_outside_newcomers": _("newcomers from outside the cluster's regions"),
    "integration.min_cross_region_share": _("at least half of the ties cross regions"),
    "integration.min_gatekeepers": _("gatekeepers bringing outside ties in"),
    "integration.min_events_per_month": _("near-daily events"),
    "co_location.min_firm_investor_share": _("firms and investors make up the membership"),
    "co_location.min_events_per_month": _("regular events"),
    "mode3.min_conversion": _("matches convert into partnerships"),
    "mode3.min_ei_index_kind": _("ties mix organisation kinds"),
    "mode3.min_gatekeepers": _("gatekeepers"),
    "mode3.min_regions": _("ties across several regions"),
    "mode3.min_countries": _("ties across several countries"),
}

OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}

MATCH_SOURCES: dict[str, Promise] = {
    "model": _("Proposed by the model"), "requested": _("Requested by a member"), "brokered": _("Brokered by a manager"),
}

LINKAGE_KINDS: dict[str, Promise] = {
    "partnership": _("Partnership"), "mentoring": _("Mentoring"), "meeting": _("Meeting"),
    "introduction": _("Introduction"), "co_attendance": _("Co-attendance"),
}


def indicator_label(name: str) -> str:
    entry = INDICATORS.get(name)
    return str(entry[0]) if entry else name.replace("_", " ")


def indicator_definition(name: str) -> str:
    entry = INDICATORS.get(name)
    return str(entry[1]) if entry else ""


def indicator_format(name: str) -> str:
    entry = INDICATORS.get(name)
    return entry[2] if entry else NUMBER


def kind_label(code: str) -> str:
    try:
        return str(OrganizationKind(code).label)
    except ValueError:
        return code


def place_label(code: str) -> str:
    """A place is a region code, or ``abroad:<country>`` for organisations abroad."""
    if code.startswith("abroad:"):
        return f"{Region.ABROAD.label} ({code.split(':', 1)[1]})"
    try:
        return str(Region(code).label)
    except ValueError:
        return code


def stage_label(code: str | None) -> str:
    return str(STAGES.get(code or "", code or ""))


def rule_label(code: str) -> str:
    if code.endswith(".reached"):
        return str(_("the top stage is reached"))
    return str(RULES.get(code, code))


def format_value(value: object, fmt: str) -> str:
    """A number for people: shares as percentages, counts whole, others to two decimals; "–" when missing."""
    if value is None:
        return "–"
    if fmt == SHARE:
        return f"{float(value) * 100:.1f}%"
    if fmt == COUNT:
        return f"{round(float(value)):,}"
    if fmt == DAYS:
        return f"{float(value):.1f}"
    return f"{float(value):.2f}"
