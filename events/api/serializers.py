from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Event, Registration


class EventSerializer(serializers.ModelSerializer):
    """An event; ``online_url`` is null unless the caller is registered or organises it."""

    cluster = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    topics = serializers.SerializerMethodField()
    online_url = serializers.SerializerMethodField()
    seats_left = serializers.IntegerField(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id", "cluster", "kind", "status", "title", "title_ko", "title_en", "description", "description_ko",
            "description_en", "starts_at", "ends_at", "venue", "online_url", "capacity", "seats_left",
            "registration_deadline", "topics", "questions", "url",
        ]
        read_only_fields = fields

    def get_topics(self, event: Event) -> list[str]:
        return [t.slug for t in event.topics.all()]  # prefetched by the view

    # Null for most callers, and for an event with no link: the schema must say so.
    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_online_url(self, event: Event) -> str | None:
        ctx = self.context
        if event.cluster_id in ctx.get("managed", set()) or event.pk in ctx.get("registered", set()):
            return event.online_url or None
        return None

    def get_url(self, event: Event) -> str:
        request = self.context.get("request")
        path = f"/events/{event.pk}/"
        return request.build_absolute_uri(path) if request else path


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(read_only=True)
    event_title = serializers.CharField(source="event.title", read_only=True)
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)
    code = serializers.CharField(read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id", "event", "event_title", "starts_at", "organization", "status", "offer_expires_at", "answers",
            "show_in_participant_list", "share_listings", "checked_in_at", "code", "created_at",
        ]
        read_only_fields = fields


class RegisterInputSerializer(serializers.Serializer):
    organization = serializers.IntegerField(required=False, help_text="One of your verified organisations.")
    answers = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    show_in_participant_list = serializers.BooleanField(default=True)
    share_listings = serializers.BooleanField(
        default=False, help_text="Show your organisation's open needs and offers (titles and tags) to other attendees.",
    )
