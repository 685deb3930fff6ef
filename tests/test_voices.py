"""Voices: advocates and community managers, computed by hand on a small chat."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import playbook
from communitykit.dataset import Dataset
from communitykit.metrics import voices
from communitykit.metrics.results import as_json
from communitykit.tables import conform

PB = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml")
JORDAN, ALEX, MIA = "900000000000000031", "900000000000000034", "900000000000000011"


def test_voices() -> None:
    rows = [  # id, author, UTC time, parent, text, likes
        ("0", ALEX, "2026-09-10T20:00Z", None, "starter check-in", 0),
        ("1", "m1", "2026-10-05T14:00Z", None, "how do I join?", 0),
        ("2", JORDAN, "2026-10-05T14:10Z", "1", "like this", 3),
        ("3", JORDAN, "2026-10-05T15:00Z", None, "Share your bakes!", 2),
        ("4", "m2", "2026-10-05T15:05Z", "3", "here is mine", 0),
        ("5", MIA, "2026-10-05T16:00Z", None, "Welcome all", 0),
    ]
    messages = conform(pd.DataFrame([
        {"platform": "discord", "message_id": i, "container": "c1", "author_id": a,
         "created_at": pd.Timestamp(t), "parent_id": p, "text": x, "likes": n}
        for i, a, t, p, x, n in rows]), "messages")
    data = Dataset.build(PB, messages=messages)
    v = as_json(voices.compute(data, pd.Timestamp("2026-10-01T04:00Z"),
                               pd.Timestamp("2026-11-01T04:00Z")))
    people = {p["name"]: p for p in v["people"]}
    assert {k: people["Jordan Blake"][k] for k in (
        "messages", "posts", "conversations_started", "answers_to_questions", "likes_earned",
        "last_active", "quiet")} == {
        "messages": 2, "posts": 1, "conversations_started": 1, "answers_to_questions": 1,
        "likes_earned": 5, "last_active": "2026-10-05", "quiet": False}
    assert people["Mia Chen"]["posts"] == 1 and people["Mia Chen"]["role"] == "community_manager"
    assert people["Alex Kim"]["last_active"] == "2026-09-10" and people["Alex Kim"]["quiet"]
    assert people["Priya Natarajan"]["last_active"] is None
    assert v["quiet_advocates"] == ["Priya Natarajan", "Li Wei", "Wang Xiaohong", "Alex Kim",
                                    "Ana Ruiz"]
    # message 1 is answered by Jordan (reply) and by Mia (next team message, flat thread)
    assert v["advocate_answers"] == 1 and v["advocate_share_of_answers"] == 0.5
    ambassadors = next(r for r in v["by_role"] if r["role"] == "ambassador")
    assert (ambassadors["people"], ambassadors["messages"]) == (3, 2)
