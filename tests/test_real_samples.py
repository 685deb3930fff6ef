"""Every real sample in ../shared/data/exports imports with the expected rows, or is
refused with its documented reason (the copies under tests/fixtures/exports are tested
field by field in the importer tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
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
    "slack/export_layout/users.TRIMMED.json": ("slack_export", 0, 0),
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
}

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/ beside the checkout")


def test_every_sample_is_listed() -> None:
    found = {str(p.relative_to(SHARED)) for p in SHARED.rglob("*")
             if p.is_file() and p.name != "SOURCES.md"}
    assert found == set(IMPORTED) | set(REFUSED)


UNCHECKED = {  # samples that show no account to check against the playbook
    "slack/export_layout/users.TRIMMED.json",  # metadata, no rows
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
