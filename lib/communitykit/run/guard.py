"""What goes into the review notebook, and which cell a failed run stopped in."""

from __future__ import annotations

from pathlib import Path

# isort: off
from . import lean_imports  # noqa: F401 (must precede nbformat)
# isort: on
import nbformat

from ..errors import ReportFailed

PARAMETERS = ("client", "period", "period_from", "period_to", "workspace", "metrics_path")


def check_parameters(parameters: dict[str, object]) -> None:
    """Only the review notebook's own parameters, each a plain string or None."""
    unknown = sorted(set(parameters) - set(PARAMETERS))
    if unknown:
        raise ReportFailed(f"unknown notebook parameter(s) {', '.join(map(repr, unknown))}; "
                           f"known: {', '.join(PARAMETERS)}")
    for name, value in parameters.items():
        if value is not None and (type(value) is not str or "\x00" in value
                                  or len(value) > 4096):
            raise ReportFailed(f"notebook parameter {name!r} must be a plain string or None, "
                               f"not {type(value).__name__}")


def running_cell(output: Path) -> str:
    """The last cell papermill started in ``output``, as 'cell N (`first line`)'."""
    try:
        nb = nbformat.read(str(output), as_version=4)
    except (OSError, ValueError):
        return "cell ?"
    started = [(n, c) for n, c in enumerate(nb.cells, start=1)
               if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return "cell ?"
    number, cell = started[-1]
    first = (cell.source.strip().splitlines() or [""])[0][:60]
    return f"cell {number} (`{first}`)"
