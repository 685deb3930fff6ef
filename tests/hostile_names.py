"""A review whose member, person and client names are hostile: 5,000 characters without a
space, a name in quotes and markup, a name with control characters. Figures are made by
hand (as in test_report_trust.py); the page is built the way the runner builds it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nbformat

from communitykit import periods
from communitykit.report.review import Review
from communitykit.run import publish
from figures_factory import StubReport
from figures_factory import figures as typed

LONG_NAME = "Z" * 4990 + "_troll_end"  # 5,000 characters, no space
LONG_CLIENT = "Northwind" * 40  # 360 characters, no space
QUOTED = '"><b>Mallory</b> & co "the quiet one" ' + "x" * 40  # 79 characters
CONTROL = "Eve\x1b]0;owned\x07 " + "y" * 60  # a terminal escape inside a long name
SECTIONS = ("title", "responsiveness", "rules", "voices")


def _person(name: str) -> dict[str, Any]:
    return {"name": name, "role": "ambassador", "messages": 3, "posts": 0,
            "conversations_started": 1, "answers_to_questions": 2, "likes_earned": 4,
            "last_active": "2026-10-20", "quiet": False}


def _responder(name: str) -> dict[str, Any]:
    return {"responder": name, "group": "team", "first_answers": 7,
            "median_business_hours": 0.875, "p90_business_hours": 3.5,
            "median_calendar_hours": 20.0, "p90_calendar_hours": 50.25,
            "outside_business_hours_share": 0.2857}


def figures() -> dict[str, Any]:
    unanswered = [{"received": "2026-10-02 09:00", "platform": "instagram", "author": name,
                   "text": "where is my order?"} for name in (LONG_NAME, QUOTED, CONTROL)]
    escalation = {"received": "2026-10-03 10:00", "platform": "instagram",
                  "author": LONG_NAME, "text": "you will regret this", "severity": "high",
                  "owner": "Legal", "handle_within": "2h", "handled_by": LONG_NAME,
                  "handled_after_hours": 1.5, "status": "handled late"}
    responsiveness = {
        "inbound": 40, "questions": 18, "answered": 20, "pending": 2, "due": 30,
        "response_rate": 0.5263, "sla_compliance": 0.5, "sla_breaches": 0,
        "excluded_as_spam": 0, "unanswered_question_count": 3,
        "unanswered_questions": unanswered,
        "responders": [_responder(LONG_NAME), _responder("Mia Chen")],
        "by_platform": {}, "channels_without_team": [], "replies_before_parent": 0}
    rules = {"flags": 1, "escalations": 1, "escalations_handled_in_time": 0,
             "escalations_handled_late": 1, "escalations_open": 0,
             "escalation_list": [escalation], "by_category": []}
    voices = {"people": [_person(LONG_NAME), _person("Li Wei")],
              "by_role": [{"role": "ambassador", "people": 2, "messages": 6,
                           "answers_to_questions": 4, "conversations_started": 2}],
              "quiet_advocates": [LONG_NAME], "advocate_answers": 4,
              "advocate_share_of_answers": 0.25}
    return {"responsiveness": {"current": responsiveness, "previous": responsiveness},
            "rules": {"current": rules, "previous": rules},
            "voices": {"current": voices, "previous": voices}}


def review(language: str = "en") -> Review:
    """A Review of October 2026 for a client named LONG_CLIENT, figures made by hand."""
    r = Review.__new__(Review)
    brand = SimpleNamespace(colour=None, logo=None)
    playbook = SimpleNamespace(client=SimpleNamespace(name=LONG_CLIENT, brand=brand,
                                                      timezone="Europe/London"))
    r.report = StubReport(  # type: ignore[assignment]
        typed(figures()), language, period=periods.resolve("2026-10", None, None),
        playbook=playbook)
    return r


def page(folder: Path, language: str = "en") -> Path:
    """The hostile review's sections as a report page (nbconvert and report.css, as the
    runner makes it), written to ``folder``/report.html."""
    r = review(language)
    outputs = [str(getattr(r, section)()) for section in SECTIONS]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": markup})])
        for markup in outputs])
    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / "report.ipynb"
    nbformat.write(nb, executed)
    target = folder / "report.html"
    target.write_text(publish.to_html(executed, "hostile", dt.date(2026, 11, 1).isoformat(),
                                     language), encoding="utf-8")
    return target
