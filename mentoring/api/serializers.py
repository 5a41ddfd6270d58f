"""Mentoring API serializers. No contact details: mentors are reached through their seats."""

from rest_framework import serializers

from accounts.selectors import member_org_ids

from ..models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    PanelSeat,
    Programme,
    need_description_for,
)


class PublicationOutSerializer(serializers.Serializer):
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)


class MentorSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.full_name", read_only=True)
    languages = serializers.ListField(source="language_list", child=serializers.CharField(), read_only=True)
    therapeutic_areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    technologies = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    partnership_types = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    clusters = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    publications = PublicationOutSerializer(many=True, read_only=True)

    class Meta:
        model = MentorProfile
        fields = ["id", "name", "headline", "expertise", "career", "languages", "therapeutic_areas", "technologies",
                  "partnership_types", "clusters", "availability", "capacity", "publications"]
        read_only_fields = fields


class ProgrammeSerializer(serializers.ModelSerializer):
    cluster = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)

    class Meta:
        model = Programme
        fields = ["id", "cluster", "name", "name_ko", "name_en", "description", "description_ko", "description_en",
                  "starts_on", "ends_on", "panel_size", "status", "questions"]
        read_only_fields = fields


class SeatSerializer(serializers.ModelSerializer):
    programme_name = serializers.CharField(source="programme.name", read_only=True)
    startup_name = serializers.CharField(source="startup.name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.full_name", read_only=True)

    class Meta:
        model = PanelSeat
        fields = ["id", "programme", "programme_name", "startup", "startup_name", "mentor", "mentor_name", "score",
                  "status", "published_at", "responded_at"]
        read_only_fields = fields


class DeclineInputSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class SessionSerializer(serializers.ModelSerializer):
    mentor_rating = serializers.IntegerField(read_only=True, allow_null=True, min_value=1, max_value=5)
    startup_rating = serializers.IntegerField(read_only=True, allow_null=True, min_value=1, max_value=5)

    class Meta:
        model = MentoringSession
        fields = ["id", "seat", "request", "office_hour_booking", "programme", "startup", "mentor", "held_on",
                  "duration_minutes", "topics",
                  "follow_ups", "mentor_rating", "mentor_note", "startup_rating", "startup_note", "created_at"]
        read_only_fields = fields


class SessionInputSerializer(serializers.Serializer):
    seat = serializers.IntegerField(min_value=1, max_value=2**62, required=False, help_text="An accepted seat of yours.")
    request = serializers.IntegerField(min_value=1, max_value=2**62, required=False,
                                       help_text="Or an accepted direct request of yours (give exactly one).")
    held_on = serializers.DateField(help_text="Not in the future, not before 2000.")
    duration_minutes = serializers.IntegerField(min_value=1, max_value=600, default=60)
    topics = serializers.CharField(max_length=2000)
    follow_ups = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class FeedbackInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class MentoringRequestSerializer(serializers.ModelSerializer):
    """A direct request as either side sees it. ``need_description`` is the need's description only for
    the startup's own members or when the need is not confidential: a mentor never gets a confidential one."""

    startup_name = serializers.CharField(source="startup.name", read_only=True)
    mentor_name = serializers.CharField(source="mentor.user.full_name", read_only=True)
    need_title = serializers.SerializerMethodField()
    need_description = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = MentoringRequest
        fields = ["id", "startup", "startup_name", "mentor", "mentor_name", "need", "need_title", "need_description",
                  "message", "reply", "status", "status_label", "created_at", "answered_at"]
        read_only_fields = fields

    def get_need_title(self, obj: MentoringRequest) -> str:
        return obj.need.title if obj.need_id else ""

    def get_need_description(self, obj: MentoringRequest) -> str:
        request = self.context.get("request")
        viewer_orgs = member_org_ids(request.user) if request is not None else set()
        return need_description_for(obj.need, viewer_org_ids=viewer_orgs) if obj.need_id else ""


class RequestInputSerializer(serializers.Serializer):
    mentor = serializers.IntegerField(min_value=1, max_value=2**62)
    startup = serializers.IntegerField(min_value=1, max_value=2**62, help_text="A verified firm you belong to.")
    need = serializers.IntegerField(min_value=1, max_value=2**62, required=False, allow_null=True,
                                    help_text="One of that firm's open needs.")
    message = serializers.CharField(max_length=MESSAGE_MAX_LENGTH)


class ReplyInputSerializer(serializers.Serializer):
    reply = serializers.CharField(required=False, allow_blank=True, max_length=REPLY_MAX_LENGTH)
