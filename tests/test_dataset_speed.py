"""The dataset's faster steps give what their plain definitions give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from communitykit import partitions, roles
from communitykit.classify import text_codes


def test_first_rows_are_each_numbers_first_row() -> None:
    rng = np.random.default_rng(7)
    for size in (0, 1, 2, 50, 1000):
        codes, _ = pd.factorize(rng.integers(0, 30, size))
        assert roles.first_rows(codes).tolist() == \
            np.unique(codes, return_index=True)[1].tolist()


def test_text_codes_number_texts_as_factorize_of_filled_texts() -> None:
    for texts in (pd.Series(["b", "a", "b", "", "c"], dtype="string"),
                  pd.Series(["b", None, "a", "", None], dtype="string"),
                  pd.Series(["x", 3, None], dtype=object),
                  pd.Series([], dtype="string")):
        codes, distinct = text_codes(texts)
        want_codes, want = pd.factorize(texts.fillna("").astype(str))
        assert codes.tolist() == want_codes.tolist()
        assert distinct.tolist() == list(want)


def test_distinct_rows_number_combinations_by_first_row() -> None:
    frame = pd.DataFrame({
        "platform": pd.array(["a", "a", "b", None, "a", "b", None], dtype="string"),
        "author": pd.array(["1", "2", "1", "1", "1", "1", "1"], dtype="string"),
        "kind": pd.array([None, None, None, None, None, "bot", None], dtype="string"),
    })
    codes, first = roles.distinct_rows(frame, list(frame))
    assert codes.tolist() == [0, 1, 2, 3, 0, 4, 3]
    assert first.tolist() == [0, 1, 2, 3, 5]


def test_in_order_sorts_rows_as_take_does() -> None:
    table = pa.table({"text": ["c", None, "a", "b"], partitions.ROW: [3, 1, 0, 2]},
                     metadata={b"note": b"kept"})
    want = table.take(pc.sort_indices(table[partitions.ROW]))
    got = partitions.in_order(table)
    assert got.equals(want, check_metadata=True)
