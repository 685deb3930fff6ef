"""Spreadsheet-safe cells: member text written to a CSV or Excel file stays inert.

Every CSV the kit writes beside a report (``review.write_csv``) passes each cell through
:func:`safe_cell`, so that a comment such as ``=HYPERLINK(...)`` opens as text, not as a
formula (CSV/formula injection); any new writer of member text must do the same.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text starting like a formula gets a leading ``'``; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values: list[object]) -> list[object]:
    return [safe_cell(v) for v in values]
