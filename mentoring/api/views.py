"""Mentoring API: the mentor directory, programmes, panel seats (accept, decline) and sessions.

Object-level permissions come from the selectors' querysets: a mentor sees the seats offered to them,
a startup's members its published panel, managers their clusters' programmes; anything else is 404.
"""

from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from .. import panels, selectors, sessions
from .. import requests as mentor_requests
from ..models import (
    Availability,
    MentoringRequest,
    MentoringSession,
    MentorLanguage,
    MentorProfile,
    PanelSeat,
    RequestStatus,
    SeatStatus,
)
from .serializers import (
    DeclineInputSerializer,
    FeedbackInputSerializer,
    MentoringRequestSerializer,
    MentorSerializer,
    ProgrammeSerializer,
    ReplyInputSerializer,
    RequestInputSerializer,
    SeatSerializer,
    SessionInputSerializer,
    SessionSerializer,
)


class MentorFilter(filters.FilterSet):
    q = filters.CharFilter(method="noop", max_length=200, help_text="Words (Korean or English) in name, expertise or publications.")
    area = filters.CharFilter(method="noop", max_length=60, help_text="Slug of a therapeutic area or technology.")
    language = filters.ChoiceFilter(method="noop", choices=MentorLanguage.choices)
    availability = filters.ChoiceFilter(method="noop", choices=Availability.choices)

    class Meta:
        model = MentorProfile
        fields = ["q", "area", "language", "availability"]

    def noop(self, queryset, name, value):
        return queryset  # applied by the selector, which the view calls with the cleaned values


class MentorViewSet(viewsets.ReadOnlyModelViewSet):
    """Verified mentors, for members of verified organisations (empty for anyone else)."""

    serializer_class = MentorSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = MentorFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MentorProfile.objects.none()
        form = MentorFilter(self.request.query_params, queryset=MentorProfile.objects.none()).form
        values = form.cleaned_data if form.is_valid() else {}
        return selectors.mentor_directory(
            user=self.request.user, **{k: values.get(k) or "" for k in ("q", "area", "language", "availability")}
        ).prefetch_related("publications")


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """Programmes past their draft (drafts too for their cluster's managers), newest first."""

    serializer_class = ProgrammeSerializer
    permission_classes = [AllowAny]
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.visible_programmes(self.request.user).order_by("-starts_on", "id")


class SeatViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Panel seats the caller may see: offered to them, on their organisation's panel, or in programmes they manage."""

    serializer_class = SeatSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["programme", "status", "startup"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PanelSeat.objects.none()
        return selectors.visible_seats(self.request.user).order_by("programme_id", "startup_id", "id")

    @extend_schema(request=None, responses={200: SeatSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """The mentor takes the seat (409 when their capacity is full or the seat is no longer waiting)."""
        seat = panels.seat_accept(user=request.user, seat_id=self.get_object().pk)
        return Response(SeatSerializer(self.get_queryset().get(pk=seat.pk)).data)

    @extend_schema(request=DeclineInputSerializer, responses={200: SeatSerializer})
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        """The mentor declines; the seat is refilled with every other seat kept."""
        seat = self.get_object()  # first: someone else's seat is 404 whatever the body says
        data = DeclineInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seat, _refills = panels.seat_decline(user=request.user, seat_id=seat.pk,
                                             reason=data.validated_data.get("reason", ""))
        return Response(SeatSerializer(PanelSeat.objects.select_related(
            "programme", "startup", "mentor__user").get(pk=seat.pk)).data)


class SessionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Mentoring sessions of the caller as mentor, of their organisations, or of programmes they manage."""

    serializer_class = SessionSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["programme", "seat", "request"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MentoringSession.objects.none()
        return selectors.visible_sessions(self.request.user).order_by("-held_on", "-id")

    @extend_schema(request=SessionInputSerializer, responses={201: SessionSerializer})
    def create(self, request):
        """Log a session of an accepted seat or an accepted direct request (writes one mentoring linkage)."""
        data = SessionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seat_id, request_id = data.validated_data.pop("seat", None), data.validated_data.pop("request", None)
        if (seat_id is None) == (request_id is None):
            raise ValidationError({"seat": [_("Give either a seat or a request.")]})
        if request_id is not None:
            if not selectors.visible_requests(request.user).filter(pk=request_id,
                                                                   status=RequestStatus.ACCEPTED).exists():
                raise ValidationError({"request": [_("Not an accepted request you may log sessions for.")]})
            session = sessions.request_session_log(user=request.user, request_id=request_id, **data.validated_data)
            return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)
        if not selectors.visible_seats(request.user).filter(pk=seat_id, status=SeatStatus.ACCEPTED).exists():
            raise ValidationError({"seat": [_("Not an accepted seat you may log sessions for.")]})
        session = sessions.session_log(user=request.user, seat_id=seat_id, **data.validated_data)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=FeedbackInputSerializer, responses={200: SessionSerializer})
    @action(detail=True, methods=["post"])
    def feedback(self, request, pk=None):
        """Your side's rating (1–5) and note."""
        session = self.get_object()  # first: someone else's session is 404 whatever the body says
        data = FeedbackInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = sessions.session_feedback(user=request.user, session_id=session.pk,
                                            rating=int(data.validated_data["rating"]),
                                            note=data.validated_data.get("note", ""))
        return Response(SessionSerializer(session).data)


class MentoringRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Direct mentoring requests the caller is a side of: their startups' (list, create, withdraw) or
    addressed to them as mentor (list, accept, decline). Anyone else's: 404."""

    serializer_class = MentoringRequestSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["status", "startup", "mentor"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MentoringRequest.objects.none()
        return selectors.visible_requests(self.request.user).order_by("-created_at", "-id")

    def _out(self, pk: int) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=RequestInputSerializer, responses={201: MentoringRequestSerializer})
    def create(self, request):
        """A member of a verified firm asks a verified, available mentor (409: conflict of interest, an open
        request already, the mentor full or unavailable)."""
        data = RequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if not selectors.mentor_directory(user=request.user).filter(pk=v["mentor"]).exists():
            raise ValidationError({"mentor": [_("No such mentor.")]})
        created = mentor_requests.request_create(user=request.user, mentor_id=v["mentor"],
                                                 organization_id=v["startup"], message=v["message"],
                                                 need_id=v.get("need"))
        response = self._out(created.pk)
        response.status_code = status.HTTP_201_CREATED
        return response

    def _mentors_own(self, pk) -> MentoringRequest:
        found = self.get_object()
        if found.mentor.user_id != self.request.user.pk:  # the startup's side sees it, but only the mentor answers
            raise NotFound()
        return found

    @extend_schema(request=ReplyInputSerializer, responses={200: MentoringRequestSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """The mentor takes the startup on (409 when their capacity is full or the request is no longer waiting)."""
        found = self._mentors_own(pk)  # first: someone else's request is 404 whatever the body says
        data = ReplyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentor_requests.request_accept(user=request.user, request_id=found.pk,
                                       reply=data.validated_data.get("reply", ""))
        return self._out(found.pk)

    @extend_schema(request=ReplyInputSerializer, responses={200: MentoringRequestSerializer})
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        """The mentor declines, with an optional reply."""
        found = self._mentors_own(pk)  # first: someone else's request is 404 whatever the body says
        data = ReplyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentor_requests.request_decline(user=request.user, request_id=found.pk,
                                        reply=data.validated_data.get("reply", ""))
        return self._out(found.pk)

    @extend_schema(request=None, responses={200: MentoringRequestSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """A member of the startup withdraws a waiting request or ends an accepted one."""
        found = self.get_object()
        if found.startup_id not in selectors.member_org_ids(request.user):
            raise NotFound()
        mentor_requests.request_withdraw(user=request.user, request_id=found.pk)
        return self._out(found.pk)
