"""Everything a user can extend is documented: every playbook field and every importer.

A playbook field counts as documented when ``playbooks/templates/TEMPLATE.yaml`` names it
(as a key or in a comment, within its top-level section, each part of its path after the
one before) or a YAML example in ``docs/*.md`` writes it out as nested keys. An importer
counts when ``docs/sources.md`` gives it a row of its formats table. Figures are checked
by tests/test_definitions.py (every metrics.json figure has a definition).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path

from pydantic import BaseModel

from communitykit.playbook import Playbook

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "playbooks" / "templates" / "TEMPLATE.yaml"
DOCS = sorted((ROOT / "docs").glob("*.md"))
SOURCES = ROOT / "docs" / "sources.md"
YAML_BLOCK = re.compile(r"^```ya?ml\n(.*?)^```", re.M | re.S)

FieldPath = tuple[str, ...]


def _models(annotation: object) -> Iterator[tuple[FieldPath, type[BaseModel]]]:
    """The models inside a field's type, each with the path its dict keys add: a dict
    keyed by one literal (``listening: {themes: [...]}``) adds that key, others nothing."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield (), annotation
        return
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        yield from _models(args[0])
    elif typing.get_origin(annotation) is dict:
        keys = typing.get_args(args[0]) if typing.get_origin(args[0]) is typing.Literal else ()
        step = (str(keys[0]),) if len(keys) == 1 else ()
        yield from (((*step, *path), model) for path, model in _models(args[1]))
    else:
        for arg in args:
            yield from _models(arg)


def field_paths(model: type[BaseModel] = Playbook, above: FieldPath = ()) -> Iterator[FieldPath]:
    """Every field of the playbook, as the path of keys that reaches it."""
    for name, field in model.model_fields.items():
        path = (*above, name)
        yield path
        for step, inner in _models(field.annotation):
            yield from field_paths(inner, (*path, *step))


def _in_order(text: str, parts: FieldPath, pattern: str) -> bool:
    """Whether each part occurs in ``text`` (``pattern`` around it) after the one before."""
    at = 0
    for part in parts:
        found = re.compile(pattern.format(re.escape(part)), re.M).search(text, at)
        if found is None:
            return False
        at = found.end()
    return True


def _section(text: str, key: str) -> str:
    """A top-level key's lines, with their comments, up to the next top-level key."""
    found = re.search(rf"^{re.escape(key)}:.*?(?=^\w|\Z)", text, re.M | re.S)
    return found.group(0) if found else ""


def in_template(path: FieldPath, text: str) -> bool:
    return _in_order(_section(text, path[0]), path[1:], r"\b{}\b")


def in_docs(path: FieldPath, pages: list[str]) -> bool:
    return any(_in_order(block, path, r"^[\s#-]*{}\s*:")
               for page in pages for block in YAML_BLOCK.findall(page))


def test_every_playbook_field_is_documented() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    pages = [page.read_text(encoding="utf-8") for page in DOCS]
    missing = [".".join(path) for path in field_paths()
               if not in_template(path, text) and not in_docs(path, pages)]
    assert missing == [], f"document these playbook fields in {TEMPLATE.name} or docs/: {missing}"


def test_the_field_walk_reaches_nested_models() -> None:
    paths = {".".join(path) for path in field_paths()}
    assert {"client.brand.logo", "business_hours.holidays.subdivision", "roster.handles",
            "rules.escalation.clock", "goals.baseline.period", "cadence.response.clock",
            "listening.themes.keywords", "exports.sources.mapping.date_format",
            "revisions.origin"} <= paths
    assert len(paths) > 80


def test_the_checks_tell_documented_from_not() -> None:
    text = "goals: []\n#  - id: g\n#    target: 2\n\ncadence:\n  pillars: []\n"
    assert in_template(("goals", "target"), text)
    assert not in_template(("goals", "pillars"), text)  # another section's key
    assert not in_template(("goals", "target", "id"), text)  # out of order
    page = ("```yaml\nexports:\n  sources:\n    - match: x\n      mapping:\n"
            "        table: posts\n```")
    assert in_docs(("exports", "sources", "mapping", "table"), [page])
    assert not in_docs(("exports", "mapping", "sheet"), [page])


def _importer_names() -> list[str]:
    from communitykit.importers import REGISTRY

    importers = REGISTRY.values() if isinstance(REGISTRY, Mapping) else REGISTRY
    return [importer.name for importer in importers]


def test_every_importer_is_documented() -> None:
    page = SOURCES.read_text(encoding="utf-8")
    names = _importer_names()
    assert len(names) > 20
    missing = [name for name in names
               if not re.search(rf"^\| `{re.escape(name)}` \|", page, re.M)]
    assert missing == [], f"give these importers a row in docs/sources.md: {missing}"
