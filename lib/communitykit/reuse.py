"""A new client from a template or from another client, and what it still has to fill.

``communitykit new B --from A`` copies A's *strategy* (rules and escalation, cadence,
themes, guidelines, business hours, reach and export settings) but not A's *identity*:
the brand's name and look, its accounts, its people, its goals' baselines and dates, and
its revision history. The identity fields get a marker (``TO FILL`` / ``待填写``), A's goal
shapes are kept as comments for the goals step, and B's revision log records the origin.

``unfilled`` lists the fields a client has not filled yet: a marker still in place, or a
value still equal to the example of the template it was made from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .playbook import Playbook

MARKERS = {"en": "TO FILL", "zh": "待填写"}
ORIGIN_TEMPLATE = "template:"
ORIGIN_CLIENT = "client:"


def marker(language: str) -> str:
    return MARKERS.get(language, MARKERS["en"])


def strategy_copy(doc: CommentedMap, source: str, today: dt.date) -> CommentedMap:
    """``doc`` (client ``source``'s playbook, round-trip) made into a new client's: the
    strategy kept, the identity replaced by markers, the origin recorded. Edits ``doc``."""
    client = doc["client"]
    fill = marker(str(client.get("language", "en")))
    doc.ca.comment = None  # the source's header names the source's brand
    doc.yaml_set_start_comment(f"Playbook made from the strategy of client {source} on "
                               f"{today.isoformat()}: fill in the fields marked {fill}.")
    client["name"] = fill
    client.pop("brand", None)  # colour and logo are the source's look
    platforms = list(dict.fromkeys(str(a["platform"]) for a in doc["accounts"]))
    doc["accounts"] = CommentedSeq(CommentedMap([("platform", p), ("handle", fill)])
                                   for p in platforms)
    doc["roster"] = CommentedSeq()
    doc.pop("recipients", None)  # the source's people, not the new client's
    guidelines = doc.get("guidelines")
    if isinstance(guidelines, CommentedMap) and guidelines.get("contact"):
        guidelines["contact"] = fill
    shapes = [_goal_shape(g) for g in doc.get("goals") or []]
    doc["goals"] = CommentedSeq()
    if shapes:
        doc.yaml_add_eol_comment(
            f"goal shapes of {source}; set baselines and dates with the goals step:\n"
            + "\n".join(f"#  - {shape}" for shape in shapes), "goals")
    doc["revisions"] = CommentedSeq([CommentedMap([
        ("date", today), ("step", "new"), ("origin", ORIGIN_CLIENT + source),
        ("note", f"strategy copied from {source}: rules, escalation, cadence, themes, "
                 "guidelines; not its name, accounts, people, goals' baselines or history"),
    ])])
    return doc


def _goal_shape(goal: Any) -> str:
    keys = ("id", "metric", "channel", "direction", "target")
    parts = [f"{k}: {goal[k]}" for k in keys if isinstance(goal, dict) and k in goal]
    return "{" + ", ".join(parts) + "}"


def record_template(doc: CommentedMap, template: str, today: dt.date) -> CommentedMap:
    """A client made from a template: its revision log starts with the origin."""
    doc["revisions"] = CommentedSeq([CommentedMap([
        ("date", today), ("step", "new"), ("origin", ORIGIN_TEMPLATE + template),
        ("note", f"created from template {template}"),
    ])])
    return doc


def origin(pb: Playbook) -> str | None:
    """``template:<name>`` or ``client:<name>`` the playbook was made from, if recorded."""
    return next((r.origin for r in pb.revisions if r.origin), None)


def identity(pb: Playbook) -> Iterator[tuple[str, str]]:
    """(key path, value) of every field that names the client rather than its strategy."""
    yield "client/name", pb.client.name
    for i, account in enumerate(pb.accounts):
        for key in ("handle", "id"):
            value = getattr(account, key)
            if value is not None:
                yield f"accounts/{i}/{key}", value
    for i, person in enumerate(pb.roster):
        yield f"roster/{i}/name", person.name
        for platform, handles in person.handles.items():
            for handle in handles:
                yield f"roster/{i}/handles/{platform}", handle
    if pb.guidelines.contact:
        yield "guidelines/contact", pb.guidelines.contact


def unfilled(pb: Playbook, template: Playbook | None = None) -> list[str]:
    """Key paths still to fill: a marker in place, or the template's example value."""
    examples = {value for _, value in identity(template)} if template is not None else set()
    return [path for path, value in identity(pb)
            if any(m in value for m in MARKERS.values()) or value in examples]


def template_of(pb: Playbook, templates: Path) -> Playbook | None:
    """The template the playbook was made from, when recorded and still present."""
    from .playbook import load

    source = origin(pb)
    if not source or not source.startswith(ORIGIN_TEMPLATE):
        return None
    path = templates / f"{source.removeprefix(ORIGIN_TEMPLATE)}.yaml"
    return load(path) if path.is_file() else None
