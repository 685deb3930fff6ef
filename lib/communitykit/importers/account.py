"""What happened to every row of one export file: kept, duplicate, rejected (with its row
number and reason), and the notes and repairs said at import and in the report."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportAccount:
    """What happened to every row of one file. ``repairs`` are the notes on values the
    kit changed to keep a row (a byte-order mark removed, a negative count dropped...):
    said at import and, with the other notes, in the report's appendix."""

    file: str
    format: str
    rows_read: int = 0
    kept: int = 0
    duplicate: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    def reject(self, row: int, reason: str) -> None:
        self.rejected.append((row, reason))

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "format": self.format,
            "rows_read": self.rows_read,
            "kept": self.kept,
            "duplicate": self.duplicate,
            "rejected": len(self.rejected),
            "rejected_rows": [{"row": r, "reason": why} for r, why in self.rejected],
            "notes": [*self.notes, *self.repairs],
            "repairs": list(self.repairs),
        }
