"""Regex search over a column of texts: RE2 (pyarrow) where it agrees with Python's ``re``.

Python's ``re`` is the reference (playbook patterns are Python regexes). RE2 is run
only where both engines give the same answer: on texts that are plain ASCII (no control
characters other than tab, newline, carriage return and form feed, and not ending in a
newline, where ``$`` differs), for patterns that RE2 compiles and that avoid the
constructs the two read differently. Every other text goes through ``re``.

A pattern RE2 cannot run (look-arounds) is first *loosened*: its look-around assertions
are dropped, which can only widen what it matches, so RE2 over the loosened pattern
finds the candidates and ``re`` confirms only those.

RE2 runs outside the interpreter lock, so a long column is cut into slices matched on
threads, one per available core (``cores.available``).

One private module is used, on purpose: ``needs_ascii_letter`` walks the parse tree of
CPython's own regex parser (``re._parser`` and ``re._constants``, ``sre_parse`` before
3.11). The standard library has no public parse tree, and only this parser reads a pattern
exactly as ``re`` does. It only narrows which non-ASCII texts ``re`` must check: when the
module is missing, or reads the known patterns of ``PARSER_PROBES`` differently
(``_sre``), ``needs_ascii_letter`` answers False and every such text goes to ``re``, with
the same matches, only slower. tests/test_fastmatch.py runs the matches both ways.
"""

from __future__ import annotations

import importlib
import os
import re
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import caches, cores

# Constructs read differently (or only) by one engine: Python's {,n}, \Z, named
# characters, octal escapes and backreferences, verbose and locale/ASCII flags, and POSIX
# classes (``_bracket_in_class``). (\uXXXX escapes are written as RE2's \x{XXXX} by
# ``_inline``.)
UNSAFE = re.compile(r"\{,|\\Z|\\[N0-9]|\(\?[a-zA-Z]*[xaLu]")
# Inside a class, RE2 reads [:alpha:] (and may read [.x.], [=x=]) as a POSIX class where
# Python reads the characters; a [ or [: outside a class, as in [:：], both read alike.
POSIX_OPEN = re.compile(r"\[[:.=]")
UNICODE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
CATEGORY = ("\\w", "\\W", "\\d", "\\D", "\\s", "\\S")
ANY = r"[\s\S]"
# Texts with these are left to ``re`` whatever the pattern: Python's IGNORECASE matches
# them to ASCII letters (i, s, k), which RE2's case folding may not.
SPECIAL = "[\u0130\u0131\u017f\u212a]"
PLAIN = r"^[\t\n\r\f\x20-\x7e]*$"
LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
# Every character an ASCII letter matches, also under IGNORECASE (İ ı ſ and the Kelvin sign).
LETTERISH = "[A-Za-z\u0130\u0131\u017f\u212a]"
THREAD_ROWS = 100_000  # rows per thread below which one thread is quicker


@lru_cache(maxsize=512)
def re2_ready(pattern: str) -> bool:
    """Whether RE2 reads ``pattern`` as Python does on plain ASCII texts."""
    if unsafe(pattern):
        return False
    try:
        pc.match_substring_regex(pa.array(["x"]), pattern=pattern)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    return True


@lru_cache(maxsize=512)
def unsafe(pattern: str) -> bool:
    """Whether ``pattern`` holds a construct RE2 reads differently (``UNSAFE``, or a [
    followed by :, . or = inside a character class)."""
    return bool(UNSAFE.search(pattern)) or _bracket_in_class(pattern)


def _bracket_in_class(pattern: str) -> bool:
    """Whether a character class of ``pattern`` (as Python reads it) holds ``POSIX_OPEN``."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            end = _class_end(pattern, i)
            if POSIX_OPEN.search(pattern, i + 1, end):
                return True
            i = end
        else:
            i += 1
    return False


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``start``."""
    i = start + 1 + (pattern[start + 1:start + 2] == "^")
    i += pattern[i:i + 1] == "]"
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at ``start`` (escapes and classes skipped)."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced group")


@lru_cache(maxsize=512)
def loosened(pattern: str) -> str:
    """``pattern`` without its look-around assertions and with named groups unnamed: it
    matches wherever ``pattern`` does (a zero-width test dropped is always passed)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif ch == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(LOOKAROUND, i):
            i = _group_end(pattern, i)
        elif pattern.startswith("(?P<", i):
            out.append("(?:")
            i = pattern.index(">", i) + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# (pattern, whether every match needs an ASCII letter): what ``re._parser`` must read as
# this module expects before ``needs_ascii_letter`` trusts its walk.
PARSER_PROBES = (("abc", True), ("a?b", True), ("a?", False), ("[a-z]+", True),
                 (r"\d+", False), ("a|1", False), ("(?:ab){2}", True), ("[a1]", False),
                 ("(?>ab)", True), ("x*?", False))


@lru_cache(maxsize=1)
def _sre() -> tuple[Any, Any] | None:
    """``re``'s own parser and its constants, or None when they are missing or read
    ``PARSER_PROBES`` differently (then every non-plain text goes to ``re``)."""
    try:
        sre = (importlib.import_module("re._constants"), importlib.import_module("re._parser"))
        agrees = all(_walk(sre, pattern, 0) is want for pattern, want in PARSER_PROBES)
    except Exception:  # noqa: BLE001 (a changed parser only costs speed)
        return None
    return sre if agrees else None


def _walk(sre: tuple[Any, Any], pattern: str, flags: int) -> bool:
    """Whether every match of ``pattern`` holds an ASCII letter, by ``re``'s parse tree."""
    c, parser = sre

    def items(seq: Any) -> bool:
        return any(item(op, av) for op, av in seq)

    def item(op: Any, av: Any) -> bool:
        if op is c.LITERAL:
            return chr(av).isascii() and chr(av).isalpha()
        if op is c.IN:
            return all(o is c.LITERAL and chr(a).isascii() and chr(a).isalpha()
                       or o is c.RANGE and all(chr(x).isascii() and chr(x).isalpha()
                                               for x in range(a[0], a[1] + 1))
                       for o, a in av)
        if op is c.SUBPATTERN:
            return items(av[3])
        if op is c.BRANCH:
            return all(items(alt) for alt in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return bool(av[0] >= 1 and items(av[2]))
        if op is c.ATOMIC_GROUP:
            return items(av)
        return False

    return items(parser.parse(pattern, flags))


@lru_cache(maxsize=512)
def needs_ascii_letter(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` holds a character of ``LETTERISH`` (False when
    unsure: without ``re``'s parser, or for a pattern it cannot read)."""
    sre = _sre()
    if sre is None:
        return False
    try:
        return _walk(sre, pattern, flags)
    except Exception:  # noqa: BLE001 (a pattern this walk cannot read is never skipped)
        return False


@lru_cache(maxsize=512)
def widened(pattern: str) -> str | None:
    """A pattern RE2 can run on any text that matches wherever Python's ``re`` finds
    ``pattern``: look-arounds, anchors and word boundaries dropped, and the classes the
    two engines read differently outside ASCII (\\w, \\d, \\s and their negations) made
    any character. None when the pattern has a cased non-ASCII letter (case folding
    differs between the engines) or a construct RE2 lacks."""
    if any(not ch.isascii() and ch.lower() != ch.upper() for ch in pattern):
        return None
    text = loosened(pattern)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            escape = text[i:i + 2]
            out.append(ANY if escape in CATEGORY else "" if escape in ("\\b", "\\B", "\\A")
                       else escape)
            i += 2
        elif ch == "[":
            end = _class_end(text, i)
            body = text[i:end]
            out.append(ANY if any(c in body for c in CATEGORY) else body)
            i = end
        elif ch in "^$":
            i += 1
        else:
            out.append(ch)
            i += 1
    wide = "".join(out)
    return wide if re2_ready(wide) else None


@lru_cache(maxsize=2)
def _threads(count: int, pid: int) -> ThreadPoolExecutor:
    """A pool of this process (a forked child gets its own: the parent's threads are
    not in it)."""
    return ThreadPoolExecutor(count, thread_name_prefix="communitykit-re2")


def re2_match(values: pa.ChunkedArray, pattern: str) -> np.ndarray:
    """Whether RE2 finds ``pattern`` in each value (missing values: False)."""

    def match(part: pa.ChunkedArray) -> np.ndarray:
        found = pc.fill_null(pc.match_substring_regex(part, pattern=pattern), False)
        return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)

    count = min(cores.available(), len(values) // THREAD_ROWS)
    if count <= 1:
        return match(values)
    cuts = np.linspace(0, len(values), count + 1).astype(int)
    slices = [values.slice(a, b - a) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
    return np.concatenate(list(_threads(count, os.getpid()).map(match, slices)))


class Texts:
    """A column of texts prepared once for many patterns."""

    def __init__(self, texts: pd.Series) -> None:
        self.series = texts
        values = pa.array(texts.astype("string"), from_pandas=True)
        self.values = pa.chunked_array([values]) if isinstance(values, pa.Array) else values
        plain = re2_match(self.values, PLAIN)
        plain &= ~pc.fill_null(pc.ends_with(self.values, "\n"), False).to_numpy(
            zero_copy_only=False).astype(bool)
        self.plain = plain
        self._plain_values = self.values.filter(pa.array(plain))
        self._other_values = self.values.filter(pa.array(~plain))
        self.letterish = self._everywhere(LETTERISH)
        self.special = self._everywhere(SPECIAL)

    def _everywhere(self, pattern: str) -> np.ndarray:
        return re2_match(self.values, pattern)

    def _re2(self, pattern: str, plain: bool = True) -> np.ndarray:
        """RE2 over the plain (or the other) texts, spread back to every row (False
        elsewhere)."""
        rows = self.plain if plain else ~self.plain
        hit = np.zeros(len(self.plain), dtype=bool)
        if rows.any():
            hit[rows] = re2_match(self._plain_values if plain else self._other_values,
                                  pattern)
        return hit

    def _other_candidates(self, pattern: re.Pattern[str], text: str) -> np.ndarray:
        """Non-plain texts where ``pattern`` may match (RE2 over the widened pattern)."""
        others = ~self.plain
        if needs_ascii_letter(pattern.pattern, pattern.flags):
            others &= self.letterish
        wide = widened(text)
        if wide is not None and others.any():
            others &= self._re2(wide, plain=False) | self.special
        return others

    def candidates(self, pattern: re.Pattern[str]) -> np.ndarray:
        """Rows where ``pattern.search`` may find a match: RE2's answer on plain texts (for
        the loosened pattern if need be); on other texts, those with a letter when every
        match needs one, else all."""
        text = _inline(pattern)
        if pattern.flags & ~(re.UNICODE | re.IGNORECASE) or unsafe(text):
            return np.ones(len(self.plain), dtype=bool)
        others = self._other_candidates(pattern, text)
        for attempt in (text, loosened(text)):
            if re2_ready(attempt):
                return self._re2(attempt) | others
        return self.plain | others

    def search(self, pattern: re.Pattern[str]) -> pd.Series:
        """Whether ``pattern.search`` finds a match in each text (missing texts: False)."""
        text = _inline(pattern)
        exact = not pattern.flags & ~(re.UNICODE | re.IGNORECASE) and re2_ready(text)
        if exact:
            hit = self._re2(text)
            rest = np.flatnonzero(self._other_candidates(pattern, text))
        else:
            hit = np.zeros(len(self.plain), dtype=bool)
            rest = np.flatnonzero(self.candidates(pattern))
        if len(rest):
            finder = pattern.search
            others = self.values.take(pa.array(rest)).to_pylist()
            hit[rest] = [t is not None and finder(t) is not None for t in others]
        return pd.Series(hit, index=self.series.index)


_LAST: list[Texts] = []
caches.holds_client_data(_LAST.clear)


def search(texts: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """Whether ``pattern.search`` finds a match in each text (missing texts: False)."""
    if not _LAST or _LAST[0].series is not texts:
        _LAST[:] = [Texts(texts)]
    return _LAST[0].search(pattern)


def _inline(pattern: re.Pattern[str]) -> str:
    """The pattern's text for RE2: its IGNORECASE flag inline, \\uXXXX as \\x{XXXX}."""
    text = UNICODE_ESCAPE.sub(lambda m: f"{m[1]}\\x{{{m[2] or m[3]}}}", pattern.pattern)
    return f"(?i:{text})" if pattern.flags & re.IGNORECASE else text
