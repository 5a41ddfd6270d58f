"""Reads: who may see what. Every view and API endpoint scopes its queryset through these."""

from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Window

from clusters.models import Cluster, ClusterMembership, ClusterMembershipStatus
from core.i18n import localized
from core.versions import COUNT, SUM, version

from .models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationChange,
    OrganizationChangeStatus,
    OrganizationStatus,
    User,
    website_domain,
)
from .search import search


def managed_cluster_ids(user: User) -> set[int]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_managed_cluster_ids", None)
    if cached is None:
        cached = set(Cluster.objects.filter(managers=user).values_list("id", flat=True))
        user._managed_cluster_ids = cached
    return cached


def member_org_ids(user: User) -> set[int]:
    """Organisations the user actively belongs to."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_member_org_ids", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values_list(
                "organization_id", flat=True
            )
        )
        user._member_org_ids = cached
    return cached


def admin_org_ids(user: User) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(
            user=user, status=MembershipStatus.ACTIVE, role=MembershipRole.ADMIN
        ).values_list("organization_id", flat=True)
    )


def is_cluster_manager(user: User) -> bool:
    return bool(managed_cluster_ids(user)) or user.is_superuser


def _managed_org_filter(user: User) -> Q:
    """Organisations that asked to join (or belong to) a cluster the user manages."""
    return Q(
        Exists(
            ClusterMembership.objects.filter(
                organization=OuterRef("pk"), cluster_id__in=managed_cluster_ids(user)
            )
        )
    )


def visible_organizations(user: User) -> QuerySet[Organization]:
    """Verified organisations, plus pending/rejected ones the user belongs to or manages."""
    qs = Organization.objects.all()
    if user.is_superuser:
        return qs
    if not user.is_authenticated:
        return qs.filter(status=OrganizationStatus.VERIFIED)
    condition = Q(status=OrganizationStatus.VERIFIED) | Q(pk__in=member_org_ids(user))
    if managed_cluster_ids(user):
        condition |= _managed_org_filter(user)
    return qs.filter(condition)


def organizations_managed_by(user: User) -> QuerySet[Organization]:
    if user.is_superuser:
        return Organization.objects.all()
    return Organization.objects.filter(_managed_org_filter(user))


def can_edit_organization(user: User, org: Organization) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or org.pk in admin_org_ids(user)


def can_see_contacts_of(viewer: User, org: Organization) -> bool:
    """Contact details of an organisation's people: its own members and its cluster managers. The other
    side of a connected match sees only the person named as the match's contact, on the match's page."""
    if not viewer.is_authenticated:
        return False
    if viewer.is_superuser or org.pk in member_org_ids(viewer):
        return True
    if org.pk in _connected_org_ids(viewer):
        return True
    return organizations_managed_by(viewer).filter(pk=org.pk).exists()


# Apps above accounts widen who may see an organisation's people: matching registers the other sides of
# a viewer's connected matches (double opt-in) from its AppConfig.ready(). Accounts knows nothing of them.
ContactGrant = Callable[[User], set[int]]
_contact_grants: list[ContactGrant] = []


def register_contact_grant(grant: ContactGrant) -> ContactGrant:
    """Let ``grant(viewer)`` add organisations whose contacts the viewer may see (idempotent)."""
    if grant not in _contact_grants:
        _contact_grants.append(grant)
    return grant


def _connected_org_ids(viewer: User) -> set[int]:
    ids: set[int] = set()
    for grant in _contact_grants:
        ids |= grant(viewer)
    return ids


def contact_visible_org_ids(viewer: User) -> set[int]:
    """All organisations whose people's contacts the viewer may see (one or two queries)."""
    if not viewer.is_authenticated:
        return set()
    ids = set(member_org_ids(viewer)) | _connected_org_ids(viewer)
    if managed_cluster_ids(viewer):
        ids |= set(
            ClusterMembership.objects.filter(cluster_id__in=managed_cluster_ids(viewer)).values_list(
                "organization_id", flat=True
            )
        )
    return ids


def organization_directory(
    *, user: User, q: str = "", kind: str = "", region: str = "", cluster: str = ""
) -> QuerySet[Organization]:
    """Verified organisations for the directory; a search matches both names (Korean short forms
    too) and the description, most relevant first (``accounts.search``)."""
    qs = Organization.objects.filter(status=OrganizationStatus.VERIFIED)
    qs = search(qs, q)
    if kind:
        qs = qs.filter(kind=kind)
    if region:
        qs = qs.filter(region=region)
    if cluster:
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column of every match (at 5,000
        # organisations a search took 246 ms with it, 160 ms without: README "Load benchmark").
        qs = qs.filter(pk__in=ClusterMembership.objects.filter(
            cluster__slug=cluster, status=ClusterMembershipStatus.APPROVED).values("organization_id"))
    return qs.prefetch_related("cluster_memberships__cluster")


DIRECTORY_PAGE_SIZE = 24
MAX_DIRECTORY_PAGE = 1_000_000
# The columns a directory card shows: the others (JSON facts, audit fields) are not read.
DIRECTORY_COLUMNS = ("id", "name_ko", "name_en", "kind", "region", "description")


def directory_page(qs: QuerySet[Organization], number) -> Page:
    """One page of the directory, as ``Paginator(qs, 24).get_page(number)`` gives it, with the number of
    matches read beside the rows (a window count) instead of by a second query that searches every
    organisation again: one search per page, not two."""
    paginator = Paginator(qs, DIRECTORY_PAGE_SIZE)
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    # A page number too large for an OFFSET (a hostile ?page=) is past the end like any other: the last page.
    rows = _directory_rows(qs, number) if 1 <= number <= MAX_DIRECTORY_PAGE else []
    if rows:
        paginator.count = rows[0]._total  # Paginator.count is a cached property: this is its value
    else:  # no match, or a page past the end (or below 1): the last page, as get_page() shows it
        paginator.count = qs.count() if number != 1 else 0
        if paginator.count:
            number = paginator.num_pages
            rows = _directory_rows(qs, number)
        else:
            number = 1
    return paginator._get_page(rows, number, paginator)


def _directory_rows(qs: QuerySet[Organization], number: int) -> list[Organization]:
    """The page's organisations, each with ``cluster_names``: its approved clusters' names in the current
    language, newest membership first (read as plain values: no membership or cluster objects)."""
    start = (number - 1) * DIRECTORY_PAGE_SIZE
    qs = qs.prefetch_related(None).only(*DIRECTORY_COLUMNS).annotate(_total=Window(Count("pk")))
    orgs = list(qs[start:start + DIRECTORY_PAGE_SIZE])
    names: dict[int, list[str]] = {}
    if orgs:
        rows = (ClusterMembership.objects
                .filter(organization_id__in=[org.pk for org in orgs], status=ClusterMembershipStatus.APPROVED)
                .order_by("-requested_at", "id").values_list("organization_id", "cluster__name_ko", "cluster__name_en"))
        for org_id, name_ko, name_en in rows:
            names.setdefault(org_id, []).append(localized(name_ko, name_en))
    for org in orgs:
        org.cluster_names = names.get(org.pk, [])
    return orgs


def directory_version() -> tuple:
    """What the directory's cards show, read in one query for the kept result list (``core.fragments``):
    the organisations' latest ``updated_at`` and count (every edit, verification, rejection or re-application
    saves ``updated_at``; a deletion changes the count) and the approved cluster memberships' count and id
    sums (an approval, a decline, a removal or a cluster deleted changes them), and the latest request and
    decision times (sums can coincide; a decision or re-application always moves these). Cluster names are in the
    filter form's choices, which the view reads anyway."""
    approved = ClusterMembership.objects.filter(status=ClusterMembershipStatus.APPROVED)
    return version(
        (Organization, "updated_at"), (Organization, COUNT),
        (approved, COUNT), (approved, "id", SUM), (approved, "organization_id", SUM), (approved, "cluster_id", SUM),
        (ClusterMembership, "requested_at"), (ClusterMembership, "decided_at"),  # every decision and re-application
    )


def organization_people(*, org: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=org, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__full_name")
    )


def likely_duplicates(*, name_ko: str = "", name_en: str = "", website: str = "") -> QuerySet[Organization]:
    """Existing organisations with the same Korean or English name or the same website domain."""
    condition = Q()
    if name_ko.strip():
        condition |= Q(name_ko__iexact=name_ko.strip())
    if name_en.strip():
        condition |= Q(name_en__iexact=name_en.strip())
    domain = website_domain(website)
    if domain:
        condition |= Q(website_domain=domain)
    if not condition:
        return Organization.objects.none()
    return Organization.objects.filter(condition).exclude(status=OrganizationStatus.REJECTED)


def verification_queue(*, user: User) -> QuerySet[ClusterMembership]:
    """Cluster-join requests awaiting a decision by this manager, oldest first."""
    qs = ClusterMembership.objects.filter(status=ClusterMembershipStatus.REQUESTED)
    if not user.is_superuser:
        qs = qs.filter(cluster_id__in=managed_cluster_ids(user))
    return (
        qs.select_related("organization", "cluster")
        .prefetch_related("organization__memberships__user")
        .order_by("requested_at", "id")
    )


def may_review_organization_change(user: User, org: Organization) -> bool:
    """A held name or website change is decided by the managers of a cluster that admitted the organisation."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return ClusterMembership.objects.filter(
        organization=org, cluster_id__in=managed_cluster_ids(user), status=ClusterMembershipStatus.APPROVED
    ).exists()


def organization_changes_to_review(*, user: User) -> QuerySet[OrganizationChange]:
    """Held name and website changes this manager may decide, oldest first."""
    qs = OrganizationChange.objects.filter(status=OrganizationChangeStatus.PENDING)
    if not user.is_superuser:
        qs = qs.filter(
            Exists(
                ClusterMembership.objects.filter(
                    organization=OuterRef("organization"),
                    cluster_id__in=managed_cluster_ids(user),
                    status=ClusterMembershipStatus.APPROVED,
                )
            )
        )
    return qs.select_related("organization", "requested_by").order_by("requested_at", "id")


def pending_join_requests(*, user: User) -> QuerySet[Membership]:
    """People asking to join organisations the user administers."""
    return Membership.objects.filter(
        organization_id__in=admin_org_ids(user), status=MembershipStatus.REQUESTED
    ).select_related("user", "organization")


def user_nav_context(user: User) -> dict:
    memberships = list(
        Membership.objects.filter(user=user).select_related("organization").order_by("id")
    )
    return {
        "authenticated": True,
        "memberships": memberships,
        "is_manager": is_cluster_manager(user),
    }
