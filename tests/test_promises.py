"""Promises in the words of their settings, and consequences a brand can carry out."""

from __future__ import annotations

import datetime as dt

import pytest

from communitykit.platform_actions import actions_for, consequence
from communitykit.playbook import BusinessHours
from communitykit.promises import day_hours, longest_closure, opening_words, within

WEEKDAYS_9_TO_6 = BusinessHours(days={d: ("09:00", "18:00")
                                      for d in ("mon", "tue", "wed", "thu", "fri")})
WITH_SATURDAY = BusinessHours(days={**WEEKDAYS_9_TO_6.days, "sat": ("10:00", "14:00")})


@pytest.mark.parametrize(("duration", "clock", "en", "zh"), [
    ("4h", "business", "within 4 working hours", "4个工作小时内"),
    ("9h", "business", "within 1 working day", "1个工作日内"),
    ("18h", "business", "within 2 working days", "2个工作日内"),
    ("1d", "business", "within 24 working hours (about 2.7 working days)",
     "24个工作小时内（约2.7个工作日）"),
    ("30m", "business", "within 0.5 working hours", "0.5个工作小时内"),
    ("1h", "calendar", "within 1 hour, at any time", "1小时内（全天候，含夜间与周末）"),
    ("1d", "calendar", "within 1 day, at any time", "1天内（全天候，含夜间与周末）"),
])
def test_a_commitment_reads_as_it_is_measured(duration: str, clock: str, en: str,
                                              zh: str) -> None:
    assert within(duration, clock, WEEKDAYS_9_TO_6, "en") == en
    assert within(duration, clock, WEEKDAYS_9_TO_6, "zh") == zh


def test_the_working_day_is_the_usual_one_and_closures_wrap_the_week() -> None:
    assert day_hours(WITH_SATURDAY) == 9  # five days of 9 hours, one of 4
    # Friday 18:00 to Monday 09:00 = 63 h; with Saturday 10-14: Sat 14:00 to Mon 09:00 = 43 h
    assert longest_closure(WEEKDAYS_9_TO_6) == dt.timedelta(hours=63)
    assert longest_closure(WITH_SATURDAY) == dt.timedelta(hours=43)
    assert opening_words(WITH_SATURDAY, "en") == "Mon–Fri 09:00–18:00, Sat 10:00–14:00"
    assert opening_words(WITH_SATURDAY, "zh") == "周一至周五 09:00–18:00，周六 10:00–14:00"


def test_no_suspension_where_a_brand_cannot_suspend() -> None:
    for platforms in (["instagram"], ["weibo", "douyin"], ["instagram", "facebook"]):
        for severity in ("low", "medium", "high", "critical"):
            assert "ban" not in actions_for(severity, platforms)
            text = consequence(severity, platforms, "en")
            assert "suspend" not in text and "ban the account from" not in text
    assert consequence("critical", ["discord"], "en") == (
        "We remove the message, ban the account from our community, keep the evidence and "
        "report it to the platform.")
    assert consequence("critical", ["weibo"], "zh") == (
        "我们会删除该内容、拉黑该账号、保留证据并向平台举报。")
    assert "block or ban" in consequence("critical", ["instagram", "facebook"], "en")


def test_validate_warns_about_an_escalation_promise_the_hours_cannot_keep(
        handcalc_ws, cli) -> None:
    from pathlib import Path

    from communitykit import playbook

    demo = Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml"
    target = handcalc_ws.playbook_file("demo")
    target.parent.mkdir(parents=True)
    text = demo.read_text(encoding="utf-8")
    unsaid = "\n".join(line for line in text.splitlines() if "clock: calendar" not in line)
    target.write_text(unsaid + "\n", encoding="utf-8")  # no row says someone is on call
    pb = playbook.load(target)
    calendar = [e for e in pb.rules.escalation if e.clock == "calendar"]
    code, out, _ = cli("validate", "demo")
    assert code == 0
    warned = [line for line in out.splitlines() if "runs at any time" in line]
    assert len(warned) == len(calendar) > 0
    assert "say so with `clock: calendar`; otherwise set `clock: business`" in warned[0]


def test_an_explicit_calendar_clock_states_on_call_cover() -> None:
    from pathlib import Path

    from communitykit import playbook
    from communitykit.promises import overpromises

    demo = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo"
                         / "playbook.yaml")
    assert all(e.clock == "calendar" for e in demo.rules.escalation)
    assert overpromises(demo) == []  # both rows write `clock: calendar`: someone is on call
    defaulted = [e.model_copy() for e in demo.rules.escalation]
    for row in defaulted:
        row.model_fields_set.discard("clock")
    unsaid = demo.model_copy(update={"rules": demo.rules.model_copy(
        update={"escalation": defaulted})})
    assert len(overpromises(unsaid)) == 2
