"""Run a planning notebook headless (``communitykit plan``) with the kit's notebook runner
(``run.notebook``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import UserError
from ..i18n import use_language
from ..paths import Workspace
from ..run.notebook import execute
from . import NOTEBOOK_NAMES, REVIEW_STEP, client_language, notebook_file, step_class
from .common import drop_warning, drops, read_answers


def notebook_path(workspace: Workspace, step: str, language: str = "en") -> Path:
    """The step's notebook in ``language`` (the playbook's)."""
    if step not in NOTEBOOK_NAMES:
        raise UserError(f"unknown planning step {step!r}; steps: {', '.join(NOTEBOOK_NAMES)}")
    path = notebook_file(workspace, step, language)
    if not path.exists():
        raise UserError(f"planning notebook missing: {path}")
    return path


def executed_path(workspace: Workspace, client: str, step: str) -> Path:
    """Where the executed notebook of a headless run is kept (the run's record)."""
    return workspace.plan_runs_dir(client) / f"{step}.ipynb"


def run_step(workspace: Workspace, client: str, step: str, answers: str | Path | None,
             save: bool = True, today: dt.date | None = None, period: str | None = None,
             ) -> Path:
    """Execute ``notebooks/plan/<step>.ipynb`` (``plan/zh/<step>.ipynb`` for a Chinese
    playbook) for ``client`` with the answers file (the review step: with ``period``).

    A user mistake (invalid answers, a refused goal) raises ``UserError`` with the
    validation message; the playbook is then unchanged. Returns the executed notebook.
    """
    workspace.client(client)  # an unknown client: the one message, before a kernel starts
    notebook = notebook_path(workspace, step, client_language(workspace, client))
    answers_path = None
    if answers is not None:
        if step == REVIEW_STEP:
            raise UserError("the review step takes no answers file: it writes the draft review "
                            "file of --period (docs/commentary.md)")
        answers_path = Path(answers).resolve()
        with use_language(client_language(workspace, client)):
            read_answers(answers_path)  # not YAML: fail fast, before a kernel starts
    if period is not None and step != REVIEW_STEP:
        raise UserError(f"--period is for the review step only, not {step}")
    output = executed_path(workspace, client, step)
    output.parent.mkdir(parents=True, exist_ok=True)
    execute(notebook, output, step_parameters(workspace, client, step, answers_path, save,
                                              today, period),
            workspace.root, keep_failed=output, name=f"the {step} planning notebook",
            report_mode=False)
    return output


def step_parameters(workspace: Workspace, client: str, step: str, answers: Path | None,
                    save: bool, today: dt.date | None, period: str | None,
                    ) -> dict[str, object]:
    """What a headless run passes to the step's parameters cell: the review step takes the
    period instead of answers."""
    parameters: dict[str, object] = {
        "client": client,
        "workspace": str(workspace.root),
        "save": save,
        "today": today.isoformat() if today else None,
    }
    if step == REVIEW_STEP:
        return {**parameters, "period": period}
    return {**parameters, "answers": str(answers) if answers else None}


def drop_warnings(workspace: Workspace, client: str, step: str,
                  answers: str | Path) -> list[str]:
    """What the answers file drops from the client's playbook (a list or a mapping given
    whole), unless its ``replace`` names it: the warning's lines, in the playbook's
    language. Read before the run, since a save makes the playbook equal to the answers."""
    with use_language(client_language(workspace, client)):
        given = read_answers(Path(answers).resolve())
        return drop_warning(drops(workspace.playbook_file(client), given,
                                  step_class(step).SECTIONS))
