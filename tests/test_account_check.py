"""Importing exports whose accounts match none of the playbook's warns, names the file,
the accounts it shows and the playbook's, and records the warning in the import account;
the client's own exports (members-only files included) import without a warning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from communitykit import playbook
from communitykit.ingest import import_exports
from communitykit.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "exports"
DEMO = playbook.load(ROOT / "playbooks" / "demo" / "playbook.yaml")
HANDCALC = playbook.load(FIXTURES / "handcalc" / "playbook.yaml")
ACME_X = SAMPLES / "twitter" / "tweet_activity_metrics_AcmeResearch_20210801_20210901_en.csv"
MISMATCH = "accounts do not match the playbook"


def _import(store: Store, pb: playbook.Playbook, *files: Path
            ) -> tuple[list[str], list[list[str]]]:
    """(warning lines said, each file's notes that are account warnings)."""
    said: list[str] = []
    accounts = import_exports(store, pb, list(files), say=said.append)
    warned = [line for line in said if line.startswith("    warning: ")]
    return warned, [[n for n in a.notes if n.startswith(MISMATCH)] for a in accounts]


def _comments(path: Path, media: str, *people: tuple[str, str]) -> Path:
    """An Instagram Graph comments file on ``media``: one comment per (id, username)."""
    data = [{"id": f"179000000000000{n:02d}", "text": "nice", "username": name,
             "timestamp": f"2026-11-0{n + 1}T10:00:00+0000", "like_count": 0,
             "from": {"id": user, "username": name}, "media": {"id": media},
             "replies": {"data": []}} for n, (user, name) in enumerate(people)]
    path.write_text(json.dumps({"data": data}), encoding="utf-8")
    return path


def _dce(path: Path, channel: str, *lines: tuple[str, str, str]) -> Path:
    """A DiscordChatExporter file: (author id, name, content) per line, a minute apart."""
    messages = [{"id": f"95000000000000{channel[-2:]}{n:02d}", "type": "Default",
                 "timestamp": f"2026-10-01T10:{n:02d}:00.000+00:00", "content": content,
                 "author": {"id": user, "name": name, "isBot": False}, "mentions": []}
                for n, (user, name, content) in enumerate(lines)]
    doc = {"guild": {"id": "910000000000000000", "name": "Club"},
           "channel": {"id": channel, "name": "general"}, "messages": messages}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_another_brands_post_export_warns_with_both_sides(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    warned, notes = _import(store, DEMO, ACME_X)
    expected = (f"{MISMATCH}: this x file shows AcmeResearch; the playbook's x accounts are "
                "northwindbakes (1400000000000000001) and no roster handle matches either.")
    assert len(warned) == 1 and warned[0].startswith(f"    warning: {expected}")
    assert len(notes[0]) == 1 and notes[0][0].startswith(expected)
    (saved,) = store.accounts()  # the warning stays with the import account (the appendix)
    assert saved["file"] == str(ACME_X) and saved["notes"][-1] == notes[0][0]


def test_the_same_export_under_its_own_playbook_passes(tmp_path: Path) -> None:
    acme = DEMO.model_copy(update={"accounts": [
        playbook.Account(platform="x", handle="acmeresearch")]})  # handles: any case
    warned, notes = _import(Store(tmp_path / "store"), acme, ACME_X)
    assert warned == [] and notes == [[]]


def test_another_servers_discord_export_names_its_most_active_authors(tmp_path: Path) -> None:
    warned, (notes,) = _import(Store(tmp_path / "store"), DEMO,
                               SAMPLES / "discord" / "chat-analytics_GC_3A_5M.json")
    assert notes == [
        f"{MISMATCH}: this discord file shows lumen (222222222222222222), "  # 3 messages
        "maple (111111111111111111), thefern (333333333333333333); the playbook's discord "
        "accounts are Northwind (900000000000000001) and no roster handle matches either. "
        "If it is another brand's export or the handles changed, fix the playbook's accounts "
        "and roster before trusting the report"]
    assert len(warned) == 1


def test_a_platform_without_any_playbook_account_warns(tmp_path: Path) -> None:
    warned, (notes,) = _import(Store(tmp_path / "store"), DEMO,
                               SAMPLES / "telegram" / "chat-analytics_DM_2A_7M.json")
    assert len(notes) == 1 and notes[0].startswith(
        f"{MISMATCH}: the playbook has no telegram account")
    assert len(warned) == 1


def test_members_only_comments_pass_under_the_clients_posts(tmp_path: Path) -> None:
    posts = FIXTURES / "handcalc" / "exports" / "instagram_posts.csv"
    members = [("17850000000000001", "member_a"), ("17850000000000002", "member_b")]
    on_ours = _comments(tmp_path / "comments_18000000000000001.json", "18000000000000001",
                        *members)
    store = Store(tmp_path / "store")
    warned, notes = _import(store, HANDCALC, posts, on_ours)
    assert warned == [] and notes == [[], []]
    # later, a members-only file on a post the store knows: still the client's
    later = _comments(tmp_path / "comments_18000000000000000.json", "18000000000000000",
                      *members)
    assert _import(store, HANDCALC, later) == ([], [[]])
    # a members-only file on a post nobody imported: nothing ties it to the client
    stray = _comments(tmp_path / "comments_18999999999999999.json", "18999999999999999",
                      *members)
    warned, (notes,) = _import(Store(tmp_path / "other"), HANDCALC, stray)
    assert len(warned) == 1 and notes[0].startswith(
        f"{MISMATCH}: this instagram file shows member_a (17850000000000001), member_b "
        "(17850000000000002); the playbook's instagram accounts are handcalcbakery "
        "(17841400000000009)")


def test_discord_files_tied_by_roster_channel_or_a_brand_mention(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    member = ("920000000000000001", "amy", "where is my order?")
    ambassador = ("900000000000000031", "Jordan", "check the FAQ")
    first = _dce(tmp_path / "a [910000000000000001].json", "910000000000000001",
                 member, ambassador)
    assert _import(store, DEMO, first) == ([], [[]])  # an ambassador (roster) wrote
    # only members, in the channel where the roster wrote before: the client's channel
    later = _dce(tmp_path / "b [910000000000000001].json", "910000000000000001",
                 ("920000000000000002", "ben", "same question"))
    assert _import(store, DEMO, later) == ([], [[]])
    # only members, in a new channel, one naming the brand's account: the client's server
    named = _dce(tmp_path / "c [910000000000000003].json", "910000000000000003",
                 ("920000000000000003", "cy", "@northwind is the shop open?"))
    assert _import(store, DEMO, named) == ([], [[]])
    # only members, in a new channel, naming no one: warned
    unknown = _dce(tmp_path / "d [910000000000000004].json", "910000000000000004",
                   ("920000000000000004", "dee", "hello"), ("920000000000000004", "dee", "hi"),
                   ("920000000000000005", "eve", "hey"), ("920000000000000006", "fay", "yo"),
                   ("920000000000000007", "gus", "hm"))
    warned, (notes,) = _import(store, DEMO, unknown)
    assert len(warned) == 1 and notes[0].startswith(
        f"{MISMATCH}: this discord file shows dee (920000000000000004), eve "
        "(920000000000000005), fay (920000000000000006) and 1 more; the playbook's discord "
        "accounts are Northwind (900000000000000001)")


def test_the_demo_exports_import_without_a_warning(tmp_path: Path) -> None:
    from communitykit.demo import generate

    generate(tmp_path / "exports")
    warned, notes = _import(Store(tmp_path / "store"), DEMO, tmp_path / "exports")
    assert warned == [] and all(n == [] for n in notes) and len(notes) > 80
    shutil.rmtree(tmp_path / "exports")
