"""The notebook runner: the executed notebook written once (the kit's engine), a failed
cell named; the planning steps run through the same runner. (A cell over the time limit and
a dead kernel are security points: ``test_security.py``.)"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from communitykit.errors import ReportFailed
from communitykit.run.notebook import execute
from conftest import tiny_notebook


def test_the_executed_notebook_is_written_once_and_names_a_failed_cell(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Papermill would write it at the start, at every cell's start and end, and at the
    end (2 cells: 6 writes)."""
    import papermill.engines
    import papermill.iorw

    writes: list[str] = []
    real = papermill.iorw.write_ipynb

    def counting(nb: object, path: str) -> None:
        writes.append(path)
        real(nb, path)

    monkeypatch.setattr(papermill.engines, "write_ipynb", counting)
    out = tmp_path / "out.ipynb"
    execute(tiny_notebook(tmp_path, "y = x + 1"), out, {}, tmp_path)
    assert writes == [str(out)]
    assert nbformat.read(out, as_version=4).cells[-1].metadata.papermill["status"] == "completed"
    writes.clear()
    with pytest.raises(ReportFailed, match=r"cell 3: ZeroDivisionError"):
        execute(tiny_notebook(tmp_path, "y = 1", "1 / 0"), out, {}, tmp_path)
    assert writes == [str(out)]  # the final write still records the failure
    assert nbformat.read(out, as_version=4).metadata.papermill["exception"] is True


def test_the_planning_steps_run_through_the_same_runner(tmp_path: Path) -> None:
    """``plan.run`` keeps no runner, time limit or list of user errors of its own; a
    failed planning cell is named, with the executed notebook kept where it was written,
    and the code stays visible (no report mode)."""
    from communitykit.plan import run as plan_run

    assert plan_run.execute is execute
    assert not hasattr(plan_run, "CELL_TIMEOUT") and not hasattr(plan_run, "USER_ERRORS")
    out = tmp_path / "goals.ipynb"
    with pytest.raises(ReportFailed, match=r"^the goals planning notebook failed in cell 3: "
                       r"ZeroDivisionError: division by zero \(the executed notebook is kept at "):
        execute(tiny_notebook(tmp_path, "y = 1", "1 / 0"), out, {}, tmp_path, keep_failed=out,
                name="the goals planning notebook", report_mode=False)
    cells = nbformat.read(out, as_version=4).cells
    assert not any(c.metadata.get("jupyter", {}).get("source_hidden") for c in cells)
