"""No module of the project imports itself back through others (the layers contract in pyproject.toml
checks the direction between apps; this checks every module, function-level imports included)."""

import sys
from pathlib import Path

import grimp
import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "demo", "portal", "events", "matching", "accounts", "clusters", "taxonomy", "core")


def import_graph() -> nx.DiGraph:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    edges = nx.DiGraph()
    for module in graph.modules:
        if ".migrations" in module:  # historical state, never imported by the code
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            if ".migrations" not in imported:
                edges.add_edge(module, imported)
    return edges


def test_no_module_is_part_of_an_import_cycle():
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]

    assert cycles == []


def test_the_check_sees_a_cycle_when_there_is_one():
    graph = import_graph()
    graph.add_edge("core.errors", "matching.review.services")  # core at the bottom importing an app: a cycle through it

    assert any(len(c) > 1 for c in nx.strongly_connected_components(graph))
