"""Text analysis at import: the annotations of the store's texts, kept before any report.

``communitykit import`` calls ``annotate_store`` once the store is committed. Every message
text goes into the memo (``memo.fill``) under each month it was written in, for each kind
the playbook's reports read: the text annotations, the theme hits and the rule flags. A
report then finds every text of its period in the memo and runs no analyser over them.
Texts already kept (an earlier import, an earlier report) are only looked up, and a month
of the store whose rows an import left as they were (its digest, ``partitions``) is not
read at all: each kind's folder records the digests of the months it holds
(``months.json``). A failure here costs speed only: the store is already committed, and
the report analyses what is missing.

Then each month of the store gets its rows' notes (``row_notes``: rule flags, question,
annotations, aligned with the month's file), so a report reads columns and looks no text
up; a month is written again only when its rows or the notes' version changed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from .. import atomic, classify, partitions, row_notes, rule_flags
from ..playbook import Playbook
from ..store import Store
from ..tables import conform
from . import annotate, memo
from .terms import TERM_SEPARATOR

HELD = "months.json"  # in each kind's folder: the store months it holds, by digest


@dataclass
class Prepared:
    """Distinct texts of the store, per kind kept: how many were analysed, how many known."""

    texts: int = 0
    analysed: dict[str, int] = field(default_factory=dict)
    known: dict[str, int] = field(default_factory=dict)
    unchanged_months: int = 0  # months of the store not read: every kind holds them
    noted_months: int = 0  # months whose rows' notes were written

    def line(self) -> str:
        """One line for the import's summary."""
        first = next(iter(self.analysed), None)
        if first is None:
            return "text analysis: no texts"
        words = (f"text analysis: {self.analysed[first]:,} texts analysed, "
                 f"{self.known[first]:,} already known")
        others = [f"{what}: {count:,}" for what, count in self.analysed.items()
                  if count != self.analysed[first]]
        unchanged = (f"; {self.unchanged_months} unchanged months not read"
                     if self.unchanged_months else "")
        noted = (f"; rows' notes written for {self.noted_months} month"
                 f"{'s' if self.noted_months != 1 else ''}" if self.noted_months else "")
        return (words + (f" (analysed for {'; '.join(others)})" if others else "") + unchanged
                + noted)


def kinds(playbook: Playbook) -> list[tuple[str, memo.Kind, annotate.Analyser]]:
    """What the playbook's reports read from the memo, with the analyser of each."""
    flags = ("rule flags", rule_flags.flags_kind(playbook),
             functools.partial(rule_flags.flag_columns, playbook=playbook))
    return [*annotate.kept_kinds(playbook),
            *([flags] if playbook.rules.categories else [])]


def annotate_messages(messages: pd.DataFrame, playbook: Playbook, memo_dir: Path,
                      progress: bool = False) -> Prepared:
    """Keep every kind's annotations of the messages' texts (``text``, ``created_at``)."""
    texts = messages["text"].fillna("").astype(str).reset_index(drop=True)
    pairs = pd.DataFrame({"text": texts, "month": memo.months_of(
        messages["created_at"].reset_index(drop=True))}).drop_duplicates(ignore_index=True)
    found = Prepared(texts=int(texts.nunique()))
    todo = kinds(playbook)
    with tqdm(total=found.texts * len(todo), desc="text analysis", unit="text",
              disable=not progress, leave=False) as bar:
        for what, kind, analyser in todo:
            bar.set_postfix_str(what)
            found.analysed[what], found.known[what] = memo.fill(
                pairs["text"], pairs["month"], memo_dir, kind, analyser, done=bar.update)
    return found


def annotate_store(store: Store, playbook: Playbook, memo_dir: Path,
                   say: Callable[[str], None], progress: bool = False) -> Prepared | None:
    """``annotate_messages`` of the store's messages, said in one line; a failure is said
    (the import stands, the report will analyse the texts) and gives None."""
    try:
        found = _annotate_changed(store, playbook, memo_dir, progress)
    except Exception as exc:  # noqa: BLE001 (the store is committed: nothing may undo it)
        say(f"text analysis failed ({type(exc).__name__}: {exc}); the import is kept, and "
            "the report will analyse these texts")
        return None
    say(found.line())
    return found


def _annotate_changed(store: Store, playbook: Playbook, memo_dir: Path,
                      progress: bool) -> Prepared:
    """``annotate_messages`` of the months some kind does not hold at their digest."""
    folder = store.folder("messages")
    if folder is None:
        return annotate_messages(store.load("messages", ["text", "created_at"]), playbook,
                                 memo_dir, progress)
    digests = partitions.digests(folder)
    homes = [kind.home(memo_dir) for _, kind, _ in kinds(playbook)]
    held = [_held(home) for home in homes]
    todo = [m for m in partitions.months(folder)
            if digests.get(m) is None or any(h.get(m) != digests[m] for h in held)]
    rows = partitions.read_months(folder, todo, ["text", "created_at"])
    messages = conform(rows.drop_columns([partitions.ROW]).to_pandas(), "messages")
    found = annotate_messages(messages, playbook, memo_dir, progress)
    found.unchanged_months = len(partitions.months(folder)) - len(todo)
    done = {m: digests[m] for m in todo if m in digests}
    for home, before in zip(homes, held, strict=True):
        home.mkdir(parents=True, exist_ok=True)
        atomic.write_text(home / HELD, json.dumps({**before, **done}, indent=0) + "\n")
    found.noted_months = keep_notes(folder, playbook, memo_dir, progress)
    return found


def notes_home(playbook: Playbook, memo_dir: Path) -> Path:
    """The folder of the rows' notes for this playbook's kinds and themes."""
    themes = json.dumps([t.model_dump(mode="json") for t in playbook.themes],
                        ensure_ascii=False, sort_keys=True)
    return row_notes.home(memo_dir, row_notes.version(
        *[kind.version for _, kind, _ in kinds(playbook)], themes))


def keep_notes(store_folder: Path, playbook: Playbook, memo_dir: Path,
               progress: bool = False) -> int:
    """Write the rows' notes of every dated month not kept at its digest (``row_notes``);
    returns how many months were written."""
    home = notes_home(playbook, memo_dir)
    digests = partitions.digests(store_folder)
    todo = row_notes.missing_months(home, digests)
    for month in tqdm(todo, desc="row notes", unit="month", disable=not progress,
                      leave=False):
        rows = pq.read_table(store_folder / f"{month}.parquet", columns=["text", "created_at"])
        messages = conform(rows.to_pandas(), "messages")  # the file's own order
        row_notes.keep(home, month, digests[month], month_notes(messages, playbook, memo_dir))
    return len(todo)


def month_notes(messages: pd.DataFrame, playbook: Playbook, memo_dir: Path) -> pa.Table:
    """The notes of each message (positional): flags, question, the text's annotations,
    and its terms as a list (none for a text without terms; the file keeps each distinct
    term once, in its dictionary)."""
    flags = rule_flags.rule_flags(messages["text"], playbook, messages["created_at"],
                                  memo_dir).add_prefix("flag_").reset_index(drop=True)
    question = classify.is_question(messages["text"]).reset_index(drop=True)
    notes = annotate.text_notes(messages, playbook, memo_dir)
    joined = pa.array(notes.pop("terms").fillna(""), pa.string())
    frame = pd.concat([flags, question.rename("question"), notes], axis=1)
    schema = notes_schema(playbook)
    table = pa.Table.from_pandas(frame, schema=schema.remove(schema.get_field_index("terms")),
                                 preserve_index=False)
    return table.append_column(schema.field("terms"), term_lists(joined))


def term_lists(joined: pa.Array) -> pa.Array:
    """Terms joined by ``TERM_SEPARATOR`` as lists of terms ("" and missing: no list)."""
    joined = pc.if_else(pc.equal(joined, ""), pa.scalar(None, joined.type), joined)
    return pc.split_pattern(joined, TERM_SEPARATOR)


def notes_schema(playbook: Playbook) -> pa.Schema:
    """The columns of a month's notes file."""
    texts = {"lang", "sentiment", *annotate.REQUEST_COLUMNS}
    return pa.schema(
        [(f"flag_{c.id}", pa.bool_()) for c in playbook.rules.categories]
        + [("question", pa.bool_())]
        + [(name, pa.list_(pa.string()) if name == "terms" else pa.string() if name in texts
            else pa.bool_()) for name in annotate.note_columns(playbook)])


def _held(home: Path) -> dict[str, str]:
    """The store months a kind's folder holds (month -> digest)."""
    path = home / HELD
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
