"""How YAML answers were written: numbers, dates and true/false values with their written
form (``written_scalars``), and what the YAML reader found wrong, in plain words
(``parse_line``, ``parse_problem``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.reader import ReaderError

from ..i18n import tr


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
