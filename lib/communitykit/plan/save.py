"""Save planning answers into a playbook, keeping the strategist's comments and layout.

The playbook is read with ruamel.yaml's round-trip loader, the answers are merged into
the document in place (a mapping key keeps its comment when its value changes; lists are
updated item by item), a revision is appended, and the merged document is validated with
the playbook model *before* anything is written. The file is then replaced atomically
(temporary file in the same folder + ``os.replace``): a failed save leaves it
byte-for-byte unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from .. import atomic
from .. import playbook as playbook_mod
from ..errors import PlaybookError
from ..playbook import Playbook
from . import validation
from .yaml_comments import entries, has_last_element, put_after_key, put_trailing, take_trailing


def _round_trip() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the strategist's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True  # no &id001 anchors for shared values
    return yaml


def load_document(path: Path) -> CommentedMap:
    """The playbook as a round-trip document (comments and key order kept)."""
    playbook_mod.read_yaml(path)  # clear errors for a missing, non-UTF-8 or broken file
    try:
        doc = _round_trip().load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:  # pragma: no cover - read_yaml has already parsed it
        raise PlaybookError(f"not valid YAML: {exc}", file=path) from None
    if not isinstance(doc, CommentedMap):
        raise PlaybookError("a playbook is a mapping of keys (client, accounts, ...)", file=path)
    return doc


def plain(value: Any) -> Any:
    """Round-trip nodes as plain dicts, lists and scalars (for display and validation)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, ScalarBoolean | bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


AMBIGUOUS = re.compile(
    r"^(?:[-+.:\d_eE]+|y|n|yes|no|on|off|true|false|null|~)$", re.IGNORECASE)
# ruamel leaves these plain in a flow list or mapping, where they do not read back
# ("? x", ": x", "a ? b"): quoted everywhere. ``#`` and ": " it quotes itself.
FLOW_UNSAFE = re.compile(r"(?:^|\s)[?:](?:\s|$)")


def _styled(new: Any, like: Any) -> Any:
    """``new`` as a round-trip node, in the flow or block style of ``like`` (a sibling)."""
    if isinstance(new, Mapping):
        like_map = like if isinstance(like, CommentedMap) else None
        node = CommentedMap(
            (k, _styled(v, like_map.get(k) if like_map is not None else None))
            for k, v in new.items()
        )
        if like_map is not None and like_map.fa.flow_style():
            node.fa.set_flow_style()
        return node
    if isinstance(new, list):
        like_seq = like if isinstance(like, CommentedSeq) else None
        child = like_seq[0] if like_seq else None
        node_seq = CommentedSeq([_styled(v, child) for v in new])
        if like_seq is not None and like_seq.fa.flow_style():
            node_seq.fa.set_flow_style()
        return node_seq
    if isinstance(new, str):
        if isinstance(like, DoubleQuotedScalarString | SingleQuotedScalarString):
            return type(like)(new)
        if AMBIGUOUS.match(new) or FLOW_UNSAFE.search(new):  # "09:00", "0123", "yes":
            return DoubleQuotedScalarString(new)  # quoted for every YAML reader
    return new


def styled_copy(node: Any) -> Any:
    """A copy of a round-trip node in its flow or block style and quoting, without its
    comments (what ``current`` shows, to paste back as answers)."""
    return _styled(plain(node), node)


def merge(old: Any, new: Any) -> Any:
    """``old`` made equal to ``new``, changing the round-trip document in place.

    Mappings keep the keys (and their comments) whose values stay, drop the keys ``new``
    leaves out and add the new ones; lists are updated item by item, so unchanged items
    keep their comments and flow or block style. Anything else is replaced by ``new``.
    """
    if isinstance(new, list | Mapping) and not new:  # empty: written in flow style, [] or {}
        empty = CommentedSeq() if isinstance(new, list) else CommentedMap()
        empty.fa.set_flow_style()
        return empty
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            if key in old:
                _replace_value(old, key, value)
            else:
                old[key] = _styled(value, _sibling(old, value))
        _in_order(old, list(new))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_list(old, new)
    if plain(old) == new:
        return old  # keep quoting and scalar style
    return _styled(new, old)


def _in_order(mapping: CommentedMap, keys: list[Any]) -> None:
    """The keys of ``mapping`` in the order of ``keys`` (the answers' order: ``sat`` added
    to ``{mon, sun}`` goes where the strategist wrote it, not after ``sun``)."""
    if list(mapping) == keys:
        return
    trailing = take_trailing(mapping)  # e.g. the blank line before the next section
    for key in keys:
        mapping.move_to_end(key)
    if trailing is not None:
        put_trailing(mapping, trailing)


IDENTITY_KEYS = ("id", "name", "severity")


def _identity(old: CommentedSeq, new: list[Any]) -> str | None:
    """The key that names each item of both lists (rule ``id``, person ``name``, ...)."""
    items = [*old, *new]
    for key in IDENTITY_KEYS:
        if items and all(isinstance(i, Mapping) and key in i for i in items):
            names = [str(i[key]) for i in new]
            if len(names) == len(set(names)):
                return key
    return None


def _replace_value(mapping: CommentedMap, key: Any, value: Any) -> None:
    """``mapping[key]`` merged with ``value``; when the value becomes empty, the comment
    after its last element (often the blank line before the next key) moves to the key."""
    trailing = take_trailing(mapping[key]) if isinstance(value, list | Mapping) and not value \
        else None
    mapping[key] = merge(mapping[key], value)
    if trailing is not None:
        put_after_key(mapping, key, trailing)


def _sibling(mapping: CommentedMap, value: Any) -> Any:
    """A value of ``mapping`` of the same kind as ``value``, to copy its style from."""
    return next((v for v in mapping.values() if type(plain(v)) is type(value)), None)


def _merge_list(old: CommentedSeq, new: list[Any]) -> CommentedSeq:
    """Items are matched by their identity key when they have one, else by position."""
    key = _identity(old, new)
    trailing = take_trailing(old)  # e.g. the blank line before the next section
    pool = {(str(item[key]) if key else str(i)): i for i, item in enumerate(old)}
    items: list[Any] = []
    comments: list[Any] = []
    for i, value in enumerate(new):
        found = pool.pop(str(value[key]) if key else str(i), None)
        if found is None:
            items.append(_styled(value, old[0] if len(old) else None))
            comments.append(None)
        else:
            items.append(merge(old[found], value))
            comments.append(entries(old).get(found))
    entries(old).clear()
    del old[:]
    old.extend(items)
    for i, comment in enumerate(comments):
        if comment is not None:
            entries(old)[i] = comment
    if trailing is not None and items:
        put_trailing(old, trailing)
    return old


# ---- what an answer drops --------------------------------------------------------------------
# Lists that are one value, not items: sentences rewritten as a whole, and a day's opening
# and closing times. Changing them drops nothing (a day left out of ``days`` still warns).
NOT_ITEMS = ("guidelines.behaviour", "guidelines.contribute", "business_hours.days")
NAME_KEYS = ("id", "name", "severity", "use")


@dataclass(frozen=True)
class Dropped:
    """What an answer leaves out of the playbook: items of a list or keys of a mapping."""

    key: str  # dotted key path, e.g. rules.categories or business_hours.days
    items: tuple[str, ...]  # the ids, names or keys that go

    def acknowledged(self, replace: list[str]) -> bool:
        """True when the answers' ``replace`` names this key or a key above it."""
        return any(self.key == r or self.key.startswith(r + ".") for r in replace)


def dropped(old: Any, new: Any, key: tuple[str, ...]) -> list[Dropped]:
    """What ``new`` (a section as the answers leave it) drops from ``old`` (the section in
    the playbook): list items, named by id, name or severity (or their value), and the keys
    of mappings given whole. Lists of sentences and opening hours (``NOT_ITEMS``) are
    values: changing them drops nothing."""
    where = ".".join(key)
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        found = []
        gone = tuple(str(k) for k in old if k not in new)
        if gone:
            found.append(Dropped(where, gone))
        for k in old:
            if k in new:
                found += dropped(old[k], new[k], (*key, str(k)))
        return found
    if isinstance(old, list) and isinstance(new, list) and not _one_value(where):
        kept = {item_name(item) for item in new}
        lost = tuple(dict.fromkeys(n for n in map(item_name, old) if n not in kept))
        return [Dropped(where, lost)] if lost else []
    return []


def _one_value(where: str) -> bool:
    return any(where == key or where.startswith(key + ".") for key in NOT_ITEMS)


def item_name(item: Any) -> str:
    """How a list item is named in a warning: its id, name or severity, else its value."""
    if isinstance(item, Mapping):
        for key in NAME_KEYS:
            if key in item:
                return str(item[key])
        return " ".join(str(v) for v in list(item.values())[:2])
    return str(item)


def set_section(doc: CommentedMap, key: str, value: Any) -> None:
    """Set a top-level key; a new one goes where the playbook model orders it."""
    if key in doc:
        _replace_value(doc, key, value)
        return
    order = list(Playbook.model_fields)
    rank = order.index(key) if key in order else len(order)
    position = len(doc)
    for i, existing in enumerate(doc):
        if existing in order and order.index(existing) > rank:
            position = i
            break
    node = _styled(value, None)
    doc.insert(position, key, node)
    if position < len(doc) - 1 and has_last_element(node):  # a blank line before the next
        doc.yaml_set_comment_before_after_key(list(doc)[position + 1], before="\n")


def dump(doc: CommentedMap) -> str:
    buffer = io.StringIO()
    _round_trip().dump(doc, buffer)
    return buffer.getvalue()


def save_answers(
    path: Path,
    updates: Mapping[str, Any],
    step: str,
    note: str = "",
    today: dt.date | None = None,
    *,
    write: bool = True,
    source: validation.Source | None = None,
) -> Playbook:
    """Merge ``updates`` (top-level playbook keys) into the playbook at ``path``, record a
    revision, validate the result and (when ``write``) write it atomically. Return the
    resulting playbook.

    Raises ``PlaybookError`` with every problem, each with its file, line and key path: in
    the answers (``source``) when they gave the key, else in the playbook; the file is then
    untouched.
    """
    doc = load_document(path)
    original = path.read_text(encoding="utf-8")
    for key, value in updates.items():
        set_section(doc, key, value)
    revision = {"date": today or dt.date.today(), "step": step, "note": note}
    revisions = doc.get("revisions")
    if isinstance(revisions, CommentedSeq):
        revisions.append(_styled(revision, revisions[0] if len(revisions) else None))
    else:
        doc["revisions"] = CommentedSeq([_styled(revision, None)])
    text = dump(doc)
    try:
        safe = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:  # pragma: no cover - a value ruamel writes unreadably
        raise PlaybookError(f"the answers would be written as unreadable YAML ({exc}); "
                            "please report this with the answers", file=path) from None
    saved = validation.validate(safe, path, source, original)  # in the playbook's language
    if write:
        write_atomically(path, text)
    return saved


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``."""
    atomic.write_text(path, text)
