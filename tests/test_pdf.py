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

import datetime as dt
import os
import re
import shutil
import subprocess
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
    """What the layout tests below check on the demo, as rules: a row, a chart, a tile and
    a finding are never split, a heading never ends a page, an opened summary is hidden;
    the tiles and the trends are lines of blocks (which a page may break between), and a
    section starts where the one before ends, the appendix on a page of its own."""
    from communitykit.paths import PACKAGE_DIR

    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    block = css[css.index("@media print { body"):]
    assert re.search(r"tr, thead, caption, img\.chart, figure, \.tile, \.finding, \.data-note "
                     r"\{ break-inside: avoid; \}", block)
    assert "h1, h2, h3, h4, caption, summary { break-after: avoid; }" in block
    assert "details[open] > summary { display: none; }" in block
    assert "h2 { break-before: auto; } h2#appendix { break-before: page; }" in block
    assert ".tiles { display: block;" in block and ".tile { display: inline-block;" in block
    assert ".trends { display: block;" in block and ".trend { display: inline-block;" in block
    assert ".trends-head { break-inside: avoid; break-after: avoid; }" in block
    assert "display: flex" not in block.split("@media print { .period-links")[1].split("}")[0]


# ---- the trend lines as the engine draws them ---------------------------------------------

ACCENT = "#aa3300"


def _trend_pdf(tmp_path: Path) -> Path:
    """A page of one trend card (response rate: May alone, June a gap, July to October
    joined; the goal's path from June) in the client's colour, as a PDF."""
    from communitykit.paths import PACKAGE_DIR
    from communitykit.report import sparklines
    from communitykit.report.page import page
    from communitykit.report.trends import GoalPath, Point, Trend

    points = (Point("2026-05", 0.5, "figure"), Point("2026-06", None, "not rendered"),
              *(Point(f"2026-{m:02d}", v, "figure")
                for m, v in ((7, 0.6), (8, 0.65), (9, 0.7), (10, 0.8))))
    goal = GoalPath(0.5, "2026-06", 0.8, dt.date(2026, 12, 31),
                    (None, 0.5, 0.55, 0.6, 0.65, 0.7))
    trend = Trend("response_rate", "Response rate", "ratio", "up", points, None, goal)
    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    html = tmp_path / "trend.html"
    html.write_text(page("t", '<main class="report"><div class="trends">'
                         f"{sparklines.card(trend, ACCENT)}</div></main>", "en", css),
                    encoding="utf-8")
    pdf.write_pdf(html, tmp_path / "trend.pdf")
    return tmp_path / "trend.pdf"


def _painted(path: Path) -> list[tuple[str, tuple[float, ...], tuple[float, ...], str, float]]:
    """Every path the PDF paints: its operator (S strokes, f fills, B both), the stroke
    and fill colours, the dash pattern and the line width in force."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    state = {"RG": (0.0, 0.0, 0.0), "rg": (0.0, 0.0, 0.0), "d": "[] 0", "w": 1.0}
    stack, found = [], []
    for operands, op in ContentStream(reader.pages[0].get_contents(), reader).operations:
        name = op.decode()
        if name == "q":
            stack.append(dict(state))
        elif name == "Q":
            state = stack.pop()
        elif name in ("RG", "rg"):
            state[name] = tuple(round(float(x), 3) for x in operands)
        elif name == "d":
            state["d"] = f"{[int(float(x)) for x in operands[0]]} {int(float(operands[1]))}"
        elif name == "w":
            state["w"] = float(operands[0])
        elif name in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*"):
            found.append((name, state["RG"], state["rg"], state["d"], state["w"]))
    return found


def test_the_trend_lines_print_as_the_browser_draws_them(tmp_path: Path) -> None:
    """Read from the PDF's own drawing: the figure's line stroked (never filled) in the
    client's colour, the goal's path dashed in grey, a filled dot per figure; before the
    fix every line was a black filled polygon and the goal's path a faint solid line.
    Where pdftoppm is installed, the rasterised page shows the colour and no black."""
    painted = _painted(_trend_pdf(tmp_path))
    accent, grey = (0.667, 0.2, 0.0), (0.365, 0.42, 0.471)  # #aa3300, #5d6b78
    # by hand: one line (July to October; May stands alone), one goal path (June on)
    assert [(w, d) for op, stroke, _, d, w in painted if op == "S" and stroke == accent] \
        == [(1.6, "[] 0")]
    assert [(w, d) for op, stroke, _, d, w in painted if op == "S" and stroke == grey] \
        == [(1.2, "[4, 3] 0")]
    assert sum(op == "f" and fill == accent for op, _, fill, _, _ in painted) == 5  # dots
    assert not [p for p in painted if p[0] != "S" and p[2] == (0.0, 0.0, 0.0)]  # no black
    assert not [p for p in painted if p[0].startswith(("B", "b"))]
    if shutil.which("pdftoppm"):
        import numpy as np
        from PIL import Image

        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile",
                        str(tmp_path / "trend.pdf"), str(tmp_path / "page")], check=True)
        rgb = np.asarray(Image.open(tmp_path / "page.png").convert("RGB")).astype(int)
        r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
        reddish = int(((abs(r - 170) < 40) & (abs(g - 51) < 40) & (b < 60)).sum())
        assert reddish > 100, reddish  # the line and its dots, in the client's colour
        assert int((rgb.max(axis=2) < 20).sum()) == 0  # nothing black: no filled polygon


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
                c in (element.get("class") or "").split() for c in ("tile", "finding", "trend"))
            if whole:
                pages.setdefault(id(element), set()).add(number)
                elements[id(element)] = element
    split = [elements[k] for k, on in pages.items() if len(on) > 1]
    assert not split, [("".join(e.itertext())[:60], sorted(pages[id(e)])) for e in split]
    rows = [k for k, e in elements.items() if e.tag == "tr"]
    assert len(rows) > 200 and sum(e.tag == "img" for e in elements.values()) >= 4
    assert sum("trend" in (e.get("class") or "").split() for e in elements.values()) == 6
    assert len(document.pages) >= 10 and any(len(on) > 1 for on in tables.values())


def _first_page(document: Any, test: Any) -> int:
    """The first page holding a box whose element passes ``test``."""
    return next(number for number, page in enumerate(document.pages)
                for box in page._page_box.descendants()
                if box.element is not None and test(box.element))


@pytest.mark.slow
@pytest.mark.parametrize("client", ["demo", "demo-zh"])
def test_blocks_start_where_the_page_has_room(reports: Workspace, client: str) -> None:
    """The tiles and the trends flow on from the findings (a heading never ends a page
    with its charts on the next); sections follow each other, the appendix on a page of
    its own; no page but the last of a section is left mostly empty."""
    document = pdf.layout(reports.report_dir(client, PERIOD) / "report.html")
    classes = lambda name: lambda e: name in (e.get("class") or "").split()  # noqa: E731
    heading = _first_page(document, lambda e: e.get("id") == "trends")
    assert _first_page(document, classes("trend")) == heading
    assert _first_page(document, classes("tile")) <= _first_page(document, classes("finding"))
    goals = _first_page(document, lambda e: e.get("id") == "goals")
    assert goals <= heading + 1  # not pushed to a page of its own
    appendix = _first_page(document, lambda e: e.get("id") == "appendix")
    last_box = [max((b.position_y + b.margin_height() for b in page._page_box.descendants()
                     if type(b).__name__ == "LineBox"), default=0.0)
                / page.height for page in document.pages]
    # before the appendix, no page ends in its upper third (the demo had four before)
    assert [n for n in range(appendix - 1) if last_box[n] < 0.33] == []
    assert len(document.pages) <= 21, len(document.pages)  # 25 and 23 before


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
