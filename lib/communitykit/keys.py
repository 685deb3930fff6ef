"""(platform, id) pairs as one key, and fast membership tests between key columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

SEPARATOR = pa.scalar("\x1f", pa.large_string())


def pair(platform: pd.Series, ident: pd.Series) -> pd.Series:
    """``platform`` and an id (columns of one frame) as one string key (missing when
    either is)."""
    joined = key_strings(_arrow(platform), _arrow(ident))
    return pd.Series(pd.array(joined, dtype="string"), index=platform.index)


def key_strings(platform: pa.Array | pa.ChunkedArray, ids: pa.Array | pa.ChunkedArray
                ) -> pa.Array | pa.ChunkedArray:
    """Arrow columns of platforms and ids joined into one string per row (null where either
    is), as ``pair`` joins them."""
    text = SEPARATOR.type
    return pc.binary_join_element_wise(platform.cast(text), ids.cast(text), SEPARATOR)


def isin(values: pd.Series, pool: pd.Series) -> np.ndarray:
    """Whether each of ``values`` occurs in ``pool``, keys compared as strings (missing
    values never occur). Arrow's hash lookup: pandas' ``isin`` on Arrow strings converts
    the pool one element at a time."""
    found = pc.is_in(_arrow(values), value_set=_arrow(pool), skip_nulls=True)
    return found.to_numpy(zero_copy_only=False)


def _arrow(values: pd.Series) -> pa.Array:
    """A column's values as one Arrow array of strings."""
    return pa.array(values.astype("string").array).cast(pa.large_string())

