"""Every real sample in ../shared/data/exports imports with the expected rows, or is
refused with its documented reason (the copies under tests/fixtures/exports are tested
field by field in the importer tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
from communitykit.importers import ImportAccount
from communitykit.ingest import import_exports
from communitykit.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "exports"
PLAYBOOK = playbook.load(ROOT / "playbooks" / "demo" / "playbook.yaml")

IMPORTED = {  # file: (format, rows read, rows kept)
    "discord/chat-analytics_DM_2A_2M.json": ("discord_json", 3, 3),
    "discord/chat-analytics_GC_3A_5M.json": ("discord_json", 6, 6),
    "discord/chat-analytics_SV_5A_5M.json": ("discord_json", 5, 4),  # one id appears twice
    "douyin/douyin_comment_list_api_response.json": ("cn_comments", 10, 10),
    "messenger/chat-analytics_2A_7M.json": ("messenger_json", 7, 7),
    "meta/trialpromoter_facebook_insights_MODIFIED_header.csv": (
        "facebook_insights_legacy", 3, 3),
    "slack/export_layout/random/2017-06-25.json": ("slack_export", 1, 1),
    "slack/zulip_normal_thread.json": ("slack_export", 4, 4),
    "telegram/chat-analytics_DM_2A_7M.json": ("telegram_json", 6, 6),
    "twitter/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv": (
        "x_daily_activity", 31, 31),
    "twitter/tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv": (
        "x_tweet_activity", 356, 356),
    "twitter/tweets.js": ("x_archive_tweets", 300, 300),
    "youtube/Layla-Damoyi_Table_data.csv": ("youtube_studio", 6, 6),
    "youtube/kenjee_All_Comments_Final_first2000.csv": ("youtube_comments", 2000, 2000),
}
REFUSED = {  # file: the documented reason (docs/sources.md)
    "meta/trialpromoter_facebook_ads_manager.csv": "Facebook Ads Manager report",
    "meta/trialpromoter_manual_moderation_log_facebook_comments2.xlsx":
        "hand-kept moderation log",
    "twitter_ads/2017-04-01-to-2017-04-30-6hm1atwrnaio.xlsx": "X Ads export",
    # a workspace's user list alone: metadata read along with the channels, no rows
    "slack/export_layout/users.TRIMMED.json": "no data rows",
}

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/ beside the checkout")


def test_every_sample_is_listed() -> None:
    found = {str(p.relative_to(SHARED)) for p in SHARED.rglob("*")
             if p.is_file() and p.name != "SOURCES.md"}
    assert found == set(IMPORTED) | set(REFUSED)


UNCHECKED = {  # samples that show no account to check against the playbook
    "twitter/tweets.js",  # an X archive whose owner neither the tweets nor account.js name
}


@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_sample_imports(name: str, tmp_path: Path) -> None:
    (account,) = import_exports(Store(tmp_path), PLAYBOOK, [SHARED / name], say=lambda _: None)
    assert (account.format, account.rows_read, account.kept) == IMPORTED[name]
    assert account.rejected == []
    # none is the demo client's: each one that shows accounts is warned about
    warned = [n for n in account.notes if n.startswith("accounts do not match the playbook")]
    assert len(warned) == (0 if name in UNCHECKED else 1)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_sample_refused_with_its_reason(name: str, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=REFUSED[name]):
        import_exports(Store(tmp_path), PLAYBOOK, [SHARED / name], say=lambda _: None)


# --- damaged copies of real samples (issue 16): only the damaged rows go ------------------

TWEETS = "twitter/tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv"
COMMENTS = "youtube/kenjee_All_Comments_Final_first2000.csv"


def _rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((SHARED / name).read_text(encoding="utf-8-sig"))))


def _write(path: Path, rows: list[list[str]], newline: str = "\r\n", bom: str = "") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator=newline).writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(bom + buffer.getvalue(), encoding="utf-8", newline="")
    return path


def _load(path: Path, tmp_path: Path) -> tuple[Store, ImportAccount]:
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, PLAYBOOK, [path], say=lambda _: None)
    return store, account


def test_real_tweets_with_bad_values_lose_only_those_rows(tmp_path: Path) -> None:
    rows = _rows(TWEETS)
    column = {name: i for i, name in enumerate(rows[0])}
    rows[5][column["impressions"]] = "Infinity"  # file row 6
    rows[9][column["likes"]] = "1e999"  # row 10
    rows[20][column["retweets"]] = "99999999999999999999999"  # row 21
    rows[30][column["time"]] = "9999-12-31 23:59 +0000"  # row 31
    rows[40][column["time"]] = "1600-01-01 00:00 +0000"  # row 41
    rows[50][column["replies"]] = "2.5"  # row 51
    rows[60][column["impressions"]] = "-100"  # row 61: kept, the value dropped
    rows[70][column["likes"]] = "-5"  # row 71: kept, the value dropped
    store, account = _load(_write(tmp_path / TWEETS.split("/")[1], rows), tmp_path)
    assert account.rows_read == 356 and account.kept == 350
    assert [row for row, _ in account.rejected] == [6, 10, 21, 31, 41, 51]
    posts = store.load("posts").set_index("post_id")
    assert pd.isna(posts.loc[rows[60][0], "impressions"])
    assert pd.isna(posts.loc[rows[70][0], "reactions"])
    assert sum("negative value dropped" in note for note in account.repairs) == 2


def test_real_tweets_pasted_twice_with_a_bom_count_each_post_once(tmp_path: Path) -> None:
    rows = _rows(TWEETS)
    text = (SHARED / TWEETS).read_text(encoding="utf-8-sig")
    path = tmp_path / TWEETS.split("/")[1]
    path.write_text("\ufeff" + text + "\ufeff" + text, encoding="utf-8", newline="")
    store, account = _load(path, tmp_path)
    assert account.rows_read == 712 and account.kept == 356 and account.duplicate == 356
    assert sorted(store.load("posts")["post_id"]) == sorted(r[0] for r in rows[1:])
    assert any(note.startswith("byte-order marks removed") for note in account.repairs)


def test_real_comments_as_a_cr_only_file_and_with_bare_crs(tmp_path: Path) -> None:
    rows = _rows(COMMENTS)
    store, account = _load(_write(tmp_path / "cr" / "comments.csv", rows, newline="\r"),
                           tmp_path / "cr")
    assert (account.format, account.rows_read, account.kept) == ("youtube_comments", 2000, 2000)
    path = _write(tmp_path / "lf" / "comments.csv", rows, newline="\n")
    text = path.read_text(encoding="utf-8")
    target = f'"{rows[700][0]}"'  # row 701: the comment unquoted, with two bare CRs
    assert text.count(target) == 1 and '"' not in rows[700][0] and "," not in rows[700][0]
    path.write_text(text.replace(target, rows[700][0].replace("\n", " ") + "\r\rmore"),
                    encoding="utf-8", newline="")
    store, account = _load(path, tmp_path / "lf")
    assert account.rows_read == 2000 and account.kept == 1999
    assert [row for row, _ in account.rejected] == [701]
