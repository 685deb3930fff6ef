"""The report as a PDF: ``report.pdf`` beside ``report.html``, laid out by WeasyPrint.

WeasyPrint was chosen over Debian's headless Chromium by measurement (docs/report.md,
"PDF"): Chromium embeds the Noto CJK fonts as Type 3 glyphs whose text reads back as
Kangxi radicals, so a Chinese PDF could not be searched or copied; WeasyPrint's text reads
back exactly, and it installs from PyPI with the kit.

The page is parsed (WeasyPrint's own HTML5 parser), every ``<details>`` in the parsed tree
is opened, so nothing folded on screen is left out, and the print stylesheet lays it out
(report.css: no break inside a row, a chart or a tile, none after a heading). Only
``data:`` URIs load, as in the browser under the page's Content-Security-Policy. The PDF
replaces ``pdf`` whole or not at all: a failed render leaves the previous one in place.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..atomic import replacing
from ..errors import CommunityKitError, UserError, printable

ENGINE = "WeasyPrint"
INSTALL = ("install it with `pip install weasyprint` (in the kit's .venv) and its Pango "
           "library (Debian: `apt-get install libpango-1.0-0 libpangoft2-1.0-0`)")


class PdfFailed(CommunityKitError):
    """The PDF engine is missing or could not render the page (one line)."""


def write_pdf(html: Path, pdf: Path) -> None:
    """Lay out the report page ``html`` for print, every folded part open, and write it
    to ``pdf`` atomically. Raises ``UserError`` when ``html`` is missing and ``PdfFailed``
    when the engine is missing or fails."""
    if not html.is_file():
        raise UserError(f"no report page at {html}: render the report first")
    try:
        with _quiet(), replacing(pdf, suffix=".pdf") as temp:
            layout(html).write_pdf(str(temp))
            with temp.open("rb") as written:
                if written.read(5) != b"%PDF-":
                    raise ValueError("the engine wrote no PDF")
    except PdfFailed:
        raise
    except Exception as exc:  # any engine failure is one line; the old PDF stays
        reason = printable(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
        raise PdfFailed(f"{ENGINE} could not write {pdf.name}: {type(exc).__name__}"
                        + (f": {reason}" if reason else "")) from exc


def layout(html: Path) -> Any:
    """The page laid out for print (a WeasyPrint ``Document``), every ``<details>`` open:
    set on the parsed tree, so member text is never re-read as markup."""
    weasyprint = _engine()
    page = weasyprint.HTML(filename=str(html), url_fetcher=_fetcher(weasyprint))
    for details in page.etree_element.iter("details"):
        details.set("open", "")
    return page.render()


def _engine() -> Any:
    """The WeasyPrint module, imported only when a PDF is asked for."""
    try:
        import weasyprint
    except ImportError:
        raise PdfFailed(f"the PDF engine {ENGINE} is not installed: {INSTALL}") from None
    except OSError as exc:  # its Pango library is missing
        first = printable(str(exc).strip().splitlines()[0]) if str(exc).strip() else ""
        raise PdfFailed(f"the PDF engine {ENGINE} cannot load its libraries ({first}): "
                        f"{INSTALL}") from None
    return weasyprint


def _fetcher(weasyprint: Any) -> Any:
    """Only ``data:`` URIs (the charts and the logo): the page needs nothing else."""
    return weasyprint.URLFetcher(allowed_protocols={"data"})


@contextmanager
def _quiet() -> Iterator[None]:
    """WeasyPrint's warnings (CSS it ignores) stay off the command's output."""
    logger = logging.getLogger("weasyprint")
    propagate, handlers = logger.propagate, logger.handlers[:]
    logger.handlers = [logging.NullHandler()]
    logger.propagate = False
    try:
        yield
    finally:
        logger.handlers, logger.propagate = handlers, propagate
