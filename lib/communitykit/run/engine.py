"""The papermill engine notebooks run on (the report's and the planning steps'): papermill's
nbclient engine, writing once.

Papermill writes the executed notebook at every cell's start and end (some thirty writes,
0.2 s of a small report); this engine writes it once, when execution ends, whether it
succeeded or failed, so a failed or timed-out cell is still named from the file
(``guard.running_cell``). Imported only when a notebook runs: papermill is slow to import.

Pinned (``tests/test_run_pinned.py``): papermill takes no manager class, so
``ReportEngine.execute_notebook`` copies papermill's ``Engine.execute_notebook`` (public
classmethods and manager methods only) with the class swapped. The test compares the
digest of papermill's method with the one it was copied from, and fails when papermill
changes it: compare, copy the change, and update the digest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

ENGINE = "communitykit"


class FinalSaveManager(NotebookExecutionManager):
    """Papermill's execution record, written only by the final save, naming its input and
    output relative to the workspace (the record travels with the report)."""

    def save(self, **kwargs: Any) -> None:
        if self.end_time is not None:  # set by notebook_complete, the final save
            record = self.nb.metadata.get("papermill", {})
            for key in ("input_path", "output_path"):
                if record.get(key):
                    record[key] = relative(record[key])
            super().save(**kwargs)


def relative(path: str) -> str:
    """``path`` relative to the current folder when below it, else its name alone.
    Papermill runs the engine inside the kernel's folder, the workspace."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return Path(path).name


class ReportEngine(NBClientEngine):
    """Papermill's nbclient engine with ``FinalSaveManager``.

    ``execute_notebook`` is papermill's ``Engine.execute_notebook`` with the manager class
    swapped; the cells run exactly as with the default engine."""

    @classmethod
    def execute_notebook(cls, nb: Any, kernel_name: str, output_path: str | None = None,
                         progress_bar: bool = True, log_output: bool = False,
                         autosave_cell_every: int = 30, **kwargs: Any) -> Any:
        nb_man = FinalSaveManager(nb, output_path=output_path, progress_bar=progress_bar,
                                  log_output=log_output, autosave_cell_every=autosave_cell_every)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb


papermill_engines.register(ENGINE, ReportEngine)
