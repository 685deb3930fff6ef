"""Planning: one notebook per practice, whose logic lives here.

``communitykit plan <client> <step> --answers answers.yaml`` runs
``notebooks/plan/<step>.ipynb`` headless with papermill; a strategist opens the same
notebooks in JupyterLab (``communitykit lab <client>``). Each step validates its answers
with the playbook model and saves them into the client's playbook (``save.py``).

Steps are imported lazily (``step_class``) so the command line starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .common import PlanStep

STEP_CLASSES = {
    "guidelines": ("guidelines", "GuidelinesPlan"),
    "goals": ("goals", "GoalsPlan"),
    "cadence": ("cadence", "CadencePlan"),
    "voices": ("voices", "VoicesPlan"),
}
STEP_NAMES = tuple(STEP_CLASSES)


def step_class(name: str) -> type[PlanStep]:
    """The class holding a step's logic, e.g. ``step_class("goals")``."""
    module, cls = STEP_CLASSES[name]
    found: type[PlanStep] = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
    return found
