"""Text analysis of a long column on every core.

Each text's annotations depend on that text alone, so a long column is cut into
contiguous chunks, analysed in forked worker processes, and put back together in order:
the result is the one a single process gives. Forking shares what the report process has
already loaded (VADER's lexicon, jieba's dictionary) instead of loading it again.

How many processes: one per available core (``cores.available``, which a batch of
reports limits), at most one per ``MIN_TEXTS`` texts. Forking is used on Linux only;
elsewhere, or if a worker process dies, the column is analysed here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import pandas as pd

from .. import cores

MIN_TEXTS = 10_000  # texts per process below which starting one costs more than it saves
CHUNKS_PER_WORKER = 2  # uneven chunks (Chinese texts are slower) even out


def _one_core() -> None:
    """A worker process uses its own core only (no threads of its own)."""
    os.environ[cores.ENV] = "1"


def workers(texts: int, min_texts: int | None = None) -> int:
    """How many processes to analyse ``texts`` texts with (``min_texts`` or more each,
    ``MIN_TEXTS`` by default)."""
    if sys.platform != "linux":
        return 1
    return max(1, min(cores.available(), texts // (min_texts or MIN_TEXTS)))


def analyse(analyser: Callable[[pd.Series], pd.DataFrame], texts: pd.Series,
            prepare: Callable[[pd.Series], None] | None = None,
            min_texts: int | None = None) -> pd.DataFrame:
    """``analyser(texts)``, computed on several processes when the column is long.

    ``analyser`` must be picklable (a module-level function or a ``functools.partial``
    of one) and give one row per text, in order; ``prepare(texts)`` loads what the
    workers share, before they fork; ``min_texts``: the fewest texts worth a process
    (more for a cheaper analyser)."""
    count = workers(len(texts), min_texts)
    if count <= 1:
        return analyser(texts)
    if prepare is not None:
        prepare(texts)
    cuts = np.linspace(0, len(texts), count * CHUNKS_PER_WORKER + 1).astype(int)
    chunks = [texts.iloc[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a]
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_one_core) as pool:
            parts = list(pool.map(analyser, chunks))
    except BrokenProcessPool:  # a worker was killed (e.g. out of memory): do it here
        return analyser(texts)
    return pd.concat(parts)
