"""Settings are read in one place: every ``settings.MATCH_*`` the matching app reads is defined (with its
default) in the base settings and listed in .env.example, and nothing in matching/ keeps a fallback of
its own with ``getattr(settings, ...)``."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MATCHING = ROOT / "matching"
BASE = ROOT / "config" / "settings" / "base.py"


def _trees():
    for path in sorted(MATCHING.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_settings(node: ast.expr) -> bool:
    """``settings`` or ``something.settings`` (a module's imported settings)."""
    return (isinstance(node, ast.Name) and node.id == "settings") or (
        isinstance(node, ast.Attribute) and node.attr == "settings")


def _match_names_read() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("MATCH_") and _is_settings(node.value):
                names.setdefault(node.attr, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return names


def _base_definitions() -> dict[str, ast.expr]:
    tree = ast.parse(BASE.read_text(encoding="utf-8"))
    return {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)}


def test_the_scan_sees_the_matching_settings():
    assert {"MATCH_PROPOSALS_PER_NEED", "MATCH_EXPOSURE_CAP", "MATCH_RUN_STALE_SECONDS"} <= set(_match_names_read())


def test_every_match_setting_read_in_matching_is_defined_in_base_settings():
    defined = _base_definitions()
    missing = {name: where for name, where in _match_names_read().items() if name not in defined}
    assert not missing, f"read in matching/ but not defined in config/settings/base.py: {missing}"


def test_every_match_setting_of_base_comes_from_the_environment_and_is_in_env_example():
    example = {line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines()
               if line and not line.startswith("#")}
    for name, value in _base_definitions().items():
        if not name.startswith("MATCH_"):
            continue
        assert isinstance(value, ast.Call) and ast.literal_eval(value.args[0]) == name, name
        assert name in example, f"{name} is missing from .env.example"


def test_no_getattr_fallback_on_settings_in_matching():
    found = [f"{path.relative_to(ROOT)}:{node.lineno}" for path, tree in _trees() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
             and node.args and _is_settings(node.args[0])]
    assert not found, f"read settings.X directly (defaults live in config/settings/base.py): {found}"
