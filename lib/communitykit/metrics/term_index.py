"""The terms of a listening scope's messages, indexed for emerging terms
(docs/metrics.md): how many messages use each term, and on demand which messages and how
many distinct members."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..listening.terms import TERM_SEPARATOR
from ..row_notes import TermNumbering, TermUses

SCANS_BEFORE_SORT = 64  # terms looked up one scan each before sorting all the uses
TERM_TEXTS = 100_000  # texts whose terms are split at once


class TermIndex:
    """The terms of a window's messages: per term, how many messages use it, and on demand
    which messages (positions) and how many distinct members (platform, author) do.

    A term's uses are kept per text (``text_of``: each message's text; ``codes`` and
    ``text_of_use``: each use of a term by a text), so that a text many messages share is
    read once: a term's messages are those of the texts using it. ``of_texts`` and
    ``of_uses`` build it from the two forms the annotations come in."""

    def __init__(self, frame: pd.DataFrame, text_of: np.ndarray, codes: np.ndarray,
                 text_of_use: np.ndarray, terms: list[str]) -> None:
        self._text_of, self.codes, self._text_of_use, self.terms = (
            text_of, codes, text_of_use, terms)
        texts = int(text_of.max(initial=-1)) + 1
        per_text = np.bincount(text_of, minlength=texts)  # messages with each text
        self.messages = np.bincount(codes, weights=per_text[text_of_use],
                                    minlength=len(terms)).astype(np.int64)
        self._frame = frame
        self._texts = texts
        self._index = {term: i for i, term in enumerate(terms)}
        self._starts = np.concatenate([[0], np.cumsum(np.bincount(codes,
                                                                  minlength=len(terms)))])
        self._order: np.ndarray | None = None
        self._scans = 0
        self._member: np.ndarray | None = None

    @classmethod
    def of_texts(cls, frame: pd.DataFrame, text_terms: pa.ChunkedArray) -> TermIndex:
        """From each message's ``text_number`` (its text's row of ``text_terms``, each
        text's distinct terms joined)."""
        numbers = frame["text_number"].to_numpy(dtype=np.int64)
        used, text_of = np.unique(numbers, return_inverse=True)  # message -> text
        codes, text_of_use, terms = _term_uses(text_terms, used)
        return cls(frame, text_of.astype(np.int64), codes, text_of_use, terms)

    @classmethod
    def of_uses(cls, frame: pd.DataFrame, uses: TermUses) -> TermIndex:
        """From each use of a term by a message of ``frame`` (each message its own text)."""
        return cls(frame, np.arange(len(frame), dtype=np.int64), uses.codes,
                   uses.messages.astype(np.int32), uses.terms)

    def _rows(self, term: str) -> np.ndarray:
        """Messages (positions) using ``term``: the texts using it are found by a scan for
        the first few terms asked for, then by one sort of all the terms' uses."""
        i = self._index[term]
        if self._order is None and self._scans < SCANS_BEFORE_SORT:
            self._scans += 1
            texts = self._text_of_use[np.flatnonzero(self.codes == i)]
        else:
            if self._order is None:
                self._order = np.argsort(self.codes, kind="stable")
            texts = self._text_of_use[self._order[self._starts[i]:self._starts[i + 1]]]
        using = np.zeros(self._texts, dtype=bool)
        using[texts] = True
        return np.flatnonzero(using[self._text_of])

    def positions(self, term: str) -> frozenset[int]:
        """Positions (in the frame) of the messages using ``term``."""
        return frozenset(self._rows(term).tolist())

    def members(self, term: str) -> int:
        """Distinct members (platform, author) using ``term``."""
        if self._member is None:
            platform = pd.factorize(self._frame["platform"].astype(str))[0].astype(np.int64)
            author = pd.factorize(self._frame["author_id"].astype(str))[0].astype(np.int64)
            self._member = platform * (int(author.max(initial=0)) + 1) + author
        return len(np.unique(self._member[self._rows(term)]))


def _term_uses(text_terms: pa.ChunkedArray, texts: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each use of a term by the ``texts`` (rows of ``text_terms``): (its term's code, its
    text's position in ``texts``, the terms by code in order of first use). The texts are
    split ``TERM_TEXTS`` at a time, so only that many texts' strings are copied at once."""
    codes: list[np.ndarray] = []
    parents: list[np.ndarray] = []
    numbering = TermNumbering()
    for start in range(0, len(texts), TERM_TEXTS):
        joined = text_terms.take(pa.array(texts[start:start + TERM_TEXTS])).combine_chunks()
        joined = pc.if_else(pc.equal(joined, ""), pa.scalar(None, joined.type), joined)
        lists = pc.split_pattern(joined, TERM_SEPARATOR)
        codes.append(numbering.codes(pc.dictionary_encode(pc.list_flatten(lists))))
        parents.append(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
                       .astype(np.int32) + start)
    if not codes:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), []
    return np.concatenate(codes), np.concatenate(parents), numbering.terms
