"""Issue 13: imports go one way (no import cycle between the package's modules)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import networkx as nx
import pytest

import newsweave

PACKAGE = Path(newsweave.__file__).parent
MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "static" not in path.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(path): path for path in MODULES}


def imports_of(path: Path) -> set[str]:
    """The package's modules that `path` imports, at its top or inside a function (a deferred
    import hides a cycle; it does not remove it)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    statements = list(ast.iter_child_nodes(ast.parse(path.read_text("utf-8"))))
    while statements:
        node = statements.pop()
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import mod` imports the module; `from pkg import name` the package.
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in NAMES else base
                         for alias in node.names)
        else:
            statements.extend(ast.iter_child_nodes(node))
    # A module's own packages are initialised before it (`from . import __version__`): no cycle.
    ancestors = {name.rsplit(".", i)[0] for i in range(1, name.count(".") + 1)}
    return {module for module in found if module in NAMES and module != name and module not in ancestors}


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for name, path in NAMES.items():
        graph.add_node(name)
        graph.add_edges_from((name, imported) for imported in imports_of(path))
    return graph


def test_the_graph_sees_imports():
    graph = import_graph()
    assert graph.has_edge("newsweave.runner", "newsweave.crossdoc")
    assert graph.has_edge("newsweave.engines.dask", "newsweave.pipeline")


def test_no_import_cycle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles[:5])


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("newsweave.__main__", "newsweave.engines.dask")])
def test_every_module_imports(name):
    importlib.import_module(name)


def test_only_the_store_imports_sqlite3():
    """The store owns the connection: no stage, command or route talks to SQLite itself."""
    importing = sorted(name for name, path in NAMES.items()
                       if "sqlite3" in imports_of_anything(path) and not name.startswith("newsweave.store"))
    assert importing == []


def imports_of_anything(path: Path) -> set[str]:
    """Every module name `path` imports (of any package), wherever the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.add(node.module)
    return found


def test_the_cross_document_stages_never_reach_the_store_or_up():
    """resolve/ and aggregate/ are functions from records to records: only crossdoc.py moves
    records in and out of the store, and a stage never calls its orchestrator."""
    graph = import_graph()
    forbidden = ("newsweave.store", "newsweave.crossdoc", "newsweave.runner", "newsweave.engines",
                 "newsweave.api", "newsweave.cli", "newsweave.server")
    reaching = sorted((name, imported) for name, imported in graph.edges
                      if name.startswith(("newsweave.resolve", "newsweave.aggregate"))
                      and imported.startswith(forbidden))
    assert reaching == []
