"""People, organisations and who belongs where."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import localized

from .regions import Region


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        extra.setdefault("email_verified_at", timezone.now())
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Logs in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="ko"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    # Consent as Korea's Personal Information Protection Act expects: which text, and when.
    privacy_consent_version = models.CharField(_("privacy policy version"), max_length=20, blank=True)
    privacy_consent_at = models.DateTimeField(_("privacy consent given at"), null=True, blank=True)
    news_opt_in = models.BooleanField(_("receives news mail"), default=False)
    news_opt_in_at = models.DateTimeField(_("news mail opt-in at"), null=True, blank=True)
    # Set when the person deleted their account: the row stays (matches, events, linkages and audit
    # history point at it, and the cluster's indicators must not change) but is anonymised in place.
    deleted_at = models.DateTimeField(_("account deleted at"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        if self.is_deleted:
            return str(self.display_name)
        return f"{self.full_name} <{self.email}>"

    def get_full_name(self) -> str:
        return str(self.display_name)

    def get_short_name(self) -> str:
        return str(self.display_name)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def display_name(self) -> str:
        """The name to show: a deleted account shows the translated "Deleted member" label."""
        return _("Deleted member") if self.is_deleted else self.full_name

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None


class OrganizationKind(models.TextChoices):
    FIRM = "firm", _("Firm")
    HOSPITAL = "hospital", _("Hospital")
    UNIVERSITY = "university", _("University or research institute")
    INVESTOR = "investor", _("Investor")
    SERVICE = "service", _("Service provider")
    PUBLIC = "public", _("Public agency")


class OrganizationStatus(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


def website_domain(url: str) -> str:
    """'https://www.Example.co.kr/about' -> 'example.co.kr' (used to spot duplicates)."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


class Organization(models.Model):
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True, db_index=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    country = models.CharField(
        _("country"), max_length=2, default="KR", help_text=_("Two-letter country code, e.g. KR or US.")
    )
    website = models.URLField(_("website"), blank=True)
    website_domain = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    stage = models.ForeignKey(
        "taxonomy.Facet",
        verbose_name=_("development stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": "stage"},
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OrganizationStatus.choices, default=OrganizationStatus.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Hospital facts the matcher uses (optional for other kinds).
    trial_phases = models.JSONField(_("clinical-trial phases run"), default=list, blank=True)
    trials_per_year = models.PositiveIntegerField(_("trials per year"), null=True, blank=True)
    irb_days = models.PositiveIntegerField(_("ethics-board turnaround (days)"), null=True, blank=True)
    equipment = models.JSONField(_("equipment open to outside use"), default=list, blank=True)
    # Where a bulk import came from, so re-importing updates instead of duplicating.
    source = models.CharField(max_length=50, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)  # page versions read its max

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en", "name_ko", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_ko="", name_en=""), name="organization_has_a_name"
            ),
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="organization_source_external_id_unique",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.website_domain = website_domain(self.website)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if not (self.name_ko.strip() or self.name_en.strip()):
            raise ValidationError({"name_ko": _("Give the organisation's name in Korean, English or both.")})
        if self.region == Region.ABROAD and (len(self.country or "") != 2 or self.country.upper() == "KR"):
            raise ValidationError({"country": _("For an organisation abroad, give its two-letter country code (e.g. US).")})
        if self.region and self.region != Region.ABROAD and self.country.upper() != "KR":
            raise ValidationError({"country": _("An organisation in a Korean region has the country code KR.")})
        self.country = (self.country or "").upper()

    @property
    def name(self) -> str:
        """The name in the current language, falling back to the other one."""
        return localized(self.name_ko, self.name_en)

    @property
    def is_verified(self) -> bool:
        return self.status == OrganizationStatus.VERIFIED


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REQUESTED = "requested", _("Requested to join")
    # The person deleted their account: kept as history, never listed or named as a contact.
    LEFT = "left", _("Left (account deleted)")


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    # Technology-transfer office staff review matches for their organisation.
    is_tto = models.BooleanField(_("TTO reviewer"), default=False)
    title = models.CharField(_("job title"), max_length=120, blank=True)
    # Whom the organisation lets be named as the contact person of a match: only that person's email
    # and phone open to the other side of a connected match (PIPA's minimisation). Opt-in by the
    # organisation's admins for ordinary members; admins and TTO reviewers, who approve and answer
    # introductions anyway, are eligible from the start (see save()).
    may_be_contact = models.BooleanField(
        _("may be named as a contact"), default=False,
        help_text=_("Only the person named as a match's contact has their email and phone shared with the other "
                    "side, and only once both sides have accepted."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_user_org_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"

    def save(self, *args, **kwargs):
        # A new admin or TTO reviewer may be named from the start; an admin can turn it off later.
        if self._state.adding and (self.role == MembershipRole.ADMIN or self.is_tto):
            self.may_be_contact = True
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.role == MembershipRole.ADMIN


class Invitation(models.Model):
    """An email invitation for a colleague to join an organisation."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "organization",
                condition=models.Q(accepted_at__isnull=True),
                name="invitation_open_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"



class OrganizationChangeStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Turned down")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class OrganizationChange(models.Model):
    """A verified organisation's new name or website domain, held until a cluster manager approves it.

    Managers verified the organisation under its old name and domain; applied at once, a new name would let
    a verified profile pass itself off as another organisation. Until a decision the old values stay shown.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="changes")
    name_ko = models.CharField(_("new name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("new name (English)"), max_length=200, blank=True)
    website = models.URLField(_("new website"), blank=True)
    # What the organisation showed when the change was asked: what the manager compares, and the record.
    old_name_ko = models.CharField(_("previous name (Korean)"), max_length=200, blank=True)
    old_name_en = models.CharField(_("previous name (English)"), max_length=200, blank=True)
    old_website = models.URLField(_("previous website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OrganizationChangeStatus.choices, default=OrganizationChangeStatus.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason for turning down"), blank=True)

    class Meta:
        verbose_name = _("organisation name change")
        verbose_name_plural = _("organisation name changes")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(status="pending"),
                name="organization_change_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.old_name} → {self.new_name}"

    @property
    def old_name(self) -> str:
        return " · ".join(n for n in (self.old_name_ko, self.old_name_en) if n)

    @property
    def new_name(self) -> str:
        return " · ".join(n for n in (self.name_ko, self.name_en) if n)

    @property
    def name_changed(self) -> bool:
        return (self.name_ko, self.name_en) != (self.old_name_ko, self.old_name_en)

    @property
    def website_changed(self) -> bool:
        return website_domain(self.website) != website_domain(self.old_website)


class ApiToken(models.Model):
    """One API key of a person (several per person, e.g. one per script). Only the key's SHA-256 is stored:
    a database dump or a backup holds nothing that signs in. The key itself is shown once, when issued
    (``accounts.tokens``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("first characters"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)  # unique: its index is the lookup
    created = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "created"], name="api_token_user_created")]

    def __str__(self) -> str:
        return f"{self.prefix}…" + (f" ({self.name})" if self.name else "")
