"""Run a planning notebook headless with papermill (``communitykit plan``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# isort: off
from .. import lean_imports  # noqa: F401 (must precede nbformat and papermill)
# isort: on
from ..errors import ReportFailed, UserError
from ..i18n import use_language
from ..paths import Workspace
from . import STEP_NAMES, client_language, notebook_file, step_class
from .common import drop_warning, drops, read_answers

CELL_TIMEOUT = 300
USER_ERRORS = {"UserError", "PlaybookError", "ImportFailed", "NoData"}


def notebook_path(workspace: Workspace, step: str, language: str = "en") -> Path:
    """The step's notebook in ``language`` (the playbook's)."""
    if step not in STEP_NAMES:
        raise UserError(f"unknown planning step {step!r}; steps: {', '.join(STEP_NAMES)}")
    path = notebook_file(workspace, step, language)
    if not path.exists():
        raise UserError(f"planning notebook missing: {path}")
    return path


def executed_path(workspace: Workspace, client: str, step: str) -> Path:
    """Where the executed notebook of a headless run is kept (the run's record)."""
    return workspace.plan_runs_dir(client) / f"{step}.ipynb"


def run_step(workspace: Workspace, client: str, step: str, answers: str | Path | None,
             save: bool = True, today: dt.date | None = None) -> Path:
    """Execute ``notebooks/plan/<step>.ipynb`` (``plan/zh/<step>.ipynb`` for a Chinese
    playbook) for ``client`` with the answers file.

    A user mistake (invalid answers, a refused goal) raises ``UserError`` with the
    validation message; the playbook is then unchanged. Returns the executed notebook.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    workspace.client(client)  # an unknown client: the one message, before a kernel starts
    notebook = notebook_path(workspace, step, client_language(workspace, client))
    answers_path = None
    if answers is not None:
        answers_path = Path(answers).resolve()
        with use_language(client_language(workspace, client)):
            read_answers(answers_path)  # not YAML: fail fast, before a kernel starts
    output = executed_path(workspace, client, step)
    output.parent.mkdir(parents=True, exist_ok=True)
    parameters = {
        "client": client,
        "workspace": str(workspace.root),
        "answers": str(answers_path) if answers_path else None,
        "save": save,
        "today": today.isoformat() if today else None,
    }
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            progress_bar=False, cwd=str(workspace.root), execution_timeout=CELL_TIMEOUT,
            log_output=False,
            kernel_manager_class="communitykit.render.QuietKernelManager",
        )
    except PapermillExecutionError as exc:
        if exc.ename in USER_ERRORS:
            raise UserError(exc.evalue) from None
        raise ReportFailed(
            f"the {step} planning notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{exc.evalue} (the executed notebook is kept at {output})") from None
    except RuntimeError as exc:  # dead kernel, timeouts
        raise ReportFailed(f"the notebook kernel stopped: {exc}") from None
    return output


def drop_warnings(workspace: Workspace, client: str, step: str,
                  answers: str | Path) -> list[str]:
    """What the answers file drops from the client's playbook (a list or a mapping given
    whole), unless its ``replace`` names it: the warning's lines, in the playbook's
    language. Read before the run, since a save makes the playbook equal to the answers."""
    with use_language(client_language(workspace, client)):
        given = read_answers(Path(answers).resolve())
        return drop_warning(drops(workspace.playbook_file(client), given,
                                  step_class(step).SECTIONS))
