"""Community importers: Discord CSV, Reddit, Slack, Telegram, Messenger, Discourse and
Chinese platforms. Exact ids, UTC times worked out by hand, every row accounted for.

Epoch anchors used below: 1790848800 = 2026-10-01 10:00:00 UTC (a Thursday);
Europe/Berlin is UTC+2 (CEST) in October 2026 and UTC+1 (CET) in March.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.errors import ImportFailed
from communitykit.importers import REGISTRY
from communitykit.importers.account import ImportAccount
from communitykit.importers.base import Importer, SourceContext, head_text
from communitykit.importers.cn_comments import CnComments
from communitykit.importers.discord import DiscordCsv
from communitykit.importers.discourse import DiscoursePosts
from communitykit.importers.messenger import MessengerJson
from communitykit.importers.reddit import RedditJsonl
from communitykit.importers.slack import SlackExport
from communitykit.importers.telegram import TelegramJson
from communitykit.ingest import import_exports
from communitykit.store import Store
from communitykit.tables import conform

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "exports"
BERLIN = ZoneInfo("Europe/Berlin")
IMPORTERS = tuple(REGISTRY[name] for name in (
    "discord_csv", "slack_export", "telegram_json", "messenger_json", "reddit_jsonl",
    "discourse_posts", "cn_comments"))
MINE = {importer.name for importer in IMPORTERS}


def _others() -> list[Importer]:
    """Every registered importer of the kit that is not one of these."""
    return [i for i in REGISTRY.values() if i.name not in MINE]


def _claimed(path: Path) -> tuple[list[str], list[str]]:
    """(our importers claiming the file, other importers claiming it)."""
    head = head_text(path)
    return ([i.name for i in IMPORTERS if i.sniff(path, head)],
            [i.name for i in _others() if i.sniff(path, head)])


def _read(importer: Importer, path: Path, platform: str | None = None,
          table: str = "messages") -> tuple[pd.DataFrame, ImportAccount]:
    result = importer.read(path, SourceContext(BERLIN, platform))
    return conform(result.tables[table], table), result.account


def _ids(values: pd.Series) -> list[object]:
    """Values with missing ones as None."""
    return [None if pd.isna(v) else v for v in values]


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def _csv(path: Path, rows: list[list[str]], bom: bool = False) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buf.getvalue(), encoding="utf-8")
    return path


def _json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# ------------------------------------------------------------------ discord_csv

DCE_HEADER = ["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"]
ANA = "111111111111111111"
BO = "222222222222222222"


def _dce_id(author: str, date: str, content: str) -> str:
    key = f"{author}\x1f{date}\x1f{content}".encode()
    return "csv-" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]


def test_discord_csv_hash_ids_local_dates_and_a_rejected_row(tmp_path: Path) -> None:
    iso = "2026-10-02T10:00:00.0000000-04:00"
    path = _csv(tmp_path / "Acme - general [123456789012345678].csv", [
        DCE_HEADER,
        [ANA, "Ana", iso, "Anyone here?", "", "👍 (2),❤️ (1)"],
        [BO, "Bo", "10/02/2026 10:30 AM", "Yes, ask away", "https://cdn/x.png", ""],
        [BO, "Bo", "yesterday", "lost", "", ""],
        [ANA, "Ana", iso, "Anyone here?", "", ""],
    ])
    assert _claimed(path) == (["discord_csv"], [])
    frame, account = _read(DiscordCsv(), path)
    first = _dce_id(ANA, iso, "Anyone here?")
    assert frame["message_id"].tolist() == [
        first, _dce_id(BO, "10/02/2026 10:30 AM", "Yes, ask away"), f"{first}-2"]
    assert frame["created_at"].tolist() == [
        _utc("2026-10-02 14:00"), _utc("2026-10-02 08:30"), _utc("2026-10-02 14:00")]
    assert frame["likes"].tolist() == [3, 0, 0]
    assert frame["container"].unique().tolist() == ["123456789012345678"]
    assert frame["parent_id"].isna().all() and frame["author_id"].tolist()[1] == BO
    assert account.rows_read == 4
    assert account.rejected == [(4, "date 'yesterday' is in no DiscordChatExporter form")]
    assert any("no message ids and no reply links" in n for n in account.notes)
    assert any("month/day" in n and "settles" in n for n in account.notes)


def test_discord_csv_ids_survive_shifted_rows_and_day_first_dates(tmp_path: Path) -> None:
    rows = [[ANA, "Ana", "25/10/2026 09:00", "first", "", ""],
            [BO, "Bo", "03/10/2026 09:00", "second", "", ""]]
    one = _csv(tmp_path / "a.csv", [DCE_HEADER, *rows])
    two = _csv(tmp_path / "b.csv", [DCE_HEADER, [BO, "Bo", "01/10/2026 08:00", "new", "", ""],
                                     *rows])
    first, account = _read(DiscordCsv(), one)
    second, _ = _read(DiscordCsv(), two)
    assert first["message_id"].tolist() == second["message_id"].tolist()[1:]
    # 25/10/2026 09:00 CET (UTC+1, after the DST end at 03:00 that day); 3 Oct CEST (UTC+2)
    assert first["created_at"].tolist() == [_utc("2026-10-25 08:00"), _utc("2026-10-03 07:00")]
    assert any("day/month" in n for n in account.notes)


# ----------------------------------------------------------------- reddit_jsonl


def _reddit_lines() -> str:
    items = [
        {"id": "abc1", "author": "ana", "body": "Is it open?", "created_utc": 1790848800,
         "link_id": "t3_post1", "parent_id": "t3_post1", "subreddit": "acme",
         "distinguished": None, "score": 5},
        {"id": "abc2", "author": "acme_mod", "body": "Yes!", "created_utc": "1790852400.0",
         "link_id": "t3_post1", "parent_id": "t1_abc1", "subreddit": "acme",
         "distinguished": "moderator", "score": "2"},
    ]
    tail = [
        {"id": "abc4", "author": "[deleted]", "body": "[removed]", "created_utc": 1790856000.5,
         "link_id": "t3_post1", "parent_id": "t1_abc2", "subreddit": "acme", "score": 1},
        {"id": "post1", "author": "acme_official", "title": "Opening hours",
         "selftext": "We open at 9.", "created_utc": 1790845200, "subreddit": "acme",
         "score": 42, "num_comments": 3, "retrieved_on": 1790900000,
         "permalink": "/r/acme/comments/post1/opening_hours/"},
    ]
    lines = [json.dumps(i) for i in items] + ['{"id": "abc3", "author":', ""]
    return "\n".join(lines + [json.dumps(i) for i in tail]) + "\n"


def test_reddit_comments_replies_deleted_submissions_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "acme_comments.jsonl"
    path.write_text(_reddit_lines(), encoding="utf-8")
    assert _claimed(path) == (["reddit_jsonl"], [])
    frame, account = _read(RedditJsonl(), path)
    assert frame["message_id"].tolist() == ["abc1", "abc2", "abc4"]
    assert frame["post_id"].unique().tolist() == ["post1"]
    assert _ids(frame["parent_id"]) == [None, "abc1", "abc2"]
    assert frame["created_at"].tolist() == [
        _utc("2026-10-01 10:00"), _utc("2026-10-01 11:00"), _utc("2026-10-01 12:00:00.5")]
    assert frame["likes"].tolist() == [5, 2, 1]
    assert frame["deleted"].tolist() == [False, False, True]
    assert frame["text"].tolist() == ["Is it open?", "Yes!", ""]
    assert frame["kind"].tolist() == ["comment", "reply", "reply"]
    assert account.rows_read == 5
    assert account.rejected == [
        (3, "not valid JSON: Expecting value (column 25)")]
    assert any("distinguished" in n for n in account.notes)
    posts, _ = _read(RedditJsonl(), path, table="posts")
    post = posts.iloc[0]
    assert post["post_id"] == "post1" and post["account_id"] == "acme"
    assert post["created_at"] == _utc("2026-10-01 09:00") and post["reactions"] == 42
    assert post["text"] == "Opening hours\n\nWe open at 9." and post["comments"] == 3
    assert post["permalink"] == "https://www.reddit.com/r/acme/comments/post1/opening_hours/"
    assert post["metrics_as_of"] == _utc("2026-10-02 00:13:20")


# ----------------------------------------------------------------- slack_export


def _slack_workspace(root: Path) -> Path:
    _json(root / "users.json", [
        {"id": "U1", "name": "ana", "real_name": "Ana Ruiz", "is_admin": False, "is_bot": False},
        {"id": "U2", "name": "lead", "real_name": "Team Lead", "is_admin": True,
         "is_bot": False},
        {"id": "U9", "name": "digest", "real_name": "Digest", "is_bot": True},
    ])
    _json(root / "channels.json", [{"id": "C1", "name": "general"}])
    (root / "general").mkdir()
    return _json(root / "general" / "2026-10-01.json", [
        {"type": "message", "user": "U1", "text": "How do I export?",
         "ts": "1790848800.000100", "thread_ts": "1790848800.000100",
         "user_profile": {"real_name": "Ana R."},
         "reactions": [{"name": "+1", "count": 2}, {"name": "eyes", "count": 1}]},
        {"type": "message", "subtype": "channel_join", "user": "U2",
         "text": "<@U2> has joined the channel", "ts": "1790848700.000000"},
        {"type": "message", "user": "U2", "text": "Settings > Export",
         "ts": "1790849400.123456", "thread_ts": "1790848800.000100"},
        {"type": "message", "user": "U9", "text": "Daily digest", "ts": "1790850000.000200"},
        {"type": "message", "subtype": "bot_message", "bot_id": "B01", "username": "deploybot",
         "text": "deployed", "ts": "1790850060.000300"},
        {"type": "message", "user": "U1", "text": "no ts"},
    ])


def test_slack_day_file_threads_bots_and_a_rejected_message(tmp_path: Path) -> None:
    day = _slack_workspace(tmp_path)
    assert _claimed(day) == (["slack_export"], [])
    assert _claimed(tmp_path / "users.json") == (["slack_export"], [])
    frame, account = _read(SlackExport(), day)
    assert frame["message_id"].tolist() == [
        "1790848800.000100", "1790849400.123456", "1790850000.000200", "1790850060.000300"]
    assert _ids(frame["parent_id"]) == [None, "1790848800.000100", None, None]
    assert frame["created_at"].tolist() == [
        _utc("2026-10-01 10:00:00.0001"), _utc("2026-10-01 10:10:00.123456"),
        _utc("2026-10-01 10:20:00.0002"), _utc("2026-10-01 10:21:00.0003")]
    assert frame["author_id"].tolist() == ["U1", "U2", "U9", "B01"]
    assert frame["author_name"].tolist() == ["Ana R.", "Team Lead", "Digest", "deploybot"]
    assert frame["kind"].tolist() == ["chat", "chat", "bot", "bot"]
    assert frame["likes"].tolist() == [3, 0, 0, 0]
    assert frame["container"].unique().tolist() == ["general"]
    assert account.rows_read == 5
    assert account.rejected == [(6, "message 6: no 'ts'")]
    assert any("1 channel events" in n for n in account.notes)


def test_slack_export_zip_imports_with_its_metadata_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for importer in IMPORTERS:  # until the lead registers them
        monkeypatch.setitem(REGISTRY, importer.name, importer)
    (tmp_path / "ws").mkdir()
    _slack_workspace(tmp_path / "ws")
    archive = tmp_path / "Acme Slack export Oct 1 2026.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for file in sorted((tmp_path / "ws").rglob("*.json")):
            bundle.write(file, file.relative_to(tmp_path / "ws").as_posix())
    book = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
    store = Store(tmp_path / "store")
    accounts = import_exports(store, book, [archive], say=lambda _: None)
    assert [(Path(a.file).name, a.format, a.kept) for a in accounts] == [
        ("channels.json", "slack_export", 0), ("2026-10-01.json", "slack_export", 4),
        ("users.json", "slack_export", 0)]
    assert sorted(store.load("messages")["message_id"]) == [
        "1790848800.000100", "1790849400.123456", "1790850000.000200", "1790850060.000300"]


def test_slack_samples_layout_and_thread_fixture() -> None:
    day = SAMPLES / "slack" / "export_layout" / "random" / "2017-06-25.json"
    assert _claimed(day) == (["slack_export"], [])
    frame, account = _read(SlackExport(), day)
    assert frame["message_id"].tolist() == ["1498401071.279035"]
    assert frame["author_name"].tolist() == ["Josef K."]  # from users.json beside the folder
    assert frame["created_at"].tolist() == [_utc("2017-06-25 14:31:11.279035")]
    assert account.rows_read == 1 and not account.rejected
    thread = SAMPLES / "slack" / "zulip_normal_thread.json"
    assert _claimed(thread) == (["slack_export"], [])  # a message list under another name
    frame, account = _read(SlackExport(), thread)
    assert _ids(frame["parent_id"]) == [None, "1434139102.000002", None,
                                           "1539868294.000007"]
    assert frame["container"].unique().tolist() == ["random"]
    assert frame["created_at"].iloc[3] == _utc("2015-12-11 21:11:34.000007")


def test_slack_day_file_that_is_not_a_list_fails(tmp_path: Path) -> None:
    (tmp_path / "general").mkdir()
    path = _json(tmp_path / "general" / "2026-10-01.json", {"ts": "1"})
    with pytest.raises(ImportFailed, match="JSON list of messages"):
        SlackExport().read(path, SourceContext(BERLIN))


# ---------------------------------------------------------------- telegram_json


def test_telegram_sample_service_messages_and_local_dates() -> None:
    path = SAMPLES / "telegram" / "chat-analytics_DM_2A_7M.json"
    assert _claimed(path) == (["telegram_json"], [])
    frame, account = _read(TelegramJson(), path)
    assert frame["message_id"].tolist() == ["3644", "3645", "3662", "3663", "3672", "3673"]
    assert frame["created_at"].tolist()[:3] == [
        _utc("2019-07-12 14:55:32"),  # 16:55:32 CEST, no unixtime
        _utc("2022-03-08 12:07:42"),  # 13:07:42 CET, no unixtime
        _utc("2022-05-09 22:23:53"),  # date_unixtime 1652135033
    ]
    assert frame["text"].iloc[0] == "https://google.com 👀"
    assert frame["author_id"].iloc[0] == "user700000000"
    assert set(frame["kind"]) == {"dm"} and frame["container"].iloc[0] == "700000000"
    assert account.rows_read == 6 and not account.rejected
    assert any(n.startswith("2 service messages") for n in account.notes)


def test_telegram_whole_account_export_replies_and_a_rejected_message(tmp_path: Path) -> None:
    chat = {"name": "Acme help", "type": "private_supergroup", "id": 1234567890123,
            "messages": [
                {"id": 10, "type": "message", "date": "2026-10-01T12:00:00",
                 "date_unixtime": "1790848800", "from": "Ana", "from_id": "user111",
                 "text": "How do I reset?"},
                {"id": 11, "type": "service", "date": "2026-10-01T12:01:00",
                 "actor": "Bo", "action": "invite_members", "text": ""},
                {"id": 12, "type": "message", "date": "2026-10-01T12:10:00",
                 "from": "Acme", "from_id": "channel999", "reply_to_message_id": 10,
                 "text": [{"type": "bold", "text": "Tip:"}, " hold the button"],
                 "reactions": [{"type": "emoji", "count": 4, "emoji": "👍"}]},
                {"id": 13, "type": "message", "date": "2026-10-01T12:20:00", "text": "x"},
            ]}
    path = _json(tmp_path / "result.json", {
        "about": "Here is the data you requested. Remember: Telegram is ad free...",
        "chats": {"about": "This is the list of chats", "list": [chat]}})
    assert _claimed(path) == (["telegram_json"], [])
    frame, account = _read(TelegramJson(), path)
    assert frame["message_id"].tolist() == ["10", "12"]
    assert _ids(frame["parent_id"]) == [None, "10"]
    assert frame["created_at"].tolist() == [_utc("2026-10-01 10:00"),
                                            _utc("2026-10-01 10:10")]
    assert frame["text"].tolist() == ["How do I reset?", "Tip: hold the button"]
    assert frame["likes"].tolist() == [0, 4] and set(frame["kind"]) == {"chat"}
    assert frame["container"].unique().tolist() == ["1234567890123"]
    assert account.rows_read == 3 and account.rejected == [(4, "message 4: no 'from_id'")]


def test_telegram_local_times_in_dst_changes_take_the_earlier_instant(tmp_path: Path) -> None:
    messages = [
        {"id": 1, "type": "message", "date": "2026-03-29T02:30:00", "from": "a",
         "from_id": "user1", "text": "in the spring gap"},
        {"id": 2, "type": "message", "date": "2026-10-25T02:30:00", "from": "a",
         "from_id": "user1", "text": "in the autumn repeat"}]
    path = _json(tmp_path / "result.json",
                 {"name": "x", "type": "personal_chat", "id": 1, "messages": messages})
    frame, account = _read(TelegramJson(), path)
    # gap: 02:30 CEST = 00:30Z is earlier than 02:30 CET = 01:30Z; repeat: the same pair
    assert frame["created_at"].tolist() == [_utc("2026-03-29 00:30"),
                                            _utc("2026-10-25 00:30")]
    assert "2 local times fell in a DST change (earlier instant used)" in account.notes


# --------------------------------------------------------------- messenger_json


def test_messenger_sample_hash_ids_and_millisecond_times() -> None:
    path = SAMPLES / "messenger" / "chat-analytics_2A_7M.json"
    assert _claimed(path) == (["messenger_json"], [])
    frame, account = _read(MessengerJson(), path)
    assert len(frame) == 7 and frame["message_id"].str.startswith("fbm-").all()
    assert frame["message_id"].is_unique
    assert frame["created_at"].iloc[0] == _utc("2014-11-05 00:35:32.056")
    assert frame["author_id"].tolist()[:2] == ["Alice", "Bob"]
    assert frame["text"].tolist()[:3] == ["Hello", "Whats up!", "you what"]
    assert set(frame["kind"]) == {"dm"} and account.rows_read == 7 and not account.rejected
    again, _ = _read(MessengerJson(), path)
    assert again["message_id"].tolist() == frame["message_id"].tolist()


def test_messenger_mojibake_is_repaired_and_a_bad_time_rejected(tmp_path: Path) -> None:
    def mangle(text: str) -> str:
        return text.encode("utf-8").decode("latin-1")

    path = _json(tmp_path / "message_1.json", {
        "participants": [{"name": mangle("René")}, {"name": "Acme"}],
        "messages": [
            {"sender_name": mangle("René"), "timestamp_ms": 1790848800123,
             "content": mangle("Café 😊 open?"), "reactions": [{"reaction": "x", "actor": "A"}]},
            {"sender_name": "Acme", "timestamp_ms": "soon", "content": "yes"},
            {"sender_name": "Acme", "timestamp_ms": 1790849400000, "content": "Straße 1",
             "is_unsent": True},
        ],
        "title": mangle("René"), "thread_path": "inbox/rene_abc123"})
    frame, account = _read(MessengerJson(), path)
    assert frame["author_name"].tolist() == ["René", "Acme"]
    assert frame["text"].tolist() == ["Café 😊 open?", "Straße 1"]  # not mojibake: kept
    assert frame["created_at"].tolist() == [_utc("2026-10-01 10:00:00.123"),
                                            _utc("2026-10-01 10:10")]
    assert frame["likes"].tolist() == [1, 0] and frame["deleted"].tolist() == [False, True]
    assert frame["container"].unique().tolist() == ["inbox/rene_abc123"]
    assert account.rows_read == 3
    assert account.rejected == [(2, "time 'soon' is not an epoch number")]


# -------------------------------------------------------------- discourse_posts


def _topic(posts: list[dict[str, object]]) -> dict[str, object]:
    return {"id": 77, "title": "Password", "post_stream": {"posts": posts, "stream": [501]}}


def test_discourse_topic_json_resolves_reply_numbers_and_strips_html(tmp_path: Path) -> None:
    base = {"topic_id": 77, "name": None, "reply_to_post_number": None, "like_count": 0}
    path = _json(tmp_path / "t_77.json", _topic([
        {**base, "id": 501, "post_number": 1, "username": "ana", "name": "Ana",
         "created_at": "2026-10-01T10:00:00.000Z", "like_count": 2,
         "cooked": "<p>How do I <strong>reset</strong> my password?</p>"},
        {**base, "id": 502, "post_number": 2, "reply_to_post_number": 1,
         "username": "sam_cm", "created_at": "2026-10-01T11:30:00.000Z",
         "cooked": "<p>Use the link &amp; follow steps.<br>Done.</p>"},
        {**base, "id": 503, "post_number": 3, "reply_to_post_number": 9, "username": "bo",
         "created_at": "2026-10-01T12:00:00.000Z", "cooked": "<p>me too</p>",
         "deleted_at": "2026-10-02T00:00:00.000Z"},
        {**base, "id": 504, "post_number": 4, "username": "bo", "cooked": "<p>x</p>"},
    ]))
    assert _claimed(path) == (["discourse_posts"], [])
    frame, account = _read(DiscoursePosts(), path)
    assert frame["message_id"].tolist() == ["501", "502", "503"]
    assert _ids(frame["parent_id"]) == [None, "501", None]
    assert frame["container"].unique().tolist() == ["77"]
    assert frame["text"].tolist() == ["How do I reset my password?",
                                      "Use the link & follow steps.\nDone.", "me too"]
    assert frame["created_at"].tolist() == [
        _utc("2026-10-01 10:00"), _utc("2026-10-01 11:30"), _utc("2026-10-01 12:00")]
    assert frame["author_name"].tolist() == ["Ana", "sam_cm", "bo"]
    assert frame["likes"].tolist() == [2, 0, 0]
    assert frame["deleted"].tolist() == [False, False, True]
    assert frame["kind"].tolist() == ["topic", "reply", "reply"]
    assert account.rows_read == 4 and account.rejected == [(4, "post 4: no 'created_at'")]
    assert any(n.startswith("1 replies point at a post number") for n in account.notes)


def test_discourse_csv_with_local_times_and_a_short_row(tmp_path: Path) -> None:
    path = _csv(tmp_path / "forum_posts.csv", [
        ["id", "topic_id", "post_number", "reply_to_post_number", "username", "created_at",
         "raw", "like_count"],
        ["9001", "12", "1", "", "ana", "2026-10-01 12:00:00", "Hello **all**", "3"],
        ["9002", "12", "2", "1", "sam", "2026-10-01 13:00:00 UTC", "Hi", "0"],
        ["9003", "12"],
    ])
    assert _claimed(path) == (["discourse_posts"], [])
    frame, account = _read(DiscoursePosts(), path)
    assert frame["message_id"].tolist() == ["9001", "9002"]
    assert _ids(frame["parent_id"]) == [None, "9001"]
    assert frame["created_at"].tolist() == [_utc("2026-10-01 10:00"),
                                            _utc("2026-10-01 13:00")]
    assert frame["text"].tolist() == ["Hello **all**", "Hi"]
    assert account.rows_read == 3
    assert account.rejected == [(4, "row has 2 fields, the header has 8")]


def test_discourse_latest_posts_and_a_list_are_read(tmp_path: Path) -> None:
    post = {"id": 1, "topic_id": 2, "post_number": 1, "username": "a",
            "created_at": "2026-10-01T10:00:00Z", "raw": "hi"}
    for document in ({"latest_posts": [post]}, [post]):
        frame, _ = _read(DiscoursePosts(), _json(tmp_path / "posts.json", document))
        assert frame["message_id"].tolist() == ["1"]


# ------------------------------------------------------------------ cn_comments


def test_douyin_api_sample_is_read_and_anonymised() -> None:
    path = SAMPLES / "douyin" / "douyin_comment_list_api_response.json"
    assert _claimed(path) == (["cn_comments"], [])
    frame, account = _read(CnComments(), path)
    assert len(frame) == 10 and account.rows_read == 10 and not account.rejected
    assert set(frame["platform"]) == {"douyin"}
    first = frame.iloc[0]
    assert first["message_id"] == "7569543503384036153"
    assert first["post_id"] == "7568361402794287973"
    assert first["created_at"] == _utc("2025-11-06 09:34:48")  # 1762421688
    assert first["text"] == "@小鹿 @青山远 @今天也要加油" and first["likes"] == 0
    assert frame["parent_id"].isna().all() and set(frame["kind"]) == {"comment"}
    assert frame["likes"].tolist() == [0, 4, 5, 25, 37, 27, 6, 33, 0, 0]
    text = path.read_text(encoding="utf-8")
    for real in ("yoko", "douyinpic.com/aweme/100x100", "1700307667009380", "薏湫"):
        assert real not in text


def test_douyin_api_nested_replies(tmp_path: Path) -> None:
    path = _json(tmp_path / "comments.json", {"status_code": 0, "comments": [
        {"cid": "7000000000000000001", "text": "好用吗？", "aweme_id": "7100000000000000001",
         "create_time": 1790848800, "digg_count": 3, "reply_id": "0",
         "user": {"uid": "100000000000001", "nickname": "小王"},
         "reply_comment": [
             {"cid": "7000000000000000002", "text": "好用", "create_time": 1790852400,
              "digg_count": 1, "reply_id": "7000000000000000001", "reply_to_reply_id": "0",
              "user": {"uid": "100000000000002", "nickname": "官方"}},
             {"cid": "7000000000000000003", "text": "真的", "create_time": "later",
              "reply_id": "7000000000000000001", "user": {"uid": "100000000000001"}}]}]})
    frame, account = _read(CnComments(), path)
    assert frame["message_id"].tolist() == ["7000000000000000001", "7000000000000000002"]
    assert _ids(frame["parent_id"]) == [None, "7000000000000000001"]
    assert frame["author_name"].tolist() == ["小王", "官方"]
    assert frame["created_at"].tolist() == [_utc("2026-10-01 10:00"),
                                            _utc("2026-10-01 11:00")]
    assert account.rows_read == 3
    assert account.rejected == [(3, "comment 3: time 'later' is in no known form")]


def test_xiaohongshu_scraper_csv_with_bom_and_ms_times(tmp_path: Path) -> None:
    # the note id 66e000...01 is 24 hex digits that parse_id alone would take for a float
    path = _csv(tmp_path / "search_comments_2026-10-01.csv", [
        ["comment_id", "create_time", "ip_location", "note_id", "content", "user_id",
         "nickname", "avatar", "sub_comment_count", "pictures", "parent_comment_id",
         "like_count"],
        ["66f0000000000000000000a1", "1790848800123", "上海", "66e000000000000000000001",
         "在哪里买？", "5f0000000000000000000001", "小红", "", "1", "", "0", "12"],
        ["66f0000000000000000000a2", "1790852400000", "北京", "66e000000000000000000001",
         "官网有", "5f0000000000000000000002", "品牌号", "", "0", "",
         "66f0000000000000000000a1", "1,024"],
        ["66f0000000000000000000a3", "昨天", "北京", "66e000000000000000000001", "嗯",
         "5f0000000000000000000003", "路人", "", "0", "", "", "0"],
    ], bom=True)
    assert _claimed(path) == (["cn_comments"], [])
    frame, account = _read(CnComments(), path)
    assert set(frame["platform"]) == {"xiaohongshu"}
    assert frame["message_id"].tolist() == ["66f0000000000000000000a1",
                                            "66f0000000000000000000a2"]
    assert _ids(frame["parent_id"]) == [None, "66f0000000000000000000a1"]
    assert frame["created_at"].tolist() == [_utc("2026-10-01 10:00:00.123"),
                                            _utc("2026-10-01 11:00")]
    assert frame["likes"].tolist() == [12, 1024]
    assert frame["post_id"].unique().tolist() == ["66e000000000000000000001"]
    assert account.rows_read == 3
    assert account.rejected == [(4, "comment 4: time '昨天' is in no known form")]


def test_bilibili_api_replies(tmp_path: Path) -> None:
    path = _json(tmp_path / "reply.json", {"code": 0, "data": {"replies": [
        {"rpid": 123456789012, "oid": 1234567, "mid": 987654, "ctime": 1790848800,
         "like": 7, "parent": 0, "root": 0, "member": {"mid": "987654", "uname": "小明"},
         "content": {"message": "UP主好厉害"},
         "replies": [
             {"rpid": 123456789013, "oid": 1234567, "mid": 555, "ctime": 1790852400,
              "like": 1, "parent": 123456789012, "root": 123456789012,
              "member": {"mid": "555", "uname": "UP"}, "content": {"message": "谢谢"}},
             {"oid": 1234567, "mid": 556, "ctime": 1790852400, "content": {"message": "?"}}]}]}})
    assert _claimed(path) == (["cn_comments"], [])
    frame, account = _read(CnComments(), path)
    assert set(frame["platform"]) == {"bilibili"}
    assert frame["message_id"].tolist() == ["123456789012", "123456789013"]
    assert _ids(frame["parent_id"]) == [None, "123456789012"]
    assert frame["author_id"].tolist() == ["987654", "555"]
    assert frame["text"].tolist() == ["UP主好厉害", "谢谢"] and frame["likes"].tolist() == [7, 1]
    assert frame["post_id"].unique().tolist() == ["1234567"]
    assert account.rows_read == 3 and account.rejected == [(3, "comment 3: no comment id")]


def test_weibo_comments_with_rootid_and_offset_dates(tmp_path: Path) -> None:
    path = _json(tmp_path / "weibo_comments.json", [
        {"id": 5012345678901234567, "idstr": "5012345678901234567",
         "mid": "5012345678901234567", "rootid": 5012345678901234567,
         "created_at": "Tue Oct 06 10:00:00 +0800 2026", "like_counts": 2,
         "text": "<a href='/n/acme'>@Acme</a> 什么时候发货&amp;退款?",
         "user": {"id": 6000000001, "screen_name": "微博用户甲"}},
        {"id": 5012345678901234568, "idstr": "5012345678901234568",
         "rootid": 5012345678901234567, "created_at": "Tue Oct 06 11:30:00 +0800 2026",
         "like_counts": 0, "text": "明天", "user": {"id": 6000000002, "screen_name": "Acme"}},
        {"idstr": "5012345678901234569", "rootid": 5012345678901234567,
         "text": "no time", "user": {"id": 6000000003}},
    ])
    assert _claimed(path) == (["cn_comments"], [])
    frame, account = _read(CnComments(), path)
    assert set(frame["platform"]) == {"weibo"}
    assert frame["message_id"].tolist() == ["5012345678901234567", "5012345678901234568"]
    assert _ids(frame["parent_id"]) == [None, "5012345678901234567"]
    assert frame["author_id"].tolist() == ["6000000001", "6000000002"]
    assert frame["created_at"].tolist() == [_utc("2026-10-06 02:00"),
                                            _utc("2026-10-06 03:30")]
    assert frame["text"].iloc[0] == "@Acme 什么时候发货&退款?"
    assert account.rows_read == 3 and account.rejected == [(3, "comment 3: no creation time")]


def test_cn_platform_from_playbook_or_file_name_else_a_clear_failure(tmp_path: Path) -> None:
    rows = [["comment_id", "create_time", "content", "like_count", "parent_comment_id",
             "nickname", "user_id"],
            ["1001", "1790848800", "你好", "0", "", "甲", "u1"]]
    plain = _csv(tmp_path / "comments.csv", rows)
    with pytest.raises(ImportFailed, match="cannot tell the platform"):
        CnComments().read(plain, SourceContext(BERLIN))
    frame, _ = _read(CnComments(), plain, platform="weibo")
    assert frame["platform"].tolist() == ["weibo"]
    named = shutil.copy(plain, tmp_path / "douyin_comments.csv")
    frame, _ = _read(CnComments(), Path(named))
    assert frame["platform"].tolist() == ["douyin"] and frame["parent_id"].isna().all()


# ------------------------------------------------------------------- detection


@pytest.mark.parametrize("path", sorted(
    p for family in ("douyin", "messenger", "telegram")
    for p in (SAMPLES / family).glob("*.json")))
def test_samples_are_claimed_by_exactly_one_importer(path: Path) -> None:
    mine, others = _claimed(path)
    assert len(mine) == 1 and not others


def test_bad_json_fails_the_whole_file_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "x",\n "type": "personal_chat", "messages": [\n', encoding="utf-8")
    with pytest.raises(ImportFailed, match="not valid JSON") as caught:
        TelegramJson().read(path, SourceContext(BERLIN))
    assert caught.value.row == 3
