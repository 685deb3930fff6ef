"""Publish a report: execute the review notebook in a staging folder beside the report,
render it to a self-contained HTML page (and, when asked, its PDF), then swap the finished
folder into place.

A failed run never touches the last good report; a swap cut short (a crash between its
two renames) is undone by the next run (``_recover``). A failed PDF does not stop the
report: the new page goes in with the previous ``report.pdf`` carried over (older than the
page, so ``send`` writes it again and the agency index does not link it), and the
failure is returned to say (``Timings.pdf_error``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# isort: off
from . import lean_imports  # noqa: F401 (must precede nbformat)
# isort: on
import nbformat

from ..faults import checkpoint
from ..html import esc
from ..i18n import tr, use_language
from ..paths import PACKAGE_DIR, Workspace
from ..periods import Period
from ..report.page import page
from .guard import check_parameters
from .notebook import execute
from .stops import deferred

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

HIDDEN_TAGS = {"remove-cell", "parameters", "injected-parameters"}


@dataclass
class Timings:
    """Seconds spent executing the notebook and rendering its HTML."""

    execute: float = 0.0
    render: float = 0.0
    pdf: float = 0.0
    pdf_error: str | None = None  # why the PDF asked for could not be written


EXPORTER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _exporter() -> HTMLExporter:
    """nbconvert's basic template without code, prompts or hidden cells (kept: its
    templates compile once per process, 0.1 s, instead of once per report). Imported here,
    not with this module, so that a report's kernel starts sooner; ``render_report`` builds
    it on a thread while the kernel works."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True), enabled=True
    )
    # its first page costs 0.2 s more than the next: paid here, on a one-output notebook
    exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        outputs=[nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"})])]))
    return exporter


def _warm_exporter() -> None:
    with EXPORTER_LOCK, contextlib.suppress(Exception):  # a failure shows in to_html
        _exporter()


def to_html(executed: Path, title: str, generated_at: str, language: str = "en") -> str:
    """The executed notebook as one HTML page: no code, no parameters, no scripts."""
    nb = nbformat.read(str(executed), as_version=4)
    with EXPORTER_LOCK:
        exporter = _exporter()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _ = exporter.from_notebook_node(nb)
    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    with use_language(language):
        made_with = tr("Made with communitykit")
    return page(
        title, f'<main class="report">\n{body}\n</main>\n', language, css, generator=True,
        footer=("<!-- the next line, the generation time, is the only one that differs "
                "between runs of the same inputs -->\n"
                f'<footer class="report-foot" id="generated-at">{esc(made_with)} · '
                f"{esc(generated_at)}</footer>\n"))


def render_report(
    workspace: Workspace,
    client: str,
    period: Period,
    parameters: dict[str, object],
    title: str,
    say: Callable[[str], None] = print,
    language: str = "en",
    progress: bool = False,
    pdf: bool = False,
) -> tuple[Path, Timings]:
    """Execute and render into ``reports/<client>/<period>/``; return the folder and timings.

    ``progress`` shows a bar of the notebook's cells on stderr (for a person waiting);
    ``pdf`` also lays out ``report.pdf`` from the finished page (``pdf_beside``)."""
    target = workspace.report_dir(client, period.label)
    target.parent.mkdir(parents=True, exist_ok=True)
    _recover(target)
    for stale in target.parent.glob(f".staging-{period.label}-*"):  # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{period.label}-", dir=target.parent))
    staging.chmod(0o755)
    timings = Timings()
    # nbconvert loads while the kernel works (this process only waits for it meanwhile)
    threading.Thread(target=_warm_exporter, daemon=True).start()
    try:
        executed = staging / "report.ipynb"
        started = time.perf_counter()
        # the kernel runs in the workspace: the notebook names paths relative to it
        metrics_path = os.path.relpath(staging / "metrics.json", workspace.root)
        parameters = {**parameters, "metrics_path": metrics_path}
        check_parameters(parameters)
        execute(workspace.review_notebook, executed, parameters, workspace.root,
                keep_failed=workspace.data_dir(client) / "failed" / f"{period.label}.ipynb",
                progress=progress)
        timings.execute = time.perf_counter() - started
        checkpoint("report:rendering")
        started = time.perf_counter()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        html = to_html(executed, title, stamp, language)
        (staging / "report.html").write_text(html, encoding="utf-8")
        timings.render = time.perf_counter() - started
        if pdf:
            started = time.perf_counter()
            timings.pdf_error = pdf_beside(staging, target)
            timings.pdf = time.perf_counter() - started
        checkpoint("report:before-swap")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target, timings


def pdf_beside(staging: Path, target: Path) -> str | None:
    """Write ``report.pdf`` from the page in ``staging``; None when written, else the reason
    in one line, with ``target``'s previous ``report.pdf`` (if any) copied into ``staging``
    so the swap keeps it (its time kept: older than the new page)."""
    from ..report.pdf import PdfFailed, write_pdf

    try:
        write_pdf(staging / "report.html", staging / "report.pdf")
        return None
    except PdfFailed as exc:
        previous = target / "report.pdf"
        if previous.is_file():
            shutil.copy2(previous, staging / "report.pdf")
        return str(exc)


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``: rename old aside, rename new in, drop old.
    A stop (SIGINT, SIGTERM) waits for both renames."""
    old = target.with_name(f".old-{target.name}")
    if old.exists():
        shutil.rmtree(old)
    with deferred():
        if target.exists():
            os.replace(target, old)
        checkpoint("report:mid-swap")
        os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(target: Path) -> None:
    """After a crash between the two renames, put the previous report back."""
    old = target.with_name(f".old-{target.name}")
    if old.exists() and not target.exists():
        os.replace(old, target)
