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

from .. import memory
from ..dataset import Dataset
from ..listening.annotate import annotate
from ..listening.requests import UNSPECIFIED, UNSPECIFIED_ITEM
from ..listening.text import HAN
from ..listening.themes import DEFAULT_OWNER, OTHER_THEME
from .results import Listening
from .stats import ratio, rounded
from .term_index import TermIndex

TEXT_LIMIT = 200
EXAMPLES = 3
MIN_TERM_COUNT = 3      # messages using a term this period
MIN_TERM_MEMBERS = 2    # distinct members using it
TOP_TERMS = 15
KIND_ORDER = {"request": 0, "pain point": 1, "theme": 2}
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
    (kept for the other periods' figures: a period is the next one's previous), each with
    its ``TermIndex`` (``_terms``); the texts' terms are let go once indexed. Windows whose
    rows the import noted are annotated one at a time (less held at once); the others
    together, so that each kept text annotation is looked up once."""
    keys = [f"listening scope {start.value} {end.value}" for start, end in windows]
    todo = {key: _members_of(data, start, end) for key, (start, end) in zip(keys, windows,
                                                                           strict=True)
            if key not in data.derived}
    notes = data.notes
    if notes is not None and all(notes.kept(m.index.to_numpy(dtype=np.int64)).all()
                                 for m in todo.values()):
        batches = [[key] for key in todo]
    else:
        batches = [list(todo)] if todo else []
    for batch in batches:
        first, *rest = [todo[key].index for key in batch]
        annotated = annotate(data, first.append(rest))
        start = 0
        for key in batch:  # each window's rows, in the order annotated
            m = todo.pop(key)
            part = annotated.messages.iloc[start:start + len(m)].set_axis(m.index)
            scope = data.derived[key] = pd.concat([m.drop(columns=SORTED_ONLY), part], axis=1)
            data.derived[_terms_key(scope)] = (
                TermIndex.of_texts(scope, annotated.terms) if annotated.uses is None
                else TermIndex.of_uses(scope, annotated.uses.part(start, start + len(m))))
            start += len(m)
            del m, part
        del annotated
        memory.give_back()  # the notes' files as read, the texts' terms, the frames taken
    return [data.derived[key] for key in keys]


def _terms_key(scope: pd.DataFrame) -> str:
    return f"listening terms {id(scope)}"


def _terms(data: Dataset, scope: pd.DataFrame) -> TermIndex:
    """The ``TermIndex`` of a scope (``_scopes`` keeps it beside the scope)."""
    held: TermIndex = data.derived[_terms_key(scope)]
    assert held._frame is scope
    return held


def _members_of(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Member messages of the window (spam excluded), oldest first; without their texts,
    which only the examples read (``_examples``)."""
    columns = ["platform", "message_id", "author_id", "created_at", "inbound",
               "is_member", "excluded", *[c for c in data.messages.columns
                                          if c.startswith("flag_")]]
    messages = data.messages
    when = messages["created_at"]
    keep = (when >= start) & (when < end) & messages["is_member"] & ~messages["excluded"]
    m = messages.loc[keep.to_numpy(dtype=bool), columns]  # the rows first: one narrow take
    return m.sort_values(["created_at", "platform", "message_id"], kind="stable")


def _members(frame: pd.DataFrame) -> int:
    return int(frame[["platform", "author_id"]].drop_duplicates().shape[0])


def _examples(data: Dataset, frame: pd.DataFrame, tz: Any) -> list[dict[str, str]]:
    """The first messages with distinct texts, oldest first (a missing text counts as one
    text). The texts are read from the dataset a few rows at a time, more each round, so a
    large group whose first messages all say the same reads few of them."""
    texts = data.messages["text"]
    seen: set[object] = set()
    chosen: list[tuple[int, object]] = []
    start, step = 0, EXAMPLES * 4
    while len(chosen) < EXAMPLES and start < len(frame):
        for offset, text in enumerate(texts.loc[frame.index[start:start + step]].tolist()):
            value = None if text is pd.NA or text is None else text
            if value not in seen:
                seen.add(value)
                chosen.append((start + offset, text))
                if len(chosen) == EXAMPLES:
                    break
        start, step = start + step, step * 4
    return [{"received": frame["created_at"].iloc[at].tz_convert(tz).strftime("%Y-%m-%d %H:%M"),
             "platform": str(frame["platform"].iloc[at]), "text": str(text)[:TEXT_LIMIT]}
            for at, text in chosen]


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
            "examples": _examples(data, hits, tz),
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
            "examples": _examples(data, group, tz),
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
        rows.append(_pain_row(data, theme_id, label, owner, hits, was, tz))
    other = pains[~_any_theme(data, pains)]
    other_before = int((~_any_theme(data, pains_before)).sum())
    rows.append(_pain_row(data, None, OTHER_THEME, DEFAULT_OWNER, other, other_before, tz))
    rows = [r for r in rows if r["messages"] or r["previous"]]
    rows.sort(key=lambda r: (-r["messages"], r["label"]))
    return rows


def _pain_row(data: Dataset, theme: str | None, label: str, owner: str,
              hits: pd.DataFrame, was: int, tz: Any) -> dict[str, Any]:
    return {"theme": theme, "label": label, "owner": owner, "messages": len(hits),
            "members": _members(hits), "complaints": int(hits["complaint"].sum()),
            "previous": was, "change": len(hits) - was, "trend": _trend(len(hits), was),
            "examples": _examples(data, hits, tz)}


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
