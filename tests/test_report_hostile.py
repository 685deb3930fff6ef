"""What a member, a file or a playbook can put into a report's page: names of 5,000
characters, markup and control characters in names, runs without spaces, absolute paths,
charts with nothing to draw. Figures are made by hand (hostile_names.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

import hostile_names as hostile
from communitykit import charts
from communitykit.html import CELL_CHARS, NAME_CHARS, Cell, Name, table
from communitykit.report import findings as findings_mod
from communitykit.report.quality import shared_path, unrooted
from communitykit.report.sections.title import CLIENT_NAME_CHARS
from figures_factory import figures as typed
from test_report_trust import figures, text_of


def cells(markup: object) -> list[str]:
    """The text of every table cell, unescaped."""
    return [html.unescape(c) for c in re.findall(r"<t[dh][^>]*>([^<]*)</t[dh]>", str(markup))]


# ---- names ---------------------------------------------------------------------------------
def test_a_5000_character_name_is_cut_in_every_table() -> None:
    r = hostile.review()
    cut = "Z" * (NAME_CHARS - 1) + "…"
    for section, expected in (("responsiveness", 2), ("rules", 2), ("voices", 1)):
        markup = str(getattr(r, section)())
        assert "Z" * NAME_CHARS not in markup, section
        assert cells(markup).count(cut) == expected, section
        assert "_troll_end" not in markup, section
    # the sections stay small: 5,000 characters per name would make 25,000 here
    assert len(str(r.responsiveness())) < 6000 and len(str(r.rules())) < 2000


def test_a_cut_name_is_whole_in_its_tooltip_when_simple() -> None:
    markup = str(hostile.review().responsiveness())
    quoted = re.search(r'<td class="name" title="([^"]*)">([^<]*)</td>', markup)
    assert quoted, markup
    assert html.unescape(quoted.group(1)) == hostile.QUOTED  # markup in a name stays text
    assert html.unescape(quoted.group(2)) == hostile.QUOTED[:NAME_CHARS - 1].rstrip() + "…"
    assert "<b>" not in markup
    # too long (5,000) or holding control characters: no tooltip at all
    assert markup.count("title=") == 1
    assert html.unescape(markup).count(hostile.CONTROL[:NAME_CHARS - 1]) == 1


def test_short_names_are_whole_and_a_missing_one_is_a_dash() -> None:
    markup = table(["Member", "Handled by"], [(Name("Mia Chen"), Name(None))])
    assert '<td class="name">Mia Chen</td><td class="name">–</td>' in markup
    exact = "m" * NAME_CHARS
    assert cells(table(["Member"], [(Name(exact),)]))[1] == exact


def test_runs_without_spaces_may_break_anywhere_and_words_stay_whole() -> None:
    markup = table(["Message", "Count"], [("see https://example.com/" + "a" * 40, 3),
                                          ("an ordinary sentence of words", 4)],
                   numeric=(1,))
    assert '<td class="long">see https://example.com/' in markup
    assert '<td class="">an ordinary sentence of words</td>' in markup
    assert '<td class="num">3</td>' in markup
    assert '<td class="long status bad">' in table(["Status"], [(Cell("x" * 30, "status bad"),)])


def test_no_cell_or_heading_shows_more_than_the_cell_limit() -> None:
    pillar = "p" * 300_000
    markup = table([pillar, "Posts"], [(pillar, 1)], numeric=(1,))
    shown = cells(markup)
    assert [len(c) for c in shown] == [CELL_CHARS, 5, CELL_CHARS, 1]
    assert shown[2].endswith("…") and len(markup) < 2 * CELL_CHARS + 400


def test_the_client_name_is_cut_in_the_heading() -> None:
    heading = str(hostile.review().title())
    shown = re.search(r"<h1[^>]*>([^<]*)</h1>", heading)
    assert shown and len(shown.group(1)) == CLIENT_NAME_CHARS
    assert shown.group(1) == hostile.LONG_CLIENT[:CLIENT_NAME_CHARS - 1] + "…"
    assert "<h1>" in heading  # 360 characters: too long for a tooltip


def test_findings_cut_names_and_requested_items() -> None:
    figs = figures(voices={"current": {"quiet_advocates": [hostile.LONG_NAME, "Li Wei"]},
                           "previous": {"quiet_advocates": []}},
                   listening={"current": {"request_register": [
                       {"item": "q" * 5000, "members": 4, "owner": "Product"}]},
                       "previous": {}})
    texts = [f.text for f in findings_mod.findings(typed(figs))]
    assert ("Quiet advocates this period: " + "Z" * (NAME_CHARS - 1) + "…, Li Wei.") in texts
    request = next(t for t in texts if t.startswith("Top member request"))
    assert len(request) < 200 and "q" * 119 + "…" in request
    voices = text_of(hostile.review().voices())
    assert "Quiet advocates: " + "Z" * (NAME_CHARS - 1) + "…." in voices


# ---- paths ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("stored", "shown"), [
    ("/ws/playbooks/acme/exports/x/comments.json", "playbooks/acme/exports/x/comments.json"),
    ("/home/ann/Downloads/comments.json", "comments.json"),
    ("playbooks/acme/exports/posts.csv", "playbooks/acme/exports/posts.csv"),
    ("../../etc/posts.csv", "posts.csv"),
    ("/ws-other/posts.csv", "posts.csv"),
])
def test_a_file_is_named_relative_to_the_workspace_or_by_its_name(stored: str,
                                                                  shown: str) -> None:
    assert shared_path(stored, Path("/ws")) == shown


def test_notes_leave_out_the_workspace_folder() -> None:
    note = "archive.zip: /ws/playbooks/acme/exports/a.zip/inner.csv read; /wsx/b.csv not"
    assert unrooted(note, {"/ws", "/ws/"}) == (
        "archive.zip: playbooks/acme/exports/a.zip/inner.csv read; /wsx/b.csv not")


# ---- charts --------------------------------------------------------------------------------
@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The figures the charts module draws, instead of their images."""
    figs: list[Any] = []
    monkeypatch.setattr(charts, "to_img", lambda fig, alt: figs.append(fig) or "<img>")
    return figs


def test_charts_with_nothing_to_show_say_so(drawn: list[Any]) -> None:
    assert charts.bars(["a", "b"], [0, 0], previous=[0, 0], ylabel="n", title="Members") == (
        '<p class="chart-empty">Members: no data in this period.</p>')
    assert "no data" in charts.bars([], [], ylabel="n", title="Posts", planned=[])
    assert "no data" in charts.line({"x": ([1, 2], [0.0, 0.0])}, ylabel="f", title="F")
    assert "no data" in charts.line({}, ylabel="f", title="F")
    grid = {d: [0] * 24 for d in ("Mon", "Tue")}
    assert "no data" in charts.heatmap(grid, {d: [False] * 24 for d in grid}, title="When",
                                       xlabel="h", scale_label="n")
    assert drawn == []


def test_charts_never_show_a_negative_axis_for_counts(drawn: list[Any]) -> None:
    charts.bars(["a", "b"], [0, 0], previous=[3, 0], ylabel="n", title="Members")
    charts.bars(["a"], [0], planned=[2.5], ylabel="n", title="Posts")
    charts.line({"x": ([1, 2, 3], [0.0, 0.0, 4.0])}, ylabel="f", title="F")
    grid = {"Mon": [0] * 23 + [5]}
    charts.heatmap(grid, {"Mon": [False] * 24}, title="When", xlabel="h", scale_label="n")
    bars_a, bars_b, line, heat = drawn
    for fig in (bars_a, bars_b, line):
        assert fig.axes[0].get_ylim()[0] == 0
    assert heat.axes[0].images[0].get_clim() == (0, 5)
    # a line that does go below zero keeps its axis
    charts.line({"x": ([1, 2], [-3.0, 4.0])}, ylabel="f", title="F")
    assert drawn[-1].axes[0].get_ylim()[0] < -3


def test_the_health_chart_of_a_period_without_members_says_no_data() -> None:
    from test_report_trust import review

    figs = figures(health={"current": {k: 0 for k in ("active_members", "new_members",
                                                       "returning_members", "retention",
                                                       "conversations", "peer_support_rate",
                                                       "member_reply_share")},
                           "previous": {k: 0 for k in ("active_members", "new_members",
                                                        "returning_members", "retention",
                                                        "conversations", "peer_support_rate",
                                                        "member_reply_share")}})
    markup = str(review(figs).health())
    assert "<img" not in markup
    assert "Members this period and the previous one: no data in this period." in text_of(
        markup)
    assert "本期与上期成员：本期没有数据。" in text_of(review(figs, "zh").health())
