"""Factories for the test suite; later issues add theirs here."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import Membership, MembershipRole, Organization, OrganizationKind, OrganizationStatus, User
from clusters.models import Cluster, ClusterMembership, ClusterMembershipStatus

PASSWORD = "Correct-Horse-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.kr")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    phone = factory.Sequence(lambda n: f"010-0000-{n:04d}")
    language = "en"
    email_verified_at = factory.LazyFunction(timezone.now)
    privacy_consent_version = "2026-11"
    privacy_consent_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"cluster-{n}")
    name_en = factory.Sequence(lambda n: f"Cluster {n}")
    name_ko = factory.Sequence(lambda n: f"클러스터 {n}")
    regions = ["seoul"]


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    name_ko = factory.Sequence(lambda n: f"기관 {n}")
    kind = OrganizationKind.FIRM
    region = "seoul"
    description = "Develops diagnostics."
    status = OrganizationStatus.VERIFIED
    website = factory.Sequence(lambda n: f"https://org{n}.example.kr")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.MEMBER


class ClusterMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClusterMembership

    organization = factory.SubFactory(OrganizationFactory)
    cluster = factory.SubFactory(ClusterFactory)
    status = ClusterMembershipStatus.APPROVED


def org_admin(**org_kwargs) -> tuple[User, Organization]:
    """A verified organisation and a user who administers it."""
    org = OrganizationFactory(**org_kwargs)
    user = UserFactory()
    MembershipFactory(user=user, organization=org, role=MembershipRole.ADMIN)
    return user, org


def cluster_manager(cluster: Cluster | None = None) -> tuple[User, Cluster]:
    cluster = cluster or ClusterFactory()
    user = UserFactory()
    cluster.managers.add(user)
    return user, cluster


class EventFactory(factory.django.DjangoModelFactory):
    """A published meetup next week, 10:00–12:00 UTC (19:00–21:00 in Seoul)."""

    class Meta:
        model = "events.Event"

    cluster = factory.SubFactory(ClusterFactory)
    kind = "meetup"
    title_en = factory.Sequence(lambda n: f"Meetup {n}")
    title_ko = factory.Sequence(lambda n: f"밋업 {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    venue = "Osong C&V Centre"
    capacity = 10
    status = "published"


def verified_member(org=None) -> User:
    """A user in a verified organisation: someone who may register for events."""
    user = UserFactory()
    MembershipFactory(user=user, organization=org or OrganizationFactory())
    return user
