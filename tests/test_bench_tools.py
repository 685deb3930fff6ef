"""The bench's helpers: synthetic clients over several months, and its block in the docs."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import docs_block  # noqa: E402
import synth  # noqa: E402


def test_two_months_client_is_byte_identical_to_before(tmp_path: Path) -> None:
    # sha256 of the files written by bench/synth.py before it took ``months``.
    synth.write_client(tmp_path, 500)
    digests = {f.name: hashlib.sha256(f.read_bytes()).hexdigest()[:16]
               for f in tmp_path.glob("*.csv")}
    assert digests == {
        "discord_messages.csv": "404fdaf771ddd619", "ig_comments.csv": "88d66ae2942f1c79",
        "ig_followers.csv": "2d1a717b52eb3e14", "ig_posts.csv": "5ffb5a87fa9a978e"}


def test_history_starts_months_before_the_reported_month() -> None:
    # New York is on daylight time (UTC-4) on these first days of the month.
    assert synth.first_instant(2) == pd.Timestamp("2026-09-01 04:00", tz="UTC") == synth.FIRST
    assert synth.first_instant(6) == pd.Timestamp("2026-05-01 04:00", tz="UTC")
    assert synth.first_instant(24) == pd.Timestamp("2024-11-01 04:00", tz="UTC")
    with pytest.raises(ValueError):
        synth.first_instant(0)


def test_six_months_client_spreads_messages_and_drifts_members(tmp_path: Path) -> None:
    counts = synth.write_client(tmp_path, 6_000, months=6)
    comments = pd.read_csv(tmp_path / "ig_comments.csv", keep_default_na=False)
    month = pd.to_datetime(comments["time"], utc=True).dt.tz_convert(synth.ZONE).dt.strftime(
        "%Y-%m")
    assert sorted(month.unique()) == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
                                      "2026-10"]
    # 5,400 comments over 184 days: about 900 a month (30 or 31 days of 184).
    assert month.value_counts().between(800, 1000).all()
    # A pool of 5,400 * 2 // 90 = 120 members, shifted by 30 a month before September.
    numbers = comments.loc[comments["user"].str.fullmatch(r"u\d+"), "user"].str[1:].astype(int)
    assert numbers[month == "2026-10"].between(0, 119).all()
    assert numbers[month == "2026-08"].between(30, 149).all()
    assert numbers[month == "2026-05"].between(120, 239).all()
    days = pd.read_csv(tmp_path / "ig_followers.csv")["day"]
    assert (days.iloc[0], days.iloc[-1]) == ("2026-04-24", "2026-10-31")
    assert counts == {"messages": 6_000, "posts": 20, "days": 191}


DOC = """# Performance

Intro.

## Targets

Text.
"""


def test_block_made_under_new_heading_then_replaced_in_place() -> None:
    first = docs_block.replace_block(DOC, "scale.py", "| a |\n|---|\n| 1 |")
    assert first.startswith(DOC.rstrip("\n") + "\n\n\n" + docs_block.HEADING + "\n\n"
                            + docs_block.SUBSECTION + "\n\n" + docs_block.INTRO)
    assert first.endswith("\n<!-- BEGIN bench/scale.py -->\n| a |\n|---|\n| 1 |\n"
                          "<!-- END bench/scale.py -->\n")
    edited = first.replace(docs_block.INTRO, "Hand-written.") + "\nAfter the block.\n"
    second = docs_block.replace_block(edited, "scale.py", "| b |")
    assert second == edited.replace("| a |\n|---|\n| 1 |", "| b |")
    third = docs_block.replace_block(second, "long_store.py", "| c |")
    # A new block goes at the end of the subsection, after the text there.
    assert third == second + "\n<!-- BEGIN bench/long_store.py -->\n| c |\n" \
        "<!-- END bench/long_store.py -->\n"
    assert third.count(docs_block.HEADING) == third.count(docs_block.SUBSECTION) == 1


def test_block_goes_into_an_existing_subsection_before_the_next_heading() -> None:
    text = (DOC + "\n" + docs_block.HEADING + "\n\nOther part.\n\n" + docs_block.SUBSECTION
            + "\n\nMine.\n\n```\n## not a heading\n```\n\n### Store\n\nTheirs.\n\n## Later\n")
    out = docs_block.replace_block(text, "long_store.py", "| x |")
    assert out == text.replace(
        "```\n\n### Store",
        "```\n\n<!-- BEGIN bench/long_store.py -->\n| x |\n<!-- END bench/long_store.py -->"
        "\n\n### Store")
    without = DOC + "\n" + docs_block.HEADING + "\n\nOther part.\n\n## Later\n"
    added = docs_block.replace_block(without, "scale.py", "| y |")
    assert added.index("Other part.") < added.index(docs_block.SUBSECTION) < added.index(
        "<!-- END bench/scale.py -->") < added.index("## Later")
