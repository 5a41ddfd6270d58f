"""Load the taxonomy fixture so every database starts with the facets (admins edit them later)."""

import json
from pathlib import Path

from django.db import migrations

# The fixture moved to the taxonomy app with the model; this migration still loads it.
FIXTURE = Path(__file__).resolve().parents[2] / "taxonomy" / "fixtures" / "taxonomy.json"


def load(apps, schema_editor):
    Facet = apps.get_model("matching", "Facet")
    for row in json.loads(FIXTURE.read_text(encoding="utf-8")):
        fields = row["fields"]
        Facet.objects.update_or_create(kind=fields["kind"], slug=fields["slug"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
