"""One exception root; user mistakes carry enough context to fix them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TypedDict, Unpack

# Shown as ``\u202e``: they reorder the text around them on screen.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})  # C0, DEL, C1 (ESC, CSI...), line breaks


def printable(text: str) -> str:
    """``text`` safe to print or record: control characters (C0, DEL, C1 and so ESC and
    terminal sequences, newlines), line and paragraph separators and bidi controls are
    written as ``\\x1b`` or ``\\u202e``; every other character is kept."""
    if text.isprintable() and not BIDI_CONTROLS.intersection(text):
        return text
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    if ch in BIDI_CONTROLS or unicodedata.category(ch) in UNSAFE_CATEGORIES:
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch


# What Python and its libraries say, and what it means to someone holding the file.
PLAIN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"new-line character seen in unquoted field - do you need to open the file "
                r"in universal-newline mode\?"),
     "a line break (a bare carriage return?) inside a field that is not in quotes"),
    (re.compile(r"field larger than field limit \((\d+)\)"),
     "a field longer than the kit reads in one cell"),
    (re.compile(r"line contains NUL"), "the line holds a NUL byte"),
    (re.compile(r"Excel file format cannot be determined, you must specify an engine "
                r"manually\.?"), "not an Excel workbook"),
    (re.compile(r"'NoneType' object is not subscriptable"), "a value is missing where the "
                                                           "format needs a group of fields"),
)


def in_plain_words(message: str) -> str:
    """``message`` with the phrases of Python and its libraries put in plain words."""
    for pattern, plain in PLAIN_WORDS:
        message = pattern.sub(plain, message)
    return message


class CommunityKitError(Exception):
    """Root of every error the kit raises on purpose."""


class Where(TypedDict, total=False):
    """Where a user's mistake is: the file, and the row and column when known."""

    file: str | Path | None
    row: int | None
    column: str | None


class UserError(CommunityKitError):
    """A mistake in the user's input: shown as one line, exit code 1.

    ``where`` names the file and, when known, the row and column (both printable: a
    file name cannot move the cursor or fake a line).
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
            parts.append(printable(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{printable(self.column)}'")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


class PlaybookError(UserError):
    """The playbook is missing or invalid."""


class ImportFailed(UserError):
    """An export could not be read at all: one line, in plain words, with names and
    values from the file made printable."""

    def __init__(self, message: str, **where: Unpack[Where]) -> None:
        super().__init__(printable(in_plain_words(message)), **where)


class InputTooLarge(ImportFailed):
    """An archive, workbook or sheet that would expand past the kit's limits: refused
    before it is expanded."""


class NoData(UserError):
    """The store holds nothing for the requested period."""


class ReportFailed(CommunityKitError):
    """Executing or rendering the review notebook failed."""
