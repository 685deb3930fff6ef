"""Notebook hygiene: committed without outputs, and the parameters are the runner's contract."""

from __future__ import annotations

import json
from pathlib import Path

import papermill

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))


def test_notebooks_are_committed_without_outputs() -> None:
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path


def test_review_parameters_match_what_the_runner_passes() -> None:
    params = papermill.inspect_notebook(str(ROOT / "notebooks" / "review.ipynb"))
    assert set(params) == {"client", "period", "period_from", "period_to", "workspace",
                           "metrics_path"}


def test_review_cells_are_thin() -> None:
    nb = json.loads((ROOT / "notebooks" / "review.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        assert "def " not in source and "class " not in source
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            assert len(source.splitlines()) <= 4
