"""The participant marketplace (consenting attendees' open needs and offers, titles and tags
only) and the organisers' live partnering figures."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from events import partnering, registration
from events.forms import RegistrationForm
from events.models import Registration
from matching.models import Listing
from taxonomy.models import Facet
from tests.factories import EventFactory, OrganizationFactory, cluster_manager, verified_member

pytestmark = pytest.mark.django_db

SECRET = "Our confidential target: KRAS G12C in Korean cohorts"


def _listing(org, side, title, visibility="members", status="open", tags=()):
    listing = Listing.objects.create(organization=org, side=side, title=title, description=SECRET,
                                     visibility=visibility, status=status)
    listing.therapeutic_areas.set(tags)
    return listing


@pytest.fixture
def world():
    manager, cluster = cluster_manager()
    event = EventFactory(cluster=cluster, capacity=None, kind="partnering")
    oncology = Facet.objects.create(kind="therapeutic_area", slug="onc-test", label_en="Oncology", label_ko="종양")
    sharing_org = OrganizationFactory(name_en="Sharing Bio", name_ko="공유바이오")
    quiet_org = OrganizationFactory(name_en="Quiet Pharma", name_ko="조용제약")
    sharer, quiet = verified_member(sharing_org), verified_member(quiet_org)
    _listing(sharing_org, "need", "Phase 1 site in Osong", visibility="confidential", tags=[oncology])
    _listing(sharing_org, "capability", "Organoid screening")
    _listing(sharing_org, "need", "Closed old need", status="closed")
    _listing(quiet_org, "need", "Quiet need")
    regs = {
        "sharer": registration.event_register(user=sharer, event_id=event.pk, share_listings=True),
        "quiet": registration.event_register(user=quiet, event_id=event.pk),
    }
    return {"manager": manager, "event": event, "sharer": sharer, "quiet": quiet, "regs": regs}


def _page(client, user, event):
    client.force_login(user)
    return client.get(reverse("events:marketplace", args=[event.pk]))


def test_consent_is_off_by_default_on_the_form_the_service_and_the_api(world):
    event = world["event"]
    assert world["regs"]["quiet"].share_listings is False
    form = RegistrationForm(event=event, organizations=None)
    assert form.fields["share_listings"].initial is False
    api = APIClient()
    api.force_authenticate(verified_member())
    made = api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json")
    assert made.status_code == 201 and made.json()["share_listings"] is False
    assert Registration.objects.get(pk=made.json()["id"]).share_listings is False


def test_the_registration_form_stores_consent(client, world):
    user = verified_member()
    client.force_login(user)
    org = user.memberships.get().organization
    client.post(reverse("events:register", args=[world["event"].pk]),
                {"organization": org.pk, "show_in_participant_list": "on", "share_listings": "on"})
    assert Registration.objects.get(user=user).share_listings is True


def test_only_consenting_organisations_with_open_listings_titles_and_tags(client, world):
    html = _page(client, world["quiet"], world["event"]).content.decode()
    html = html[html.index('id="marketplace"'):html.index("</main>")]  # not the viewer's own menu
    assert "Sharing Bio" in html and "Phase 1 site in Osong" in html and "Organoid screening" in html
    assert "Oncology" in html
    assert "Quiet Pharma" not in html and "Quiet need" not in html  # did not consent
    assert "Closed old need" not in html
    assert SECRET not in html  # descriptions never, confidential or not


def test_organisers_see_it_and_outsiders_do_not(client, world):
    assert _page(client, world["manager"], world["event"]).status_code == 200
    assert _page(client, verified_member(), world["event"]).status_code == 403
    client.logout()
    assert client.get(reverse("events:marketplace", args=[world["event"].pk])).status_code == 302


def test_marketplace_runs_a_constant_number_of_queries(client, world):
    event = world["event"]

    def count() -> int:
        client.force_login(world["quiet"])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("events:marketplace", args=[event.pk])).status_code == 200
        return len(ctx)

    one = count()
    for i in range(2):
        org = OrganizationFactory()
        _listing(org, "need", f"Need {i}")
        _listing(org, "capability", f"Offer {i}")
        registration.event_register(user=verified_member(org), event_id=event.pk, share_listings=True)
    assert count() == one


def test_organiser_sees_live_figures_on_the_event_page(client, world):
    pytest.importorskip("events.scheduling")
    manager, event = world["manager"], world["event"]
    Registration.objects.filter(event=event).delete()
    event.starts_at = timezone.now() + timedelta(minutes=30)
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    people = [verified_member(OrganizationFactory()) for _ in range(4)]
    regs = [registration.event_register(user=p, event_id=event.pk) for p in people]
    partnering.partnering_configure(user=manager, event_id=event.pk, first_slot_at=event.starts_at,
                                    slot_minutes=20, slots=3, tables=2)
    # 4 requests: 3 accepted (2 scheduled below, 1 held), 1 open.
    for i, j in ((0, 1), (2, 3), (0, 2)):
        req = partnering.meeting_request_create(user=people[i], event_id=event.pk, recipient_id=regs[j].pk)
        partnering.meeting_request_decide(user=people[j], request_id=req.pk, accept=True)
    partnering.meeting_request_create(user=people[1], event_id=event.pk, recipient_id=regs[3].pk)
    partnering.meetings_schedule(user=manager, event_id=event.pk)
    first = event.meetings.order_by("slot", "table").first()
    partnering.meeting_outcome_record(user=manager, meeting_id=first.pk, outcome="held")
    client.force_login(manager)
    html = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    scheduled = event.meetings.count()
    assert scheduled == 3  # two tables, three slots: every accepted request fits
    for testid, value in (("fig-sent", 4), ("fig-accepted", 3), ("fig-scheduled", 3), ("fig-held", 1)):
        assert f'data-testid="{testid}">{value}</dd>' in html
    client.force_login(people[0])
    assert 'id="partnering-figures"' not in client.get(reverse("events:detail", args=[event.pk])).content.decode()
