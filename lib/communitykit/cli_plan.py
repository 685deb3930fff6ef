"""The planning commands: ``plan`` (run a planning notebook headless) and ``lab`` (open
JupyterLab on the workspace with the client's planning notebooks)."""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UserError
from .paths import Workspace
from .plan import STEP_NAMES, client_language, notebook_file


def _say(text: str) -> None:
    print(text, flush=True)


def cmd_plan(args: argparse.Namespace, ws: Workspace) -> int:
    from . import playbook as playbook_mod
    from .plan.run import run_step

    if not ws.playbook_file(args.client).exists():
        raise UserError(f"unknown client {args.client!r} (no {ws.playbook_file(args.client)})")
    playbook_mod.load(ws.playbook_file(args.client))  # a broken playbook fails before a kernel
    output = run_step(ws, args.client, args.step, args.answers, save=not args.dry_run)
    if args.answers is None:
        _say(f"{args.step}: no answers given, nothing saved")
    elif args.dry_run:
        _say(f"{args.step}: the answers are valid (dry run, nothing saved)")
    else:
        _say(f"{args.step}: saved into {ws.playbook_file(args.client)}")
    if args.step == "guidelines":
        _say(f"guidelines: {ws.guidelines_dir(args.client)}")
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
    """The client's own copies of the planning notebooks, parameterised with its name, in
    its playbook's language (``notebooks/plan/zh/`` for a Chinese playbook).

    They live in ``data/<client>/lab/`` (never committed); an existing copy is kept, so
    a strategist's edits survive the next ``communitykit lab``.
    """
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    folder = ws.lab_dir(client)
    folder.mkdir(parents=True, exist_ok=True)
    language = client_language(ws, client)
    paths = []
    for step in STEP_NAMES:
        source = notebook_file(ws, step, language)
        target = folder / f"{step}.ipynb"
        if not target.exists() and source.exists():
            nb = load_notebook_node(str(source))  # papermill's reader: every cell has tags
            nb = parameterize_notebook(nb, {"client": client, "workspace": str(ws.root)})
            nbformat.write(nb, str(target))
        if target.exists():
            paths.append(target)
    return paths


def lab_command(ws: Workspace, client: str | None, port: int, browser: bool,
                token: str) -> tuple[list[str], str]:
    """The ``jupyter lab`` command line and the URL to open (with the token)."""
    opened = lab_notebooks(ws, client) if client else []
    relative = [p.relative_to(ws.root).as_posix() for p in opened]
    argv = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={ws.root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=" + ("True" if browser else "False"),
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        *relative,
    ]
    path = f"lab/tree/{relative[0]}" if relative else "lab"
    return argv, f"http://127.0.0.1:{port}/{path}?token={token}"


def cmd_lab(args: argparse.Namespace, ws: Workspace,
            run: Callable[..., Any] = subprocess.run) -> int:
    if args.client and not ws.playbook_file(args.client).exists():
        raise UserError(f"unknown client {args.client!r} (no {ws.playbook_file(args.client)})")
    browser = (not headless()) if args.browser is None else bool(args.browser)
    port = args.port or free_port()
    token = secrets.token_hex(24)
    argv, url = lab_command(ws, args.client, port, browser, token)
    _say(f"JupyterLab on {ws.root}")
    if args.client:
        _say(f"planning notebooks of {args.client}: {ws.lab_dir(args.client)}")
    _say(f"open: {url}")
    _say("stop with Ctrl-C (JupyterLab and its kernels end with it)")
    completed = run(argv, cwd=str(ws.root), check=False)
    return int(getattr(completed, "returncode", 0) or 0)


def register(sub: argparse._SubParsersAction, client_type: Callable[[str], str]) -> None:
    """Add ``plan`` and ``lab`` to the command line."""
    p = sub.add_parser("plan", help="run a planning notebook and save the answers")
    p.add_argument("client", type=client_type)
    p.add_argument("step", choices=STEP_NAMES)
    p.add_argument("--answers", help="YAML file of answers (see docs/planning.md); "
                                     "without it the notebook only shows the history")
    p.add_argument("--dry-run", action="store_true",
                   help="check the answers, do not write the playbook")
    p.set_defaults(run=cmd_plan)

    p = sub.add_parser("lab", help="open JupyterLab on the workspace (planning notebooks)")
    p.add_argument("client", nargs="?", type=client_type,
                   help="open this client's planning notebooks")
    p.add_argument("--port", type=int, default=None, help="default: a free port")
    p.add_argument("--browser", action=argparse.BooleanOptionalAction, default=None,
                   help="open a browser (default: only when a display is available)")
    p.set_defaults(run=cmd_lab)
