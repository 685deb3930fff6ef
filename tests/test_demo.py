"""The demo client: deterministic exports that import cleanly and show every section."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from communitykit.demo import generate
from communitykit.paths import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_exports_are_deterministic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a")
    second = generate(tmp_path / "b")
    assert first == second
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert first["files"] == len(_digest(tmp_path / "a"))
    assert first["hostile_markup"] == 5 and first["discrimination"] == 1


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, dict[str, int]]:
    import shutil

    from communitykit.cli import main

    tmp = tmp_path_factory.mktemp("demo")
    (tmp / "playbooks" / "demo").mkdir(parents=True)
    shutil.copyfile(ROOT / "playbooks" / "demo" / "playbook.yaml",
                    tmp / "playbooks" / "demo" / "playbook.yaml")
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    counts = generate(tmp / "playbooks" / "demo" / "exports")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(tmp))
    try:
        assert main(["demo"]) == 0
    finally:
        mp.undo()
    return Workspace(tmp), counts


def test_demo_imports_every_row(demo_report: tuple[Workspace, dict[str, int]]) -> None:
    ws, counts = demo_report
    from communitykit.store import Store

    store = Store(ws.store_dir("demo"))
    messages = store.load("messages")
    assert len(store.load("posts")) == counts["instagram_posts"] + counts["x_posts"]
    assert len(messages) == counts["instagram_comments"] + counts["discord_messages"]
    assert all(a["rejected"] == 0 for a in store.accounts())
    assert messages["message_id"].str.fullmatch(r"\d{17,19}").all()


def test_demo_report_shows_the_planted_messages(
    demo_report: tuple[Workspace, dict[str, int]],
) -> None:
    ws, _ = demo_report
    folder = ws.report_dir("demo", "2026-10")
    metrics = json.loads((folder / "metrics.json").read_text())
    r = metrics["responsiveness"]["current"]
    assert r["unanswered_question_count"] >= 3
    assert r["answered_only_by_advocate"] > 0 and r["answered_by_peer"] > 0
    rules = metrics["rules"]["current"]
    flags = {c["category"]: c["flags"] for c in rules["by_category"]}
    assert (flags["harassment"], flags["discrimination"]) == (2, 1)  # planted in October
    # Instagram insult hidden by Mia in 40 min; the Discord one answered by her reply the
    # next morning (13 h 30 min: late); the discriminatory comment is open
    assert (rules["escalations"], rules["escalations_handled_in_time"],
            rules["escalations_handled_late"], rules["escalations_open"]) == (3, 1, 1, 1)
    voices = metrics["voices"]["current"]
    assert "Alex Kim" in voices["quiet_advocates"]  # stopped after July
    active = {p["name"] for p in voices["people"] if not p["quiet"]}
    assert {"Jordan Blake", "Wang Xiaohong", "Li Wei", "Mia Chen"} <= active
    statuses = {g["status"] for g in metrics["goals"]}
    assert {"met", "off track", "at risk"} <= statuses
    html = (folder / "report.html").read_text()
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html
    assert "Northwind Biscuit Co." in html and html.count("data:image/png;base64,") >= 4


def test_demo_report_lists_the_planted_requests_and_complaints(
    demo_report: tuple[Workspace, dict[str, int]],
) -> None:
    ws, counts = demo_report
    folder = ws.report_dir("demo", "2026-10")
    metrics = json.loads((folder / "metrics.json").read_text())
    listening = metrics["listening"]["current"]
    assert (counts["october_requests"], counts["october_requests_jalapeno"],
            counts["october_requests_jalapeno_zh"], counts["october_complaints_delivery"]) == (
        51, 21, 7, 22)
    assert listening["requests"] == counts["october_requests"]
    register = {r["key"]: r for r in listening["request_register"]}
    jalapeno = register["theme:jalapeno"]  # English and Chinese variants, one group
    assert jalapeno["messages"] == counts["october_requests_jalapeno"]
    assert jalapeno["asked_as"] == ["jalapeno biscuit", "墨西哥辣椒饼干"]
    assert jalapeno["owner"] == "product" and listening["request_register"][0] is not None
    assert listening["request_register"][0]["key"] == "theme:jalapeno"  # most members
    pains = {p["theme"]: p for p in listening["pain_points"]}
    assert pains["delivery"]["complaints"] == counts["october_complaints_delivery"]
    assert pains["delivery"]["owner"] == "support"
    teams = {(i["team"], i["kind"], i["item"]) for i in listening["insights"]}
    assert ("product", "request", "Jalapeño biscuits") in teams
    assert ("support", "pain point", "Delivery and orders") in teams
    assert listening["sentiment"]["negative"] > 0 and listening["net_sentiment"] is not None
    html = (folder / "report.html").read_text()
    assert 'id="listening"' in html and "Requests register" in html
