"""Smart specialisation: the profile read from the database, who may propose, endorse and publish focus areas,
the pages (Korean and English) and the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.models import FocusArea, FocusEndorsement, FocusStatus
from portal.specialisation import services

pytestmark = pytest.mark.django_db


def _rows(profile, kind):
    return {r.label: r for r in next(k for k in profile if k["kind"] == kind)["rows"]}


def test_profile_counts_members_listings_and_partnerships(spec_world):
    w = spec_world
    areas = _rows(services.cluster_profile(w.a), "therapeutic_area")
    assert set(areas) == {"Oncology test", "Neuro test"}
    assert areas["Oncology test"].lq == pytest.approx(1.75)
    assert areas["Oncology test"].count == 2
    assert areas["Oncology test"].previous_lq == pytest.approx(1.0)
    assert areas["Oncology test"].trend == "up"
    assert areas["Neuro test"].lq == pytest.approx(0.7)
    assert areas["Neuro test"].trend == "new"
    assert _rows(services.cluster_profile(w.b), "therapeutic_area")["Neuro test"].lq == pytest.approx(1.4)
    assert _rows(services.cluster_profile(w.a), "technology")["AI test"].lq == pytest.approx(1.0)
    # A cluster without members: an empty profile, no error.
    assert all(k["rows"] == [] for k in services.cluster_profile(w.c))


def test_alliance_complements_and_overlap(spec_world):
    view = services.alliance_view(spec_world.alliance)
    areas = next(k for k in view.complements if k["kind"] == "therapeutic_area")["rows"]
    by_label = {r["label"]: r for r in areas}
    assert [c["name"] for c in by_label["Oncology test"]["strong"]] == ["Spa Bio"]
    assert by_label["Oncology test"]["weak"] == [{"name": "Spb Medi", "lq": "0.00"}]
    assert [c["name"] for c in by_label["Neuro test"]["strong"]] == ["Spb Medi"]
    assert by_label["Neuro test"]["weak"] == [{"name": "Spa Bio", "lq": "0.70"}]
    assert all(k["rows"] == [] for k in view.overlap)


def _propose(w, who="a1"):
    return services.propose(user=w.people[who], cluster=w.a, organization=w.orgs[who], title="Precision oncology",
                            rationale="Hospitals and firms already partner here.", facet=w.onc)


def test_who_may_propose(spec_world):
    w = spec_world
    focus = _propose(w)
    assert focus.status == FocusStatus.PROPOSED and focus.proposed_by_user == w.people["a1"]
    with pytest.raises(PermissionDenied):  # not a member of the cluster
        _propose(w, "x1")
    with pytest.raises(PermissionDenied):  # a member of another cluster
        _propose(w, "b1")
    with pytest.raises(PermissionDenied):  # the organisation is not verified
        _propose(w, "u1")
    with pytest.raises(PermissionDenied):  # acting for an organisation the person does not belong to
        services.propose(user=w.people["a2"], cluster=w.a, organization=w.orgs["a1"], title="t", rationale="r")
    assert FocusArea.objects.count() == 1


def test_endorse_once_and_never_own(spec_world):
    w = spec_world
    focus = _propose(w)
    services.endorse(user=w.people["a2"], focus=focus, organization=w.orgs["a2"])
    with pytest.raises(ValidationError, match="has already endorsed this focus area"):
        services.endorse(user=w.people["a2"], focus=focus, organization=w.orgs["a2"])
    with pytest.raises(ValidationError, match="proposed this focus area"):
        services.endorse(user=w.people["a1"], focus=focus, organization=w.orgs["a1"])
    with pytest.raises(PermissionDenied):  # a member of another cluster
        services.endorse(user=w.people["b1"], focus=focus, organization=w.orgs["b1"])
    with pytest.raises(PermissionDenied):  # not verified
        services.endorse(user=w.people["u1"], focus=focus, organization=w.orgs["u1"])
    assert FocusEndorsement.objects.filter(focus_area=focus).count() == 1


def test_only_the_clusters_managers_publish(spec_world):
    w = spec_world
    focus = _propose(w)
    for user in (w.manager_b, w.people["a1"], w.people["a2"]):
        with pytest.raises(PermissionDenied):
            services.decide(user=user, focus=focus, status=FocusStatus.PUBLISHED)
    services.decide(user=w.manager_a, focus=focus, status=FocusStatus.PUBLISHED)
    focus.refresh_from_db()
    assert focus.status == FocusStatus.PUBLISHED and focus.decided_by == w.manager_a
    services.decide(user=w.manager_a, focus=focus, status=FocusStatus.WITHDRAWN)
    with pytest.raises(ValidationError, match="withdrawn"):
        services.endorse(user=w.people["a2"], focus=focus, organization=w.orgs["a2"])


def test_visibility(spec_world):
    w = spec_world
    proposed, withdrawn = _propose(w), _propose(w, "a2")
    services.decide(user=w.manager_a, focus=withdrawn, status=FocusStatus.WITHDRAWN)
    assert {f.pk for f in services.visible_focus_areas(w.people["a2"], w.a)} == {proposed.pk}
    assert {f.pk for f in services.visible_focus_areas(w.manager_a, w.a)} == {proposed.pk, withdrawn.pk}
    for outsider in (w.people["b1"], w.people["x1"], w.people["u1"], w.manager_b):
        assert not services.visible_focus_areas(outsider, w.a).exists()
        assert not services.visible_focus_areas_anywhere(outsider).filter(cluster=w.a).exists()


# --- pages -------------------------------------------------------------------------------------------------


def test_page_shows_profile_beside_focus_areas_in_english_and_korean(client, spec_world):
    w = spec_world
    focus = _propose(w)
    services.endorse(user=w.people["a2"], focus=focus, organization=w.orgs["a2"])
    client.force_login(w.people["a2"])
    html = client.get("/clusters/spa/specialisation/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Specialisation profile" in html and "1.75" in html and "Oncology test" in html
    assert "Precision oncology" in html and "1 endorsement" in html
    assert "Your organisation endorsed this." in html and ">Endorse</button>" not in html
    client.force_login(w.people["a1"])  # the proposer: no button either
    assert ">Endorse</button>" not in client.get("/clusters/spa/specialisation/").content.decode()
    focus2 = _propose(w, "a2")
    assert f"/focus/{focus2.pk}/endorse/" in client.get("/clusters/spa/specialisation/").content.decode()
    client.force_login(w.people["a2"])
    ko = client.get("/clusters/spa/specialisation/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<html lang="ko">' in ko and "대시보드" in ko and "종양 테스트" in ko and "제안됨" in ko
    client.cookies["django_language"] = "ko"
    assert "대시보드" in client.get("/clusters/spa/specialisation/").content.decode()


def test_page_refuses_outsiders(client, spec_world):
    w = spec_world
    for user in (w.people["b1"], w.people["x1"], w.people["u1"], w.manager_b):
        client.force_login(user)
        assert client.get("/clusters/spa/specialisation/").status_code == 403
        assert client.post("/clusters/spa/specialisation/", {"title": "t", "rationale": "r"}).status_code == 403
    assert not FocusArea.objects.exists()


def test_propose_endorse_publish_through_the_page(client, spec_world):
    w = spec_world
    client.force_login(w.people["a1"])
    response = client.post("/clusters/spa/specialisation/", {"organization": w.orgs["a1"].pk, "facet": w.onc.pk,
                                                             "title": "Precision oncology", "rationale": "Why"})
    assert response.status_code == 302
    focus = FocusArea.objects.get()
    client.force_login(w.people["a2"])
    url = f"/clusters/spa/specialisation/focus/{focus.pk}/endorse/"
    client.post(url, {"organization": w.orgs["a2"].pk})
    page = client.post(url, {"organization": w.orgs["a2"].pk}, follow=True).content.decode()
    assert "has already endorsed this focus area" in page
    assert client.post(f"/clusters/spa/specialisation/focus/{focus.pk}/publish/").status_code == 403
    client.force_login(w.manager_b)
    assert client.post(f"/clusters/spa/specialisation/focus/{focus.pk}/publish/").status_code == 403
    client.force_login(w.manager_a)
    client.post(f"/clusters/spa/specialisation/focus/{focus.pk}/publish/")
    focus.refresh_from_db()
    assert focus.status == FocusStatus.PUBLISHED


def test_alliance_page_and_dashboard_link(client, spec_world):
    w = spec_world
    client.force_login(w.manager_a)
    html = client.get("/alliances/spab/specialisation/").content.decode()
    assert "Where the clusters complement each other" in html and "Oncology test" in html and "Spb Medi (0.00)" in html
    board = client.get("/clusters/spa/dashboard/").content.decode()
    assert 'href="/clusters/spa/specialisation/"' in board
    client.force_login(w.people["a2"])  # the public summary links it too
    assert 'href="/clusters/spa/specialisation/"' in client.get("/clusters/spa/dashboard/").content.decode()
    client.force_login(w.people["x1"])
    assert client.get("/alliances/spab/specialisation/").status_code == 403


# --- API ---------------------------------------------------------------------------------------------------


def test_api_read_and_write(client, spec_world):
    w = spec_world
    withdrawn = _propose(w, "a2")
    services.decide(user=w.manager_a, focus=withdrawn, status=FocusStatus.WITHDRAWN)
    client.force_login(w.people["x1"])
    assert client.post("/api/v1/focus-areas/", {"cluster": "spa", "proposed_by": w.orgs["x1"].pk, "title": "t",
                                                 "rationale": "r"}, content_type="application/json").status_code == 403
    assert client.get("/api/v1/clusters/spa/specialisation/").status_code == 403
    client.force_login(w.people["a1"])
    created = client.post("/api/v1/focus-areas/", {"cluster": "spa", "proposed_by": w.orgs["a1"].pk, "facet": w.onc.pk,
                                                    "title": "Precision oncology", "rationale": "r"},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    spec = client.get("/api/v1/clusters/spa/specialisation/").json()
    onc = next(r for k in spec["profile"] for r in k["rows"] if r["label"] == "Oncology test")
    assert onc["lq"] == pytest.approx(1.75) and onc["trend"] == "up"
    assert [f["id"] for f in spec["focus_areas"]] == [pk]  # the withdrawn one is for managers only
    client.force_login(w.people["a2"])
    listed = client.get("/api/v1/focus-areas/").json()
    ids = [f["id"] for f in listed.get("results", listed)]
    assert ids == [pk]
    assert client.post(f"/api/v1/focus-areas/{pk}/endorse/", {"organization": w.orgs["a2"].pk},
                       content_type="application/json").json()["endorsement_count"] == 1
    again = client.post(f"/api/v1/focus-areas/{pk}/endorse/", {"organization": w.orgs["a2"].pk},
                        content_type="application/json")
    assert again.status_code == 400 and "already endorsed" in again.content.decode()
    assert client.post(f"/api/v1/focus-areas/{pk}/publish/").status_code == 403
    for other in (w.people["b1"], w.manager_b):  # nothing of another cluster is visible, or decided
        client.force_login(other)
        listed = client.get("/api/v1/focus-areas/").json()
        assert listed.get("results", listed) == []
        assert client.post(f"/api/v1/focus-areas/{pk}/publish/").status_code == 404
        assert client.post(f"/api/v1/focus-areas/{pk}/endorse/", {"organization": w.orgs["b1"].pk},
                           content_type="application/json").status_code == 404
    client.force_login(w.manager_a)
    listed = client.get("/api/v1/focus-areas/?cluster=spa").json()
    assert {f["id"] for f in listed.get("results", listed)} == {pk, withdrawn.pk}
    published = client.post(f"/api/v1/focus-areas/{pk}/publish/")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert client.get(f"/api/v1/focus-areas/{pk}/?cluster=%00").status_code == 404  # not a slug: nothing, no 500
    assert client.get("/api/v1/focus-areas/?cluster=%00").json()["results"] == []
    alliance = client.get("/api/v1/alliances/spab/specialisation/").json()
    assert {c["slug"] for c in alliance["clusters"]} == {"spa", "spb"}
