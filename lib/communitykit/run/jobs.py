"""One report as a job: the unit the command line, the local pool and Dask all run.

``run_job`` never raises: it returns a ``JobResult`` saying what was rendered or why not,
so a batch can carry on past one client's failure. It takes and returns plain,
picklable values, so any scheduler can call it (a process pool, Dask, Airflow's
PythonOperator).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import periods
from ..errors import CommunityKitError, ReportFailed, UserError
from ..paths import Client, Workspace
from ..periods import Period
from ..playbook import Playbook
from ..reuse import MARKERS

if TYPE_CHECKING:
    from .publish import Timings


@dataclass(frozen=True)
class ReportJob:
    """Render ``client``'s review for a period of the workspace at ``workspace``; with
    ``pdf`` its report.pdf too, with ``fill_trends`` the figures of the earlier periods its
    trends show first (``run.fill_trends``)."""

    workspace: str
    client: str
    period: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    pdf: bool = False
    fill_trends: bool = False


@dataclass
class JobResult:
    client: str
    name: str
    ok: bool
    period: str
    report: str | None = None  # path of report.html, relative to the workspace's reports/
    error: str | None = None
    pdf: str | None = None  # path of the report.pdf this job wrote, relative to reports/
    pdf_failed: bool = False  # the report is in place, its PDF failed (``error`` says why)
    seconds: float = 0.0
    goals: list[dict[str, Any]] = field(default_factory=list)
    headlines: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CheckedReport:
    """A report whose client and period are known good: what ``check`` returns."""

    job: ReportJob
    client: Client
    period: Period


def check(job: ReportJob) -> CheckedReport:
    """The client (an unknown one is refused), its playbook, and the period, parsed once."""
    client = Workspace(Path(job.workspace)).client(job.client)
    if bool(job.date_from) != bool(job.date_to) or bool(job.period) == bool(job.date_from):
        raise UserError("give either --period or both --from and --to")
    period = periods.resolve(job.period, job.date_from, job.date_to)
    _ = client.playbook  # a broken playbook fails here, before a kernel
    return CheckedReport(job, client, period)


def prepare(job: ReportJob) -> CheckedReport:
    """Every check that needs no kernel (``check``, then ``preflight``): run before one
    starts."""
    report = check(job)
    preflight(report.client, report.period)
    return report


def render(report: CheckedReport, say: Callable[[str], None] = print,
           progress: bool = False) -> tuple[Path, Timings]:
    """Render one prepared report (with its PDF when the job asks, after the figures of the
    trends' earlier periods when it asks); errors propagate, a failed PDF is
    ``Timings.pdf_error``. Returns the folder and the timings."""
    from .fill_trends import fill
    from .publish import render_report

    job, client, period = report.job, report.client, report.period
    parameters: dict[str, object] = {
        "client": client.name, "period": job.period, "period_from": job.date_from,
        "period_to": job.date_to,
        "workspace": ".",  # the kernel's folder: the executed notebook names no absolute path
    }
    with client.lock("report"):
        if job.fill_trends:
            fill(client, period, say)
        return render_report(client.workspace, client.name, period, parameters,
                             _title(client.playbook, period), say, client.language,
                             progress, pdf=job.pdf)


def run_job(job: ReportJob) -> JobResult:
    """Render one report and say how it went; never raises for the client's failure."""
    started = time.perf_counter()
    label = job.period or f"{job.date_from}..{job.date_to}"
    result = JobResult(client=job.client, name=job.client, ok=False, period=label)
    try:
        report = check(job)
        result.period = report.period.label
        named = report.client.playbook.client.name
        if named not in MARKERS.values():  # a client not filled in yet: its folder name
            result.name = named
        preflight(report.client, report.period)
        folder, timings = render(report, say=lambda _text: None)
        html = (folder / "report.html").relative_to(report.client.workspace.reports)
        result.report = html.as_posix()
        result.goals, result.headlines = summarise(folder / "metrics.json")
        if timings.pdf_error:
            result.pdf_failed = True
            result.error = (f"PDF failed: {timings.pdf_error}; the HTML report is in place"
                            + ("; the previous report.pdf is kept"
                               if (folder / "report.pdf").is_file() else ""))
        else:
            result.ok = True
            if job.pdf:
                result.pdf = html.with_name("report.pdf").as_posix()
    except ReportFailed as exc:
        result.error = f"report failed: {exc}"
    except CommunityKitError as exc:
        result.error = str(exc)
    except Exception as exc:  # a batch reports every client, whatever broke  # noqa: BLE001
        result.error = f"internal error: {type(exc).__name__}: {exc}"
    result.seconds = round(time.perf_counter() - started, 2)
    return result


def summarise(metrics_file: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Goal statuses and headline figures (with change) from a report's metrics.json."""
    from ..catalogue import CATALOGUE, HEADLINES, json_value

    doc = json.loads(metrics_file.read_text(encoding="utf-8"))
    goals = [{"id": g["id"], "label": g["label"], "status": g["status"]} for g in doc["goals"]]
    headlines = [{"metric": m.id, "label": m.label, "unit": m.unit, "better": m.better,
                  "current": json_value(doc, m.id), "previous": json_value(doc, m.id, "previous")}
                 for m in (CATALOGUE[metric_id] for metric_id in HEADLINES) if m.section in doc]
    return goals, headlines


def require_notebook(workspace: Workspace) -> None:
    """Refuse a workspace without the notebook a report runs."""
    if not workspace.review_notebook.is_file():
        raise UserError(f"the workspace {workspace.root} has no notebooks/review.ipynb, "
                        "the notebook a report runs: work in the kit's folder (or set "
                        "COMMUNITYKIT_HOME to it), or copy the kit's notebooks/ folder into "
                        "the workspace")


def preflight(client: Client, period: Period) -> None:
    """Fail fast, before a kernel starts, when the store has nothing for the period
    (reading only the period's months)."""
    from ..dataset import no_data

    require_notebook(client.workspace)
    store = client.store
    if not store.exists():
        raise UserError(f"no data imported for {client.name!r} yet: run "
                        f"`communitykit import {client.name}` first")
    start, end = period.utc_bounds(client.playbook.tz)
    if any(len(store.load(table, ["created_at"], start, end)) for table in ("posts", "messages")):
        return
    spans = [span for span in (store.span("posts"), store.span("messages")) if span]
    raise no_data(period.label, (min(a for a, _ in spans), max(b for _, b in spans))
                  if spans else None)


def _title(pb: Playbook, period: Period) -> str:
    from ..i18n import tr, use_language

    with use_language(pb.client.language):
        return f"{pb.client.name} · {tr('Community review')} {period.label}"
