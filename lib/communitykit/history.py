"""What a report needs of the months before its window, as a few narrow facts per month.

A report reads its period's months whole (``window``); from the client's older months it
needs only:
- ``members``: the (platform, author) of members who wrote, spam excluded (new members);
- ``team``: the platforms where the team wrote (channels with team activity);
- ``spans``: each platform's first and last message time (data coverage, the clock's span);
- ``active``: each roster name's last message time per platform (last active);
- ``authors``: each (platform, author id, author name) and its first message id in the
  table's order (whom an ``@name`` in a flat channel names: the first author of that name).

Each month's facts depend only on its own rows and the playbook's roles and rules, so they
are kept per month under the month's digest (``partitions``) in the client's cache, in a
folder versioned by those parts of the playbook and by the rule matcher: the first report
after a change computes them once, later ones read them. The facts of a run of months
together are kept too (``sum-<digest of their digests>``), so a report reads one file
whatever the store's length.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from .atomic import replacing
from .playbook import Playbook
from .rule_flags import flags_kind

FORMAT = "1"
SUMS_KEPT = 8  # sums of runs of months kept (reports of other periods start elsewhere)
AUTHORS = ["platform", "author_id", "author_name"]
COLUMNS = ["part", "platform", "author_id", "author_name", "name", "first", "last", "key"]


@dataclass(frozen=True)
class History:
    """The facts of a set of months (``facts``: one row per fact, ``COLUMNS``)."""

    facts: pd.DataFrame

    @classmethod
    def empty(cls) -> History:
        return cls(_frame([]))

    @classmethod
    def of_months(cls, months: list[pd.DataFrame]) -> History:
        """The facts of several months' ``month_facts`` together."""
        every = pd.concat([_frame([]), *months], ignore_index=True)
        parts = {name: every[every["part"] == name] for name in
                 ("members", "team", "spans", "active", "authors")}
        spans = parts["spans"].groupby("platform", sort=True).agg(
            first=("first", "min"), last=("last", "max")).reset_index()
        active = parts["active"].groupby(["platform", "name"], sort=True)["last"].max()
        authors = parts["authors"].groupby(AUTHORS, sort=False, dropna=False)["key"].min()
        return cls(pd.concat([
            _part("members", parts["members"].drop_duplicates(["platform", "author_id"])),
            _part("team", parts["team"].drop_duplicates("platform")),
            _part("spans", spans),
            _part("active", active.reset_index()),
            _part("authors", authors.reset_index()),
        ], ignore_index=True))

    def part(self, name: str) -> pd.DataFrame:
        return self.facts[self.facts["part"] == name]

    def of_platform(self, platform: str) -> History:
        return History(self.facts[self.facts["platform"] == platform])

    def members(self) -> set[tuple[Any, Any]]:
        rows = self.part("members")
        return set(zip(rows["platform"].tolist(), rows["author_id"].tolist(), strict=True))

    def team_platforms(self) -> set[str]:
        return {str(p) for p in self.part("team")["platform"]}

    def spans(self, tz: ZoneInfo) -> dict[str, tuple[dt.date, dt.date]]:
        """First and last local day per platform."""
        rows = self.part("spans")
        return {str(p): (first.tz_convert(tz).date(), last.tz_convert(tz).date())
                for p, first, last in zip(rows["platform"], rows["first"], rows["last"],
                                          strict=True)}

    def first_time(self) -> pd.Timestamp | None:
        times = self.part("spans")["first"].dropna()
        return None if times.empty else times.min()

    def last_active(self, name: str) -> pd.Timestamp | None:
        rows = self.part("active")
        times = rows.loc[rows["name"] == name, "last"].dropna()
        return None if times.empty else times.max()

    def authors(self) -> pd.DataFrame:
        """(platform, author_id, author_name, key): each author's first message id."""
        return self.part("authors")[[*AUTHORS, "key"]]


def month_facts(m: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    """The facts of one month's messages, prepared as the dataset prepares them (roles,
    ``display_name``, ``is_team``, ``is_member``, ``excluded``)."""
    members = m.loc[m["is_member"] & ~m["excluded"], ["platform", "author_id"]]
    dated = m[m["created_at"].notna()]
    spans = dated.groupby("platform", sort=True)["created_at"].agg(["min", "max"])
    names = {person.name for person in playbook.roster}
    said = dated[dated["display_name"].isin(names)]
    active = said.groupby(["platform", "display_name"], sort=True)["created_at"].max()
    authors = m.groupby(AUTHORS, sort=False, dropna=False)["message_id"].min()
    return pd.concat([
        _part("members", members.drop_duplicates()),
        _part("team", m.loc[m["is_team"], ["platform"]].drop_duplicates()),
        _part("spans", spans.rename(columns={"min": "first", "max": "last"}).reset_index()),
        _part("active", active.rename("last").reset_index().rename(
            columns={"display_name": "name"})),
        _part("authors", authors.rename("key").reset_index()),
    ], ignore_index=True)


def _part(name: str, rows: pd.DataFrame) -> pd.DataFrame:
    return _frame([rows.assign(part=name)])


def _frame(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Facts in one table: strings as strings, times as UTC instants."""
    frame = pd.concat([pd.DataFrame(columns=COLUMNS), *parts], ignore_index=True)
    frame = frame.reindex(columns=COLUMNS)
    for column in ("part", "platform", "author_id", "author_name", "name", "key"):
        frame[column] = frame[column].astype("string")
    for column in ("first", "last"):
        frame[column] = pd.to_datetime(frame[column], utc=True).astype("datetime64[ns, UTC]")
    return frame


def folder(memo_dir: Path, playbook: Playbook) -> Path:
    """Where the facts of this playbook's roles and rules are kept."""
    described = {
        "format": FORMAT,
        "flags": flags_kind(playbook).version,
        "client": playbook.client.name,
        "roster": [p.model_dump(mode="json") for p in playbook.roster],
        "accounts": [a.model_dump(mode="json") for a in playbook.accounts],
        "team_roles": sorted(playbook.team_roles),
        "excluded": sorted(c.id for c in playbook.rules.categories
                           if c.excluded_from_inbound),
    }
    text = json.dumps(described, sort_keys=True, ensure_ascii=False)
    return memo_dir / f"history-{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def kept(place: Path, month: str, digest: str) -> pd.DataFrame | None:
    """A month's facts kept under its digest, or None."""
    path = place / f"{month}-{digest}.parquet"
    if not path.exists():
        return None
    return _frame([pd.read_parquet(path)])


def keep(place: Path, month: str, digest: str, facts: pd.DataFrame) -> None:
    """Keep a month's facts (dropping that month's older digests and other versions); a
    cache that cannot be written only costs speed."""
    with contextlib.suppress(OSError):
        _keep(place, month, digest, facts)


def _keep(place: Path, month: str, digest: str, facts: pd.DataFrame) -> None:
    if place.parent.exists():
        for other in place.parent.glob("history-*"):
            if other != place and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
    place.mkdir(parents=True, exist_ok=True)
    for old in place.glob(f"{month}-*.parquet"):
        old.unlink(missing_ok=True)
    with replacing(place / f"{month}-{digest}.parquet") as temp:
        facts.to_parquet(temp, index=False)


def sum_name(months: list[tuple[str, str]]) -> str:
    """The file name of the facts of these (month, digest) together."""
    text = "\n".join(f"{month}:{digest}" for month, digest in months)
    return f"sum-{hashlib.sha256(text.encode()).hexdigest()[:24]}.parquet"


def kept_sum(place: Path, name: str) -> History | None:
    path = place / name
    if not path.exists():
        return None
    with contextlib.suppress(OSError):
        path.touch()  # the most recently used sums are kept
    return History(_frame([pd.read_parquet(path)]))


def keep_sum(place: Path, name: str, facts: History) -> None:
    """Keep a run's facts, and the ``SUMS_KEPT`` most recently used sums (if the cache
    can be written)."""
    with contextlib.suppress(OSError):
        _keep_sum(place, name, facts)


def _keep_sum(place: Path, name: str, facts: History) -> None:
    place.mkdir(parents=True, exist_ok=True)
    with replacing(place / name) as temp:
        facts.facts.to_parquet(temp, index=False)
    sums = sorted(place.glob("sum-*.parquet"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in sums[SUMS_KEPT:]:
        old.unlink(missing_ok=True)
