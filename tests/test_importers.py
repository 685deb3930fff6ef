"""Importers and the store: exact ids, every row accounted for, nothing lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
from communitykit.importers import detect
from communitykit.ingest import import_exports
from communitykit.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
PLAYBOOK = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
X_HEADER = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions",
            "engagements", "engagement rate", "retweets", "replies", "likes"]


def _x_csv(path: Path, rows: list[list[str]], header: list[str] = X_HEADER) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _import(tmp_path: Path, *files: Path) -> tuple[Store, list]:
    store = Store(tmp_path / "store")
    accounts = import_exports(store, PLAYBOOK, list(files), say=lambda _: None)
    return store, accounts


def test_twenty_digit_id_survives_next_to_a_blank_row(tmp_path: Path) -> None:
    path = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261031_en.csv", [
        ["12345678901234567890", "https://twitter.com/brand/status/12345678901234567890",
         "hello", "2026-10-02 10:00 +0000", "424.0", "5.0", "0.01", "1.0", "2.0", "3.0"],
        ["", "", "", "", "", "", "", "", "", ""],
        ["1432793754507923461", "https://twitter.com/brand/status/1432793754507923461",
         "second", "2026-10-03 11:30 +0000", "89.0", "5.0", "0.05", "0.0", "1.0", "0.0"],
    ])
    store, (account,) = _import(tmp_path, path)
    posts = store.load("posts")
    assert sorted(posts["post_id"]) == ["12345678901234567890", "1432793754507923461"]
    assert account.rows_read == 2 and account.kept == 2 and not account.rejected
    row = posts.set_index("post_id").loc["12345678901234567890"]
    assert row["impressions"] == 424 and row["reactions"] == 3 and row["account_id"] == "brand"


def test_float_damaged_id_is_recovered_from_the_permalink_or_rejected(tmp_path: Path) -> None:
    path = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261031_en.csv", [
        ["1.43279E+18", "https://twitter.com/brand/status/1432793754507923461", "a",
         "2026-10-02 10:00 +0000", "1", "1", "1", "0", "0", "1"],
        ["1.2E+17", "", "b", "2026-10-02 10:00 +0000", "1", "1", "1", "0", "0", "1"],
    ])
    store, (account,) = _import(tmp_path, path)
    assert store.load("posts")["post_id"].tolist() == ["1432793754507923461"]
    assert account.rejected == [(3, "the id '1.2E+17' was turned into a float (by Excel?): "
                                    "digits are lost")]


def test_file_cut_off_mid_row_keeps_the_rest(tmp_path: Path) -> None:
    path = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261031_en.csv", [
        ["1", "https://twitter.com/brand/status/1", "ok", "2026-10-02 10:00 +0000", "1", "1",
         "1", "0", "0", "1"],
    ])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('"2","https://twitter.com/brand/status/2","cut')
    store, (account,) = _import(tmp_path, path)
    assert store.load("posts")["post_id"].tolist() == ["1"]
    assert account.rows_read == 2 and len(account.rejected) == 1
    assert account.rejected[0][0] == 3 and "fields" in account.rejected[0][1]


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    path = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261031_en.csv",
                  [["1", "x", "y", "10"]], header=["Tweet id", "Tweet permalink", "Tweet text",
                                                   "impressions"])
    with pytest.raises(ImportFailed) as err:
        _import(tmp_path, path)
    assert path.name in str(err.value) and "column 'time'" in str(err.value)
    assert not Store(tmp_path / "store").exists()


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="format not recognised"):
        detect(odd)
    with pytest.raises(ImportFailed, match="no such file"):
        _import(tmp_path, tmp_path / "missing.csv")


def test_utf16_insight_file(tmp_path: Path) -> None:
    store, (account,) = _import(tmp_path, FIXTURES / "handcalc" / "exports" /
                                "instagram_followers.csv")
    daily = store.load("account_daily")
    assert account.format == "meta_insight" and account.kept == 5
    assert daily["followers"].tolist() == [950, 980, 1000, 1060, 1100]
    assert set(daily["platform"]) == {"instagram"}


def test_reimport_changes_nothing_and_overlap_keeps_newest_metrics(tmp_path: Path) -> None:
    exports = FIXTURES / "handcalc" / "exports"
    store, _ = _import(tmp_path, exports)
    version = store.version
    _, accounts = _import(tmp_path, exports)
    assert store.version == version
    assert all(a.kept == a.rows_read - len(a.rejected) and a.duplicate == 0 for a in accounts)

    older = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261015_en.csv", [
        ["7", "https://twitter.com/brand/status/7", "t", "2026-10-02 10:00 +0000", "100", "1",
         "1", "0", "0", "1"]])
    newer = _x_csv(tmp_path / "tweet_activity_metrics_brand_20261001_20261031_en.csv", [
        ["7", "https://twitter.com/brand/status/7", "t", "2026-10-02 10:00 +0000", "250", "1",
         "1", "0", "0", "9"]])
    _import(tmp_path, newer)
    _, (account,) = _import(tmp_path, older)  # imported later, but its metrics are older
    posts = store.load("posts").set_index("post_id")
    assert account.duplicate == 1
    assert posts.loc["7", "impressions"] == 250 and posts.loc["7", "reactions"] == 9


def test_a_failing_file_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store, _ = _import(tmp_path, FIXTURES / "handcalc" / "exports" / "instagram_posts.csv")
    before = store.load("posts")
    bad = tmp_path / "comments_1.json"
    bad.write_text('{"data": [{"id": "1", "text": "hi", "timestamp": "2026-10-01T00:00:00+0000"',
                   encoding="utf-8")
    with pytest.raises(ImportFailed, match="not valid JSON"):
        _import(tmp_path, FIXTURES / "handcalc" / "exports" / "comments_18000000000000001.json",
                bad)
    assert store.load("posts").equals(before)
    assert store.load("messages").empty


def test_discord_export_keeps_reply_links(tmp_path: Path) -> None:
    doc = {
        "guild": {"id": "1", "name": "G"}, "channel": {"id": "55", "name": "general"},
        "messages": [
            {"id": "900000000000000101", "type": "Default", "timestamp":
             "2026-10-02T10:00:00.000-04:00", "content": "how do I join?",
             "author": {"id": "700000000000000001", "name": "ann", "isBot": False}},
            {"id": "900000000000000102", "type": "Reply", "timestamp":
             "2026-10-02T10:05:00.000-04:00", "content": "<b>like this</b>",
             "author": {"id": "700000000000000002", "name": "bob", "isBot": False},
             "reference": {"messageId": "900000000000000101"},
             "reactions": [{"emoji": {"name": "👍"}, "count": 2}]},
            {"id": "900000000000000103", "type": "Default", "content": "no time"},
        ],
    }
    path = tmp_path / "G - general [55].json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    store, (account,) = _import(tmp_path, path)
    m = store.load("messages").set_index("message_id")
    assert m.loc["900000000000000102", "parent_id"] == "900000000000000101"
    assert m.loc["900000000000000102", "likes"] == 2
    assert m.loc["900000000000000101", "created_at"].isoformat() == "2026-10-02T14:00:00+00:00"
    assert account.rows_read == 3 and account.kept == 2 and account.rejected[0][0] == 3


def test_zip_archives_are_walked_and_climbing_paths_refused(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "export.zip"
    exports = FIXTURES / "handcalc" / "exports"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(exports / "instagram_posts.csv", "nested/folder/instagram_posts.csv")
        bundle.writestr("../../escape.csv", "Tweet id,time,impressions\n1,x,1\n")
    said: list[str] = []
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, PLAYBOOK, [archive], say=said.append)
    assert account.kept == 4 and len(store.load("posts")) == 4
    assert any("refused '../../escape.csv'" in line for line in said)
    assert not (tmp_path.parent / "escape.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.zip", "store"]


def test_the_users_files_are_never_modified(tmp_path: Path) -> None:
    import hashlib
    import shutil

    exports = tmp_path / "exports"
    shutil.copytree(FIXTURES / "handcalc" / "exports", exports)

    def state() -> dict[str, tuple[str, int]]:
        return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
                for p in sorted(exports.iterdir())}

    before = state()
    _import(tmp_path, exports)
    _import(tmp_path, exports)
    assert state() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "store"]


@pytest.mark.parametrize(("local", "utc"), [
    ("03/08/2026 02:30", "2026-03-08T06:30:00+00:00"),  # spring forward: 02:30 never happens
    ("11/01/2026 01:30", "2026-11-01T05:30:00+00:00"),  # fall back: 01:30 happens twice
    ("11/01/2026 03:00", "2026-11-01T08:00:00+00:00"),  # after the change: EST
])
def test_local_times_at_both_dst_changes_take_the_earlier_instant(
    tmp_path: Path, local: str, utc: str
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text('"Post ID","Account ID","Account username","Description","Publish time",'
                    '"Date","Views","Likes","Comments"\n'
                    f'"18000000000000077","17841400000000009","handcalcbakery","x","{local}",'
                    '"Lifetime","10","1","0"\n', encoding="utf-8-sig")
    store, (account,) = _import(tmp_path, path)
    assert store.load("posts")["created_at"].iloc[0].isoformat() == utc
    shifted = any("DST change" in note for note in account.notes)
    assert shifted == (local != "11/01/2026 03:00")


def test_hex_like_ids_are_not_mistaken_for_floats() -> None:
    from communitykit.importers.values import parse_id

    assert parse_id("66e0000000000000000000a1") == "66e0000000000000000000a1"
    assert parse_id("66e00001") == "66e00001"
    with pytest.raises(ValueError, match="turned into a float"):
        parse_id("1.23457E+17")
