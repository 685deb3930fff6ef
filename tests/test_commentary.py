"""The strategist's commentary and actions: the review files, actions carried from period
to period (computed by hand below), the report opening with them, the author's line, the
draft, the mail, Chinese, and hostile Markdown."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from communitykit.cli import main
from communitykit.errors import UserError
from communitykit.i18n import use_language
from communitykit.paths import Workspace
from communitykit.periods import parse
from communitykit.report.action_carry import ActionList, carry
from communitykit.report.commentary_html import to_html, to_text
from communitykit.report.review_draft import write_draft
from communitykit.report.review_notes import author_hint, notes_until, read_note
from conftest import FIXTURES, make_workspace

ROOT = Path(__file__).resolve().parents[1]

AUGUST = """---
actions:
  - {id: a, what: Answer the backlog, owner: Mia, due: 2026-08-20, status: open}
  - {id: b, what: Pin the FAQ, owner: Sam, due: 2026-09-30, status: in progress}
  - {what: Write the   shipping page, owner: Mia, due: 2026-08-25, status: done}
---
## What happened
August text.
"""
SEPTEMBER = """---
actions:
  - {id: a, what: Answer the backlog, owner: Mia, due: 2026-08-20, status: done}
  - {id: d, what: Brief the night shift, owner: Lee, due: 2026-10-31}
  - {what: write the shipping page, owner: Mia, due: 2026-08-25, status: done}
---
September text.
"""
OCTOBER = """---
actions:
  - {id: b, what: Pin the FAQ, owner: Sam, due: 2026-10-15, status: In-Progress}
  - {id: e, what: Plan the holiday cover, owner: Sam, due: 2026-11-30, status: open}
---
October text.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "reviews" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def three(tmp_path: Path) -> Path:
    for name, text in (("2026-08.md", AUGUST), ("2026-09.md", SEPTEMBER),
                       ("2026-10.md", OCTOBER)):
        write(tmp_path, name, text)
    return tmp_path


def shown(client_dir: Path, label: str) -> ActionList:
    return carry(notes_until(client_dir, parse(label)), parse(label))


def rows(actions: ActionList) -> tuple[list[tuple[str, str, int, bool]], list[str]]:
    return ([(c.action.id or c.action.what, c.action.status, c.age_days, c.overdue)
             for c in actions.open],
            [c.action.id or c.action.what for c in actions.closed])


def test_three_periods_carried_by_hand(three: Path) -> None:
    # August: a is due 20 Aug, before the period's end (1 Sep): overdue; b due 30 Sep is
    # not; the shipping page was done in August's review: shown once, closed.
    assert rows(shown(three, "2026-08")) == (
        [("a", "open", 0, True), ("b", "in progress", 0, False)],
        ["Write the   shipping page"])
    # September: a done in this review (closed, shown); b carried 30 days (1 Sep -> 1 Oct)
    # and overdue (30 Sep < 1 Oct); d is new. The shipping page, written again as done
    # (other case and spaces: the same action), stays archived since August.
    assert rows(shown(three, "2026-09")) == (
        [("b", "in progress", 30, True), ("d", "open", 0, False)], ["a"])
    # October: b's due date moved to 15 Oct (still overdue), 61 days old (1 Sep -> 1 Nov);
    # d, not mentioned, carried 31 days and due 31 Oct: overdue; e new. a is archived.
    assert rows(shown(three, "2026-10")) == (
        [("b", "in progress", 61, True), ("d", "open", 31, True), ("e", "open", 0, False)],
        [])
    assert shown(three, "2026-10").open[0].action.due == dt.date(2026, 10, 15)
    # November, no note of its own: everything still open comes along, nothing closed.
    assert rows(shown(three, "2026-11"))[0] == [
        ("b", "in progress", 91, True), ("d", "open", 61, True), ("e", "open", 30, True)]


def test_periods_of_any_length(three: Path) -> None:
    # The third quarter reads August and September: both closings fall inside it (the
    # shipping page in September's wording, the latest).
    assert rows(shown(three, "2026-Q3")) == (
        [("b", "in progress", 30, True), ("d", "open", 0, False)],
        ["a", "write the shipping page"])
    # A weekly note ending after September's end is not read by September's report.
    write(three, "2026-W40.md", "---\nactions:\n  - {id: d, what: Brief the night shift, "
                                "owner: Lee, due: 2026-10-31, status: done}\n---\n")
    assert rows(shown(three, "2026-09"))[1] == ["a"]
    assert rows(shown(three, "2026-10")) == (
        [("b", "in progress", 61, True), ("e", "open", 0, False)], ["d"])
    # A week's report shows what its own review closed, and what September's closed: that
    # review's period ends (1 Oct) inside the week (28 Sep - 5 Oct).
    assert rows(shown(three, "2026-W40"))[1] == ["a", "d"]
    assert rows(shown(three, "2026-W41"))[1] == []


def test_drafts_count_for_nothing(three: Path) -> None:
    path = three / "reviews" / "2026-10.md"
    path.write_text(OCTOBER.replace("---\nactions", "---\ndraft: true\nactions", 1))
    assert rows(shown(three, "2026-10"))[0] == [("b", "in progress", 61, True),
                                                 ("d", "open", 31, True)]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("2026-10.md", "---\nactions:\n  - what: x\n    owner: y\n    due: next week\n---\n",
     r"2026-10\.md: line 5, actions/0/due: 'next week' is not a date: write YYYY-MM-DD"),
    ("2026-10.md", "---\nactions:\n  - what: x\n    owner: y\n    due: 2026-10-01\n"
                   "    status: finished\n---\n",
     r"line 6, actions/0/status: 'finished' is not one of the choices: 'open', "
     r"'in progress', 'done' or 'dropped'"),
    ("2026-10.md", "---\nactions:\n  - what: x\n    owner: y\n    due: 2026-10-01\n"
                   "    ownr: z\n---\n", r"line 6, actions/0/ownr: unknown key 'ownr'"),
    ("2026-10.md", "---\nactions:\n  - {what: x, due: 2026-10-01}\n---\n",
     r"line 3, actions/0/owner: this key is missing and is required"),
    ("2026-10.md", "---\nactions:\n  - {what: x, owner: y, due: 20261001}\n---\n",
     r"line 3, actions/0/due: 20261001 is not a date"),
    ("2026-10.md", "---\nactions:\n  - {what: x, owner: y, due: 2026-02-30}\n---\n",
     r"2026-10\.md: line 3, actions/0/due: 2026-02-30 is not a day of the calendar: write "
     r"YYYY-MM-DD with a real month and day, such as 2026-11-15$"),
    ("2026-10.md", "---\nactions:\n  - {what: x, owner: y, due: 2026-11-01T10:00:00}\n---\n",
     r"2026-10\.md: line 3, actions/0/due: 2026-11-01T10:00:00 is a date and a time: write "
     r"only the day, such as 2026-11-01$"),
    # The '---' closing the header ends the '[' opened on line 2.
    ("2026-10.md", "---\nactions: [\n---\n",
     r"2026-10\.md: line 2: the header is not valid YAML: a '\[' or '\{' is never closed$"),
    ("2026-10.md", "---\nactions:\n  - what: x\n    owner: y\n   due: 2026-10-01\n---\n",
     r"2026-10\.md: line 5: the header is not valid YAML: the indentation is off here: keys "
     r"of one block start in the same column, and the items of a list with the same '- '$"),
    ("2026-10.md", "---\nactions: []\n", r"2026-10\.md: the YAML header opened by '---' on "
                                         r"line 1 has no closing '---' line$"),
    ("2026-10.md", "---\n- a\n---\n", r"2026-10\.md: line 2: the header is a mapping of keys"),
    ("2026-10.md", "---\nactions:\n  - {id: x, what: a, owner: y, due: 2026-10-01}\n"
                   "  - {id: x, what: b, owner: y, due: 2026-10-01}\n---\n",
     r"2026-10\.md: line 4, actions/1/id: 'x' is the id of actions/0 too: give each action "
     r"its own id$"),
    ("2026-10.md", "---\ndraft: true\ncommentary: x\n---\n",
     r"2026-10\.md: line 3, commentary: unknown key 'commentary': the keys of the header are "
     r"actions and draft$"),
    ("october.md", "text", r"october\.md: the file name is not a period"),
    ("2026-13.md", "text", r"the file name is not a period"),
])
def test_mistakes_name_the_file_line_and_key(tmp_path: Path, name: str, text: str,
                                             expected: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(UserError, match=expected):
        read_note(path)


def test_two_problems_are_listed_together(tmp_path: Path) -> None:
    path = write(tmp_path, "2026-10.md", "---\nactions:\n  - {what: x, owner: y, due: soon, "
                                         "status: late}\n---\n")
    with pytest.raises(UserError) as caught:
        read_note(path)
    assert "2 problems" in str(caught.value) and str(path) in str(caught.value)


def test_every_problem_of_the_header_at_once(tmp_path: Path) -> None:
    # The header starts on the file's line 2: an impossible day on line 5 no longer hides
    # the wrong status (6), the second impossible day (9) or the repeated id (10).
    path = write(tmp_path, "2026-10.md", "---\nactions:\n"
                 "  - id: a\n    what: x\n    due: 2026-13-45\n    status: finished\n"
                 "    owner: y\n  - {id: b, what: z, owner: w, due: 2026-02-30}\n"
                 "  - {id: a, what: v, owner: w, due: 2026-10-01}\n---\nText.\n")
    with pytest.raises(UserError) as caught:
        read_note(path)
    calendar = ("is not a day of the calendar: write YYYY-MM-DD with a real month and day, "
                "such as 2026-11-15")
    assert str(caught.value) == (
        f"{path}: 4 problems:\n"
        f"  - line 5, actions/0/due: 2026-13-45 {calendar}\n"
        "  - line 6, actions/0/status: 'finished' is not one of the choices: 'open', "
        "'in progress', 'done' or 'dropped'\n"
        f"  - line 8, actions/1/due: 2026-02-30 {calendar}\n"
        "  - line 9, actions/2/id: 'a' is the id of actions/0 too: give each action its own id")


def test_a_file_without_header_is_commentary_only(tmp_path: Path) -> None:
    note = read_note(write(tmp_path, "2026-10-01_2026-10-15.md", "Just words.\n"))
    assert (note.commentary, note.actions, note.period.days) == ("Just words.", (), 15)


HOSTILE = """## What happened
<script>alert('x')</script> <img src=x onerror=alert(1)>
[click](javascript:alert(1)) [also](JaVaScRiPt:alert(2)) [data](data:text/html,hi)
<a href="javascript:alert(3)" onclick="alert(4)">raw link</a> <iframe src="https://e.x">
![pixel](https://tracker.example/p.png) [fine](https://example.com/a?b=1) \u202eevil
"""


def test_hostile_markdown_stays_text() -> None:
    out = to_html(HOSTILE)
    assert "<script" not in out and "<img" not in out and "<iframe" not in out
    assert "onerror=" not in out.replace("onerror=alert(1)&gt;", "")  # only as text
    assert not re.search(r"<[^>]+\son\w+=", out)  # no event handler on any tag
    assert re.findall(r"<a\s[^>]*>", out) == [  # one link: the safe one
        '<a href="https://example.com/a?b=1" rel="noopener noreferrer">']
    assert '<a href="https://example.com/a?b=1" rel="noopener noreferrer">fine</a>' in out
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in out  # shown as the text it is
    assert "\u202e" not in out
    assert out.startswith("<h3>What happened</h3>")  # under the report's own h2


# --- the report, the author's line, the draft and the mail (a real kernel) ------------

NOTE_EN = """---
actions:
  - {id: faq, what: Pin the FAQ, owner: Mia, due: 2026-12-10, status: in progress}
  - {id: old, what: Old task, owner: Sam, due: 2026-10-05, status: done}
---
## What happened
**Evening** questions waited. <script>alert(1)</script>
"""
NOTE_ZH = """---
actions:
  - {id: faq, what: 置顶常见问题, owner: 小陈, due: 2026-11-10, status: open}
---
## 本期情况
晚间提问等待较久。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The hand-calculation client three times: with a review (English), with a review
    (Chinese), and without any; each imported."""
    tmp = tmp_path_factory.mktemp("commentary")
    source = FIXTURES / "handcalc" / "playbook.yaml"
    ws = make_workspace(tmp, "withnotes", source)
    for client in ("zhnotes", "bare"):
        (tmp / "playbooks" / client).mkdir(parents=True)
        text = source.read_text(encoding="utf-8")
        if client == "zhnotes":
            text = text.replace("language: en", "language: zh", 1)
        (tmp / "playbooks" / client / "playbook.yaml").write_text(text, encoding="utf-8")
    write(tmp / "playbooks" / "withnotes", "2026-11.md", NOTE_EN)
    write(tmp / "playbooks" / "withnotes", "2026-10.md",
          "---\nactions:\n  - {id: old, what: Old task, owner: Sam, due: 2026-10-05}\n---\n")
    write(tmp / "playbooks" / "zhnotes", "2026-11.md", NOTE_ZH)
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(tmp))
    try:
        for client in ("withnotes", "zhnotes", "bare"):
            assert main(["import", client, str(FIXTURES / "handcalc" / "exports")]) == 0
    finally:
        mp.undo()
    return ws


def report(ws: Workspace, client: str, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(ws.root))
    assert main(["report", client, "--period", "2026-11"]) == 0
    out = capsys.readouterr().out
    return (ws.report_dir(client, "2026-11") / "report.html").read_text(encoding="utf-8"), out


@pytest.mark.slow
def test_the_report_opens_with_commentary_and_actions(site: Workspace, capsys, monkeypatch,
                                                      ) -> None:
    html, out = report(site, "withnotes", capsys, monkeypatch)
    main_part = html[html.index("<main"):]
    assert main_part.index('id="commentary"') < main_part.index('id="summary"')
    assert "Commentary and actions" in main_part and "<strong>Evening</strong>" in main_part
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main_part and "<script" not in main_part
    # the open action, not overdue; the one September raised and this review closed
    assert re.search(r"Pin the FAQ</td><td[^>]*>Mia</td><td[^>]*>10 Dec 2026</td>"
                     r'<td class="status">in progress</td><td[^>]*>new this period', main_part)
    assert "Closed this period" in main_part and "Old task" in main_part
    assert "no commentary" not in out  # it has one
    folder = site.report_dir("withnotes", "2026-11")
    assert (folder / "commentary.json").is_file()

    from communitykit.delivery import message, summary

    mail = summary.read(folder, "en")
    assert mail.commentary.startswith("## What happened")
    assert [a.text for a in mail.open_actions] == [
        "Pin the FAQ (Mia, due 10 Dec 2026): in progress · new this period"]
    assert [a.text for a in mail.closed_actions] == ["Old task (Sam, due 5 Oct 2026): done"]
    with use_language("en"):
        text = message.text(mail, ["x.pdf"])
        part = message.html(mail, ["x.pdf"], "#123456")
    assert text.index("Evening") < text.index("What needs attention")
    assert part.index("<strong>Evening</strong>") < part.index("What needs attention")
    assert "<script" not in part


@pytest.mark.slow
def test_no_commentary_is_said_to_the_author_only(site: Workspace, capsys,
                                                  monkeypatch) -> None:
    html, out = report(site, "bare", capsys, monkeypatch)
    assert "no commentary yet for 2026-11: write playbooks/bare/reviews/2026-11.md " \
           "(communitykit review bare --period 2026-11 writes a draft)" in out
    page = html[html.index("<main"):].lower()  # the stylesheet names the class, the page not
    assert "commentary" not in page and "评" not in page
    assert not (site.report_dir("bare", "2026-11") / "commentary.json").exists()

    # the draft: findings of the rendered report, never over an existing file
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(site.root))
    assert main(["review", "bare", "--period", "2026-11"]) == 0
    draft = site.client_dir("bare") / "reviews" / "2026-11.md"
    text = draft.read_text(encoding="utf-8")
    assert "draft: true" in text and "## What happened" in text and "## What we do next" in text
    metrics_findings = [line for line in text.splitlines() if line.startswith("- ")]
    assert metrics_findings and "no report for this period" not in text
    before = text
    assert main(["review", "bare", "--period", "2026-11"]) == 1
    err = capsys.readouterr().err
    assert "already exists and is left as it is" in err
    assert draft.read_text(encoding="utf-8") == before
    # a draft is not shown; the author is told it is one
    html, out = report(site, "bare", capsys, monkeypatch)
    assert "is still a draft" in out and "What happened" not in html


@pytest.mark.slow
def test_chinese(site: Workspace, capsys, monkeypatch) -> None:
    html, _ = report(site, "zhnotes", capsys, monkeypatch)
    main_part = html[html.index("<main"):]
    assert "复盘点评与行动项" in main_part and "<h3>本期情况</h3>" in main_part
    assert re.search(r"置顶常见问题</td><td[^>]*>小陈</td><td[^>]*>2026年11月10日</td>"
                     r'<td class="status bad">未处理 · 已逾期</td><td[^>]*>本期新增', main_part)
    assert main_part.index('id="commentary"') < main_part.index('id="summary"')


def test_the_draft_carries_open_actions_in_chinese(three: Path) -> None:
    path = write_draft(three, parse("2026-11"), ["目标落后"], "店", "zh")
    text = path.read_text(encoding="utf-8")
    assert "## 本期情况\n\n- 目标落后" in text and "## 下一步" in text
    note = read_note(path)
    assert note.draft and [a.id for a in note.actions] == ["b", "d", "e"]
    assert "# 来自 2026-08 的复盘, 已逾期" in text
    with pytest.raises(UserError, match="already exists"):
        write_draft(three, parse("2026-11"), [], "店", "zh")


def test_the_authors_line(three: Path) -> None:
    assert author_hint(three, parse("2026-10"), "acme", three) is None
    assert author_hint(three, parse("2026-12"), "acme", three) == (
        "no commentary yet for 2026-12: write reviews/2026-12.md (communitykit review acme "
        "--period 2026-12 writes a draft)")
    write(three, "2026-12.md", "---\nactions: []\n---\n")
    assert author_hint(three, parse("2026-12"), "a", three) == (
        "no commentary yet for 2026-12: reviews/2026-12.md has no commentary and no action: "
        "write the commentary in Markdown, and the actions in a header between two '---' "
        "lines; or delete it, and communitykit review a --period 2026-12 writes a draft")
    write(three, "2026-12.md", "\n")
    assert author_hint(three, parse("2026-12"), "a", three) == (
        "no commentary yet for 2026-12: reviews/2026-12.md is empty: write the commentary in "
        "Markdown, and the actions in a header between two '---' lines; or delete it, and "
        "communitykit review a --period 2026-12 writes a draft")
    write(three, "2026-12.md", "---\nactions:\n  - {what: a, owner: b, due: 2026-12-01}\n---\n")
    assert "has actions but no text" in (author_hint(three, parse("2026-12"), "a", three) or "")
    write(three, "bad.md", "x")
    with pytest.raises(UserError, match="bad.md: the file name is not a period"):
        author_hint(three, parse("2026-12"), "acme", three)


def test_the_demo_has_reviews() -> None:
    demo = ROOT / "playbooks" / "demo"
    october = shown(demo, "2026-10")
    assert [c.action.id for c in october.open] == ["allergen-answers", "evening-cover"]
    assert october.open[0].overdue and [c.action.id for c in october.closed] == [
        "faq-refresh", "repost-rights"]
    assert [c.action.id for c in shown(demo, "2026-09").closed] == ["weekend-cover"]
    assert "weekend-cover" not in [c.action.id for c in october.closed]  # archived


def test_cli_review_needs_a_known_client(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(tmp_path))
    (tmp_path / "playbooks").mkdir()
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    assert main(["review", "nobody", "--period", "2026-10"]) == 1
    assert "nobody" in capsys.readouterr().err


def test_headings_left_empty_are_not_shown() -> None:
    """A draft's "What we learned" left empty reaches neither the page nor the mail; a
    heading over a sub-heading with text under it stays."""
    markdown = ("## What happened\n\nSales rose.\n\n## What we learned\n\n"
                "## What we do next\n### This week\n\n- reply faster\n## Later\n")
    assert to_html(markdown) == ("<h3>What happened</h3>\n<p>Sales rose.</p>\n"
                                 "<h3>What we do next</h3>\n<h4>This week</h4>\n<ul>\n"
                                 "<li>reply faster</li>\n</ul>\n")
    assert to_text(markdown) == ("## What happened\n\nSales rose.\n\n"
                                 "## What we do next\n### This week\n\n- reply faster")
    assert to_html("## What we learned\n\n## What we do next\n") == ""
