"""Answers on chat platforms: reply references, mentions and unlinked lines (flat threads)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import playbook
from communitykit.dataset import Dataset
from communitykit.metrics import responsiveness
from communitykit.metrics.results import as_json
from communitykit.tables import conform

PB = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml")
BRAND, MIA, SAM = "900000000000000001", "900000000000000011", "900000000000000012"
JORDAN = "900000000000000031"
Row = tuple[str, str, str, str | None] | tuple[str, str, str, str | None, str | None]


def _chat(rows: list[Row], text: str = "message {i}?") -> pd.DataFrame:
    """(id, author, UTC time, parent[, mentions]) rows in one Discord channel."""
    return conform(pd.DataFrame([
        {"platform": "discord", "message_id": r[0], "container": "c1", "author_id": r[1],
         "author_name": f"name-{r[1]}", "created_at": pd.Timestamp(r[2]), "parent_id": r[3],
         "mentions": r[4] if len(r) > 4 else None, "text": text.format(i=r[0])}
        for r in rows
    ]), "messages")


def _answers(rows: list[Row], text: str = "message {i}?") -> pd.DataFrame:
    m = Dataset.build(PB, messages=_chat(rows, text)).messages
    return m.set_index("message_id")[["inbound", "team_answer_at", "team_answer_by",
                                      "advocate_answer_at", "advocate_answer_by",
                                      "peer_answer_at"]]


T = "2026-10-05T14:{:02d}Z"


def test_unlinked_team_line_answers_only_the_nearest_waiting_message() -> None:
    a = _answers([
        ("1", "m1", T.format(0), None),  # member asks
        ("2", "m2", T.format(5), None),  # another member asks
        ("3", "m2", T.format(10), None),  # ... and asks again
        ("4", MIA, T.format(20), None),  # the community manager writes, unlinked
        ("5", SAM, T.format(30), None),  # a second team line, unlinked
    ])
    assert a.loc["3", "team_answer_at"] == pd.Timestamp(T.format(20))
    assert a.loc["3", "team_answer_by"] == "Mia Chen"
    assert a.loc["2", "team_answer_at"] == pd.Timestamp(T.format(30))  # next one waiting
    assert a.loc["2", "team_answer_by"] == "Sam Ortiz"
    assert pd.isna(a.loc["1", "team_answer_at"])  # one line never answers several


def test_reply_references_and_mentions_link_answers_for_anyone() -> None:
    a = _answers([
        ("1", "m1", T.format(0), None),
        ("2", "m2", T.format(1), None),
        ("3", "m2", T.format(2), None),
        ("4", MIA, T.format(3), "1"),  # reply reference to m1
        ("5", "m3", T.format(4), None, "m2"),  # a member mentions m2: a peer answer to both
        ("6", JORDAN, T.format(5), None, "m1"),  # an ambassador mentions m1
    ])
    assert a.loc["1", "team_answer_at"] == pd.Timestamp(T.format(3))
    assert pd.isna(a.loc["2", "team_answer_at"])  # the reply was to m1 only
    assert a.loc["2", "peer_answer_at"] == pd.Timestamp(T.format(4))
    assert a.loc["3", "peer_answer_at"] == pd.Timestamp(T.format(4))
    assert a.loc["1", "advocate_answer_at"] == pd.Timestamp(T.format(5))
    assert pd.isna(a.loc["2", "advocate_answer_at"])


def test_mentions_in_the_text_resolve_to_authors_of_the_platform() -> None:
    a = _answers([
        ("1", "m1", T.format(0), None),
        ("2", MIA, T.format(1), None),  # names m2, who has not written yet: answers nothing
        ("3", "m2", T.format(2), None),
        ("4", "m3", T.format(3), None),
        ("5", SAM, T.format(4), None),
    ], text="@NAME-m2 thanks {i}")
    # Sam's line names m2 in its text (author_name "name-m2", any case): it answers m2,
    # not the nearest waiting message (m3's).
    assert a.loc["3", "team_answer_at"] == pd.Timestamp(T.format(4))
    assert pd.isna(a.loc["4", "team_answer_at"])


def test_members_unlinked_lines_and_brand_announcements_answer_nothing() -> None:
    a = _answers([
        ("1", "m1", T.format(0), None),
        ("2", BRAND, T.format(1), None),  # an announcement: a post
        ("3", "m9", T.format(2), None),  # a member's unlinked line: a new message
    ])
    assert a["team_answer_at"].isna().all()
    assert a["peer_answer_at"].isna().all()
    assert not a.loc["2", "inbound"]


def test_unlinked_line_skips_own_messages_answered_ones_and_the_window() -> None:
    a = _answers([
        ("1", "m1", "2026-10-04T13:00Z", None),  # more than 24 h before the team line
        ("2", "m2", "2026-10-05T13:00Z", None),
        ("3", MIA, "2026-10-05T13:30Z", "2"),  # m2 answered by reference
        ("4", JORDAN, "2026-10-05T13:40Z", None),  # ambassador line: answers m2 for advocates
        ("5", JORDAN, "2026-10-05T13:50Z", None),  # nothing left in the window
        ("6", MIA, "2026-10-05T14:00Z", None),  # m2 already answered by the team; m1 too old
    ])
    assert pd.isna(a.loc["1", "team_answer_at"]) and pd.isna(a.loc["1", "advocate_answer_at"])
    assert a.loc["2", "team_answer_at"] == pd.Timestamp("2026-10-05T13:30Z")
    assert a.loc["2", "advocate_answer_at"] == pd.Timestamp("2026-10-05T13:40Z")
    assert a.loc["2", "advocate_answer_by"] == "Jordan Blake"


def test_a_reply_stored_before_its_parent_answers_nothing_and_is_counted() -> None:
    rows: list[Row] = [
        ("1", "m1", T.format(30), None),
        ("2", MIA, T.format(10), "1"),  # 20 minutes before its parent
    ]
    data = Dataset.build(PB, messages=_chat(rows))
    assert pd.isna(data.messages.set_index("message_id").loc["1", "team_answer_at"])
    start, end = pd.Timestamp("2026-10-01T04:00Z"), pd.Timestamp("2026-11-01T04:00Z")
    figures = as_json(responsiveness.compute(data, start, end))
    assert figures["replies_before_parent"] == 1
    assert figures["first_response_calendar_median_hours"] is None


def test_no_responder_is_credited_with_more_answers_than_lines_linking_to_messages() -> None:
    rows: list[Row] = [(str(i), f"m{i}", T.format(i), None) for i in range(10)]
    rows.append(("50", MIA, T.format(50), None))
    data = Dataset.build(PB, messages=_chat(rows))
    start, end = pd.Timestamp("2026-10-01T04:00Z"), pd.Timestamp("2026-11-01T04:00Z")
    responders = as_json(responsiveness.compute(data, start, end))["responders"]
    assert responders == [{
        "responder": "Mia Chen", "group": "team", "first_answers": 1,
        "median_business_hours": 0.68, "p90_business_hours": 0.68,
        "median_calendar_hours": 0.68, "p90_calendar_hours": 0.68,
        "outside_business_hours_share": 0.0,
    }]


def test_a_team_line_naming_a_team_mate_is_linked_to_them_not_an_answer() -> None:
    a = _answers([
        ("1", "m1", T.format(0), None),
        ("2", MIA, T.format(1), None, SAM),  # "@Sam, can you look?": linked to Sam
        ("3", SAM, T.format(2), None),  # Sam's unlinked line answers m1
    ])
    assert a.loc["1", "team_answer_at"] == pd.Timestamp(T.format(2))
    assert a.loc["1", "team_answer_by"] == "Sam Ortiz"
