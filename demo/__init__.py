"""The demo world behind `manage.py load_demo`: a believable Korean bio-medical cluster landscape.

The top layer: it may import every other app, and nothing imports it. Everything is generated from
the fixed data in ``data/`` with ``random.Random(seed)``, so the same seed always yields the same
world, and it is written through natural keys (organisations by ``source="demo"`` + ``external_id``,
people by email, clusters and alliances by slug, events by ``source`` + ``external_id``), so running
it again changes nothing.

Stages
------
``load.STAGES`` lists the stage functions ``stage(world: World) -> object``, run in order inside one
transaction. A stage reads what earlier stages left on ``world`` (``clusters``, ``alliances``,
``orgs``, ``people``, ``managers``, ``facets``, ``extra``), stores what it builds there for the stages
after it (``world.extra["<app>.<thing>"]`` for new kinds of data), may add logins with
``world.add_login(...)`` and must itself be idempotent (upsert on natural keys: ``_sync.upsert``).

``--reset`` removes everything the demo wrote (``load.delete_demo``): demo events, the proposal runs
it started, demo organisations and people (and what cascades from them: memberships, listings,
matches, linkages, registrations...), then the demo's clusters and alliances nobody else uses.
"""
