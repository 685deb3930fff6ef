"""Reply references and mentions as the exports carry them: ``parent_id`` and the
``mentions`` column (ids where the export gives ids, else handles without ``@``)."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.demo import generate
from communitykit.demo.discord import DISCORD_PEOPLE
from communitykit.importers.base import Importer, SourceContext
from communitykit.importers.cn_comments import CnComments
from communitykit.importers.discord import DiscordJson
from communitykit.importers.discourse import DiscoursePosts
from communitykit.importers.facebook import FacebookComments
from communitykit.importers.generic import Generic
from communitykit.importers.slack import SlackExport
from communitykit.importers.telegram import TelegramJson
from communitykit.importers.values import mention_list, split_mentions
from communitykit.importers.x_archive import XArchiveTweets
from communitykit.store import Store
from communitykit.tables import SCHEMAS, conform

SAMPLES = Path(__file__).parent / "fixtures" / "exports"
UTC = ZoneInfo("UTC")


def _read(importer: Importer, path: Path, platform: str | None = None,
          mapping: playbook.ColumnMapping | None = None, table: str = "messages"
          ) -> pd.DataFrame:
    result = importer.read(path, SourceContext(UTC, platform, mapping))
    assert result.account.rejected == []
    return conform(result.tables[table], table).set_index("message_id")


def _json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _na(value: object) -> bool:
    return bool(pd.isna(value))


def test_mentions_column_follows_parent_id() -> None:
    columns = list(SCHEMAS["messages"])
    assert columns.index("mentions") == columns.index("parent_id") + 1
    assert SCHEMAS["messages"]["mentions"] == "string"


def test_mention_list_keeps_each_person_once_in_order() -> None:
    assert mention_list(["@Ana", "ben", "Ana", None, "", "two words", "@ben"]) == "Ana ben"
    assert mention_list([]) is None
    assert split_mentions("@ana, @ben;carl  ana") == "ana ben carl"


def test_a_store_written_before_the_mentions_column_still_loads(tmp_path: Path) -> None:
    store = Store(tmp_path)
    old = conform(pd.DataFrame({
        "platform": ["discord"], "message_id": ["1"], "author_id": ["7"],
        "created_at": ["2026-10-01T10:00:00Z"]}), "messages").drop(columns="mentions")
    store.commit({"messages": old}, [])
    loaded = store.load("messages")
    assert list(loaded.columns) == list(SCHEMAS["messages"])
    assert loaded["mentions"].isna().all() and loaded["message_id"].tolist() == ["1"]


# ------------------------------------------------------------------------------ Discord

def _dce_user(user_id: str, name: str) -> dict[str, object]:
    return {"id": user_id, "name": name, "discriminator": "0000", "nickname": name,
            "color": None, "isBot": False, "roles": [], "avatarUrl": "https://x.invalid/0.png"}


def test_discord_json_mentions_are_the_mentioned_ids(tmp_path: Path) -> None:
    ann, bob, cat = (("700000000000000001", "ann"), ("700000000000000002", "bob"),
                     ("700000000000000003", "cat"))
    doc = {"guild": {"id": "1", "name": "G"}, "channel": {"id": "55", "name": "general"},
           "messages": [
               {"id": "800000000000000001", "type": "Default",
                "timestamp": "2026-10-02T10:00:00.000+00:00", "content": "where is my order?",
                "author": _dce_user(*ann), "mentions": []},
               {"id": "800000000000000002", "type": "Default",
                "timestamp": "2026-10-02T10:05:00.000+00:00",
                "content": "@ann @cat it ships today, @ann", "author": _dce_user(*bob),
                "mentions": [_dce_user(*ann), _dce_user(*cat), _dce_user(*ann)]},
               {"id": "800000000000000003", "type": "Reply",
                "timestamp": "2026-10-02T10:06:00.000+00:00", "content": "thanks @bob",
                "author": _dce_user(*ann), "mentions": [_dce_user(*bob)],
                "reference": {"messageId": "800000000000000002", "channelId": "55"}},
           ]}
    frame = _read(DiscordJson(), _json(tmp_path / "G - general [55].json", doc))
    assert _na(frame.loc["800000000000000001", "mentions"])
    assert frame.loc["800000000000000002", "mentions"] == "700000000000000001 700000000000000003"
    assert _na(frame.loc["800000000000000002", "parent_id"])
    assert frame.loc["800000000000000003", "mentions"] == "700000000000000002"
    assert frame.loc["800000000000000003", "parent_id"] == "800000000000000002"


def test_discord_sample_reference_and_a_text_only_mention() -> None:
    frame = _read(DiscordJson(), SAMPLES / "discord" / "chat-analytics_GC_3A_5M.json")
    assert len(frame) == 6
    assert frame.loc["530805779645595660", "parent_id"] == "1064990824305274930"
    assert frame["parent_id"].notna().sum() == 1
    # "hey @maple" with an empty mentions list: the column holds only what the export says
    assert frame.loc["1064991070322180096", "text"].startswith("hey @maple")
    assert frame["mentions"].isna().all()


# -------------------------------------------------------------------------------- Slack

def test_slack_user_tokens_are_mentions_and_thread_ts_the_parent(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    folder.mkdir()
    path = _json(folder / "2026-10-01.json", [
        {"type": "message", "user": "U061A5N1G", "text": "order stuck <!channel>",
         "ts": "1790848800.000100", "thread_ts": "1790848800.000100"},
        {"type": "message", "user": "U0TEAM001",
         "text": "<@U061A5N1G> on it, <@W0123ABCD|mara> can you check? <@U061A5N1G>",
         "ts": "1790849100.000200", "thread_ts": "1790848800.000100"},
        {"type": "message", "user": "U0TEAM001", "text": "email me at <mailto:a@b.c|a@b.c>",
         "ts": "1790849400.000300"},
    ])
    frame = _read(SlackExport(), path)
    assert _na(frame.loc["1790848800.000100", "mentions"])  # <!channel> names nobody
    assert _na(frame.loc["1790848800.000100", "parent_id"])  # thread_ts == ts: the root
    assert frame.loc["1790849100.000200", "mentions"] == "U061A5N1G W0123ABCD"
    assert frame.loc["1790849100.000200", "parent_id"] == "1790848800.000100"
    assert _na(frame.loc["1790849400.000300", "mentions"])


def test_slack_sample_thread_replies_point_at_thread_ts() -> None:
    path = SAMPLES / "slack" / "zulip_normal_thread.json"
    frame = _read(SlackExport(), path)
    assert frame.loc["1439868294.000007", "parent_id"] == "1434139102.000002"
    assert frame.loc["1449868294.000007", "parent_id"] == "1539868294.000007"
    assert frame["parent_id"].isna().sum() == 2  # the two roots (thread_ts == ts)
    assert frame["mentions"].isna().all()


# ----------------------------------------------------------------------------- Telegram

def test_telegram_mention_and_mention_name_parts(tmp_path: Path) -> None:
    doc = {"name": "Bakers", "type": "private_supergroup", "id": 1900000001, "messages": [
        {"id": 10, "type": "message", "date": "2026-10-01T10:00:00",
         "date_unixtime": "1790848800", "from": "Lena", "from_id": "user5000002",
         "text": "is the shop open?", "text_entities": [{"type": "plain",
                                                          "text": "is the shop open?"}]},
        {"id": 11, "type": "message", "date": "2026-10-01T10:05:00",
         "date_unixtime": "1790849100", "from": "Team", "from_id": "user5000001",
         "reply_to_message_id": 10,
         "text": ["yes ", {"type": "mention", "text": "@lena_k"}, " and ",
                  {"type": "mention_name", "text": "Omar", "user_id": 5000003}],
         "text_entities": [{"type": "plain", "text": "yes "},
                           {"type": "mention", "text": "@lena_k"},
                           {"type": "plain", "text": " and "},
                           {"type": "mention_name", "text": "Omar", "user_id": 5000003}]},
        {"id": 12, "type": "message", "date": "2026-10-01T10:06:00",
         "date_unixtime": "1790849160", "from": "Team", "from_id": "user5000001",
         "text": [{"type": "mention", "text": "@omar_b"}, " see above"]},  # older: no entities
    ]}
    frame = _read(TelegramJson(), _json(tmp_path / "result.json", doc))
    assert _na(frame.loc["10", "mentions"])
    assert frame.loc["11", "mentions"] == "lena_k user5000003"
    assert frame.loc["11", "parent_id"] == "10"
    assert frame.loc["11", "text"] == "yes @lena_k and Omar"
    assert frame.loc["12", "mentions"] == "omar_b" and _na(frame.loc["12", "parent_id"])


def test_telegram_sample_has_no_mentions() -> None:
    frame = _read(TelegramJson(), SAMPLES / "telegram" / "chat-analytics_DM_2A_7M.json")
    assert len(frame) == 6 and frame["mentions"].isna().all()


# ---------------------------------------------------------------------- other exports

def test_x_archive_replies_mention_the_ids_in_user_mentions() -> None:
    frame = _read(XArchiveTweets(), SAMPLES / "twitter" / "tweets.js")
    assert frame.loc["2029899376470949893", "mentions"] == "1000000000000000002"
    assert frame.loc["2029594138174210129", "mentions"] == "100000006"
    assert _na(frame.loc["1975444042218676441", "mentions"])  # user_mentions is empty
    assert frame["mentions"].notna().sum() == 13


def test_douyin_sample_text_extra_mentions() -> None:
    frame = _read(CnComments(), SAMPLES / "douyin" / "douyin_comment_list_api_response.json")
    assert frame.loc["7569543503384036153", "mentions"] == (
        "2737428111799172 749761727070 3650947361852638")
    assert frame["mentions"].notna().sum() == 1


def test_bilibili_members_and_xiaohongshu_at_users(tmp_path: Path) -> None:
    bili = _json(tmp_path / "bili.json", {"data": {"replies": [
        {"rpid": 501, "oid": 77, "ctime": 1790848800, "member": {"mid": "9001", "uname": "a"},
         "content": {"message": "@b look", "members": [{"mid": "9002", "uname": "b"}]}}]}})
    assert _read(CnComments(), bili).loc["501", "mentions"] == "9002"
    xhs = _json(tmp_path / "xhs.json", [
        {"comment_id": "66e0aa000000000000000001", "note_id": "66e0aa000000000000000009",
         "create_time": 1790848800000, "content": "@c hi",
         "user_info": {"user_id": "5f0000000000000000000001", "nickname": "d"},
         "at_users": [{"user_id": "5f0000000000000000000002", "nickname": "c"}]}])
    frame = _read(CnComments(), xhs, platform="xiaohongshu")
    assert frame.loc["66e0aa000000000000000001", "mentions"] == "5f0000000000000000000002"


def test_facebook_message_tags_and_discourse_mention_links(tmp_path: Path) -> None:
    fb = _json(tmp_path / "fb.json", {"data": [
        {"id": "111_222", "created_time": "2026-10-01T10:00:00+0000", "message": "Ana Ruiz yes",
         "from": {"id": "333", "name": "Page"},
         "message_tags": [{"id": "444", "name": "Ana Ruiz", "type": "user", "offset": 0,
                           "length": 8}]}]})
    assert _read(FacebookComments(), fb, platform="facebook").loc["111_222", "mentions"] == "444"
    topic = _json(tmp_path / "topic.json", {"post_stream": {"posts": [
        {"id": 91, "topic_id": 9, "post_number": 1, "username": "team_sam",
         "created_at": "2026-10-01T10:00:00Z",
         "cooked": '<p>Hi <a class="mention" href="/u/ana">@ana</a> and '
                   '<a class="mention" href="/u/ben.k">@ben.k</a></p>'}]}})
    assert _read(DiscoursePosts(), topic).loc["91", "mentions"] == "ana ben.k"


def test_generic_mapping_reads_a_mentions_column(tmp_path: Path) -> None:
    mapping = playbook.ColumnMapping(table="messages", columns={
        "message_id": "ID", "author_id": "Author", "created_at": "Time", "mentions": "Tagged"})
    path = tmp_path / "crm.csv"
    path.write_text("ID,Author,Time,Tagged\n1,ana,2026-10-01T10:00:00+00:00,\"@ben, @cy\"\n"
                    "2,ben,2026-10-01T11:00:00+00:00,\n", encoding="utf-8")
    frame = _read(Generic(), path, platform="other", mapping=mapping)
    assert frame.loc["1", "mentions"] == "ben cy" and _na(frame.loc["2", "mentions"])


# --------------------------------------------------------------------------------- demo

@pytest.fixture(scope="module")
def demo_discord(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], dict[str, int]]:
    out = tmp_path_factory.mktemp("demo")
    counts = generate(out)
    docs = [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((out / "discord").glob("*.json"))]
    return docs, counts


def test_demo_discord_answers_are_mostly_replies_some_mentions_some_unlinked(
    demo_discord: tuple[list[dict], dict[str, int]],
) -> None:
    docs, counts = demo_discord
    people = set(DISCORD_PEOPLE)  # the team, employees and ambassadors
    replies = mentions = 0
    for doc in docs:
        earlier: dict[str, dict] = {}
        for item in doc["messages"]:
            if "reference" in item:
                parent = earlier[item["reference"]["messageId"]]  # an earlier line, same file
                assert item["type"] == "Reply"
                replies += item["author"]["id"] in people
                assert parent["author"]["id"] != item["author"]["id"]
            for user in item["mentions"]:
                mentions += 1
                named = [m for m in earlier.values() if m["author"]["id"] == user["id"]]
                assert named and item["content"].startswith(f"@{user['nickname']} ")
                assert item["author"]["id"] in people and "reference" not in item
            earlier[item["id"]] = item
    # the answers plus Mia's planted reply to the October insult in #help-desk
    assert (replies, mentions) == (counts["discord_answers_reply"] + 1,
                                   counts["discord_answers_mention"])
    unlinked = counts["discord_answers_unlinked"]
    assert replies > 3 * mentions and mentions > unlinked > 0
    assert (replies, mentions, unlinked) == (418, 115, 45)  # seed 7


def test_demo_insult_in_the_help_desk_gets_a_late_reply(
    demo_discord: tuple[list[dict], dict[str, int]],
) -> None:
    docs, _ = demo_discord
    (desk,) = [d for d in docs if d["channel"]["name"] == "help-desk"]
    by_id = {m["id"]: m for m in desk["messages"]}
    (reply,) = [m for m in desk["messages"] if "reference" in m
                and by_id[m["reference"]["messageId"]]["content"] == "idiots, all of you"]
    assert reply["author"]["id"] == "900000000000000011"  # Mia, 13 h 30 min later
    assert reply["timestamp"] == "2026-10-10T09:10:00.000-04:00"
