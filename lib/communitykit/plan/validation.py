"""Refused answers, each in the file it is in, in the playbook's language.

Answers come from an answers file, from YAML pasted in the notebook or from a Python
mapping (``Source``). ``parse`` reads YAML answers (a mistake names the source, the line and
what is wrong, in plain words: ``answers_yaml``); ``validate`` lists every problem of the
merged playbook at once, each in the file it is in: the answers (with their line) when the
answers gave the key, the playbook file when the playbook already held it. The playbook
model's errors are worded by ``model_errors``.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .. import plain_errors, yaml_text
from .. import playbook as playbook_mod
from ..errors import PlaybookError, UserError
from ..i18n import tr
from ..playbook import Playbook
from ..yaml_text import impossible_date
from .answers_yaml import Written, parse_line, parse_problem, written_scalars
from .model_errors import problem, wording


# ---- answers: where they came from, and the text problems of YAML answers -----------------
class Source:
    """Where answers came from (an answers file, YAML pasted in the notebook, or a Python
    mapping in the notebook), what they hold, and their text (for lines in messages)."""

    def __init__(self, given: Mapping[str, Any], *, path: Path | None = None,
                 text: str | None = None) -> None:
        self.given = given
        self.path = path
        self.text = text

    def label(self) -> str:
        """The answers file, or the notebook's answers, in the current language."""
        if self.path is not None:
            return str(self.path)
        return tr("your answers") if self.text is not None else tr(
            "your answers in the notebook")

    def line(self, path: Sequence[Any]) -> int | None:
        return plain_errors.locate(self.text, path)

    @functools.cached_property
    def scalars(self) -> dict[tuple[Any, ...], Written]:
        """Every number, date and true/false of the YAML text, by key path."""
        return written_scalars(self.text) if self.text else {}


def parse(text: str, source_path: Path | None = None) -> Source:
    """Answers written as YAML (an answers file, or text pasted in the notebook). A text
    that is not YAML, or not a mapping, stops here: the source, the line and what is wrong."""
    probe = Source({}, path=source_path, text=text)
    try:
        data = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise UserError(at(probe.label(), parse_line(exc, text), parse_problem(exc))) from None
    except ValueError:  # the reader builds dates itself: 2026-13-01 fails there
        line, value = impossible_date(text)
        raise UserError(at(probe.label(), line, tr(
            "{value} is not a date: write YYYY-MM-DD with a real month and day, such as "
            "2026-03-31", value=value))) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(at(probe.label(), None, tr(
            "answers are playbook sections with their values, such as cadence: "
            "{{posts_per_week: {{instagram: 3}}}}; got {got}", got=plain_errors.shown(data))))
    return Source(data, path=source_path, text=text)


def at(label: str, line: int | None, message: str) -> str:
    """``label: line 3, message`` (the line when known), as ``Found`` writes a problem."""
    where = tr("line {line}, ", line=line) if line else ""
    return f"{label}{tr(': ')}{where}{message}"


# ---- every problem of merged answers, each in its source -----------------------------------
@dataclass(frozen=True)
class Found:
    """One problem: the file (or the notebook's answers) it is in, its line and key."""

    source: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = tr("line {line}, ", line=self.line) if self.line else ""
        return f"{where}{self.key or tr('(top level)')}{tr(': ')}{self.message}"


def report(found: Sequence[Found]) -> str:
    """Every problem, grouped by the file it is in: the answers first, then the playbook."""
    groups: dict[str, list[Found]] = {}
    for item in found:
        groups.setdefault(item.source, []).append(item)
    parts = []
    for label, items in groups.items():
        if len(items) == 1:
            parts.append(f"{label}{tr(': ')}{items[0]}")
        else:
            parts.append(tr("{path}: {n} problems:", path=label, n=len(items)) + "\n  - "
                         + "\n  - ".join(map(str, items)))
    return "\n".join(parts)


def validate(data: object, path: Path, source: Source | None = None,
             playbook_text: str | None = None) -> Playbook:
    """The merged playbook, validated; every problem at once, in the current language.

    A problem whose key the answers gave names the answers (``source``: the file, or the
    notebook's answers), its line there and the key; one whose key the playbook already
    held names the playbook file and its line in ``playbook_text``. YAML answers are also
    refused for a value cut by a ``#`` and for a number read from text that must stay text
    (a handle ``0123`` read as 123).
    """
    if not isinstance(data, dict):
        return playbook_mod.validate(data, path)
    errors: list[Any] = []
    playbook = None
    try:
        playbook = Playbook.model_validate(data)
    except ValidationError as exc:
        errors = [e for e in exc.errors()
                  if not plain_errors.follows_from_unknown_metric(e, exc)]
    found = [model_problem(err, path, source, playbook_text) for err in errors]
    if source is not None:
        failed = {plain_errors.key_path(err) for err in errors}
        found = [*text_problems(source, failed), *found]
    if playbook is not None and not found:
        return playbook
    label = source.label() if source is not None else None
    in_answers = sorted((f for f in found if f.source == label), key=lambda f: f.line or 0)
    raise PlaybookError(report([*in_answers, *(f for f in found if f.source != label)]))


def model_problem(err: Any, path: Path, source: Source | None,
                  playbook_text: str | None) -> Found:
    key = plain_errors.key_path(err)
    where = answers_key(key, source.given) if source is not None else None
    message = wording(err)
    if source is None or where is None:
        label = str(path) if source is None else tr(
            "{path} (already in the playbook, not in your answers)", path=path)
        return Found(label, plain_errors.locate(playbook_text, key), "/".join(map(str, key)),
                     message)
    written = source.scalars.get(tuple(where))
    if written is not None and written.differs() and not isinstance(err.get("input"), str):
        message += tr(" (written {written}, which YAML reads as {value}: put it in quotes, "
                      "\"{written}\")", written=written.text,
                      value=plain_errors.shown(written.value))
    return Found(source.label(), source.line(where), "/".join(map(str, key)), message)


def answers_key(key: Sequence[Any], given: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """``key`` (a key path of the merged playbook) in the answers, or None when the
    playbook held it: under a section, the keys the answers leave out keep their value."""
    if not key or key[0] not in given:
        return None
    section = given[key[0]]
    if len(key) > 1 and isinstance(section, Mapping) and key[1] not in section:
        return None
    return tuple(key)


def text_problems(source: Source, failed: Set[tuple[Any, ...]] = frozenset()) -> list[Found]:
    """Values of YAML answers that do not load as written: text cut by a ``#``, and numbers
    where the playbook keeps text (a handle ``0123`` would be saved as ``123``)."""
    if not source.text:
        return []
    found = [Found(source.label(), lost.line, lost.key, tr(
        "the text from {lost} on is read as a comment, so the value loses it; put the whole "
        "value in quotes to keep it", lost=repr(lost.lost)))
        for lost in yaml_text.lost_to_comments(source.text)]
    for key, written in source.scalars.items():
        if key in failed or not written.differs() or not text_field(key):
            continue
        found.append(Found(source.label(), written.line, "/".join(map(str, key)), tr(
            "{written} is read as the number {value}, and saved so; put it in quotes to keep "
            "it as written: \"{written}\"", written=written.text,
            value=plain_errors.shown(written.value))))
    return found


def text_field(key: Sequence[Any]) -> bool:
    """Whether the playbook keeps the value at ``key`` as text (names, handles, ids)."""
    kind: Any = Playbook
    for part in key:
        kind = _inner(kind, part)
        if kind is None:
            return False
    return _is_text(kind)


def _bare(kind: Any) -> list[Any]:
    """The types a field's annotation allows (``Annotated`` and ``None`` left out)."""
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    if get_origin(kind) in (Union, types.UnionType):
        return [k for arg in get_args(kind) for k in _bare(arg) if k is not type(None)]
    return [kind]


def _inner(kind: Any, part: Any) -> Any:
    """The type of the value at ``part`` inside a value of type ``kind``."""
    for option in _bare(kind):
        origin, args = get_origin(option), get_args(option)
        if isinstance(option, type) and issubclass(option, BaseModel):
            field = option.model_fields.get(str(part))
            if field is not None:
                return field.annotation
        elif origin is dict and args:
            return args[1]
        elif origin in (list, tuple) and args and isinstance(part, int):
            return args[min(part, len(args) - 1)] if origin is tuple else args[0]
    return None


def _is_text(kind: Any) -> bool:
    """Text, or a list of text (a single value stands for a list of one)."""
    for option in _bare(kind):
        if option is str:
            return True
        if get_origin(option) is list and _is_text(get_args(option)[0]):
            return True
    return False


def explain(path: Path, exc: ValidationError) -> str:
    """Every problem of ``exc`` in the current language: ``key path: what is wrong``."""
    return report([Found(str(path), None, "/".join(map(str, plain_errors.key_path(err))),
                         problem(err)) for err in exc.errors()])
