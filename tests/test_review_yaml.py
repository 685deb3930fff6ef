"""Review files in plain YAML (``<period>.yaml``, ``.yml``): the same actions and checks as
the Markdown files, the commentary under ``commentary``; one file per period."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.periods import parse
from communitykit.report.action_carry import carry
from communitykit.report.review_draft import write_draft
from communitykit.report.review_notes import (
    author_hint,
    note_for,
    notes_until,
    read_note,
    review_files,
)
from communitykit.report.sections import commentary as section

MARKDOWN = """---
actions:
  - id: faq
    what: Pin the FAQ
    owner: Mia
    due: 2026-10-15
    status: in-progress
  - {what: Brief the night shift, owner: Lee, due: 2026-11-30}
---

## What happened

**Evening** questions waited.

- one
- two
"""
YAML_TEXT = """actions:
  - id: faq
    what: Pin the FAQ
    owner: Mia
    due: 2026-10-15
    status: in-progress
  - {what: Brief the night shift, owner: Lee, due: 2026-11-30}
commentary: |
  ## What happened

  **Evening** questions waited.

  - one
  - two
"""


def write(client_dir: Path, name: str, text: str) -> Path:
    path = client_dir / "reviews" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def opening(root: Path, label: str) -> str:
    """The report's opening section for client ``acme`` of ``root`` (no kernel: a stub
    holding what the section reads)."""
    report: Any = SimpleNamespace(workspace=Workspace(root), client="acme", period=parse(label))
    return str(section.render(report))


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_a_yaml_review_is_the_markdown_one(tmp_path: Path, suffix: str) -> None:
    md_root, yaml_root = tmp_path / "md", tmp_path / "yaml"
    md = read_note(write(md_root / "playbooks" / "acme", "2026-10.md", MARKDOWN))
    plain = read_note(write(yaml_root / "playbooks" / "acme", f"2026-10{suffix}", YAML_TEXT))
    assert (plain.actions, plain.commentary, plain.draft, plain.period) == (
        md.actions, md.commentary, md.draft, md.period)
    assert plain.commentary == "## What happened\n\n**Evening** questions waited.\n\n- one\n- two"
    assert [(a.id, a.status, str(a.due)) for a in plain.actions] == [
        ("faq", "in progress", "2026-10-15"), (None, "open", "2026-11-30")]
    page = opening(yaml_root, "2026-10")
    assert page == opening(md_root, "2026-10")
    assert "<h3>What happened</h3>" in page and "<strong>Evening</strong>" in page
    assert "<li>one</li>" in page
    # The FAQ was due 15 Oct, before the month's end: overdue; the briefing is not.
    assert re.search(r"Pin the FAQ</td><td[^>]*>Mia</td><td[^>]*>15 Oct 2026</td>"
                     r'<td class="status bad">in progress · overdue</td>', page)
    assert re.search(r'Brief the night shift</td>.*?<td class="status">open</td>', page)


def test_actions_carry_across_markdown_and_yaml(tmp_path: Path) -> None:
    # August in Markdown raises a and b; September in YAML closes a; October (.yml) moves
    # b's due date and adds e.
    write(tmp_path, "2026-08.md", "---\nactions:\n"
          "  - {id: a, what: Answer the backlog, owner: Mia, due: 2026-08-20}\n"
          "  - {id: b, what: Pin the FAQ, owner: Sam, due: 2026-09-30}\n---\nAugust.\n")
    write(tmp_path, "2026-09.yaml", "actions:\n"
          "  - {id: a, what: Answer the backlog, owner: Mia, due: 2026-08-20, status: done}\n"
          "commentary: September.\n")
    write(tmp_path, "2026-10.yml", "actions:\n"
          "  - {id: b, what: Pin the FAQ, owner: Sam, due: 2026-11-15}\n"
          "  - {id: e, what: Plan the holiday cover, owner: Sam, due: 2026-11-30}\n")
    shown = carry(notes_until(tmp_path, parse("2026-10")), parse("2026-10"))
    # b raised in August (ends 1 Sep): 61 days to 1 Nov, due 15 Nov, not overdue; e new.
    assert [(c.action.id, c.age_days, c.overdue, c.action.due.isoformat())
            for c in shown.open] == [("b", 61, False, "2026-11-15"), ("e", 0, False,
                                                                       "2026-11-30")]
    assert shown.closed == []  # a was closed in September: archived
    september = carry(notes_until(tmp_path, parse("2026-09")), parse("2026-09"))
    assert [c.action.id for c in september.closed] == ["a"]
    assert sorted(review_files(tmp_path)) == ["2026-08", "2026-09", "2026-10"]


@pytest.mark.parametrize(("text", "expected"), [
    ("actions:\n  - what: x\n    owner: y\n    due: next week\n",
     r"2026-10\.yaml: line 4, actions/0/due: 'next week' is not a date: write YYYY-MM-DD"),
    ("actions:\n  - what: x\n    owner: y\n    due: 2026-10-01\n    status: finished\n",
     r"line 5, actions/0/status: 'finished' is not one of the choices: 'open', "
     r"'in progress', 'done' or 'dropped'"),
    ("actions:\n  - {what: x, due: 2026-10-01}\n",
     r"line 2, actions/0/owner: this key is missing and is required"),
    ("actions:\n  - {what: x, owner: y, due: 2026-02-30}\n",
     r"2026-10\.yaml: line 2, actions/0/due: 2026-02-30 is not a day of the calendar: write "
     r"YYYY-MM-DD with a real month and day, such as 2026-11-15$"),
    ("actions:\n  - {what: x, owner: y, due: 2026-11-01T10:00:00}\n",
     r"2026-10\.yaml: line 2, actions/0/due: 2026-11-01T10:00:00 is a date and a time: write "
     r"only the day, such as 2026-11-01$"),
    ("actions:\n  - {what: x, owner: y, due: '2026-11-01 10:00'}\n",
     r"line 2, actions/0/due: 2026-11-01 10:00 is a date and a time: write only the day, "
     r"such as 2026-11-01$"),
    ("- a\n- b\n", r"2026-10\.yaml: line 1: the file is a mapping of keys, such as 'actions:'"),
    ("actions:\n  - {id: x, what: a, owner: y, due: 2026-10-01}\n"
     "  - {id: x, what: b, owner: y, due: 2026-10-01}\n",
     r"2026-10\.yaml: line 3, actions/1/id: 'x' is the id of actions/0 too: give each action "
     r"its own id$"),
    ("actions:\n  - {what: Pin the  FAQ, owner: y, due: 2026-10-01}\n"
     "  - {what: pin the faq, owner: z, due: 2026-10-02}\n",
     r"2026-10\.yaml: line 3, actions/1/what: 'pin the faq' is the wording of actions/0 too "
     r"\(case and spacing aside\): keep one of them, or give each its own id$"),
    ("draft: false\nfoo: 1\n",
     r"2026-10\.yaml: line 2, foo: unknown key 'foo': the keys of a review file are actions, "
     r"commentary and draft$"),
    ("draft: false\ncomentary: Words.\n",
     r"line 2, comentary: unknown key 'comentary'; did you mean 'commentary'\? The keys of a "
     r"review file are actions, commentary and draft$"),
    ("actions:\n  - what: x\n    owner: y\n    due: 2026-10-01\n    ownr: z\n",
     r"line 5, actions/0/ownr: unknown key 'ownr'; did you mean 'owner'\? The keys of an "
     r"action are id, what, owner, due and status$"),
    ("actions:\n  - {what: x, owner: y, due: 2026-10-01, note: z}\n",
     r"line 2, actions/0/note: unknown key 'note': the keys of an action are id, what, "
     r"owner, due and status$"),
    ("commentary: 42\n", r"line 1, commentary: 42 is not text: write 'commentary: \|'"),
    ("actions: []\ncommentary: ## What happened\n",
     r"line 2, commentary: the text from '#' on is read as a YAML comment"),
    ("commentary: Evening questions waited #instagram\n",
     r"line 1, commentary: the text from '#' on is read as a YAML comment"),
])
def test_mistakes_name_the_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "2026-10.yaml", text)
    with pytest.raises(UserError, match=expected):
        read_note(path)


def test_every_problem_of_a_file_at_once(tmp_path: Path) -> None:
    # Impossible days, a date with a time, a wrong status and a repeated wording (case
    # aside) in one file: all five, each with its line and key, by line.
    path = write(tmp_path, "2026-10.yaml", "actions:\n"
                 "  - what: x\n    owner: y\n    due: 2026-13-45\n    status: late\n"
                 "  - what: z\n    owner: w\n    due: 2026-02-30\n"
                 "  - {what: Z, owner: v, due: 2026-11-01T10:00:00}\n"
                 "commentary: Words.\n")
    with pytest.raises(UserError) as caught:
        read_note(path)
    calendar = ("is not a day of the calendar: write YYYY-MM-DD with a real month and day, "
                "such as 2026-11-15")
    assert str(caught.value) == (
        f"{path}: 5 problems:\n"
        f"  - line 4, actions/0/due: 2026-13-45 {calendar}\n"
        "  - line 5, actions/0/status: 'late' is not one of the choices: 'open', "
        "'in progress', 'done' or 'dropped'\n"
        f"  - line 8, actions/1/due: 2026-02-30 {calendar}\n"
        "  - line 9, actions/2/due: 2026-11-01T10:00:00 is a date and a time: write only the "
        "day, such as 2026-11-01\n"
        "  - line 9, actions/2/what: 'Z' is the wording of actions/1 too (case and spacing "
        "aside): keep one of them, or give each its own id")


INDENT = ("the indentation is off here: keys of one block start in the same column, and the "
          "items of a list with the same '- '")


@pytest.mark.parametrize(("text", "expected"), [
    # `due` is one space left of `owner`: the reader stops on line 4.
    ("actions:\n  - what: x\n    owner: y\n   due: 2026-10-01\n", f"line 4: {INDENT}"),
    ("actions:\n  - what: x\n     owner: y\n", "line 3: the indentation or a ':' is off here "
     "or on the line above: each key ends with ':' and keys of one block start in the same "
     "column; a value holding ': ' goes in double quotes"),
    ("commentary: fine\nactions: [\n", "line 2: a '[' or '{' is never closed"),
    ("actions:\n  - {what: x, owner: y\ncommentary: x\n", "line 2: a '[' or '{' opened on "
     "this line is not closed, or two of its items have no comma between them"),
    ("actions:\n  - what: 'Pin the FAQ\n    owner: y\n",
     "line 2: a quote opened on this line is not closed"),
    ("commentary: x\ndraft: true\ncommentary: y\n",
     "line 3: the key 'commentary' is given twice at the same level: keep one"),
    ("actions:\n\t- what: x\n", "line 2: a tab: indent with spaces only"),
    ("actions:\n  - what: @mia\n",
     "line 2: a value cannot start with '@': put the whole value in double quotes"),
    ("commentary: |\nno indent\n", "line 2: a key without ':' after it, or a line indented "
     "less than the block it belongs to"),
])
def test_yaml_the_reader_cannot_parse_is_said_plainly(tmp_path: Path, text: str,
                                                      expected: str) -> None:
    path = write(tmp_path, "2026-10.yaml", text)
    with pytest.raises(UserError) as caught:
        read_note(path)
    head, _, reason = expected.partition(": ")
    assert str(caught.value) == f"{path}: {head}: the file is not valid YAML: {reason}"
    assert not re.search(r"<block|<stream|scanning|parsing|expected <", str(caught.value))


def test_what_yaml_reads_as_it_is_written(tmp_path: Path) -> None:
    # A comment after `|` and a `#` inside the block are kept as Markdown; an empty key
    # is no commentary; `draft: yes` is YAML 1.2 text that pydantic reads as true.
    note = read_note(write(tmp_path, "2026-W43.yaml",
                           "draft: yes\ncommentary: |  # the text\n  # Title\n  Body #1\n"))
    assert (note.commentary, note.draft, note.period.label) == ("# Title\nBody #1", True,
                                                                "2026-W43")
    empty = read_note(write(tmp_path, "2026-W44.yml", "commentary:\nactions: []\n"))
    assert (empty.commentary, empty.actions) == ("", ())
    # Dates are read as the text written: quoted, or in YAML's short form, the same day; a
    # date-like commentary or wording is text.
    dates = read_note(write(tmp_path, "2026-W45.yaml", "commentary: 2026-11-05\nactions:\n"
                            "  - {what: 2026-11-01, owner: y, due: '2026-11-09'}\n"
                            "  - {what: b, owner: y, due: 2026-11-9}\n"))
    assert dates.commentary == "2026-11-05" and dates.actions[0].what == "2026-11-01"
    assert [a.due for a in dates.actions] == [dt.date(2026, 11, 9)] * 2
    with pytest.raises(UserError, match=r"october\.yaml: the file name is not a period"):
        read_note(write(tmp_path, "october.yaml", "commentary: x\n"))


@pytest.mark.parametrize("other", ["2026-10.md", "2026-10.yml"])
def test_two_files_for_one_period_are_refused(tmp_path: Path, other: str) -> None:
    yaml_file = write(tmp_path, "2026-10.yaml", "commentary: One.\n")
    write(tmp_path, other, "Two.\n")
    first, second = sorted(["2026-10.yaml", other])
    message = (f"{tmp_path / 'reviews'}: {first} and {second} are both the review of 2026-10: "
               "keep one of them, with the commentary and the actions of both")
    for call in (lambda: notes_until(tmp_path, parse("2026-12")),
                 lambda: author_hint(tmp_path, parse("2026-10"), "acme", tmp_path),
                 lambda: note_for(tmp_path, parse("2026-10")),
                 lambda: write_draft(tmp_path, parse("2026-10"), [], "Acme", "en")):
        with pytest.raises(UserError) as caught:
            call()
        assert str(caught.value) == message
    # The report of an earlier period reads no file of October, but still refuses: the
    # folder is read whole, so the mistake shows at once.
    with pytest.raises(UserError, match="both the review of 2026-10"):
        notes_until(tmp_path, parse("2026-09"))
    assert yaml_file.read_text(encoding="utf-8") == "commentary: One.\n"


def test_other_files_are_not_review_files(tmp_path: Path) -> None:
    write(tmp_path, "2026-10.yaml", "commentary: One.\n")
    write(tmp_path, ".2026-10.md", "an editor's copy\n")
    write(tmp_path, "2026-10.txt", "notes\n")
    write(tmp_path, "2026-10.yaml.bak", "old\n")
    assert list(review_files(tmp_path)) == ["2026-10"]
    assert [n.commentary for n in notes_until(tmp_path, parse("2026-10"))] == ["One."]


def test_the_draft_writer_and_the_authors_line_see_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "2026-10.yaml", "draft: true\ncommentary: Words.\n")
    with pytest.raises(UserError) as caught:
        write_draft(tmp_path, parse("2026-10"), ["a finding"], "Acme", "en")
    assert str(caught.value) == (f"{path}: a review for 2026-10 already exists and is left "
                                 "as it is: edit it, or delete it to write a new draft")
    assert not (tmp_path / "reviews" / "2026-10.md").exists()
    assert author_hint(tmp_path, parse("2026-10"), "acme", tmp_path) == (
        "the commentary for 2026-10 is still a draft: the report shows none of it until you "
        "remove `draft: true` from reviews/2026-10.yaml")
    path.write_text("", encoding="utf-8")
    assert author_hint(tmp_path, parse("2026-10"), "acme", tmp_path) == (
        "no commentary yet for 2026-10: reviews/2026-10.yaml is empty: write the Markdown "
        "under 'commentary: |', indented, and the actions under 'actions:'; or delete it, "
        "and communitykit review acme --period 2026-10 writes a draft")
    path.write_text("actions:\n  - {what: a, owner: b, due: 2026-11-01}\n", encoding="utf-8")
    assert author_hint(tmp_path, parse("2026-10"), "acme", tmp_path) == (
        "no commentary yet for 2026-10: reviews/2026-10.yaml has actions but no text")
    path.write_text("commentary: Done.\n", encoding="utf-8")
    assert author_hint(tmp_path, parse("2026-10"), "acme", tmp_path) is None
    assert note_for(tmp_path, parse("2026-10")).commentary == "Done."  # type: ignore[union-attr]


HOSTILE = """commentary: |
  ## What happened
  <script>alert('x')</script> <img src=x onerror=alert(1)>
  [click](javascript:alert(1)) <a href="javascript:alert(3)" onclick="alert(4)">raw</a>
  <iframe src="https://e.x"></iframe> [fine](https://example.com/a) \u202eevil
actions:
  - {what: "<b onmouseover=alert(5)>Bold</b>", owner: "<i>Mia</i>", due: 2026-11-30}
"""


def test_hostile_markup_in_yaml_is_shown_as_text(tmp_path: Path) -> None:
    write(tmp_path / "playbooks" / "acme", "2026-10.yaml", HOSTILE)
    page = opening(tmp_path, "2026-10")
    assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert "<b " not in page and "<i>" not in page
    assert not re.search(r"<[^>]+\son\w+=", page)  # no event handler on any tag
    assert re.findall(r"<a\s[^>]*>", page) == [
        '<a href="https://example.com/a" rel="noopener noreferrer">']
    assert "<p>&lt;script&gt;alert('x')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" \
        in page  # the commentary's markup, as the text it is
    assert "&lt;b onmouseover=alert(5)&gt;Bold&lt;/b&gt;" in page  # the action, as text
    assert "&lt;i&gt;Mia&lt;/i&gt;" in page
    assert "\u202e" not in page
    assert page.index("<h3>What happened</h3>") < page.index("Open actions")
