"""``communitykit lab``: the client's planning copies (its name in the parameters cell, trusted
on this machine), the command line that serves only them, and a stop that ends the server.
A real server is driven in ``test_lab_server.py``."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
import papermill
import psutil
import pytest
from nbformat.sign import NotebookNotary
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from communitykit.cli_plan import (
    assigned,
    cmd_lab,
    lab_command,
    lab_notebooks,
    notary_dir,
    run_lab,
    set_parameters,
)
from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.plan import NOTEBOOK_NAMES, STEP_NAMES
from conftest import ROOT, copy_workspace

PARAMETERS = (  # the goals notebook's parameters cell, as committed
    'client = "demo"       # the client\'s folder name under playbooks/\n'
    'workspace = None      # the workspace folder; None: found from the current folder\n'
    'answers = None        # path of an answers file (YAML); a headless run passes it\n'
    'save = False          # True writes the answers into the playbook (with a revision entry)\n'
    'today = None          # date of the revision entry, YYYY-MM-DD; None: today\n'
    'baseline_period = None  # e.g. "2026-09" or "2026-Q3"; None: last complete month')


def with_client(source: Workspace, target: Path, client: str = "acme") -> Workspace:
    """A copy of ``source`` where the demo's playbook and store also belong to ``client``."""
    ws = copy_workspace(source, target)
    shutil.copytree(ws.client_dir("demo"), ws.client_dir(client))
    shutil.copytree(ws.store_dir("demo"), ws.store_dir(client))
    return ws


def parameters_cell(path: Path) -> str:
    cells = nbformat.read(path, as_version=4).cells
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    return str(tagged[0].source)


def test_values_go_into_the_parameters_cell_keeping_its_comments() -> None:
    source = assigned(PARAMETERS, {"client": "acme", "workspace": "/srv/team ws"})
    lines = source.split("\n")
    assert lines[0] == 'client = "acme"       # the client\'s folder name under playbooks/'
    # a longer value pushes the comment right, two spaces after it
    assert lines[1] == ('workspace = "/srv/team ws"  # the workspace folder; None: found from '
                        'the current folder')
    assert lines[2:] == PARAMETERS.split("\n")[2:]
    # a name the cell lacks is added; text with quotes and non-ASCII stays a valid literal
    added = assigned('client = None  # who\n', {"client": 'a"b', "workspace": "D:\\客户"})
    assert added == 'client = "a\\"b"  # who\n\nworkspace = "D:\\\\客户"'
    namespace: dict[str, Any] = {}
    exec(added, namespace)  # noqa: S102 (the test's own text)
    assert (namespace["client"], namespace["workspace"]) == ('a"b', "D:\\客户")
    # a cell the strategist broke is left for the notebook to show
    assert assigned("client = (", {"client": "acme"}) == "client = ("


def test_a_copy_made_before_loses_its_injected_cell(tmp_path: Path) -> None:
    committed = nbformat.read(ROOT / "notebooks" / "plan" / "goals.ipynb", as_version=4)
    old = parameterize_notebook(load_notebook_node(str(ROOT / "notebooks" / "plan" /
                                                       "goals.ipynb")),
                                {"client": "acme", "workspace": "/old"})  # as made before
    assert len(old.cells) == len(committed.cells) + 1
    assert set_parameters(old, {"client": "acme", "workspace": str(tmp_path)})
    assert [c.source for c in old.cells][2:] == [c.source for c in committed.cells][2:]
    assert old.cells[1].source == assigned(PARAMETERS, {"client": "acme",
                                                        "workspace": str(tmp_path)})
    assert not set_parameters(old, {"client": "acme", "workspace": str(tmp_path)})


def test_the_lab_copies_name_the_client_and_are_trusted(demo_store: Workspace,
                                                        tmp_path: Path) -> None:
    ws = with_client(demo_store, tmp_path / "ws")
    (tmp_path / "fresh").mkdir()  # a machine's own Jupyter data folder, as on a new machine
    paths = lab_notebooks(ws, "acme")
    assert paths == [ws.root / "data" / "acme" / "lab" / f"{s}.ipynb" for s in NOTEBOOK_NAMES]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        assert not [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        cell = parameters_cell(path)
        assert cell.startswith('client = "acme"       # the client\'s folder name')
        assert f'workspace = "{ws.root}"' in cell
        params = papermill.inspect_notebook(str(path))
        assert {"client", "answers" if path.stem in STEP_NAMES else "period",
                "save"} <= set(params)
        assert params["client"]["default"] == '"acme"'
        # signed in the workspace's own database; a machine's default one knows nothing
        assert NotebookNotary(data_dir=str(notary_dir(ws))).check_signature(nb), path
        assert not NotebookNotary(data_dir=str(tmp_path / "fresh")).check_signature(nb)
    assert notary_dir(ws) == ws.root / "data" / "jupyter"
    assert (notary_dir(ws) / "notebook_secret").stat().st_mode & 0o077 == 0


def test_a_strategists_edits_survive_and_a_moved_workspace_is_followed(
        demo_store: Workspace, tmp_path: Path) -> None:
    ws = with_client(demo_store, tmp_path / "ws")
    copy = lab_notebooks(ws, "acme")[1]
    assert copy.name == "goals.ipynb"
    copy.write_text(copy.read_text().replace("baseline_period = None", "baseline_period = 1"))
    before = copy.read_bytes()
    lab_notebooks(ws, "acme")
    assert copy.read_bytes() == before  # unchanged: not even rewritten
    moved = copy_workspace(ws, tmp_path / "moved")
    lab_notebooks(moved, "acme")
    cell = parameters_cell(moved.lab_dir("acme") / "goals.ipynb")
    assert f'workspace = "{moved.root}"' in cell and "baseline_period = 1" in cell
    assert NotebookNotary(data_dir=str(notary_dir(moved))).check_signature(
        nbformat.read(moved.lab_dir("acme") / "goals.ipynb", as_version=4))


def test_a_broken_copy_says_how_to_start_afresh(demo_store: Workspace, tmp_path: Path) -> None:
    ws = with_client(demo_store, tmp_path / "ws")
    copy = lab_notebooks(ws, "acme")[2]
    copy.write_text('{"cells": [', encoding="utf-8")  # cut off by a full disk
    with pytest.raises(UserError) as caught:
        lab_notebooks(ws, "acme")
    assert str(caught.value).startswith(f"{copy}: this copy is not a notebook JupyterLab can "
                                        "open (")
    assert str(caught.value).endswith("); delete it and run `communitykit lab acme` again for "
                                      "a fresh copy")
    copy.unlink()
    assert lab_notebooks(ws, "acme")[2] == copy and parameters_cell(copy).startswith(
        'client = "acme"')


def test_lab_command_line_serves_the_planning_copies(demo_store: Workspace,
                                                     tmp_path: Path) -> None:
    ws = with_client(demo_store, tmp_path / "ws")
    argv, url = lab_command(ws, "acme", 8899, browser=False, token="abc")
    assert argv[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ws.root / 'data' / 'acme' / 'lab'}" in argv
    assert {"--ServerApp.ip=127.0.0.1", "--ServerApp.port=8899",
            "--IdentityProvider.token=abc", "--ServerApp.open_browser=False",
            f"--NotebookNotary.data_dir={ws.root / 'data' / 'jupyter'}"} <= set(argv)
    assert argv[-5:] == [f"{s}.ipynb" for s in NOTEBOOK_NAMES]
    assert url == "http://127.0.0.1:8899/lab/tree/guidelines.ipynb?token=abc"
    # without a client: the whole workspace, nothing opened
    argv, url = lab_command(ws, None, 8899, browser=True, token="abc")
    assert f"--ServerApp.root_dir={ws.root}" in argv and argv[-1].startswith("--")
    assert url == "http://127.0.0.1:8899/lab?token=abc"


def test_lab_and_plan_commands(demo_store: Workspace, tmp_path: Path, cli: Any,
                               monkeypatch: Any, capsys: Any) -> None:
    for command in ("plan", "lab"):
        code, out, _ = cli(command, "--help")
        assert code == 0 and f"usage: communitykit {command}" in out
    code, _, err = cli("plan", "demo", "strategy")
    assert code == 2 and "invalid choice: 'strategy'" in err

    ws = with_client(demo_store, tmp_path / "ws")
    calls: list[tuple[list[str], Path]] = []

    def fake_run(argv: list[str], cwd: Path) -> int:
        calls.append((argv, cwd))
        return 0

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    args = argparse.Namespace(client="acme", port=8765, browser=None)
    assert cmd_lab(args, ws, run=fake_run) == 0
    argv, cwd = calls[0]
    assert "--ServerApp.open_browser=False" in argv  # headless: no browser
    assert "--ServerApp.port=8765" in argv
    assert cwd == ws.lab_dir("acme")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"JupyterLab on the planning notebooks of acme: {ws.lab_dir('acme')}"
    assert out[1] == (f"saved answers go into {ws.playbook_file('acme')}; the guidelines "
                      f"into {ws.guidelines_dir('acme')}")
    assert out[2].startswith("open: http://127.0.0.1:8765/lab/tree/guidelines.ipynb?token=")


def test_an_interrupted_lab_ends_its_server_and_what_it_started(tmp_path: Path) -> None:
    """Ctrl-C while waiting (a KeyboardInterrupt, no handler of the kit's) ends the server
    and the process it started (a kernel stands in), within the grace, and goes on."""
    marker = tmp_path / "grandchild"
    server = ("import pathlib, subprocess, sys, time\n"
              "kernel = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
              f"pathlib.Path({str(marker)!r}).write_text(str(kernel.pid))\n"
              "time.sleep(60)\n")

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    started = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.5)
        with pytest.raises(KeyboardInterrupt):
            run_lab([sys.executable, "-c", server], tmp_path)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    took = time.monotonic() - started
    assert 1.5 <= took < 3, took  # the sleeping processes end at SIGTERM, no waiting
    kernel = int(marker.read_text())
    deadline = time.monotonic() + 5
    while psutil.pid_exists(kernel) and time.monotonic() < deadline:
        with contextlib.suppress(psutil.NoSuchProcess):
            if psutil.Process(kernel).status() == psutil.STATUS_ZOMBIE:
                break
        time.sleep(0.05)
    running = psutil.pid_exists(kernel) and psutil.Process(kernel).status() != "zombie"
    assert not running
