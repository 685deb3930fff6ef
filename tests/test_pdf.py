"""The report folded on screen and whole in print: long tables and the appendix in a
native ``<details>``, and ``report --pdf`` (WeasyPrint) read back page by page.

The PDF tests render the demo in English and Chinese through the command line and read
the PDF with pypdf: a sane page count, the findings, the text of folded tables and of the
appendix (so every ``<details>`` was opened), Chinese text as written (no Kangxi radical
in place of an ideograph, the fault that ruled Chromium out), and no table row, chart,
tile or finding split over two pages (asked of the engine's own page layout). A failing
or missing engine leaves the previous report.pdf whole and says so in one line.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import hostile_names
from communitykit import cli
from communitykit.errors import UserError
from communitykit.html import FOLD_ROWS, table
from communitykit.i18n import use_language
from communitykit.paths import Workspace
from communitykit.report import pdf
from communitykit.run import publish
from reports_ws import PERIOD, demo_workspace, run_cli

try:
    import weasyprint  # noqa: F401
except (ImportError, OSError):
    if os.environ.get("COMMUNITYKIT_REQUIRE_BROWSER"):
        raise
    pytest.skip("WeasyPrint (with Pango) is not installed", allow_module_level=True)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")  # what Chromium's CJK text reads as
FINDINGS = {"demo": ["Goal “Response rate” is off track", "Escalations still open: 1"],
            "demo-zh": ["目标“回复率”偏离目标", "仍未处理的升级事件：1 个"]}


def _squeeze(text: str) -> str:
    """Text without whitespace: a PDF wraps lines where the page did not."""
    return re.sub(r"\s+", "", text)


class _Folded(HTMLParser):
    """Texts of the page: inside a ``<details>`` (without its summary) and the summaries."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.in_summary = False
        self.inside: list[str] = []
        self.summaries: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "details"
        self.in_summary = self.in_summary or tag == "summary"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "details"
        self.in_summary = self.in_summary and tag != "summary"

    def handle_data(self, data: str) -> None:
        if self.in_summary:
            self.summaries.append(data)
        elif self.depth and data.strip():
            self.inside.append(data.strip())


def _folded(page: Path) -> _Folded:
    parser = _Folded()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


# ---- folding: on screen, in HTML ---------------------------------------------------------

def test_a_long_table_folds_under_a_translated_summary() -> None:
    rows = [(f"row {i}", i) for i in range(FOLD_ROWS + 1)]
    folded = table(["Name", "Count"], rows, numeric=(1,))
    assert folded.startswith('<details class="fold"><summary>Show the table (11 rows)'
                             "</summary>") and "row 10" in folded and " open" not in folded
    assert "<details" not in table(["Name", "Count"], rows[:FOLD_ROWS])
    assert "<details" not in table(["Name", "Count"], rows, fold=False)
    with use_language("zh"):
        assert "<summary>展开表格（共 11 行）</summary>" in table(["Name", "Count"], rows)


def test_summary_and_cells_stay_text() -> None:
    rows = [("<script>alert(1)</script>", "</details><b>x</b>")] * (FOLD_ROWS + 1)
    markup = table(["a", "b"], rows)
    assert "<script>" not in markup and "<b>" not in markup
    assert markup.count("<details") == markup.count("</details>") == 1


def test_print_css_keeps_rows_charts_and_headings_whole() -> None:
    """What the layout test below checks on the demo, as rules: a row, a chart, a tile and
    a finding are never split, a heading never ends a page, an opened summary is hidden."""
    from communitykit.paths import PACKAGE_DIR

    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    block = css[css.index("@media print { body"):]
    assert re.search(r"tr, thead, caption, img\.chart, figure, \.tile, \.finding, \.data-note "
                     r"\{ break-inside: avoid; \}", block)
    assert "h1, h2, h3, caption, summary { break-after: avoid; }" in block
    assert "details[open] > summary { display: none; }" in block


# ---- the PDF engine failing or missing ---------------------------------------------------

@pytest.fixture
def page(tmp_path: Path) -> Path:
    """A report page made without a kernel (the hostile review), with a good report.pdf
    beside it from an earlier run."""
    html = hostile_names.page(tmp_path / "reports" / "hostile")
    (html.parent / "report.pdf").write_bytes(b"%PDF-1.7 the good one")
    return html


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _staged(page: Path) -> Path:
    """A new rendering of ``page``'s report in a staging folder (as ``render_report``
    stages one), holding its page only."""
    staging = page.parent.with_name(".staging-2026-10-test")
    staging.mkdir()
    shutil.copyfile(page, staging / "report.html")
    return staging


def test_a_failing_engine_leaves_the_previous_pdf(page: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The job lays out the PDF in its staging folder: when the engine fails, the previous
    report.pdf is carried into it (so the swap keeps it) and the command says so."""
    def broken(self: Any, target: str, **_: Any) -> None:
        Path(target).write_bytes(b"%PDF-1.7 half")  # a partial file, then the failure
        raise RuntimeError("cairo ran out of memory\n  at line 2")

    monkeypatch.setattr(weasyprint.Document, "write_pdf", broken)
    staging = _staged(page)
    error = publish.pdf_beside(staging, page.parent)
    assert error == ("WeasyPrint could not write report.pdf: RuntimeError: cairo ran out of "
                     "memory")
    assert (staging / "report.pdf").read_bytes() == b"%PDF-1.7 the good one"
    assert _left(staging) == ["report.html", "report.pdf"]  # no temporary file left
    assert cli._said_pdf(staging, error) == 4
    assert capsys.readouterr().err == (
        "communitykit: PDF failed: WeasyPrint could not write report.pdf: RuntimeError: "
        f"cairo ran out of memory; the HTML report is in place: {staging / 'report.html'}; "
        "the previous report.pdf is kept\n")
    # a first rendering has no PDF to keep, and says nothing of one
    (page.parent / "report.pdf").unlink()
    (staging / "report.pdf").unlink()
    assert publish.pdf_beside(staging, page.parent) == error
    assert _left(staging) == ["report.html"]
    assert cli._said_pdf(staging, error) == 4
    assert capsys.readouterr().err.endswith("is in place: " f"{staging / 'report.html'}\n")


def test_the_job_writes_the_pdf_in_its_staging_folder(page: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(weasyprint.Document, "write_pdf",  # the layout is real, the file not
                        lambda self, target, **_: Path(target).write_bytes(b"%PDF-1.7 new"))
    staging = _staged(page)
    assert publish.pdf_beside(staging, page.parent) is None
    assert (staging / "report.pdf").read_bytes() == b"%PDF-1.7 new"
    assert (staging / "report.pdf").stat().st_mtime >= (staging / "report.html").stat().st_mtime
    assert (page.parent / "report.pdf").read_bytes() == b"%PDF-1.7 the good one"  # untouched
    assert cli._said_pdf(staging, None) == 0
    assert capsys.readouterr().out == f"pdf: {staging / 'report.pdf'}\n"


def test_an_engine_writing_no_pdf_fails(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weasyprint.Document, "write_pdf",
                        lambda self, target, **_: Path(target).write_bytes(b"<html>"))
    with pytest.raises(pdf.PdfFailed, match="ValueError: the engine wrote no PDF"):
        pdf.write_pdf(page, page.parent / "report.pdf")
    assert (page.parent / "report.pdf").read_bytes() == b"%PDF-1.7 the good one"


def test_a_missing_engine_says_how_to_install_it(page: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails
    with pytest.raises(pdf.PdfFailed) as failed:
        pdf.write_pdf(page, page.parent / "report.pdf")
    message = str(failed.value)
    assert "\n" not in message and message.startswith("the PDF engine WeasyPrint is not "
                                                      "installed: install it with `pip install")
    assert (page.parent / "report.pdf").read_bytes() == b"%PDF-1.7 the good one"


def test_a_missing_page_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no report page at .*report.html: render the report"):
        pdf.write_pdf(tmp_path / "report.html", tmp_path / "report.pdf")


def test_the_pdf_replaces_the_previous_one(page: Path) -> None:
    pdf.write_pdf(page, page.parent / "report.pdf")
    from pypdf import PdfReader

    reader = PdfReader(page.parent / "report.pdf")
    assert 3 <= len(reader.pages) <= 40
    assert hostile_names.LONG_CLIENT[:20] in _squeeze(reader.pages[0].extract_text())


# ---- the demo in English and Chinese, rendered and read back -----------------------------

@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = demo_workspace(tmp_path_factory.mktemp("pdf"), {"demo": "en", "demo-zh": "zh"})
    for client in ("demo", "demo-zh"):
        assert run_cli(ws, "report", client, "--period", PERIOD, "--pdf") == 0
    return ws


@pytest.mark.slow
@pytest.mark.parametrize("client", ["demo", "demo-zh"])
def test_the_pdf_holds_the_whole_report(reports: Workspace, client: str) -> None:
    from pypdf import PdfReader

    folder = reports.report_dir(client, PERIOD)
    reader = PdfReader(folder / "report.pdf")
    assert 10 <= len(reader.pages) <= 40, len(reader.pages)
    text = _squeeze("".join(p.extract_text() for p in reader.pages))
    for sentence in FINDINGS[client]:
        assert _squeeze(sentence) in text, sentence
    folded = _folded(folder / "report.html")
    assert len(folded.summaries) >= 5  # four long tables and the appendix, folded on screen
    missing = [t for t in folded.inside if _squeeze(t) not in text]
    assert not missing, missing[:10]  # every folded text is printed: the details were open
    assert not any(_squeeze(s) in text for s in folded.summaries)  # no "Show the table"
    if client == "demo-zh":
        assert "概要" in text and "附录" in text
        assert not RADICALS.findall(text)  # each ideograph reads back as itself


@pytest.mark.slow
def test_no_row_chart_or_tile_is_split_across_pages(reports: Workspace) -> None:
    """The engine's own page layout: each table row, chart, tile and finding lies on one
    page, and tables do span pages (so the check has rows to look at). A header row is
    repeated on each page of its table, by design."""
    document = pdf.layout(reports.report_dir("demo", PERIOD) / "report.html")
    pages: dict[int, set[int]] = {}
    elements: dict[int, Any] = {}
    tables: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = box.element
            if element is None:
                continue
            if box.element_tag == "table":
                tables.setdefault(id(element), set()).add(number)
            header = box.element_tag == "tr" and element.find("td") is None
            whole = (box.element_tag in ("tr", "img") and not header) or any(
                c in (element.get("class") or "").split() for c in ("tile", "finding"))
            if whole:
                pages.setdefault(id(element), set()).add(number)
                elements[id(element)] = element
    split = [elements[k] for k, on in pages.items() if len(on) > 1]
    assert not split, [("".join(e.itertext())[:60], sorted(pages[id(e)])) for e in split]
    rows = [k for k, e in elements.items() if e.tag == "tr"]
    assert len(rows) > 200 and sum(e.tag == "img" for e in elements.values()) >= 4
    assert len(document.pages) >= 10 and any(len(on) > 1 for on in tables.values())


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_folded_on_screen_whole_in_browser_print(reports: Workspace, width: int) -> None:
    """On screen a folded table shows only its summary and opens with a click; printed
    from the browser, a closed one shows its rows and hides its summary."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto((reports.report_dir("demo-zh", PERIOD) / "report.html").as_uri())
            folds = page.locator("details.fold")
            assert folds.count() >= 5 and page.locator("details[open]").count() == 0
            first = folds.first
            assert first.locator("summary").inner_text().startswith("展开表格")
            assert not first.locator("table").is_visible()
            first.locator("summary").click()
            assert first.locator("table").is_visible()
            first.locator("summary").click()
            assert page.locator("h2#appendix").is_visible()
            assert not page.locator("#appendix + details table").first.is_visible()
            overflow = page.evaluate("document.documentElement.scrollWidth - "
                                     "document.documentElement.clientWidth")
            assert overflow <= 0
            page.emulate_media(media="print")
            assert page.locator("#appendix + details table").first.is_visible()
            assert not page.locator("details.fold > summary").first.is_visible()
        finally:
            browser.close()
