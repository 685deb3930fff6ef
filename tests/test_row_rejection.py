"""A bad value rejects its row, never the file (issue 16): counts, dates, surrogates,
negative counts, byte-order marks inside a file, duplicated headers, line endings.

Every fixture is small and built here; each expected number is counted by hand from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.importers import ImportAccount
from communitykit.importers.rows import csv_rows, records, reject_rows
from communitykit.importers.settle import settle
from communitykit.importers.values import parse_count
from communitykit.ingest import import_exports
from communitykit.store import Store
from malformed import crm_sources

FIXTURES = Path(__file__).parent / "fixtures"
PLAYBOOK = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
X_NAME = "tweet_activity_metrics_brand_20261001_20261031_en.csv"
X_HEADER = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "likes"]
META_HEADER = ["Post ID", "Account ID", "Account username", "Publish time", "Description",
               "Impressions", "Reach", "Likes", "Comments"]


def _csv(rows: list[list[str]], newline: str = "\n", quoting: int = csv.QUOTE_MINIMAL) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline, quoting=quoting).writerows(rows)
    return buffer.getvalue()


def _tweet(number: int, when: str = "2026-10-02 10:00 +0000", impressions: str = "100",
           likes: str = "5") -> list[str]:
    return [str(number), f"https://x.com/brand/status/{number}", f"t{number}", when,
            impressions, likes]


def _post(number: int, impressions: str = "100", likes: str = "5") -> list[str]:
    return [f"1800000000000000{number:02d}", "17841400000000009", "handcalcbakery",
            "10/02/2026 10:00", f"post {number}", impressions, "80", likes, "1"]


def _import(tmp_path: Path, name: str, content: str | bytes,
            book: playbook.Playbook = PLAYBOOK) -> tuple[Store, ImportAccount]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, book, [path], say=lambda _: None)
    return store, account


# ------------------------------------------------------------------------------ counts

@pytest.mark.parametrize(("text", "expected"), [
    ("424", 424), ("424.0", 424), ("1,234", 1234), ("-3", -3), ("42%", 42), ("", None),
    ("-", None), ("undefined", None), ("NaN", None), ("9223372036854775807", 2**63 - 1),
])
def test_counts_that_are_read(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("Infinity", "the count 'Infinity' is not a finite number"),
    ("1e999", "the count '1e999' is not a finite number"),
    ("-inf", "the count '-inf' is not a finite number"),
    ("9223372036854775808", "the count '9223372036854775808' is too large"),
    ("1e30", "the count '1e30' is too large"),
    ("2.5", "the count '2.5' is not a whole number"),
    ("3.7", "the count '3.7' is not a whole number"),
    ("twelve", "'twelve' is not a number"),
])
def test_counts_that_reject_their_row(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_count(text)
    assert str(caught.value).startswith(reason)


def test_bad_counts_reject_their_rows_and_keep_the_others(tmp_path: Path) -> None:
    rows = [X_HEADER, _tweet(1), _tweet(2, impressions="Infinity"), _tweet(3, likes="1e999"),
            _tweet(4, impressions="18446744073709551616"), _tweet(5, likes="2.5"),
            _tweet(6, impressions="NaN"), _tweet(7)]
    store, account = _import(tmp_path, X_NAME, _csv(rows))
    assert account.rows_read == 7 and account.kept == 3
    assert [row for row, _ in account.rejected] == [3, 4, 5, 6]
    assert "'Infinity' is not a finite number" in account.rejected[0][1]
    assert "'18446744073709551616' is too large" in account.rejected[2][1]
    assert "'2.5' is not a whole number" in account.rejected[3][1]
    posts = store.load("posts").set_index("post_id")
    assert sorted(posts.index) == ["1", "6", "7"]
    assert pd.isna(posts.loc["6", "impressions"]) and posts.loc["7", "impressions"] == 100


def test_negative_counts_are_dropped_with_a_note_and_the_rows_kept(tmp_path: Path) -> None:
    rows = [META_HEADER, _post(1), _post(2, impressions="-100"), _post(3, likes="-5"),
            _post(4, impressions="-1", likes="-1")]
    store, account = _import(tmp_path, "instagram_posts.csv", _csv(rows))
    assert account.kept == 4 and account.rejected == []
    posts = store.load("posts").sort_values("post_id")
    assert posts["impressions"].tolist()[0] == 100 and posts["impressions"].isna().sum() == 2
    assert posts["reactions"].isna().sum() == 2 and int(posts["reactions"].sum()) == 10
    assert "impressions: 2 negative values dropped, the rows kept (rows 3, 5): a count cannot " \
           "be negative" in account.repairs
    assert any(n.startswith("reactions: 2 negative values dropped") and "rows 4, 5" in n
               for n in account.repairs)
    logged = account.as_dict()  # what the store's log and the report's appendix show
    assert set(account.repairs) <= set(logged["notes"]) and logged["repairs"] == account.repairs


def test_negative_net_changes_and_scores_are_kept(tmp_path: Path) -> None:
    daily = [["Date", "Tweets published", "impressions", "engagements", "follows"],
             ["2026-10-01", "1", "100", "10", "-3"], ["2026-10-02", "0", "90", "9", "4"]]
    store, account = _import(tmp_path, "daily_tweet_activity_metrics_brand_20261001_20261031"
                             "_en.csv", _csv(daily))
    assert store.load("account_daily")["followers_gained"].tolist() == [-3, 4]
    assert account.repairs == []
    reddit = [{"id": "c1", "author": "ana", "body": "meh", "created_utc": 1790848800,
               "link_id": "t3_p1", "parent_id": "t3_p1", "subreddit": "acme", "score": -4}]
    store, account = _import(tmp_path / "r", "acme.jsonl",
                             "\n".join(json.dumps(i) for i in reddit) + "\n")
    assert store.load("messages")["likes"].tolist() == [-4]


# ------------------------------------------------------------------------------- dates

def test_dates_the_store_cannot_hold_reject_their_rows(tmp_path: Path) -> None:
    rows = [X_HEADER, _tweet(1), _tweet(2, when="1600-01-01 10:00 +0000"),
            _tweet(3, when="9999-12-31 23:59 +0000"), _tweet(4)]
    store, account = _import(tmp_path, X_NAME, _csv(rows))
    assert account.kept == 2 and [r for r, _ in account.rejected] == [3, 4]
    assert account.rejected[0][1] == ("created_at 1600-01-01 is outside the years 1678 to "
                                      "2261 the kit can store")
    assert store.load("posts")["post_id"].tolist() == ["1", "4"]


def test_local_dates_at_the_end_of_time_reject_their_rows(tmp_path: Path) -> None:
    """9999-12-31 23:59 in New York is in the year 10000 in UTC: it used to crash."""
    text = ("AuthorID,Author,Date,Content,Attachments,Reactions\n"
            "111111111111111111,Ana,2026-10-02 10:00,hello,,\n"
            "111111111111111111,Ana,9999-12-31 23:59,end of time,,\n"
            "111111111111111111,Ana,1600-01-01 10:00,start of time,,\n")
    store, account = _import(tmp_path, "Acme - general [123456789012345678].csv", text)
    assert account.kept == 1 and [r for r, _ in account.rejected] == [3, 4]
    assert "9999-12-31 is outside the years 1678 to 2261" in account.rejected[0][1]


def test_generic_columns_reject_out_of_range_times(tmp_path: Path) -> None:
    book = playbook.load(_generic_playbook(tmp_path))
    text = ("Comment ID,Date,User,Comment,Likes\nc1,2026-10-02T10:00:00Z,ana,hi,1\n"
            "c2,1600-01-01T00:00:00Z,bo,old,1\nc3,9999-12-31 23:59,cy,late,1\n"
            "c4,2026-10-02 11:00,di,ok,99999999999999999999\nc5,2026-10-02 12:00,ed,ok,3\n")
    store, account = _import(tmp_path, "crm_comments.csv", text, book)
    assert account.kept == 2 and [r for r, _ in account.rejected] == [3, 4, 5]
    assert account.rejected[0][1].startswith("created_at 1600-01-01 is outside")
    assert "is too large" in account.rejected[2][1]
    assert store.load("messages")["message_id"].tolist() == ["c1", "c5"]


def _generic_playbook(tmp_path: Path) -> Path:
    path = tmp_path / "playbook.yaml"
    path.write_text((FIXTURES / "handcalc" / "playbook.yaml").read_text()
                    + crm_sources(more="likes: Likes"), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- surrogates

def test_a_lone_surrogate_in_json_is_replaced_and_noted(tmp_path: Path) -> None:
    doc = {"data": [
        {"id": "1", "text": "broken \ud83d emoji", "timestamp": "2026-10-02T10:00:00+0000",
         "username": "ana", "from": {"id": "11", "username": "ana"}},
        {"id": "2", "text": "whole \ud83d\ude00 emoji", "timestamp": "2026-10-02T11:00:00+0000",
         "username": "bo", "from": {"id": "12", "username": "bo"}},
    ]}
    store, account = _import(tmp_path, "comments_18000000000000000.json", json.dumps(doc))
    assert account.kept == 2 and account.rejected == []
    texts = store.load("messages").sort_values("message_id")["text"].tolist()
    assert texts == ["broken \ufffd emoji", "whole \U0001f600 emoji"]
    assert "1 text held a lone UTF-16 surrogate (half of an emoji): replaced by U+FFFD" \
        in account.repairs


def test_a_lone_surrogate_in_a_utf16_file_is_replaced_and_noted(tmp_path: Path) -> None:
    text = _csv([META_HEADER, _post(1), [*_post(2)[:4], "half \ud83d", *_post(2)[5:]]])
    store, account = _import(tmp_path, "instagram_posts.csv",
                             b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass"))
    assert account.kept == 2
    assert store.load("posts").sort_values("post_id")["text"].tolist()[1] == "half \ufffd"
    assert "1 lone UTF-16 surrogates (half of an emoji) replaced by U+FFFD (line 3)" \
        in account.repairs


# ----------------------------------------------------------------- BOMs and headers

def test_exports_pasted_together_lose_their_inner_bom_and_repeated_header(
        tmp_path: Path) -> None:
    """Two Meta exports concatenated: the second's BOM used to turn the id into
    '\\ufeff"18..."' and count post 02 twice."""
    first = "\ufeff" + _csv([META_HEADER, _post(1), _post(2)])
    second = "\ufeff" + _csv([META_HEADER, _post(2), _post(3)])
    store, account = _import(tmp_path, "instagram_posts.csv", first + second)
    posts = store.load("posts")
    assert sorted(posts["post_id"]) == ["180000000000000001", "180000000000000002",
                                        "180000000000000003"]
    assert account.rows_read == 4 and account.kept == 3 and account.duplicate == 1
    assert any(n.startswith("byte-order marks removed at the start of 1 line (line 4)")
               for n in account.repairs)
    assert "the header line repeated at row 4: skipped (exports pasted one after another?)" \
        in account.repairs


def test_a_duplicated_header_name_reads_the_first_column_with_a_note(tmp_path: Path) -> None:
    rows = [[*X_HEADER, "impressions"], [*_tweet(1, impressions="100"), "999"]]
    store, account = _import(tmp_path, X_NAME, _csv(rows))
    assert store.load("posts")["impressions"].tolist() == [100]
    assert ("the header names 'impressions' twice (columns 5 and 7): the first is read, the "
            "other ignored") in account.repairs


# ------------------------------------------------------------------------ line endings

def test_a_cr_only_file_is_read(tmp_path: Path) -> None:
    """Old Mac exports end lines with CR alone; a quoted line break stays in its field,
    an unquoted LF rejects its record (as a bare CR does in an LF file)."""
    rows = [X_HEADER, _tweet(1), [*_tweet(2)[:2], "two\rlines", *_tweet(2)[3:]], _tweet(3)]
    text = _csv(rows, newline="\r", quoting=csv.QUOTE_ALL) + '4,x,un\nquoted,y,1,1\r'
    store, account = _import(tmp_path, X_NAME, text)
    assert account.rows_read == 4 and account.kept == 3
    assert [row for row, _ in account.rejected] == [5]
    assert store.load("posts").sort_values("post_id")["text"].tolist() == [
        "t1", "two\rlines", "t3"]


def test_bare_carriage_returns_in_an_unquoted_field_reject_that_record_only() -> None:
    text = ('id,text,n\n1,fine,1\n2,"quoted\r\rcr",2\n3,bare\r\rcr,3\n4,after,4\n'
            '5,"multi\nline",5\n6,last,6\n')
    rows = csv_rows(text)
    account = ImportAccount("f.csv", "x")
    kept = records(rows, 0, account)
    assert [line for line, _ in kept] == [2, 3, 5, 6, 7]
    assert kept[1][1]["text"] == "quoted\r\rcr" and kept[3][1]["text"] == "multi\nline"
    assert account.rows_read == 6 and len(account.rejected) == 1
    row, reason = account.rejected[0]
    assert row == 4 and "a carriage return or a line feed alone" in reason
    assert "line 4 of the file" in reason


def test_support_csv_with_bare_crs_in_one_record_keeps_the_other_rows(tmp_path: Path) -> None:
    """The shape of a real 5,000-row customer-support export that used to be refused
    whole: one message holds two bare CRs outside quotes."""
    book = playbook.load(_generic_playbook(tmp_path))
    lines = ["Comment ID,Date,User,Comment,Likes"]
    for n in range(1, 5001):
        comment = "printer jams\r\ragain" if n == 2345 else f"question {n}"
        lines.append(f"c{n},2026-10-02 10:{n % 60:02d},user{n % 97},{comment},{n % 7}")
    store, account = _import(tmp_path, "crm_support.csv", "\n".join(lines) + "\n", book)
    assert account.rows_read == 5000 and account.kept == 4999
    assert [row for row, _ in account.rejected] == [2346]
    assert "line 2346 of the file" in account.rejected[0][1]
    assert len(store.load("messages")) == 4999


# ---------------------------------------------------------------------------- settle

def test_settle_rejects_what_would_break_the_store_and_names_the_column() -> None:
    frame = pd.DataFrame({
        "platform": ["x"] * 5, "post_id": ["1", "2", "3", "4", "5"],
        "created_at": [pd.Timestamp("2026-10-02", tz="UTC"),
                       pd.Timestamp("1600-01-01", tz="UTC"),
                       pd.Timestamp("2026-10-02", tz="UTC"),
                       pd.Timestamp("2026-10-02", tz="UTC"),
                       pd.Timestamp("2026-10-02", tz="UTC")],
        "impressions": pd.Series([10, 20, 2**70, 2.5, -1], dtype=object),
        "_row": [2, 3, 4, 5, 6],
    })
    account = ImportAccount("f", "x")
    out = settle(frame, "posts", account)
    assert out["post_id"].tolist() == ["1", "5"]
    assert out["impressions"].tolist()[0] == 10 and pd.isna(out["impressions"].iloc[1])
    assert account.rejected == [
        (3, "created_at 1600-01-01 is outside the years 1678 to 2261 the kit can store"),
        (4, f"impressions: {2**70} is too large for a count (the most is "
            "9,223,372,036,854,775,807)"),
        (5, "impressions: 2.5 is not a whole, finite number"),
    ]
    assert account.repairs == ["impressions: 1 negative value dropped, the rows kept (row 6): "
                             "a count cannot be negative"]


def test_reject_rows_checks_every_date_a_row_builds() -> None:
    dates = {"a": pd.NaT, "b": dt.datetime(1500, 1, 1), "c": dt.date(2300, 1, 1)}
    account = ImportAccount("f.csv", "x")
    kept = reject_rows([(2, {"k": "a"}), (3, {"k": "b"}), (4, {"k": "c"})], account,
                       lambda row: {"created_at": dates[row["k"]]})
    assert [row["_row"] for row in kept] == [2]
    assert account.rejected == [
        (3, "created_at 1500-01-01 is outside the years 1678 to 2261 the kit can store"),
        (4, "created_at 2300-01-01 is outside the years 1678 to 2261 the kit can store")]


def test_settle_reads_mixed_daily_dates_and_rejects_the_rest() -> None:
    frame = pd.DataFrame({
        "platform": ["x"] * 4, "followers": [1, 2, 3, 4],
        "date": pd.Series([pd.Timestamp("2026-01-01", tz="UTC"), pd.Timestamp("2026-01-02"),
                           "garbage", dt.date(1500, 1, 1)], dtype=object)})
    account = ImportAccount("f", "x")
    out = settle(frame, "account_daily", account)
    assert out["date"].tolist() == [pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-02")]
    assert out["followers"].tolist() == [1, 2]
    assert account.rejected == [
        (3, "date: 'garbage' is not a date"),
        (4, "date 1500-01-01 is outside the years 1678 to 2261 the kit can store")]
