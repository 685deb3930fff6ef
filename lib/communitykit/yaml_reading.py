"""Reading YAML a strategist writes by hand (review files, the workspace settings).

``load`` reads safely (no tag runs) and keeps dates as the text written, so that the
model checks each one with its key (``due: 2026-13-45`` is one problem among the
others, not a reader's crash). A file the reader cannot parse raises ``NotYaml`` with its
line and the reason in plain words (``reason``), never the parser's own.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.reader import ReaderError

TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _SafeDatesAsText(SafeConstructor):
    """The safe constructor, with a date or date-time left as the text written."""


class _RoundTripDatesAsText(RoundTripConstructor):
    """The round-trip constructor (lines of keys), with dates left as text."""


_SafeDatesAsText.add_constructor(TIMESTAMP, _SafeDatesAsText.construct_yaml_str)
_RoundTripDatesAsText.add_constructor(TIMESTAMP, _RoundTripDatesAsText.construct_yaml_str)


class NotYaml(ValueError):
    """The text cannot be parsed: ``line`` (1-based, None when unknown) and ``reason``."""

    def __init__(self, line: int | None, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line else reason)


def load(text: str) -> object:
    """``text`` read with the safe loader, dates as text; ``NotYaml`` when it cannot be."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _SafeDatesAsText
    try:
        return yaml.load(text)
    except YAMLError as exc:
        raise NotYaml(line_of(exc, text), reason(exc)) from None


def load_round_trip(text: str) -> Any:
    """``text`` read with the round-trip loader (which knows each key's line), dates as
    text: for finding lines in a file whose dates the calendar has not (2026-13-45)."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _RoundTripDatesAsText
    return yaml.load(text)


# What the reader says (a clue in its words), in plain words; the first match wins.
REASONS: tuple[tuple[str, str], ...] = (
    ("found duplicate key", "the key {key} is given twice at the same level: keep one"),
    ("found character '\\t'", "a tab: indent with spaces only"),
    ("that cannot start any token", "a value cannot start with {char}: put the whole value "
     "in double quotes"),
    ("while scanning a quoted scalar", "a quote opened on this line is not closed"),
    ("found undefined alias", "a value starting with '*' reads as a YAML reference: put the "
     "whole value in double quotes"),
    ("could not determine a constructor", "a value starting with '!' reads as a YAML tag: "
     "put the whole value in double quotes"),
    ("expected ',' or", "a '[' or '{' opened on this line is not closed, or two of its items "
     "have no comma between them"),
    ("found '<stream end>'", "a '[' or '{' is never closed"),
    ("expected <block end>", "the indentation is off here: keys of one block start in the "
     "same column, and the items of a list with the same '- '"),
    ("did not find expected", "the indentation is off here: keys of one block start in the "
     "same column, and the items of a list with the same '- '"),
    ("mapping values are not allowed", "the indentation or a ':' is off here or on the line "
     "above: each key ends with ':' and keys of one block start in the same column; a value "
     "holding ': ' goes in double quotes"),
    ("could not find expected ':'", "a key without ':' after it, or a line indented less "
     "than the block it belongs to"),
    ("expected a single document", "a second '---' line starts another document: keep one"),
)
UNKNOWN = ("this line cannot be read: check the indentation, the ':' after each key and the "
           "quotes")
CONTROL = ("the text holds a control character ({char}), invisible in most editors: "
           "delete it")


def _said(exc: YAMLError) -> str:
    return f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}"


def reason(exc: YAMLError) -> str:
    """What the reader found wrong, in plain words."""
    if isinstance(exc, ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return CONTROL.format(char=f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    said = _said(exc)
    char = re.search(r"found character '(.+?)' that cannot", said)
    key = re.search(r'found duplicate key "(.*?)"', said)
    for clue, words in REASONS:
        if clue in said:  # the words hold braces: filled by replace, not format
            return (words.replace("{char}", repr(char.group(1)) if char else "")
                    .replace("{key}", repr(key.group(1)) if key else ""))
    return UNKNOWN


def line_of(exc: YAMLError, text: str) -> int | None:
    """The 1-based line to look at: where an unclosed quote, bracket or key began, the
    last written line when the text ends too soon, else where the reader stopped."""
    if isinstance(exc, ReaderError):
        return text[:exc.position].count("\n") + 1
    said = _said(exc)
    opened = ("quoted scalar" in said or "simple key" in said
              or ("expected ',' or" in said and "flow" in said))
    mark = getattr(exc, "context_mark" if opened else "problem_mark", None)
    if mark is None:
        mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    written = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if "<stream end>" in said and written:
        return min(mark.line + 1, written[-1])
    return int(mark.line) + 1
