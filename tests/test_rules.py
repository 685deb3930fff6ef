"""Rule flags and escalations against the demo playbook's rules, computed by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import playbook
from communitykit.dataset import Dataset
from communitykit.metrics import rules
from communitykit.metrics.results import as_json
from communitykit.tables import conform

PB = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml")
MIA = "mia.bakes.northwind"


def test_flags_and_escalations() -> None:
    rows = [  # id, author, UTC time, parent, text
        ("1", "m1", "2026-10-05T10:00Z", None, "you people are trash"),  # high
        ("2", MIA, "2026-10-05T11:00Z", "1", "Please keep it kind"),  # 1 h: in time (4 h)
        ("3", "m2", "2026-10-05T12:00Z", None, "go back to your own country"),  # critical
        ("4", "northwindbiscuits", "2026-10-05T14:00Z", "3", "Removed."),  # 2 h: late (1 h)
        ("5", "m3", "2026-10-05T15:00Z", None, "what idiots"),  # high, never answered
        ("6", "m4", "2026-10-05T16:00Z", None, "free followers at bit.ly/abc"),  # spam, low
        ("7", MIA, "2026-10-05T17:00Z", None, "we are idiots for cookies"),  # team: no flag
    ]
    messages = conform(pd.DataFrame([
        {"platform": "instagram", "message_id": i, "author_id": a, "author_name": a,
         "created_at": pd.Timestamp(t), "parent_id": p, "text": x, "post_id": "p1"}
        for i, a, t, p, x in rows]), "messages")
    data = Dataset.build(PB, messages=messages)
    start, end = pd.Timestamp("2026-10-01T04:00Z"), pd.Timestamp("2026-11-01T04:00Z")
    r = as_json(rules.compute(data, start, end))
    assert {c["category"]: c["flags"] for c in r["by_category"]} == {
        "spam": 1, "harassment": 2, "discrimination": 1}
    assert r["flags"] == 4 and r["escalations"] == 3
    assert (r["escalations_handled_in_time"], r["escalations_handled_late"],
            r["escalations_open"]) == (1, 1, 1)
    by_text = {e["text"]: e for e in r["escalation_list"]}
    trash = by_text["you people are trash"]
    assert (trash["owner"], trash["handled_by"], trash["handled_after_hours"]) == (
        "Community lead (Mia Chen)", "Mia Chen", 1.0)
    assert by_text["go back to your own country"]["status"] == "handled late"
    assert by_text["what idiots"]["status"] == "open"
    assert by_text["what idiots"]["received"] == "2026-10-05 11:00"  # New York time


def test_an_escalation_on_the_business_clock_counts_opening_hours_only() -> None:
    rows = [  # Friday 17:00 New York (open until 17:30), answered Monday 10:00
        ("1", "m1", "2026-10-16T21:00Z", None, "you people are trash"),
        ("2", MIA, "2026-10-19T14:00Z", "1", "Please keep it kind"),
    ]
    messages = conform(pd.DataFrame([
        {"platform": "instagram", "message_id": i, "author_id": a, "author_name": a,
         "created_at": pd.Timestamp(t), "parent_id": p, "text": x, "post_id": "p1"}
        for i, a, t, p, x in rows]), "messages")
    start, end = pd.Timestamp("2026-10-01T04:00Z"), pd.Timestamp("2026-11-01T04:00Z")
    calendar = as_json(rules.compute(Dataset.build(PB, messages=messages), start, end))
    [late] = calendar["escalation_list"]
    assert (late["status"], late["handled_after_hours"], late["clock"]) == (
        "handled late", 65.0, "calendar")  # 4 h promised at any time
    matrix = [e.model_copy(update={"clock": "business"}) for e in PB.rules.escalation]
    business_pb = PB.model_copy(update={"rules": PB.rules.model_copy(
        update={"escalation": matrix})})
    business = as_json(rules.compute(Dataset.build(business_pb, messages=messages), start, end))
    [kept] = business["escalation_list"]
    # 30 minutes on Friday and 1 hour on Monday morning
    assert (kept["status"], kept["handled_after_hours"], kept["clock"]) == (
        "handled in time", 1.5, "business")
