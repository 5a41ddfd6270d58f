"""Hashed API tokens (several per person) replace DRF's ``authtoken.Token`` (one per person, key in clear).

Every DRF token becomes an ``ApiToken`` with the SHA-256 of its key, its first characters, its creation time
and ``created + API_TOKEN_TTL_DAYS`` as expiry, so clients keep working with the key they have; the clear
keys are then deleted from ``authtoken_token``. ``rest_framework.authtoken`` is no longer installed, so its
table is read with SQL when it exists (a database made before this release) and skipped otherwise.

Going back drops ``ApiToken``: the clear keys cannot be rebuilt from their hashes, so tokens are lost and
people sign in again for new ones.
"""

import hashlib
from datetime import UTC, timedelta

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

DRF_TABLE = "authtoken_token"
PREFIX_LENGTH = 6  # accounts.tokens.KEY_PREFIX_LENGTH at the time of this migration


def drf_tokens_to_hashed(apps, schema_editor):
    connection = schema_editor.connection
    if DRF_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    ttl = timedelta(days=max(1, settings.API_TOKEN_TTL_DAYS))
    table = schema_editor.quote_name(DRF_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {table}")  # noqa: S608 - a constant name
        rows = cursor.fetchall()
    converted = []
    for key, user_id, created in rows:
        if timezone.is_naive(created):  # SQLite answers naive UTC
            created = created.replace(tzinfo=UTC)
        converted.append(ApiToken(
            user_id=user_id, name="", prefix=key[:PREFIX_LENGTH], created=created, expires_at=created + ttl,
            key_hash=hashlib.sha256(key.encode()).hexdigest(),
        ))
    ApiToken.objects.bulk_create(converted, batch_size=500)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - the clear keys must not outlive the conversion


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0010_organizationchange_withdrawn"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(blank=True, max_length=100, verbose_name="name")),
                ("prefix", models.CharField(max_length=12, verbose_name="first characters")),
                ("key_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("created", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                ("expires_at", models.DateTimeField(verbose_name="expires")),
                ("last_used_at", models.DateTimeField(blank=True, null=True, verbose_name="last used")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="api_tokens",
                                           to=settings.AUTH_USER_MODEL, verbose_name="person")),
            ],
            options={
                "verbose_name": "API token",
                "verbose_name_plural": "API tokens",
                "ordering": ["-created", "-id"],
                "indexes": [models.Index(fields=["user", "created"], name="api_token_user_created")],
            },
        ),
        # Back: nothing to restore (the clear keys are gone); dropping the table above ends the tokens.
        migrations.RunPython(drf_tokens_to_hashed, migrations.RunPython.noop),
    ]
