"""What the mail says: a report's summary read back from its ``metrics.json``.

The figures are rebuilt from the report's own metrics.json (never recomputed), and the
report's modules word them: the headline tiles (``report.tiles``, their label, value,
change and verdict read out of the tile markup), the notes on the data and the findings
(``report.sections.summary``, ``report.findings``). The mail says what the attached
report says. Texts here are plain text: the message escapes them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..html import fmt_date, fmt_number
from ..i18n import tr, use_language
from ..metrics import results
from ..metrics.results import Figures
from ..report.findings import Finding, findings
from ..report.goal_status import STATUS_ORDER
from ..report.sections.summary import notes
from ..report.tiles import tiles
from .actions import MailAction, read_actions


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    change: str  # "▲ +3.2 pts", "no change", ...
    verdict: str  # good, bad or flat (as the report colours it)
    versus: str  # "vs 80.1%", with its qualifiers


@dataclass(frozen=True)
class GoalLine:
    label: str
    status: str  # as the report says it (translated)
    verdict: str  # the English status, for its colour
    current: str
    target: str


@dataclass(frozen=True)
class Summary:
    client: str  # the client's name from the playbook
    period: str  # label, e.g. 2026-10
    dates: str  # "1 Oct 2026 – 31 Oct 2026"
    language: str
    goal_counts: list[tuple[str, str]] = field(default_factory=list)  # (status, "2 on track")
    goals: list[GoalLine] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    commentary: str = ""  # the strategist's Markdown (commentary.json beside the report)
    open_actions: list[MailAction] = field(default_factory=list)  # open, in progress
    closed_actions: list[MailAction] = field(default_factory=list)  # done, dropped: once

    @property
    def subject(self) -> str:
        with use_language(self.language):
            text = f"{self.client} · {tr('Community review')} {self.period}"
        return " ".join(text.split())  # a header holds no line break


def read(folder: Path, language: str) -> Summary:
    """The summary of the report in ``folder`` (its metrics.json), in ``language``."""
    path = folder / "metrics.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        figures = results.read_back(doc)
    except FileNotFoundError:
        raise UserError("the report has no metrics.json: render it again with --render",
                        file=path) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"not the metrics of this kit's reports ({type(exc).__name__}: "
                        f"{exc}); render it again with --render", file=path) from None
    with use_language(language):
        return Summary(
            client=str(doc.get("client", {}).get("name") or doc.get("client", {}).get("id")),
            period=figures.period.label, dates=_dates(figures), language=language,
            goal_counts=_goal_counts(figures), goals=_goals(figures),
            headlines=[_headline(t) for t in tiles(figures)], notes=notes(figures),
            findings=findings(figures), **_notes_of(folder))


def _notes_of(folder: Path) -> dict[str, Any]:
    """The commentary and actions the report opens with (its commentary.json), in the
    current language; nothing when the report has none."""
    from ..report.sections.commentary import NOTES_FILE

    path = folder / NOTES_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        still, closed = read_actions(doc)
        return {"commentary": str(doc.get("commentary") or ""), "open_actions": still,
                "closed_actions": closed}
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"not the commentary of this kit's reports ({type(exc).__name__}: "
                        f"{exc}); render it again with --render", file=path) from None


def _dates(figures: Figures) -> str:
    first = dt.date.fromisoformat(figures.period.start)
    last = dt.date.fromisoformat(figures.period.end_exclusive) - dt.timedelta(days=1)
    return f"{fmt_date(first)} – {fmt_date(last)}"


def _goal_counts(figures: Figures) -> list[tuple[str, str]]:
    counts: dict[str, int] = {}
    for g in figures.goals:
        counts[g.status] = counts.get(g.status, 0) + 1
    order = (*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER)))
    return [(s, tr("{n} " + s, n=counts[s])) for s in order if s in counts]


def _goals(figures: Figures) -> list[GoalLine]:
    return [GoalLine(tr(g.label), tr(g.status), g.status, fmt_number(g.current, g.unit),
                     fmt_number(g.target, g.unit)) for g in figures.goals]


class _TileText(HTMLParser):
    """The texts of one headline tile, by the class of the span holding them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.parts: dict[str, str] = {}
        self.verdict = "flat"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "span":
            self.stack.append(classes[0] if classes else "")
            if classes[:1] == ["tile-change"] and len(classes) > 1:
                self.verdict = classes[1]

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            key = self.stack[-1]
            self.parts[key] = self.parts.get(key, "") + data


def _headline(markup: str) -> Headline:
    parser = _TileText()
    parser.feed(markup)
    parser.close()
    part = parser.parts
    return Headline(part.get("tile-label", "").strip(), part.get("tile-value", "").strip(),
                    " ".join(part.get("tile-change", "").split()), parser.verdict,
                    " ".join(part.get("vs", "").split()))
