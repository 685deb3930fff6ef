"""The report's figures read as they are: per-channel and per-person responsiveness, lists
that say what they leave out (with every row in a CSV beside the report), rounding half
away from zero, and periods the data covers only in part. Figures are built by hand."""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from communitykit.cells import safe_cell as inert
from communitykit.html import fmt_hours, fmt_number, fmt_points, fmt_relative, half_up
from communitykit.i18n import use_language
from communitykit.paths import Workspace
from communitykit.report import findings as findings_mod
from communitykit.report.lists import write_csv, write_lists
from communitykit.report.quality import data_quality
from communitykit.report.review import Review
from figures_factory import StubReport
from figures_factory import figures as typed


def text_of(markup: object) -> str:
    """The visible text of a fragment, one line per row, cell or paragraph."""
    s = re.sub(r"</(tr|p|h[1-6]|li|caption|a|span)>", "\n", str(markup))
    s = re.sub(r"</t[dh]>", " | ", s)
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", s))


def question(day: int, n: int) -> dict[str, Any]:
    return {"received": f"2026-10-{day:02d} 09:{n:02d}", "platform": "instagram",
            "author": f"member{n}", "text": f"question {n}?"}


def responsiveness(**extra: Any) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "inbound": 40, "questions": 18, "answered": 20, "pending": 2, "due": 30,
        "response_rate": 0.5263, "first_response_business_median_hours": 0.875,
        "sla_compliance": 0.5, "sla_breaches": 0, "excluded_as_spam": 0,
        "unanswered_question_count": 0, "unanswered_questions": [], "responders": [],
        "by_platform": {}, "channels_without_team": [], "replies_before_parent": 0,
    }
    figures.update(extra)
    return figures


def figures(**sections: Any) -> dict[str, Any]:
    """A complete figures dict, every section present, changed by ``sections``."""
    base: dict[str, Any] = {
        "period": {"label": "2026-10", "start": "2026-10-01", "end_exclusive": "2026-11-01",
                   "kind": "month"},
        "previous_period": {"label": "2026-09", "start": "2026-09-01",
                            "end_exclusive": "2026-10-01", "kind": "month"},
        "responsiveness": {"current": responsiveness(), "previous": responsiveness()},
        "presence": {"current": {}, "previous": {}},
        "health": {"current": {"active_members": 100, "new_members": 40},
                   "previous": {"active_members": 100, "new_members": 40}},
        "listening": {"current": {}, "previous": {}},
        "reach": {"current": {}, "previous": {}},
        "rules": {"current": {"escalations_open": 0}, "previous": {"escalations_open": 0}},
        "voices": {"current": {"quiet_advocates": []}, "previous": {"quiet_advocates": []}},
        "goals": [],
    }
    base.update(copy.deepcopy(sections))
    return base


def review(figs: dict[str, Any], language: str = "en") -> Review:
    """A Review holding ``figs`` (sections that read only the figures)."""
    r = Review.__new__(Review)
    r.report = StubReport(typed(figs), language)  # type: ignore[assignment]
    return r


# ---- rounding -----------------------------------------------------------------------------
def test_every_displayed_figure_rounds_half_away_from_zero() -> None:
    # 0.875 h = 52.5 min and 1.25% sit exactly half way: half to even would give 52 and 1.2
    assert fmt_hours(0.875) == "53 min" and fmt_hours(0.625) == "38 min"
    assert fmt_hours(2.5 / 60) == "3 min" and fmt_hours(-0.875) == "−53 min"
    assert fmt_number(0.0125, "ratio") == "1.3%" and fmt_number(0.0625, "ratio") == "6.3%"
    assert fmt_number(0.00625, "ratio") == "0.6%"
    assert fmt_points(0.0125) == "+1.3" and fmt_points(-0.0125) == "−1.3"
    assert fmt_relative(-0.545) == "55%" and fmt_relative(0.125) == "13%"
    assert str(half_up(0.625, 2)) == "0.63" and str(half_up(-2.5)) == "-3"
    # counts never show decimals, even an expected value; planned posts only when fractional
    assert fmt_number(13504.95) == "13,505" and fmt_number(2.5) == "3"
    assert fmt_number(8.9, "planned") == "8.9" and fmt_number(9.0, "planned") == "9"
    assert fmt_number(8.95, "planned") == "9" and fmt_number(float("nan")) == "–"
    with use_language("zh"):
        assert fmt_hours(0.875) == "53 分钟" and fmt_number(0.0125, "ratio") == "1.3%"


def test_goal_expected_value_of_a_count_is_whole() -> None:
    goal = {"label": "Followers", "channel": "instagram", "unit": "count", "baseline": 12000,
            "target": 15000, "expected": 13504.95, "current": 13407.0, "previous": 13144.0,
            "deadline": "2027-03-31", "status": "at risk"}
    html = str(review(figures(goals=[goal])).goals())
    assert "<td class=\"num\">13,505</td>" in html and "13,504" not in html


# ---- responsiveness per channel and per person ----------------------------------------------
def channel(inbound: int, answered: int, pending: int, rate: float | None,
            hours: tuple[float, float, float, float] | None, sla: float | None
            ) -> dict[str, Any]:
    b_med, b_p90, c_med, c_p90 = hours or (None, None, None, None)
    return {"inbound": inbound, "answered": answered, "pending": pending, "response_rate": rate,
            "first_response_business_median_hours": b_med,
            "first_response_business_p90_hours": b_p90,
            "first_response_calendar_median_hours": c_med,
            "first_response_calendar_p90_hours": c_p90, "sla_compliance": sla}


def test_responsiveness_per_channel_and_per_person() -> None:
    r = responsiveness(
        by_platform={"instagram": channel(20, 9, 2, 0.5, (0.5, 2.25, 12.0, 40.0), 0.4375),
                     "discord": channel(420, 0, 0, None, None, None)},
        channels_without_team=["discord"],
        responders=[{"responder": "Mia Chen", "group": "team", "first_answers": 7,
                     "median_business_hours": 0.875, "p90_business_hours": 3.5,
                     "median_calendar_hours": 20.0, "p90_calendar_hours": 50.25,
                     "outside_business_hours_share": 0.2857},
                    {"responder": "Li Wei", "group": "advocate", "first_answers": 2,
                     "median_business_hours": 0.0, "p90_business_hours": 0.0,
                     "median_calendar_hours": 1.5, "p90_calendar_hours": 1.5,
                     "outside_business_hours_share": 1.0}])
    text = text_of(review(figures(responsiveness={"current": r, "previous": responsiveness()})
                          ).responsiveness())
    assert "Who answered first" not in text
    assert ("instagram | 20 | 9 | 2 | 50.0% | 30 min | 2 h 15 min | 12 h 00 min | 40 h 00 min "
            "| 43.8% |") in text
    assert "discord | 420 | 0 | 0 | not measured: no team activity in the data |" in text
    assert ("Mia Chen | team | 7 | 53 min | 3 h 30 min | 20 h 00 min | 50 h 15 min | 28.6% |"
            in text)
    assert "Li Wei | advocate | 2 | 0 min | 0 min | 1 h 30 min | 1 h 30 min | 100.0% |" in text


def test_a_responder_without_every_wait_shows_dashes() -> None:
    old = responsiveness(responders=[{"responder": "Mia Chen", "group": "team",
                                      "first_answers": 3, "median_business_hours": 1.0}])
    text = text_of(review(figures(responsiveness={"current": old, "previous": old})).summary())
    assert "Summary" in text
    resp = text_of(review(figures(responsiveness={"current": old, "previous": old}))
                   .responsiveness())
    assert "Mia Chen | team | 3 | 1 h 00 min | – | – | – | – |" in resp


# ---- cut lists --------------------------------------------------------------------------
def eighteen_questions() -> dict[str, Any]:
    qs = [question(1 + n, n) for n in range(18)]
    return figures(responsiveness={"current": responsiveness(unanswered_questions=qs,
                                                             unanswered_question_count=18),
                                   "previous": responsiveness()})


def test_unanswered_questions_say_how_many_are_left_out_and_where(tmp_path: Path) -> None:
    r = review(eighteen_questions())
    text = text_of(r.responsiveness())
    assert "Unanswered questions (18, oldest first)" in text
    assert "question 14?" in text and "question 15?" not in text  # 15 rows, oldest first
    assert "… and 3 more." in text
    write_lists(r.report, tmp_path, {"accounts": []})  # type: ignore[arg-type]
    text = text_of(r.responsiveness())
    assert ("… and 3 more: all of them are in unanswered-questions.csv beside this report."
            in text)
    raw = (tmp_path / "unanswered-questions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["received", "channel", "member", "message"]
    assert len(rows) == 19 and rows[-1] == ["2026-10-18 09:17", "instagram", "member17",
                                            "question 17?"]
    r.report.language = "zh"
    assert "……另有 3 条：完整列表见本报告旁的 unanswered-questions.csv。" in text_of(
        r.responsiveness())


def test_fifteen_questions_need_no_more_line() -> None:
    figs = eighteen_questions()
    cur = figs["responsiveness"]["current"]
    cur["unanswered_questions"] = cur["unanswered_questions"][:15]
    cur["unanswered_question_count"] = 15
    assert "more" not in text_of(review(figs).responsiveness())


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    assert [inert(v) for v in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "ok =", 3)
            ] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "ok =", 3]
    path = tmp_path / "x.csv"
    write_csv(path, ("member", "message"), [("=cmd", "hi, \"you\"\nthere"), ("ann", "-5 off")])
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["member", "message"],
                                       ["'=cmd", "hi, \"you\"\nthere"], ["ann", "'-5 off"]]


def test_rule_examples_say_how_many_flags_they_leave_out() -> None:
    rules = {"flags": 9, "escalations": 0, "escalations_handled_in_time": 0,
             "escalations_handled_late": 0, "escalations_open": 0, "escalation_list": [],
             "by_category": [{"category": "spam", "label": "Spam", "severity": "low",
                              "flags": 5, "examples": [{"text": "a"}, {"text": "b"},
                                                       {"text": "c"}]},
                             {"category": "abuse", "label": "Abuse", "severity": "high",
                              "flags": 2, "examples": [{"text": "d"}, {"text": "e"}]}]}
    text = text_of(review(figures(rules={"current": rules, "previous": {**rules, "flags": 1,
                                                                       "by_category": []}}))
                   .rules())
    assert "Spam | low | 5 | 0 | a · b · c · and 2 more |" in text
    assert "Abuse | high | 2 | 0 | d · e |" in text


# ---- summary: data checks, coverage, pending, tiles ---------------------------------------
def test_a_channel_without_team_activity_comes_first() -> None:
    r = responsiveness(by_platform={"discord": channel(420, 0, 0, None, None, None)},
                       channels_without_team=["discord"], sla_breaches=12)
    figs = figures(responsiveness={"current": r, "previous": responsiveness()},
                   rules={"current": {"escalations_open": 2}, "previous": {}})
    found = findings_mod.findings(typed(figs))
    assert found[0].text == (
        "discord: 420 inbound messages and no activity by the team's accounts in the store; "
        "check that the playbook's accounts match the exports. Its messages are left out of "
        "the response figures.")
    assert found[0].tone == "bad" and found[1].text.startswith("Escalations still open: 2")


def partly_covered_november() -> dict[str, Any]:
    now = responsiveness(response_rate=None, inbound=3)
    figs = figures(
        period={"label": "2026-11", "start": "2026-11-01", "end_exclusive": "2026-12-01",
                "kind": "month"},
        previous_period={"label": "2026-10", "start": "2026-10-01",
                         "end_exclusive": "2026-11-01", "kind": "month"},
        responsiveness={"current": now, "previous": responsiveness(inbound=420)},
        health={"current": {"active_members": 0, "new_members": 0},
                "previous": {"active_members": 259, "new_members": 98}},
        coverage={"channels": [{"platform": "discord", "first_day": "2026-05-01",
                                "last_day": "2026-11-02"},
                               {"platform": "x", "first_day": "2026-11-20",
                                "last_day": "2026-12-31"}],
                  "store_first_day": "2026-05-01", "store_last_day": "2026-12-31",
                  "current": "full", "previous": "full",
                  "partial_channels_current": ["discord", "x"],
                  "partial_channels_previous": []})
    return figs


def test_a_partly_covered_period_claims_no_fall() -> None:
    figs = partly_covered_november()
    texts = [f.text for f in findings_mod.findings(typed(figs))]
    assert not any("fell" in t for t in texts), texts
    assert ("Lower than in the previous period, but not reported as a fall: Active members, "
            "New members, Inbound messages. The data covers this period only in part "
            "(discord to 2 Nov 2026; x from 20 Nov 2026).") in texts
    summary = text_of(review(figs).summary())
    assert ("The data covers this period only in part (discord to 2 Nov 2026; x from "
            "20 Nov 2026): days without data are missing, not zero.") in summary
    tiles = re.findall(r'<a class="tile".*?</a>', str(review(figs).summary()))
    rate = next(t for t in tiles if "Response rate" in t)
    assert "no figure this period" in rate and "no previous figure" not in rate
    active = text_of(next(t for t in tiles if "Active members" in t))
    assert "▼" not in active and "−259" not in active
    assert "vs 259 (this period partly covered)" in active


def test_changes_against_a_partly_covered_previous_period_say_so() -> None:
    figs = figures(
        responsiveness={"current": responsiveness(inbound=854, response_rate=0.6),
                        "previous": responsiveness(inbound=536, response_rate=0.5)},
        coverage={"channels": [{"platform": "instagram", "first_day": "2026-09-10",
                                "last_day": "2026-10-31"}],
                  "current": "full", "previous": "partial",
                  "partial_channels_current": [], "partial_channels_previous": ["instagram"]})
    found = findings_mod.findings(typed(figs))
    rise = next(f for f in found if f.text.startswith("Inbound messages rose"))
    assert rise.text == ("Inbound messages rose 59% to 854 (from 536). The data covers the "
                         "previous period only in part.")
    assert rise.tone == "info"  # not coloured good or bad
    markup = str(review(figs).summary())
    assert ("The data covers the previous period only in part (instagram from 10 Sept 2026): "
            "changes against it are marked as such.") in text_of(markup)
    rate = next(t for t in re.findall(r'<a class="tile".*?</a>', markup) if "Response rate" in t)
    assert 'tile-change flat' in rate and "▲ +10.0 pts" in text_of(rate)
    assert "vs 50.0% (previous period partly covered)" in text_of(rate)


def test_the_summary_settles_the_previous_periods_pending_messages() -> None:
    r = responsiveness(previous_pending={"messages": 28, "answered_in_time": 20,
                                         "answered_late": 5, "unanswered": 3})
    figs = figures(responsiveness={"current": r, "previous": responsiveness()})
    sentence = ("Messages pending at the end of the previous period: 28. Since then: answered "
                "in time 20, answered late 5, still unanswered 3.")
    assert sentence in text_of(review(figs).summary())
    assert ("上期期末待处理的消息：28 条。此后 20 条按时得到回复，5 条逾时回复，3 条至今未回复。"
            in text_of(review(figs, "zh").summary()))
    figs["responsiveness"]["current"]["previous_pending"] = {
        "messages": 0, "answered_in_time": 0, "answered_late": 0, "unanswered": 0}
    assert "pending at the end" not in text_of(review(figs).summary())


def test_a_goal_not_started_has_its_own_chip() -> None:
    goal = {"label": "Response rate", "channel": None, "unit": "ratio", "baseline": 0.3,
            "target": 0.9, "expected": None, "current": 0.4, "previous": 0.3,
            "deadline": "2027-06-30", "status": "not started"}
    met = {**goal, "status": "met"}
    markup = str(review(figures(goals=[goal, met])).summary())
    assert '<a class="chip good" href="#goals">1 met</a>' in markup
    assert '<a class="chip idle not-started" href="#goals">1 not started</a>' in markup
    assert '<td class="status idle not-started">not started</td>' in str(
        review(figures(goals=[goal])).goals())
    assert "1 项未开始" in str(review(figures(goals=[goal]), "zh").summary())


def test_the_advocate_share_says_what_it_is_a_share_of() -> None:
    voices = {"people": [], "by_role": [], "quiet_advocates": [], "advocate_answers": 253,
              "advocate_share_of_answers": 0.4437}
    text = text_of(review(figures(voices={"current": voices,
                                          "previous": {**voices,
                                                       "advocate_share_of_answers": 0.371}}))
                   .voices())
    assert ("Advocates answered 253 inbound messages: 44.4% of the answers to inbound messages "
            "by anyone (team, advocates, members), a message answered by several groups "
            "counting once for each (37.1% in the previous period).") in text


# ---- appendix and files beside the report (a real review of the hand-calculated client) ---
@pytest.fixture
def handcalc(imported_ws: Workspace) -> Review:
    from communitykit import periods

    return Review("handcalc", periods.resolve("2026-11", None, None), imported_ws)


def test_appendix_counts_replies_before_parent_and_make_up_days(handcalc: Review) -> None:
    import datetime as dt

    handcalc.figures.responsiveness.current.replies_before_parent = 2
    clock = handcalc.data.clock
    clock.__dict__["workdays"] = {dt.date(2026, 11, 7): "make-up working day",
                                  dt.date(2026, 12, 5): "make-up working day"}
    text = text_of(handcalc.appendix())
    assert ("2 replies are stored as written before the message they answer (local times that "
            "occur twice when clocks go back): they answer nothing and are left out of the "
            "response figures.") in text
    assert "Make-up working days in this period | 2026-11-07 |" in text


def test_save_metrics_writes_the_lists_beside_metrics_json(handcalc: Review,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "staging"
    folder.mkdir()
    handcalc.save_metrics(folder / "metrics.json")
    assert sorted(p.name for p in folder.iterdir()) == [
        "metrics.json", "rejected-rows.csv", "requests.csv", "unanswered-questions.csv"]
    questions = handcalc.figures.responsiveness.current.unanswered_questions
    assert questions
    with (folder / "unanswered-questions.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["message"] for r in rows] == [inert(q["text"]) for q in questions]
    register = handcalc.figures.listening.current.request_register
    with (folder / "requests.csv").open(encoding="utf-8-sig") as f:
        requests = list(csv.DictReader(f))
    assert [r["requested"] for r in requests] == [inert(x["item"]) for x in register]
    assert handcalc.report.lists_folder == folder


def test_metrics_json_names_files_relative_to_the_workspace(handcalc: Review,
                                                            tmp_path: Path) -> None:
    root = handcalc.report.workspace.root
    stored = {str(a["file"]) for a in handcalc.data.accounts}
    assert stored and all(Path(f).is_absolute() for f in stored)  # as the store holds them
    handcalc.save_metrics(tmp_path / "metrics.json")
    text = (tmp_path / "metrics.json").read_text(encoding="utf-8")
    assert str(root) not in text and str(root.resolve()) not in text
    # the fixtures' exports were imported from outside the workspace: by name alone
    files = [a["file"] for a in json.loads(text)["data_quality"]["accounts"]]
    assert files == sorted(Path(f).name for f in stored), files
    assert "/" not in "".join(files) and str(root) not in str(handcalc.appendix())


def test_the_engagement_rate_names_the_playbooks_basis() -> None:
    # by reach, the 1,000-impression floor does not apply: 500 impressions are enough
    reach = {"engagement_rate_by": "reach", "engagement_rate": 0.0525, "posts": 12,
             "impressions": 500,
             "followers_total": None, "follower_growth_rate": None, "engagement": 100,
             "followers": [], "by_channel": [], "by_pillar": [], "top_posts": []}
    figs = figures(reach={"current": reach, "previous": {**reach, "engagement_rate": 0.04}})
    summary = text_of(review(figs).summary())
    assert "Engagement rate (by reach)" in summary and "by impressions" not in summary
    assert "Engagement rate (by reach) rose 1.3 points to 5.3% (from 4.0%)." in summary
    assert "互动率（按触达人数）" in text_of(review(figs, "zh").summary())


def test_no_change_is_shown_against_a_previous_period_without_data() -> None:
    figs = figures(
        responsiveness={"current": responsiveness(inbound=300),
                        "previous": responsiveness(inbound=0, response_rate=None)},
        health={"current": {"active_members": 80, "new_members": 80},
                "previous": {"active_members": 0, "new_members": 0}},
        coverage={"channels": [{"platform": "x", "first_day": "2026-10-01",
                                "last_day": "2026-10-31"}],
                  "current": "full", "previous": "none", "partial_channels_current": [],
                  "partial_channels_previous": []})
    assert not [f for f in findings_mod.findings(typed(figs)) if " rose " in f.text]
    markup = str(review(figs).summary())
    assert ("The data has no day of the previous period: there is nothing to compare this "
            "period with.") in text_of(markup)
    active = text_of(next(t for t in re.findall(r'<a class="tile".*?</a>', markup)
                          if "Active members" in t))
    assert "no previous figure" in active and "▲" not in active and "vs" not in active


# ---- findings on enough data ----------------------------------------------------------------
def reach(posts: int, impressions: int, rate: float, by: str = "impressions") -> dict[str, Any]:
    return {"engagement_rate_by": by, "engagement_rate": rate, "posts": posts,
            "impressions": impressions, "engagement": round(rate * impressions),
            "followers_total": None, "follower_growth_rate": None, "followers": [],
            "by_channel": [], "by_pillar": [], "top_posts": []}


def one_post_before(posts: int = 1, impressions: int = 87) -> dict[str, Any]:
    """October: 10 posts, 5,000 impressions, 5.0%; September: ``posts`` posts with
    ``impressions`` impressions, 7.2% (the issue's case: 1 post, 87 impressions)."""
    return figures(reach={"current": reach(10, 5000, 0.05),
                          "previous": reach(posts, impressions, 0.0724)})


def test_a_rate_against_a_period_of_one_post_is_no_finding() -> None:
    figs = one_post_before()
    assert not [f for f in findings_mod.findings(typed(figs)) if "Engagement rate" in f.text]
    markup = str(review(figs).summary())
    assert ("Too little data to compare with the previous period, so these changes are not "
            "reported as findings: Engagement rate (by impressions) (team posts in the "
            "previous period: 1, at least 5 needed; impressions in the previous period: 87, "
            "at least 1,000 needed).") in text_of(markup)
    tile = next(t for t in re.findall(r'<a class="tile".*?</a>', markup) if "Engagement" in t)
    assert "tile-change flat" in tile  # not coloured as worse
    assert "▼ −2.2 pts vs 7.2% (little data)" in text_of(tile)
    assert ("数据太少，无法与上期比较，以下变化不作为发现报告：互动率（按曝光量）"
            "（上期团队帖子数：1，至少需要 5；上期曝光量：87，至少需要 1,000）。"
            ) in text_of(review(figs, "zh").summary())


@pytest.mark.parametrize(("posts", "impressions", "made"), [
    (5, 1000, True), (4, 1000, False), (5, 999, False), (40, 87, False)])
def test_the_engagement_rate_floors_are_5_posts_and_1000_impressions(
        posts: int, impressions: int, made: bool) -> None:
    texts = [f.text for f in findings_mod.findings(typed(one_post_before(posts, impressions)))]
    fell = "Engagement rate (by impressions) fell 2.2 points to 5.0% (from 7.2%)."
    assert (fell in texts) is made, texts
    tiles = re.findall(r'<a class="tile".*?</a>', str(review(one_post_before(
        posts, impressions)).summary()))
    tile = next(t for t in tiles if "Engagement" in t)
    assert ("(little data)" in tile) is not made and ("tile-change bad" in tile) is made


def floored(metric: str, count: int) -> dict[str, Any]:
    """Figures where only ``metric`` moves, and its evidence this period is ``count``."""
    moves = {"response_rate": ("response_rate", 0.8, 0.5263),
             "peer_support_rate": ("peer_support_rate", 0.6, 0.3),
             "first_response_business_median_hours": (
                 "first_response_business_median_hours", 4.0, 2.0)}
    key, now_value, before_value = moves[metric]
    now = responsiveness(inbound=count + 3, pending=3, due=count, answered=count,
                         questions=count, first_response_business_median_hours=2.0)
    before = responsiveness(first_response_business_median_hours=2.0)
    health = {"active_members": 100, "new_members": 40, "peer_support_rate": 0.3}
    figs = figures(responsiveness={"current": now, "previous": before},
                   health={"current": dict(health), "previous": dict(health)})
    section = "health" if metric == "peer_support_rate" else "responsiveness"
    figs[section]["current"][key] = now_value
    figs[section]["previous"][key] = before_value
    return figs


@pytest.mark.parametrize(("metric", "sentence"), [
    ("response_rate", "Response rate rose 27.4 points to 80.0% (from 52.6%)."),
    ("peer_support_rate", "Peer support rate rose 30.0 points to 60.0% (from 30.0%)."),
    ("first_response_business_median_hours",
     "First response, median (business hours) rose 100% to 4 h 00 min (from 2 h 00 min)."),
])
def test_rates_and_durations_need_10_items_this_period(metric: str, sentence: str) -> None:
    assert sentence in [f.text for f in findings_mod.findings(typed(floored(metric, 10)))]
    nine = floored(metric, 9)
    assert not [f for f in findings_mod.findings(typed(nine)) if f.text.startswith(sentence[:12])]
    assert findings_mod.thin(typed(nine), metric)
    assert not findings_mod.thin(typed(floored(metric, 10)), metric)
    assert "this period: 9, at least 10 needed" in text_of(review(nine).summary())


def test_a_figure_without_its_count_is_too_little_data() -> None:
    older = figures(reach={"current": {**reach(10, 5000, 0.05), "posts": None},
                           "previous": reach(10, 5000, 0.0724)})
    assert findings_mod.thin(typed(older), "engagement_rate")
    assert not findings_mod.thin(typed(older), "active_members")  # a count is its own evidence
    by_reach = figures(reach={"current": reach(10, 0, 0.05, "reach"),
                              "previous": reach(5, 0, 0.0724, "reach")})
    assert not findings_mod.thin(typed(by_reach), "engagement_rate")  # no impressions floor


def test_texts_longer_than_the_analysed_opening_are_counted(handcalc: Review) -> None:
    from communitykit.classify import ANALYSIS_CHARS

    assert data_quality(handcalc.report)["texts_cut_for_analysis"] == 0
    m = handcalc.data.messages
    november = m.index[m["created_at"] >= "2026-11-01T04:00Z"]
    handcalc.data.messages.loc[november[:2], "text"] = "x" * (ANALYSIS_CHARS + 1)
    handcalc.data.messages.loc[november[2], "text"] = "y" * ANALYSIS_CHARS  # not longer
    assert data_quality(handcalc.report)["texts_cut_for_analysis"] == 2
    assert ("2 message texts are longer than 5,000 characters: only their first 5,000 "
            "characters are analysed") in text_of(handcalc.appendix())
