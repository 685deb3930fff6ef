"""What every planning step shares: the client, its data, the answers and the save.

A step owns a few top-level sections of the playbook (``SECTIONS``). The answers are a
mapping with those sections (and, per step, a few extra keys such as ``note``). Under a
section, each key given replaces that key whole; keys left out keep their current value.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Concatenate, ParamSpec, Self, TypeVar

import pandas as pd
from ruamel.yaml import YAML

from .. import periods
from .. import playbook as playbook_mod
from ..dataset import Dataset
from ..errors import PlaybookError, UserError
from ..html import Html, esc, fmt_date, heading, paragraph, table
from ..i18n import tr, use_language
from ..paths import Workspace
from ..periods import Period
from ..playbook import Playbook
from ..store import Store
from . import save as save_mod

COMMON_KEYS = ("note",)
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


def read_answers(path: str | Path) -> dict[str, Any]:
    """An answers file (YAML, safe loader) as a mapping."""
    if not Path(path).is_file():
        raise UserError(tr("answers file not found"), file=path)
    data = playbook_mod.read_yaml(Path(path))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError(tr("an answers file is a mapping of playbook sections"), file=path)
    return data


class PlanStep:
    """One planning notebook's logic; subclasses name their sections and checks."""

    STEP: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    SECTIONS: ClassVar[tuple[str, ...]] = ()
    EXTRA_KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, client: str, workspace: Workspace) -> None:
        self.client = client
        self.workspace = workspace
        self.path = workspace.playbook_file(client)
        self.playbook: Playbook = playbook_mod.load(self.path)
        store = Store(workspace.store_dir(client))
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

    @in_playbook_language
    def current(self) -> Html:
        """The sections this step edits, as they stand in the playbook (YAML to copy)."""
        doc = save_mod.load_document(self.path)
        part = {k: save_mod.plain(doc[k]) for k in self.SECTIONS if k in doc}
        buffer = io.StringIO()
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        yaml.dump(part or {}, buffer)
        return Html(heading(3, tr("Current answers in the playbook"))
                    + f"<pre>{esc(buffer.getvalue())}</pre>")

    # ---- answers ---------------------------------------------------------------------------
    def answers(self, answers: str | Path | Mapping[str, Any] | None,
                edited: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The answers: a file path (headless run) wins over a mapping edited in the notebook."""
        if answers is not None and not isinstance(answers, Mapping):
            return read_answers(answers)
        if answers is not None:
            return dict(answers)
        return dict(edited or {})

    def updates(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Top-level playbook sections to write: each given key replaces that key whole."""
        allowed = (*self.SECTIONS, *self.EXTRA_KEYS, *COMMON_KEYS)
        unknown = sorted(str(k) for k in answers if k not in allowed)
        if unknown:
            raise UserError(tr("answers for the {step} step cannot hold {unknown}; allowed: "
                               "{allowed}", step=self.STEP, unknown=", ".join(unknown),
                               allowed=", ".join(allowed)))
        doc = save_mod.load_document(self.path)
        out: dict[str, Any] = {}
        for section in self.SECTIONS:
            if section not in answers:
                continue
            given = answers[section]
            current = save_mod.plain(doc.get(section))
            if isinstance(given, Mapping) and isinstance(current, dict):
                out[section] = {**current, **given}
            else:
                out[section] = given
        return out

    def candidate(self, answers: str | Path | Mapping[str, Any] | None,
                  edited: Mapping[str, Any] | None = None) -> Playbook:
        """The playbook as it would be with the answers (validated, not written)."""
        given = self.answers(answers, edited)
        if not given:
            return self.playbook
        return save_mod.save_answers(self.path, self.updates(given), self.STEP, write=False)

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        """Step-specific problems with valid answers (empty when fine)."""
        return []

    @in_playbook_language
    def save(self, answers: str | Path | Mapping[str, Any] | None,
             edited: Mapping[str, Any] | None = None, *, save: bool = True,
             today: str | dt.date | None = None) -> Html:
        """Validate the answers against the playbook model and the step's checks, then
        (when ``save``) write them into the playbook with a revision entry."""
        given = self.answers(answers, edited)
        if not given:
            return Html(paragraph(tr("No answers given: nothing to save. Edit the answers "
                                     "cell or pass --answers."), "note"))
        updates = self.updates(given)
        day = dt.date.fromisoformat(today) if isinstance(today, str) else today
        note = str(given.get("note") or tr("{title} planned", title=tr(self.TITLE)))
        candidate = save_mod.save_answers(self.path, updates, self.STEP, note, day, write=False)
        problems = self.check(given, candidate)
        if problems:
            raise PlaybookError(
                tr("{path}: the {step} answers were not saved:", path=self.path,
                   step=self.STEP) + "\n  - " + "\n  - ".join(problems))
        changed = tr(", ").join(self.changes(candidate)) or tr("nothing (same values)")
        if not save:
            return Html(paragraph(tr("The answers are valid; they change {changed}. Set save "
                                     "= True to write them into {path}.", changed=changed,
                                     path=self.path), "note"))
        self.saved = save_mod.save_answers(self.path, updates, self.STEP, note, day)
        self.playbook = self.saved
        return Html(paragraph(tr("Saved into {path}: changed {changed}; revision '{note}' "
                                 "recorded.", path=self.path, changed=changed, note=note),
                              "good"))

    def changes(self, candidate: Playbook) -> list[str]:
        """Key paths (two levels deep) of this step's sections that the answers change."""
        before = self.playbook.model_dump(mode="json")
        after = candidate.model_dump(mode="json")
        paths = []
        for section in self.SECTIONS:
            old, new = before.get(section), after.get(section)
            if old == new:
                continue
            if isinstance(old, dict) and isinstance(new, dict):
                paths += [f"{section}/{k}" for k in sorted(set(old) | set(new))
                          if old.get(k) != new.get(k)]
            else:
                paths.append(section)
        return paths


def rows_table(headers: list[str], rows: Sequence[Sequence[object]], numeric: tuple[int, ...] = (),
               empty: str | None = None) -> str:
    """A table, or a note when there are no rows."""
    if not rows:
        return paragraph(empty or tr("Nothing to show."), "note")
    return table(headers, rows, numeric=numeric)
