"""core.versions: one round trip of maxima and counts that changes with an edit, an addition and a deletion."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organization
from core.versions import COUNT, version
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_version_changes_with_edits_additions_and_deletions():
    org = OrganizationFactory()
    with CaptureQueriesContext(connection) as queries:
        first = version((Organization, "updated_at"), (Organization, COUNT))
    assert len(queries) == 1
    org.name_en = "Renamed Bio"
    org.save()
    edited = version((Organization, "updated_at"), (Organization, COUNT))
    assert edited[0] > first[0] and edited[1] == first[1]
    other = OrganizationFactory()
    added = version((Organization, "updated_at"), (Organization, COUNT))
    assert added[1] == first[1] + 1
    other.delete()
    assert version((Organization, "updated_at"), (Organization, COUNT))[1] == first[1]
