"""Playbook errors a strategist can act on: every problem at once, each with its line,
its key and what is allowed, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import PlaybookError

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "playbooks" / "templates" / "TEMPLATE.yaml"


def _edited(*edits: tuple[str, str]) -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _line(needle: str, *edits: tuple[str, str]) -> int:
    """The 1-based line of the first ``needle`` in the edited template."""
    text = _edited(*edits)
    return text[:text.index(needle)].count("\n") + 1


def _problems(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    text = _edited(*edits)
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlaybookError) as caught:
        playbook.load(path)
    message = str(caught.value)
    assert "Traceback" not in message and "^(" not in message  # no regular expressions
    head, _, rest = message.partition("\n")
    return ([line.removeprefix("  - ") for line in rest.splitlines()]
            or [head.removeprefix(f"{path}: ")])


def test_every_kind_of_mistake_is_listed_at_once(tmp_path: Path) -> None:
    edits = (('mon: ["09:00", "17:30"]', 'mon: [9am, "17:30"]'),
             ('tue: ["09:00", "17:30"]', 'tue: ["17:30", "09:00"]'),
             ("severity: low", "severity: lowest"),
             ("team_roles:", "team_rolls:"))
    found = _problems(tmp_path, *edits)
    assert found == [
        f"line {_line('mon:', *edits)}, business_hours/days/mon/0: '9am' is not a time: use "
        "24-hour time such as 09:00 or 17:30",
        f"line {_line('tue:', *edits)}, business_hours/days/tue: opening 17:30 must be before "
        "closing 09:00",
        f"line {_line('severity: lowest', *edits)}, rules/categories/0/severity: 'lowest' is "
        "not one of the choices: 'low', 'medium', 'high' or 'critical'",
        f"line {_line('team_rolls', *edits)}, team_rolls: unknown key 'team_rolls'; did you "
        "mean 'team_roles'?",
    ]


def test_a_misspelt_metric_is_one_problem_with_a_suggestion(tmp_path: Path) -> None:
    goal = ("goals:\n  - {id: g1, metric: first_respnse_business_median_hours, target: 2, "
            "baseline: {value: 3}, start: 2026-01-01, deadline: 2026-03-01}")
    found = _problems(tmp_path, ("goals: []", goal))
    assert len(found) == 1
    line = _line("metric: first_respnse", ("goals: []", goal))
    assert found[0].startswith(f"line {line}, goals/0/metric: unknown metric ")
    assert "did you mean 'first_response_business_median_hours'" in found[0]


def test_unquoted_ids_and_nine_o_clock_are_read_as_meant(tmp_path: Path) -> None:
    text = TEMPLATE.read_text(encoding="utf-8").replace(
        'id: "17841400000000000"', "id: 17841400000000000").replace(
        'mon: ["09:00", "17:30"]', 'mon: ["9:00", "17:30"]').replace(
        "roster: []", "roster:\n  - {name: Dana, role: community_manager,"
        " handles: {discord: 910000000000000011}}")
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    pb = playbook.load(path)
    assert pb.accounts[0].id == "17841400000000000"
    assert pb.roster[0].handles["discord"] == ["910000000000000011"]
    assert pb.business_hours.days["mon"] == ("09:00", "17:30")


def test_a_goal_without_direction_takes_its_metric_s_better_one(tmp_path: Path) -> None:
    goals = ("goals:\n"
             "  - {id: fast, metric: first_response_business_median_hours, target: 2,"
             " baseline: {value: 3}, start: 2026-01-01, deadline: 2026-03-01}\n"
             "  - {id: more, metric: response_rate, target: 0.9,"
             " baseline: {value: 0.8}, start: 2026-01-01, deadline: 2026-03-01}")
    text = TEMPLATE.read_text(encoding="utf-8").replace("goals: []", goals)
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    assert [g.direction for g in playbook.load(path).goals] == ["at_most", "at_least"]


def test_a_wrong_type_says_what_to_write(tmp_path: Path) -> None:
    edits = (("pinned_limit: 500", "pinned_limit: lots"), ("extra: []", "extra: [christmas]"))
    found = _problems(tmp_path, *edits)
    assert found == [
        f"line {_line('extra: [christmas]', *edits)}, business_hours/holidays/extra/0: expected "
        "a date written YYYY-MM-DD, such as 2026-03-31, got 'christmas'",
        f"line {_line('pinned_limit', *edits)}, guidelines/pinned_limit: expected a whole "
        "number, such as 3, got 'lots'",
    ]


def test_an_impossible_date_is_a_plain_error_with_its_line(tmp_path: Path) -> None:
    text = TEMPLATE.read_text(encoding="utf-8").replace("extra: []", "extra: [2026-13-01]")
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    line = text[:text.index("2026-13-01")].count("\n") + 1
    with pytest.raises(PlaybookError) as caught:
        playbook.load(path)
    assert f"row {line}" in str(caught.value) or f"line {line}" in str(caught.value)
    assert "2026-13-01 is not a date of the calendar" in str(caught.value)
