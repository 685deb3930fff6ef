"""Translation catalogues: English source text to the report language's text.

One module per part of the report keeps catalogues small and reviewable.
"""

from __future__ import annotations

from ..catalogue import translations
from . import (
    zh_definitions,
    zh_delivery,
    zh_index,
    zh_levels,
    zh_listening,
    zh_notes,
    zh_plan,
    zh_report,
    zh_review,
    zh_trends,
)

CATALOGUES: dict[str, dict[str, str]] = {
    # The planning steps' catalogue first: for a text both have, the report's wording wins.
    # The figures' labels come from the catalogue of figures.
    "zh": {**zh_plan.TEXT, **zh_report.TEXT, **zh_notes.TEXT, **zh_listening.TEXT,
           **zh_definitions.TEXT, **zh_review.TEXT, **zh_index.TEXT, **zh_levels.TEXT,
           **zh_trends.TEXT, **zh_delivery.TEXT,
           **translations("zh")},
}
