"""The command line: new, validate, import, report, send, review, demo, plan, lab.

Exit codes: 0 success, 1 a user mistake (one clear line, no traceback),
2 wrong usage (argparse), 3 an internal failure of the report run, 4 the report is in
place but sending it (or writing its PDF) failed, 130 and 143 stopped
by SIGINT (Ctrl-C) or SIGTERM (its kernels and workers ended first, ``run.stops``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, relative_periods
from . import playbook as playbook_mod
from .errors import CommunityKitError, ReportFailed, UserError
from .paths import CLIENT_NAME, Workspace, check_client_name
from .run import lean_imports  # noqa: F401 (before nbformat loads)
from .run.stops import Stopped, end_children, handled

if TYPE_CHECKING:
    from .paths import Client

DEMO_PERIOD = "2026-10"
TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")


def _say(text: str) -> None:
    print(text, flush=True)


def cmd_new(args: argparse.Namespace, ws: Workspace) -> int:
    from ruamel.yaml import YAML

    from .plan.save import dump, load_document, write_atomically
    from .reuse import record_template, strategy_copy

    target = ws.playbook_file(args.client)
    if target.exists():
        raise UserError(f"client {args.client!r} already exists", file=target)
    source, is_client = _template(ws, args.template)
    playbook_mod.load(source)
    doc = load_document(source)
    today = dt.date.today()
    doc = (strategy_copy(doc, args.template, today) if is_client
           else record_template(doc, args.template, today))
    text = dump(doc)
    playbook_mod.validate(YAML(typ="safe", pure=True).load(text), target)
    target.parent.mkdir(parents=True, exist_ok=True)  # a folder with exports but no playbook
    write_atomically(target, text)
    (target.parent / "exports").mkdir(exist_ok=True)
    what = (f"the strategy of client {args.template} (not its name, accounts, people, goals "
            "or history)" if is_client else f"template {args.template}")
    _say(f"created {target} from {what}; fill it in, then run "
         f"`communitykit validate {args.client}`")
    return 0


def _template(ws: Workspace, name: str) -> tuple[Path, bool]:
    """The template or client playbook named ``name``, and whether it is a client's."""
    if not TEMPLATE_NAME.fullmatch(name):
        raise UserError(f"template name {name!r} is not allowed: letters, digits, '-' and '_'")
    candidates = [(ws.templates / f"{name}.yaml", False)]
    if CLIENT_NAME.fullmatch(name):
        candidates.append((ws.playbook_file(name), True))
    for path, is_client in candidates:
        if path.exists():
            return path, is_client
    known = sorted(p.stem for p in ws.templates.glob("*.yaml"))
    raise UserError(f"no template or client named {name!r}; templates: {', '.join(known)}")


def cmd_validate(args: argparse.Namespace, ws: Workspace) -> int:
    from .promises import overpromises
    from .reuse import template_of, unfilled
    from .yaml_text import lost_to_comments

    client = ws.client(args.client)
    path, pb = client.playbook_file, client.playbook
    _say(f"{path}: valid ({len(pb.accounts)} accounts, {len(pb.roster)} people, "
         f"{len(pb.rules.categories)} rule categories, {len(pb.goals)} goals)")
    for lost in lost_to_comments(path.read_text(encoding="utf-8")):
        _say(f"warning: {path.name}: {lost.message()}")
    for promise in overpromises(pb):
        _say(f"warning: {promise}")
    todo = unfilled(pb, template_of(pb, ws.templates))
    if todo:
        _say(f"still to fill ({len(todo)}): " + ", ".join(todo))
    return 0


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    from .ingest import import_exports
    from .listening.prepare import annotate_store
    from .window import keep_facts

    client = ws.client(args.client)
    pb = client.playbook
    paths = [Path(p) for p in args.paths] or [client.folder / pb.exports.path]
    with client.lock("import"):
        import_exports(client.store, pb, paths, args.format, _say)
        annotate_store(client.store, pb, client.memo_dir, _say, progress=sys.stderr.isatty())
        try:  # the store is committed: a failure here costs the next report time only
            keep_facts(client.store, pb, client.memo_dir)
        except Exception as exc:  # noqa: BLE001
            _say(f"the facts of older months were not kept ({type(exc).__name__}: {exc}); "
                 "the next report computes them")
    return 0


def cmd_report(args: argparse.Namespace, ws: Workspace) -> int:
    from .run.jobs import ReportJob, prepare, render
    from .run.kernels import WarmKernel

    if relative_periods.is_relative(args.period):
        args.period = _period_label(args.period, None if getattr(args, "all", False)
                                    else ws.client(args.client))
    if getattr(args, "all", False):
        return _report_all(args, ws)
    started = time.perf_counter()
    # an unknown client, a bad period, a period without data: all fail before a kernel starts
    pdf = getattr(args, "pdf", False)
    report = prepare(ReportJob(str(ws.root), args.client, args.period, args.date_from,
                               args.date_to, pdf=pdf,
                               fill_trends=getattr(args, "fill_trends", False)))
    from .cli_review import commentary_hint

    hint = commentary_hint(report.client, report.period)  # a broken review file fails here
    with WarmKernel.head_start(ws.root):  # the kernel starts while the trends fill
        folder, timings = render(report, _say,
                                 progress=sys.stderr.isatty())  # a bar for a person
    total = time.perf_counter() - started
    _say(f"report: {folder / 'report.html'}")
    _say(f"  {total:.1f} s (notebook {timings.execute:.1f} s, HTML {timings.render:.1f} s"
         + (f", PDF {timings.pdf:.1f} s)" if pdf else ")"))
    _warn_missing_font([report.client])
    if hint:
        _say(hint)
    return _said_pdf(folder, timings.pdf_error) if pdf else 0


def _said_pdf(folder: Path, error: str | None) -> int:
    """``report --pdf``: where report.pdf is, or why it failed (4: the HTML report is in
    place, and the previous report.pdf when there was one)."""
    if error:
        kept = "; the previous report.pdf is kept" if (folder / "report.pdf").is_file() else ""
        print(f"communitykit: PDF failed: {error}; the HTML report is in place: "
              f"{folder / 'report.html'}{kept}", file=sys.stderr)
        return 4
    _say(f"pdf: {folder / 'report.pdf'}")
    return 0


def _period_label(period: str | None, client: Client | None) -> str | None:
    """``--period`` as a label: ``last-week``, ``last-month`` or ``last-quarter`` resolved
    on today's date in the client's timezone (the machine's date for ``--all``)."""
    if period is None or not relative_periods.is_relative(period):
        return period
    tz = client.playbook.tz if client else None
    today = relative_periods.today(tz)
    label = relative_periods.resolve(period, today)
    _say(f"{period.strip().lower()}: {label} (today is {today}"
         + (f" in {client.playbook.client.timezone})" if client else ")"))
    return label


def cmd_send(args: argparse.Namespace, ws: Workspace) -> int:
    from .addresses import split_list
    from .delivery.deliver import deliver
    from .delivery.send import DeliveryFailed
    from .periods import parse

    client = ws.client(args.client)
    label = _period_label(args.period, client) or args.period
    parse(label)  # a bad period fails before anything else
    try:
        to = split_list(args.to or "")
    except ValueError as exc:
        raise UserError(f"--to: {exc}") from None

    def render() -> None:
        cmd_report(argparse.Namespace(client=args.client, period=label, date_from=None,
                                      date_to=None, all=False), ws)

    try:
        return deliver(client, label, to, render, args.render, _say)
    except DeliveryFailed as exc:
        print(f"communitykit: sending failed: {exc}; the report is in place: "
              f"{client.workspace.report_dir(client.name, label)}", file=sys.stderr)
        return 4


def _report_all(args: argparse.Namespace, ws: Workspace) -> int:
    from .run.portfolio import run_all

    started = time.perf_counter()
    results = run_all(ws, args.period, workers=args.workers, scheduler=args.scheduler,
                      warm=not args.fresh_kernels, pdf=args.pdf, fill_trends=args.fill_trends)
    for r in results:
        done = f"reports/{r.report}" + (f" and reports/{r.pdf}" if r.pdf else "")
        _say(f"{r.client}: " + (done if r.ok else f"FAILED: {r.error}"
                                + (f" (reports/{r.report})" if r.pdf_failed else "")))
    rendered = sum(r.report is not None for r in results)
    pdf_failed = sum(r.pdf_failed for r in results)
    failed = len(results) - rendered
    _say(f"index: {ws.reports / f'index-{args.period}.html'} ({rendered} rendered, "
         + (f"{pdf_failed} PDF failed, " if pdf_failed else "")
         + f"{failed} failed, {time.perf_counter() - started:.1f} s); all: index.html")
    _warn_missing_font([ws.client(r.client) for r in results if r.report])
    return 3 if failed else 4 if pdf_failed else 0


def _warn_missing_font(clients: Sequence[Client]) -> None:
    """One line when a Chinese report's charts were drawn without a CJK font."""
    from .fonts import MISSING_FONT_LINE, cjk_font_installed

    if clients and not cjk_font_installed() and "zh" in {c.language for c in clients}:
        print(MISSING_FONT_LINE, file=sys.stderr, flush=True)


def cmd_demo(args: argparse.Namespace, ws: Workspace) -> int:
    from .demo import generate
    from .run.jobs import require_notebook
    from .run.kernels import WarmKernel

    if not ws.playbook_file("demo").is_file():  # nothing is written outside a workspace
        raise UserError(
            f"no demo client here: {ws.playbook_file('demo')} does not exist; run the demo in "
            "the kit's folder (the one holding playbooks/demo/) or set COMMUNITYKIT_HOME to it")
    require_notebook(ws)  # before anything is written
    demo = ws.client("demo")
    exports = demo.folder / "exports"
    if args.regenerate:  # the demo's exports and store are generated: start both afresh
        shutil.rmtree(exports, ignore_errors=True)
        shutil.rmtree(demo.store_dir, ignore_errors=True)
    if not exports.exists():
        counts = generate(exports)
        _say(f"demo exports written to {exports} ({counts.get('files', '?')} files)")
    with WarmKernel.head_start(ws.root):  # the kernel starts while the exports import
        cmd_import(argparse.Namespace(client="demo", paths=[str(exports)], format=None), ws)
        return cmd_report(argparse.Namespace(client="demo", period=args.period,
                                             date_from=None, date_to=None, all=False), ws)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="communitykit",
        description="Community playbooks and review reports. Run in the workspace folder "
                    "(the one holding playbooks/) or set COMMUNITYKIT_HOME.")
    top.add_argument("--version", action="version", version=f"communitykit {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("new", help="create a client's playbook from a template")
    p.add_argument("client", type=_client)
    p.add_argument("--from", dest="template", default="TEMPLATE",
                   help="template in playbooks/templates, or an existing client (default TEMPLATE)")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("validate", help="check a client's playbook")
    p.add_argument("client", type=_client)
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("import", help="read export files into the client's store")
    p.add_argument("client", type=_client)
    p.add_argument("paths", nargs="*",
                   help="files or folders (default: the playbook's exports.path)")
    p.add_argument("--format", help="force the format of every file (see docs/sources.md)")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("report", help="render the review report for a period")
    p.add_argument("client", type=_client, nargs="?")
    p.add_argument("--all", action="store_true",
                   help="every client, in parallel, plus reports/index-PERIOD.html")
    p.add_argument("--workers", type=int, help="local processes for --all (default: CPUs)")
    p.add_argument("--fresh-kernels", action="store_true",
                   help="with --all: a new kernel per report (default: one warm kernel per "
                        "worker, reset between reports)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run --all on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--period", help="2026-10 (month), 2026-W43 (ISO week), 2026-Q3 (quarter), "
                                    "last-week, last-month or last-quarter")
    p.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (with --to)")
    p.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD (with --from)")
    p.add_argument("--pdf", action="store_true",
                   help="also write report.pdf beside report.html (WeasyPrint); with --all, "
                        "each client's")
    p.add_argument("--fill-trends", action="store_true",
                   help="first compute the figures (no report) of the earlier periods the "
                        "trends show that have data but no rendered report")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("send", help="mail a report's summary with the report attached")
    p.add_argument("client", type=_client)
    p.add_argument("--period", required=True,
                   help="2026-10, 2026-W43, 2026-Q3, last-week, last-month or last-quarter")
    p.add_argument("--to", help="recipients, comma-separated (besides the playbook's)")
    p.add_argument("--render", action="store_true",
                   help="render the report first even when it exists")
    p.set_defaults(run=cmd_send)

    p = sub.add_parser("demo", help="generate the demo client's exports, import and report")
    p.add_argument("--period", default=DEMO_PERIOD, help=f"default {DEMO_PERIOD}")
    p.add_argument("--regenerate", action="store_true",
                   help="write the demo exports again and rebuild its store from them")
    p.set_defaults(run=cmd_demo)

    from .cli_plan import register as register_planning

    register_planning(sub, _client)
    from .cli_review import register as register_review

    register_review(sub, _client)
    return top


def _client(value: str) -> str:
    try:
        return check_client_name(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check_report_usage(top: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command != "report":
        return
    if args.all and args.client:
        top.error("report: give a client or --all, not both")
    if not args.all and not args.client:
        top.error("report: name a client, or give --all for every client")
    if args.all and not args.period:
        top.error("report --all needs --period")
    if (args.scheduler or args.workers or args.fresh_kernels) and not args.all:
        top.error("report: --scheduler, --workers and --fresh-kernels go with --all")


def parse(top: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's arguments. Files named after an option of ``import`` (``import
    CLIENT --format NAME FILE...``) are files too: argparse leaves them aside, because it
    matches the list of files once, before the option."""
    args, extra = top.parse_known_args(argv)
    if args.command == "import":
        args.paths = [*args.paths, *(a for a in extra if not a.startswith("-"))]
        extra = [a for a in extra if a.startswith("-")]
    if extra:
        top.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    top = parser()
    args = parse(top, argv)
    _check_report_usage(top, args)
    ws = Workspace.find()
    with handled():
        return _run(args, ws)


def _run(args: argparse.Namespace, ws: Workspace) -> int:
    """Run the command; every failure becomes one line on stderr and an exit code."""
    try:
        return int(args.run(args, ws))
    except Stopped as stop:
        end_children()  # whatever started while unwinding
        gc.collect()  # what the ended kernel's client leaves is collected (and quiet) now
        print(f"communitykit: {stop.message}", file=sys.stderr, flush=True)
        return stop.exit_code
    except ReportFailed as exc:
        print(f"communitykit: report failed: {exc}", file=sys.stderr)
        return 3
    except CommunityKitError as exc:
        print(f"communitykit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("communitykit: interrupted; nothing was replaced", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
