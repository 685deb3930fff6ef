"""The library's shape (scripts/structure.py): modules under 400 lines, no import cycle,
and every import pointing down the layers."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "structure.py"


@pytest.fixture(scope="module")
def structure() -> dict[str, Any]:
    return runpy.run_path(str(SCRIPT))


@pytest.fixture(scope="module")
def graph(structure: dict[str, Any]) -> dict[str, set[str]]:
    files = structure["modules"]()
    return {name: structure["imports"](name, path, set(files)) for name, path in files.items()}


def test_no_module_is_over_the_limit(structure: dict[str, Any]) -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in structure["modules"]().items()}
    assert {n: s for n, s in sizes.items() if s > structure["LIMIT"]} == {}


def test_no_import_cycle(structure: dict[str, Any], graph: dict[str, set[str]]) -> None:
    assert structure["components"](graph) == []


def test_imports_point_down_the_layers(structure: dict[str, Any],
                                       graph: dict[str, set[str]]) -> None:
    assert structure["upward"](graph) == []


def test_the_checks_find_what_they_look_for(structure: dict[str, Any]) -> None:
    upward, components = structure["upward"], structure["components"]
    made_up = {"communitykit.catalogue": {"communitykit.report.page"},
               "communitykit.report.page": {"communitykit.catalogue"},
               "communitykit.newthing": set()}
    assert upward(made_up) == [("communitykit.catalogue", "communitykit.report.page"),
                               ("communitykit.newthing", "")]
    assert components(made_up) == [["communitykit.catalogue", "communitykit.report.page"]]
