"""The same few figures of one month on four engines, over the same prepared Parquet files.

Each function reads ``<folder>/*.parquet`` (the kit's prepared message columns, cut by UTC
month as the store is: ``bench/engines.py`` writes them) and returns the raw figures:

- members (health): active, new (not seen before the period), returning (also active in
  the previous period), previously active, active per platform; a member is a message with
  ``is_member`` and not ``excluded``;
- responsiveness: inbound messages of the period; those the team answered before the period
  end; median, 90th percentile and mean calendar hours to the first team answer (linear
  interpolation between ranks, numpy's default, as ``metrics.stats.hours``), per platform
  too;
- thread answers: on Instagram (threaded), the first team reply to each inbound message
  found by joining replies to parents (what ``answers.first_answers`` does for threaded
  platforms), answered count and median hours.

Hours are returned unrounded; the caller rounds them by the kit's rule. Bounds are UTC
instants: ``start``, ``end`` (exclusive) and ``previous_start``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

Bounds = dict[str, dt.datetime]
THREADED = "instagram"


def _stats(values: list[float]) -> dict[str, Any]:
    """Median, p90 and mean as numpy computes them (only for the pandas engine)."""
    import numpy as np

    if not len(values):
        return {"median_h": None, "p90_h": None, "mean_h": None}
    h = np.asarray(values, dtype="float64")
    return {"median_h": float(np.median(h)), "p90_h": float(np.percentile(h, 90)),
            "mean_h": float(np.mean(h))}


# ---- pandas ---------------------------------------------------------------------------------
def pandas_figures(folder: Path, b: Bounds) -> dict[str, Any]:
    import pandas as pd

    def read(columns: list[str], filters: list[tuple[str, str, Any]]) -> pd.DataFrame:
        return pd.read_parquet(folder, columns=columns, filters=filters)

    members = read(["platform", "author_id", "created_at"],
                   [("is_member", "==", True), ("excluded", "==", False),
                    ("created_at", "<", b["end"])])
    created = members["created_at"]
    pairs = ["platform", "author_id"]
    active = members.loc[created >= b["start"], pairs].drop_duplicates()
    before = members.loc[created < b["start"], pairs].drop_duplicates()
    previous = members.loc[(created >= b["previous_start"]) & (created < b["start"]),
                           pairs].drop_duplicates()
    new = active.merge(before, how="left", on=pairs, indicator=True)
    returning = active.merge(previous, how="inner", on=pairs)
    health = {"active_members": len(active),
              "new_members": int((new["_merge"] == "left_only").sum()),
              "returning_members": len(returning), "previous_active_members": len(previous),
              "by_platform": {str(k): int(v) for k, v in
                              active.groupby("platform").size().sort_index().items()}}

    window = [("created_at", ">=", b["start"]), ("created_at", "<", b["end"])]
    inbound = read(["platform", "created_at", "team_answer_at"],
                   [("inbound", "==", True), *window])
    answered = inbound[inbound["team_answer_at"] < b["end"]]
    hours = (answered["team_answer_at"] - answered["created_at"]).dt.total_seconds() / 3600

    def row(part: pd.DataFrame, h: pd.Series) -> dict[str, Any]:
        return {"inbound": len(part), "answered": len(h), **_stats(h.tolist())}

    by_platform = {str(p): row(part, hours[answered["platform"] == p])
                   for p, part in inbound.groupby("platform", sort=True)}

    thread = read(["platform", "message_id", "parent_id", "created_at", "is_team", "inbound"],
                  [("platform", "==", THREADED), *window])
    parents = thread.loc[thread["inbound"], ["message_id", "created_at"]]
    replies = thread.loc[thread["is_team"] & thread["parent_id"].notna(),
                         ["parent_id", "created_at"]]
    joined = parents.merge(replies, left_on="message_id", right_on="parent_id",
                           suffixes=("", "_reply"))
    joined = joined[joined["created_at_reply"] >= joined["created_at"]]
    first = joined.groupby("message_id").agg(at=("created_at_reply", "min"),
                                             created=("created_at", "first"))
    waited = (first["at"] - first["created"]).dt.total_seconds() / 3600
    return {"health": health, "responsiveness": row(inbound, hours), "by_platform": by_platform,
            "thread": {"answered": len(waited), **_stats(waited.tolist())}}


# ---- DuckDB ---------------------------------------------------------------------------------
def duckdb_figures(folder: Path, b: Bounds) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect()
    source = f"read_parquet('{folder}/*.parquet')"
    params = {"start": b["start"], "end": b["end"], "previous_start": b["previous_start"]}
    members = f"""
        with m as (select platform, author_id, created_at from {source}
                   where is_member and not excluded and created_at < $end),
        active as (select distinct platform, author_id from m where created_at >= $start),
        earlier as (select distinct platform, author_id from m where created_at < $start),
        previous as (select distinct platform, author_id from m
                     where created_at >= $previous_start and created_at < $start)"""
    row = con.execute(members + """
        select (select count(*) from active),
               (select count(*) from (select * from active except select * from earlier)),
               (select count(*) from (select * from active intersect select * from previous)),
               (select count(*) from previous)""", params).fetchone()
    assert row is not None
    per = con.execute(members + " select platform, count(*) from active group by platform "
                      "order by platform", params).fetchall()
    health = {"active_members": row[0], "new_members": row[1], "returning_members": row[2],
              "previous_active_members": row[3], "by_platform": dict(per)}

    hours = "(epoch_ns(team_answer_at) - epoch_ns(created_at)) / 1e9 / 3600"
    rows = con.execute(f"""
        select platform, count(*), count(h), quantile_cont(h, 0.5), quantile_cont(h, 0.9),
               avg(h)
        from (select platform, case when team_answer_at < $end then {hours} end as h
              from {source}
              where inbound and created_at >= $start and created_at < $end)
        group by grouping sets ((platform), ()) order by platform nulls first""",
                       {"start": b["start"], "end": b["end"]}).fetchall()
    keys = ("inbound", "answered", "median_h", "p90_h", "mean_h")
    figures = {p: dict(zip(keys, values, strict=True)) for p, *values in rows}
    total = figures.pop(None)

    thread = con.execute(f"""
        with m as (select message_id, parent_id, created_at, is_team, inbound from {source}
                   where platform = '{THREADED}' and created_at >= $start and created_at < $end),
        first as (select p.message_id, min(epoch_ns(r.created_at)) - epoch_ns(p.created_at) w
                  from m p join m r on r.parent_id = p.message_id
                  where p.inbound and r.is_team and r.created_at >= p.created_at
                  group by p.message_id, p.created_at)
        select count(*), quantile_cont(w / 1e9 / 3600, 0.5), quantile_cont(w / 1e9 / 3600, 0.9),
               avg(w / 1e9 / 3600) from first""",
                         {"start": b["start"], "end": b["end"]}).fetchone()
    assert thread is not None
    return {"health": health, "responsiveness": total, "by_platform": figures,
            "thread": dict(zip(("answered", "median_h", "p90_h", "mean_h"), thread,
                               strict=True))}


# ---- Polars ---------------------------------------------------------------------------------
def polars_figures(folder: Path, b: Bounds) -> dict[str, Any]:
    import polars as pl

    scan = pl.scan_parquet(folder / "*.parquet")
    created = pl.col("created_at")
    pairs = ["platform", "author_id"]
    members = scan.filter(pl.col("is_member") & ~pl.col("excluded") & (created < b["end"]))
    active = members.filter(created >= b["start"]).select(pairs).unique()
    before = members.filter(created < b["start"]).select(pairs).unique()
    previous = members.filter((created >= b["previous_start"]) & (created < b["start"])
                              ).select(pairs).unique()
    counts = pl.collect_all([
        active.select(pl.len()), active.join(before, on=pairs, how="anti").select(pl.len()),
        active.join(previous, on=pairs, how="semi").select(pl.len()), previous.select(pl.len()),
        active.group_by("platform").len().sort("platform")])
    health = {"active_members": counts[0].item(), "new_members": counts[1].item(),
              "returning_members": counts[2].item(), "previous_active_members": counts[3].item(),
              "by_platform": dict(counts[4].iter_rows())}

    window = (created >= b["start"]) & (created < b["end"])
    waited = (pl.col("team_answer_at") - created).dt.total_nanoseconds() / 1e9 / 3600
    h = pl.when(pl.col("team_answer_at") < b["end"]).then(waited)
    aggregates = [pl.len().alias("inbound"), h.count().alias("answered"),
                  h.median().alias("median_h"),
                  h.quantile(0.9, interpolation="linear").alias("p90_h"), h.mean().alias("mean_h")]
    inbound = scan.filter(pl.col("inbound") & window)
    per, total = pl.collect_all([inbound.group_by("platform").agg(aggregates).sort("platform"),
                                 inbound.select(aggregates)])
    by_platform = {r.pop("platform"): r for r in per.to_dicts()}

    thread = scan.filter((pl.col("platform") == THREADED) & window)
    parents = thread.filter(pl.col("inbound")).select("message_id", "created_at")
    replies = thread.filter(pl.col("is_team") & pl.col("parent_id").is_not_null()).select(
        "parent_id", reply=created)
    first = (parents.join(replies, left_on="message_id", right_on="parent_id")
             .filter(pl.col("reply") >= created)
             .group_by("message_id", "created_at").agg(pl.col("reply").min())
             .select(w=(pl.col("reply") - created).dt.total_nanoseconds() / 1e9 / 3600))
    w = pl.col("w")
    found = first.select(answered=pl.len(), median_h=w.median(),
                         p90_h=w.quantile(0.9, interpolation="linear"), mean_h=w.mean()).collect()
    return {"health": health, "responsiveness": total.to_dicts()[0], "by_platform": by_platform,
            "thread": found.to_dicts()[0]}


# ---- pyarrow.compute ------------------------------------------------------------------------
def arrow_figures(folder: Path, b: Bounds) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    data = ds.dataset(folder, format="parquet")
    created = ds.field("created_at")
    pairs = ["platform", "author_id"]

    def distinct(table: pa.Table) -> pa.Table:
        return table.group_by(pairs).aggregate([])

    members = data.to_table(columns=[*pairs, "created_at"], filter=(
        ds.field("is_member") & ~ds.field("excluded") & (created < b["end"])))
    when = members["created_at"]
    active = distinct(members.filter(pc.greater_equal(when, b["start"])).select(pairs))
    before = distinct(members.filter(pc.less(when, b["start"])).select(pairs))
    previous = distinct(members.filter(pc.and_(pc.greater_equal(when, b["previous_start"]),
                                               pc.less(when, b["start"]))).select(pairs))
    per = active.group_by("platform").aggregate([([], "count_all")]).sort_by("platform")
    health = {"active_members": active.num_rows,
              "new_members": active.join(before, keys=pairs, join_type="left anti").num_rows,
              "returning_members": active.join(previous, keys=pairs,
                                               join_type="left semi").num_rows,
              "previous_active_members": previous.num_rows,
              "by_platform": dict(zip(per["platform"].to_pylist(),
                                      per["count_all"].to_pylist(), strict=True))}

    window = (created >= b["start"]) & (created < b["end"])
    inbound = data.to_table(columns=["platform", "created_at", "team_answer_at"],
                            filter=ds.field("inbound") & window)
    answered = inbound.filter(pc.less(inbound["team_answer_at"], b["end"]))
    hours = _hours(answered["team_answer_at"], answered["created_at"])

    def row(count: int, h: pa.Array) -> dict[str, Any]:
        return {"inbound": count, "answered": len(h), **_arrow_stats(h)}

    platforms = sorted(pc.unique(inbound["platform"]).to_pylist())
    by_platform = {p: row(pc.sum(pc.equal(inbound["platform"], p)).as_py(),
                          hours.filter(pc.equal(answered["platform"], p)))
                   for p in platforms}

    thread = data.to_table(
        columns=["message_id", "parent_id", "created_at", "is_team", "inbound"],
        filter=(ds.field("platform") == THREADED) & window)
    parents = thread.filter(thread["inbound"]).select(["message_id", "created_at"])
    replies = thread.filter(pc.and_(thread["is_team"], pc.is_valid(thread["parent_id"])))
    replies = replies.select(["parent_id", "created_at"]).rename_columns(["message_id", "reply"])
    joined = parents.join(replies, keys="message_id", join_type="inner")
    joined = joined.filter(pc.greater_equal(joined["reply"], joined["created_at"]))
    first = joined.group_by(["message_id", "created_at"]).aggregate([("reply", "min")])
    waited = _hours(first["reply_min"], first["created_at"])
    return {"health": health, "responsiveness": row(inbound.num_rows, hours),
            "by_platform": by_platform,
            "thread": {"answered": len(waited), **_arrow_stats(waited)}}


def _hours(at: Any, created: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    nanos = pc.subtract(pc.cast(at, pa.int64()), pc.cast(created, pa.int64()))
    seconds = pc.divide(pc.cast(nanos, pa.float64()), 1e9)  # as pandas total_seconds()
    return pc.divide(seconds, 3600).combine_chunks()


def _arrow_stats(h: Any) -> dict[str, Any]:
    import pyarrow.compute as pc

    if not len(h):
        return {"median_h": None, "p90_h": None, "mean_h": None}
    median, p90 = pc.quantile(h, q=[0.5, 0.9], interpolation="linear").to_pylist()
    return {"median_h": median, "p90_h": p90, "mean_h": pc.mean(h).as_py()}


ENGINES = {"pandas": pandas_figures, "duckdb": duckdb_figures, "polars": polars_figures,
           "arrow": arrow_figures}
# What a fresh interpreter imports to use each engine.
IMPORTS = {"kit": "import communitykit.metrics", "pandas": "import pandas",
           "duckdb": "import duckdb", "polars": "import polars",
           "arrow": "import pyarrow.dataset, pyarrow.compute"}
