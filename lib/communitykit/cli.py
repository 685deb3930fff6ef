"""The command line: new, validate, import, report, demo.

Exit codes: 0 success, 1 a user mistake (one clear line, no traceback),
2 wrong usage (argparse), 3 an internal failure of the report run.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__, lean_imports  # noqa: F401 (before nbformat loads)
from . import playbook as playbook_mod
from .errors import CommunityKitError, ReportFailed, UserError
from .paths import CLIENT_NAME, Workspace, check_client_name
from .periods import Period

DEMO_PERIOD = "2026-10"
TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")


def _say(text: str) -> None:
    print(text, flush=True)


def cmd_new(args: argparse.Namespace, ws: Workspace) -> int:
    target = ws.playbook_file(args.client)
    if target.exists():
        raise UserError(f"client {args.client!r} already exists", file=target)
    source = _template(ws, args.template)
    playbook_mod.load(source)
    target.parent.mkdir(parents=True)
    shutil.copyfile(source, target)
    (target.parent / "exports").mkdir(exist_ok=True)
    _say(f"created {target} from {source.name}; edit it, then run "
         f"`communitykit validate {args.client}`")
    return 0


def _template(ws: Workspace, name: str) -> Path:
    if not TEMPLATE_NAME.match(name):
        raise UserError(f"template name {name!r} is not allowed: letters, digits, '-' and '_'")
    candidates = [ws.templates / f"{name}.yaml"]
    if CLIENT_NAME.match(name):
        candidates.append(ws.playbook_file(name))
    for path in candidates:
        if path.exists():
            return path
    known = sorted(p.stem for p in ws.templates.glob("*.yaml"))
    raise UserError(f"no template or client named {name!r}; templates: {', '.join(known)}")


def cmd_validate(args: argparse.Namespace, ws: Workspace) -> int:
    path = _playbook_path(ws, args.client)
    pb = playbook_mod.load(path)
    _say(f"{path}: valid ({len(pb.accounts)} accounts, {len(pb.roster)} people, "
         f"{len(pb.rules.categories)} rule categories, {len(pb.goals)} goals)")
    return 0


def _playbook_path(ws: Workspace, client: str) -> Path:
    path = ws.playbook_file(client)
    if not path.exists():
        known = sorted(p.parent.name for p in ws.playbooks.glob("*/playbook.yaml"))
        raise UserError(f"unknown client {client!r} (no {path}); known clients: "
                        f"{', '.join(known) or 'none'}; create one with `communitykit new`")
    return path


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    from .ingest import import_exports
    from .store import Store, client_lock

    pb = playbook_mod.load(_playbook_path(ws, args.client))
    paths = [Path(p) for p in args.paths] or [ws.client_dir(args.client) / pb.exports.path]
    with client_lock(ws.data_dir(args.client), "import"):
        import_exports(Store(ws.store_dir(args.client)), pb, paths, args.format, _say)
    return 0


def cmd_report(args: argparse.Namespace, ws: Workspace) -> int:
    from .render import render_report
    from .review import resolve_period
    from .store import client_lock

    if bool(args.date_from) != bool(args.date_to) or bool(args.period) == bool(args.date_from):
        raise UserError("give either --period or both --from and --to")
    period = resolve_period(args.period, args.date_from, args.date_to)
    pb = playbook_mod.load(_playbook_path(ws, args.client))
    _preflight(ws, args.client, pb, period)
    parameters = {"client": args.client, "period": args.period, "period_from": args.date_from,
                  "period_to": args.date_to, "workspace": str(ws.root)}
    started = time.perf_counter()
    with client_lock(ws.data_dir(args.client), "report"):
        folder, timings = render_report(ws, args.client, period, parameters,
                                        f"{pb.client.name} · community review {period.label}")
    total = time.perf_counter() - started
    _say(f"report: {folder / 'report.html'}")
    _say(f"  {total:.1f} s (notebook {timings.execute:.1f} s, HTML {timings.render:.1f} s)")
    return 0


def _preflight(ws: Workspace, client: str, pb: playbook_mod.Playbook, period: Period) -> None:
    """Fail fast, before a kernel starts, when the store has nothing for the period."""
    from .dataset import require_data
    from .store import Store

    store = Store(ws.store_dir(client))
    if not store.exists():
        raise UserError(f"no data imported for {client!r} yet: run "
                        f"`communitykit import {client}` first")
    start, end = period.utc_bounds(pb.tz)
    require_data(store.load("posts", ["created_at"]), store.load("messages", ["created_at"]),
                 start, end, period.label)


def cmd_demo(args: argparse.Namespace, ws: Workspace) -> int:
    from .demo_exports import generate

    exports = ws.client_dir("demo") / "exports"
    if args.regenerate:  # the demo's exports and store are generated: start both afresh
        shutil.rmtree(exports, ignore_errors=True)
        shutil.rmtree(ws.store_dir("demo"), ignore_errors=True)
    if not exports.exists():
        counts = generate(exports)
        _say(f"demo exports written to {exports} ({counts.get('files', '?')} files)")
    cmd_import(argparse.Namespace(client="demo", paths=[str(exports)], format=None), ws)
    return cmd_report(argparse.Namespace(client="demo", period=args.period, date_from=None,
                                         date_to=None), ws)


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
    p.add_argument("client", type=_client)
    p.add_argument("--period", help="2026-10 (month), 2026-W43 (ISO week) or 2026-Q3 (quarter)")
    p.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (with --to)")
    p.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD (with --from)")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("demo", help="generate the demo client's exports, import and report")
    p.add_argument("--period", default=DEMO_PERIOD, help=f"default {DEMO_PERIOD}")
    p.add_argument("--regenerate", action="store_true",
                   help="write the demo exports again and rebuild its store from them")
    p.set_defaults(run=cmd_demo)
    return top


def _client(value: str) -> str:
    try:
        return check_client_name(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    ws = Workspace.find()
    try:
        return int(args.run(args, ws))
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
