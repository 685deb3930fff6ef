"""What exports of community messages share (chat, forums, comment threads): exact epoch
times, times given as local wall time and resolved after the fact, stable ids for exports
that have none, and the frame of messages a reader returns."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from .account import ImportAccount
from .base import SourceContext
from .dates import checked, localize
from .settle import LATEST
from .values import INT64_MAX

LOCAL = "_local"  # a naive local time, resolved to UTC by message_frame
EPOCH = re.compile(r"^(\d{1,13})(?:\.(\d*))?$")


def epoch(value: object, unit: str = "s") -> pd.Timestamp:
    """Epoch seconds (``unit="s"``), milliseconds (``"ms"``) or either (``"auto"``:
    above 10^11 means ms), from an int, float or string, without float rounding."""
    match = EPOCH.match(str(value).strip())
    if isinstance(value, bool) or not match:
        raise ValueError(f"time {value!r} is not an epoch number")
    whole, fraction = int(match[1]), match[2] or ""
    if unit == "auto":
        unit = "ms" if whole > 10**11 else "s"
    if unit == "ms":
        nanos = whole * 10**6 + int((fraction + "000000")[:6])
    else:
        nanos = whole * 10**9 + int((fraction + "000000000")[:9])
    if nanos > INT64_MAX:
        raise ValueError(f"time {value!r} is after the year {LATEST.year - 1}: the kit cannot "
                         "store it")
    return checked(pd.Timestamp(nanos, unit="ns", tz="UTC"), "time")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``: stable when rows move in the file."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode(), usedforsecurity=False)
    return f"{prefix}{digest.hexdigest()[:16]}"


def number_repeats(ids: list[str]) -> list[str]:
    """Make repeated ids unique (``-2``, ``-3``...) in order of appearance."""
    seen: Counter[str] = Counter()
    out = []
    for value in ids:
        seen[value] += 1
        out.append(value if seen[value] == 1 else f"{value}-{seen[value]}")
    return out


def message_frame(kept: list[dict[str, object]], path: Path, context: SourceContext,
           account: ImportAccount) -> pd.DataFrame:
    """Rows as a frame: naive ``_local`` times resolved in the source timezone."""
    frame = pd.DataFrame(kept)
    if LOCAL in frame:
        local = pd.to_datetime(frame.pop(LOCAL))
        has = local.notna()
        if has.any():
            utc, shifted = localize(local[has], context.timezone)
            created = pd.to_datetime(frame["created_at"], utc=True)
            created[has] = utc
            frame["created_at"] = created
            account.notes.append(f"{int(has.sum())} times without an offset read as "
                                 f"{context.timezone.key} local time")
            if shifted:
                account.notes.append(f"{shifted} local times fell in a DST change "
                                     "(earlier instant used)")
    frame["source_file"] = path.name
    return frame


def message_time(value: object) -> tuple[pd.Timestamp | None, dt.datetime | None]:
    """(UTC time, None) when the text carries an offset, else (None, naive local time)."""
    text = str(value).strip()
    if EPOCH.match(text):
        return epoch(text, "auto"), None
    try:
        stamp = pd.Timestamp(text)
    except ValueError:
        raise ValueError(f"time {text!r} is in no known form") from None
    if pd.isna(stamp):
        raise ValueError("the time is empty")
    checked(stamp, "time")
    if stamp.tzinfo is None:
        return None, stamp.to_pydatetime()
    return stamp.tz_convert("UTC"), None


def need(item: object, key: str) -> Any:
    """``item[key]``, or a ValueError that says what is missing."""
    if not isinstance(item, dict):
        raise ValueError("the item is not a JSON object")
    value = item.get(key)
    if value is None or value == "":
        raise ValueError(f"no {key!r}")
    return value
