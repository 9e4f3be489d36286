"""The package's shape: modules import each other in one direction only."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pwa"
# The entry points create the app (the server, the static build); no other module may import it.
ENTRY_POINTS = {"__main__", "serve", "build"}


def imports(package: Path) -> dict[str, set[str]]:
    """Module name -> every module it imports anywhere in its code (pwa modules by their short name)."""
    modules = {p.stem for p in package.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in sorted(package.glob("*.py")):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "pwa":
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.removeprefix("pwa.").split(".")[0])
            elif isinstance(node, ast.Import):
                found.update(a.name.removeprefix("pwa.").split(".")[0] for a in node.names)
        graph[path.stem] = {name for name in found if name in modules or name == "server"}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> list[str] | None:
        if module in trail:
            return trail[trail.index(module):] + [module]
        if module in done or module not in graph:
            return None
        for imported in sorted(graph[module]):
            cycle = visit(imported, trail + [module])
            if cycle:
                return cycle
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module, [])
        if cycle:
            return cycle
    return None


def test_no_import_cycle_in_the_package():
    cycle = find_cycle(imports(PACKAGE))
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_only_the_entry_points_import_the_app_and_none_the_top_level_server():
    graph = imports(PACKAGE)
    assert {module for module, imported in graph.items() if "app" in imported} <= ENTRY_POINTS
    assert not [module for module, imported in graph.items() if "server" in imported]
    assert "app" in graph["serve"]
