"""The report's Listening section: themes, emerging terms, requests, pain points,
sentiment, and what to forward to other teams. Member text stays plain (escaped).

Tables only: the figures are counts and examples a manager forwards."""

from __future__ import annotations

from typing import Any

from ...html import Html, fmt_number, heading, paragraph, table
from ...i18n import tr
from ...metrics.results import Listening
from ..context import LIST_ROWS, Report
from ..kit_words import kit_name
from ..lists import REQUESTS_CSV

TRENDS = {"new": "new", "up": "up", "down": "down", "same": "same"}
KINDS = {"request": "request", "pain point": "pain point", "theme": "theme"}
LANGUAGES = {"en": "English (Latin script)", "zh": "Chinese", "other": "other scripts"}


def render(report: Report) -> Html:
    c, p = report.figures.listening.current, report.figures.listening.previous
    return Html(
        heading(2, tr("Listening"), "listening")
        + paragraph(_summary(c, p))
        + _sentiment(c, p)
        + _themes(c)
        + _terms(c)
        + _requests(c, report)
        + _pains(c)
        + _insights(c)
    )


def _language(code: str) -> str:
    return tr(LANGUAGES.get(code) or code)


def _trend(value: str) -> str:
    return tr(TRENDS.get(value, value))


def _examples(items: list[dict[str, Any]]) -> str:
    return " · ".join(e["text"] for e in items)


def _summary(c: Listening, p: Listening) -> str:
    return tr(
        "{messages} member messages this period ({previous} in the previous one); "
        "net sentiment {net} (previously {net_before}); {requests} requests from "
        "{members} members; {pains} messages about a negative experience.",
        messages=c.messages, previous=p.messages,
        net=_signed(c.net_sentiment), net_before=_signed(p.net_sentiment),
        requests=c.requests, members=c.request_members,
        pains=c.pain_point_messages,
    )


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:+.1f}"


def _sentiment(c: Listening, p: Listening) -> str:
    labels = ("positive", "neutral", "negative")
    rows: list[tuple[object, ...]] = [(tr(label), c.sentiment[label], p.sentiment[label])
                                      for label in labels]
    rows.append((tr("Net sentiment (points)"), _signed(c.net_sentiment),
                 _signed(p.net_sentiment)))
    languages = [(_language(x["language"]), x["messages"],
                  x["positive"], x["negative"], _signed(x["net_sentiment"]))
                 for x in c.sentiment_by_language]
    note = tr("{n} messages carried a sentiment label in the export, which was used as is.",
              n=c.sentiment_from_export)
    return (heading(3, tr("Sentiment"))
            + table([tr("Sentiment"), tr("This period"), tr("Previous")], rows, numeric=(1, 2))
            + table([tr("Language"), tr("Messages"), tr("positive"), tr("negative"),
                     tr("Net sentiment (points)")], languages, numeric=(1, 2, 3, 4))
            + paragraph(note, "note"))


def _themes(c: Listening) -> str:
    rows = [(x["label"], kit_name(x["owner"]), x["messages"], fmt_number(x["share"], "ratio"),
             x["previous"], _share_change(x["share_change"]), _trend(x["trend"]),
             _signed(x["net_sentiment"]), _examples(x["examples"]))
            for x in c.themes]
    return (heading(3, tr("Themes"))
            + table([tr("Theme"), tr("Owner"), tr("Messages"), tr("Share"), tr("Previous"),
                     tr("Share change"), tr("Trend"), tr("Net sentiment (points)"),
                     tr("Examples")], rows, numeric=(2, 3, 4, 5, 7))
            + paragraph(tr("{n} member messages matched no theme.", n=c.unthemed_messages),
                        "note"))


def _share_change(value: float | None) -> str:
    return "–" if value is None else tr("{value} pts", value=f"{value * 100:+.1f}")


def _terms(c: Listening) -> str:
    rows = [(x["term"], _language(x["language"]), x["messages"],
             x["members"], x["previous"], f"×{x['growth']:.2f}") for x in c.emerging_terms]
    return (heading(3, tr("Emerging terms"))
            + paragraph(tr("Words and phrases whose share of member messages grew most "
                           "against the previous period (at least 3 messages from 2 members)."),
                        "note")
            + table([tr("Term"), tr("Language"), tr("Messages"), tr("Members"), tr("Previous"),
                     tr("Growth")], rows, numeric=(2, 3, 4, 5)))


def _requests(c: Listening, report: Report) -> str:
    rows = [(kit_name(x["item"]), kit_name(x["owner"]), x["members"], x["messages"],
             x["first_seen"], x["last_seen"], x["previous"], _trend(x["trend"]),
             ", ".join(x["asked_as"]), _examples(x["examples"]))
            for x in c.request_register[:LIST_ROWS]]
    more = len(c.request_register) - LIST_ROWS
    return (heading(3, tr("Requests register"))
            + table([tr("Requested"), tr("Owner"), tr("Members"), tr("Messages"),
                     tr("First seen"), tr("Last seen"), tr("Previous"), tr("Trend"),
                     tr("Asked as"), tr("Examples")], rows, numeric=(2, 3, 6))
            + report.more_line(more, REQUESTS_CSV))


def _pains(c: Listening) -> str:
    rows = [(tr(x["label"]) if x["theme"] is None else x["label"], kit_name(x["owner"]),
             x["messages"], x["members"], x["complaints"], x["previous"], _trend(x["trend"]),
             _examples(x["examples"]))
            for x in c.pain_points]
    return (heading(3, tr("Pain points and negative experiences"))
            + table([tr("Theme"), tr("Owner"), tr("Messages"), tr("Members"),
                     tr("Complaint patterns"), tr("Previous"), tr("Trend"), tr("Examples")],
                    rows, numeric=(2, 3, 4, 5)))


def _item(insight: dict[str, Any]) -> str:
    """A request's words or a theme's label; the row of no theme in the language."""
    return kit_name(insight["item"])


def _insights(c: Listening) -> str:
    rows = [(kit_name(x["team"]), tr(KINDS.get(x["kind"]) or x["kind"]), _item(x), x["members"],
             _trend(x["trend"]), x["example"]) for x in c.insights]
    return (heading(3, tr("Insights for other teams"))
            + paragraph(tr("Each request, pain point and growing theme, routed to the team "
                           "that owns its theme in the playbook (else the community team)."),
                        "note")
            + table([tr("Team"), tr("Kind"), tr("Item"), tr("Members"), tr("Trend"),
                     tr("Example")], rows, numeric=(3,)))
