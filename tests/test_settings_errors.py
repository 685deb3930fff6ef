"""Mistakes in the workspace's settings file (settings.yaml): every one at once, each with
its line and key path, in plain words (no kernel, no server: the file is only read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit.delivery.settings import load
from communitykit.workspace_settings import SettingsError, WorkspaceSettings, read

PASSWORD = ("a password is never kept in a file: remove 'password' and put it in the "
            "environment variable named by password_env (default COMMUNITYKIT_SMTP_PASSWORD)")


def settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_password_no_longer_hides_the_other_mistakes(tmp_path: Path) -> None:
    # Line 3 holds a port that is no number, line 4 a password: both, on their own lines
    # (not "line 1, smtp"), by line; the password itself is never shown.
    path = settings(tmp_path, "smtp:\n  host: 127.0.0.1\n  port: twenty\n  password: hunter2\n"
                              "  from: reports@agency.example\n")
    with pytest.raises(SettingsError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: 2 problems:\n"
        "  - line 3, smtp/port: expected a whole number, such as 3, got 'twenty'\n"
        f"  - line 4, smtp/password: {PASSWORD}")
    assert "hunter2" not in str(caught.value)


def test_a_password_alone_is_named_on_its_line(tmp_path: Path) -> None:
    path = settings(tmp_path, "agency:\n  name: Harbour\nsmtp:\n  host: 127.0.0.1\n"
                              "  from: reports@agency.example\n  password: hunter2\n"
                              "  hots: x\n")
    with pytest.raises(SettingsError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: 2 problems:\n"
        f"  - line 6, smtp/password: {PASSWORD}\n"
        "  - line 7, smtp/hots: unknown key 'hots'; did you mean 'host'?")


def test_a_check_of_several_keys_stays_on_the_block(tmp_path: Path) -> None:
    # A login without STARTTLS to another machine is the mistake of user and starttls
    # together (and of the host): it is named on the block's line, as before.
    path = settings(tmp_path, "smtp:\n  host: smtp.example.com\n  user: reports\n"
                              "  starttls: false\n  from: reports@agency.example\n")
    with pytest.raises(SettingsError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: line 1, smtp: user is set and starttls is false: the password would cross "
        "the network in clear; set starttls: true")


@pytest.mark.parametrize(("text", "expected"), [
    ("smtp:\n  host: 127.0.0.1\n port: 25\n", "line 3: not valid YAML: the indentation is "
     "off here: keys of one block start in the same column, and the items of a list with the "
     "same '- '"),
    ("smtp:\n  host: 127.0.0.1\n  port: [25\n", "line 3: not valid YAML: a '[' or '{' "
     "opened on this line is not closed, or two of its items have no comma between them"),
    ("smtp:\n  host: 127.0.0.1\n  port: [\n\n", "line 3: not valid YAML: a '[' or '{' is "
     "never closed"),
    ("smtp:\n  host: 127.0.0.1\nport 25\n", "line 3: not valid YAML: a key without ':' after "
     "it, or a line indented less than the block it belongs to"),
    ("agency:\n  name: 'Harbour\n", "line 2: not valid YAML: a quote opened on this line is "
     "not closed"),
])
def test_yaml_the_reader_cannot_parse_is_said_plainly(tmp_path: Path, text: str,
                                                      expected: str) -> None:
    path = settings(tmp_path, text)
    for reading in (lambda: load(path), lambda: read(path, WorkspaceSettings, "none")):
        with pytest.raises(SettingsError) as caught:
            reading()
        assert str(caught.value) == f"{path}: {expected}"


def test_date_like_values_are_text(tmp_path: Path) -> None:
    # YAML would read 2026-13-45 as a date and fail on the month; it is the agency's name.
    path = settings(tmp_path, "agency:\n  name: 2026-13-45\n")
    assert read(path, WorkspaceSettings, "none").agency.name == "2026-13-45"  # type: ignore[union-attr]
