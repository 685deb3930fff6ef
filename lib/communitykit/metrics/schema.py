"""The JSON schema of metrics.json, built from the typed figures (``results``) and the
catalogue (each single-number figure described by its label, unit and better direction).

``scripts/metrics_doc.py`` writes it to ``docs/metrics.schema.json``; a test keeps that file
equal to this and validates real reports against it.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from ..catalogue import CATALOGUE
from .levels import LEVELS, STATES
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
    _describe_levels(schema["$defs"])
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


def _describe_levels(defs: dict[str, Any]) -> None:
    """The member levels' keys: the levels, the movement's states, an outreach row."""
    fields = defs["MemberLevels"]["properties"]
    counts = {"type": "object", "properties": {name: {"type": "integer"} for name in LEVELS},
              "required": list(LEVELS), "additionalProperties": False}
    fields["current"] = {**counts, "title": "Current"}
    fields["previous"] = {**counts, "title": "Previous"}
    defs["LevelMoves"] = {"type": "object", "title": "LevelMoves",
                          "description": "Members from one level to each level now.",
                          "properties": {name: {"type": "integer"} for name in STATES},
                          "required": list(STATES), "additionalProperties": False}
    row = {"$ref": "#/$defs/LevelMoves"}
    fields["movement"] = {"type": "object", "title": "Movement",
                          "properties": {name: row for name in STATES},
                          "required": list(STATES), "additionalProperties": False}
    fields["outreach"]["items"] = {
        "type": "object", "additionalProperties": False,
        "properties": {"name": {"type": "string"}, "platform": {"type": "string"},
                       "level_before": {"enum": ["champion", "regular"]},
                       "last_active": {"type": "string", "format": "date"},
                       "messages_before": {"type": "integer"}},
        "required": ["name", "platform", "level_before", "last_active", "messages_before"]}
