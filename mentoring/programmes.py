"""Writes for programmes: create, edit and move them along (cluster managers); apply (startups);
accept applicants into the cohort and enlist mentors (managers)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrganizationKind, User
from clusters.models import Cluster
from core.errors import Conflict, DomainError, NotAllowed

from . import panels, selectors
from .models import (
    ApplicationStatus,
    CohortMentor,
    CohortStartup,
    MentorProfile,
    MentorStatus,
    PanelSeat,
    Programme,
    ProgrammeApplication,
    ProgrammeStatus,
)

EDITABLE_FIELDS = ("name_ko", "name_en", "description_ko", "description_en", "starts_on", "ends_on", "panel_size",
                   "questions")
# Which status a manager may move a programme to from which.
MOVES = {
    ProgrammeStatus.OPEN: (ProgrammeStatus.DRAFT,),
    ProgrammeStatus.CLOSED: (ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING, ProgrammeStatus.PUBLISHED),
}


def _validate(programme: Programme) -> None:
    if not (programme.name_ko.strip() or programme.name_en.strip()):
        raise DomainError(_("Give the programme a name in Korean, English or both."))
    if programme.starts_on is None or programme.ends_on is None:
        raise DomainError(_("Give the programme a start and an end date."))
    if programme.ends_on < programme.starts_on:
        raise DomainError(_("The programme must end after it starts."))
    if not 1 <= (programme.panel_size or 0) <= 10:
        raise DomainError(_("A panel has between 1 and 10 mentors."))
    for question in programme.questions:
        if not isinstance(question, dict) or not question.get("key"):
            raise DomainError(_("Each application question needs a key."))


@transaction.atomic
def programme_create(*, user: User, cluster: Cluster, fields: dict) -> Programme:
    if not selectors.can_manage_cluster(user, cluster.pk):
        raise NotAllowed(_("Only the cluster's managers can create its programmes."))
    programme = Programme(cluster=cluster, created_by=user, status=ProgrammeStatus.DRAFT)
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(programme, name, fields[name])
    _validate(programme)
    programme.save()
    return programme


@transaction.atomic
def programme_update(*, user: User, programme_id: int, fields: dict) -> Programme:
    programme = panels.locked_programme(user, programme_id)
    if programme.status == ProgrammeStatus.CLOSED:
        raise Conflict(_("A closed programme cannot be changed."))
    if "panel_size" in fields and fields["panel_size"] != programme.panel_size and programme.seats.exists():
        raise Conflict(_("The panel size cannot change once panels are formed."))
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(programme, name, fields[name])
    _validate(programme)
    programme.save()
    return programme


@transaction.atomic
def programme_move(*, user: User, programme_id: int, status: str) -> Programme:
    """Open a draft for applications, or close a programme (its mentors' places are given back)."""
    programme = panels.locked_programme(user, programme_id)
    if programme.status not in MOVES.get(status, ()):
        raise Conflict(_("This programme cannot go from “%(old)s” to that step.") % {
            "old": programme.get_status_display()})
    if status == ProgrammeStatus.CLOSED:
        panels.release_programme_capacity(programme)
    programme.status = status
    programme.save(update_fields=["status", "updated_at"])
    return programme


def _check_answers(programme: Programme, answers: dict) -> dict:
    clean = {}
    for question in programme.questions:
        value = str(answers.get(question["key"], "")).strip()
        if question.get("required") and not value:
            raise DomainError(_("Please answer every required question."))
        clean[question["key"]] = value[:2000]
    return clean


@transaction.atomic
def application_submit(*, user: User, programme_id: int, organization_id: int, answers: dict | None = None,
                       focus: list | None = None) -> ProgrammeApplication:
    """A member of a verified firm applies for a place in the cohort, for the firm."""
    programme = selectors.visible_programmes(user).filter(pk=programme_id).first()
    if programme is None or programme.status != ProgrammeStatus.OPEN:
        raise Conflict(_("This programme is not open for applications."))
    org = selectors.verified_organizations(user).filter(pk=organization_id).first()
    if org is None:
        raise NotAllowed(_("Apply for a verified organisation you belong to."))
    if org.kind != OrganizationKind.FIRM:
        raise DomainError(_("Mentoring programmes are for startups and other firms."))
    application = ProgrammeApplication(programme=programme, organization=org, submitted_by=user,
                                       answers=_check_answers(programme, answers or {}))
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        raise Conflict(_("Your organisation has already applied to this programme.")) from exc
    if focus:
        application.focus.set(focus)
    return application


@transaction.atomic
def application_decide(*, user: User, application_id: int, accept: bool) -> ProgrammeApplication:
    """Accept an applicant into the cohort, or turn it down."""
    application = ProgrammeApplication.objects.select_for_update(of=("self",)).select_related("programme").filter(
        pk=application_id).first()
    if application is None:
        raise DomainError(_("This application no longer exists."))
    programme = panels.locked_programme(user, application.programme_id)
    if programme.status not in (ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING):
        raise Conflict(_("The cohort of this programme can no longer change."))
    if application.status != ApplicationStatus.SUBMITTED:
        raise Conflict(_("This application is already decided."))
    application.status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.REJECTED
    application.decided_by, application.decided_at = user, timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        CohortStartup.objects.get_or_create(programme=programme, organization_id=application.organization_id)
    return application


@transaction.atomic
def cohort_mentor_add(*, user: User, programme_id: int, mentor_id: int) -> CohortMentor:
    programme = panels.locked_programme(user, programme_id)
    if programme.status not in (ProgrammeStatus.DRAFT, ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING):
        raise Conflict(_("The cohort of this programme can no longer change."))
    mentor = MentorProfile.objects.filter(pk=mentor_id, status=MentorStatus.VERIFIED).first()
    if mentor is None:
        raise DomainError(_("Choose a verified mentor."))
    enlisted, _created = CohortMentor.objects.get_or_create(programme=programme, mentor=mentor)
    return enlisted


@transaction.atomic
def cohort_mentor_remove(*, user: User, programme_id: int, mentor_id: int) -> None:
    programme = panels.locked_programme(user, programme_id)
    if PanelSeat.objects.filter(programme=programme, mentor_id=mentor_id, status__in=panels.OPEN_SEATS).exists():
        raise Conflict(_("This mentor has seats in the panels; swap them first."))
    CohortMentor.objects.filter(programme=programme, mentor_id=mentor_id).delete()
