"""The one notebook runner: the review (``communitykit report``) and the planning steps
(``communitykit plan``) both execute their notebook here.

Papermill runs it on the kit's engine (``engine``: the executed notebook is written once,
at the end), on the warm kernel when one is in use (``kernels.WarmKernel``) or a fresh
``QuietKernelManager``, with a time limit per cell. A user mistake raised in a cell
(``USER_ERRORS``) becomes ``UserError`` with its message; any other failure is
``ReportFailed`` naming the cell, and where the executed notebook is kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ReportFailed, UserError
from .guard import running_cell
from .kernels import WarmKernel

CELL_TIMEOUT = 300
USER_ERRORS = {"UserError", "PlaybookError", "ImportFailed", "NoData"}


def execute(notebook: Path, output: Path, parameters: dict[str, object], cwd: Path,
            keep_failed: Path | None = None, progress: bool = False, *,
            name: str = "the review notebook", report_mode: bool = True) -> None:
    """Execute ``notebook`` with papermill into ``output``; user mistakes become UserError.

    When a cell fails, the partly executed notebook is copied to ``keep_failed`` (which
    may be ``output`` itself). ``name`` says which notebook in messages; ``report_mode``
    hides the code in the executed notebook (the review's). In a batch worker with a
    ``WarmKernel`` the notebook runs on that kernel.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .engine import ENGINE

    warm = WarmKernel.ready()
    engine: dict[str, object] = {"km": warm} if warm is not None else {
        "kernel_manager_class": "communitykit.run.kernels.QuietKernelManager"}
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            progress_bar=progress, cwd=str(cwd), execution_timeout=CELL_TIMEOUT,
            log_output=False, report_mode=report_mode, engine_name=ENGINE, **engine,
        )
        WarmKernel.reset_soon()  # the kernel empties itself while the page renders
    except PapermillExecutionError as exc:
        if exc.ename in USER_ERRORS:
            raise UserError(exc.evalue) from None
        where = _keep(output, keep_failed)
        raise ReportFailed(
            f"{name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}{where}"
        ) from None
    except (RuntimeError, TimeoutError) as exc:  # a dead kernel, a cell over CELL_TIMEOUT
        if warm is not None:
            WarmKernel.restart()  # the cell may still be running
        what = (f"took longer than {CELL_TIMEOUT} s" if isinstance(exc, TimeoutError)
                else f"stopped the kernel ({str(exc).splitlines()[0] if str(exc) else exc!r})")
        where = _keep(output, keep_failed)
        raise ReportFailed(f"{name}'s {running_cell(output)} {what}{where}") from None


def _keep(output: Path, keep_failed: Path | None) -> str:
    """Copy the partly executed notebook aside; say where."""
    if keep_failed is None or not output.exists():
        return ""
    if keep_failed != output:
        keep_failed.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(output, keep_failed)
    return f" (the executed notebook is kept at {keep_failed})"
