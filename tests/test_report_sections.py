"""Every section the report declares (report/sections/__init__.py) has its module, its
method on Review and its cell in the review notebook, in the declared order; the page's
contents list the titled ones."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from communitykit.report.review import Review
from communitykit.report.sections import CONTENTS, SECTIONS

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "lib" / "communitykit" / "report" / "sections"


def test_each_declared_section_has_a_module_and_a_method() -> None:
    names = [name for name, _ in SECTIONS]
    modules = sorted(p.stem for p in FOLDER.glob("*.py") if p.stem != "__init__")
    assert sorted(names) == modules, "a section module is not declared, or the reverse"
    for name in names:
        module = importlib.import_module(f"communitykit.report.sections.{name}")
        assert callable(module.render), name
        assert callable(getattr(Review, name)), f"Review.{name} is missing"
        assert getattr(Review, name).__wrapped__ is module.render, name


def test_the_notebook_calls_every_section_in_order() -> None:
    notebook = json.loads((ROOT / "notebooks" / "review.ipynb").read_text(encoding="utf-8"))
    calls = ["".join(c["source"]).strip() for c in notebook["cells"]
             if c["cell_type"] == "code" and "".join(c["source"]).startswith("review.")]
    assert calls == [f"review.{name}()" for name, _ in SECTIONS]


def test_contents_are_the_titled_sections() -> None:
    assert [a for a, _ in CONTENTS] == [n for n, t in SECTIONS if t]
    assert dict(CONTENTS)["summary"] == "Summary"
