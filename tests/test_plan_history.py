"""What each planning step shows from the client's data before asking (issue 18): a goal
metric's six periods with its trend and suggested target, each rule pattern's reach, what
cadence exists today, and who answers members. In-process on the demo store (no kernel);
the figures were checked by hand against the store and the report's own figures."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from communitykit import metrics, periods, promises
from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.plan import history_view
from communitykit.plan.cadence import CadencePlan
from communitykit.plan.goals import GoalsPlan
from communitykit.plan.guidelines import GuidelinesPlan
from communitykit.plan.voices import VoicesPlan
from conftest import copy_workspace

MONTHS = ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")


@pytest.fixture(scope="module")
def steps(demo_store: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each step opened once on a copy of the demo workspace (nothing here writes)."""
    ws = copy_workspace(demo_store, tmp_path_factory.mktemp("history") / "ws")
    return {"goals": GoalsPlan.open("demo", ws.root),
            "guidelines": GuidelinesPlan.open("demo", ws.root),
            "cadence": CadencePlan.open("demo", ws.root),
            "voices": VoicesPlan.open("demo", ws.root)}


def text_of(fragment: object) -> str:
    """The words of an HTML fragment, tags and images dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(fragment))).split())


# ---- goals -------------------------------------------------------------------------------
def test_a_metrics_six_periods_are_the_reports_figures(steps: dict[str, Any]) -> None:
    goals = steps["goals"]
    found = {h.metric: h for h in goals.histories("2026-10")}
    history = found["response_rate"]
    assert history.periods == MONTHS
    assert history.values == (0.2644, 0.2752, 0.2741, 0.234, 0.288, 0.2768)
    for month, value in zip(MONTHS, history.values, strict=True):
        # the report's "current" figures of the month (metrics.compute, one section)
        report = metrics.section_figures(goals.data, periods.parse(month), ("responsiveness",))
        assert report["responsiveness"].response_rate == value, month
    assert found["inbound"].values == (237, 299, 202, 268, 384, 420)
    assert found["followers"].values[0] is None  # no follower export before June


def test_the_suggested_target_follows_the_rule(steps: dict[str, Any]) -> None:
    found = {h.metric: h for h in steps["goals"].histories("2026-10")}
    # response rate: 28.8 % in September beats October's 27.7 %: reached before.
    assert found["response_rate"].suggested == 0.288
    # inbound: October's 420 is the best and the trend rises; least-squares slope over
    # x = 0..5 is 618 / 17.5 per month, carried three months on.
    assert found["inbound"].trend == "rising"
    assert found["inbound"].suggested == pytest.approx(420 + 3 * 618 / 17.5)
    shown = text_of(steps["goals"].baselines("2026-10"))
    assert ("Inbound messages higher 237 299 202 268 384 420 rising 526 the trend carried 3 "
            "periods on") in shown
    assert ("Response rate higher 26.4% 27.5% 27.4% 23.4% 28.8% 27.7% flat 28.8% the best of "
            "the last 6 periods: reached before, so realistic") in shown


def test_each_period_is_measured_once_for_all_metrics(demo_store: Workspace,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    goals = GoalsPlan.open("demo", demo_store.root)
    calls: list[str] = []
    measure_all = metrics.section_figures

    def counted(data: Any, period: periods.Period, *args: Any) -> Any:
        calls.append(period.label)
        return measure_all(data, period, *args)

    monkeypatch.setattr(metrics, "section_figures", counted)
    found = goals.histories("2026-10")
    assert len(found) == 29
    assert sorted(calls) == list(MONTHS)  # 29 metrics x 6 months: six computations
    chart = str(goals.history_chart("2026-10"))
    assert chart.count("data:image/png;base64") == 1 and sorted(calls) == list(MONTHS)


def test_a_measured_zero_baseline_asks_for_confirmation(steps: dict[str, Any]) -> None:
    goals = steps["goals"]
    # returning members: 0 in May 2026, the first month of data (nobody could return).
    assert goals.measure("returning_members", periods.parse("2026-05")) == 0
    goal = {"id": "come-back", "metric": "returning_members", "target": 50,
            "deadline": "2027-03-31"}
    with pytest.raises(UserError) as asked:
        goals.save({"baseline_period": "2026-05", "goals": [goal]}, save=False)
    assert ("goal 'come-back': returning_members was 0 in 2026-05, so a change from it says "
            "nothing: is 50 the absolute level you want? Confirm it by giving the goal "
            "baseline: {value: 0}") in str(asked.value)
    confirmed = goals.save({"baseline_period": "2026-05",
                            "goals": [{**goal, "baseline": {"value": 0}}]}, save=False)
    assert "The answers are valid" in str(confirmed)


# ---- rules -------------------------------------------------------------------------------
def test_each_pattern_counts_the_member_messages_it_flags(steps: dict[str, Any]) -> None:
    guidelines = steps["guidelines"]
    members = guidelines.member_messages()
    found = {(r.category, r.pattern): r for r in guidelines.pattern_reach(guidelines.playbook)}
    trash = found[("harassment", "(?i)you people are (trash|garbage)")]
    by_hand = members["text"].str.contains("you people are trash", case=False, regex=False)
    assert trash.flagged == int(by_hand.sum()) == 1
    assert trash.examples == ("you people are trash",)
    shown = text_of(guidelines.patterns())
    assert f"Out of {len(members)} past messages by members" in shown
    assert "Patterns that flag too much" not in shown  # the demo's patterns are narrow


def test_a_broad_pattern_is_warned_before_it_is_saved(steps: dict[str, Any]) -> None:
    guidelines = steps["guidelines"]
    members = guidelines.member_messages()
    by_hand = int(members["text"].str.contains("the", case=False, regex=False).sum())
    answers = {"rules": {"categories": [
        {"id": "spam", "label": "Spam", "severity": "high", "patterns": ["(?i)the"]}]}}
    shown = text_of(guidelines.flagged(answers))
    share = f"{by_hand / len(members):.1%}"
    assert by_hand / len(members) > 0.05
    assert (f"rules/categories/spam: pattern '(?i)the' flags {by_hand} of the {len(members)} "
            f"past member messages ({share}), more than 5.0%: it catches ordinary talk; make "
            "it narrower, and at severity high every flag would be an escalation") in shown
    assert "Patterns of the answered rule categories" in shown
    assert "Patterns of the answered rule categories" not in text_of(guidelines.flagged())


def test_the_matrix_names_promises_a_closed_team_cannot_keep(steps: dict[str, Any]) -> None:
    guidelines = steps["guidelines"]
    # The demo opens Mon-Fri 09:00-17:30: closed from Friday 17:30 to Monday 09:00.
    assert promises.longest_closure(guidelines.playbook.business_hours).total_seconds() == (
        (2 * 24 + 15.5) * 3600)
    # Its rows write clock: calendar (someone on call): nothing to warn about.
    assert "Promises the team cannot keep" not in text_of(guidelines.matrix())
    rows = [row.model_dump(mode="json", exclude={"clock"})
            for row in guidelines.playbook.rules.escalation]
    unsaid = {"rules": {"escalation": rows}}  # 4h and 1h at any hour, by default
    shown = text_of(guidelines.matrix(unsaid))
    candidate = guidelines.candidate(unsaid)
    lines = history_view.overpromise_lines(candidate)
    assert len(lines) == len(promises.overpromises(candidate)) == 2
    assert ("Promises the team cannot keep ⚠ rules/escalation (high): handle_within 4h promises "
            "action within 4 hours, at any time, but the team is closed for up to 2 days 15 "
            "hours 30 minutes in a row (Mon–Fri 09:00–17:30)") in shown
    business = {"rules": {"escalation": [{**row, "clock": "business"} for row in rows]}}
    assert "Promises the team cannot keep" not in text_of(guidelines.matrix(business))


# ---- cadence -----------------------------------------------------------------------------
def test_what_exists_today_counts_posts_per_week(steps: dict[str, Any]) -> None:
    cadence = steps["cadence"]
    weeks = cadence.weekly_posts()
    # The last 13 weeks of data end on Monday 2 November 2026: twelve whole weeks from
    # Monday 10 August to Sunday 1 November.
    assert [str(d) for d in weeks.index[[0, -1]]] == ["2026-08-10", "2026-10-26"]
    assert list(weeks.columns) == ["discord", "instagram", "x"]
    posts = cadence.data.posts
    local = posts["created_at"].dt.tz_convert(cadence.playbook.tz)
    by_hand = posts[posts["is_team"] & (posts["platform"] == "x")
                    & (local >= "2026-10-26") & (local < "2026-11-02")]
    assert weeks.loc[weeks.index[-1], "x"] == len(by_hand) == 10
    shown = text_of(cadence.today())
    assert "Per week 2 3.3 6.2" in shown
    assert "Open Mon–Fri 09:00–17:30" in shown


def test_what_exists_today_names_the_busiest_hours(steps: dict[str, Any]) -> None:
    cadence = steps["cadence"]
    start, end = cadence.history_period().utc_bounds(cadence.playbook.tz)
    m = cadence.data.messages
    inbound = m[m["inbound"] & (m["created_at"] >= start) & (m["created_at"] < end)]
    hours = inbound["created_at"].dt.tz_convert(cadence.playbook.tz).dt.hour
    assert cadence.busiest_hours()[0] == (19, int((hours == 19).sum())) == (19, 90)
    assert "Members write most at 19:00–19:59 (90)" in text_of(cadence.today())


# ---- voices ------------------------------------------------------------------------------
def test_who_answers_members_with_the_reports_counts(steps: dict[str, Any]) -> None:
    voices = steps["voices"]
    found = voices.answerers().set_index("name")
    assert found.loc["Sam Ortiz", ["role", "group", "first_answers"]].tolist() == [
        "community_manager", "team", 106]
    assert found.loc["Jordan Blake", ["role", "group", "first_answers"]].tolist() == [
        "ambassador", "advocate", 53]
    assert found.loc["nate_nibbles7", ["role", "group", "first_answers"]].tolist() == [
        "member", "peer", 3]
    start, end = voices.history_period().utc_bounds(voices.playbook.tz)
    m = voices.data.messages
    inbound = m[m["inbound"] & (m["created_at"] >= start) & (m["created_at"] < end)]
    by_hand = inbound[(inbound["peer_answer_by"] == "nate_nibbles7")
                      & (inbound["peer_answer_at"] < end)]
    assert len(by_hand) == 3


def test_members_who_answer_often_are_suggested_for_the_roster(steps: dict[str, Any]) -> None:
    voices = steps["voices"]
    suggested = {p["name"]: p for p in voices.suggested()}
    assert set(suggested) == {"dan_the_dunker3", "nate_nibbles7", "xu"}
    assert suggested["dan_the_dunker3"]["handles"] == {
        "discord": ["920000000000000124"], "instagram": ["dan_the_dunker3"]}
    assert suggested["xu"]["shared_name"]  # eight Discord accounts are called "xu"
    shown = str(voices.who_answers())
    assert "handles: {discord: '920000000000000124', instagram: dan_the_dunker3}" in text_of(
        shown)
    assert "Not suggested, as several accounts on one platform use the name: xu." in text_of(
        shown)
    assert "Jordan Blake" in shown and "And 62 more members" in text_of(shown)


def test_no_data_is_a_note_in_every_history_view(tmp_path: Path) -> None:
    from conftest import ROOT

    (tmp_path / "playbooks" / "fresh").mkdir(parents=True)
    (tmp_path / "playbooks" / "fresh" / "playbook.yaml").write_bytes(
        (ROOT / "playbooks" / "demo" / "playbook.yaml").read_bytes())
    views = [GoalsPlan.open("fresh", tmp_path).history_chart(),
             GuidelinesPlan.open("fresh", tmp_path).patterns(),
             CadencePlan.open("fresh", tmp_path).today(),
             VoicesPlan.open("fresh", tmp_path).who_answers()]
    for view in views:
        assert "No data imported for fresh yet" in str(view)
