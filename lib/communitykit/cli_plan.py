"""The planning commands: ``plan`` (run a planning notebook headless) and ``lab`` (open
JupyterLab on the workspace with the client's planning notebooks)."""

from __future__ import annotations

import argparse
import ast
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UserError
from .paths import Workspace
from .plan import NOTEBOOK_NAMES, REVIEW_STEP, client_language, notebook_file
from .run.stops import GRACE, descendants, is_alive, send_signal


def _say(text: str) -> None:
    print(text, flush=True)


def cmd_plan(args: argparse.Namespace, ws: Workspace) -> int:
    from .plan.run import drop_warnings, run_step

    client = ws.client(args.client)
    _ = client.playbook  # a broken playbook fails before a kernel
    if args.step == REVIEW_STEP:
        return _plan_review(args, ws)
    warnings = (drop_warnings(ws, args.client, args.step, args.answers)
                if args.answers is not None else [])
    output = run_step(ws, args.client, args.step, args.answers, save=not args.dry_run,
                      period=args.period)
    for line in warnings:  # what the answers dropped from a list, unless `replace:` says so
        _say(f"warning: {line}")
    if args.answers is None:
        _say(f"{args.step}: no answers given, nothing saved")
    elif args.dry_run:
        _say(f"{args.step}: the answers are valid (dry run, nothing saved)")
    else:
        _say(f"{args.step}: saved into {client.playbook_file}")
    if args.step == "guidelines":
        _say(f"guidelines: {client.guidelines_dir}")
    _say(f"executed notebook: {output}")
    return 0


def _plan_review(args: argparse.Namespace, ws: Workspace) -> int:
    """The review step headless: the draft review file of ``--period`` (default: the latest
    rendered report), never over an existing one (``plan.review_step``)."""
    from .plan.review_step import period_label, ran, review_period
    from .plan.run import run_step
    from .report.review_notes import review_file

    client = ws.client(args.client)
    label = period_label(client, args.period)
    review_period(label)  # not a period: refused before a kernel starts
    before = review_file(client.folder, label)
    output = run_step(ws, args.client, REVIEW_STEP, args.answers, save=not args.dry_run,
                      period=label)
    for line in ran(client, label, before, save=not args.dry_run):
        _say(line)
    _say(f"executed notebook: {output}")
    return 0


# ---- lab ----------------------------------------------------------------------------------
def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def headless() -> bool:
    """No display to open a browser on (Linux without X or Wayland, or over SSH)."""
    if sys.platform in ("darwin", "win32"):
        return bool(os.environ.get("SSH_CONNECTION"))
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def lab_notebooks(ws: Workspace, client: str) -> list[Path]:
    """The client's own copies of the planning notebooks, in its playbook's language
    (``notebooks/plan/zh/`` for a Chinese playbook), trusted on this machine.

    They live in ``data/<client>/lab/`` (never committed). The parameters cell itself names
    the client and the workspace (its comments kept; no second, injected cell). An existing
    copy is kept, so a strategist's edits survive the next ``communitykit lab``; only its
    ``client`` and ``workspace`` are brought up to date (a copied or moved workspace).
    """
    import nbformat

    folder = ws.lab_dir(client)
    folder.mkdir(parents=True, exist_ok=True)
    language = client_language(ws, client)
    values = {"client": client, "workspace": str(ws.root)}
    notary = lab_notary(ws)
    paths = []
    for step in NOTEBOOK_NAMES:
        source = notebook_file(ws, step, language)
        target = folder / f"{step}.ipynb"
        if not (target.exists() or source.exists()):
            continue
        nb = _read_copy(ws, client, target) if target.exists() else nbformat.read(
            str(source), as_version=4)
        if set_parameters(nb, values) or not target.exists():
            nbformat.write(nb, str(target))
            notary.sign(nbformat.read(str(target), as_version=4))  # as the server reads it
        paths.append(target)
    return paths


def _read_copy(ws: Workspace, client: str, path: Path) -> Any:
    """A lab copy as nbformat reads it; one that cannot be read says how to start afresh."""
    import nbformat

    from .i18n import tr, use_language

    try:
        return nbformat.read(str(path), as_version=4)
    except (ValueError, UnicodeDecodeError) as exc:  # NotJSONError is a ValueError
        with use_language(client_language(ws, client)):
            raise UserError(tr("this copy is not a notebook JupyterLab can open ({problem}); "
                               "delete it and run `communitykit lab {client}` again for a "
                               "fresh copy", problem=str(exc).splitlines()[0][:200],
                               client=client), file=path) from None


def set_parameters(nb: Any, values: dict[str, str]) -> bool:
    """Write ``values`` into the notebook's parameters cell, in place; drop the cell papermill
    injected below it in copies made before. True when the notebook changed."""
    import nbformat

    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    nb.cells = [c for c in nb.cells if c not in injected]
    cell = next((c for c in nb.cells if "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:  # a strategist removed it from the copy: a new one on top
        cell = nbformat.v4.new_code_cell("", metadata={"tags": ["parameters"]})
        nb.cells.insert(0, cell)
    source = assigned(cell.source, values)
    changed = bool(injected) or source != cell.source
    cell.source = source
    return changed


def assigned(source: str, values: dict[str, str]) -> str:
    """``source`` (a parameters cell) with each ``name = value`` line of ``values`` given
    the new value as a Python literal; the comment after it keeps its column when it can.
    A name the cell does not assign is added at its end."""
    try:
        body = ast.parse(source).body
    except SyntaxError:  # the strategist's own edit: the notebook shows where it is wrong
        return source
    lines = source.split("\n") if source else []
    done = set()
    for node in body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if name in values and node.lineno == node.end_lineno:
            row = node.lineno - 1
            lines[row] = _with_value(lines[row], node.value, _literal(values[name]))
            done.add(name)
    lines += [f"{name} = {_literal(value)}" for name, value in values.items()
              if name not in done]
    return "\n".join(lines)


def _literal(value: str) -> str:
    """A string as a Python literal in double quotes (JSON's escapes are Python's too)."""
    return json.dumps(value, ensure_ascii=False)


def _with_value(line: str, value: ast.expr, literal: str) -> str:
    """``line`` with the expression ``value`` replaced by ``literal`` (offsets in bytes)."""
    raw = line.encode()
    head = raw[:value.col_offset].decode()
    tail = raw[value.end_col_offset or len(raw):].decode()
    comment = tail.lstrip()
    if not comment.startswith("#"):
        return head + literal + tail
    column = len(line) - len(comment)
    gap = max(2, column - len(head) - len(literal))
    return head + literal + " " * gap + comment


def notary_dir(ws: Workspace) -> Path:
    """Where the lab keeps the signatures of the notebooks it trusts and their secret key:
    the workspace's ``data/jupyter/`` (never committed), so a fresh machine needs nothing
    in the user's own Jupyter folders."""
    return ws.root / "data" / "jupyter"


def lab_notary(ws: Workspace) -> Any:
    """nbformat's notary on the workspace's own signature database."""
    from nbformat.sign import NotebookNotary

    folder = notary_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    return NotebookNotary(data_dir=str(folder))


def lab_root(ws: Workspace, client: str | None) -> Path:
    """The folder the file browser shows: the client's planning copies (not the kit's code,
    tests or stores), or the whole workspace without a client."""
    return ws.lab_dir(client) if client else ws.root


def lab_command(ws: Workspace, client: str | None, port: int, browser: bool,
                token: str) -> tuple[list[str], str]:
    """The ``jupyter lab`` command line and the URL to open (with the token)."""
    opened = lab_notebooks(ws, client) if client else []
    root = lab_root(ws, client)
    relative = [p.relative_to(root).as_posix() for p in opened]
    argv = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=" + ("True" if browser else "False"),
        f"--NotebookNotary.data_dir={notary_dir(ws)}",
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        *relative,
    ]
    path = f"lab/tree/{relative[0]}" if relative else "lab"
    return argv, f"http://127.0.0.1:{port}/{path}?token={token}"


def run_lab(argv: list[str], cwd: Path) -> int:
    """Run JupyterLab until it ends; a stop (Ctrl-C, SIGTERM) ends it and its kernels first.

    Inside the command line, ``run.stops.handled()`` has ended them already when ``Stopped``
    arrives here (then exit 130 or 143); ``stop_lab`` makes sure, and covers a plain
    KeyboardInterrupt. Standard input is closed: JupyterLab never waits for a "y"."""
    process = subprocess.Popen(argv, cwd=str(cwd), stdin=subprocess.DEVNULL)
    try:
        return process.wait()
    except BaseException:
        stop_lab(process)
        raise


def stop_lab(process: subprocess.Popen[bytes], grace: float = GRACE) -> None:
    """End JupyterLab and every kernel below it (only those): SIGTERM to each, SIGKILL to
    what is left after ``grace`` seconds."""
    pids = [process.pid, *descendants(process.pid)] if process.poll() is None else []
    for pid in pids:
        send_signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and (process.poll() is None or any(map(is_alive, pids))):
        time.sleep(0.05)
    if process.poll() is None:
        process.kill()
    for pid in pids[1:]:
        if is_alive(pid):
            send_signal(pid, signal.SIGKILL)
    process.wait()


def cmd_lab(args: argparse.Namespace, ws: Workspace,
            run: Callable[[list[str], Path], int] = run_lab) -> int:
    from .i18n import tr, use_language

    client = ws.client(args.client) if args.client else None
    browser = (not headless()) if args.browser is None else bool(args.browser)
    port = args.port or free_port()
    token = secrets.token_hex(24)
    argv, url = lab_command(ws, args.client, port, browser, token)
    language = client_language(ws, args.client) if args.client else "en"
    with use_language(language):
        if client is not None:
            _say(tr("JupyterLab on the planning notebooks of {client}: {folder}",
                    client=client.name, folder=client.lab_dir))
            _say(tr("saved answers go into {playbook}; the guidelines into {guidelines}",
                    playbook=client.playbook_file, guidelines=client.guidelines_dir))
        else:
            _say(tr("JupyterLab on {root}", root=ws.root))
        _say(f"open: {url}")
        _say(tr("stop with Ctrl-C (JupyterLab and its kernels end with it)"))
    return run(argv, lab_root(ws, args.client))


def register(sub: argparse._SubParsersAction, client_type: Callable[[str], str]) -> None:
    """Add ``plan`` and ``lab`` to the command line."""
    p = sub.add_parser("plan", help="run a planning notebook and save the answers")
    p.add_argument("client", type=client_type)
    p.add_argument("step", choices=NOTEBOOK_NAMES)
    p.add_argument("--answers", help="YAML file of answers (see docs/planning.md); "
                                     "without it the notebook only shows the history")
    p.add_argument("--period", help="the review step's period: 2026-10, 2026-W43, 2026-Q3, "
                                    "last-month...; default: the latest rendered report")
    p.add_argument("--dry-run", action="store_true",
                   help="check the answers, do not write the playbook (review: show the "
                        "draft, do not write it)")
    p.set_defaults(run=cmd_plan)

    p = sub.add_parser("lab", help="open JupyterLab on the workspace (planning notebooks)")
    p.add_argument("client", nargs="?", type=client_type,
                   help="open this client's planning notebooks")
    p.add_argument("--port", type=int, default=None, help="default: a free port")
    p.add_argument("--browser", action=argparse.BooleanOptionalAction, default=None,
                   help="open a browser (default: only when a display is available)")
    p.set_defaults(run=cmd_lab)
