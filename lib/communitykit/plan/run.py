"""Run a planning notebook headless (``communitykit plan``) with the kit's notebook runner
(``run.notebook``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import UserError
from ..i18n import use_language
from ..paths import Workspace
from ..run.notebook import execute
from . import STEP_NAMES, client_language, notebook_file, step_class
from .common import drop_warning, drops, read_answers


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
    workspace.client(client)  # an unknown client: the one message, before a kernel starts
    notebook = notebook_path(workspace, step, client_language(workspace, client))
    answers_path = None
    if answers is not None:
        answers_path = Path(answers).resolve()
        with use_language(client_language(workspace, client)):
            read_answers(answers_path)  # not YAML: fail fast, before a kernel starts
    output = executed_path(workspace, client, step)
    output.parent.mkdir(parents=True, exist_ok=True)
    parameters: dict[str, object] = {
        "client": client,
        "workspace": str(workspace.root),
        "answers": str(answers_path) if answers_path else None,
        "save": save,
        "today": today.isoformat() if today else None,
    }
    execute(notebook, output, parameters, workspace.root, keep_failed=output,
            name=f"the {step} planning notebook", report_mode=False)
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
