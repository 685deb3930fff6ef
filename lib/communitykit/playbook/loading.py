"""Reading a playbook file: safe YAML (tags are never executed), then the model, with
every problem in plain words, its line and its key."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..errors import PlaybookError
from .model import Playbook


def _format_errors(path: Path, exc: ValidationError, text: str | None) -> str:
    """Every problem of the file at once, in plain words, with its line and key."""
    from ..plain_errors import problems

    found = problems(exc, text, Playbook)
    if len(found) == 1:
        return f"{path}: {found[0]}"
    return f"{path}: {len(found)} problems:\n  - " + "\n  - ".join(map(str, found))


def read_yaml(path: Path) -> object:
    """Parse YAML with the safe loader (no tags executed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlaybookError("playbook not found", file=path) from None
    except UnicodeDecodeError as exc:
        raise PlaybookError(f"not UTF-8 text ({exc.reason})", file=path) from None
    try:
        return YAML(typ="safe", pure=True).load(text)
    except ValueError:  # a date YAML recognises but the calendar has not (2026-13-01)
        from ..yaml_text import impossible_date

        row, value = impossible_date(text)
        raise PlaybookError(f"{value} is not a date of the calendar: write YYYY-MM-DD, such "
                            "as 2026-03-31", file=path, row=row) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PlaybookError(f"not valid YAML: {problem}", file=path, row=row) from None


def validate(data: object, path: Path, text: str | None = None) -> Playbook:
    """Validate parsed YAML as a playbook; ``text`` (the YAML) gives errors their lines."""
    if not isinstance(data, dict):
        raise PlaybookError("a playbook is a mapping of keys (client, accounts, ...)", file=path)
    try:
        return Playbook.model_validate(data)
    except ValidationError as exc:
        raise PlaybookError(_format_errors(path, exc, text)) from None


def load(path: Path) -> Playbook:
    """Read and validate a playbook file."""
    data = read_yaml(path)
    try:
        return validate(data, path)
    except PlaybookError:
        return validate(data, path, path.read_text(encoding="utf-8"))  # again, with lines
