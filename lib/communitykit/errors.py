"""One exception root; user mistakes carry enough context to fix them."""

from __future__ import annotations

from pathlib import Path


class CommunityKitError(Exception):
    """Root of every error the kit raises on purpose."""


class UserError(CommunityKitError):
    """A mistake in the user's input: shown as one line, exit code 1.

    ``where`` names the file and, when known, the row and column.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


class PlaybookError(UserError):
    """The playbook is missing or invalid."""


class ImportFailed(UserError):
    """An export could not be read at all."""


class NoData(UserError):
    """The store holds nothing for the requested period."""


class ReportFailed(CommunityKitError):
    """Executing or rendering the review notebook failed."""
