"""Run the review notebook with papermill and render it to a self-contained HTML page.

Work happens in a staging folder beside the report; the finished folder then
replaces the previous report, so a failed run never touches the last good one.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING, Any

# isort: off
from . import lean_imports  # noqa: F401 (must precede nbformat)
# isort: on
import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Type

from .errors import ReportFailed, UserError
from .faults import checkpoint
from .html import esc
from .i18n import tr, use_language
from .notebook_guard import check_parameters, running_cell
from .pages import page
from .paths import PACKAGE_DIR, Workspace
from .periods import Period
from .stops import deferred

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

HIDDEN_TAGS = {"remove-cell", "parameters", "injected-parameters"}
CELL_TIMEOUT = 300
# How long a new client waits for IOPub to deliver before asking the kernel again: a
# subscription usually goes live within milliseconds.
IOPUB_CHECK = 0.05
USER_ERRORS = {"UserError", "PlaybookError", "ImportFailed", "NoData"}
# Between reports: the namespace emptied, and the module caches that hold a client's data
RESET_CODE = "%reset -f\n__import__('communitykit.caches').caches.clear()"


class PromptKernelClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel answers.

    jupyter_client's ``wait_for_ready`` ends by waiting until IOPub has been silent for
    0.2 s, to drop earlier messages; nbclient matches every message to its own request,
    so this wait only delays each report. The rest is kept: ask for kernel_info until
    it is answered and IOPub delivers (its subscription is live), stop if the kernel
    dies or the time runs out."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=IOPUB_CHECK)
                    self._handle_kernel_info_reply(reply)
                    return
            except Empty:
                pass
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class QuietKernelManager(AsyncKernelManager):
    """A kernel that keeps its start-up warnings (e.g. about TCP transport) and the noise of
    being stopped (after a timeout) to itself: failures reach the user as ReportFailed.
    Its clients are ``PromptKernelClient``."""

    client_factory = Type(PromptKernelClient, klass=AsyncKernelClient)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*super().format_kernel_cmd(extra_arguments), "--IPKernelApp.log_level=CRITICAL"]


@dataclass
class Timings:
    """Seconds spent executing the notebook and rendering its HTML."""

    execute: float = 0.0
    render: float = 0.0


class WarmKernel:
    """One kernel kept running across the reports of a batch worker.

    Imports and the kernel start are paid once per worker instead of once per report.
    The namespace is reset after each report, while the worker renders its HTML, and
    ``ready`` waits for that reset before the next one (through one client kept
    connected to the shell channel only). A kernel that died, or that does not finish
    its reset in time (a cell still running after a timeout), is replaced.
    """

    manager: QuietKernelManager | None = None
    client: Any = None
    pending: str | None = None  # the message id of a reset (or imports) not yet answered
    RESET_TIMEOUT = 60

    @classmethod
    def start(cls, cwd: Path) -> None:
        import multiprocessing.util

        from jupyter_core.utils import run_sync

        cls.manager = QuietKernelManager(kernel_name="python3")
        run_sync(cls.manager.start_kernel)(cwd=str(cwd))
        # pool workers leave through os._exit: atexit would not run, Finalize does
        multiprocessing.util.Finalize(None, cls.stop, exitpriority=10)

    @classmethod
    def stop(cls) -> None:
        from jupyter_core.utils import run_sync

        cls._disconnect()
        if cls.manager is not None and cls.manager.has_kernel:
            run_sync(cls.manager.shutdown_kernel)(now=True)
        cls.manager = None

    @classmethod
    def _disconnect(cls) -> None:
        if cls.client is not None:
            cls.client.stop_channels()
        cls.client = None
        cls.pending = None

    @classmethod
    @contextlib.contextmanager
    def head_start(cls, cwd: Path) -> Iterator[None]:
        """A kernel for the reports run inside, started now with its imports begun, so
        that they overlap with the report's preparation here (two cores work instead of
        one); stopped on leaving. Inside another head start, the outer kernel serves."""
        if cls.manager is not None:
            yield
            return
        cls.start(cwd)
        try:
            cls._send("__import__('communitykit.review')")  # binds no name
            yield
        finally:
            cls.stop()

    @classmethod
    def reset_soon(cls) -> None:
        """Start emptying the namespace; ``ready`` collects the answer."""
        cls._send(RESET_CODE)

    @classmethod
    def _send(cls, code: str) -> None:
        """Run ``code`` quietly unless something sent is still unanswered."""
        if cls.manager is None:
            return
        if cls.client is None:
            # the shell channel alone: the reports' outputs never reach this client
            cls.client = cls.manager.blocking_client()
            cls.client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        if cls.pending is None:
            cls.pending = cls.client.execute(code, silent=True, store_history=False)

    @classmethod
    def ready(cls) -> QuietKernelManager | None:
        """The kernel with an empty namespace, or None when no warm kernel is in use."""
        from jupyter_core.utils import run_sync

        km = cls.manager
        if km is None:
            return None
        if not run_sync(km.is_alive)():
            cls.restart()
            return km
        cls.reset_soon()
        try:
            while cls.client.get_shell_msg(timeout=cls.RESET_TIMEOUT)[
                    "parent_header"].get("msg_id") != cls.pending:
                pass
        except Empty:
            cls.restart()
        cls.pending = None
        return km

    @classmethod
    def restart(cls) -> None:
        """Replace the kernel (dead, or stuck in a cell): a fresh kernel is empty."""
        from jupyter_core.utils import run_sync

        cls._disconnect()
        if cls.manager is not None:
            run_sync(cls.manager.restart_kernel)(now=True)


def execute(notebook: Path, output: Path, parameters: dict[str, object], cwd: Path,
            keep_failed: Path | None = None, progress: bool = False) -> None:
    """Execute ``notebook`` with papermill into ``output``; user mistakes become UserError.

    When a cell fails, the partly executed notebook is copied to ``keep_failed``. In a
    batch worker with a ``WarmKernel`` the notebook runs on that kernel.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .engine import ENGINE

    warm = WarmKernel.ready()
    engine: dict[str, object] = {"km": warm} if warm is not None else {
        "kernel_manager_class": "communitykit.render.QuietKernelManager"}
    check_parameters(parameters)
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            progress_bar=progress, cwd=str(cwd), execution_timeout=CELL_TIMEOUT,
            log_output=False, report_mode=True, engine_name=ENGINE, **engine,
        )
        WarmKernel.reset_soon()  # the kernel empties itself while the page renders
    except PapermillExecutionError as exc:
        if exc.ename in USER_ERRORS:
            raise UserError(exc.evalue) from None
        where = _keep(output, keep_failed)
        raise ReportFailed(
            f"the review notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{exc.evalue}{where}"
        ) from None
    except (RuntimeError, TimeoutError) as exc:  # a dead kernel, a cell over CELL_TIMEOUT
        if warm is not None:
            WarmKernel.restart()  # the cell may still be running
        what = (f"took longer than {CELL_TIMEOUT} s" if isinstance(exc, TimeoutError)
                else f"stopped the kernel ({str(exc).splitlines()[0] if str(exc) else exc!r})")
        where = _keep(output, keep_failed)
        raise ReportFailed(f"the review notebook's {running_cell(output)} {what}{where}") from None


def _keep(output: Path, keep_failed: Path | None) -> str:
    """Copy the partly executed notebook aside; say where."""
    if keep_failed is None or not output.exists():
        return ""
    keep_failed.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(output, keep_failed)
    return f" (the executed notebook is kept at {keep_failed})"


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
) -> tuple[Path, Timings]:
    """Execute and render into ``reports/<client>/<period>/``; return the folder and timings.

    ``progress`` shows a bar of the notebook's cells on stderr (for a person waiting)."""
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
        execute(workspace.notebooks / "review.ipynb", executed,
                {**parameters, "metrics_path": metrics_path}, workspace.root,
                keep_failed=workspace.data_dir(client) / "failed" / f"{period.label}.ipynb",
                progress=progress)
        timings.execute = time.perf_counter() - started
        checkpoint("report:rendering")
        started = time.perf_counter()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        html = to_html(executed, title, stamp, language)
        (staging / "report.html").write_text(html, encoding="utf-8")
        timings.render = time.perf_counter() - started
        checkpoint("report:before-swap")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target, timings


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
