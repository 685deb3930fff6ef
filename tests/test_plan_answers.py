"""Answers as a strategist writes them: YAML pasted back from what a step shows, mistakes
named in their own file with line and key, and edits that never lose text or items silently.

Everything runs in-process on a workspace without data (no kernel)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from communitykit import playbook as playbook_mod
from communitykit.cli import main
from communitykit.errors import PlaybookError, UserError
from communitykit.i18n import use_language
from communitykit.paths import Workspace
from communitykit.plan import save, validation
from communitykit.plan.cadence import CadencePlan
from communitykit.plan.common import PlanStep, drops
from communitykit.plan.goals import GoalsPlan
from communitykit.plan.guidelines import GuidelinesPlan
from communitykit.plan.run import drop_warnings
from communitykit.plan.voices import VoicesPlan
from communitykit.yaml_text import lost_to_comments
from conftest import ROOT

DEMO = ROOT / "playbooks" / "demo" / "playbook.yaml"
TEMPLATES = sorted((ROOT / "playbooks" / "templates").glob("*.yaml"))
STEPS: tuple[type[PlanStep], ...] = (GuidelinesPlan, GoalsPlan, CadencePlan, VoicesPlan)


def workspace(tmp: Path, source: Path = DEMO, client: str = "demo") -> Workspace:
    """A workspace holding one client's playbook and nothing else (no data)."""
    (tmp / "playbooks" / client).mkdir(parents=True)
    shutil.copyfile(source, tmp / "playbooks" / client / "playbook.yaml")
    return Workspace(tmp)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return workspace(tmp_path)


def safe_load(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


# ---- what a step shows pastes back ---------------------------------------------------------
@pytest.mark.parametrize("source", [DEMO, *TEMPLATES], ids=lambda p: p.stem)
@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.STEP)
def test_what_a_step_shows_pastes_back_unchanged(tmp_path: Path, source: Path,
                                                 step: type[PlanStep]) -> None:
    plan = step.open("c", workspace(tmp_path, source, "c").root)
    text = plan.current_text()
    doc = save.load_document(plan.path)
    assert safe_load(text) == {k: save.plain(doc[k]) for k in step.SECTIONS if k in doc}
    assert plan.changes(plan.candidate(None, text)) == []  # the same playbook
    assert drops(plan.path, plan.answers(None, text), step.SECTIONS) == []


def test_weekdays_keep_their_order_and_style(ws: Workspace) -> None:
    text = CadencePlan.open("demo", ws.root).current_text()
    days = safe_load(text)["business_hours"]["days"]
    assert list(days) == ["mon", "tue", "wed", "thu", "fri"]  # not fri, mon, thu, ...
    assert '    mon: ["09:00", "17:30"]\n' in text  # as the playbook writes it
    assert "#" not in text  # the playbook's comments stay in the playbook
    shown = str(CadencePlan.open("demo", ws.root).current())
    assert "<pre>cadence:\n  posts_per_week: {instagram: 3, x: 5, discord: 2}\n" in shown


def test_yaml_text_and_a_dict_are_the_same_answers(ws: Workspace) -> None:
    plan = CadencePlan.open("demo", ws.root)
    text = """
cadence:
  posts_per_week: {instagram: 4, x: 5, discord: 2}
business_hours:
  days:
    mon: [08:30, 17:00]     # unquoted: YAML 1.2 reads 08:30 as text
    sat: ["10:00", "14:00"]
"""
    as_dict = {"cadence": {"posts_per_week": {"instagram": 4, "x": 5, "discord": 2}},
               "business_hours": {"days": {"mon": ["08:30", "17:00"], "sat": ["10:00", "14:00"]}}}
    from_text, from_dict = plan.candidate(None, text), plan.candidate(None, as_dict)
    assert from_text == from_dict
    assert from_text.business_hours.days == {"mon": ("08:30", "17:00"), "sat": ("10:00", "14:00")}


def test_the_answers_order_is_the_saved_order(ws: Workspace) -> None:
    """A day added between others is saved where it was written, not appended."""
    plan = CadencePlan.open("demo", ws.root)
    plan.save(None, 'business_hours:\n  days:\n    mon: ["09:00", "17:30"]\n'
                    '    sat: ["10:00", "14:00"]\n    sun: ["10:00", "12:00"]\n'
                    'replace: [business_hours.days]\n', today="2026-11-20")
    saved = safe_load(ws.playbook_file("demo").read_text("utf-8"))
    assert list(saved["business_hours"]["days"]) == ["mon", "sat", "sun"]
    text = ws.playbook_file("demo").read_text("utf-8")
    assert '    sun: ["10:00", "12:00"]\n  holidays:' in text  # no blank line moved inside


def test_a_python_value_other_than_a_mapping_is_refused(ws: Workspace) -> None:
    with pytest.raises(UserError, match=r"the answers cell holds int: write the answers as "
                                        r"YAML text"):
        CadencePlan.open("demo", ws.root).save(None, 3)  # type: ignore[arg-type]


# ---- YAML that cannot be read: the source, the line, what is wrong --------------------------
UNREADABLE = [
    ("cadence:\n  posts_per_week: {instagram: 3\nbusiness_hours: {}\n",
     "line 3, a list or mapping in brackets is not closed"),
    ("roster:\n  - name: A\n    asks: Note: bring flour\n",
     "line 3, a ': ' inside a value"),
    ("cadence:\n\tposts_per_week: {x: 3}\n", "line 2, a tab: indent with spaces only"),
    ("cadence: {}\nbusiness_hours: {}\ncadence: {}\n",
     "line 3, the key 'cadence' is given twice at the same level: keep one"),
    ("cadence:\n  response: {question: {within: '2h}}\nnote: x\n",
     "line 2, a quote opened here is not closed"),
    ("roster:\n  - name: A\n   role: employee\n", "line 3, the indentation does not line up"),
    ("roster:\n  - {name: A, handles: {x: @someone}}\n",
     "line 2, a value cannot start with @: put it in quotes"),
    ("rules:\n  categories:\n    - {id: x, patterns: ['\x08idiot']}\n",
     "line 3, the text holds a control character (\\x08); a \\b, \\a or \\1 inside a Python "
     "string becomes one"),
    ("business_hours:\n  holidays: {extra: [2026-12-24, 2026-13-01]}\n",
     "line 2, 2026-13-01 is not a date: write YYYY-MM-DD with a real month and day"),
    ("- cadence\n", "answers are playbook sections with their values, such as cadence: "
                    "{posts_per_week: {instagram: 3}}; got ['cadence']"),
]


@pytest.mark.parametrize(("text", "message"), UNREADABLE)
def test_unreadable_yaml_names_the_source_and_line(ws: Workspace, tmp_path: Path, text: str,
                                                   message: str) -> None:
    plan = CadencePlan.open("demo", ws.root)
    with pytest.raises(UserError) as pasted:
        plan.save(None, text)
    assert str(pasted.value).startswith(f"your answers: {message}")
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as filed:
        plan.save(answers)
    assert str(filed.value).startswith(f"{answers}: {message}")


def test_a_bad_answers_file_stops_before_a_kernel(ws: Workspace, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "cadence.yaml"
    answers.write_text("cadence:\n  posts_per_week: {instagram: 3\n", encoding="utf-8")
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(ws.root))
    assert main(["plan", "demo", "cadence", "--answers", str(answers)]) == 1
    err = capsys.readouterr().err
    assert f"{answers}: line 3, a list or mapping in brackets is not closed" in err
    assert "Traceback" not in err and not ws.plan_runs_dir("demo").exists()


# ---- values the playbook model refuses: every one, in its file, with line and key ----------
WRONG = """\
note: Winter cadence
cadence:
  posts_per_week: {instagram: 3, x: five}
  pillars:
    - {id: Tip Ideas, share: 1}
business_hours:
  days:
    mon: [9am, "17:00"]
    tue: ["18:00", "09:00"]
"""


def test_every_problem_at_once_in_the_answers(ws: Workspace, tmp_path: Path) -> None:
    before = ws.playbook_file("demo").read_bytes()
    answers = tmp_path / "cadence.yaml"
    answers.write_text(WRONG, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        CadencePlan.open("demo", ws.root).save(answers)
    assert str(caught.value) == "\n  - ".join([
        f"{answers}: 4 problems:",
        "line 3, cadence/posts_per_week/x: expected a number, such as 2.5, got 'five'",
        "line 5, cadence/pillars/0/id: 'Tip Ideas' is not an id: use lowercase letters, "
        "digits, '-' and '_', starting with a letter or digit, such as answer-faster",
        "line 8, business_hours/days/mon/0: '9am' is not a time: use 24-hour time such as "
        "09:00 or 17:30",
        "line 9, business_hours/days/tue: opening 18:00 must be before closing 09:00"])
    assert ws.playbook_file("demo").read_bytes() == before


def test_pasted_answers_and_python_answers_are_named(ws: Workspace) -> None:
    plan = CadencePlan.open("demo", ws.root)
    with pytest.raises(UserError) as pasted:
        plan.save(None, WRONG)
    assert str(pasted.value).startswith("your answers: 4 problems:\n  - line 3, cadence/")
    with pytest.raises(UserError) as python:
        plan.save(None, {"business_hours": {"days": {"mon": ["9am", "17:00"]}}})
    assert str(python.value) == ("your answers in the notebook: business_hours/days/mon/0: "
                                 "'9am' is not a time: use 24-hour time such as 09:00 or 17:30")
    with pytest.raises(UserError) as unknown:
        plan.save(None, "note: x\ncadense: {}\n")
    assert str(unknown.value) == ("your answers: line 2, answers for the cadence step cannot "
                                  "hold cadense; allowed: cadence, business_hours, note, replace")


def test_a_problem_the_playbook_holds_names_the_playbook(tmp_path: Path) -> None:
    """The answers' key is theirs; a key the answers left alone is the playbook's."""
    path = tmp_path / "playbook.yaml"
    text = DEMO.read_text("utf-8").replace("timezone: America/New_York",
                                           "timezone: Mars/Olympus", 1)
    path.write_text(text, encoding="utf-8")
    answers = "cadence:\n  posts_per_week: {instagram: -1}\n"
    source = validation.parse(answers)
    data = safe_load(text)
    data["cadence"]["posts_per_week"] = {"instagram": -1}
    with pytest.raises(PlaybookError) as caught:
        validation.validate(data, path, source, text)
    tz_line = next(i for i, line in enumerate(text.splitlines(), start=1)
                   if line.startswith("  timezone: Mars/Olympus"))
    assert str(caught.value).splitlines() == [
        "your answers: line 2, cadence/posts_per_week/instagram: must be at least 0, got -1",
        f"{path} (already in the playbook, not in your answers): line {tz_line}, "
        "client/timezone: 'Mars/Olympus' is not an IANA timezone name (e.g. 'Europe/London', "
        "'America/New_York', 'Asia/Shanghai')"]


def test_problems_in_chinese_name_the_answers(tmp_path: Path) -> None:
    path = ROOT / "playbooks" / "templates" / "chinese-brand.yaml"
    ws = workspace(tmp_path, path, "pinpai")
    plan = CadencePlan.open("pinpai", ws.root)
    with pytest.raises(UserError) as caught:
        plan.save(None, WRONG)
    assert str(caught.value).splitlines()[:3] == [
        "你填写的答案：共 4 个问题：",
        "  - 第 3 行，cadence/posts_per_week/x：应为数字，例如 2.5，填写的是 'five'",
        "  - 第 5 行，cadence/pillars/0/id：'Tip Ideas' 不是有效的 id：只能用小写字母、数字、'-' "
        "和 '_'，并以字母或数字开头，例如 answer-faster"]
    with pytest.raises(UserError) as unreadable:
        plan.save(None, "cadence:\n\tposts_per_week: {x: 3}\n")
    assert str(unreadable.value) == "你填写的答案：第 2 行，出现了制表符（Tab）：缩进只能用空格"
    with pytest.raises(UserError) as python:
        plan.save(None, {"business_hours": {"days": {"mon": ["9点", "18:00"]}}})
    assert str(python.value).startswith("你在笔记本中填写的答案：business_hours/days/mon/0：")


# ---- text that would be lost or changed on the way -------------------------------------------
def test_a_value_cut_by_a_hash_is_refused_with_its_line(ws: Workspace) -> None:
    before = ws.playbook_file("demo").read_bytes()
    plan = VoicesPlan.open("demo", ws.root)
    answers = ("roster:\n  - name: Dana\n    role: ambassador\n"
               "    asks: Runs the server, answers first in #help, hosts office hours\n"
               "replace: [roster]\n")
    with pytest.raises(UserError) as caught:
        plan.save(None, answers)
    assert str(caught.value) == (
        "your answers: line 4, asks: the text from '#help, hosts office hours' on is read as a "
        "comment, so the value loses it; put the whole value in quotes to keep it")
    assert ws.playbook_file("demo").read_bytes() == before
    with pytest.raises(UserError):  # the history views refuse it too: nothing is shown wrong
        plan.candidate(None, answers)


def test_a_handle_with_a_leading_zero_is_refused_unquoted(ws: Workspace) -> None:
    plan = VoicesPlan.open("demo", ws.root)
    roster = ("replace: [roster]\nroster:\n  - name: Dana\n    role: ambassador\n"
              "    handles: {{discord: {handle}, instagram: [dana.bakes, {other}]}}\n")
    with pytest.raises(UserError) as caught:
        plan.save(None, roster.format(handle="0123", other="0o17"))
    assert str(caught.value) == "\n  - ".join([
        "your answers: 2 problems:",
        "line 5, roster/0/handles/discord: 0123 is read as the number 123, and saved so; put "
        "it in quotes to keep it as written: \"0123\"",
        "line 5, roster/0/handles/instagram/1: 0o17 is read as the number 15, and saved so; "
        "put it in quotes to keep it as written: \"0o17\""])
    # a long unquoted id loses nothing (it is read whole); quoted, the zero stays
    plan.save(None, roster.format(handle='"0123"', other="900000000000000011"))
    saved = playbook_mod.load(plan.path).roster[0].handles
    assert saved == {"discord": ["0123"], "instagram": ["dana.bakes", "900000000000000011"]}
    assert 'discord: "0123"' in plan.path.read_text("utf-8")


def test_numbers_in_a_text_field_say_how_they_were_written(ws: Workspace) -> None:
    plan = VoicesPlan.open("demo", ws.root)
    with pytest.raises(UserError) as caught:
        plan.save(None, "replace: [roster]\nroster:\n  - name: A\n    role: ambassador\n"
                        "    asks: 1e3\n")
    assert str(caught.value) == (
        "your answers: line 5, roster/0/asks: expected text, got 1000.0 (written 1e3, which "
        "YAML reads as 1000.0: put it in quotes, \"1e3\")")


def test_yaml_1_1_words_keep_their_meaning(ws: Workspace) -> None:
    """The kit reads YAML 1.2: ``no``, ``on``, ``08:00`` are text where text is kept, a
    yes/no where a yes/no is; saved, they are quoted, so a YAML 1.1 reader agrees."""
    plan = GuidelinesPlan.open("demo", ws.root)
    plan.save(None, "guidelines:\n  shared:\n    - {platform: discord, where: on, pinned: no}\n"
                    "    - {platform: instagram, where: 08:00 post, pinned: yes}\n"
                    "replace: [guidelines.shared]\n")
    pb = playbook_mod.load(plan.path)
    assert [(s.where, s.pinned) for s in pb.guidelines.shared] == [
        ("on", False), ("08:00 post", True)]
    old = yaml.safe_load(plan.path.read_text("utf-8"))  # PyYAML reads YAML 1.1
    assert old["guidelines"]["shared"][0]["where"] == "on"


# ---- saved text is quoted when it must be ------------------------------------------------
TRICKY = ["#welcome channel", "Runs the server, answers first in #help", "Note: bring flour",
          "a #b", "Contact:", "? x", ": x", "x ? y", "0123", "no", "08:00", "1e3", "2026-10"]


@pytest.mark.parametrize("value", TRICKY)
def test_saved_values_read_back_as_written(tmp_path: Path, value: str) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO.read_bytes())
    shared = [{"platform": "discord", "where": value}, {"platform": "instagram", "where": "bio"}]
    save.save_answers(path, {"guidelines": {"shared": shared, "behaviour": [value],
                                            "contact": value}}, "guidelines")
    for reader in (safe_load, yaml.safe_load):  # YAML 1.2 (the kit) and 1.1 (PyYAML)
        saved = reader(path.read_text("utf-8"))["guidelines"]
        assert saved["shared"][0]["where"] == saved["contact"] == value
        assert saved["behaviour"] == [value]
    assert lost_to_comments(path.read_text("utf-8")) == []


def test_hash_and_colon_values_are_written_quoted(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    path.write_bytes(DEMO.read_bytes())
    save.save_answers(path, {"guidelines": {"contact": "Ask in #help", "feedback": "Note: x"}},
                      "guidelines")
    text = path.read_text("utf-8")
    assert "  contact: 'Ask in #help'\n" in text or '  contact: "Ask in #help"\n' in text
    assert "  feedback: 'Note: x'\n" in text or '  feedback: "Note: x"\n' in text


# ---- safe edits: what a list answer drops ----------------------------------------------------
def test_dropping_list_items_warns_with_their_names(ws: Workspace) -> None:
    plan = VoicesPlan.open("demo", ws.root)
    answers = yaml.safe_load(save.dump(save.load_document(plan.path)))
    roster = [p for p in answers["roster"] if p["name"] not in ("Alex Kim", "Ana Ruiz")]
    shown = str(plan.save({"roster": roster, "team_roles": ["brand"]}, save=False))
    assert ("⚠ Your answers drop what the playbook holds now (a list or a key you give "
            "replaces the playbook&#x27;s whole):</p>") in shown
    assert "<p class=\"warn\">roster: Alex Kim, Ana Ruiz</p>" in shown
    assert "<p class=\"warn\">team_roles: community_manager</p>" in shown
    assert "add replace: [roster, team_roles] to your answers" in shown
    meant = str(plan.save({"roster": roster, "team_roles": ["brand"],
                           "replace": ["roster", "team_roles"]}, save=False))
    assert "⚠" not in meant and "they change roster, team_roles" in meant


def test_rule_categories_and_mapping_keys_dropped(ws: Workspace) -> None:
    doc = save.load_document(ws.playbook_file("demo"))
    categories = save.plain(doc["rules"]["categories"])
    kept = [c for c in categories if c["id"] in ("spam", "harassment")]
    found = drops(ws.playbook_file("demo"), {"rules": {"categories": kept}},
                  GuidelinesPlan.SECTIONS)
    gone = tuple(c["id"] for c in categories if c["id"] not in ("spam", "harassment"))
    assert gone and found == [save.Dropped("rules.categories", gone)]
    days = {"days": {d: ["09:00", "17:00"] for d in ("mon", "tue", "wed", "thu")}}
    found = drops(ws.playbook_file("demo"), {"business_hours": days}, CadencePlan.SECTIONS)
    assert found == [save.Dropped("business_hours.days", ("fri",))]
    assert drops(ws.playbook_file("demo"), {"business_hours": days,
                                            "replace": "business_hours"},
                 CadencePlan.SECTIONS) == []
    # sentences are rewritten, not dropped
    assert drops(ws.playbook_file("demo"), {"guidelines": {"behaviour": ["Be kind."]}},
                 GuidelinesPlan.SECTIONS) == []


def test_replace_names_keys_of_the_step(ws: Workspace) -> None:
    with pytest.raises(UserError, match=r"^your answers: line 2, replace: goals is not in this "
                                        r"step's sections \(roster, team_roles\); use e\.g\. "
                                        r"replace: \[roster\]$"):
        VoicesPlan.open("demo", ws.root).save(None, "roster: []\nreplace: [goals]\n")
    with pytest.raises(UserError, match=r"replace: give a list of keys"):
        VoicesPlan.open("demo", ws.root).save({"roster": [], "replace": {"roster": True}})


def test_headless_drop_warnings(ws: Workspace, tmp_path: Path) -> None:
    answers = tmp_path / "voices.yaml"
    answers.write_text("team_roles: [brand, employee]\n", encoding="utf-8")
    assert drop_warnings(ws, "demo", "voices", answers) == [
        "Your answers drop what the playbook holds now (a list or a key you give replaces the "
        "playbook's whole):",
        "team_roles: community_manager",
        "If that is what you mean, add replace: [team_roles] to your answers and this warning "
        "goes; to keep them, give them in your answers too."]
    answers.write_text("team_roles: [brand, employee]\nreplace: [team_roles]\n", "utf-8")
    assert drop_warnings(ws, "demo", "voices", answers) == []


def test_drop_warning_in_chinese(tmp_path: Path) -> None:
    ws = workspace(tmp_path, ROOT / "playbooks" / "templates" / "chinese-brand.yaml", "pinpai")
    with use_language("zh"):
        shown = str(VoicesPlan.open("pinpai", ws.root).save({"roster": []}, save=False,
                                                             today=dt.date(2026, 11, 20)))
    assert "你的答案会删除运营手册中现有的以下内容" in shown
    assert "roster：小林、陈老师" in shown and "replace: [roster]" in shown


def test_changes_are_listed_in_the_playbooks_order(ws: Workspace) -> None:
    shown = str(CadencePlan.open("demo", ws.root).save(None, """
cadence:
  pillars: [{id: tip, share: 1, patterns: [tip]}]
  posts_per_week: {instagram: 4}
replace: [cadence]
""", save=False))
    assert "they change cadence/posts_per_week, cadence/pillars." in shown
