"""Playbook templates: each validates, carries comments, and a client made from it gets a
report from the demo exports (even when the template's platforms differ from the data)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from communitykit import playbook as playbook_mod
from communitykit.cli import main
from communitykit.paths import Workspace
from conftest import ROOT, copy_workspace

TEMPLATES = sorted((ROOT / "playbooks" / "templates").glob("*.yaml"))
NEW = {"consumer-brand": ("en", "America/Chicago", {"instagram", "facebook"}),
       "developer-community": ("en", "Europe/Berlin", {"discord", "reddit"}),
       "chinese-brand": ("zh", "Asia/Shanghai", {"weibo", "douyin"})}


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_every_template_validates_and_explains_itself(path: Path) -> None:
    pb = playbook_mod.load(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# communitykit playbook template")
    assert sum("#" in line for line in text.splitlines()) >= 15  # helpful comments
    assert pb.rules.categories and pb.rules.escalation and pb.cadence.pillars


def test_the_three_kinds_of_community() -> None:
    assert {p.stem for p in TEMPLATES} >= {*NEW, "TEMPLATE"}
    for name, (language, timezone, platforms) in NEW.items():
        pb = playbook_mod.load(ROOT / "playbooks" / "templates" / f"{name}.yaml")
        assert pb.client.language == language and pb.client.timezone == timezone
        assert {a.platform for a in pb.accounts} == platforms
        assert set(pb.cadence.posts_per_week) == platforms
        assert pb.guidelines.purpose and pb.guidelines.shared
    cn = playbook_mod.load(ROOT / "playbooks" / "templates" / "chinese-brand.yaml")
    assert cn.business_hours.holidays.country == "CN"


@pytest.fixture(scope="module")
def template_clients(demo_store: Workspace, tmp_path_factory: pytest.TempPathFactory,
                     ) -> Workspace:
    """One client per new template, with the demo exports imported and a report rendered
    (the three reports run side by side)."""
    ws = copy_workspace(demo_store, tmp_path_factory.mktemp("templates") / "ws")
    shutil.copytree(ROOT / "playbooks" / "templates", ws.templates)
    exports = ws.client_dir("demo") / "exports"
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    try:
        for name in NEW:
            assert main(["new", name, "--from", name]) == 0
            assert main(["import", name, str(exports)]) == 0
    finally:
        mp.undo()
    env = {**os.environ, "COMMUNITYKIT_HOME": str(ws.root)}
    runs = {name: subprocess.Popen(
        [sys.executable, "-m", "communitykit.cli", "report", name, "--period", "2026-10"],
        cwd=ws.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in NEW}
    for name, run in runs.items():
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, (name, out, err)
    return ws


@pytest.mark.parametrize("name", list(NEW))
def test_a_client_from_each_template_gets_a_report(template_clients: Workspace,
                                                   name: str) -> None:
    ws = template_clients
    made = ws.playbook_file(name).read_text(encoding="utf-8")
    template = (ROOT / "playbooks" / "templates" / f"{name}.yaml").read_text(encoding="utf-8")
    cut = template.index("\nrevisions:")
    assert made[:cut] == template[:cut]  # the template as written, comments and all
    assert playbook_mod.load(ws.playbook_file(name)).revisions[0].origin == f"template:{name}"
    folder = ws.report_dir(name, "2026-10")
    html = (folder / "report.html").read_text(encoding="utf-8")
    pb = playbook_mod.load(ws.playbook_file(name))
    assert pb.client.name in html
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["responsiveness"]["current"]["inbound"] > 0
    assert metrics["presence"]["current"]["team_posts"] > 0
