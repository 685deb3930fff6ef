"""Every figure of the review against a hand calculation on tests/fixtures/handcalc.

The fixture (November 2026, America/New_York, Mon-Fri 09:00-17:00, US holidays):

posts (Meta Business Suite CSV, local times)
  P0 Oct 15 10:00 "New: pumpkin..."          400 impressions, 20+1+1+2 = 24 engagement
  P1 Nov 2 10:00 "Tip: how to keep..."      1000 impressions, 80+6+5+9 = 100
  P2 Nov 6 12:00 "Which flavour ...?"        500 impressions, 30+3+0+2 = 35
  P3 Nov 1 01:30 "... bake-along" (01:30 happens twice that night: the earlier,
     EDT, instant 05:30Z is kept)            200 impressions, 10
comments (Graph API, UTC)
  M0 A Oct 15 15:00Z "Yum!" (previous period, never answered)
  M3 C Nov 1 04:30Z (Sun 00:30 EDT) "Are you open on Sunday?" brand 08:30Z (03:30 EST):
     calendar 4 h across the DST change; business 0 (answered before Monday opens)
  M4 A Nov 2 16:00Z "Is the dough vegan?" answered only by ambassador jordanbakes
  M6 B Nov 2 17:00Z "Love these biscuits" brand 17:15Z (0.25 h on both clocks);
     M7 C replies to M6 (a member answering a member)
  M5 C Nov 3 15:00Z "how long do they keep" never answered
  M8 D Nov 3 "free followers ..." spam: excluded
  M1 A Fri Nov 6 18:30 EST "When do you restock...?" brand Mon 09:30: calendar 63 h,
     business 0.5 h (the clock starts Monday 09:00)
  M2 B Tue Nov 10 16:00 EST "Can I order...?" Mia (CM) Thu Nov 12 10:00: calendar 42 h,
     business 1 h (Tue) + 0 (Wed 11 Nov, Veterans Day) + 1 h (Thu) = 2 h
  M9 A Mon Nov 30 16:30 EST "What about gift boxes?" only 0.5 business h before the
     period ends (commitment 4 h): pending
followers (UTF-16 insight file): Oct 31 1000, Nov 30 1100
"""

from __future__ import annotations

import pytest

from communitykit.paths import Workspace
from communitykit.report.review import Review


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from communitykit import playbook
    from communitykit.ingest import import_exports
    from communitykit.store import Store
    from conftest import FIXTURES, make_workspace

    tmp = tmp_path_factory.mktemp("handcalc")
    ws = make_workspace(tmp, "handcalc", FIXTURES / "handcalc" / "playbook.yaml")
    pb = playbook.load(ws.playbook_file("handcalc"))
    import_exports(Store(ws.store_dir("handcalc")), pb, [FIXTURES / "handcalc" / "exports"],
                   say=lambda _: None)
    review = Review.open("handcalc", "2026-11", workspace=str(ws.root))
    return review.metrics_document()


def test_inbound_questions_and_answers(doc: dict) -> None:
    r = doc["responsiveness"]["current"]
    # inbound: M1 M2 M3 M4 M5 M6 M9 (M7 answers a member, M8 is spam, replies are the team's)
    assert r["inbound"] == 7
    assert r["excluded_as_spam"] == 1
    assert r["questions"] == 6  # all but M6
    assert r["answered"] == 4  # M1 M2 M3 M6
    assert r["pending"] == 1  # M9
    assert r["due"] == 6
    assert r["response_rate"] == round(4 / (7 - 1), 4)
    assert r["answered_by_advocate"] == 1 and r["answered_only_by_advocate"] == 1  # M4
    assert r["answered_by_peer"] == 1  # M7 answers M6


def test_first_response_times_on_both_clocks(doc: dict) -> None:
    r = doc["responsiveness"]["current"]
    # calendar hours [0.25, 4, 42, 63]: median (4+42)/2, p90 42 + 0.7 * (63-42)
    assert r["first_response_calendar_median_hours"] == 23.0
    assert r["first_response_calendar_p90_hours"] == 56.7
    assert r["first_response_calendar_mean_hours"] == round(109.25 / 4, 2)
    # business hours [0, 0.25, 0.5, 2]: median 0.375, p90 0.5 + 0.7 * 1.5
    assert r["first_response_business_median_hours"] == 0.38
    assert r["first_response_business_p90_hours"] == 1.55
    assert r["first_response_business_mean_hours"] == round(2.75 / 4, 2)


def test_sla_and_unanswered_questions(doc: dict) -> None:
    r = doc["responsiveness"]["current"]
    # due: M1..M6; within commitment: M1 M2 M3 (questions, 4 h) and M6 (message, 8 h)
    assert r["sla_compliance"] == round(4 / 6, 4)
    assert r["sla_breaches"] == 2  # M4 and M5: due, not answered within their commitment
    assert r["unanswered_question_count"] == 2
    assert [q["text"] for q in r["unanswered_questions"]] == [
        "how long do they keep", "What about gift boxes?"]
    assert r["unanswered_questions"][0]["received"] == "2026-11-03 10:00"
    assert [(x["responder"], x["group"], x["first_answers"], x["median_business_hours"])
            for x in r["responders"]] == [
        ("Handcalc Bakery (instagram)", "team", 3, 0.25),  # M3 0, M6 0.25, M1 0.5
        ("Mia", "team", 1, 2.0),  # M2
        ("Jordan", "advocate", 1, 0.33),  # M4: 20 minutes
    ]


def test_presence(doc: dict) -> None:
    p = doc["presence"]["current"]
    assert p["team_posts"] == 3
    # 6 ISO weeks touch November: Oct 26 (1 day in, plan 2/7, 1 post -> 1),
    # Nov 2 (2 of 2 -> 1), Nov 9, 16, 23 (0), Nov 30 (1 day in, 0) -> 2 / 6
    assert p["cadence_adherence"] == round(2 / 6, 4)
    mix = {m["pillar"]: m for m in p["content_mix"]}
    assert mix["question"]["gap"] == round(1 / 3 - 0.5, 4)
    assert mix["tip"]["gap"] == round(1 / 3 - 0.25, 4)
    # last team activity Nov 12 15:00Z, period ends Dec 1 05:00Z: 18 days 14 h
    assert p["longest_silence_calendar_hours"] == 446.0
    # business: Thu 12 (7) + Fri 13 (8) + week 16-20 (40) + 23-25 and 27 (32,
    # Thanksgiving on the 26th) + Mon 30 (8)
    assert p["longest_silence_business_hours"] == 95.0
    # inside business hours: M2 M4 M5 M6 M9; outside: M1 (Fri 18:30), M3 (Sunday)
    assert p["coverage"] == round(5 / 7, 4)
    assert sum(sum(v) for v in p["inbound_by_weekday_hour"].values()) == 7
    assert p["inbound_by_weekday_hour"]["Fri"][18] == 1


def test_health(doc: dict) -> None:
    h = doc["health"]["current"]
    assert h["active_members"] == 3  # A B C (D only wrote spam)
    assert h["new_members"] == 2  # B C; A wrote in October
    assert h["returning_members"] == 1 and h["previous_active_members"] == 1
    assert h["retention"] == 1.0
    assert h["conversations"] == 1  # the M6 thread: B and C, C replying to B
    assert h["peer_support_rate"] == round(1 / 6, 4)  # M4, by the ambassador
    assert h["member_replies"] == 1 and h["member_reply_share"] == 1.0


def test_reach(doc: dict) -> None:
    r = doc["reach"]["current"]
    assert (r["followers_start_total"], r["followers_total"]) == (1000, 1100)
    assert r["follower_growth_rate"] == 0.1
    assert r["engagement"] == 145 and r["impressions"] == 1700
    assert r["engagement_rate"] == round(145 / 1700, 4)
    assert [p["engagement"] for p in r["top_posts"]] == [100, 35, 10]
    assert doc["reach"]["previous"]["engagement_rate"] == round(24 / 400, 4)


def test_previous_period(doc: dict) -> None:
    assert doc["previous_period"]["label"] == "2026-10"
    prev = doc["responsiveness"]["previous"]
    assert prev["inbound"] == 1 and prev["answered"] == 0  # M0
    assert doc["health"]["previous"]["active_members"] == 1


def test_goal_statuses(doc: dict) -> None:
    goals = {g["id"]: g for g in doc["goals"]}
    # response rate: expected on Nov 30 = 0.5 + 0.4 * 90/121 = 0.7975; 0.6667 is short by
    # more than 10% of 0.4
    assert goals["answer-more"]["expected"] == round(0.5 + 0.4 * 90 / 121, 4)
    assert goals["answer-more"]["status"] == "off track"
    # followers: expected 1000 + 200 * 29/60 = 1096.67; 1100 is beyond it
    assert goals["grow"]["status"] == "on track"
    assert goals["fast"]["status"] == "met"  # 0.38 h <= 0.5 h
    # members: expected 2.5 + 1.1 * 29/60 = 3.0317; 3 is short by 0.03 <= 0.11
    assert goals["members"]["status"] == "at risk"


def test_dst_ambiguous_publish_time_takes_the_earlier_instant(imported_ws: Workspace) -> None:
    from communitykit.store import Store

    posts = Store(imported_ws.store_dir("handcalc")).load("posts")
    p3 = posts.set_index("post_id").loc["18000000000000003", "created_at"]
    assert p3.isoformat() == "2026-11-01T05:30:00+00:00"
