"""Cell values as the kit stores them: counts, exact ids and lists of mentioned people."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

INT64_MAX = 2**63 - 1  # the largest count the store holds (int64)
MISSING = {"", "-", "--", "undefined", "null", "none", "n/a", "nan"}


WHOLE = re.compile(r"[+-]?[0-9]+")


def parse_count(value: object) -> int | None:
    """``"424.0"``, ``"1,234"``, ``"-"`` or ``"undefined"`` as an int or None.

    Refused (ValueError, so the row is rejected): words, infinities, fractions (a count
    is whole: ``2.5`` is damage, not a count to round) and numbers beyond 64 bits.
    ``NaN`` is read as missing, like an empty cell.
    """
    if value is None:
        return None
    text = str(value).strip().replace("\u00a0", "").replace(",", "").replace(" ", "")
    if text.lower() in MISSING:
        return None
    text = text.rstrip("%")
    number = int(text) if WHOLE.fullmatch(text) else _whole(text, value)
    if abs(number) > INT64_MAX:
        raise ValueError(f"the count {_shown(value)} is too large (the most is {INT64_MAX:,})")
    return number


def reaction_total(reactions: object) -> int:
    """The sum of the ``count`` of each reaction object (Discord, Slack, Telegram); a
    count that is not a count (negative, fractional, infinite) rejects the row."""
    total = 0
    for reaction in reactions if isinstance(reactions, list) else []:
        count = parse_count(reaction.get("count", 0)) if isinstance(reaction, dict) else None
        if count is not None and count < 0:
            raise ValueError(f"a reaction count {_shown(count)} is negative")
        total += count or 0
    return total


def _whole(text: str, value: object) -> int:
    try:
        real = float(text)
    except ValueError:
        raise ValueError(f"{_shown(value)} is not a number") from None
    if not math.isfinite(real):
        raise ValueError(f"the count {_shown(value)} is not a finite number")
    if not real.is_integer():
        raise ValueError(f"the count {_shown(value)} is not a whole number")
    return int(real)


def _shown(value: object, most: int = 40) -> str:
    """A value as a rejection shows it: quoted, cut to ``most`` characters."""
    text = repr(str(value))
    return text if len(text) <= most else text[: most - 4] + "...'"


ID_TEXT = re.compile(r"^\d{1,30}$")


def parse_id(value: object) -> str:
    """An id as an exact string; float-damaged ids (``1.2E+17``) are refused."""
    text = str(value).strip()
    if text.endswith(".0") and ID_TEXT.match(text[:-2]):
        text = text[:-2]
    if not text:
        raise ValueError("the id is empty")
    if re.match(r"^\d+(\.\d+)?[eE][+-]\d+$", text):  # Excel writes 1.2E+17; 66e0 is a hex id
        raise ValueError(f"the id {text!r} was turned into a float (by Excel?): digits are lost")
    return text


def mention_list(people: Iterable[object]) -> str | None:
    """Mentioned people as the ``mentions`` column holds them: ids or handles without ``@``,
    each once in order of appearance, separated by single spaces; None when there are none."""
    seen: dict[str, None] = {}
    for person in people:
        text = "" if person is None else str(person).strip().lstrip("@")
        if text and not any(ch.isspace() for ch in text):
            seen.setdefault(text, None)
    return " ".join(seen) or None


MENTION_SEPARATORS = re.compile(r"[\s,;]+")


def split_mentions(text: str) -> str | None:
    """A mapped ``mentions`` cell (``@ana, @ben``; ``ana;ben``) as the column holds it."""
    return mention_list(MENTION_SEPARATORS.split(text))
