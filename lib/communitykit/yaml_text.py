"""Text that YAML reads differently from how a person wrote it.

In YAML, ``#`` after a space starts a comment, even in the middle of an unquoted value:
``asks: answers first in #help`` loads as "answers first in". ``lost_to_comments`` finds
such lines so that ``validate`` can say which value lost text and how to keep it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"")
BLOCK = re.compile(r":\s+[|>][-+0-9]*\s*(?:#.*)?$")
KEY = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)")


@dataclass(frozen=True)
class LostText:
    line: int  # 1-based
    key: str  # the key on that line, or "" for a list item
    lost: str  # the text YAML reads as a comment

    def message(self) -> str:
        where = f"line {self.line}" + (f" ({self.key})" if self.key else "")
        return (f"{where}: the text from {self.lost!r} on is read as a comment, so the value "
                "loses it; put the whole value in quotes to keep it")


def lost_to_comments(text: str) -> list[LostText]:
    """Lines whose value is cut by a ``#`` that reads as text (``#help``, ``#1``).

    A comment that starts with ``# `` (hash and space) is taken as meant; one whose ``#``
    touches the next word, after a value on the same line, is flagged.
    """
    found = []
    block_indent: int | None = None  # inside a | or > block scalar: text, never comments
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (not line.strip() or indent > block_indent):
            continue
        block_indent = indent if BLOCK.search(line) else None
        bare = QUOTED.sub(lambda m: "_" * len(m.group()), line)
        hit = re.search(r"(?<=\s)#", bare)
        if hit is None or not bare[:hit.start()].strip() or bare.lstrip().startswith("#"):
            continue  # no comment, or a whole-line comment
        after = line[hit.start() + 1:hit.start() + 2]
        if after and not after.isspace() and after != "#":
            key = KEY.match(line)
            found.append(LostText(number, key.group(1) if key else "",
                                  line[hit.start():].strip()))
    return found


DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])")


def impossible_date(text: str) -> tuple[int | None, str]:
    """The first ``YYYY-MM-DD`` of ``text`` that is no day of the calendar, and its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in DATE_LIKE.finditer(line):
            try:
                dt.date(*map(int, match.groups()))
            except ValueError:
                return number, match.group()
    return None, "?"
