"""What every planning step shares: the client, its data, the answers and the save.

A step owns a few top-level sections of the playbook (``SECTIONS``). The answers are a
mapping with those sections (and, per step, a few extra keys such as ``note``), given as an
answers file (headless), or in the notebook as YAML text (what ``current`` shows, pasted
back) or a Python mapping. Under a section, each key given replaces that key whole; keys
left out keep their current value. What an answer drops from a list (or a mapping given
whole) is shown as a warning unless the answers' ``replace`` names it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Concatenate, ParamSpec, Self, TypeVar

import pandas as pd
from ruamel.yaml.comments import CommentedMap

from .. import periods
from ..dataset import Dataset
from ..errors import PlaybookError, UserError
from ..html import Html, esc, fmt_date, heading, paragraph, table
from ..i18n import tr, use_language
from ..paths import Workspace
from ..periods import Period
from ..playbook import Playbook
from . import save as save_mod
from . import validation

COMMON_KEYS = ("note", "replace")
HISTORY_DAYS = 91

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="PlanStep")


def in_playbook_language(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run a step's method in its playbook's language: what it shows and the errors it
    raises (each notebook cell is its own context, so the language is set per call)."""

    @functools.wraps(method)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with use_language(self.language):
            return method(self, *args, **kwargs)

    return wrapper


def period_words(period: Period) -> str:
    """A period's first and last day in the current language."""
    return f"{fmt_date(period.start)} – {fmt_date(period.end - dt.timedelta(days=1))}"


class Answers(dict[str, Any]):
    """The answers as a mapping, with where they came from (for the messages)."""

    def __init__(self, source: validation.Source) -> None:
        super().__init__(source.given)
        self.source = source


Given = str | Path | Mapping[str, Any] | None


def read_answers(path: str | Path) -> Answers:
    """An answers file (YAML, safe loader); a mistake names the file and its line."""
    if not Path(path).is_file():
        raise UserError(tr("answers file not found"), file=path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(tr("not UTF-8 text ({reason}); save the answers file as UTF-8",
                           reason=exc.reason), file=path) from None
    return Answers(validation.parse(text, Path(path)))


def answers_from_text(text: str) -> Answers:
    """Answers written as YAML in the notebook (e.g. pasted from ``current``)."""
    return Answers(validation.parse(text))


def merged_section(current: Any, given: Any) -> Any:
    """A section as the answers leave it: each given key replaces that key whole."""
    if isinstance(given, Mapping) and isinstance(current, dict):
        return {**current, **given}
    return given


def refused(answers: Mapping[str, Any], key: str, message: str) -> UserError:
    """A mistake in the answers, named by their source and the line of ``key``."""
    source = getattr(answers, "source", None)
    if source is None:
        return UserError(validation.at(tr("your answers"), None, message))
    return UserError(validation.at(source.label(), source.line([key]), message))


def replaced(answers: Mapping[str, Any], sections: Sequence[str]) -> list[str]:
    """The answers' ``replace``: key paths (``rules.categories``) whose drops are meant."""
    value = answers.get("replace") or []
    keys = [value] if isinstance(value, str) else value
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise refused(answers, "replace", tr("replace: give a list of keys, such as replace: "
                                             "[rules.categories, roster]"))
    keys = [k.strip().replace("/", ".") for k in keys]
    unknown = [k for k in keys if k.split(".")[0] not in sections]
    if unknown:
        raise refused(answers, "replace", tr(
            "replace: {unknown} is not in this step's sections ({sections}); use e.g. "
            "replace: [{example}]", unknown=", ".join(unknown), sections=", ".join(sections),
            example=sections[0]))
    return keys


def drops(path: Path, answers: Mapping[str, Any], sections: Sequence[str],
          updates: Mapping[str, Any] | None = None) -> list[save_mod.Dropped]:
    """What the answers drop from the playbook at ``path`` that their ``replace`` does not
    name (``updates``: the sections as the step will write them, when known)."""
    doc = save_mod.load_document(path)
    meant = replaced(answers, sections)
    found = []
    for section in sections:
        if section not in answers:
            continue
        current = save_mod.plain(doc.get(section))
        new = updates[section] if updates and section in updates else merged_section(
            current, answers[section])
        found += [d for d in save_mod.dropped(current, new, (section,))
                  if not d.acknowledged(meant)]
    return found


def drop_warning(found: Sequence[save_mod.Dropped]) -> list[str]:
    """The warning for what the answers drop: one line per list or mapping, then the way
    to keep it or to say it is meant."""
    if not found:
        return []
    keys = list(dict.fromkeys(d.key for d in found))
    return [
        tr("Your answers drop what the playbook holds now (a list or a key you give replaces "
           "the playbook's whole):"),
        *(f"{d.key}{tr(': ')}{tr(', ').join(d.items)}" for d in found),
        tr("If that is what you mean, add replace: [{keys}] to your answers and this warning "
           "goes; to keep them, give them in your answers too.", keys=", ".join(keys)),
    ]


def warning_html(lines: Sequence[str]) -> str:
    """A warning's lines as paragraphs, the first marked ⚠."""
    return "".join(paragraph(("⚠ " if i == 0 else "") + line, "warn")
                   for i, line in enumerate(lines))


class PlanStep:
    """One planning notebook's logic; subclasses name their sections and checks."""

    STEP: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    SECTIONS: ClassVar[tuple[str, ...]] = ()
    EXTRA_KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, client: str, workspace: Workspace) -> None:
        self.client = client
        self.workspace = workspace
        handle = workspace.client(client)
        self.path = handle.playbook_file
        self.playbook: Playbook = handle.playbook
        store = handle.store
        self.raw: dict[str, Any] = (
            {"posts": store.load("posts"), "messages": store.load("messages"),
             "daily": store.load("account_daily"), "accounts": store.accounts()}
            if store.exists() else {}
        )
        self.data: Dataset | None = (
            Dataset.build(self.playbook, **self.raw) if self.raw else None
        )
        self.saved: Playbook | None = None

    @classmethod
    def open(cls, client: str, workspace: str | Path | None = None) -> Self:
        ws = Workspace(Path(workspace)) if workspace else Workspace.find()
        return cls(client, ws)

    @property
    def language(self) -> str:
        """The playbook's language (``client.language``): the step shows and refuses in it."""
        return self.playbook.client.language

    # ---- history ---------------------------------------------------------------------------
    def data_end(self) -> dt.date | None:
        """The last local day holding a post or message, or None without data."""
        if self.data is None:
            return None
        times = pd.concat([self.data.posts["created_at"], self.data.messages["created_at"]])
        times = times.dropna()
        return None if times.empty else times.max().tz_convert(self.playbook.tz).date()

    def history_period(self, text: str | None = None) -> Period:
        """A named period (``2026-Q3``, ``2026-10``), or the last 13 weeks of data."""
        if text:
            return periods.parse(str(text))
        last = self.data_end() or dt.date.today()
        return periods.custom(last - dt.timedelta(days=HISTORY_DAYS - 1), last)

    # ---- showing ---------------------------------------------------------------------------
    @in_playbook_language
    def no_data(self) -> Html | None:
        """A note when the client has no imported data (history is then skipped)."""
        if self.data is not None and not (self.data.posts.empty and self.data.messages.empty):
            return None
        return Html(paragraph(tr(
            "No data imported for {client} yet, so there is no history to show. Import the "
            "exports with `communitykit import {client}` and run this notebook again to see "
            "it; you can still plan and save.", client=self.client), "note"))

    def current_text(self) -> str:
        """The sections this step edits as YAML that pastes back as answers: in the file's
        order (weekdays mon..sun as written), flow or block style and quoting, no comments."""
        doc = save_mod.load_document(self.path)
        part = CommentedMap((k, save_mod.styled_copy(doc[k])) for k in self.SECTIONS if k in doc)
        return save_mod.dump(part) if part else "{}\n"

    @in_playbook_language
    def current(self) -> Html:
        """The sections this step edits, as they stand in the playbook (YAML to copy)."""
        return Html(heading(3, tr("Current answers in the playbook"))
                    + paragraph(tr("Copy from here into the answers cell, between r\"\"\" and "
                                   "\"\"\" (or into an answers file), and keep what you change: "
                                   "keys you leave out keep their value, a list you give "
                                   "replaces the whole list."), "note")
                    + f"<pre>{esc(self.current_text())}</pre>")

    # ---- answers ---------------------------------------------------------------------------
    def answers(self, answers: Given, edited: str | Mapping[str, Any] | None = None) -> Answers:
        """The answers: a file path (headless run) wins over the notebook's answers cell,
        which holds YAML text (as ``current`` shows it) or a Python mapping."""
        if answers is not None and not isinstance(answers, Mapping):
            return read_answers(answers)
        if answers is None and isinstance(edited, str):
            return answers_from_text(edited)
        given = answers if answers is not None else edited
        if isinstance(given, Answers):
            return given
        if given is not None and not isinstance(given, Mapping):
            raise UserError(tr("the answers cell holds {kind}: write the answers as YAML text "
                               "between r\"\"\" and \"\"\", or as a Python dict",
                               kind=type(given).__name__))
        return Answers(validation.Source(dict(given or {})))

    def updates(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Top-level playbook sections to write: each given key replaces that key whole."""
        allowed = (*self.SECTIONS, *self.EXTRA_KEYS, *COMMON_KEYS)
        unknown = [str(k) for k in answers if k not in allowed]
        if unknown:
            raise refused(answers, unknown[0], tr(
                "answers for the {step} step cannot hold {unknown}; allowed: {allowed}",
                step=self.STEP, unknown=", ".join(sorted(unknown)), allowed=", ".join(allowed)))
        replaced(answers, self.SECTIONS)
        doc = save_mod.load_document(self.path)
        return {section: merged_section(save_mod.plain(doc.get(section)), answers[section])
                for section in self.SECTIONS if section in answers}

    def candidate(self, answers: Given, edited: str | Mapping[str, Any] | None = None,
                  ) -> Playbook:
        """The playbook as it would be with the answers (validated, not written)."""
        given = self.answers(answers, edited)
        if not given:
            return self.playbook
        return save_mod.save_answers(self.path, self.updates(given), self.STEP, write=False,
                                     source=given.source)

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        """Step-specific problems with valid answers (empty when fine)."""
        return []

    @in_playbook_language
    def save(self, answers: Given, edited: str | Mapping[str, Any] | None = None, *,
             save: bool = True, today: str | dt.date | None = None) -> Html:
        """Validate the answers against the playbook model and the step's checks, then
        (when ``save``) write them into the playbook with a revision entry. What the answers
        drop from a list is shown first, unless their ``replace`` names it."""
        given = self.answers(answers, edited)
        if not given:
            return Html(paragraph(tr("No answers given: nothing to save. Edit the answers "
                                     "cell or pass --answers."), "note"))
        updates = self.updates(given)
        day = dt.date.fromisoformat(today) if isinstance(today, str) else today
        note = str(given.get("note") or tr("{title} planned", title=tr(self.TITLE)))
        candidate = save_mod.save_answers(self.path, updates, self.STEP, note, day,
                                          write=False, source=given.source)
        problems = self.check(given, candidate)
        if problems:
            raise PlaybookError(
                tr("{path}: the {step} answers were not saved:", path=given.source.label(),
                   step=self.STEP) + "\n  - " + "\n  - ".join(problems))
        warning = warning_html(drop_warning(drops(self.path, given, self.SECTIONS, updates)))
        changed = tr(", ").join(self.changes(candidate)) or tr("nothing (same values)")
        if not save:
            return Html(warning + paragraph(tr(
                "The answers are valid; they change {changed}. Set save = True to write them "
                "into {path}.", changed=changed, path=self.path), "note"))
        self.saved = save_mod.save_answers(self.path, updates, self.STEP, note, day,
                                           source=given.source)
        self.playbook = self.saved
        return Html(warning + paragraph(tr("Saved into {path}: changed {changed}; revision "
                                           "'{note}' recorded.", path=self.path,
                                           changed=changed, note=note), "good"))

    def changes(self, candidate: Playbook) -> list[str]:
        """Key paths (two levels deep) of this step's sections that the answers change, in
        the playbook's order (``posts_per_week`` before ``pillars``, ``mon`` before ``fri``)."""
        before = self.playbook.model_dump(mode="json")
        after = candidate.model_dump(mode="json")
        paths = []
        for section in self.SECTIONS:
            old, new = before.get(section), after.get(section)
            if old == new:
                continue
            if isinstance(old, dict) and isinstance(new, dict):
                paths += [f"{section}/{k}" for k in dict.fromkeys([*new, *old])
                          if old.get(k) != new.get(k)]
            else:
                paths.append(section)
        return paths


def rows_table(headers: list[str], rows: Sequence[Sequence[object]], numeric: tuple[int, ...] = (),
               empty: str | None = None) -> str:
    """A table, or a note when there are no rows."""
    if not rows:
        return paragraph(empty or tr("Nothing to show."), "note")
    return table(headers, rows, numeric=numeric, fold=False)  # a planner reads it all
