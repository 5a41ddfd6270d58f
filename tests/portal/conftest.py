"""The dashboard tests' world (``dashboard_world``) as a fixture."""

import pytest

from tests.portal.dashboard_world import DashWorld, build_dash_world


@pytest.fixture
def dash_world(db) -> DashWorld:
    return build_dash_world()


@pytest.fixture
def spec_world(db):
    from tests.portal.specialisation_world import build_spec_world

    return build_spec_world()
