"""Planning notebooks: headless runs save the answers into the playbook, keep the
strategist's comments, record a revision, and refuse bad answers without touching the file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import papermill
import pytest

from communitykit import atomic
from communitykit import playbook as playbook_mod
from communitykit.cli import main
from communitykit.errors import PlaybookError, UserError
from communitykit.paths import Workspace
from communitykit.plan import STEP_NAMES, save
from communitykit.plan.cadence import CadencePlan
from communitykit.plan.goals import GoalsPlan
from communitykit.plan.guidelines import GuidelinesPlan
from communitykit.plan.guidelines_doc import GuidelinesDocument, write
from communitykit.plan.voices import VoicesPlan
from conftest import FIXTURES, ROOT, copy_workspace

ANSWERS = FIXTURES / "plan"
DEMO_PLAYBOOK = ROOT / "playbooks" / "demo" / "playbook.yaml"


def comment_lines(text: str) -> list[str]:
    """Every comment in a YAML text (whole-line and end-of-line), stripped."""
    out = []
    for line in text.splitlines():
        match = re.search(r"(?:^|\s)(#\s.*)$", line)
        if match:
            out.append(match.group(1).strip())
    return out


# ---- the notebooks' contract --------------------------------------------------------------
@pytest.mark.parametrize("step", STEP_NAMES)
def test_parameters_are_what_the_runner_passes(step: str) -> None:
    params = papermill.inspect_notebook(str(ROOT / "notebooks" / "plan" / f"{step}.ipynb"))
    assert {"client", "workspace", "answers", "save", "today"} <= set(params)
    nb = json.loads((ROOT / "notebooks" / "plan" / f"{step}.ipynb").read_text())
    assert nb["cells"][0]["cell_type"] == "markdown"  # each explains its practice first
    assert any("answers" in c["metadata"].get("tags", []) for c in nb["cells"])
    for cell in nb["cells"]:
        assert "def " not in "".join(cell["source"]) or cell["cell_type"] == "markdown"


# ---- headless runs through the command line (real kernel) ----------------------------------
@pytest.fixture(scope="module")
def planned(demo_store: Workspace, tmp_path_factory: pytest.TempPathFactory,
            ) -> tuple[Workspace, str, dict[str, int]]:
    """A copy of the demo workspace after all four steps ran with their answers files."""
    ws = copy_workspace(demo_store, tmp_path_factory.mktemp("planned") / "ws")
    before = ws.playbook_file("demo").read_text(encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    codes = {}
    try:
        for step in STEP_NAMES:
            codes[step] = main(["plan", "demo", step, "--answers", str(ANSWERS / f"{step}.yaml")])
    finally:
        mp.undo()
    return ws, before, codes


def test_every_step_runs_headless_and_saves(planned: tuple[Workspace, str, dict[str, int]],
                                            ) -> None:
    ws, before, codes = planned
    assert codes == dict.fromkeys(STEP_NAMES, 0)
    for step in STEP_NAMES:
        executed = ws.plan_runs_dir("demo") / f"{step}.ipynb"
        outputs = json.dumps([c.get("outputs") for c in json.loads(executed.read_text())["cells"]])
        assert "Saved into" in outputs, step
    cadence_run = (ws.plan_runs_dir("demo") / "cadence.ipynb").read_text()
    assert ("changed cadence/posts_per_week, cadence/pillars, cadence/response, "
            "business_hours/days, business_hours/holidays;") in cadence_run  # playbook order
    after = ws.playbook_file("demo").read_text(encoding="utf-8")
    # the strategist's comments survive, every one of them
    assert set(comment_lines(before)) <= set(comment_lines(after))
    assert after.startswith("# Playbook of the demo client")
    assert "  timezone: America/New_York   # IANA name" in after
    # sections no step touches are byte-for-byte the same
    untouched = before[before.index("listening:"):before.index("revisions:")]
    assert untouched in after
    pb = playbook_mod.load(ws.playbook_file("demo"))
    today = dt.date.today()
    assert [(r.step, r.note, r.date) for r in pb.revisions[1:]] == [
        ("guidelines", "Guidelines written with the team", today),
        ("goals", "Goals for the winter", today),
        ("cadence", "Winter cadence", today),
        ("voices", "Ambassador programme, winter", today),
    ]


def test_the_report_reads_the_planned_playbook(
    planned: tuple[Workspace, str, dict[str, int]],
) -> None:
    from communitykit import metrics, periods
    from communitykit.dataset import Dataset
    from communitykit.store import Store

    ws, _, _ = planned
    pb = playbook_mod.load(ws.playbook_file("demo"))
    figures = (metrics.compute(Dataset.from_store(Store(ws.store_dir("demo")), pb),
                              periods.parse("2026-10"))).to_json()
    goals = {g["id"]: g for g in figures["goals"]}
    # measured on October with the saved roster (employees now answer for the team)
    assert 0.2768 < goals["answer-more"]["baseline"] < goals["answer-more"]["target"]
    assert goals["answer-more"]["baseline_source"] == "2026-10"
    assert [c["planned_share"] for c in figures["presence"]["current"]["content_mix"]][:4] == [
        0.25, 0.35, 0.2, 0.2]


def test_guidelines_answers_are_saved(planned: tuple[Workspace, str, dict[str, int]]) -> None:
    ws, _, _ = planned
    pb = playbook_mod.load(ws.playbook_file("demo"))
    g = pb.guidelines
    assert g.purpose.startswith("Northwind's bakers' corner")
    assert g.behaviour[0] == "Be friendly to beginners; everybody burnt a tray once."
    assert len(g.contribute) == 2 and g.pinned_limit == 400
    assert [(s.platform, s.where, s.pinned) for s in g.shared] == [
        ("discord", "#welcome channel", True), ("instagram", "link in bio", False)]
    spam = pb.rules.categories[0]
    assert spam.description == "Ads, fake giveaways and links to buy followers."
    assert spam.patterns[-1] == "(?i)cheap followers"
    # the escalation matrix was not in the answers: kept as it was
    assert [e.owner for e in pb.rules.escalation] == ["Community lead (Mia Chen)",
                                                      "Head of brand with legal"]
    folder = ws.root / "guidelines" / "demo"
    assert sorted(p.name for p in folder.iterdir()) == [
        "guidelines.html", "guidelines.md", "pinned.html", "pinned.md"]
    assert len((folder / "pinned.md").read_text().rstrip("\n")) <= 400


def test_goals_answers_are_saved(planned: tuple[Workspace, str, dict[str, int]]) -> None:
    ws, _, _ = planned
    goals = playbook_mod.load(ws.playbook_file("demo")).goals
    assert [(g.id, g.metric, g.direction, g.target) for g in goals] == [
        ("answer-more", "response_rate", "at_least", 0.85),
        ("faster-answers", "first_response_business_median_hours", "at_most", 0.4),
    ]
    assert all(g.baseline.period == "2026-10" and g.start == dt.date(2026, 11, 1)
               and g.deadline == dt.date(2027, 3, 31) for g in goals)


def test_cadence_answers_are_saved(planned: tuple[Workspace, str, dict[str, int]]) -> None:
    ws, _, _ = planned
    pb = playbook_mod.load(ws.playbook_file("demo"))
    assert pb.cadence.posts_per_week == {"instagram": 4, "x": 5, "discord": 3}
    assert [(p.id, p.share) for p in pb.cadence.pillars] == [
        ("question", 0.25), ("tip", 0.35), ("update", 0.2), ("event", 0.2)]
    assert pb.cadence.response["question"].within == "2h"
    assert pb.cadence.response["message"].clock == "calendar"
    assert pb.business_hours.days["fri"] == ("08:30", "16:00")
    assert pb.business_hours.days["sat"] == ("10:00", "14:00")
    assert pb.business_hours.holidays.extra == [dt.date(2026, 12, 24), dt.date(2026, 12, 31)]
    text = ws.playbook_file("demo").read_text(encoding="utf-8")
    assert '    sat: ["10:00", "14:00"]' in text  # in the style of its siblings, quoted


def test_voices_answers_are_saved(planned: tuple[Workspace, str, dict[str, int]]) -> None:
    ws, _, _ = planned
    pb = playbook_mod.load(ws.playbook_file("demo"))
    names = [p.name for p in pb.roster]
    assert "Rosa Diaz" in names and "Alex Kim" not in names and len(names) == 9
    rosa = next(p for p in pb.roster if p.name == "Rosa Diaz")
    assert rosa.handles == {"instagram": ["rosa.bakes", "rosadiaz.kitchen"]}
    assert pb.team_roles == ["brand", "community_manager", "employee"]


def test_bad_answers_fail_with_the_message_and_change_nothing(
    demo_store: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = copy_workspace(demo_store, tmp_path / "ws")
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(ws.root))
    before = ws.playbook_file("demo").read_bytes()
    answers = tmp_path / "cadence.yaml"
    answers.write_text("cadence:\n  pillars:\n    - {id: tip, share: 0.5}\n"
                       "    - {id: news, share: 0.3}\n")
    assert main(["plan", "demo", "cadence", "--answers", str(answers)]) == 1
    err = capsys.readouterr().err
    assert "pillar shares must add up to 1, they add up to 0.800" in err
    assert "cadence: pillar shares" in err and "Traceback" not in err
    assert ws.playbook_file("demo").read_bytes() == before


# ---- the same checks in-process (no kernel) -----------------------------------------------
@pytest.fixture
def private_ws(demo_store: Workspace, tmp_path: Path) -> Workspace:
    return copy_workspace(demo_store, tmp_path / "ws")


BAD: list[tuple[type, dict[str, Any], str]] = [
    (GoalsPlan, {"baseline_period": "2026-10", "goals": [
        {"id": "met", "metric": "response_rate", "target": 0.2, "deadline": "2027-03-31"}]},
     "target 0.2 is below the baseline 0.2768, so it is already met"),
    (GoalsPlan, {"baseline_period": "2026-10", "goals": [
        {"id": "wrong-way", "metric": "response_rate", "direction": "at_most",
         "target": 0.9, "deadline": "2027-03-31"}]},
     "direction at_most contradicts the metric response_rate, where higher is better"),
    (GoalsPlan, {"baseline_period": "2026-10", "goals": [
        {"id": "same", "metric": "inbound", "target": 420, "deadline": "2027-03-31"}]},
     "the target 420 is already met by the baseline 420"),
    (GoalsPlan, {"baseline_period": "2026-10", "goals": [
        {"id": "discord-followers", "metric": "followers", "channel": "discord",
         "target": 500, "deadline": "2027-03-31"}]},
     "cannot measure followers (Followers) on discord in 2026-10: the store has no account "
     "daily rows on discord"),
    (GoalsPlan, {"goals": [{"id": "typo", "metric": "folowers", "target": 1,
                            "deadline": "2027-03-31"}]},
     "unknown metric 'folowers'"),
    (CadencePlan, {"cadence": {"posts_per_week": {"tiktok": 2}}},
     "plans posts on tiktok, but the playbook has no tiktok account"),
    (CadencePlan, {"business_hours": {"days": {"mon": ["18:00", "09:00"]}}},
     "business_hours/days/mon: opening 18:00 must be before closing 09:00"),
    (VoicesPlan, {"roster": [
        {"name": "A", "role": "ambassador", "handles": {"instagram": "same.handle"}},
        {"name": "B", "role": "influencer", "handles": {"instagram": "Same.Handle"}}]},
     "the instagram handle 'Same.Handle' belongs to both 'A' and 'B'"),
    (VoicesPlan, {"roster": [{"name": "A", "role": "member"}]},
     "roster/0/role: 'member' is not one of the choices"),
    (GuidelinesPlan, {"rules": {"categories": [
        {"id": "threats", "label": "Threats", "severity": "critical", "patterns": ["(unclosed"]}]}},
     "'(unclosed' is not a valid regular expression"),
    (GuidelinesPlan, {"guidelines": {"pinned_limit": 20}},
     "guidelines/pinned_limit: must be at least 140, got 20"),
    (GuidelinesPlan, {"guidelines": {"purpose": "x", "colour": "red"}},
     "unknown key"),
    (GuidelinesPlan, {"goals": []}, "answers for the guidelines step cannot hold goals"),
]


@pytest.fixture(scope="module")
def opened(demo_store: Workspace, tmp_path_factory: pytest.TempPathFactory,
           ) -> dict[type, Any]:
    """Each step opened once on a shared copy (refused answers never write)."""
    ws = copy_workspace(demo_store, tmp_path_factory.mktemp("refusals") / "ws")
    return {cls: cls.open("demo", ws.root)
            for cls in (GuidelinesPlan, GoalsPlan, CadencePlan, VoicesPlan)}


@pytest.mark.parametrize(("step", "answers", "message"), BAD,
                         ids=[f"{s.STEP}-{i}" for i, (s, _, _) in enumerate(BAD)])
def test_bad_answers_are_refused_with_a_reason(opened: dict[type, Any], step: type,
                                               answers: dict[str, Any], message: str) -> None:
    plan = opened[step]
    path = plan.path
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        plan.save(answers, save=True)
    assert message in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_dry_run_checks_without_writing(private_ws: Workspace) -> None:
    path = private_ws.playbook_file("demo")
    before = path.read_bytes()
    plan = CadencePlan.open("demo", private_ws.root)
    shown = plan.save({"cadence": {"posts_per_week": {"instagram": 7}}}, save=False)
    assert "valid; they change cadence/posts_per_week." in str(shown)
    assert path.read_bytes() == before


def test_history_views_use_the_clients_data(private_ws: Workspace) -> None:
    guidelines = GuidelinesPlan.open("demo", private_ws.root)
    flagged = str(guidelines.flagged())
    assert "Harassment and threats" in flagged and "you people are trash" in flagged
    matrix = str(guidelines.matrix())
    assert "Head of brand with legal" in matrix and "moderated as usual" in matrix
    baselines = str(GoalsPlan.open("demo", private_ws.root).baselines("2026-10"))
    assert "Baselines in 2026-10" in baselines and "27.7%" in baselines
    cadence = CadencePlan.open("demo", private_ws.root)
    assert set(cadence.rhythm()["platform"]) >= {"instagram", "x"}
    assert list(cadence.response_times()["kind"]) == ["question", "message"]
    assert "data:image/png;base64" in str(cadence.history())
    ahead = str(cadence.holidays_ahead({"business_hours": {"holidays": {
        "country": "US", "extra": [str(dt.date.today() + dt.timedelta(days=3))]}}}))
    assert "team day off" in ahead
    voices = VoicesPlan.open("demo", private_ws.root)
    quiet = [p["name"] for p in voices.inactive(voices.playbook)]
    assert quiet == ["Alex Kim"]  # the demo ambassador who stopped in July
    speakers = voices.speakers(voices.playbook)
    assert speakers.iloc[0]["role"] != "member" and (speakers["role"] == "member").any()


def test_no_data_is_a_note_not_an_error(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    (tmp_path / "playbooks" / "fresh").mkdir(parents=True)
    (tmp_path / "playbooks" / "fresh" / "playbook.yaml").write_bytes(DEMO_PLAYBOOK.read_bytes())
    plan = VoicesPlan.open("fresh", tmp_path)
    assert "No data imported for fresh yet" in str(plan.history())
    goals = GoalsPlan.open("fresh", tmp_path)
    with pytest.raises(UserError, match="no data to measure a baseline"):
        goals.save({"goals": [{"id": "g", "metric": "inbound", "target": 5,
                               "deadline": "2027-01-31", "start": "2026-12-01"}]})
    goals.save({"goals": [{"id": "g", "metric": "inbound", "target": 5, "start": "2026-12-01",
                           "deadline": "2027-01-31", "baseline": {"value": 2}}]})
    assert playbook_mod.load(ws.playbook_file("fresh")).goals[0].baseline.value == 2


# ---- round-trip saving -------------------------------------------------------------------
def test_save_keeps_comments_order_and_untouched_text(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO_PLAYBOOK.read_bytes())
    before = path.read_text(encoding="utf-8")
    cadence = save.plain(save.load_document(path)["cadence"])
    save.save_answers(path, {"cadence": {**cadence, "posts_per_week": {"instagram": 5}}},
                      "cadence", "more posts", dt.date(2026, 11, 20))
    after = path.read_text(encoding="utf-8")
    assert comment_lines(before) == comment_lines(after)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False)
               if a != b]
    assert changed == [("  posts_per_week: {instagram: 3, x: 5, discord: 2}",
                        "  posts_per_week: {instagram: 5}")]
    assert after.endswith("  - {date: 2026-11-20, step: cadence, note: more posts}\n")


def test_failed_write_leaves_the_file_whole(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO_PLAYBOOK.read_bytes())

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(OSError):
        save.save_answers(path, {"roster": []}, "voices")
    assert path.read_bytes() == DEMO_PLAYBOOK.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["playbook.yaml"]


def test_invalid_merge_is_a_playbook_error(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO_PLAYBOOK.read_bytes())
    with pytest.raises(PlaybookError, match=r"client/timezone: 'Mars/Olympus' is not an IANA"):
        save.save_answers(path, {"client": {"name": "X", "timezone": "Mars/Olympus"}}, "x")
    assert path.read_bytes() == DEMO_PLAYBOOK.read_bytes()


# ---- the public guidelines ---------------------------------------------------------------
def test_guidelines_in_english_and_chinese(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO_PLAYBOOK.read_bytes())
    en = write(playbook_mod.load(path), tmp_path / "en", dt.date(2026, 11, 20))
    for heading in ("# Northwind Biscuit Co. community guidelines",
                    "## Why this community exists", "## What we expect from everyone",
                    "## What breaks the rules", "## How you can contribute",
                    "## Giving feedback", "## How we handle serious cases",
                    "## Questions and reports"):
        assert heading in en.full_markdown
    assert "- Harassment and threats — we remove or hide the message" in en.full_markdown
    assert "Serious cases: a moderator acts within 4 hours, at any time." in en.full_markdown
    assert "Very serious cases: a moderator acts within 1 hour, at any time." in en.full_markdown
    assert en.pinned_length <= en.pinned_limit == 500
    assert f"({en.pinned_length} characters (limit 500)" not in en.pinned_html
    assert f"Pinned version: {en.pinned_length} characters (limit 500)." in en.pinned_html

    save.save_answers(path, {
        "client": {"name": "北风饼干", "language": "zh", "timezone": "Asia/Shanghai"},
        "guidelines": {"purpose": "这里是烘焙爱好者交流配方、分享作品的地方。欢迎提问。",
                       "shared": [{"platform": "weibo", "where": "置顶微博", "pinned": True}],
                       "pinned_limit": 160},
    }, "guidelines")
    zh = write(playbook_mod.load(path), tmp_path / "zh", dt.date(2026, 11, 20))
    for heading in ("# 北风饼干社区公约", "## 我们为什么建立这个社区", "## 我们对每位成员的期望",
                    "## 哪些行为违反公约", "## 你可以这样参与", "## 严重情况的处理",
                    "## 在哪里可以看到本公约", "## 咨询与举报"):
        assert heading in zh.full_markdown
    assert "严重情况：管理员会在4小时内（全天候，含夜间与周末）处理。" in zh.full_markdown
    assert "- 微博：置顶微博（已置顶）" in zh.full_markdown
    assert '<html lang="zh-Hans">' in zh.full_html
    first_lines = "北风饼干社区公约\n这里是烘焙爱好者交流配方、分享作品的地方。\n"
    assert zh.pinned_text.startswith(first_lines)
    assert zh.pinned_length <= 160
    assert (tmp_path / "zh" / "pinned.md").read_text(encoding="utf-8") == zh.pinned_text + "\n"


def test_guidelines_html_is_escaped_and_self_contained(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO_PLAYBOOK.read_bytes())
    save.save_answers(path, {"guidelines": {
        "purpose": "<script>alert(1)</script> & friends",
        "behaviour": ["Use *stars* and <b>tags</b> freely " * 12]}}, "guidelines")
    doc = GuidelinesDocument(playbook_mod.load(path)).render()
    for html in (doc.full_html, doc.pinned_html):
        assert "<script" not in html and "&lt;script&gt;" in html
        assert "http" not in html.replace("http-equiv", "")  # nothing loaded from outside
    assert "\\*stars\\*" in doc.full_markdown and "\\<b\\>" in doc.full_markdown
    # the long expectation does not fit the pinned post: it is left out, the rest stays
    assert doc.pinned_length <= 500 and "stars" not in doc.pinned_text
    assert doc.pinned_text.endswith("Full guidelines in our profile.")
