"""Text analysis on several processes gives what one process gives."""

from __future__ import annotations

import functools
import os
import time

import pandas as pd
import pytest

from communitykit import cores
from communitykit.listening import annotate, parallel, themes
from communitykit.paths import PACKAGE_DIR
from communitykit.playbook import load

ROOT = PACKAGE_DIR.parents[1]

TEXTS = [
    "Please bring back the jalapeño biscuits!",
    "求复刻墨西哥辣椒饼干",
    "My order never arrived, this is the worst service",
    "Where can I buy the oat ones?",
    "太好吃了，下次还买",
    "Love it 😍",
    "",
]


def _pids(texts: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"pid": os.getpid(), "text": texts}, index=texts.index)


def _slow_pids(texts: pd.Series) -> pd.DataFrame:
    """``_pids`` taking a while per chunk, so that one worker cannot take every chunk before
    the other has started (on a loaded machine a fork can take a moment)."""
    time.sleep(0.3)
    return _pids(texts)


def _dies_in_a_worker(parent: int, texts: pd.Series) -> pd.DataFrame:
    if os.getpid() != parent:
        os._exit(1)  # as the kernel's out-of-memory killer would
    return _pids(texts)


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> pd.Series:
    monkeypatch.setattr(parallel, "MIN_TEXTS", 10)
    monkeypatch.delenv(cores.ENV, raising=False)
    # distinct texts, as annotate passes them
    return pd.Series([f"{t} {i}" for i in range(40) for t in TEXTS], dtype=object)


def test_several_processes_give_the_same_annotations(texts: pd.Series) -> None:
    words = ("辣椒饼干",)
    alone = annotate.text_annotations(texts, words)
    shared = parallel.analyse(functools.partial(annotate.text_annotations, chinese_words=words),
                              texts, functools.partial(annotate._load_models, chinese_words=words))
    pd.testing.assert_frame_equal(shared, alone)


def test_several_processes_give_the_same_theme_hits(texts: pd.Series) -> None:
    playbook = load(ROOT / "playbooks" / "demo" / "playbook.yaml")
    alone = themes.theme_hits(texts, playbook)
    assert alone.to_numpy().any()
    shared = parallel.analyse(functools.partial(themes.theme_hits, playbook=playbook), texts,
                              min_texts=10)
    pd.testing.assert_frame_equal(shared, alone)


def test_the_work_is_spread_over_the_cores_in_order(texts: pd.Series) -> None:
    if parallel.workers(len(texts)) < 2:
        pytest.skip("one core")
    out = parallel.analyse(_slow_pids, texts)
    assert out["text"].tolist() == texts.tolist() and out.index.equals(texts.index)
    assert os.getpid() not in set(out["pid"]) and out["pid"].nunique() >= 2


def test_a_limit_and_short_columns_keep_the_work_here(texts: pd.Series,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cores.ENV, "1")
    assert parallel.workers(len(texts)) == 1
    assert set(parallel.analyse(_pids, texts)["pid"]) == {os.getpid()}
    monkeypatch.delenv(cores.ENV)
    assert parallel.workers(9) == 1


def test_a_worker_that_dies_costs_speed_only(texts: pd.Series) -> None:
    out = parallel.analyse(functools.partial(_dies_in_a_worker, os.getpid()), texts)
    assert out["text"].tolist() == texts.tolist()


def _re2_in_child(values: list[str]) -> list[bool]:
    import pyarrow as pa

    from communitykit import fastmatch

    return fastmatch.re2_match(pa.chunked_array([pa.array(values)]), r"(?i)\bbiscuits?\b").tolist()


def test_re2_on_threads_gives_the_same_answers_also_after_a_fork(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import numpy as np
    import pyarrow as pa

    from communitykit import fastmatch

    monkeypatch.delenv(cores.ENV, raising=False)
    values = [f"{t} {i}" if i % 7 else None for i in range(600) for t in TEXTS[:1]] + TEXTS
    column = pa.chunked_array([pa.array(values)])
    pattern = r"(?i)\bbiscuits?\b"
    alone = fastmatch.re2_match(column, pattern)
    monkeypatch.setattr(fastmatch, "THREAD_ROWS", 10)
    threaded = fastmatch.re2_match(column, pattern)  # the parent's thread pool now exists
    assert threaded.dtype == bool and np.array_equal(threaded, alone) and alone.sum() == 515
    with multiprocessing.get_context("fork").Pool(1) as pool:  # threads are not forked
        assert pool.apply_async(_re2_in_child, (values,)).get(timeout=60) == alone.tolist()


def test_a_batch_worker_takes_its_share_of_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from communitykit.run import portfolio

    monkeypatch.setenv(cores.ENV, "3")
    portfolio._start_worker(None, 1)  # two workers on two cores: one each
    assert os.environ[cores.ENV] == "1" and cores.available() == 1
    assert parallel.workers(10**7) == 1
