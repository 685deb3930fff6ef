"""The reports as a manager sees them: headless Chromium (Debian's), driven by Playwright.

Checked at desktop (1280 px) and phone (390 px) width, in English and Chinese, and the
agency index: every section and chart visible, no console errors, no network request,
no script, hostile member text shown as text, CJK glyphs from a CJK font, no
horizontal overflow, the appendix on a page of its own in print.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import hostile_names
from communitykit.paths import Workspace
from communitykit.playbook import PLATFORMS
from communitykit.report.sections import CONTENTS
from reports_ws import PERIOD, demo_workspace, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM and not os.environ.get("COMMUNITYKIT_REQUIRE_BROWSER"):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)",
                allow_module_level=True)

WIDTHS = (1280, 390)
SECTIONS = [anchor for anchor, _ in CONTENTS]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = demo_workspace(tmp_path_factory.mktemp("browser"), {"demo": "en", "demo-zh": "zh"},
                        broken=("nodata",))
    assert run_cli(ws, "report", "--all", "--period", PERIOD) == 3  # nodata fails
    return ws


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is required (COMMUNITYKIT_REQUIRE_BROWSER is set)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Visit:
    """A page opened offline: every request but the file itself is recorded and refused."""

    def __init__(self, browser: Any, path: Path, width: int) -> None:
        reports = next(p for p in path.parents if p.name == "reports")
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           java_script_enabled=True)
        self.page = self.context.new_page()
        self.url = path.as_uri()
        self.base = reports.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url, wait_until="load")

    def _route(self, route: Any) -> None:
        """Only page navigations inside the reports folder load; anything else is a request."""
        request = route.request
        if request.is_navigation_request() and request.url.startswith(self.base):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def unfold(self) -> None:
        """Open every folded table and the appendix, as a reader clicking each summary."""
        self.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")

    def overflow(self) -> int:
        return int(self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"))

    def close(self) -> None:
        self.context.close()


def _report(ws: Workspace, client: str) -> Path:
    return ws.report_dir(client, PERIOD) / "report.html"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("client", ["demo", "demo-zh"])
def test_report_reads_well_offline(reports: Workspace, browser: Any, client: str,
                                   width: int) -> None:
    visit = Visit(browser, _report(reports, client), width)
    page = visit.page
    try:
        for anchor in SECTIONS:
            assert page.locator(f"h2#{anchor}").is_visible(), anchor
        charts = page.locator("img.chart")
        assert charts.count() >= 4
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            box = chart.bounding_box()
            assert box and 0 < box["width"] <= width
            assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
        assert page.locator(".tile").count() == 6
        assert page.locator(".findings li a").count() >= 3
        assert visit.overflow() <= 0, f"page is wider than {width} px"
        assert visit.requests == [] and visit.errors == [] and visit.dialogs == []
        assert page.evaluate("document.scripts.length") == 0
    finally:
        visit.close()


def test_hostile_member_text_is_shown_as_text(reports: Workspace, browser: Any) -> None:
    visit = Visit(browser, _report(reports, "demo"), 1280)
    try:
        visit.unfold()
        text = visit.page.inner_text("main")
        assert "<script>alert(" in text and "<img src=x onerror=alert(1)>" in text
        assert visit.page.locator("main img:not(.chart):not(.logo)").count() == 0
        assert visit.page.locator("a[href^='javascript']").count() == 0
        assert visit.dialogs == [] and visit.errors == []
    finally:
        visit.close()


def test_chinese_report_uses_a_cjk_font(reports: Workspace, browser: Any) -> None:
    visit = Visit(browser, _report(reports, "demo-zh"), 1280)
    page = visit.page
    try:
        assert page.get_attribute("html", "lang") == "zh-Hans"
        assert page.inner_text("h2#summary") == "概要"
        visit.unfold()
        # every heading the kit writes is Chinese; platform names (data) may head a column
        headings = [t for t in page.locator("h2, h3, th").all_inner_texts()
                    if t not in PLATFORMS]
        assert headings and all(re.search(r"[\u4e00-\u9fff]", t) for t in headings), [
            t for t in headings if not re.search(r"[\u4e00-\u9fff]", t)]
        cdp = visit.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h2#goals"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        assert any("CJK" in f["familyName"] and f["glyphCount"] > 0 for f in fonts), fonts
    finally:
        visit.close()


def test_print_breaks_pages_between_sections(reports: Workspace, browser: Any) -> None:
    visit = Visit(browser, _report(reports, "demo"), 1280)
    try:
        visit.page.emulate_media(media="print")
        breaks = visit.page.evaluate("[...document.querySelectorAll('h2')]"
                                     ".map(h => [h.id, getComputedStyle(h).breakBefore])")
        # sections follow on where the page has room; the appendix starts a page
        assert breaks[-1] == ["appendix", "page"] and {b for _, b in breaks[:-1]} == {"auto"}
    finally:
        visit.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_agency_index(reports: Workspace, browser: Any, width: int) -> None:
    visit = Visit(browser, reports.reports / "index.html", width)  # the index of periods
    page = visit.page
    try:
        assert visit.overflow() <= 0
        page.locator(f'a.period[href="index-{PERIOD}.html"]').click()
        page.wait_for_load_state("load")
        rows = page.locator("tbody tr")
        assert rows.count() == 3
        assert page.locator("tr.failed").inner_text().count("no data imported") == 1
        links = page.locator("tbody td.client a")
        assert links.count() == 2
        assert visit.overflow() <= 0
        assert visit.requests == [] and visit.errors == []
        links.first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/2026-10/report.html")
    finally:
        visit.close()


@pytest.mark.parametrize(("client", "expected"), [
    ("demo", ("Goal “Response rate” is off track", "Escalations still open: 1",
              "Top member request: “Jalapeño biscuits”")),
    ("demo-zh", ("目标“回复率”偏离目标", "仍未处理的升级事件：1 个", "成员最集中的诉求"))])
def test_first_screen_says_what_needs_action(reports: Workspace, browser: Any, client: str,
                                             expected: tuple[str, ...]) -> None:
    visit = Visit(browser, _report(reports, client), 1280)
    try:
        findings = visit.page.locator(".findings li")
        texts = findings.all_inner_texts()
        for sentence in expected:
            assert any(sentence in t for t in texts), (sentence, texts)
        findings.first.locator("a").click()  # each finding links to its section
        assert visit.page.url.endswith("#goals")
    finally:
        visit.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_long_names_do_not_widen_the_page(tmp_path: Path, browser: Any, width: int) -> None:
    """A 5,000-character member name and a 360-character client name, neither with a
    space: the page keeps its width, every name cell and the heading fit the screen, and
    at desktop width every table fits its column."""
    visit = Visit(browser, hostile_names.page(tmp_path / "reports" / "hostile"), width)
    page = visit.page
    try:
        assert visit.overflow() <= 0, f"page is wider than {width} px"
        heading = page.locator("h1").bounding_box()
        assert heading and heading["width"] <= width
        names = page.locator("td.name")
        assert names.count() == 9
        widths = [names.nth(i).bounding_box()["width"] for i in range(names.count())]
        assert max(widths) <= min(width, 700), widths
        wraps = page.evaluate("[...document.querySelectorAll('.table-wrap')].map("
                              "d => d.querySelector('table').scrollWidth - d.clientWidth)")
        assert len(wraps) == 8
        if width >= 1280:
            assert max(wraps) <= 1, wraps  # no table scrolls sideways
        assert visit.requests == [] and visit.errors == []
    finally:
        visit.close()
