"""Every client's report for one period, and the agency's index page.

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
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from .. import atomic, cores
from ..catalogue import HEADLINES
from ..errors import UserError
from ..html import esc, fmt_number, fmt_points
from ..i18n import tr, use_language
from ..paths import PACKAGE_DIR, Workspace
from ..report.goal_status import STATUS_CLASS
from ..report.page import page
from . import stops
from .jobs import JobResult, ReportJob, run_job
from .kernels import WarmKernel

SCHEDULER_TIMEOUT = 20  # seconds to reach a Dask scheduler


def clients(ws: Workspace) -> list[str]:
    """Clients of the workspace: folders of playbooks/ holding a playbook.yaml."""
    return ws.clients()


def run_all(ws: Workspace, period: str, *, workers: int | None = None,
            scheduler: str | None = None, progress: bool = True,
            warm: bool = True) -> list[JobResult]:
    """Render every client's report for ``period``; write reports/index.html.

    Local workers keep one warm kernel each (``warm``), reset between reports.
    """
    jobs = [ReportJob(str(ws.root), client, period) for client in clients(ws)]
    runner = _on_dask(scheduler) if scheduler else _on_pool(workers, ws.root if warm else None)
    results = []
    with tqdm(total=len(jobs), desc=f"reports {period}", unit="client",
              disable=not progress) as bar:
        for result in runner(jobs):
            results.append(result)
            bar.set_postfix_str(f"{result.client}: {'ok' if result.ok else 'failed'}")
            bar.update()
    results.sort(key=lambda r: r.client)
    write_index(ws, period, results)
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


def write_index(ws: Workspace, period: str, results: list[JobResult]) -> Path:
    """The agency's index page, written atomically to reports/index.html."""
    ws.reports.mkdir(parents=True, exist_ok=True)
    target = ws.reports / "index.html"
    language = index_language(ws, results)
    with use_language(language):
        checks = {r.client: data_checks(ws, r) for r in results}
    html = index_html(period, results, dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                      checks, language)
    atomic.write_text(target, html)
    return target


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
    metrics.json: channels with inbound messages and no team activity in the data (most
    often accounts that match no export), a period the data covers only in part."""
    if not result.ok or not result.report:
        return []
    try:
        doc = json.loads(((ws.reports / result.report).parent / "metrics.json")
                         .read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    responsiveness = (doc.get("responsiveness") or {}).get("current") or {}
    checks = [tr("{platform}: inbound messages and no team activity in the data",
                 platform=platform)
              for platform in responsiveness.get("channels_without_team") or []]
    if (doc.get("coverage") or {}).get("current", "full") != "full":
        checks.append(tr("the data covers this period only in part"))
    return checks


def index_html(period: str, results: list[JobResult], generated_at: str,
               checks: dict[str, list[str]] | None = None, language: str = "en") -> str:
    """One row per client: status, goal statuses, and each headline figure with its change,
    in ``language``.

    A client with data checks (``data_checks``) shows them as red chips, and none of its
    goal chips is green: a goal on track may only look so."""
    with use_language(language):
        return _index_page(period, results, generated_at, checks or {}, language)


def _index_page(period: str, results: list[JobResult], generated_at: str,
                checks: dict[str, list[str]], language: str) -> str:
    failed = sum(not r.ok for r in results)
    labels = {h["metric"]: tr(h["label"]) for r in results for h in r.headlines}
    metrics = [m for m in HEADLINES if m in labels]
    headers = [tr("Client"), tr("Goals"), *(labels[m] for m in metrics)]
    rows = "".join(_row(r, metrics, checks.get(r.client, [])) for r in results)
    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    summary = (tr("{done} of {n} reports rendered", done=len(results) - failed, n=len(results))
               + (tr("; {n} failed", n=failed) if failed else ""))
    title = tr("Community reviews")
    main = (
        "<main class=\"report portfolio\">\n"
        f'<header class="report-head"><h1>{esc(title)}</h1>'
        f'<p class="subtitle">{esc(period)} · {esc(summary)}</p></header>\n'
        '<div class="table-wrap"><table><thead><tr>'
        + "".join(f'<th class="{"num" if i > 1 else ""}">{esc(h)}</th>'
                  for i, h in enumerate(headers))
        + f"</tr></thead><tbody>{rows}</tbody></table></div>\n</main>\n")
    footer = (f'<footer class="report-foot" id="generated-at">'
              f'{esc(tr("Made with communitykit"))} · {esc(generated_at)}</footer>\n')
    return page(f"{title} · {period}", main, language, css, footer=footer)


def _row(r: JobResult, metrics: list[str], checks: list[str]) -> str:
    name = (f'<a href="{esc(r.report)}">{esc(r.name)}</a>' if r.ok and r.report
            else esc(r.name))
    client = f'{name}<br><span class="muted">{esc(r.client)}</span>'
    if not r.ok:
        return (f'<tr class="failed"><td class="client">{client}<br>'
                f'<span class="status bad">{esc(tr("failed"))}</span></td>'
                f'<td colspan="{1 + len(metrics)}" class="reason">{esc(r.error)}</td></tr>')
    chips = " ".join(_goal_chip(g, checks) for g in r.goals) or (
        f'<span class="muted">{esc(tr("no goals"))}</span>')
    if checks:
        check = esc(tr("data check"))
        chips = " ".join(f'<span class="chip bad" title="{check}">{check}: {esc(c)}</span>'
                         for c in checks) + " " + chips
    figures = {h["metric"]: h for h in r.headlines}
    labels = {h["metric"]: tr(h["label"]) for h in r.headlines}
    cells = "".join(
        f'<td class="num" data-label="{esc(labels[m])}">'
        f'<span class="fig"><b>{esc(fmt_number(figures[m]["current"], figures[m]["unit"]))}</b>'
        f" {_change(figures[m])}</span></td>" if m in figures else '<td class="num">–</td>'
        for m in metrics)
    return (f'<tr><td class="client">{client}</td>'
            f'<td class="chips" data-label="{esc(tr("Goals"))}">{chips}'
            f"</td>{cells}</tr>")


def _goal_chip(goal: dict[str, str], checks: list[str]) -> str:
    label = esc(tr(goal["label"]))
    return (f'<span class="chip {_chip_class(goal["status"], checks)}" title="{label}">'
            f'{label}: {esc(tr(goal["status"]))}</span>')


def _chip_class(status: str, checks: list[str]) -> str:
    css = STATUS_CLASS.get(status, "")
    return "idle" if checks and css == "good" else css


def _change(h: dict[str, object]) -> str:
    a, b = h["current"], h["previous"]
    if not isinstance(a, float) or not isinstance(b, float):
        return ""
    if a == b:
        return f'<span class="muted">{esc(tr("no change"))}</span>'
    good = (a > b) == (h["better"] == "up")
    delta = a - b
    text = (tr("{value} pts", value=fmt_points(delta)) if h["unit"] == "ratio"
            else ("+" if delta > 0 else "−") + fmt_number(abs(delta), str(h["unit"])))
    arrow = "▲" if delta > 0 else "▼"
    return f'<span class="{"good" if good else "bad"}">{arrow} {esc(text)}</span>'
