"""Which member messages are inbound, their commitments, and the period's data coverage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from communitykit import metrics, periods, playbook
from communitykit.dataset import Dataset
from communitykit.metrics import coverage, responsiveness
from communitykit.metrics.goals import status
from communitykit.metrics.results import as_json
from communitykit.tables import conform

ROOT = Path(__file__).resolve().parents[1]
PB = playbook.load(ROOT / "playbooks" / "demo" / "playbook.yaml")
OCTOBER = (pd.Timestamp("2026-10-01T04:00Z"), pd.Timestamp("2026-11-01T04:00Z"))


def _posts() -> pd.DataFrame:
    return conform(pd.DataFrame([
        {"platform": "instagram", "post_id": "P1", "author_id": "northwindbiscuits",
         "created_at": pd.Timestamp("2026-10-05T14:00Z"), "text": "New biscuits",
         "impressions": 100, "reactions": 10},
        {"platform": "instagram", "post_id": "P2", "author_id": "jordanbakes",  # an ambassador
         "created_at": pd.Timestamp("2026-10-05T15:00Z"), "text": "My bake", "impressions": 50,
         "reactions": 30},
    ]), "posts")


def _comments(rows: list[dict[str, object]]) -> pd.DataFrame:
    base = {"platform": "instagram", "created_at": pd.Timestamp("2026-10-06T14:00Z")}
    return conform(pd.DataFrame([{**base, **r} for r in rows]), "messages")


def test_comments_on_an_ambassadors_post_are_not_inbound_and_the_post_is_not_the_teams() -> None:
    data = Dataset.build(PB, posts=_posts(), messages=_comments([
        {"message_id": "c1", "post_id": "P1", "author_id": "m1", "text": "Yum"},
        {"message_id": "c2", "post_id": "P2", "author_id": "m2", "text": "Yum too"},
    ]))
    inbound = data.messages.set_index("message_id")["inbound"]
    assert inbound.to_dict() == {"c1": True, "c2": False}
    figures = metrics.section_figures(data, periods.parse("2026-10"), ("presence", "reach",
                                                                       "voices"))
    presence, reach, voices = (as_json(figures[s]) for s in ("presence", "reach", "voices"))
    assert presence["team_posts"] == 1
    assert reach["posts"] == 1
    assert reach["engagement_rate_by_impressions"] == 0.1  # 10 / 100
    jordan = next(p for p in voices["people"] if p["name"] == "Jordan Blake")
    assert jordan["post_engagement"] == 30


def test_a_member_naming_the_brand_handle_is_inbound_wherever_they_write() -> None:
    data = Dataset.build(PB, posts=_posts(), messages=_comments([
        {"message_id": "c1", "post_id": "P2", "author_id": "m1", "text": "@jordanbakes nice"},
        {"message_id": "c2", "post_id": "P2", "author_id": "m2",
         "text": "@NorthwindBiscuits where can I buy these?"},
        {"message_id": "c3", "post_id": "P2", "author_id": "m3",
         "text": "@northwindbiscuits.fan is not the brand"},
        {"message_id": "c4", "post_id": "P2", "author_id": "m4",
         "text": "mail me at a@northwindbiscuits"},
    ]))
    inbound = data.messages.set_index("message_id")["inbound"]
    assert inbound.to_dict() == {"c1": False, "c2": True, "c3": False, "c4": False}


def test_rule_flagged_messages_take_their_severitys_commitment() -> None:
    raw = playbook.read_yaml(ROOT / "playbooks" / "demo" / "playbook.yaml")
    assert isinstance(raw, dict)
    raw["cadence"]["response"]["high"] = {"within": "30m", "clock": "calendar"}
    pb = playbook.validate(raw, Path("playbook.yaml"))
    high = next(c for c in pb.rules.categories if c.severity == "high")
    sample = next(p for p in high.patterns if "(" not in p.removeprefix("(?i)"))
    text = sample.removeprefix("(?i)").replace("\\b", "")
    data = Dataset.build(pb, posts=_posts(), messages=_comments([
        {"message_id": "c1", "post_id": "P1", "author_id": "m1", "text": f"you {text}"},
        {"message_id": "c2", "post_id": "P1", "author_id": "m2", "text": "Lovely"},
        {"message_id": "r1", "post_id": "P1", "parent_id": "c1", "author_id": "northwindbiscuits",
         "created_at": pd.Timestamp("2026-10-06T14:45Z"), "text": "Please be kind"},
    ]))
    m = data.messages.set_index("message_id")
    assert m.loc["c1", "message_kind"] == "high"
    assert m.loc["c1", "sla"] == pd.Timedelta("30m")
    assert m.loc["c2", "message_kind"] == "message"
    r = as_json(responsiveness.compute(data, *OCTOBER))
    assert r["answered"] == 1 and r["due"] == 2
    assert r["sla_breaches"] == 2  # c1 answered after 45 min of its 30, c2 never


def test_channels_without_any_team_activity_are_named_not_measured() -> None:
    data = Dataset.build(PB, posts=_posts(), messages=conform(pd.DataFrame([
        {"platform": "discord", "message_id": "d1", "container": "general", "author_id": "m1",
         "created_at": pd.Timestamp("2026-10-06T14:00Z"), "text": "hello?"},
        {"platform": "instagram", "message_id": "c1", "post_id": "P1", "author_id": "m1",
         "created_at": pd.Timestamp("2026-10-06T14:00Z"), "text": "Yum"},
    ]), "messages"))
    r = as_json(responsiveness.compute(data, *OCTOBER))
    assert r["channels_without_team"] == ["discord"]
    assert r["inbound"] == 2 and r["unmeasured_inbound"] == 1
    assert r["due"] == 1 and r["response_rate"] == 0.0  # instagram only
    assert r["by_platform"]["discord"]["team_activity"] is False
    assert r["by_platform"]["discord"]["response_rate"] is None


def test_previous_pending_messages_are_settled_in_the_next_period() -> None:
    # Commitments: questions 4 business hours. Three questions on Fri 30 Oct after
    # 15:00 New York time are pending at the end of October.
    rows = [
        {"message_id": "q1", "post_id": "P1", "author_id": "m1", "text": "How? 1",
         "created_at": pd.Timestamp("2026-10-30T19:00Z")},
        {"message_id": "q2", "post_id": "P1", "author_id": "m2", "text": "How? 2",
         "created_at": pd.Timestamp("2026-10-30T19:30Z")},
        {"message_id": "q3", "post_id": "P1", "author_id": "m3", "text": "How? 3",
         "created_at": pd.Timestamp("2026-10-30T20:00Z")},
        # q1 answered Mon 2 Nov 10:00 EST (2.5 + 1 = 3.5 business h: in time)
        {"message_id": "a1", "post_id": "P1", "parent_id": "q1", "author_id": "northwindbiscuits",
         "created_at": pd.Timestamp("2026-11-02T15:00Z"), "text": "Like this"},
        # q2 answered Tue 3 Nov 12:00 EST (2 + 8.5 + 3 business h: late)
        {"message_id": "a2", "post_id": "P1", "parent_id": "q2", "author_id": "northwindbiscuits",
         "created_at": pd.Timestamp("2026-11-03T17:00Z"), "text": "Like that"},
    ]
    data = Dataset.build(PB, posts=_posts(), messages=_comments(rows))
    october = as_json(responsiveness.compute(data, *OCTOBER))
    assert october["pending"] == 3
    november = as_json(responsiveness.compute(data, pd.Timestamp("2026-11-01T04:00Z"),
                                      pd.Timestamp("2026-12-01T05:00Z"), OCTOBER[0]))
    assert november["previous_pending"] == {"messages": 3, "answered_in_time": 1,
                                            "answered_late": 1, "unanswered": 1}


def test_coverage_of_periods_the_data_covers_in_part() -> None:
    data = Dataset.build(PB, posts=_posts(), messages=_comments([
        {"message_id": "c1", "post_id": "P1", "author_id": "m1", "text": "Yum",
         "created_at": pd.Timestamp("2026-11-02T15:00Z")},
    ]))
    assert coverage.channel_spans(data) == {"instagram": (dt.date(2026, 10, 5),
                                                          dt.date(2026, 11, 2))}
    assert coverage.covered((dt.date(2026, 10, 5), dt.date(2026, 11, 2)),
                            periods.parse("2026-10")) == "partial"
    q4 = as_json(coverage.compute(data, periods.parse("2026-Q4")))
    assert (q4["current"], q4["previous"]) == ("partial", "none")
    assert q4["partial_channels_current"] == ["instagram"]
    assert coverage.covered((dt.date(2026, 9, 1), dt.date(2026, 11, 2)),
                            periods.parse("2026-10")) == "full"


def test_a_goal_that_starts_after_the_period_is_not_started() -> None:
    goal = playbook.Goal(id="g", metric="response_rate", direction="at_least", target=0.9,
                         baseline=playbook.Baseline(value=0.5), start=dt.date(2026, 11, 1),
                         deadline=dt.date(2026, 12, 31))
    assert status(goal, 0.5, 0.95, dt.date(2026, 10, 31)) == "not started"
    assert status(goal, 0.5, 0.95, dt.date(2026, 11, 1)) == "met"


def test_another_brands_exports_leave_the_channel_unmeasured() -> None:
    posts = conform(pd.DataFrame([
        {"platform": "instagram", "post_id": "Q1", "account_id": "555", "author_id": "555",
         "author_name": "otherbrand", "created_at": pd.Timestamp("2026-10-05T14:00Z"),
         "text": "Their post"},
    ]), "posts")
    data = Dataset.build(PB, posts=posts, messages=_comments([
        {"message_id": "c1", "post_id": "Q1", "author_id": "m1", "text": "Where is it?"},
        {"message_id": "r1", "post_id": "Q1", "parent_id": "c1", "author_id": "555",
         "text": "Here"},  # their brand answering: a member to the playbook
    ]))
    r = as_json(responsiveness.compute(data, *OCTOBER))
    assert r["channels_without_team"] == ["instagram"]
    assert r["inbound"] == 1 and r["due"] == 0 and r["response_rate"] is None
    assert r["sla_breaches"] == 0


def test_a_store_written_before_the_mentions_column_loads_by_column(tmp_path: Path) -> None:
    from communitykit.store import Store

    old = _comments([{"message_id": "c1", "post_id": "P1", "author_id": "m1", "text": "Yum"}])
    store = Store(tmp_path / "store")
    store.commit({"messages": old.drop(columns=["mentions"])}, [])
    loaded = store.load("messages", columns=["message_id", "mentions"])
    assert loaded["message_id"].tolist() == ["c1"] and loaded["mentions"].isna().all()
