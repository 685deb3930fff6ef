"""`communitykit send` and the strategist's review files: the mail carries the commentary
and actions the review files say now (or nothing is sent), grouped as the report groups
them. Sent through a real SMTP server on loopback (aiosmtpd) and read back with the
standard library's ``email`` package and ``html.parser``."""

from __future__ import annotations

import json
import shutil
import sys
import types
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from communitykit.cli import main
from conftest import FIXTURES, ROOT
from mailbox_server import Inbox, free_port

PERIOD = "2026-11"
Cli = Callable[..., tuple[int, str, str]]
RED = "color:#b3261e;font-weight:600"  # the report's "bad", as the mail marks overdue
GREEN = "color:#1e7b34"

# October raises three actions; November's review adds one, closes two and says nothing
# of "evening", which is carried: open, due 5 Nov (before the period's end, so overdue),
# raised in October: 30 days from 1 Nov to 1 Dec.
OCTOBER = """---
actions:
  - {id: evening, what: "Answer evening questions <b>fast</b>", owner: Sam Lee, due: 2026-11-05}
  - {id: old, what: Old task, owner: Sam, due: 2026-10-05}
  - {id: poll, what: Weekly poll, owner: Ana, due: 2026-11-20}
---
"""
NOVEMBER = """---
actions:
  - {id: faq, what: Pin the FAQ, owner: Mia Chen, due: 2026-12-10, status: in progress}
  - {id: old, what: Old task, owner: Sam, due: 2026-10-05, status: done}
  - {id: poll, what: Weekly poll, owner: Ana, due: 2026-11-20, status: dropped}
---
## What happened
Evening questions waited longest.

| Channel | Waiting |
|---|---:|
| Weibo <script>alert(1)</script> | 12 |
"""
OPEN_EN = ["Answer evening questions <b>fast</b> (Sam Lee, due 5 Nov 2026): open · overdue · "
           "since 2026-10 (30 days)",
           "Pin the FAQ (Mia Chen, due 10 Dec 2026): in progress · new this period"]
CLOSED_EN = ["Old task (Sam, due 5 Oct 2026): done", "Weekly poll (Ana, due 20 Nov 2026): dropped"]


# ---- a workspace with one report rendered from two review files ----------------------------
@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("send-review-ws")
    client = root / "playbooks" / "handcalc"
    (client / "reviews").mkdir(parents=True)
    shutil.copyfile(FIXTURES / "handcalc" / "playbook.yaml", client / "playbook.yaml")
    (client / "reviews" / "2026-10.md").write_text(OCTOBER, encoding="utf-8")
    (client / "reviews" / "2026-11.md").write_text(NOVEMBER, encoding="utf-8")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(root))
    try:
        assert main(["import", "handcalc", str(FIXTURES / "handcalc" / "exports")]) == 0
        assert main(["report", "handcalc", "--period", PERIOD]) == 0
    finally:
        mp.undo()
    return root


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    port = free_port()
    found = Inbox()
    controller = Controller(found, hostname="127.0.0.1", port=port)
    controller.start()
    yield found, port
    controller.stop()


@pytest.fixture
def ws(rendered: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
       inbox: tuple[Inbox, int]) -> Path:
    """A private copy of the rendered workspace, a stub PDF writer, the loopback server."""
    root = tmp_path / "ws"
    shutil.copytree(rendered, root)
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(root))
    monkeypatch.delenv("COMMUNITYKIT_SETTINGS", raising=False)
    monkeypatch.setitem(sys.modules, "communitykit.report.pdf", types.SimpleNamespace(
        write_pdf=lambda html, pdf: pdf.write_bytes(b"%PDF-1.4 stub\n%%EOF\n")))
    (root / "settings.yaml").write_text(
        f"smtp:\n  host: 127.0.0.1\n  port: {inbox[1]}\n  starttls: false\n"
        "  from: reports@agency.example\n", encoding="utf-8")
    return root


def reviews(root: Path) -> Path:
    return root / "playbooks" / "handcalc" / "reviews"


def report_files(root: Path) -> dict[str, bytes]:
    folder = root / "reports" / "handcalc" / PERIOD
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def body(mail: EmailMessage, kind: str) -> str:
    """The mail's ``kind`` part (plain or html) with its lines ending in a bare newline."""
    part = mail.get_body((kind,))
    assert part is not None, kind
    return str(part.get_content()).replace("\r\n", "\n")


def send(cli: Cli) -> tuple[int, str, str]:
    return cli("send", "handcalc", "--period", PERIOD, "--to", "ana@client.example")


# ---- reading the mail's HTML back ---------------------------------------------------------
class Groups(HTMLParser):
    """The action groups of the mail: each ``<h2>`` after the commentary with the texts of
    its ``<li>`` items, and the style of every ``<span>`` inside an item, by its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.groups: list[tuple[str, list[str]]] = []
        self.spans: dict[str, str] = {}
        self.where: str | None = None
        self.span_style: str | None = None
        self.span_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.groups.append(("", []))
            self.where = "h2"
        elif tag == "li" and self.groups:
            self.groups[-1][1].append("")
            self.where = "li"
        elif tag == "span" and self.where == "li":
            self.span_style, self.span_text = dict(attrs).get("style") or "", ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "li"):
            self.where = None
        elif tag == "span" and self.span_style is not None:
            self.spans[self.span_text] = self.span_style
            self.span_style = None

    def handle_data(self, data: str) -> None:
        if self.where == "h2":
            title, items = self.groups[-1]
            self.groups[-1] = (title + data, items)
        elif self.where == "li":
            self.groups[-1][1][-1] += data
            if self.span_style is not None:
                self.span_text += data


def groups_of(page: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    parser = Groups()
    parser.feed(page)
    return {title: items for title, items in parser.groups if items}, parser.spans


# ---- the mail ------------------------------------------------------------------------------
def test_the_mail_groups_the_actions_as_the_report_does(ws: Path, cli: Cli,
                                                        inbox: tuple[Inbox, int]) -> None:
    code, out, err = send(cli)
    assert (code, err) == (0, ""), err
    mail = inbox[0].only()
    page = body(mail, "html")
    groups, spans = groups_of(page)
    assert groups == {"Open actions": OPEN_EN, "Closed this period": CLOSED_EN}
    # overdue in red, done in green, the rest plain; member text escaped, never markup
    assert spans == {"open · overdue": RED, "done": GREEN}
    assert ("<li style=\"margin:3px 0\">Answer evening questions &lt;b&gt;fast&lt;/b&gt; "
            f'(Sam Lee, due 5 Nov 2026): <span style="{RED}">open · overdue</span> · since '
            "2026-10 (30 days)</li>") in page
    assert "Due " not in page and "<b>" not in page
    plain = body(mail, "plain")
    assert "Open actions\n" + "".join(f"- {line}\n" for line in OPEN_EN) in plain
    assert "Closed this period\n" + "".join(f"- {line}\n" for line in CLOSED_EN) in plain
    assert plain.count("Old task") == 1  # closed: shown once, in its group


def test_the_commentary_tables_carry_inline_borders(ws: Path, cli: Cli,
                                                    inbox: tuple[Inbox, int]) -> None:
    assert send(cli)[0] == 0
    page = body(inbox[0].only(), "html")
    cell = "border:1px solid #d0d4d9;padding:4px 8px;text-align:left;vertical-align:top"
    assert page.count('<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;'
                      'margin:8px 0;font-size:13px;line-height:1.4">') == 1
    assert page.count(f'<th style="{cell};background:#eef0f3;font-weight:600">') == 2
    assert f'<td style="{cell}">Weibo &lt;script&gt;alert(1)&lt;/script&gt;</td>' in page
    assert f'<td style="{cell}">12</td>' in page
    for bare in ("<table>", "<th>", "<td>", "<script", "<style", "class="):
        assert bare not in page, bare


def test_a_chinese_client_gets_the_actions_in_chinese(ws: Path, cli: Cli,
                                                      inbox: tuple[Inbox, int]) -> None:
    playbook = ws / "playbooks" / "handcalc" / "playbook.yaml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("language: en", "language: zh", 1), encoding="utf-8")
    assert send(cli)[0] == 0
    mail = inbox[0].only()
    groups, spans = groups_of(body(mail, "html"))
    assert groups == {
        "待完成的行动项": [
            "Answer evening questions <b>fast</b>（Sam Lee，截止 2026年11月5日）："
            "未处理 · 已逾期 · 自 2026-10 起（30 天）",
            "Pin the FAQ（Mia Chen，截止 2026年12月10日）：进行中 · 本期新增"],
        "本期关闭": ["Old task（Sam，截止 2026年10月5日）：已完成",
                     "Weekly poll（Ana，截止 2026年11月20日）：已放弃"]}
    assert spans == {"未处理 · 已逾期": RED, "已完成": GREEN}
    plain = body(mail, "plain")
    assert "\n本期关闭\n- Old task（Sam，截止 2026年10月5日）：已完成\n" in plain


# ---- the review file changed since the report was rendered --------------------------------
def refused(root: Path, what: str, verb: str) -> str:
    return (f"communitykit: {reviews(root)}: the review file changed since the report was "
            f"rendered: the {what} of 2026-11 {verb} from the report's; render it again with "
            "`communitykit report handcalc --period 2026-11` (or send with --render); "
            "nothing was sent\n")


@pytest.mark.parametrize(("change", "what", "verb"), [
    ("delete", "commentary and actions", "differ"),
    ("commentary", "commentary", "differs"),
    ("status", "actions", "differ"),
    ("earlier", "actions", "differ"),  # October's file: the carried action is another
    ("draft", "commentary and actions", "differ"),  # the report would show none of it
])
def test_a_changed_review_file_sends_nothing(ws: Path, cli: Cli, inbox: tuple[Inbox, int],
                                             change: str, what: str, verb: str) -> None:
    november, october = reviews(ws) / "2026-11.md", reviews(ws) / "2026-10.md"
    if change == "delete":
        november.unlink()
    elif change == "commentary":
        november.write_text(NOVEMBER.replace("waited longest", "waited"), encoding="utf-8")
    elif change == "status":
        november.write_text(NOVEMBER.replace("status: in progress", "status: done"),
                            encoding="utf-8")
    elif change == "earlier":
        october.write_text(OCTOBER.replace("due: 2026-11-05", "due: 2026-12-05"),
                           encoding="utf-8")
    else:
        november.write_text(NOVEMBER.replace("---\n", "---\ndraft: true\n", 1),
                            encoding="utf-8")
    before = report_files(ws)
    assert send(cli) == (1, "", refused(ws, what, verb))
    assert inbox[0].envelopes == []
    assert report_files(ws) == before  # no PDF written, nothing touched


def test_two_review_files_for_the_period_send_nothing(ws: Path, cli: Cli,
                                                      inbox: tuple[Inbox, int]) -> None:
    (reviews(ws) / "2026-11.yaml").write_text("actions: []\n", encoding="utf-8")
    code, out, err = send(cli)
    assert (code, out) == (1, "")
    # one line: the reading's own error (report/review_notes.py words it) inside send's
    start = ("communitykit: the review file changed since the report was rendered and cannot "
             f"be read: {reviews(ws)}: 2026-11.md and 2026-11.yaml ")
    end = ("; fix it, then render it again with `communitykit report handcalc --period "
           "2026-11`; nothing was sent\n")
    assert err.startswith(start) and err.endswith(end) and err.count("\n") == 1, err
    assert inbox[0].envelopes == []


def test_a_review_written_after_a_report_without_one_sends_nothing(
        ws: Path, cli: Cli, inbox: tuple[Inbox, int]) -> None:
    (ws / "reports" / "handcalc" / PERIOD / "commentary.json").unlink()  # rendered before
    code, _, err = send(cli)
    assert code == 1 and "the commentary and actions of 2026-11 differ" in err
    assert inbox[0].envelopes == []


def test_an_unchanged_review_file_is_sent_after_the_checks(ws: Path, cli: Cli,
                                                           inbox: tuple[Inbox, int]) -> None:
    # a later period's file and a byte-identical rewrite change nothing of November
    (reviews(ws) / "2026-12.md").write_text("Next month.\n", encoding="utf-8")
    november = reviews(ws) / "2026-11.md"
    november.write_text(november.read_text(encoding="utf-8"), encoding="utf-8")
    assert send(cli)[0] == 0
    assert len(inbox[0].envelopes) == 1
    written = json.loads((ws / "reports" / "handcalc" / PERIOD / "commentary.json")
                         .read_text(encoding="utf-8"))
    assert [a["id"] for a in written["open"]] == ["evening", "faq"]


@pytest.mark.slow
def test_send_with_render_mails_the_new_commentary(ws: Path, cli: Cli,
                                                   inbox: tuple[Inbox, int]) -> None:
    november = reviews(ws) / "2026-11.md"
    november.write_text(NOVEMBER.replace("waited longest", "waited less"), encoding="utf-8")
    assert send(cli)[0] == 1
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "ana@client.example",
                       "--render")
    assert (code, err) == (0, ""), err
    plain = body(inbox[0].only(), "plain")
    assert "Evening questions waited less." in plain and "waited longest" not in plain


def test_a_mistake_in_the_review_file_is_one_line_and_sends_nothing(
        ws: Path, cli: Cli, inbox: tuple[Inbox, int]) -> None:
    november = reviews(ws) / "2026-11.md"
    november.write_text(NOVEMBER.replace("status: in progress", "status: finished")
                        .replace("due: 2026-12-10", "due: soon"), encoding="utf-8")
    code, out, err = send(cli)
    assert (code, out) == (1, "")
    assert err.startswith("communitykit: the review file changed since the report was rendered "
                          f"and cannot be read: {november}: ")
    assert "actions/0/due" in err and "actions/0/status" in err  # both problems, one line
    assert err.count("\n") == 1 and err.endswith("nothing was sent\n"), err
    assert inbox[0].envelopes == []


def test_a_headline_without_a_figure_is_said_once_in_the_text_part() -> None:
    """"Response rate: no figure this period, vs 27.7%", not a dash for the missing value
    then another before the change."""
    from communitykit.delivery.message import text
    from communitykit.delivery.summary import Headline, Summary

    summary = Summary(client="Acme", period="2026-11", dates="1 Nov 2026 – 30 Nov 2026",
                      language="en", headlines=[
                          Headline("Response rate", "–", "no figure this period", "flat",
                                   "vs 27.7%"),
                          Headline("Active members", "120", "▲ +20", "good", "vs 100")])
    lines = text(summary, ["report.pdf"]).splitlines()
    assert "Response rate: no figure this period, vs 27.7%" in lines
    assert "Active members: 120 – ▲ +20, vs 100" in lines
