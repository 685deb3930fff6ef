"""A new client from a template or another client: the strategy is copied, the identity is
not, the origin is recorded, and `validate` lists what is still to fill."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from communitykit import playbook as playbook_mod
from communitykit.paths import Workspace
from communitykit.reuse import unfilled

ROOT = Path(__file__).resolve().parents[1]


def _with_templates(ws: Workspace) -> None:
    shutil.copytree(ROOT / "playbooks" / "templates", ws.templates)


def test_a_client_made_from_another_keeps_the_strategy_not_the_identity(
        handcalc_ws: Workspace, cli) -> None:
    source = playbook_mod.load(handcalc_ws.playbook_file("handcalc"))
    assert source.roster and source.client.name != "TO FILL"
    code, out, err = cli("new", "beta", "--from", "handcalc")
    assert code == 0, err
    assert "not its name, accounts, people" in out
    text = handcalc_ws.playbook_file("beta").read_text(encoding="utf-8")
    beta = playbook_mod.load(handcalc_ws.playbook_file("beta"))
    # identity: none of the source's
    assert beta.client.name == "TO FILL" and beta.client.brand.logo is None
    assert beta.roster == [] and beta.goals == []
    assert [a.platform for a in beta.accounts] == list(
        dict.fromkeys(a.platform for a in source.accounts))
    assert all(a.handle == "TO FILL" and a.id is None for a in beta.accounts)
    for person in source.roster:
        assert person.name not in text
    # strategy: the same
    assert beta.rules == source.rules
    assert beta.cadence == source.cadence
    assert beta.business_hours == source.business_hours
    assert beta.themes == source.themes
    # history: only the origin
    assert len(beta.revisions) == 1
    revision = beta.revisions[0]
    assert (revision.step, revision.origin, revision.date) == (
        "new", "client:handcalc", dt.date.today())
    code, out, _ = cli("validate", "beta")
    assert code == 0
    assert "still to fill (" in out and "client/name" in out and "accounts/0/handle" in out


def test_goal_shapes_travel_as_comments(handcalc_ws: Workspace, cli) -> None:
    source = playbook_mod.load(handcalc_ws.playbook_file("handcalc"))
    if not source.goals:  # the hand-calculation client may carry none: give it one
        path = handcalc_ws.playbook_file("handcalc")
        path.write_text(path.read_text(encoding="utf-8").replace("goals: []", "") + (
            "goals:\n  - {id: reply-fast, metric: first_response_business_median_hours,"
            " direction: at_most, target: 2, baseline: {value: 3}, start: 2026-01-01,"
            " deadline: 2026-06-30}\n"), encoding="utf-8")
        source = playbook_mod.load(path)
    assert cli("new", "gamma", "--from", "handcalc")[0] == 0
    text = handcalc_ws.playbook_file("gamma").read_text(encoding="utf-8")
    goal = source.goals[0]
    shape = next(line for line in text.splitlines() if f"id: {goal.id}" in line)
    assert shape.startswith("#") and f"metric: {goal.metric}" in shape
    assert str(goal.deadline) not in shape  # dates and baselines are the source's own


def test_a_client_made_from_a_template_records_it_and_lists_the_examples(
        handcalc_ws: Workspace, cli) -> None:
    _with_templates(handcalc_ws)
    assert cli("new", "acme", "--from", "chinese-brand")[0] == 0
    path = handcalc_ws.playbook_file("acme")
    acme = playbook_mod.load(path)
    assert acme.revisions[0].origin == "template:chinese-brand"
    assert "# 品牌官方账号" in path.read_text(encoding="utf-8")  # the template's comments kept
    template = playbook_mod.load(handcalc_ws.templates / "chinese-brand.yaml")
    todo = unfilled(acme, template)
    assert todo[:3] == ["client/name", "accounts/0/handle", "accounts/1/handle"]
    # filling a field takes it off the list
    path.write_text(path.read_text(encoding="utf-8").replace(
        "name: 示例品牌", "name: 山月茶饮"), encoding="utf-8")
    code, out, _ = cli("validate", "acme")
    assert code == 0 and "client/name" not in out and "accounts/0/handle" in out


def test_markers_in_both_languages_count_as_unfilled() -> None:
    pb = playbook_mod.load(ROOT / "playbooks" / "demo" / "playbook.yaml")
    assert unfilled(pb) == []
    named = pb.model_copy(update={"client": pb.client.model_copy(update={"name": "待填写"})})
    assert unfilled(named) == ["client/name"]


def test_the_demo_outside_a_workspace_writes_nothing(
        tmp_path: Path, monkeypatch, cli) -> None:
    monkeypatch.delenv("COMMUNITYKIT_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("demo")
    assert code == 1 and "no demo client here" in err and "COMMUNITYKIT_HOME" in err
    assert list(tmp_path.iterdir()) == []


def test_a_client_made_from_the_demo_names_nothing_of_its_brand(
        handcalc_ws: Workspace, cli) -> None:
    """The demo's playbook names its brand in its header comment, its accounts and its
    people: the copy names none of them, and its header says where it came from."""
    target = handcalc_ws.playbook_file("demo")
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "playbooks" / "demo" / "playbook.yaml", target)
    assert "Northwind" in target.read_text(encoding="utf-8").splitlines()[0]
    assert cli("new", "acme", "--from", "demo")[0] == 0
    text = handcalc_ws.playbook_file("acme").read_text(encoding="utf-8")
    assert "northwind" not in text.lower()
    assert text.splitlines()[0] == (f"# Playbook made from the strategy of client demo on "
                                    f"{dt.date.today().isoformat()}: fill in the fields "
                                    "marked TO FILL.")
