"""Voices: each advocate and community manager, by role, and the quiet advocates."""

from __future__ import annotations

from ...html import Cell, Html, Name, fmt_number, heading, paragraph, short_name, table
from ...i18n import tr
from ..context import Report


def render(report: Report) -> Html:
    c, p = report.figures.voices.current, report.figures.voices.previous
    rows = [(Name(x["name"]), tr(x["role"].replace("_", " ")), fmt_number(x["messages"]),
             fmt_number(x["posts"]), fmt_number(x["conversations_started"]),
             fmt_number(x["answers_to_questions"]), fmt_number(x["likes_earned"]),
             x["last_active"], Cell(tr("quiet") if x["quiet"] else tr("active"),
                                    "status bad" if x["quiet"] else "status good"))
            for x in c.people]
    by_role = [(tr(x["role"]), fmt_number(x["people"]), fmt_number(x["messages"]),
                fmt_number(x["answers_to_questions"]),
                fmt_number(x["conversations_started"])) for x in c.by_role]
    quiet = ", ".join(map(short_name, c.quiet_advocates)) or tr("none")
    share = tr("Advocates answered {n} inbound messages: {share} of the answers to inbound "
               "messages by anyone (team, advocates, members), a message answered by "
               "several groups counting once for each ({previous} in the previous period). "
               "Quiet advocates: {quiet}.", n=fmt_number(c.advocate_answers),
               share=fmt_number(c.advocate_share_of_answers, "ratio"),
               previous=fmt_number(p.advocate_share_of_answers, "ratio"), quiet=quiet)
    return Html(
        heading(2, tr("Voices: advocates and community managers"), "voices")
        + paragraph(share)
        + table([tr("Person"), tr("Role"), tr("Messages"), tr("Posts"),
                 tr("Conversations started"), tr("Answers to questions"),
                 tr("Likes earned"), tr("Last active"), tr("This period")],
                rows, numeric=(2, 3, 4, 5, 6))
        + heading(3, tr("By advocate role"))
        + table([tr("Role"), tr("People"), tr("Messages"), tr("Answers to questions"),
                 tr("Conversations started")], by_role, numeric=(1, 2, 3, 4))
    )
