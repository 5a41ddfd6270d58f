import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ..models import Membership, Organization, User
from ..services import profile_update


class OrganizationSerializer(serializers.ModelSerializer):
    clusters = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "id", "name_ko", "name_en", "kind", "region", "country", "website", "founded", "employees",
            "stage", "description", "status", "trial_phases", "trials_per_year", "irb_days", "equipment",
            "clusters", "created_at", "updated_at",
        ]
        read_only_fields = ["status", "clusters", "created_at", "updated_at"]

    def get_clusters(self, org: Organization) -> list[str]:
        # Uses the prefetch set up by the view: no query per row.
        return [cm.cluster.slug for cm in org.cluster_memberships.all() if cm.status == "approved"]

    def validate(self, attrs):
        # The model's clean() holds the rules (a name; region vs country): run it on a copy with the changes.
        candidate = copy.copy(self.instance) if self.instance else Organization()
        for name, value in attrs.items():
            setattr(candidate, name, value)
        try:
            candidate.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        attrs["country"] = candidate.country
        return attrs


class PersonSerializer(serializers.ModelSerializer):
    """A person as others see them; contact fields are blanked unless the viewer may see them."""

    email = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "full_name", "email", "phone"]

    def _may_see(self, user: User) -> bool:
        visible = self.context.get("contact_org_ids", set())
        request = self.context.get("request")
        if request is not None and request.user.pk == user.pk:
            return True
        return bool(visible & getattr(user, "_org_ids_for_contacts", set()))

    def get_email(self, user: User) -> str | None:
        return user.email if self._may_see(user) else None

    def get_phone(self, user: User) -> str | None:
        return user.phone if self._may_see(user) else None


class MembershipSerializer(serializers.ModelSerializer):
    user = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["id", "organization", "user", "role", "is_tto", "title", "status", "created_at"]

    def get_user(self, membership: Membership) -> dict:
        user = membership.user
        user._org_ids_for_contacts = {membership.organization_id}
        return PersonSerializer(user, context=self.context).data


class MeSerializer(serializers.ModelSerializer):
    memberships = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "phone", "language", "email_verified_at", "news_opt_in", "memberships"]
        read_only_fields = ["id", "email", "email_verified_at", "memberships"]

    def update(self, instance: User, validated_data: dict) -> User:
        """Through the service the profile page uses: a news opt-in change records when it happened."""
        fields = {name: validated_data.get(name, getattr(instance, name))
                  for name in ("full_name", "phone", "language", "news_opt_in")}
        return profile_update(user=instance, **fields)

    def get_memberships(self, user: User) -> list[dict]:
        return [
            {"organization": m.organization_id, "name": m.organization.name, "role": m.role,
             "is_tto": m.is_tto, "status": m.status}
            for m in user.memberships.select_related("organization")
        ]
