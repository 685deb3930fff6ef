"""(platform, id) pairs as one key, and fast membership tests between key columns."""

from __future__ import annotations

import numpy as np
import pandas as pd


def pair(platform: pd.Series, ident: pd.Series) -> pd.Series:
    """``platform`` and an id as one string key (missing when either is)."""
    return platform.astype("string") + "\x1f" + ident.astype("string")


def isin(values: pd.Series, pool: pd.Series) -> np.ndarray:
    """Whether each of ``values`` occurs in ``pool`` (missing values never do).

    Both sides are coded together, then compared as integers: pandas' ``isin`` on Arrow
    strings converts the pool one element at a time."""
    both = pd.concat([values, pool], ignore_index=True)
    codes, _ = pd.factorize(both)
    mine, theirs = codes[: len(values)], codes[len(values):]
    return np.isin(mine, theirs[theirs >= 0]) & (mine >= 0)
