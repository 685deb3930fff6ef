"""fastmatch's one private dependency, ``re._parser``: pinned, and the fallback without it.

``needs_ascii_letter`` walks CPython's own regex parse tree to skip non-ASCII texts that
cannot match. Without that parser (or with one that reads the probes differently) every
such text goes to ``re``: the same matches, only slower.
"""

from __future__ import annotations

import random
import re
import sys
import types
from collections.abc import Iterator

import pandas as pd
import pytest

from communitykit import classify, fastmatch

PATTERNS = [classify.QUESTION_EN, classify.EXCLAMATION_EN, classify.QUESTION_MARK,
            re.compile(r"(?i)\bidiots?\b"), re.compile(r"\?\s*$"), re.compile(r"\s"),
            re.compile(r"\w+\W"), re.compile(r"(?m)^how$"), re.compile("去死"),
            re.compile(r"\bDM\b", re.I), re.compile(r"(?i)\bbring back\b"),
            re.compile(r"(?i)(?:free|cheap) (?:followers|likes)"), re.compile(r"(?i)s\b(?!x)"),
            re.compile(r"[\u4e00-\u9fff]{1,2}不\w"), re.compile(r"(?i)\bxy\s*\d"),
            re.compile(r"(?i)caf[eé]")]
# A cased non-ASCII letter keeps RE2 off the non-ASCII texts: only the parse tree's
# "every match needs an ASCII letter" narrows them down.
CAFE = PATTERNS[-1]


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Each test reads the parser afresh, and leaves no answer of its own behind."""
    for cached in (fastmatch._sre, fastmatch.needs_ascii_letter):
        cached.cache_clear()
    fastmatch._LAST.clear()
    yield
    for cached in (fastmatch._sre, fastmatch.needs_ascii_letter):
        cached.cache_clear()
    fastmatch._LAST.clear()


def _texts() -> list[str | None]:
    rnd = random.Random(5)
    alphabet = [*"abcxyzABCXYZ019 ?!.,_-\n\t\r\x0b\x1cñé吗呢怎么去死ıſ\u212aΣ\u3000",
                "idiot", "Idiots", "bring back", "free followers", "how ", "What", "DM me", "Café"]
    texts: list[str | None] = [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8))) for _ in range(3000)]
    return [*texts, None, "", "x\n", "how\n", "is it?\n", "bring back \u017fcones 好",
            "BRING BACK \u212aale 好", "求复刻墨西哥辣椒饼干"]


def _matches(texts: list[str | None]) -> list[list[bool]]:
    series = pd.Series(texts, dtype="string")
    return [fastmatch.search(series, pattern).tolist() for pattern in PATTERNS]


def _without_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "re._parser", None)  # importing it now fails
    fastmatch._sre.cache_clear()
    fastmatch.needs_ascii_letter.cache_clear()
    fastmatch._LAST.clear()


def test_this_python_has_the_parser_fastmatch_reads() -> None:
    """Pinned: fails when a CPython upgrade moves or changes ``re._parser`` (the kit then
    still matches correctly, but non-ASCII texts are no longer narrowed down)."""
    assert fastmatch._sre() is not None
    assert fastmatch.needs_ascii_letter(r"(?i)\bidiots?\b") is True


def test_without_the_parser_nothing_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_parser(monkeypatch)
    assert fastmatch._sre() is None
    assert fastmatch.needs_ascii_letter(r"(?i)\bidiots?\b") is False


def test_a_parser_reading_differently_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = types.ModuleType("re._parser")
    changed.parse = lambda pattern, flags=0: []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "re._parser", changed)
    assert fastmatch._sre() is None
    assert fastmatch.needs_ascii_letter("abc") is False


def test_fast_path_and_fallback_give_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    want = [[t is not None and p.search(t) is not None for t in texts] for p in PATTERNS]
    narrowed = fastmatch.Texts(pd.Series(texts, dtype="string")).candidates(CAFE).sum()
    fast = _matches(texts)
    _without_parser(monkeypatch)
    every = fastmatch.Texts(pd.Series(texts, dtype="string")).candidates(CAFE).sum()
    fallback = _matches(texts)
    assert fast == want
    assert fallback == want
    assert narrowed < every  # the fast path did skip texts
