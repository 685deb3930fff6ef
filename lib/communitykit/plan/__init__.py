"""Planning: one notebook per practice, whose logic lives here.

``communitykit plan <client> <step> --answers answers.yaml`` runs
``notebooks/plan/<step>.ipynb`` headless with papermill; a strategist opens the same
notebooks in JupyterLab (``communitykit lab <client>``). Each step validates its answers
with the playbook model and saves them into the client's playbook (``save.py``).

A client whose playbook is in Chinese (``client.language: zh``) gets
``notebooks/plan/zh/<step>.ipynb``: the same code cells, explained in Chinese; the steps
show and refuse in the playbook's language (``locales/zh_plan/``).

The review step (``notebooks/plan/review.ipynb``, ``review_step.py``) comes after a
period's report: it shows the report's findings and the actions still open, and writes the
draft review file (docs/commentary.md), not the playbook. ``NOTEBOOK_NAMES`` lists every
planning notebook, the review last.

Steps are imported lazily (``step_class``) so the command line starts fast.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..paths import Workspace
    from .common import PlanStep

STEP_CLASSES = {
    "guidelines": ("guidelines", "GuidelinesPlan"),
    "goals": ("goals", "GoalsPlan"),
    "cadence": ("cadence", "CadencePlan"),
    "voices": ("voices", "VoicesPlan"),
}
STEP_NAMES = tuple(STEP_CLASSES)  # the steps whose answers go into the playbook
REVIEW_STEP = "review"
NOTEBOOK_NAMES = (*STEP_NAMES, REVIEW_STEP)


def step_class(name: str) -> type[PlanStep]:
    """The class holding a step's logic, e.g. ``step_class("goals")``."""
    module, cls = STEP_CLASSES[name]
    found: type[PlanStep] = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
    return found


def notebook_file(workspace: Workspace, step: str, language: str = "en") -> Path:
    """The planning notebook of ``step`` in ``language``: ``notebooks/plan/<step>.ipynb``
    in English, ``notebooks/plan/<language>/<step>.ipynb`` otherwise."""
    english = workspace.plan_notebook(step)
    return english if language == "en" else english.parent / language / english.name


def client_language(workspace: Workspace, client: str) -> str:
    """The language of the client's playbook (``client.language``), read leniently: English
    when the file or the key cannot be read (the notebook then says what is wrong)."""
    from ..errors import UserError
    from ..i18n import LANGUAGES
    from ..playbook import read_yaml

    try:
        data = read_yaml(workspace.playbook_file(client))
    except UserError:
        return "en"
    section = data.get("client") if isinstance(data, dict) else None
    language = section.get("language") if isinstance(section, dict) else None
    return language if language in LANGUAGES else "en"
