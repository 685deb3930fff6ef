"""The report's language: every text has its Chinese, with the same placeholders."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

from communitykit.html import fmt_date, fmt_hours, fmt_number
from communitykit.i18n import tr, use_language
from communitykit.locales import CATALOGUES

ROOT = Path(__file__).resolve().parents[1]


def test_every_report_text_has_a_chinese_translation(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["i18n_keys.py", "zh"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(ROOT / "scripts" / "i18n_keys.py"), run_name="__main__")
    out, err = capsys.readouterr()
    assert exit_.value.code == 0, f"untranslated: {out}"
    assert ", 0 without a zh translation" in err


def test_translations_keep_their_placeholders() -> None:
    for key, text in CATALOGUES["zh"].items():
        assert sorted(re.findall(r"\{\w+\}", key)) == sorted(re.findall(r"\{\w+\}", text)), key


def test_numbers_dates_and_durations_follow_the_language() -> None:
    import datetime as dt

    assert (fmt_number(12345), fmt_number(0.1234, "ratio"), fmt_hours(3.25)) == (
        "12,345", "12.3%", "3 h 15 min")
    assert fmt_date(dt.date(2026, 10, 1)) == "1 Oct 2026"
    with use_language("zh"):
        assert fmt_hours(3.25) == "3 小时 15 分" and fmt_hours(0.5) == "30 分钟"
        assert fmt_date(dt.date(2026, 10, 1)) == "2026年10月1日"
        assert tr("Goals") == "目标"
        assert tr("not a known text") == "not a known text"  # falls back to English
    assert tr("Goals") == "Goals"
    with pytest.raises(ValueError, match="unknown report language"), use_language("fr"):
        pass


def test_chinese_chart_text_has_glyphs() -> None:
    """Chinese labels draw with a CJK font: matplotlib warns about every missing glyph."""
    import warnings

    from communitykit import charts

    if not any("CJK" in f for f in charts.matplotlib.rcParams["font.family"]):
        pytest.skip("no CJK font installed (.ci/run installs fonts-noto-cjk)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        img = charts.bars(["微博", "抖音"], [3, 4], ylabel="帖子数 $5", title="各渠道发帖与计划")
    assert img.startswith('<img class="chart" alt="各渠道发帖与计划"')


def test_goal_statuses_and_new_figures_read_in_chinese() -> None:
    """Texts the report translates by value, which the key script cannot see."""
    from communitykit.report.goal_status import STATUS_ORDER

    for status in STATUS_ORDER:
        assert status in CATALOGUES["zh"] and f"{{n}} {status}" in CATALOGUES["zh"], status
    for label in ("Engagement rate (by impressions)", "Engagement rate (by reach)",
                  "Engagement rate (by followers)"):
        assert label in CATALOGUES["zh"], label
    with use_language("zh"):
        assert tr("{n} not started", n=2) == "2 项未开始"
        assert fmt_hours(0.875) == "53 分钟"  # half away from zero, as in English



def test_what_the_findings_floors_count_reads_in_chinese() -> None:
    """The floors' nouns are translated by value (findings.FLOORS), like the statuses."""
    from communitykit.report.findings import FLOORS

    nouns = {floor.noun for floors in FLOORS.values() for floor in floors}
    assert nouns == {"team posts", "impressions", "inbound messages answered or due",
                     "messages due", "messages answered by the team", "questions"}
    for noun in nouns:
        assert noun in CATALOGUES["zh"], noun
    with use_language("zh"):
        assert tr("{noun} in the previous period: {count}, at least {minimum} needed",
                  noun=tr("team posts"), count=1, minimum=5) == "上期团队帖子数：1，至少需要 5"
