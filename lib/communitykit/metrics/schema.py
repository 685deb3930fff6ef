"""The JSON schema of metrics.json, built from the typed figures (``results``) and the
catalogue (each single-number figure described by its label, unit and better direction).

``scripts/metrics_doc.py`` writes it to ``docs/metrics.schema.json``; a test keeps that file
equal to this and validates real reports against it.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from ..catalogue import CATALOGUE
from .results import Figures

SCHEMA_ID = "communitykit.metrics/1"
SECTION_CLASSES = {"responsiveness": "Responsiveness", "presence": "Presence",
                   "health": "Health", "listening": "Listening", "reach": "Reach",
                   "rules": "Rules", "voices": "Voices"}
TEXTS = {"type": "object", "additionalProperties": {"type": "string"}}


def metrics_schema() -> dict[str, Any]:
    """The schema of a whole metrics.json document."""
    schema = TypeAdapter(Figures).json_schema(mode="serialization")
    for m in CATALOGUE.values():
        field = schema["$defs"][SECTION_CLASSES[m.section]]["properties"][m.key]
        field["description"] = (f"{m.label} (metric {m.id}; {m.unit}; better: {m.better}; "
                                f"definition: {m.definition})")
    # Left out when empty (responsiveness.previous_pending): optional, never null.
    pending = schema["$defs"]["Responsiveness"]["properties"]["previous_pending"]
    pending.pop("default", None)
    schema["properties"] = {
        "schema": {"const": SCHEMA_ID},
        "client": {"type": "object", "required": ["id", "name", "timezone"]},
        **schema["properties"],
        "data_quality": {"type": "object", "required": ["files", "accounts"]},
        "playbook": {"type": "object", "required": ["sha256", "version"]},
        "store_version": {"type": ["string", "null"]},
        "definitions": TEXTS,
        "decisions": TEXTS,
    }
    schema["required"] = list(schema["properties"])
    schema["title"] = "communitykit metrics.json"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema}
