"""The mail: the report's summary inline (plain text and HTML), the report attached.

The HTML part is made for mail clients: tables for layout, inline styles only (the
commentary's own tables too), no script, no stylesheet, no remote image; every text
passes through ``html.esc`` (member text stays text). The actions are grouped as the
report groups them: open ones (overdue in red), then those closed this period.
Attachments are the report's bytes as they are on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from string import Formatter

from ..addresses import bare
from ..html import esc
from ..i18n import tr, use_language
from ..report.commentary_html import to_html as commentary_html
from ..report.commentary_html import to_text
from .actions import MailAction
from .summary import Summary

TONE = {"good": "#1e7b34", "bad": "#b3261e", "warn": "#9a6200", "info": "#38577a",
        "flat": "#5f6368"}
STATUS_TONE = {"met": "good", "on track": "good", "at risk": "warn", "off track": "bad",
               "missed": "bad"}
FONT = ("-apple-system,'Segoe UI',Roboto,Helvetica,Arial,'Noto Sans CJK SC','PingFang SC',"
        "'Microsoft YaHei',sans-serif")
ACCENT = "#1f5f8b"
CELL = "border:1px solid #d0d4d9;padding:4px 8px;text-align:left;vertical-align:top"
TABLE_TAGS = {
    "table": ('<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;'
              'margin:8px 0;font-size:13px;line-height:1.4">'),
    "th": f'<th style="{CELL};background:#eef0f3;font-weight:600">',
    "td": f'<td style="{CELL}">',
}
BARE_TABLE_TAG = re.compile(r"<(table|th|td)>")

NO_VALUE = "–"  # how the report writes a figure it does not have (``html.fmt_number``)


@dataclass(frozen=True)
class Attachment:
    path: Path
    filename: str  # as the recipient sees it, e.g. acme-2026-10.pdf
    maintype: str
    subtype: str


def attachments(folder: Path, client: str, period: str, pdf: Path | None) -> list[Attachment]:
    """The report's files to attach: the PDF (when there is one) and the HTML page."""
    found = []
    if pdf is not None:
        found.append(Attachment(pdf, f"{client}-{period}.pdf", "application", "pdf"))
    found.append(Attachment(folder / "report.html", f"{client}-{period}.html", "text", "html"))
    return found


def build(summary: Summary, sender: str, recipients: list[str], files: list[Attachment],
          accent: str | None = None) -> EmailMessage:
    """The whole message: headers, the summary as text and as HTML, the attachments."""
    message = EmailMessage()
    message["Subject"] = summary.subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=bare(sender).rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    with use_language(summary.language):
        names = [f.filename for f in files]
        message.set_content(text(summary, names), cte="quoted-printable")
        message.add_alternative(html(summary, names, accent or ACCENT), subtype="html",
                                cte="quoted-printable")
    for f in files:
        message.add_attachment(f.path.read_bytes(), maintype=f.maintype, subtype=f.subtype,
                               filename=f.filename)
    return message


def _attached_line(names: list[str]) -> str:
    return tr("The full report is attached: {files}. The HTML page opens in any browser "
              "and needs no network.", files=", ".join(names))


def text(summary: Summary, names: list[str]) -> str:
    """The plain-text part."""
    lines = [summary.subject, summary.dates, ""]
    if summary.commentary:  # the strategist's words open the mail, as they open the report
        lines += [to_text(summary.commentary), ""]
    for title, actions in _action_groups(summary):
        lines += [title, *(f"- {a.text}" for a in actions), ""]
    if summary.goal_counts:
        lines += [f"{tr('Goals')}: " + ", ".join(t for _, t in summary.goal_counts), ""]
    lines += [*summary.notes, ""] if summary.notes else []
    for h in summary.headlines:
        shown = "" if h.value == NO_VALUE else f"{h.value} – "  # no figure: said once
        lines.append(f"{h.label}: {shown}" + ", ".join(p for p in (h.change, h.versus) if p))
    if summary.goals:
        lines += ["", tr("Goals")]
        lines += [f"- {g.label}: {g.status} ("
                  + tr("now {now}, target {target}", now=g.current, target=g.target) + ")"
                  for g in summary.goals]
    lines += ["", tr("What needs attention")]
    lines += ([f"- {f.text}" for f in summary.findings] if summary.findings
              else [tr("Nothing needs attention this period.")])
    lines += ["", _attached_line(names), ""]
    return "\n".join(lines)


def html(summary: Summary, names: list[str], accent: str) -> str:
    """The HTML part: one centred table, 600 px wide at most, inline styles only."""
    lang = "zh-Hans" if summary.language == "zh" else "en"
    body = (_header(summary, accent) + _commentary(summary, accent) + _goal_line(summary)
            + _notes(summary)
            + _headlines(summary) + _goals(summary) + _findings(summary)
            + _row(f'<p style="margin:16px 0 0;font-size:13px;color:#5f6368">'
                   f"{esc(_attached_line(names))}</p>"))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{esc(summary.subject)}</title></head>"
            f'<body style="margin:0;padding:0;background:#f3f4f6">'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            'style="background:#f3f4f6"><tr><td align="center" style="padding:16px 8px">'
            '<table role="presentation" width="600" cellpadding="0" cellspacing="0" '
            f'style="width:100%;max-width:600px;background:#ffffff;font-family:{FONT};'
            f'color:#202124;border-top:4px solid {esc(accent)}">{body}'
            '<tr><td style="height:24px"></td></tr></table></td></tr></table></body></html>\n')


def _row(inner: str) -> str:
    return f'<tr><td style="padding:0 24px">{inner}</td></tr>'


def _header(s: Summary, accent: str) -> str:
    return (f'<tr><td style="padding:20px 24px 4px"><div style="font-size:13px;'
            f'color:{esc(accent)};font-weight:600">{esc(tr("Community review"))} '
            f'{esc(s.period)}</div><h1 style="margin:4px 0;font-size:22px;line-height:1.3">'
            f'{esc(s.client)}</h1><div style="font-size:13px;color:#5f6368">{esc(s.dates)}'
            "</div></td></tr>")


def _chip(text: str, tone: str) -> str:
    return (f'<span style="display:inline-block;margin:2px 4px 2px 0;padding:2px 8px;'
            f'border-radius:10px;border:1px solid {TONE[tone]};color:{TONE[tone]};'
            f'font-size:13px">{esc(text)}</span>')


def _goal_line(s: Summary) -> str:
    if not s.goal_counts:
        return _row(f'<p style="font-size:14px">{esc(tr("No goals are set in the playbook."))}'
                    "</p>")
    chips = "".join(_chip(t, STATUS_TONE.get(status, "flat")) for status, t in s.goal_counts)
    return _row(f'<p style="margin:12px 0;font-size:14px"><strong>{esc(tr("Goals"))}</strong> '
                f"{chips}</p>")


def _commentary(s: Summary, accent: str) -> str:
    """The strategist's commentary (Markdown, sanitised as on the page) and actions."""
    out = ""
    if s.commentary:
        out += _row(f'<div style="margin:12px 0;padding:2px 12px;font-size:14px;line-height:1.5;'
                    f'border-left:4px solid {esc(accent)};background:#f7f8fa">'
                    f"{styled_tables(commentary_html(s.commentary))}</div>")
    for title, actions in _action_groups(s):
        items = "".join(f'<li style="margin:3px 0">{action_html(a)}</li>' for a in actions)
        out += _row(f'<h2 style="font-size:16px;margin:12px 0 4px">{esc(title)}</h2>'
                    f'<ul style="margin:0;padding-left:20px;font-size:14px">{items}</ul>')
    return out


def _action_groups(s: Summary) -> list[tuple[str, list[MailAction]]]:
    """The report's groups: the open actions, then those closed this period."""
    return [(title, actions) for title, actions in ((tr("Open actions"), s.open_actions),
                                                    (tr("Closed this period"), s.closed_actions))
            if actions]


def action_html(a: MailAction) -> str:
    """One action's line: every text escaped, its status in the report's colour (red when
    overdue)."""
    status = esc(a.status)
    if a.tone != "flat":
        bold = ";font-weight:600" if a.tone == "bad" else ""
        status = f'<span style="color:{TONE[a.tone]}{bold}">{status}</span>'
    return fill(a.template, **{k: esc(v) for k, v in a.fields.items()} | {"status": status})


def fill(template: str, **markup: str) -> str:
    """``template`` (a translated text) as HTML: its own words escaped, each field replaced
    by the markup given for it."""
    return "".join(esc(literal) + (markup[name] if name is not None else "")
                   for literal, name, _, _ in Formatter().parse(template))


def styled_tables(markup: str) -> str:
    """The commentary's tables with inline borders and padding (mail clients drop
    ``<style>``). The sanitiser lets no attribute through on these tags, so each is
    written bare: ``<table>``, ``<th>``, ``<td>``."""
    return BARE_TABLE_TAG.sub(lambda m: TABLE_TAGS[m[1]], markup)


def _notes(s: Summary) -> str:
    return "".join(_row(f'<p style="margin:8px 0;font-size:13px;color:#5f6368">{esc(n)}</p>')
                   for n in s.notes)


def _headlines(s: Summary) -> str:
    cells = [(f'<td width="50%" valign="top" style="padding:8px;border:1px solid #e3e5e8">'
              f'<div style="font-size:12px;color:#5f6368">{esc(h.label)}</div>'
              f'<div style="font-size:22px;font-weight:600;margin:2px 0">{esc(h.value)}</div>'
              f'<div style="font-size:12px;color:{TONE.get(h.verdict, TONE["flat"])}">'
              f"{esc(h.change)} <span style=\"color:#5f6368\">{esc(h.versus)}</span></div></td>")
             for h in s.headlines]
    rows = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2))
    return _row('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
                f'style="border-collapse:collapse;margin:8px 0">{rows}</table>')


def _goals(s: Summary) -> str:
    if not s.goals:
        return ""
    cell = 'style="padding:6px 4px;border-bottom:1px solid #e3e5e8;font-size:13px"'
    head = "".join(f'<th align="left" {cell}>{esc(tr(h))}</th>'
                   for h in ("Goal", "Status", "This period", "Target"))
    rows = "".join(
        f"<tr><td {cell}>{esc(g.label)}</td>"
        f'<td {cell}><span style="color:{TONE[STATUS_TONE.get(g.verdict, "flat")]}">'
        f"{esc(g.status)}</span></td><td {cell}>{esc(g.current)}</td>"
        f"<td {cell}>{esc(g.target)}</td></tr>" for g in s.goals)
    return _row(f'<h2 style="font-size:16px;margin:16px 0 4px">{esc(tr("Goals"))}</h2>'
                '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
                f'style="border-collapse:collapse"><tr>{head}</tr>{rows}</table>')


def _findings(s: Summary) -> str:
    title = f'<h2 style="font-size:16px;margin:16px 0 4px">{esc(tr("What needs attention"))}</h2>'
    if not s.findings:
        return _row(title + f'<p style="font-size:14px">'
                    f'{esc(tr("Nothing needs attention this period."))}</p>')
    items = "".join(
        f'<p style="margin:6px 0;padding:4px 8px;font-size:14px;line-height:1.45;'
        f'border-left:4px solid {TONE.get(f.tone, TONE["info"])}">{esc(f.text)}</p>'
        for f in s.findings)
    return _row(title + items)
