"""The strategist's review notes: one file per client and period in
``playbooks/<client>/reviews/``, named after the period's label (docs/commentary.md):
``<period>.md``, a YAML header of action items and a Markdown commentary, or
``<period>.yaml`` (``.yml``), the same keys with the Markdown under ``commentary``.

``read_note`` reads and checks one file (every problem with its file, line and key);
``review_files`` lists them, one per period (a period with two is refused);
``notes_until`` reads every note of periods ending on or before a period's end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from .. import periods, yaml_reading
from ..errors import UserError, printable
from ..periods import Period
from .review_mistakes import commentary_cut, duplicates, listed, problems

FOLDER = "reviews"
SUFFIX = ".md"  # what ``communitykit review`` writes
YAML_SUFFIXES = (".yaml", ".yml")
SUFFIXES = (SUFFIX, *YAML_SUFFIXES)
STATUSES = ("open", "in progress", "done", "dropped")
CLOSED = frozenset({"done", "dropped"})
# A note is a page of text: a larger file is refused unread.
MAX_BYTES = 256 * 1024
ACTION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")
CUSTOM = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$")
DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
DAY_AND_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[Tt]|\s+)\d", re.ASCII)
FENCE = "---"


def _day(value: object) -> object:
    """A due date: text written YYYY-MM-DD (a review file's dates are read as the text
    written), never a number or a date with a time."""
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    elif isinstance(value, dt.date):
        return value
    text = value.strip() if isinstance(value, str) else None
    if text is not None and (day := DAY.match(text)):
        try:
            return dt.date(*map(int, day.groups()))
        except ValueError:
            raise PydanticCustomError(
                "due_day", "{value} is not a day of the calendar: write YYYY-MM-DD with a "
                "real month and day, such as 2026-11-15", {"value": text}) from None
    if text is not None and (day := DAY_AND_TIME.match(text)):
        raise PydanticCustomError("due_time", "{value} is a date and a time: write only the "
                                  "day, such as {day}",
                                  {"value": printable(text[:40]), "day": day.group(1)})
    raise PydanticCustomError("due_date", "{value} is not a date: write YYYY-MM-DD, such as "
                              "2026-11-15", {"value": repr(value)})


def _action_id(value: object) -> object:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not ACTION_ID.match(text):
        raise PydanticCustomError("action_id", "{value} is not an id: use letters, digits, "
                                  "'-' and '_', such as faq-refresh", {"value": repr(value)})
    return text


def _markdown(value: object) -> object:
    """The commentary of a YAML review file: text (an empty key is no commentary)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PydanticCustomError("commentary", "{value} is not text: write 'commentary: |' "
                                  "and the Markdown on the lines below it, indented",
                                  {"value": repr(value)[:60]})
    return value


def _status(value: object) -> object:
    """``in-progress`` and ``In progress`` are ``in progress``."""
    return " ".join(value.lower().replace("-", " ").replace("_", " ").split()) \
        if isinstance(value, str) else value


Text = Annotated[str, Field(min_length=1, max_length=500)]


class Action(BaseModel):
    """One action item as a review file writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: Annotated[str | None, BeforeValidator(_action_id)] = None
    what: Text
    owner: Text
    due: Annotated[dt.date, BeforeValidator(_day)]
    status: Annotated[Literal["open", "in progress", "done", "dropped"],
                      BeforeValidator(_status)] = "open"

    @property
    def key(self) -> str:
        """What a later review updates it by: its id, else its wording."""
        return f"id:{self.id}" if self.id else "what:" + " ".join(self.what.casefold().split())


class Header(BaseModel):
    """The YAML header of a review file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actions: list[Action] = Field(default_factory=list)
    draft: bool = False  # written by ``communitykit review``: not shown until removed


class YamlNote(Header):
    """A review file in YAML: the header's keys and the commentary's Markdown."""

    commentary: Annotated[str, BeforeValidator(_markdown)] = ""


@dataclass(frozen=True)
class ReviewNote:
    path: Path
    period: Period
    actions: tuple[Action, ...]
    commentary: str  # the Markdown body, stripped
    draft: bool


def folder(client_dir: Path) -> Path:
    return client_dir / FOLDER


def note_path(client_dir: Path, label: str) -> Path:
    return folder(client_dir) / f"{label}{SUFFIX}"


def period_named(label: str) -> Period | None:
    """The period of a report label: ``2026-10``, ``2026-W43``, ``2026-Q3`` or
    ``2026-10-01_2026-10-15`` (None for any other text)."""
    if m := CUSTOM.match(label):
        try:
            first, last = (dt.date.fromisoformat(d) for d in m.groups())
            return periods.custom(first, last)
        except (ValueError, UserError):
            return None
    try:
        return periods.parse(label)
    except UserError:
        return None


def period_of(path: Path) -> Period:
    """The period a review file is for, from its name (``2026-10.md``, ``2026-W43.yaml``,
    ``2026-Q3.md``, ``2026-10-01_2026-10-15.md``)."""
    found = period_named(path.name.removesuffix(path.suffix))
    if found is not None:
        return found
    raise UserError("the file name is not a period: name a review file after its report's "
                    "period, such as 2026-10.md, 2026-W43.md, 2026-Q3.yaml or "
                    "2026-10-01_2026-10-15.md", file=path)


def split(text: str) -> tuple[str | None, str, int]:
    """The YAML header (None when the file has none), the Markdown body, and the line
    the header starts on."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return None, text, 0
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in (FENCE, "..."):
            return "".join(lines[1:number]), "".join(lines[number + 1:]), 2
    raise ValueError("the YAML header opened by '---' on line 1 has no closing '---' line")


def read_note(path: Path) -> ReviewNote:
    """Read and check one review file, Markdown or YAML; its mistakes are one UserError
    naming the file and, for each, its line and key."""
    period = period_of(path)
    text = _text(path)
    is_yaml = path.suffix in YAML_SUFFIXES
    model: type[Header] = YamlNote if is_yaml else Header
    what = "the file" if is_yaml else "the header"
    header: str | None = text  # a YAML file is the mapping, from its line 1
    body, first = "", 1
    if not is_yaml:
        try:
            header, body, first = split(text)
        except ValueError as exc:
            raise UserError(str(exc), file=path) from None
    data = _yaml(header, path, first, what) if header is not None else {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(f"line {first}: {what} is a mapping of keys, such as 'actions:' "
                        "followed by one action per line starting with '- '"
                        + (", and 'commentary: |' followed by the Markdown, indented"
                           if is_yaml else ""), file=path)
    found = commentary_cut(data, text) if is_yaml else []
    parsed: Header | None = None
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        found += problems(exc, header or "", first, sorted(model.model_fields),
                          list(Action.model_fields),
                          "a review file" if is_yaml else "the header")
    found += duplicates(data, header or "", first)
    if found or parsed is None:
        raise UserError(listed(found), file=path)
    if isinstance(parsed, YamlNote):
        body = parsed.commentary
    return ReviewNote(path, period, tuple(parsed.actions), body.strip(), parsed.draft)


def _text(path: Path) -> str:
    """A review file's text: at most MAX_BYTES of UTF-8."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UserError(f"cannot be read ({exc.strerror or 'read error'})", file=path) from None
    if len(raw) > MAX_BYTES:
        raise UserError(f"a review file is at most {MAX_BYTES // 1024} KB", file=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"not UTF-8 text ({exc.reason})", file=path) from None


def _yaml(header: str, path: Path, first: int, what: str = "the header") -> object:
    """The header (or YAML file) read, its dates as text: the model checks each one."""
    try:
        return yaml_reading.load(header)
    except yaml_reading.NotYaml as exc:
        where = f"line {exc.line + first - 1}: " if exc.line else ""
        raise UserError(f"{where}{what} is not valid YAML: {exc.reason}", file=path) from None


def review_files(client_dir: Path) -> dict[str, Path]:
    """The client's review files by period label (``.md``, ``.yaml`` and ``.yml``; hidden
    files and other names are not review files). Two files for one period are refused,
    naming both: the report reads one file per period."""
    found = folder(client_dir)
    if not found.is_dir():
        return {}
    files: dict[str, Path] = {}
    for path in sorted(p for p in found.iterdir() if p.suffix in SUFFIXES and p.is_file()
                       and not p.name.startswith(".")):
        label = period_of(path).label
        if label in files:
            raise UserError(f"{files[label].name} and {path.name} are both the review of "
                            f"{label}: keep one of them, with the commentary and the actions "
                            "of both", file=found)
        files[label] = path
    return files


def review_file(client_dir: Path, label: str) -> Path | None:
    """The review file of the period ``label``, Markdown or YAML (None when there is none)."""
    return review_files(client_dir).get(label)


def notes_until(client_dir: Path, period: Period, *, without: str | None = None,
                ) -> list[ReviewNote]:
    """Every review note of a period ending on or before ``period``'s end, oldest first
    (by end, then by start: a month's note after its quarter's when both end together);
    the note of the period labelled ``without`` is left unread."""
    notes = [read_note(p) for label, p in review_files(client_dir).items()
             if label != without and period_of(p).end <= period.end]
    return sorted(notes, key=lambda n: (n.period.end, n.period.start))


def note_for(client_dir: Path, period: Period) -> ReviewNote | None:
    """The note written for exactly ``period`` (None when there is none)."""
    path = review_file(client_dir, period.label)
    return read_note(path) if path is not None else None


def author_hint(client_dir: Path, period: Period, client: str, root: Path) -> str | None:
    """The line ``communitykit report`` prints for the author when the period has no
    commentary (or only a draft); None when it has one. Reading every note first, a
    mistake in any of them fails the report before it runs."""
    notes = notes_until(client_dir, period)
    mine = next((n for n in notes if n.period.label == period.label), None)
    path = mine.path if mine is not None else note_path(client_dir, period.label)
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    if mine is None:
        return (f"no commentary yet for {period.label}: write {shown} (communitykit review "
                f"{client} --period {period.label} writes a draft)")
    if mine.draft:
        return (f"the commentary for {period.label} is still a draft: the report shows none "
                f"of it until you remove `draft: true` from {shown}")
    if not mine.commentary and not mine.actions:
        write = ("the Markdown under 'commentary: |', indented, and the actions under "
                 "'actions:'" if path.suffix in YAML_SUFFIXES else "the commentary in "
                 "Markdown, and the actions in a header between two '---' lines")
        empty = "is empty" if not _text(path).strip() else "has no commentary and no action"
        return (f"no commentary yet for {period.label}: {shown} {empty}: write {write}; or "
                f"delete it, and communitykit review {client} --period {period.label} "
                "writes a draft")
    if not mine.commentary:
        return f"no commentary yet for {period.label}: {shown} has actions but no text"
    return None
