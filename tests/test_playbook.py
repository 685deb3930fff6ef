"""The playbook model: strict, with messages naming the line and key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import PlaybookError

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "playbooks" / "demo" / "playbook.yaml"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1))


def test_demo_and_templates_validate() -> None:
    assert playbook.load(DEMO).client.name == "Northwind Biscuit Co."
    templates = sorted((ROOT / "playbooks" / "templates").glob("*.yaml"))
    assert templates
    for path in templates:
        playbook.load(path)


def test_typo_key_names_the_key_path(tmp_path: Path) -> None:
    path = _edited(tmp_path, "  timezone: America/New_York", "  timezon: America/New_York")
    with pytest.raises(PlaybookError) as err:
        playbook.load(path)
    message = str(err.value)
    assert "unknown key" in message and "client/timezon" in message
    assert "client/timezone" in message  # and the key now missing


def test_bad_timezone_says_what_is_allowed(tmp_path: Path) -> None:
    path = _edited(tmp_path, "timezone: America/New_York", "timezone: New York")
    with pytest.raises(
            PlaybookError, match=r"line 9, client/timezone: 'New York' is not an IANA timezone"):
        playbook.load(path)


def test_bad_role_lists_the_roles(tmp_path: Path) -> None:
    path = _edited(tmp_path, "role: ambassador", "role: superfan")
    with pytest.raises(
            PlaybookError,
            match=r"line 50, roster/4/role: 'superfan' is not one of the choices: .*'ambassador'"):
        playbook.load(path)


def test_bad_duration_and_regex(tmp_path: Path) -> None:
    path = _edited(tmp_path, "handle_within: 4h", "handle_within: soon")
    with pytest.raises(
            PlaybookError, match=r"rules/escalation/0/handle_within: 'soon' is not a duration"):
        playbook.load(path)
    path = _edited(tmp_path, "'bit\\.ly/'", "'bit.ly/('")
    with pytest.raises(PlaybookError, match="not a valid regular expression"):
        playbook.load(path)


def test_unknown_goal_metric(tmp_path: Path) -> None:
    path = _edited(tmp_path, "metric: peer_support_rate", "metric: happiness")
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("metric: happiness")].count("\n") + 1
    with pytest.raises(
            PlaybookError, match=rf"line {line}, goals/3/metric: unknown metric 'happiness'"):
        playbook.load(path)


def test_yaml_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = _write(tmp_path, f"client: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(PlaybookError, match="not valid YAML"):
        playbook.load(path)
    assert not marker.exists()


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "client:\n  name: [unclosed\n")
    with pytest.raises(PlaybookError, match=r"row \d"):
        playbook.load(path)
