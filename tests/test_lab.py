"""``communitykit lab``: JupyterLab on the workspace, serving the client's planning
notebooks; one of them runs through the server's own kernel."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import papermill
import websocket

from communitykit.cli_plan import free_port, lab_command, lab_notebooks
from communitykit.paths import Workspace
from communitykit.plan import STEP_NAMES
from conftest import copy_workspace

TOKEN = "test-" + uuid.uuid4().hex


def test_lab_command_line(demo_store: Workspace, tmp_path: Path) -> None:
    ws = copy_workspace(demo_store, tmp_path / "ws")
    argv, url = lab_command(ws, "demo", 8899, browser=False, token="abc")
    assert argv[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ws.root}" in argv
    assert {"--ServerApp.ip=127.0.0.1", "--ServerApp.port=8899",
            "--IdentityProvider.token=abc", "--ServerApp.open_browser=False"} <= set(argv)
    assert argv[-4:] == [f"data/demo/lab/{s}.ipynb" for s in STEP_NAMES]
    assert url == "http://127.0.0.1:8899/lab/tree/data/demo/lab/guidelines.ipynb?token=abc"
    # the client's copies carry its name; a strategist's edits are kept on the next run
    copy = ws.data_dir("demo") / "lab" / "goals.ipynb"
    injected = [c for c in json.loads(copy.read_text())["cells"]
                if "injected-parameters" in c["metadata"].get("tags", [])]
    assert 'client = "demo"' in "".join(injected[0]["source"])
    copy.write_text(copy.read_text().replace("baseline_period = None", "baseline_period = 1"))
    lab_notebooks(ws, "demo")
    assert "baseline_period = 1" in copy.read_text()


def _get(port: int, path: str, method: str = "GET", body: dict[str, Any] | None = None,
         ) -> Any:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        text = response.read()
    return json.loads(text) if text else None


def _wait_ready(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "jupyter lab exited during start-up"
        try:
            _get(port, "/api/status")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise AssertionError("jupyter lab did not start")


def _execute(channel: websocket.WebSocket, session: str, code: str) -> list[dict[str, Any]]:
    """Run ``code`` on the kernel; return the iopub messages it caused (until idle)."""
    msg_id = uuid.uuid4().hex
    channel.send(json.dumps({
        "header": {"msg_id": msg_id, "session": session, "username": "test",
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    outputs: list[dict[str, Any]] = []
    reply: dict[str, Any] | None = None
    idle = False
    while reply is None or not idle:
        message = json.loads(channel.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
            reply = message["content"]
        elif message["channel"] == "iopub":
            if message["msg_type"] == "status":
                idle = message["content"]["execution_state"] == "idle"
            else:
                outputs.append(message)
    assert reply["status"] == "ok", (code, reply, outputs)
    return outputs


def test_jupyterlab_serves_and_runs_a_planning_notebook(demo_store: Workspace,
                                                        tmp_path: Path) -> None:
    ws = copy_workspace(demo_store, tmp_path / "ws")
    port = free_port()
    argv, url = lab_command(ws, "demo", port, browser=False, token=TOKEN)
    assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/data/demo/lab/")
    log = (tmp_path / "lab.log").open("wb")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen(argv, cwd=ws.root, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_ready(port, server)
        listing = _get(port, "/api/contents/data/demo/lab")
        assert sorted(item["name"] for item in listing["content"]) == sorted(
            f"{s}.ipynb" for s in STEP_NAMES)
        assert _get(port, "/api/contents/notebooks/plan")["type"] == "directory"
        nb = _get(port, "/api/contents/data/demo/lab/guidelines.ipynb")["content"]
        code_cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        assert any('client = "demo"' in c for c in code_cells)

        kernel = _get(port, "/api/kernels", "POST", {"name": "python3"})
        channel = websocket.create_connection(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels",
            header=[f"Authorization: token {TOKEN}"], timeout=120)
        session = uuid.uuid4().hex
        shown = []
        try:
            for code in code_cells:
                for message in _execute(channel, session, code):
                    shown.append(json.dumps(message["content"]))
        finally:
            channel.close()
        text = "\n".join(shown)
        assert "What the rules would have flagged" in text
        assert "No answers given: nothing to save" in text
        assert "Public guidelines" in text
        assert (ws.root / "guidelines" / "demo" / "pinned.md").exists()
        _get(port, f"/api/kernels/{kernel['id']}", "DELETE")
        _get(port, "/api/shutdown", "POST")
        server.wait(timeout=30)
        assert server.returncode is not None
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
        log.close()


def test_lab_copies_are_parameterised(demo_store: Workspace, tmp_path: Path) -> None:
    ws = copy_workspace(demo_store, tmp_path / "ws")
    for path in lab_notebooks(ws, "demo"):
        params = papermill.inspect_notebook(str(path))
        assert {"client", "answers", "save"} <= set(params)


def test_lab_and_plan_commands(demo_store: Workspace, tmp_path: Path, cli: Any,
                               monkeypatch: Any) -> None:
    import argparse

    from communitykit.cli_plan import cmd_lab

    for command in ("plan", "lab"):
        code, out, _ = cli(command, "--help")
        assert code == 0 and f"usage: communitykit {command}" in out
    code, _, err = cli("plan", "demo", "strategy")
    assert code == 2 and "invalid choice: 'strategy'" in err

    ws = copy_workspace(demo_store, tmp_path / "ws")
    calls: list[list[str]] = []

    def fake_run(argv: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(argv)
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    args = argparse.Namespace(client="demo", port=8765, browser=None)
    assert cmd_lab(args, ws, run=fake_run) == 0
    assert "--ServerApp.open_browser=False" in calls[0]  # headless: no browser
    assert "--ServerApp.port=8765" in calls[0]
