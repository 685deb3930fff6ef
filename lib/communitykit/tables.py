"""The normalised tables every importer produces and the report reads.

Ids are strings, always; timestamps are UTC. ``SCHEMAS`` is the single
definition of each table's columns and types.
"""

from __future__ import annotations

import pandas as pd

TEXT = "string"
TIME = "datetime64[ns, UTC]"
COUNT = "Int64"
FLAG = "boolean"

SCHEMAS: dict[str, dict[str, str]] = {
    "posts": {
        "platform": TEXT,
        "account_id": TEXT,
        "post_id": TEXT,
        "permalink": TEXT,
        "created_at": TIME,
        "author_id": TEXT,
        "author_name": TEXT,
        "kind": TEXT,
        "text": TEXT,
        "impressions": COUNT,
        "reach": COUNT,
        "views": COUNT,
        "reactions": COUNT,
        "comments": COUNT,
        "shares": COUNT,
        "saves": COUNT,
        "clicks": COUNT,
        "follows": COUNT,
        "metrics_as_of": TIME,
        "source_file": TEXT,
    },
    "messages": {
        "platform": TEXT,
        "message_id": TEXT,
        "post_id": TEXT,
        "container": TEXT,
        "parent_id": TEXT,
        "mentions": TEXT,  # people mentioned: ids (else handles without @), space-separated
        "author_id": TEXT,
        "author_name": TEXT,
        "created_at": TIME,
        "text": TEXT,
        "likes": COUNT,
        "kind": TEXT,
        "sentiment": TEXT,
        "deleted": FLAG,
        "source_file": TEXT,
    },
    "account_daily": {
        "platform": TEXT,
        "account_id": TEXT,
        "date": "datetime64[ns]",
        "followers": COUNT,
        "followers_gained": COUNT,
        "followers_lost": COUNT,
        "impressions": COUNT,
        "engagements": COUNT,
        "posts_published": COUNT,
        "metrics_as_of": TIME,
        "source_file": TEXT,
    },
}

# One row per key: later imports replace earlier rows with the same key.
KEYS: dict[str, list[str]] = {
    "posts": ["platform", "post_id"],
    "messages": ["platform", "message_id"],
    "account_daily": ["platform", "account_id", "date"],
}

# Columns that an importer must fill for a row to be kept.
REQUIRED: dict[str, list[str]] = {
    "posts": ["platform", "post_id", "created_at"],
    "messages": ["platform", "message_id", "author_id", "created_at"],
    "account_daily": ["platform", "date"],
}

# Platforms whose threads are flat: lines without a reply reference may still answer
# (a mention, or the team's next line in the channel: see answers.py, docs/metrics.md).
FLAT_THREAD_PLATFORMS = frozenset({"discord", "slack", "telegram", "discourse", "messenger"})


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and types."""
    return conform(pd.DataFrame(), table)


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Add missing columns, drop unknown ones, and cast to the schema's types."""
    schema = SCHEMAS[table]
    out = pd.DataFrame(index=frame.index)
    for column, dtype in schema.items():
        values = frame[column] if column in frame else pd.Series(pd.NA, index=frame.index)
        if dtype == TIME:
            out[column] = pd.to_datetime(values, utc=True).astype(TIME)
        elif dtype.startswith("datetime64"):
            out[column] = pd.to_datetime(values).astype(dtype)
        else:
            out[column] = values.astype(dtype)
    return out.reset_index(drop=True)
