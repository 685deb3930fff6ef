"""List the library's structural debts: modules over 400 lines, import cycles, and imports
that point up the layers (``LAYERS``).

Usage: python scripts/structure.py [--module-level] [--limit LINES]

Reads every module under lib/communitykit with ``ast`` (nothing is imported) and draws the
graph of its imports of its own modules: ``from .x import y`` points at ``x.y`` when that is
a module, else at ``x``. Every import counts, including those inside functions (they are
dependencies all the same); ``--module-level`` keeps only those run when the module is
imported (not inside functions, not under ``if TYPE_CHECKING``). Prints the modules over
the limit, longest first, then each cycle: the modules that reach one another (a strongly
connected component) and the shortest loop through its first module, then each import of
a module in a higher layer. Exits 0: it lists, it does not judge (tests/test_structure.py
does).
"""

from __future__ import annotations

import argparse
import ast
from collections import deque
from collections.abc import Iterator
from pathlib import Path

LIBRARY = Path(__file__).resolve().parents[1] / "lib"
PACKAGE = "communitykit"
LIMIT = 400
# The library's layers, lowest first: a module imports only from its own layer or below.
# Each name is a top-level module or subpackage of communitykit.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("__init__", "atomic", "caches", "catalogue", "cells", "cores",
                    "definitions", "errors", "faults", "keys", "plain_errors",
                    "platform_actions", "rule_library", "tables", "yaml_text", "demo_data",
                    "locales", "i18n", "periods", "fastmatch", "addresses",
                    "relative_periods", "memory", "yaml_reading")),
    ("playbook and data", ("playbook", "promises", "roles", "reuse", "clock", "partitions",
                           "store",
                           "importers", "archives", "ingest", "answers", "classify",
                           "rule_flags", "row_notes", "listening", "dataset", "history", "chains",
                           "window",
                           "paths", "workspace_settings")),
    ("figures", ("metrics", "goal_history", "rule_reach")),
    ("report", ("html", "fonts", "charts", "report")),
    ("running notebooks", ("run",)),
    ("applications", ("plan", "demo", "delivery", "cli_plan", "cli_review", "cli")),
)


def modules(root: Path = LIBRARY / PACKAGE) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _statements(tree: ast.Module, module_level: bool) -> Iterator[ast.stmt]:
    """The import statements of a module (only those run at import with ``module_level``)."""
    if not module_level:
        yield from (node for node in ast.walk(tree) if isinstance(node, ast.stmt))
        return
    waiting: list[ast.stmt] = list(tree.body)
    while waiting:
        node = waiting.pop()
        yield node
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            waiting.extend(node.orelse)
        elif isinstance(node, ast.If | ast.Try | ast.With):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    waiting.extend(child.body if isinstance(child, ast.ExceptHandler)
                                   else [child])


def imports(name: str, path: Path, known: set[str], module_level: bool = False) -> set[str]:
    """The package's modules that module ``name`` (file ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8")), module_level):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    found.add(f"{base}.{alias.name}")
                elif base in known:
                    found.add(base)
    found.discard(name)
    return found


def unit(name: str) -> str:
    """The top-level module or subpackage a module belongs to (``report`` for
    ``communitykit.report.sections.goals``)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(name: str) -> int | None:
    """The index in ``LAYERS`` of a module's layer (None when no layer names it)."""
    return next((i for i, (_, units) in enumerate(LAYERS) if unit(name) in units), None)


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Imports of a module in a higher layer, and modules no layer names (as (name, ""))."""
    found = []
    for name in sorted(graph):
        here = layer_of(name)
        if here is None:
            found.append((name, ""))
            continue
        found += [(name, target) for target in sorted(graph[name])
                  if (layer_of(target) or 0) > here]
    return found


def components(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    found.append(sorted(members))
    return sorted(found, key=lambda c: (-len(c), c))


def shortest_loop(graph: dict[str, set[str]], start: str, within: set[str]) -> list[str]:
    """The shortest chain of imports from ``start`` back to itself, inside ``within``."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node] & within):
            if child == start:
                loop = [node]
                while loop[-1] != start:
                    loop.append(came_from[loop[-1]])
                return [*reversed(loop), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return [start]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module-level", action="store_true",
                        help="count only imports run when a module is imported")
    parser.add_argument("--limit", type=int, default=LIMIT, help="lines (default 400)")
    args = parser.parse_args(argv)
    files = modules()
    short = {name: name.removeprefix(f"{PACKAGE}.") for name in files}
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in files.items()}
    over = sorted((n for n in files if sizes[n] > args.limit), key=lambda n: (-sizes[n], n))
    print(f"modules over {args.limit} lines: {len(over)} of {len(files)}")
    for name in over:
        print(f"  {sizes[name]:5d}  {files[name].relative_to(LIBRARY.parent)}")
    graph = {name: imports(name, path, set(files), args.module_level)
             for name, path in files.items()}
    cycles = components(graph)
    kind = "module-level imports" if args.module_level else "all imports"
    print(f"import cycles ({kind}): {len(cycles)}")
    for members in cycles:
        loop = shortest_loop(graph, members[0], set(members))
        print(f"  {len(members)} modules: {', '.join(short[m] for m in members)}")
        print(f"    e.g. {' -> '.join(short[m] for m in loop)}")
    up = upward(graph)
    print(f"imports up the layers: {len(up)}")
    for name, target in up:
        print(f"  {short[name]} -> {short[target]}" if target
              else f"  {short[name]}: in no layer (add it to LAYERS)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
