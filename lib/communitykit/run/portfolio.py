"""Every client's report for one period, and the agency's index pages (``index_page``,
``period_list``).

Jobs run on a local process pool by default, or on a Dask distributed cluster when a
scheduler address is given (its workers must see the same workspace path, e.g. on
shared storage). Either way each job is ``jobs.run_job``; one client's failure is
recorded and shown on the index while the others render.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from filelock import FileLock
from tqdm import tqdm

from .. import atomic, cores, periods, workspace_settings
from ..errors import UserError
from ..i18n import use_language
from ..paths import Workspace
from . import period_list, stops
from .index_page import Brand, period_index
from .jobs import JobResult, ReportJob, run_job
from .kernels import WarmKernel
from .standing import by_need, data_problems, standing

SCHEDULER_TIMEOUT = 20  # seconds to reach a Dask scheduler


def clients(ws: Workspace) -> list[str]:
    """Clients of the workspace: folders of playbooks/ holding a playbook.yaml."""
    return ws.clients()


def run_all(ws: Workspace, period: str, *, workers: int | None = None,
            scheduler: str | None = None, progress: bool = True,
            warm: bool = True, pdf: bool = False, fill_trends: bool = False,
            ) -> list[JobResult]:
    """Render every client's report for ``period``; write its index
    (reports/index-<period>.html) and the index of periods (reports/index.html).

    The period and the agency's branding are checked first: a mistake in either stops
    the batch before any report. Local workers keep one warm kernel each (``warm``),
    reset between reports. With ``pdf`` each job writes its client's report.pdf too (a
    failed PDF fails that job alone); with ``fill_trends`` each job first computes the
    figures of its trends' earlier periods (``fill_trends``).
    """
    _period(period)
    brand = load_brand(ws)
    jobs = [ReportJob(str(ws.root), client, period, pdf=pdf, fill_trends=fill_trends)
            for client in clients(ws)]
    runner = _on_dask(scheduler) if scheduler else _on_pool(workers, ws.root if warm else None)
    results = []
    with tqdm(total=len(jobs), desc=f"reports {period}", unit="client",
              disable=not progress) as bar:
        for result in runner(jobs):
            results.append(result)
            bar.set_postfix_str(f"{result.client}: {'ok' if result.ok else 'failed'}")
            bar.update()
    results.sort(key=lambda r: r.client)
    write_index(ws, period, results, brand)
    return results


def _on_pool(workers: int | None,
             warm_in: Path | None) -> Callable[[list[ReportJob]], Iterator[JobResult]]:
    def run(jobs: list[ReportJob]) -> Iterator[JobResult]:
        if not jobs:
            return
        size = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
        # Fresh workers, never forks of this process: a fork would inherit a half-copied
        # jupyter event-loop thread (and any lock held by another thread) and hang.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
            else "spawn"
        context = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(size, context, _start_worker,
                                   (warm_in, max(1, cores.available() // size)))
        with pool:
            futures = [pool.submit(_pool_job, job) for job in jobs]
            for future in as_completed(futures):
                yield future.result()
    return run


def _start_worker(warm_in: Path | None, text_workers: int) -> None:
    """A batch worker: its reports' text analysis shares the cores with the other
    workers (``cores.available``), and with ``warm_in`` it keeps a warm kernel. SIGINT
    and SIGTERM end its kernel, then the worker (``stops``)."""
    stops.install()
    os.environ[cores.ENV] = str(text_workers)
    if warm_in is not None:
        WarmKernel.start(warm_in)


def _pool_job(job: ReportJob) -> JobResult:
    """``run_job`` in a pool worker; a stop unwinds the report (its staging folder goes),
    then ends the worker, which the pool would otherwise keep waiting for jobs."""
    try:
        return run_job(job)
    except stops.Stopped as stop:
        os._exit(stop.exit_code)


def _on_dask(address: str) -> Callable[[list[ReportJob]], Iterator[JobResult]]:
    def run(jobs: list[ReportJob]) -> Iterator[JobResult]:
        from distributed import Client
        from distributed import as_completed as dask_completed

        try:
            client = Client(address, timeout=f"{SCHEDULER_TIMEOUT}s")
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot reach the Dask scheduler at {address!r}: {exc}") from None
        with client:
            futures = client.map(run_job, jobs, pure=False)
            for future in dask_completed(futures):
                yield future.result()
    return run


def write_index(ws: Workspace, period: str, results: list[JobResult],
                brand: Brand | None = None) -> Path:
    """The agency's index of ``period``, written atomically to reports/index-<period>.html;
    then reports/index.html, the index of periods, rebuilt from every period's index on
    disk. Returns the period's index."""
    ws.reports.mkdir(parents=True, exist_ok=True)
    language = index_language(ws, results)
    brand = brand if brand is not None else load_brand(ws)
    generated_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    with use_language(language):
        rows = by_need([standing(ws.reports, r) for r in results])
        html = period_index(_period(period), rows, generated_at, language, brand)
    target = ws.reports / period_list.file_name(period)
    with FileLock(ws.reports / ".index.lock"):  # two batches at once list each other
        atomic.write_text(target, html)
        listed = period_list.on_disk(ws.reports)
        with use_language(language):
            page = period_list.index_of_periods(listed, generated_at, language, brand)
        atomic.write_text(ws.reports / "index.html", page)
    return target


def load_brand(ws: Workspace) -> Brand:
    """The agency's name, colour and logo from the workspace settings (``agency:``), or
    the kit's own look without them; a bad setting is a ``SettingsError``."""
    found = workspace_settings.agency(ws)
    if found is None:
        return Brand()
    agency, logo = found
    return Brand(agency.name, agency.colour, logo)


def _period(label: str) -> periods.Period:
    if custom := re.fullmatch(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})", label):
        return periods.custom(dt.date.fromisoformat(custom[1]), dt.date.fromisoformat(custom[2]))
    return periods.parse(label)


def index_language(ws: Workspace, results: list[JobResult]) -> str:
    """The index's language: the reports' language when every client shares one, else
    English (a playbook that does not load counts as English)."""
    languages = {_language(ws, r.client) for r in results}
    return languages.pop() if len(languages) == 1 else "en"


def _language(ws: Workspace, client: str) -> str:
    try:
        return ws.client(client).language
    except (UserError, OSError):
        return "en"


def data_checks(ws: Workspace, result: JobResult) -> list[str]:
    """What keeps a rendered client's figures from being read as they stand, from its
    metrics.json (``standing.data_problems``)."""
    if not result.ok or not result.report:
        return []
    try:
        doc = json.loads(((ws.reports / result.report).parent / "metrics.json")
                         .read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data_problems(doc)
