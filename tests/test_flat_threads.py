"""Answers on chat platforms without reply links (METRICS.md, flat threads)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import playbook
from communitykit.dataset import Dataset
from communitykit.tables import conform

PB = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml")
BRAND, MIA, JORDAN = "900000000000000001", "900000000000000011", "900000000000000031"


def _chat(rows: list[tuple[str, str, str, str | None]]) -> pd.DataFrame:
    """(id, author, UTC time, parent) rows in one Discord channel."""
    return conform(pd.DataFrame([
        {"platform": "discord", "message_id": i, "container": "c1", "author_id": a,
         "created_at": pd.Timestamp(t), "parent_id": p, "text": f"message {i}?"}
        for i, a, t, p in rows
    ]), "messages")


def _answers(rows: list[tuple[str, str, str, str | None]]) -> pd.DataFrame:
    m = Dataset.build(PB, messages=_chat(rows)).messages
    return m.set_index("message_id")[["inbound", "team_answer_at", "team_answer_by",
                                      "advocate_answer_at"]]


def test_next_team_message_answers_until_the_member_writes_again() -> None:
    a = _answers([
        ("1", "m1", "2026-10-05T14:00Z", None),  # member asks
        ("2", "m2", "2026-10-05T14:05Z", None),  # another member asks
        ("3", "m2", "2026-10-05T14:10Z", None),  # ... and asks again
        ("4", MIA, "2026-10-05T14:20Z", None),  # the community manager writes
    ])
    assert a.loc["1", "team_answer_at"] == pd.Timestamp("2026-10-05T14:20Z")
    assert a.loc["1", "team_answer_by"] == "Mia Chen"
    assert pd.isna(a.loc["2", "team_answer_at"])  # m2 wrote again before Mia
    assert a.loc["3", "team_answer_at"] == pd.Timestamp("2026-10-05T14:20Z")


def test_brand_announcements_and_replies_to_others_are_not_answers() -> None:
    a = _answers([
        ("1", "m1", "2026-10-05T14:00Z", None),
        ("2", BRAND, "2026-10-05T14:01Z", None),  # an announcement: a post
        ("3", "m9", "2026-10-05T14:02Z", None),
        ("4", MIA, "2026-10-05T14:03Z", "3"),  # Mia replies to m9 only
        ("5", JORDAN, "2026-10-05T14:04Z", None),  # ambassador speaks up
    ])
    assert pd.isna(a.loc["1", "team_answer_at"])
    assert a.loc["3", "team_answer_at"] == pd.Timestamp("2026-10-05T14:03Z")
    assert a.loc["1", "advocate_answer_at"] == pd.Timestamp("2026-10-05T14:04Z")
    assert not a.loc["2", "inbound"] and not a.loc["4", "inbound"]
