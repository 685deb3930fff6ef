"""The member levels' movement table in a real browser (Debian's headless Chromium, through
Playwright): a matrix at 1280 px and in print; at 390 px each level before is a card of its
figures, with no sideways scrolling in its box or on the page, and still a table with its
row and column headers for a screen reader.

The page is the section as the runner makes it (nbconvert and report.css, as in
``hostile_names.page``), its figures made by hand: no kernel.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from communitykit.i18n import use_language
from communitykit.metrics.levels import STATES
from communitykit.metrics.results import MemberLevels
from communitykit.report.sections import member_levels
from communitykit.run import publish
from figures_factory import StubReport, figures

pytestmark = pytest.mark.slow  # a browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM and not os.environ.get("COMMUNITYKIT_REQUIRE_BROWSER"):
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

# members moving from each level before (rows) to each level now (columns), by hand:
# four-digit figures, the widest a phone shows
MOVED = {before: {now: 1000 + 10 * i + j for j, now in enumerate(STATES)}
         for i, before in enumerate(STATES)}


def _page(folder: Path, language: str) -> Path:
    figs = figures({"period": {"label": "2026-10", "start": "2026-10-01",
                               "end_exclusive": "2026-11-01", "kind": "month"}})
    figs.member_levels = MemberLevels(
        current={"champion": 12, "regular": 340, "participant": 1200, "newcomer": 800,
                 "drifting": 95}, previous={"champion": 10, "regular": 300},
        champion_min_messages=9, previous_champion_min_messages=8, movement=MOVED,
        drifting_valuable=0, outreach=[], definitions={})
    with use_language(language):
        markup = str(member_levels.render(StubReport(figs, language)))  # type: ignore[arg-type]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": markup})])])
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "report.ipynb")
    target = folder / "report.html"
    target.write_text(publish.to_html(folder / "report.ipynb", "levels", "2026-11-01 00:00 UTC",
                                      language), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("levels-layout")
    return {language: _page(tmp / language, language) for language in ("en", "zh")}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is required (COMMUNITYKIT_REQUIRE_BROWSER is set)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


MEASURE = """() => {
  const table = document.querySelector('table.movement');
  const wrap = table.closest('.table-wrap');
  const html = document.documentElement;
  const heads = [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect());
  const first = table.querySelector('tbody tr');
  return {display: getComputedStyle(table).display,
          row: getComputedStyle(first).display,
          wrap: [wrap.scrollWidth, wrap.clientWidth], table: [table.scrollWidth, table.clientWidth],
          page: html.scrollWidth - html.clientWidth,
          headsOnOneLine: heads.every(r => Math.abs(r.top - heads[0].top) < 1 && r.width > 1),
          firstCard: [...first.children].filter(c => getComputedStyle(c).display !== 'none')
            .map(c => (getComputedStyle(c, '::before').content.match(/^"([^"]*)"/) || ['', ''])[1]
                      + c.innerText).join(' ').replace(/\\s+/g, ' ').trim()};
}"""


def _open(browser: Any, path: Path, width: int, media: str = "screen") -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(media=media)
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_sideways_scrolling_at_390_px(pages: dict[str, Path], browser: Any,
                                         language: str) -> None:
    page = _open(browser, pages[language], 390)
    try:
        found = page.evaluate(MEASURE)
        assert found["wrap"][0] <= found["wrap"][1], found  # its box does not scroll
        assert found["table"][0] <= found["table"][1], found
        assert found["page"] <= 0, found
        assert found["display"] == "block" and found["row"] == "flex"  # one card per row
        # the card names its level before, then every level now with its figure
        if language == "en":
            assert found["firstCard"] == ("Level before: Champions Champions 1,000 Regulars "
                                          "1,001 Participants 1,002 Newcomers 1,003 Drifting "
                                          "1,004 Inactive 1,005")
        else:
            assert found["firstCard"].startswith("上期层级：核心成员 核心成员 1,000 常驻成员 1,001")
        # a screen reader still meets a table: its column headers, per row its header, and
        # cells named by their figure alone (the labels drawn for the eye are not read)
        tree = page.locator("table.movement").aria_snapshot()
        assert tree.startswith("- table:") and tree.count("- columnheader") == len(STATES) + 1
        assert tree.count("- rowheader") == len(STATES)
        header = "Champions" if language == "en" else "核心成员"
        assert f'- rowheader "{header}"\n      - cell "1,000"\n' in tree
        # "inactive before, inactive now" is not counted: no card line for it
        inactive = page.locator("table.movement tbody tr").last
        assert not inactive.locator("td.none").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (794, "print")])
def test_a_matrix_at_1280_px_and_in_print(pages: dict[str, Path], browser: Any, width: int,
                                          media: str) -> None:
    """1280 px on screen; an A4 page (794 px) in print."""
    page = _open(browser, pages["en"], width, media)
    try:
        found = page.evaluate(MEASURE)
        assert found["display"] == "table" and found["row"] == "table-row"
        assert found["headsOnOneLine"]  # the column headers shown, side by side
        assert found["wrap"][0] <= found["wrap"][1]
        # the row header reads as the other cells do: no shading, ordinary weight
        looks = page.evaluate("""() => ['tbody th', 'tbody td'].map(s => {
            const c = getComputedStyle(document.querySelector('table.movement ' + s));
            return [c.backgroundColor, c.fontWeight]; })""")
        assert looks[0] == ["rgba(0, 0, 0, 0)", "400"] and looks[0][1] == looks[1][1]
    finally:
        page.close()


def test_print_keeps_the_matrix_whatever_the_window(pages: dict[str, Path],
                                                  browser: Any) -> None:
    """Printed from a phone-sized window, the table is still the matrix (the cards are for
    screens only)."""
    page = _open(browser, pages["en"], 390, "print")
    try:
        found = page.evaluate(MEASURE)
        assert (found["display"], found["row"]) == ("table", "table-row")
        assert found["headsOnOneLine"]
    finally:
        page.close()


def test_the_page_was_made_as_the_runner_makes_it(pages: dict[str, Path]) -> None:
    text = pages["en"].read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and 'class="movement"' in text
    assert dt.date(2026, 11, 1).isoformat() in text
