"""A `#` that YAML reads as a comment in the middle of a value is flagged, never lost
silently; the templates hold no such value."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import playbook as playbook_mod
from communitykit.paths import Workspace
from communitykit.yaml_text import lost_to_comments

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = """\
roster:
  - name: Dana
    asks: Runs the server, answers first in #help, hosts office hours
    handles: {discord: ["#1 fan"]}
  # a whole-line comment with #hashtags is meant
colour: "#1f5f8b"          # accent colour, #rrggbb
tags:
  - new #launch
note: |
  a block keeps #this as text
count: 3 # a comment with a space is meant
"""


def test_values_cut_by_a_hash_are_found_with_line_and_key() -> None:
    found = lost_to_comments(SAMPLE)
    assert [(f.line, f.key, f.lost) for f in found] == [
        (3, "asks", "#help, hosts office hours"),
        (8, "", "#launch"),
    ]
    assert "put the whole value in quotes" in found[0].message()
    assert found[0].message().startswith("line 3 (asks): ")


@pytest.mark.parametrize("path", sorted((ROOT / "playbooks").rglob("*.yaml")),
                         ids=lambda p: p.parent.name + "/" + p.name)
def test_no_playbook_of_the_kit_loses_text(path: Path) -> None:
    assert lost_to_comments(path.read_text(encoding="utf-8")) == []


def test_the_developer_template_keeps_its_channel_name() -> None:
    pb = playbook_mod.load(ROOT / "playbooks" / "templates" / "developer-community.yaml")
    assert pb.roster[0].asks == "Runs the server, answers first in #help, hosts office hours"


def test_validate_warns_about_the_lost_text(handcalc_ws: Workspace, cli) -> None:
    path = handcalc_ws.playbook_file("handcalc")
    text = path.read_text(encoding="utf-8") + "guidelines:\n  contact: write to #mods\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n")
    assert playbook_mod.load(path).guidelines.contact == "write to"  # what YAML makes of it
    code, out, _ = cli("validate", "handcalc")
    assert code == 0
    assert f"warning: playbook.yaml: line {line} (contact): the text from '#mods' on" in out
