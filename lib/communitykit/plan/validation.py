"""Refused answers in the playbook's language: the playbook model's errors, translated.

In English a step refuses with exactly the words of ``communitykit validate``
(``plain_errors``). In another language each error is worded here from its pydantic
``type`` (``MESSAGES``, English keys of the catalogue, and the phrases of
``plain_errors.EXPECTED`` and ``BOUNDS``), filled in from the error's context and shown
after its key path, as in English. Types not in the table keep the English wording (the
playbook's own checks, e.g. pillar shares that do not add up to 1).

To word another error type, add it to ``MESSAGES`` and its translation to
``locales/zh_plan.py``.

Answers come from an answers file, from YAML pasted in the notebook or from a Python
mapping (``Source``). ``parse`` reads YAML answers (a mistake names the source, the line and
what is wrong, in plain words); ``validate`` lists every problem of the merged playbook at
once, each in the file it is in: the answers (with their line) when the answers gave the
key, the playbook file when the playbook already held it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import types
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.reader import ReaderError

from .. import plain_errors, yaml_text
from .. import playbook as playbook_mod
from ..errors import PlaybookError, UserError
from ..i18n import language, tr
from ..playbook import Playbook
from ..yaml_text import impossible_date

# pydantic error type -> the kit's sentence. Placeholders: ``input`` (the value given),
# ``expected`` (the choices), ``what`` (a kind of value), ``bound`` (a limit), ``name``.
MESSAGES: dict[str, str] = {
    "missing": "this key is missing and is required",
    "extra_forbidden": "unknown key {name}; check the spelling against "
                       "playbooks/templates/TEMPLATE.yaml",
    "literal_error": "{input} is not one of the choices: {expected}",
    **dict.fromkeys(plain_errors.EXPECTED, "expected {what}, got {input}"),
    **dict.fromkeys(plain_errors.BOUNDS, "must be {bound}, got {input}"),
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
    "finite_number": "must be a finite number, got {input}",
    "string_pattern_mismatch": "{input} is not written as expected (see TEMPLATE.yaml for "
                               "the form)",
    "clock_time": "{input} is not a time: use 24-hour time such as 09:00 or 17:30",
    "slug": "{input} is not an id: use lowercase letters, digits, '-' and '_', starting with "
            "a letter or digit, such as answer-faster",
}
CLOSE_KEY = "unknown key {name}; did you mean {close}?"


def problem(err: Any) -> str:
    """One error in the kit's words, or the English one when its type is not in the table."""
    kind, ctx = err["type"], err.get("ctx") or {}
    template = MESSAGES.get(kind)
    if template is None:
        return plain_errors.describe(err)
    values: dict[str, Any] = {"input": plain_errors.shown(err.get("input"))}
    if kind == "literal_error":  # "'low', 'high' or 'critical'": a list, not an English "or"
        values["expected"] = tr(", ").join(
            str(ctx.get("expected", "")).replace(" or ", ", ").split(", "))
    if kind in plain_errors.EXPECTED:
        values["what"] = tr(plain_errors.EXPECTED[kind])
    if kind in plain_errors.BOUNDS:
        bound = {k: f"{v:g}" if isinstance(v, float) else v for k, v in ctx.items()}
        values["bound"] = tr(plain_errors.BOUNDS[kind]).format(**bound)
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        values["name"] = repr(name)
        others = [k for k in KNOWN_KEYS if k != name]  # a key valid elsewhere is no suggestion
        close = difflib.get_close_matches(name, others, n=1, cutoff=0.75)
        if close:
            return tr(CLOSE_KEY, name=values["name"], close=repr(close[0]))
    return tr(template, **values)


KNOWN_KEYS = sorted(plain_errors.field_names(Playbook))


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


@dataclass(frozen=True)
class Written:
    """A value YAML did not read as text: as written, and as read."""

    line: int
    text: str
    value: Any

    def differs(self) -> bool:
        """True when reading it lost how it was written (``0123`` read as 123)."""
        if isinstance(self.value, bool):
            return self.text.lower() != str(self.value).lower()
        if isinstance(self.value, dt.date):
            return self.text != self.value.isoformat()
        return self.text != str(self.value)


SCALAR_TEXT = re.compile(r"[^\s,\[\]{}#]+")


def written_scalars(text: str) -> dict[tuple[Any, ...], Written]:
    """The numbers, dates and true/false values of a YAML text with their written form."""
    try:
        root = YAML(typ="rt", pure=True).load(text)
    except YAMLError:
        return {}
    lines = text.splitlines()
    found: dict[tuple[Any, ...], Written] = {}
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        for key, value, (row, column) in _children(node):
            if isinstance(value, CommentedMap | CommentedSeq):
                stack.append(((*path, key), value))
            elif isinstance(value, bool | int | float | dt.date) and row < len(lines):
                match = SCALAR_TEXT.match(lines[row], column)
                found[(*path, key)] = Written(row + 1, match.group() if match else str(value),
                                              value)
    return found


def _children(node: Any) -> list[tuple[Any, Any, tuple[int, int]]]:
    if isinstance(node, CommentedMap):
        return [(k, node[k], tuple(node.lc.value(k))) for k in node]
    if isinstance(node, CommentedSeq):
        return [(i, v, tuple(node.lc.item(i))) for i, v in enumerate(node)]
    return []


# What the YAML reader says, in plain words (first match wins).
PARSE_WORDS: tuple[tuple[str, str], ...] = (
    ("unacceptable character", "the text holds a control character ({char}); a \\b, \\a or "
     "\\1 inside a Python string becomes one: write the answers between r\"\"\" and \"\"\" "
     "(a raw string), or use an answers file"),
    ("found duplicate key", "the key {key} is given twice at the same level: keep one"),
    ("mapping values are not allowed", "a ': ' inside a value, or a key on the line before "
     "without its ':'; put a value holding ': ' in quotes, such as asks: \"Note: bring "
     "flour\""),
    ("found character '\\t'", "a tab: indent with spaces only"),
    ("that cannot start any token", "a value cannot start with {char}: put it in quotes, such "
     "as handle: \"{char}name\""),
    ("while scanning a quoted scalar", "a quote opened here is not closed"),
    ("found undefined alias", "'*' at the start of a value refers to an anchor in YAML: put "
     "the value in quotes, such as note: \"*important*\""),
    ("expected ',' or", "a list or mapping in brackets is not closed, or two items lack a "
     "comma between them"),
    ("expected <block end>", "the indentation does not line up: keys of the same mapping "
     "start in the same column, and list items with the same '- '"),
    ("did not find expected", "the indentation does not line up: keys of the same mapping "
     "start in the same column, and list items with the same '- '"),
    ("could not find expected ':'", "a key without ':' after it"),
)


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


def parse_line(exc: YAMLError, text: str) -> int | None:
    """The 1-based line of a YAML error (where an unclosed quote opened)."""
    if isinstance(exc, ReaderError):
        return text[:exc.position].count("\n") + 1
    quoted = "quoted scalar" in str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "context_mark" if quoted else "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def parse_problem(exc: YAMLError) -> str:
    """What the YAML reader found wrong, in plain words."""
    said = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''} {exc}"
    values = {"char": "", "key": ""}
    if isinstance(exc, ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        values["char"] = f"\\x{code:02x}"
    char = re.search(r"found character '(.+?)' that cannot", said)
    if char:
        values["char"] = char.group(1)
    key = re.search(r'found duplicate key "(.*?)"', said)
    if key:
        values["key"] = repr(key.group(1))
    for clue, words in PARSE_WORDS:
        if clue in said:
            return tr(words, **values)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return tr("not valid YAML: {problem}", problem=problem)


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


def wording(err: Any) -> str:
    """One error in plain words: ``communitykit validate``'s in English, else the table's."""
    if language() == "en":
        return plain_errors.describe(err, KNOWN_KEYS)
    return problem(err)


def explain(path: Path, exc: ValidationError) -> str:
    """Every problem of ``exc`` in the current language: ``key path: what is wrong``."""
    return report([Found(str(path), None, "/".join(map(str, plain_errors.key_path(err))),
                         problem(err)) for err in exc.errors()])
