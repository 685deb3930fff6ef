"""The memo looks each text up once for the kinds whose files keep the same texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pytest

from communitykit.listening import memo


def _kind(name: str) -> memo.Kind:
    return memo.themes_kind([(name, [name])])


def _hits(name: str) -> Callable[[pd.Series], pd.DataFrame]:
    def compute(texts: pd.Series) -> pd.DataFrame:
        return pd.DataFrame({f"theme_{name}": texts.str.contains(name).to_numpy()},
                            index=texts.index)
    return compute


def test_kinds_kept_alike_are_looked_up_once(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    texts = pd.Series(["a cake", "a pie", "cake and pie", "tea"], dtype=object)
    months = pd.Series(["2026-09", "2026-10", "2026-10", "2026-09"])
    kinds = [(_kind("cake"), _hits("cake")), (_kind("pie"), _hits("pie"))]
    for kind, compute in kinds:
        memo.fill(texts, months, tmp_path, kind, compute)
    lookups: list[int] = []
    index_in = pc.index_in

    def counted(*args: object, **kwargs: object) -> object:
        lookups.append(1)
        return index_in(*args, **kwargs)

    monkeypatch.setattr(memo.pc, "index_in", counted)
    asked = texts.iloc[[3, 2, 0]].reset_index(drop=True)
    found = memo.annotate_kinds(asked, months.iloc[[3, 2, 0]].reset_index(drop=True),
                                tmp_path, kinds)
    assert len(lookups) == 1
    assert found[0]["theme_cake"].tolist() == [False, True, True]
    assert found[1]["theme_pie"].tolist() == [False, True, False]
