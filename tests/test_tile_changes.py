"""A headline figure's change as the tiles, the agency index and the mail show it: a change
that rounds to nothing as shown ("±0.0 pts") has no arrow and no colour, like no change."""

from __future__ import annotations

import json
import re
from pathlib import Path

from communitykit.delivery import summary as mail
from communitykit.i18n import use_language
from communitykit.report import tiles
from figures_factory import figures


def test_a_change_too_small_to_show_is_neither_better_nor_worse() -> None:
    # engagement 5.40% against 5.37%: +0.03 points, shown with one decimal as ±0.0
    small = tiles.change(0.054, 0.0537, "ratio", "up")
    assert (small.cls, small.arrow, small.text, small.verdict, small.vs) == (
        "flat", "", "±0.0 pts", "", "vs 5.4%")
    assert tiles.change(0.0537, 0.054, "ratio", "up").text == "±0.0 pts"  # a fall too
    # 0.05 points rounds half away from zero: +0.1, an arrow and a colour
    assert tiles.change(0.0545, 0.054, "ratio", "up") == tiles.Change(
        "good", "▲", "+0.1 pts", "better", "vs 5.4%")
    # 1 h 00 min against 1 h 00 min 14 s (0.004 h): "±0 min", uncoloured
    assert tiles.change(1.0, 1.004, "hours", "down") == tiles.Change(
        "flat", "", "±0 min", "", "vs 1 h 00 min")
    assert tiles.change(1.0, 1.01, "hours", "down").text == "−1 min"  # 36 s rounds to 1 min
    # an exact zero says so in words, as before; little data adds no qualifier to nothing
    assert tiles.change(120, 120, "count", "up").text == "no change"
    assert tiles.change(0.054, 0.0537, "ratio", "up", little_data=True).vs == "vs 5.4%"
    with use_language("zh"):
        assert tiles.change(0.054, 0.0537, "ratio", "up").text == "±0.0 个百分点"


def test_the_tile_and_the_mail_show_it_uncoloured(tmp_path: Path) -> None:
    doc = figures({"reach": {"current": {"engagement_rate": 0.054},
                             "previous": {"engagement_rate": 0.0537}},
                   "period": {"label": "2026-09", "start": "2026-09-01",
                              "end_exclusive": "2026-10-01", "kind": "month"},
                   "previous_period": {"label": "2026-08", "start": "2026-08-01",
                                       "end_exclusive": "2026-09-01", "kind": "month"}})
    tile = next(t for t in tiles.tiles(doc) if "Engagement rate" in t)
    assert '<span class="tile-change flat" title=""> ±0.0 pts <span class="vs">vs 5.4%' in tile
    assert "▲" not in tile and "▼" not in tile
    # the mail reads the tile's words and colour (delivery.summary): the same, unchanged
    (tmp_path / "metrics.json").write_text(json.dumps(
        {"schema": "communitykit.metrics/1", "client": {"name": "Acme"}, **doc.to_json()}),
        encoding="utf-8")
    said = next(h for h in mail.read(tmp_path, "en").headlines
                if h.label.startswith("Engagement rate"))
    assert (said.change, said.verdict, said.versus) == ("±0.0 pts", "flat", "vs 5.4%")
    assert not re.search("[▲▼]", said.change)
