"""The review step of the planning notebooks (plan/review_step.py, notebooks/plan/review.ipynb):
the rendered report's findings, the actions still open, and the draft review file written
by the same code as ``communitykit review``, never over an existing file. The package's
functions run here without a kernel; one slow test executes the notebook on the demo."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import nbformat
import papermill
import pytest

from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.periods import Period, parse
from communitykit.plan import NOTEBOOK_NAMES, REVIEW_STEP, STEP_NAMES
from communitykit.plan.review_step import (
    ReviewStep,
    period_label,
    ran,
    report_findings,
    review_period,
)
from communitykit.plan.run import step_parameters
from communitykit.report.review_notes import read_note
from conftest import FIXTURES, ROOT, copy_workspace, make_workspace
from figures_factory import metrics_document

GOAL = {"id": "reply", "metric": "response_rate", "label": "Response rate", "unit": "ratio",
        "channel": None, "direction": "at_least", "target": 0.8, "baseline": 0.5,
        "baseline_source": "2026-06", "start": "2026-07-01", "deadline": "2026-12-31",
        "current": 0.5, "status": "off track"}
# The findings of that report, worked out by hand: the goal off track, and active members
# up (120 - 100) / 100 = 20 %.
FINDINGS = ["Goal “Response rate” is off track: 50.0% against a target of 80.0%.",
            "Active members rose 20% to 120 (from 100)."]
SEPTEMBER = """actions:
  - {id: faq, what: Pin the FAQ, owner: Mia, due: 2026-10-15, status: in progress}
  - {id: old, what: Old task, owner: Sam, due: 2026-09-20, status: done}
  - {id: cover, what: Cover the evenings, owner: Sam, due: 2026-11-20}
commentary: September.
"""


def metrics_doc(period: Period) -> dict[str, Any]:
    """A metrics.json of ``period``: response rate 50 % (60 % before), 120 active members
    (100 before), one goal off track; every other figure blank."""
    return metrics_document(period, 0.5, 120, before=(0.6, 100), goals=[GOAL])


def render(ws: Workspace, client: str, label: str) -> Path:
    folder = ws.report_dir(client, label)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metrics.json").write_text(json.dumps(metrics_doc(parse(label))), "utf-8")
    return folder


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Clients ``acme`` (English) and ``pinpai`` (Chinese), September reviewed in YAML."""
    ws = make_workspace(tmp_path, "acme", FIXTURES / "handcalc" / "playbook.yaml")
    text = ws.playbook_file("acme").read_text(encoding="utf-8")
    ws.client_dir("pinpai").mkdir(parents=True)
    ws.playbook_file("pinpai").write_text(text.replace("language: en", "language: zh", 1),
                                          encoding="utf-8")
    for client in ("acme", "pinpai"):
        (ws.client_dir(client) / "reviews").mkdir()
        (ws.client_dir(client) / "reviews" / "2026-09.yaml").write_text(SEPTEMBER, "utf-8")
    return ws


def test_which_period(ws: Workspace) -> None:
    acme = ws.client("acme")
    today = dt.date(2026, 12, 2)
    assert period_label(acme, "2026-Q3", today) == "2026-Q3"
    assert period_label(acme, " last-month ", today) == "2026-11"
    assert period_label(acme, "last-quarter", "2026-12-02") == "2026-Q3"
    assert period_label(acme, None, today) == "2026-11"  # no report rendered: last month
    for label in ("2026-09", "2026-W44", "2026-10"):  # W44 ends last (2 Nov)
        render(ws, "acme", label)
    (ws.report_dir("acme", "notes")).mkdir()  # not a period: not a report
    assert period_label(acme, None, today) == "2026-W44"
    assert review_period("2026-10-01_2026-10-15").days == 15
    with pytest.raises(UserError, match=r"period '2026-13' is not understood: use a month"):
        review_period("2026-13")


def test_before_the_report_is_rendered(ws: Workspace) -> None:
    step = ReviewStep.open("acme", ws.root, "2026-10")
    assert str(step.about()) == (
        '<p class="note">Review of 2026-10 (1 Oct 2026 – 31 Oct 2026) for Handcalc Bakery</p>')
    assert "The report of 2026-10 is not rendered yet" in str(step.findings())
    assert "`communitykit report acme --period 2026-10`" in str(step.findings())
    assert report_findings(ws.client("acme"), "2026-10") is None
    shown = str(step.draft(save=False))
    assert "Not written yet: set save = True" in shown
    assert "(no report for this period yet: render it to list its findings here)" in shown
    assert not (ws.client_dir("acme") / "reviews" / "2026-10.md").exists()
    assert ran(ws.client("acme"), "2026-10", None, save=False) == [
        "review: no report for 2026-10 yet: the draft lists no findings (render it first with "
        "`communitykit report acme --period 2026-10` to have them)",
        "review: the draft for 2026-10 is in the executed notebook, not written (dry run)"]
    with pytest.raises(UserError, match=r"today 'tomorrow' is not a date \(YYYY-MM-DD\)"):
        ReviewStep.open("acme", ws.root, "last-month", "tomorrow")
    custom = ReviewStep.open("acme", ws.root, "2026-10-01_2026-10-15")
    assert "`communitykit report acme --from 2026-10-01 --to 2026-10-15`" in str(
        custom.findings())


def test_findings_open_actions_and_the_draft(ws: Workspace) -> None:
    folder = render(ws, "acme", "2026-10")
    step = ReviewStep.open("acme", ws.root, "2026-10")
    found = str(step.findings())
    assert f"From the rendered report: {folder / 'report.html'}" in found
    assert "<ul>" + "".join(f"<li>{text}</li>" for text in FINDINGS) + "</ul>" in found
    assert "<td class=\"\">Response rate</td><td class=\"\">off track</td>" in found
    assert report_findings(ws.client("acme"), "2026-10") == FINDINGS
    # September's open actions at October's end (1 Nov): the FAQ due 15 Oct is overdue,
    # 31 days old (1 Oct -> 1 Nov); the evenings, due 20 Nov, are not; the done one is not
    # listed.
    actions = str(step.open_actions())
    assert "Actions from earlier reviews not yet done or dropped: 2." in actions
    assert actions.index("Pin the FAQ") < actions.index("Cover the evenings")
    assert '<td class="status bad">in progress · overdue</td><td class="">2026-09 · 31 days' \
        in actions
    assert "Old task" not in actions

    written = str(step.draft(save=True))
    path = ws.client_dir("acme") / "reviews" / "2026-10.md"
    assert f"Draft written: {path}." in written
    text = path.read_text(encoding="utf-8")
    assert "## What happened\n\n- " + "\n- ".join(FINDINGS) + "\n" in text
    note = read_note(path)
    assert note.draft and [a.id for a in note.actions] == ["faq", "cover"]
    assert "  # from the review of 2026-09, overdue\n  - id: faq" in text

    # Run again: the file is kept as it is, shown with its check.
    before = path.read_bytes()
    again = str(ReviewStep.open("acme", ws.root, "2026-10").draft(save=True))
    assert path.read_bytes() == before
    assert f"A review file for 2026-10 exists and is left as it is: {path}." in again
    assert "The file is valid (actions: 2)." in again
    assert "It is still a draft" in again
    assert ran(ws.client("acme"), "2026-10", path, save=True) == [
        f"review: {path} exists and is left as it is (still a draft: the report shows none of "
        "it until you remove `draft: true`)"]


def test_an_existing_file_with_a_mistake_is_shown_with_it(ws: Workspace) -> None:
    path = ws.client_dir("acme") / "reviews" / "2026-10.yaml"
    path.write_text("commentary: <b>Words</b>\nactions:\n  - {what: x, owner: y, due: soon}\n",
                    encoding="utf-8")
    shown = str(ReviewStep.open("acme", ws.root, "2026-10").draft(save=True))
    assert "&lt;b&gt;Words&lt;/b&gt;" in shown and "<b>" not in shown  # the text, escaped
    assert (f"no report of the client runs until it is fixed: {path}: line 3, actions/0/due: "
            "&#x27;soon&#x27; is not a date") in shown
    assert not (ws.client_dir("acme") / "reviews" / "2026-10.md").exists()
    with pytest.raises(UserError, match=r"line 3, actions/0/due: 'soon' is not a date"):
        ran(ws.client("acme"), "2026-10", path, save=True)
    path.write_text("commentary: Done.\n", encoding="utf-8")
    assert "The report of 2026-10 opens with its commentary." in str(
        ReviewStep.open("acme", ws.root, "2026-10").draft())


def test_in_chinese(ws: Workspace) -> None:
    render(ws, "pinpai", "2026-10")
    step = ReviewStep.open("pinpai", ws.root, "2026-10")
    assert "Handcalc Bakery 2026-10 复盘（2026年10月1日 – 2026年10月31日）" in str(step.about())
    found = str(step.findings())
    assert "<li>目标“回复率”偏离目标：当前为 50.0%，目标值为 80.0%。</li>" in found
    assert "<th class=\"\">对比</th>" in found
    assert "之前复盘中尚未完成或放弃的行动项：2 项。" in str(step.open_actions())
    assert "已逾期" in str(step.open_actions())
    written = str(step.draft(save=True))
    assert "草稿已写入" in written
    text = (ws.client_dir("pinpai") / "reviews" / "2026-10.md").read_text(encoding="utf-8")
    assert "## 本期情况\n\n- 目标“回复率”偏离目标" in text and "## 下一步" in text


def test_the_notebooks_parameters_are_what_the_runner_passes() -> None:
    passed = step_parameters(Workspace(ROOT), "demo", REVIEW_STEP, None, True, None, "2026-10")
    for path in (ROOT / "notebooks" / "plan" / "review.ipynb",
                 ROOT / "notebooks" / "plan" / "zh" / "review.ipynb"):
        params = papermill.inspect_notebook(str(path))
        assert set(params) == set(passed) == {"client", "workspace", "period", "save", "today"}
        assert params["save"]["default"] == "False"  # in JupyterLab: shown first, then saved
        nb = nbformat.read(path, as_version=4)
        assert nb.cells[0].cell_type == "markdown"
        for cell in nb.cells:
            assert "def " not in cell.source or cell.cell_type == "markdown"
            if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                assert len(cell.source.splitlines()) <= 4
    other = step_parameters(Workspace(ROOT), "demo", "goals", None, True, None, None)
    assert set(other) == {"client", "workspace", "answers", "save", "today"}
    assert NOTEBOOK_NAMES[-1] == "review" and NOTEBOOK_NAMES[:-1] == STEP_NAMES


def test_the_command_line_refuses_before_a_kernel(ws: Workspace, cli: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(ws.root))
    answers = ws.root / "answers.yaml"
    answers.write_text("note: x\n", encoding="utf-8")
    code, _, err = cli("plan", "acme", "review", "--period", "2026-10", "--answers",
                       str(answers))
    assert code == 1 and "the review step takes no answers file" in err
    code, _, err = cli("plan", "acme", "goals", "--period", "2026-10")
    assert code == 1 and "--period is for the review step only, not goals" in err
    code, _, err = cli("plan", "acme", "review", "--period", "October")
    assert code == 1 and "period 'October' is not understood" in err
    (ws.client_dir("acme") / "reviews" / "2026-10.md").write_text("Two.\n", "utf-8")
    (ws.client_dir("acme") / "reviews" / "2026-10.yaml").write_text("commentary: One.\n",
                                                                   "utf-8")
    code, _, err = cli("plan", "acme", "review", "--period", "2026-10")
    assert code == 1 and "2026-10.md and 2026-10.yaml are both the review of 2026-10" in err
    code, _, err = cli("review", "acme", "--period", "2026-10")
    assert code == 1 and "are both the review of 2026-10" in err


@pytest.mark.slow
def test_the_notebook_runs_on_the_demo(demo_store: Workspace, tmp_path: Path, cli: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The English notebook, executed by papermill (``communitykit plan demo review``) on a
    copy of the demo with its September review and its October report's metrics.json."""
    from communitykit.report.review import Review

    ws = copy_workspace(demo_store, tmp_path / "ws")
    (ws.client_dir("demo") / "reviews").mkdir()
    shutil.copy(ROOT / "playbooks" / "demo" / "reviews" / "2026-09.md",
                ws.client_dir("demo") / "reviews")
    folder = ws.report_dir("demo", "2026-10")
    folder.mkdir(parents=True)
    Review.open("demo", "2026-10", workspace=str(ws.root)).save_metrics(folder / "metrics.json")
    findings = report_findings(ws.client("demo"), "2026-10")
    assert findings  # the demo's October has findings (goals off track among them)

    monkeypatch.setenv("COMMUNITYKIT_HOME", str(ws.root))
    code, out, err = cli("plan", "demo", "review", "--dry-run")  # the latest report: October
    draft = ws.client_dir("demo") / "reviews" / "2026-10.md"
    assert code == 0, err
    assert "review: the draft for 2026-10 is in the executed notebook, not written" in out
    assert not draft.exists()

    code, out, err = cli("plan", "demo", "review", "--period", "2026-10")
    assert code == 0, err
    assert f"review: draft written: {draft};" in out
    text = draft.read_text(encoding="utf-8")
    assert "## What happened\n\n- " + "\n- ".join(" ".join(f.split()) for f in findings) in text
    assert [a.id for a in read_note(draft).actions] == ["allergen-answers", "faq-refresh"]
    executed = ws.plan_runs_dir("demo") / "review.ipynb"
    nb = nbformat.read(executed, as_version=4)
    shown = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells
                    for o in c.get("outputs", []))
    assert "Review of 2026-10 (1 Oct 2026 – 31 Oct 2026) for Northwind Biscuit Co." in shown
    assert "Write approved answers on allergens" in shown and "overdue" in shown
    assert "Draft written:" in shown

    before = draft.read_bytes()
    code, out, err = cli("plan", "demo", "review", "--period", "2026-10")
    assert code == 0, err
    assert f"review: {draft} exists and is left as it is (still a draft" in out
    assert draft.read_bytes() == before
