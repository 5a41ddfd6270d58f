"""The engine-based pair_scores: on-topic mentors first, Korean needs meet English mentors, a floor
below which a pair has no fit, and a confidential need's description never used nor shown to mentors."""

import pytest
from django.test import Client
from django.urls import reverse

from matching.engine.types import Listing as Need
from matching.models import ListingStatus, ListingVisibility
from mentoring import panels
from mentoring.cohort import mentor_card, startup_cards
from mentoring.models import ProgrammeApplication
from mentoring.ranking import MODELS
from mentoring.scoring import SEMANTIC_FLOOR, MentorCard, StartupCard, pair_scores
from tests.mentoring.world import facets, managed_programme, mentor, startup

ONCO = "therapeutic_area:oncology"


def need(title: str, description: str = "", lang: str = "en", areas=()) -> Need:
    return Need(id=title[:20], org="s", side="need", title=title, description=description, lang=lang,
                therapeutic_areas=tuple(areas))


def mcard(id_: str, expertise: str, facets=(), langs=("en",), pubs=()) -> MentorCard:
    return MentorCard(id_, frozenset(facets), frozenset(langs), expertise, tuple(pubs))


CELL = mcard("cell", "Cell therapy clinical development: CAR-T and CAR-NK first-in-human trials and GMP manufacturing.",
             pubs=[("Phase 1 design for CAR-NK cell therapies", "Dose escalation and safety monitoring in solid tumours.")])
DTX = mcard("dtx", "Digital therapeutics for depression: app-based trials, software as a medical device approval.")


def test_the_on_topic_mentor_ranks_first_and_the_best_need_counts():
    s = StartupCard("s", frozenset(), frozenset({"en"}), (
        need("Phase 1 site for a CAR-NK cell therapy in solid tumours", "First-in-human dose escalation."),
        need("Office space in Seoul"),
    ))
    scores = pair_scores([s], [CELL, DTX])
    assert scores["s", "cell"] > 0.5
    assert scores.get(("s", "dtx"), 0.0) < scores["s", "cell"] - 0.3
    # The score is the best need's: adding an unrelated need changes nothing.
    alone = pair_scores([StartupCard("s", frozenset(), frozenset(), s.needs[:1])], [CELL, DTX])
    assert alone["s", "cell"] == pytest.approx(scores["s", "cell"])


def test_a_korean_need_meets_an_english_mentor():
    s = StartupCard("s", frozenset(), frozenset({"ko"}), (
        need("고형암 CAR-NK 세포치료제 제1상 임상시험",
             "최초 인체 투여 용량 증량 시험과 GMP 세포 생산에 대한 조언이 필요합니다.", lang="ko"),))
    scores = pair_scores([s], [CELL, DTX])
    assert ("s", "cell") in scores
    assert scores["s", "cell"] > scores.get(("s", "dtx"), 0.0)


def test_no_score_below_the_floor_unless_a_facet_is_shared():
    s = StartupCard("s", frozenset({ONCO}), frozenset({"en"}), (need("Series A investment for a bakery chain"),))
    off_topic = mcard("bio", "Protein crystallography of membrane transporters.")
    tagged = mcard("tagged", "Protein crystallography of membrane transporters.", facets=[ONCO])
    MODELS.clear("mentors")
    scores = pair_scores([s], [off_topic, tagged])
    model = MODELS.get("mentors", MODELS.key_of("mentors"), lambda: None)
    semantic = model.parts(list(s.needs))["semantic"][0]
    assert semantic.max() < SEMANTIC_FLOOR  # neither is close in meaning...
    assert ("s", "bio") not in scores  # ...so without a shared facet there is no fit
    assert ("s", "tagged") in scores  # a shared facet keeps the pair (a soft signal in the score)
    assert pair_scores([StartupCard("s", frozenset(), frozenset(), ())], [off_topic]) == {}


def test_the_model_is_fitted_once_per_mentor_corpus():
    s = StartupCard("s", frozenset(), frozenset(), (need("CAR-NK phase 1 trial"),))
    pair_scores([s], [CELL, DTX])
    fits = MODELS.fits
    pair_scores([s, StartupCard("t", frozenset(), frozenset(), (need("Depression app trial"),))], [CELL, DTX])
    assert MODELS.fits == fits
    pair_scores([s], [CELL])
    assert MODELS.fits == fits + 1


MARKER = "ZEBRA-7731-SECRET"


@pytest.mark.django_db
def test_a_confidential_description_is_never_scored_nor_shown_to_mentors(django_capture_on_commit_callbacks, mailoutbox):
    manager, prog = managed_programme()
    _admin, org = startup(slugs=("oncology",), language="en")
    listing = org.listings.get()
    listing.title = "CAR-NK cell therapy phase 1"
    listing.description = f"Our unpublished target is {MARKER}."
    listing.visibility = ListingVisibility.CONFIDENTIAL
    listing.save()
    prog.cohort_startups.create(organization=org)
    profile = mentor(slugs=("oncology",), languages="en", clusters=[prog.cluster])
    profile.expertise = "Cell therapy clinical development and CAR-NK trials."
    profile.save()

    (card,) = startup_cards(prog, [org])
    assert [n.text for n in card.needs] == ["CAR-NK cell therapy phase 1"]
    assert all(MARKER not in n.description for n in card.needs)

    panels.optimise_panels(user=manager, programme_id=prog.pk)
    with django_capture_on_commit_callbacks(execute=True):
        panels.panels_publish(user=manager, programme_id=prog.pk)
    client = Client()
    client.force_login(profile.user)
    seen = [client.get(reverse(name)).content.decode() for name in ("mentoring:my_seats", "mentoring:my_profile")]
    seen.append(client.get(reverse("mentoring:programme", args=[prog.pk])).content.decode())
    seen += [m.body for m in mailoutbox] + [str(a[0]) for m in mailoutbox for a in getattr(m, "alternatives", [])]
    assert any(org.name in page for page in seen)  # the mentor does see the seat
    assert all(MARKER not in text for text in seen)


@pytest.mark.django_db
def test_a_startup_without_an_open_need_is_ranked_on_its_application_focus():
    _manager, prog = managed_programme()
    admin, org = startup(slugs=("oncology",))
    org.listings.update(status=ListingStatus.CLOSED)
    application = ProgrammeApplication.objects.create(programme=prog, organization=org, submitted_by=admin)
    application.focus.set(facets("oncology"))
    onco, cardio = mentor(slugs=("oncology",), languages="en"), mentor(slugs=("cardiology",), languages="en")

    (card,) = startup_cards(prog, [org])
    assert [(n.text, n.therapeutic_areas) for n in card.needs] == [("", ("oncology",))]
    scores = pair_scores([card], [mentor_card(onco), mentor_card(cardio)])
    assert set(scores) == {(str(org.pk), str(onco.pk))}
