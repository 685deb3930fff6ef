"""Listening (docs/metrics.md): themes, emerging terms, requests, pain points and sentiment.

Community figures count members' messages only (spam excluded). Requests are inbound
member messages asking the brand for something, grouped by the normalised object (or
the playbook theme it names). Pain points are member messages with negative sentiment
or a complaint pattern, not rule breaks, grouped by theme. Each item goes to an owner
team (the theme's owner, else ``community``). Ties are broken by name everywhere.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..dataset import Dataset
from ..listening.annotate import annotate
from ..listening.requests import UNSPECIFIED, UNSPECIFIED_ITEM
from ..listening.terms import TERM_SEPARATOR
from ..listening.text import HAN
from ..listening.themes import DEFAULT_OWNER, OTHER_THEME
from .results import Listening
from .stats import ratio, rounded

TEXT_LIMIT = 200
EXAMPLES = 3
MIN_TERM_COUNT = 3      # messages using a term this period
MIN_TERM_MEMBERS = 2    # distinct members using it
TOP_TERMS = 15
SCANS_BEFORE_SORT = 64  # terms looked up one scan each before sorting all the uses
KIND_ORDER = {"request": 0, "pain point": 1, "theme": 2}
TEXT_TERMS = "listening text terms"  # the scopes' texts' terms, by ``text_number``
SORTED_ONLY = ["message_id", "is_member", "excluded"]  # read to choose and sort the scope


def compute(
    data: Dataset, start: pd.Timestamp, end: pd.Timestamp, previous_start: pd.Timestamp
) -> Listening:
    prev, cur = _scopes(data, [(previous_start, start), (start, end)])
    tz = data.playbook.tz
    theme_rows = _themes(data, cur, prev, tz)
    requests = _requests(data, cur, prev, tz)
    pains = _pain_points(data, cur, prev, tz)
    sentiment = _sentiment(cur)
    return Listening(
        messages=len(cur),
        languages={k: int(v) for k, v in sorted(
            cur["lang"].value_counts(dropna=False, sort=False).items())},
        **sentiment,
        themes=theme_rows,
        unthemed_messages=int((~_any_theme(data, cur)).sum()) if len(cur) else 0,
        emerging_terms=_emerging(_terms(data, cur), _terms(data, prev)),
        requests=int(cur["request"].notna().sum()),
        request_members=_members(cur[cur["request"].notna()]),
        request_register=requests,
        pain_point_messages=int(_pain_mask(cur).sum()),
        pain_points=pains,
        insights=_insights(requests, pains, theme_rows),
    )


def _scopes(data: Dataset, windows: list[tuple[pd.Timestamp, pd.Timestamp]]
            ) -> list[pd.DataFrame]:
    """Member messages of each (start, end) window with their annotations, oldest first
    (kept for the other periods' figures: a period is the next one's previous). The windows
    not kept yet are annotated together, in the order given: each kept annotation is looked
    up once."""
    keys = [f"listening scope {start.value} {end.value}" for start, end in windows]
    todo = {key: _members_of(data, start, end) for key, (start, end) in zip(keys, windows,
                                                                           strict=True)
            if key not in data.derived}
    if todo:
        first, *rest = [m.index for m in todo.values()]
        annotated = annotate(data, first.append(rest))
        data.derived[TEXT_TERMS] = annotated.terms  # every text number so far
        start = 0
        for key, m in todo.items():  # each window's rows, in the order annotated
            notes = annotated.messages.iloc[start:start + len(m)].set_axis(m.index)
            data.derived[key] = pd.concat([m.drop(columns=SORTED_ONLY), notes], axis=1)
            start += len(m)
    return [data.derived[key] for key in keys]


def _terms(data: Dataset, frame: pd.DataFrame) -> TermIndex:
    """The ``TermIndex`` of a scope (kept beside it)."""
    key = f"listening terms {id(frame)}"
    held = data.derived.get(key)
    if held is None or held._frame is not frame:
        held = data.derived[key] = TermIndex(frame, data.derived[TEXT_TERMS])
    return held


def _members_of(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Member messages of the window (spam excluded), oldest first."""
    columns = ["platform", "message_id", "author_id", "created_at", "text", "inbound",
               "is_member", "excluded", *[c for c in data.messages.columns
                                          if c.startswith("flag_")]]
    messages = data.messages
    when = messages["created_at"]
    keep = (when >= start) & (when < end) & messages["is_member"] & ~messages["excluded"]
    m = messages.loc[keep.to_numpy(dtype=bool), columns]  # the rows first: one narrow take
    return m.sort_values(["created_at", "platform", "message_id"], kind="stable")


def _members(frame: pd.DataFrame) -> int:
    return int(frame[["platform", "author_id"]].drop_duplicates().shape[0])


def _examples(frame: pd.DataFrame, tz: Any) -> list[dict[str, str]]:
    """The first messages with distinct texts, oldest first."""
    distinct = frame.drop_duplicates("text").head(EXAMPLES)
    return [{"received": when.tz_convert(tz).strftime("%Y-%m-%d %H:%M"),
             "platform": str(platform), "text": str(text)[:TEXT_LIMIT]}
            for when, platform, text in zip(distinct["created_at"], distinct["platform"],
                                            distinct["text"], strict=True)]


def _trend(current: int, previous: int) -> str:
    if current and not previous:
        return "new"
    return "up" if current > previous else "down" if current < previous else "same"


def _sentiment(cur: pd.DataFrame) -> dict[str, Any]:
    counts = {label: int((cur["sentiment"] == label).sum())
              for label in ("positive", "neutral", "negative")}
    by_language = []
    for lang in sorted(set(cur["lang"].unique())):
        part = cur[cur["lang"] == lang]
        pos, neg = (int((part["sentiment"] == s).sum()) for s in ("positive", "negative"))
        by_language.append({"language": lang, "messages": len(part), "positive": pos,
                            "negative": neg, "net_sentiment": ratio(pos - neg, len(part))})
    return {
        "sentiment": counts,
        "sentiment_from_export": int((cur["sentiment_source"] == "export").sum()),
        "positive_share": ratio(counts["positive"], len(cur)),
        "negative_share": ratio(counts["negative"], len(cur)),
        "net_sentiment": ratio(counts["positive"] - counts["negative"], len(cur)),
        "sentiment_by_language": by_language,
    }


def _any_theme(data: Dataset, frame: pd.DataFrame) -> pd.Series:
    columns = [f"theme_{t.id}" for t in data.playbook.themes]
    if not columns or frame.empty:
        return pd.Series(False, index=frame.index)
    return frame[columns].any(axis=1)


def _themes(data: Dataset, cur: pd.DataFrame, prev: pd.DataFrame, tz: Any) -> list[dict[str, Any]]:
    rows = []
    for theme in data.playbook.themes:
        column = f"theme_{theme.id}"
        hits = cur[cur[column]] if len(cur) else cur
        before = int(prev[column].sum()) if len(prev) else 0
        share, share_before = ratio(len(hits), len(cur)), ratio(before, len(prev))
        pos, neg = (int((hits["sentiment"] == s).sum()) for s in ("positive", "negative"))
        rows.append({
            "theme": theme.id, "label": theme.label, "owner": theme.owner,
            "messages": len(hits), "members": _members(hits), "share": share,
            "previous": before, "previous_share": share_before,
            "share_change": (rounded(share - share_before, 4)
                             if share is not None and share_before is not None else None),
            "trend": _trend(len(hits), before),
            "net_sentiment": ratio(pos - neg, len(hits)),
            "examples": _examples(hits, tz),
        })
    return rows


def _emerging(now: TermIndex, before_index: TermIndex) -> list[dict[str, Any]]:
    """Terms whose share of messages grew most (add-one smoothed ratio of shares)."""
    before = dict(zip(before_index.terms, before_index.messages.tolist(), strict=True))
    n_now, n_before = len(now._frame), len(before_index._frame)
    rows: list[dict[str, Any]] = []
    for term, count in zip(now.terms, now.messages.tolist(), strict=True):
        if count < MIN_TERM_COUNT:
            continue
        was = before.get(term, 0)
        growth = ((count + 1) / (n_now + 1)) / ((was + 1) / (n_before + 1))
        if growth <= 1:
            continue
        rows.append({"term": term, "language": "zh" if HAN.search(term) else "en",
                     "messages": count, "members": 0, "previous": was,
                     "growth": rounded(growth, 2)})
    rows.sort(key=lambda r: (-float(r["growth"]), -int(r["messages"]),
                             -len(str(r["term"]).split()), str(r["term"])))
    kept: list[dict[str, Any]] = []
    for row in rows:  # members are counted only for the terms looked at, in this order
        row["members"] = now.members(row["term"])
        if row["members"] < MIN_TERM_MEMBERS:
            continue
        # terms found in the very same messages, or overlapping terms with the same
        # count, come from one phrase: the longest (first in the order) stands for them
        if not any((row["messages"] == k["messages"] and now.positions(row["term"])
                    == now.positions(k["term"])) or (_overlap(row["term"], k["term"])
                                                     and row["messages"] == k["messages"])
                   for k in kept):
            kept.append(row)
        if len(kept) == TOP_TERMS:
            break
    return kept


def _overlap(a: str, b: str) -> bool:
    if HAN.search(a) or HAN.search(b):
        return a in b or b in a
    return bool(set(a.split()) & set(b.split()))


class TermIndex:
    """The terms of a window's messages (``text_number``: their texts' row of ``text_terms``,
    each text's distinct terms joined): per term, how many messages use it, and on demand
    which messages (positions) and how many distinct members (platform, author) do.

    Each distinct text's terms are read once: a term's messages are those of the texts
    using it."""

    def __init__(self, frame: pd.DataFrame, text_terms: pa.ChunkedArray) -> None:
        numbers = frame["text_number"].to_numpy(dtype=np.int64)
        used, self._text_of = np.unique(numbers, return_inverse=True)  # message -> text
        joined = text_terms.take(pa.array(used)).combine_chunks()
        joined = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.large_string()), joined)
        lists = pc.split_pattern(joined, TERM_SEPARATOR)
        encoded = pc.dictionary_encode(pc.list_flatten(lists))
        self.codes = encoded.indices.to_numpy(zero_copy_only=False)  # term of each text's use
        self.terms: list[str] = encoded.dictionary.to_pylist()
        self._text_of_use = pc.list_parent_indices(lists).to_numpy(
            zero_copy_only=False).astype(np.int32)  # the text of each use
        per_text = np.bincount(self._text_of, minlength=len(used))  # messages with each text
        self.messages = np.bincount(self.codes, weights=per_text[self._text_of_use],
                                    minlength=len(self.terms)).astype(np.int64)
        self._frame = frame
        self._texts = len(used)
        self._index = {term: i for i, term in enumerate(self.terms)}
        self._starts = np.concatenate([[0], np.cumsum(np.bincount(self.codes,
                                                                  minlength=len(self.terms)))])
        self._order: np.ndarray | None = None
        self._scans = 0
        self._member: np.ndarray | None = None

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


def _requests(data: Dataset, cur: pd.DataFrame, prev: pd.DataFrame,
              tz: Any) -> list[dict[str, Any]]:
    asked = cur[cur["inbound"] & cur["request"].notna()] if len(cur) else cur
    before = (Counter(prev.loc[prev["inbound"] & prev["request"].notna(), "request"])
              if len(prev) else Counter())
    themes = {t.id: t for t in data.playbook.themes}
    rows = []
    for key, group in asked.groupby("request", sort=True):
        theme = themes.get(str(group["request_theme"].iloc[0])) if str(key).startswith(
            "theme:") else None
        variants = Counter(group["request_item"])
        ordered = sorted(variants.items(), key=lambda kv: (-kv[1], str(kv[0])))
        item = (theme.label if theme else UNSPECIFIED_ITEM if key == UNSPECIFIED
                else str(ordered[0][0]))
        local = group["created_at"].dt.tz_convert(tz)
        was = int(before.get(key, 0))
        rows.append({
            "key": str(key), "item": item, "theme": theme.id if theme else None,
            "owner": theme.owner if theme else DEFAULT_OWNER,
            "messages": len(group), "members": _members(group),
            "first_seen": local.min().strftime("%Y-%m-%d"),
            "last_seen": local.max().strftime("%Y-%m-%d"),
            "previous": was, "change": len(group) - was, "trend": _trend(len(group), was),
            "asked_as": [str(v) for v, _ in ordered[:5]],
            "examples": _examples(group, tz),
        })
    rows.sort(key=lambda r: (-r["members"], -r["messages"], r["item"]))
    return rows


def _pain_mask(frame: pd.DataFrame) -> pd.Series:
    """Negative or complaining messages that break no rule (those are moderation's)."""
    if frame.empty:
        return pd.Series(False, index=frame.index)
    flags = [c for c in frame.columns if c.startswith("flag_")]
    broke_rule = (frame[flags].any(axis=1) if flags
                  else pd.Series(False, index=frame.index))
    return (((frame["sentiment"] == "negative") | frame["complaint"]) & ~broke_rule).astype(bool)


def _pain_points(data: Dataset, cur: pd.DataFrame, prev: pd.DataFrame,
                 tz: Any) -> list[dict[str, Any]]:
    pains, pains_before = cur[_pain_mask(cur)], prev[_pain_mask(prev)]
    groups = [(t.id, t.label, t.owner, f"theme_{t.id}") for t in data.playbook.themes]
    rows = []
    for theme_id, label, owner, column in groups:
        hits = pains[pains[column]] if len(pains) else pains
        was = int(pains_before[column].sum()) if len(pains_before) else 0
        rows.append(_pain_row(theme_id, label, owner, hits, was, tz))
    other = pains[~_any_theme(data, pains)]
    other_before = int((~_any_theme(data, pains_before)).sum())
    rows.append(_pain_row(None, OTHER_THEME, DEFAULT_OWNER, other, other_before, tz))
    rows = [r for r in rows if r["messages"] or r["previous"]]
    rows.sort(key=lambda r: (-r["messages"], r["label"]))
    return rows


def _pain_row(theme: str | None, label: str, owner: str, hits: pd.DataFrame, was: int,
              tz: Any) -> dict[str, Any]:
    return {"theme": theme, "label": label, "owner": owner, "messages": len(hits),
            "members": _members(hits), "complaints": int(hits["complaint"].sum()),
            "previous": was, "change": len(hits) - was, "trend": _trend(len(hits), was),
            "examples": _examples(hits, tz)}


def _insights(requests: list[dict[str, Any]], pains: list[dict[str, Any]],
              themes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What each owner team should hear: requests, pain points and growing themes."""
    rows = []
    for r in requests:
        rows.append({"team": r["owner"], "kind": "request", "item": r["item"],
                     "members": r["members"], "messages": r["messages"], "trend": r["trend"],
                     "example": r["examples"][0]["text"] if r["examples"] else ""})
    for p in pains:
        if p["messages"]:
            rows.append({"team": p["owner"], "kind": "pain point", "item": p["label"],
                         "members": p["members"], "messages": p["messages"],
                         "trend": p["trend"],
                         "example": p["examples"][0]["text"] if p["examples"] else ""})
    for t in themes:
        if t["messages"] > t["previous"]:
            rows.append({"team": t["owner"], "kind": "theme", "item": t["label"],
                         "members": t["members"], "messages": t["messages"],
                         "trend": t["trend"],
                         "example": t["examples"][0]["text"] if t["examples"] else ""})
    rows.sort(key=lambda r: (r["team"], KIND_ORDER[r["kind"]], -r["members"], r["item"]))
    return rows
