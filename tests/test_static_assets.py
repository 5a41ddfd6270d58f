"""Static assets survive production's manifest storage, so the production shape serves pages."""

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent


def test_collectstatic_with_the_production_manifest_storage(tmp_path):
    """Manifest storage rewrites every url()/sourceMappingURL reference and fails on a missing file."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--noinput", verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/bootstrap/bootstrap.min.css" in manifest
    assert "vendor/htmx/htmx.min.js" in manifest


def test_vendored_files_reference_no_source_maps():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "static").rglob("*")
        if path.suffix in {".js", ".css"} and "sourceMappingURL" in path.read_text(errors="replace")
    ]
    assert offenders == []
