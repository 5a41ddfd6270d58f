"""Trigram (pg_trgm) GIN indexes on the expressions the directory search compares with LIKE '%word%'
(accounts.search: the compact Korean name key, the lower-case English name, and the upper-cased Korean name and
description that ``icontains`` compares), so a search reads the matching rows instead of evaluating every
organisation, and the planner gets statistics on those expressions (without them it guessed 2 matches for
1,657 and joined badly: README "Load benchmark").

PostgreSQL only; elsewhere (SQLite) nothing happens. Where the extension cannot be created (no privilege),
the indexes are left out and the search works as before.
"""

from django.db import migrations, transaction

TABLE = "accounts_organization"
# Each expression exactly as Django writes it for the search (tests/accounts/test_directory_cache.py checks
# the planner can use each of them).
INDEXES = {
    "org_directory_name_key_trgm": (
        "REPLACE(REPLACE(REPLACE(LOWER(\"name_ko\"), ' ', ''), '대학교', '대'), '여자대', '여대')"
    ),
    "org_directory_name_en_trgm": 'LOWER("name_en")',
    "org_directory_name_ko_trgm": 'UPPER("name_ko"::text)',
    "org_directory_description_trgm": 'UPPER("description"::text)',
}


def _trigrams_available(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            return True
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # noqa: BLE001 - no privilege or no contrib package: search without the indexes
            return False
    return True


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql" or not _trigrams_available(schema_editor):
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" USING gin (({expression}) gin_trgm_ops)'
        )
    schema_editor.execute(f'ANALYZE "{TABLE}"')  # statistics on the indexed expressions now, not at autovacuum


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0007_organization_change_held_rename"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
