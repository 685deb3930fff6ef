"""Regex search over a column of texts: RE2 (pyarrow) where it agrees with Python's ``re``.

Python's ``re`` is the reference (METRICS.md patterns are Python regexes). RE2 is run
only where both engines give the same answer: on texts that are plain ASCII (no control
characters other than tab, newline, carriage return and form feed, and not ending in a
newline, where ``$`` differs), for patterns that RE2 compiles and that avoid the
constructs the two read differently. Every other text goes through ``re``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Constructs read differently (or only) by one engine: Python's {,n}, POSIX classes,
# \Z, \u escapes, octal escapes and backreferences, verbose and locale/ASCII flags.
UNSAFE = re.compile(r"\{,|\[:|\\Z|\\[uUN0-9]|\(\?[a-zA-Z]*[xaLu]")
PLAIN = r"^[\t\n\r\f\x20-\x7e]*$"


def re2_ready(pattern: str) -> bool:
    """Whether RE2 reads ``pattern`` as Python does on plain ASCII texts."""
    if UNSAFE.search(pattern):
        return False
    try:
        pc.match_substring_regex(pa.array(["x"]), pattern=pattern)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    return True


_LAST: list[tuple[pd.Series, pa.ChunkedArray, np.ndarray]] = []


def _prepared(texts: pd.Series) -> tuple[pa.ChunkedArray, np.ndarray]:
    """The texts as Arrow and which are plain ASCII (kept for the next pattern)."""
    if _LAST and _LAST[0][0] is texts:
        return _LAST[0][1], _LAST[0][2]
    values = pa.array(texts.astype("string"), from_pandas=True)
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    plain = (pc.fill_null(pc.match_substring_regex(values, pattern=PLAIN), False)
             .to_numpy(zero_copy_only=False).astype(bool))
    plain &= ~pc.fill_null(pc.ends_with(values, "\n"), False).to_numpy(
        zero_copy_only=False).astype(bool)
    _LAST[:] = [(texts, values, plain)]
    return values, plain


def search(texts: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """Whether ``pattern.search`` finds a match in each text (missing texts: False)."""
    values, plain = _prepared(texts)
    hit = np.zeros(len(texts), dtype=bool)
    if pattern.flags & ~(re.UNICODE | re.IGNORECASE) or not re2_ready(_inline(pattern)):
        plain = np.zeros(len(texts), dtype=bool)
    else:
        if plain.any():
            found = pc.match_substring_regex(values.filter(pa.array(plain)),
                                             pattern=_inline(pattern))
            hit[plain] = found.to_numpy(zero_copy_only=False).astype(bool)
    rest = np.flatnonzero(~plain)
    if len(rest):
        finder = pattern.search
        others = values.take(pa.array(rest)).to_pylist()
        hit[rest] = [t is not None and finder(t) is not None for t in others]
    return pd.Series(hit, index=texts.index)


def _inline(pattern: re.Pattern[str]) -> str:
    """The pattern's text with its IGNORECASE flag written inline, for RE2."""
    return f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else pattern.pattern
