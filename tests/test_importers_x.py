"""X importers: the account archive, the 2024+ analytics exports and the legacy samples."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
from communitykit.importers import REGISTRY
from communitykit.importers.base import ImportResult, SourceContext, head_text
from communitykit.importers.x import (
    XContent2024,
    XDailyActivity,
    XOverview2024,
    XTweetActivity,
)
from communitykit.importers.x_archive import XArchiveTweets
from communitykit.ingest import import_exports
from communitykit.store import Store
from communitykit.tables import REQUIRED, conform

IMPORTERS = tuple(REGISTRY[name] for name in (
    "x_archive_tweets", "x_content_2024", "x_overview_2024"))

FIXTURES = Path(__file__).parent / "fixtures"
PLAYBOOK = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
SAMPLES = FIXTURES / "exports" / "twitter"
ARCHIVE = SAMPLES / "tweets.js"
ACTIVITY = SAMPLES / "tweet_activity_metrics_AcmeResearch_20210801_20210901_en.csv"
DAILY = SAMPLES / "daily_tweet_activity_metrics_AcmeResearch_20210801_20210901_en.csv"
BERLIN = SourceContext(ZoneInfo("Europe/Berlin"))
UTC = SourceContext(ZoneInfo("UTC"))

CONTENT_HEADER = ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,"
                  "Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,"
                  "Hashtag Clicks,Permalink Clicks")
OVERVIEW_HEADER = ("Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,"
                   "Replies,Reposts,Profile visits,Create Post,Video views,Media views")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _claimed_by(path: Path) -> list[str]:
    """Every registered importer whose sniff claims the file."""
    head = head_text(path)
    return [i.name for i in REGISTRY.values() if i.sniff(path, head)]


def _table(result: ImportResult, name: str) -> pd.DataFrame:
    """A result table conformed to the schema, with every required value present."""
    frame = conform(result.tables[name], name)
    assert not frame[REQUIRED[name]].isna().any().any()
    return frame


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# --- the account archive (data/tweets.js) ------------------------------------------------


def test_archive_sample_splits_posts_and_replies() -> None:
    assert _claimed_by(ARCHIVE) == ["x_archive_tweets"]
    result = XArchiveTweets().read(ARCHIVE, UTC)
    account = result.account
    assert account.rows_read == 18 and not account.rejected
    posts = _table(result, "posts")
    assert posts["post_id"].tolist() == ["2029604193200152772", "2029590011872456887",
                                         "2001571772517253131", "1977058079918461055"]
    assert posts["kind"].tolist() == ["repost", "repost", "repost", pd.NA]
    original = posts.iloc[3]
    assert original["created_at"] == _utc("2025-10-11 17:05:52")
    assert original["text"] == "Invented sample text number 10. #sampletag"
    assert original["reactions"] == 0 and original["shares"] == 0
    assert original["permalink"] == "https://x.com/i/web/status/1977058079918461055"

    replies = _table(result, "messages")
    assert len(replies) == 14 and set(replies["kind"]) == {"reply"}
    first = replies.iloc[0]
    assert first["message_id"] == "2029905358261502168"
    assert first["parent_id"] == "2029903943413772741"
    assert first["created_at"] == _utc("2026-03-06 13:02:05")
    liked = replies.set_index("message_id").loc["2029594138174210129"]
    assert liked["likes"] == 1 and liked["parent_id"] == "2029474547875840042"
    assert set(replies["author_id"]) == {"self"} and set(posts["author_id"]) == {"self"}
    assert any("declare the account in the playbook" in n for n in account.notes)
    assert any("3 retweets" in n for n in account.notes)


def test_archive_owner_comes_from_account_js_beside_it(tmp_path: Path) -> None:
    path = Path(shutil.copy(ARCHIVE, tmp_path / "tweets.js"))
    account_js = [{"account": {"email": "owner@example.org", "accountId": "1900000000000000001",
                               "username": "acme_lab", "accountDisplayName": "Acme Lab"}}]
    _write(tmp_path / "account.js",
           "window.YTD.account.part0 = " + json.dumps(account_js, indent=2))
    result = XArchiveTweets().read(path, UTC)
    posts, replies = _table(result, "posts"), _table(result, "messages")
    assert set(replies["author_id"]) == {"1900000000000000001"}
    assert set(replies["author_name"]) == {"acme_lab"}
    assert set(posts["account_id"]) == {"acme_lab"}
    assert posts["permalink"].iloc[0] == "https://x.com/acme_lab/status/2029604193200152772"
    assert "archive owner @acme_lab (id 1900000000000000001) read from account.js" in (
        result.account.notes)


def _tweet(tweet_id: str, when: str, reply_to: str | None = None, likes: str = "0") -> dict:
    tweet = {"id_str": tweet_id, "created_at": when, "full_text": f"text {tweet_id}",
             "favorite_count": likes, "retweet_count": "2"}
    if reply_to:
        tweet |= {"in_reply_to_status_id_str": reply_to, "in_reply_to_screen_name": "someone"}
    return tweet


def test_archive_variants_and_a_bad_tweet(tmp_path: Path) -> None:
    # older archives: tweet.js, window.YTD.tweet.part0, bare tweet objects
    old = _write(tmp_path / "tweet.js", "window.YTD.tweet.part0 = " + json.dumps([
        _tweet("1111111111111111111", "Fri Feb 20 09:10:58 +0000 2026", likes="5"),
        _tweet("1111111111111111112", "Fri Feb 20 09:12:00 +0000 2026", "1111111111111111111"),
    ]))
    # large archives are split: tweets-part1.js holds window.YTD.tweets.part1
    part = _write(tmp_path / "tweets-part1.js", "window.YTD.tweets.part1 = " + json.dumps([
        {"tweet": _tweet("12345678901234567890", "Sun Mar 29 01:30:00 +0000 2026")},
        {"tweet": _tweet("2", "2026-03-29 01:30")},
        "not a tweet",
        {"tweet": {"created_at": "Sun Mar 29 01:30:00 +0000 2026"}},
    ]) + ";\n")
    deleted = _write(tmp_path / "deleted-tweets.js", "window.YTD.deleted_tweets.part0 = []")
    assert _claimed_by(old) == _claimed_by(part) == ["x_archive_tweets"]
    assert "x_archive_tweets" not in _claimed_by(deleted)

    result = XArchiveTweets().read(old, UTC)
    post = _table(result, "posts").iloc[0]
    assert (post["post_id"], post["reactions"], post["shares"]) == ("1111111111111111111", 5, 2)
    assert post["created_at"] == _utc("2026-02-20 09:10:58")
    reply = _table(result, "messages").iloc[0]
    assert (reply["message_id"], reply["parent_id"]) == ("1111111111111111112",
                                                         "1111111111111111111")

    result = XArchiveTweets().read(part, UTC)
    assert _table(result, "posts")["post_id"].tolist() == ["12345678901234567890"]
    assert result.account.rows_read == 4
    assert result.account.rejected == [
        (2, "tweet 2: created_at '2026-03-29 01:30' is not like 'Fri Feb 20 09:10:58 +0000 2026'"),
        (3, "tweet 3: the item is not a tweet object"),
        (4, "tweet 4: no 'id_str' field"),
    ]


def test_archive_owner_named_in_the_tweets(tmp_path: Path) -> None:
    tweet = _tweet("5", "Fri Feb 20 09:10:58 +0000 2026") | {"user_id_str": "42",
                                                             "screen_name": "brand"}
    path = _write(tmp_path / "tweets.js", "window.YTD.tweets.part0 = " + json.dumps([tweet]))
    posts = _table(XArchiveTweets().read(path, UTC), "posts")
    assert (posts["author_id"].iloc[0], posts["account_id"].iloc[0]) == ("42", "brand")


def test_archive_that_is_not_json_fails_with_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "tweets.js", "window.YTD.tweets.part0 = [ {\"tweet\": ")
    with pytest.raises(ImportFailed, match="not valid JSON") as err:
        XArchiveTweets().read(path, UTC)
    assert str(path) in str(err.value)


# --- 2024+ analytics: account_analytics_content_*.csv -------------------------------------


def _content_csv(tmp_path: Path) -> Path:
    link = "https://x.com/acme/status/"
    return _write(tmp_path / "account_analytics_content_2026-02-01_2026-07-15.csv", "\n".join([
        CONTENT_HEADER,
        f'2077000000000000001,"Tue, Jul 14, 2026",Summer launch,{link}2077000000000000001,'
        '"1,234",12,40,3,1,2,4,5,6,7,8,0,9',
        f'2077000000000000002,"Sun, Mar 1, 2026","Text, with a comma",{link}2077000000000000002,'
        "57,-,,0,0,-,,1,0,0,,0,0",
        f'2.077E+18,"Mon, Mar 2, 2026",Excel damaged id,{link}2077000000000000003,'
        "10,1,1,0,0,0,0,0,0,0,0,0,0",
        '2.077E+18,"Mon, Mar 2, 2026",no link to recover from,,10,1,1,0,0,0,0,0,0,0,0,0,0',
        f'2077000000000000005,2026-13-45,bad date,{link}2077000000000000005,'
        "1,0,0,0,0,0,0,0,0,0,0,0,0",
    ]) + "\n")


def test_content_2024_posts_with_local_midnight(tmp_path: Path) -> None:
    path = _content_csv(tmp_path)
    assert _claimed_by(path) == ["x_content_2024"]
    result = XContent2024().read(path, BERLIN)
    account = result.account
    assert account.rows_read == 5
    assert account.rejected == [
        (5, "the id '2.077E+18' was turned into a float (by Excel?): digits are lost"),
        (6, "date '2026-13-45' is not like Tue, Jul 14, 2026"),
    ]
    posts = _table(result, "posts").set_index("post_id")
    assert posts.index.tolist() == ["2077000000000000001", "2077000000000000002",
                                    "2077000000000000003"]
    summer = posts.loc["2077000000000000001"]
    assert summer["created_at"] == _utc("2026-07-13 22:00")  # midnight CEST
    assert (summer["impressions"], summer["reactions"], summer["comments"], summer["shares"],
            summer["saves"], summer["clicks"], summer["follows"]) == (1234, 12, 4, 5, 3, 8, 2)
    assert (summer["account_id"], summer["author_id"]) == ("acme", "acme")
    winter = posts.loc["2077000000000000002"]
    assert winter["created_at"] == _utc("2026-02-28 23:00")  # midnight CET
    assert winter["text"] == "Text, with a comma"
    assert pd.isna(winter["reactions"]) and pd.isna(winter["comments"])
    assert pd.isna(winter["follows"]) and pd.isna(winter["clicks"])
    assert (winter["impressions"], winter["shares"], winter["saves"]) == (57, 1, 0)
    assert any("no time of day" in n or "not the time" in n for n in account.notes)
    assert any("shares = Reposts" in n for n in account.notes)


def test_content_2024_columns_may_vary_but_impressions_is_required(tmp_path: Path) -> None:
    short = _write(tmp_path / "content.csv",
                   "Post id,Date,Post text,Post Link,Impressions,Engagements,New follows\n"
                   '111,"Fri, Jun 5, 2026","@someone nice",https://x.com/u/status/111,'
                   '"1,234",2,1\n')
    assert _claimed_by(short) == ["x_content_2024"]
    post = _table(XContent2024().read(short, UTC), "posts").iloc[0]
    assert (post["post_id"], post["impressions"], post["follows"]) == ("111", 1234, 1)
    assert post["created_at"] == _utc("2026-06-05") and pd.isna(post["reactions"])

    missing = _write(tmp_path / "content2.csv", "Post id,Date,Post text,Likes\n1,x,y,2\n")
    with pytest.raises(ImportFailed, match="column 'impressions'") as err:
        XContent2024().read(missing, UTC)
    assert str(missing) in str(err.value)


# --- 2024+ analytics: account_overview_analytics.csv --------------------------------------


def test_overview_2024_daily_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "account_overview_analytics.csv", "\n".join([
        OVERVIEW_HEADER,
        '"Tue, Jul 14, 2026","1,234",24,43,0,1,5,2,1,1,2,3,0,0',
        '"Mon, Jul 13, 2026",2199,12,-,0,0,,0,2,0,0,2,0,0',
        '"Sun, Jul 12, 2026",336,2,15,0,0,0,1,2,0,1,1,0,0',
        "Total,3769,38,58,0,1,5,3,5,1,3,6,0,0",
        '"Jul 11th, 2026",1,0,0,0,0,0,0,0,0,0,0,0,0',
    ]) + "\n")
    assert _claimed_by(path) == ["x_overview_2024"]
    result = XOverview2024().read(path, BERLIN)
    assert result.account.rows_read == 4
    assert result.account.rejected == [(6, "date 'Jul 11th, 2026' is not like Tue, Jul 14, 2026")]
    assert "the Total row (line 5) skipped" in result.account.notes
    daily = _table(result, "account_daily").set_index("date")
    assert daily.index.tolist() == [pd.Timestamp("2026-07-14"), pd.Timestamp("2026-07-13"),
                                    pd.Timestamp("2026-07-12")]
    first = daily.loc[pd.Timestamp("2026-07-14")]
    assert (first["impressions"], first["engagements"], first["followers_gained"],
            first["followers_lost"], first["posts_published"]) == (1234, 43, 5, 2, 3)
    second = daily.loc[pd.Timestamp("2026-07-13")]
    assert pd.isna(second["engagements"]) and pd.isna(second["followers_gained"])
    assert daily.loc[pd.Timestamp("2026-07-12"), "followers_lost"] == 1
    assert set(daily["platform"]) == {"x"}


# --- legacy analytics (tweet_activity_metrics), real samples ------------------------------


def test_favorites_era_file_reads_reactions_from_favorites(tmp_path: Path) -> None:
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions",
              "engagements", "engagement rate", "retweets", "replies", "favorites",
              "user profile clicks", "url clicks"]
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL)
    writer.writerows([header, [
        "600000000000000001", "https://twitter.com/brand/status/600000000000000001",
        "old tweet", "2015-05-18 08:05 +0000", "424.0", "20.0", "0.047", "2.0", "1.0", "7.0",
        "3.0", "4.0"]])
    path = _write(tmp_path / "tweet_activity_metrics_brand_20150501_20150601_en.csv",
                  buf.getvalue())
    assert _claimed_by(path) == ["x_tweet_activity"]
    post = _table(XTweetActivity().read(path, UTC), "posts").iloc[0]
    assert (post["post_id"], post["reactions"], post["shares"], post["comments"],
            post["impressions"]) == ("600000000000000001", 7, 2, 1, 424)
    assert post["created_at"] == _utc("2015-05-18 08:05")


def test_real_tweet_activity_sample() -> None:
    assert _claimed_by(ACTIVITY) == ["x_tweet_activity"]
    result = XTweetActivity().read(ACTIVITY, UTC)
    assert result.account.rows_read == 40 and not result.account.rejected
    posts = _table(result, "posts")
    assert len(posts) == 40 and posts["post_id"].str.len().eq(19).all()
    assert posts["post_id"].iloc[0] == "1432793754507923461"
    assert posts["post_id"].iloc[-1] == "1431622419941298188"
    assert set(posts["account_id"]) == {"AcmeResearch"}
    row = posts.set_index("post_id").loc["1432745435295371269"]
    assert row["created_at"] == _utc("2021-08-31 16:41")
    assert (row["impressions"], row["shares"], row["comments"], row["reactions"],
            row["clicks"]) == (110, 0, 1, 1, 7)
    assert row["permalink"] == "https://twitter.com/AcmeResearch/status/1432745435295371269"
    assert (posts["metrics_as_of"] == _utc("2021-09-01")).all()


def test_real_daily_activity_sample() -> None:
    assert _claimed_by(DAILY) == ["x_daily_activity"]
    result = XDailyActivity().read(DAILY, UTC)
    assert result.account.rows_read == 31 and not result.account.rejected
    daily = _table(result, "account_daily")
    assert daily["date"].tolist() == list(pd.date_range("2021-08-01", "2021-08-31"))
    assert int(daily["posts_published"].sum()) == 357
    assert int(daily["impressions"].sum()) == 1639423
    assert int(daily["followers_gained"].sum()) == 3
    first = daily.iloc[0]
    assert (first["impressions"], first["engagements"], first["posts_published"]) == (1088, 13, 0)
    assert set(daily["account_id"]) == {"AcmeResearch"}


def test_ingest_keeps_every_row_of_the_new_formats(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for importer in IMPORTERS:  # registration is the lead's; detection here is by sniff
        monkeypatch.setitem(REGISTRY, importer.name, importer)
    exports = tmp_path / "exports"
    exports.mkdir()
    shutil.copy(ARCHIVE, exports / "tweets.js")
    _content_csv(exports)
    _write(exports / "account_overview_analytics.csv",
           OVERVIEW_HEADER + '\n"Tue, Jul 14, 2026","1,234",24,43,0,1,5,2,1,1,2,3,0,0\n')
    store = Store(tmp_path / "store")
    accounts = import_exports(store, PLAYBOOK, [exports], say=lambda _: None)
    found = {Path(a.file).name: (a.format, a.rows_read, a.kept, len(a.rejected))
             for a in accounts}
    assert found == {
        "tweets.js": ("x_archive_tweets", 18, 18, 0),
        "account_analytics_content_2026-02-01_2026-07-15.csv": ("x_content_2024", 5, 3, 2),
        "account_overview_analytics.csv": ("x_overview_2024", 1, 1, 0),
    }
    assert len(store.load("messages")) == 14 and len(store.load("posts")) == 7
