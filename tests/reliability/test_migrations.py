"""Migrations: every one can be reversed (or says why not), and the demo data survives an upgrade.

The upgrade test is the one an operator cares about: a database at the previous release, full of data,
migrated forward to this code. We get "data at the previous release" without old code: load the demo at
the current state, migrate each app back to where the previous session's release left it (the
migrations added since are reversible, test_every_migration_is_reversible_or_says_why), then migrate
forward again, as `manage.py migrate` would on deploy. Every table that existed at the release keeps
its row count through the way down and the way up; the data migration added since (who may be named a
contact) fills its column again; `manage.py check` is clean and the pages people open first answer.
Loading the demo takes most of the time; the two migrations take a few seconds on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from accounts.models import Membership, MembershipRole
from core.backup import table_counts
from demo.world import DEMO_SOURCE

# The migration state of the previous release: the last migration of each app as of commit a82ba48
# ("Young-cluster matching continued", the last commit before this round). Apps not named here were
# not yet changed since; migrations added later to any app are covered by migrating forward to the leaf.
RELEASE = {
    "accounts": "0004_organization_stage_taxonomy",
    "clusters": "0004_events_moved_out",
    "matching": "0009_stable_rounds",
    "mentoring": "0001_initial",
    "portal": "0001_initial",
}


def _migrate_to(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)


def _leaves() -> list[tuple[str, str]]:
    return MigrationLoader(connection).graph.leaf_nodes()


def test_every_migration_is_reversible_or_says_why():
    """A migration Django cannot reverse needs ``irreversible_reason = "..."`` on its Migration class."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    root = Path(__file__).resolve().parents[2]
    ours = {app.label for app in apps.get_app_configs()
            if Path(app.path).resolve().is_relative_to(root) and ".venv" not in Path(app.path).parts}
    checked, silent = 0, []
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        if app not in ours:
            continue
        checked += 1
        stuck = [type(op).__name__ for op in migration.operations if not op.reversible]
        if stuck and not getattr(migration, "irreversible_reason", "").strip():
            silent.append(f"{app}.{name}: {', '.join(stuck)}")
    assert checked > 30  # every app's migrations were seen, not an empty loader
    assert not silent, "irreversible without a reason (give RunPython/RunSQL a reverse, or irreversible_reason):\n" + "\n".join(silent)


def test_release_state_names_real_migrations():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    for app, name in RELEASE.items():
        assert (app, name) in graph.nodes, f"{app}.{name} is not a migration: the release state is out of date"


@pytest.mark.django_db(transaction=True)
def test_demo_data_survives_migrating_back_to_the_last_release_and_forward(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the upgrade is tested on PostgreSQL, the production database")
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - the demo prints its logins
    before = table_counts(connection)
    assert before["accounts_organization"] > 50 and before["matching_match"] > 100
    leaves = _leaves()

    try:
        _migrate_to(list(RELEASE.items()))
        at_release = table_counts(connection)
        gone = set(before) - set(at_release)
        assert gone, "migrating back removed no table: the release state is not older than the code"
        assert {t: at_release[t] for t in at_release if t != "django_migrations"} == {
            t: before[t] for t in at_release if t != "django_migrations"}
    finally:
        _migrate_to(leaves)  # leave the test database at the current state whatever happened
        call_command("migrate", verbosity=0)

    after = table_counts(connection)
    assert set(after) == set(before)
    kept = {t: after[t] for t in at_release if t != "django_migrations"}
    assert kept == {t: before[t] for t in at_release if t != "django_migrations"}
    assert after["django_migrations"] == before["django_migrations"]
    # accounts.0005's data migration ran again on the upgraded data: admins and reviewers may be contacts.
    demo_members = Membership.objects.filter(organization__source=DEMO_SOURCE)
    assert demo_members.filter(role=MembershipRole.ADMIN).exists()
    assert not demo_members.filter(role=MembershipRole.ADMIN, may_be_contact=False).exists()

    call_command("check")
    client = Client(raise_request_exception=False)
    manager = Membership.objects.filter(organization__source=DEMO_SOURCE, role=MembershipRole.ADMIN).first().user
    client.force_login(manager)
    for url in ("/", "/events/", "/matches/", "/organizations/", "/listings/", "/mentoring/"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
