"""A real ``communitykit lab acme``, driven as a strategist's browser would through
JupyterLab's REST and kernel APIs: the file browser holds acme's planning copies and
nothing of the kit, the copy's parameters cell names acme, no notebook is reported
untrusted on a machine with empty Jupyter folders, the goals notebook run through the
server's kernel with pasted answers saves them into acme's playbook, and SIGTERM ends the
lab, its server and its kernel, and frees the port."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest
import websocket

from communitykit import playbook as playbook_mod
from communitykit.cli_plan import free_port
from communitykit.paths import Workspace
from conftest import FIXTURES
from test_lab import with_client

STEPS = ["cadence.ipynb", "goals.ipynb", "guidelines.ipynb", "review.ipynb", "voices.ipynb"]
ANSWERS = (FIXTURES / "plan" / "goals.yaml").read_text(encoding="utf-8")


@dataclass
class Lab:
    ws: Workspace
    process: subprocess.Popen[bytes]
    port: int
    token: str
    log: Path

    def call(self, path: str, method: str = "GET", body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            text = response.read()
        return json.loads(text) if text else None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def lab(demo_store: Workspace, tmp_path: Path) -> Iterator[Lab]:
    """``communitykit lab acme`` in its own session, on a machine whose Jupyter folders are
    empty; whatever it left is killed on leaving (a failed test leaves no server)."""
    ws = with_client(demo_store, tmp_path / "ws")
    port = free_port()
    env = {**os.environ, "COMMUNITYKIT_HOME": str(ws.root),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config")}
    log = tmp_path / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "communitykit.cli", "lab", "acme", "--no-browser",
             "--port", str(port)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        yield Lab(ws, process, port, _token(log, process), log)
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            for left in psutil.Process(process.pid).children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    left.kill()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _token(log: Path, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("open: "):
                return line.rsplit("token=", 1)[1].strip()
        time.sleep(0.1)
    raise AssertionError("no URL printed")


def _wait_ready(lab: Lab) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert lab.process.poll() is None, lab.output()
        try:
            lab.call("/api/status")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("JupyterLab did not start: " + lab.output())


def _execute(channel: websocket.WebSocket, session: str, code: str) -> list[dict[str, Any]]:
    """Run ``code`` on the kernel; the iopub messages it caused (until idle)."""
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


def _as_strategist(cells: list[dict[str, Any]]) -> list[str]:
    """The goals copy's code as a strategist runs it the second time: the answers pasted
    into the answers cell as YAML text, and save = True in the parameters cell."""
    code = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source, tags = "".join(cell["source"]), cell["metadata"].get("tags", [])
        if "parameters" in tags:
            assert "\nsave = False " in source
            source = source.replace("\nsave = False ", "\nsave = True  ")
        elif "answers" in tags:
            assert "\nmy_answers = None\n" in source
            source = source.replace("\nmy_answers = None\n",
                                    f'\nmy_answers = r"""\n{ANSWERS}"""\n')
        code.append(source)
    return code


def test_the_lab_serves_the_planning_copies_saves_answers_and_stops(lab: Lab) -> None:
    _wait_ready(lab)
    # the file browser: acme's copies, nothing of the workspace around them
    root = lab.call("/api/contents")
    assert sorted(item["name"] for item in root["content"]) == STEPS
    for outside in ("lib", "tests", "playbooks", "../../../playbooks"):
        with pytest.raises(urllib.error.HTTPError):
            lab.call(f"/api/contents/{outside}")
    # the parameters cell itself names acme; opening every copy trusts it
    notebooks = {name: lab.call(f"/api/contents/{name}")["content"] for name in STEPS}
    cells = notebooks["goals.ipynb"]["cells"]
    parameters = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert "".join(parameters[0]["source"]).startswith(
        'client = "acme"       # the client\'s folder name under playbooks/')
    assert not any("injected-parameters" in c["metadata"].get("tags", []) for c in cells)
    assert "Jupyter Server" in lab.output() and "is running at" in lab.output()
    assert "not trusted" not in lab.output()

    # the goals copy, run through a kernel of the server as the browser does
    playbook = lab.ws.playbook_file("acme")
    demo_before = lab.ws.playbook_file("demo").read_bytes()
    session = lab.call("/api/sessions", "POST", {
        "path": "goals.ipynb", "type": "notebook", "name": "goals.ipynb",
        "kernel": {"name": "python3"}})
    channel = websocket.create_connection(
        f"ws://127.0.0.1:{lab.port}/api/kernels/{session['kernel']['id']}/channels",
        header=[f"Authorization: token {lab.token}"], timeout=60)
    shown = []
    try:
        for code in _as_strategist(cells):
            shown += [json.dumps(m["content"]) for m in _execute(channel, session["id"], code)]
    finally:
        channel.close()
    assert "Saved into" in "\n".join(shown)
    pb = playbook_mod.load(playbook)
    assert [(g.id, g.metric, g.direction, g.target, str(g.deadline)) for g in pb.goals] == [
        ("answer-more", "response_rate", "at_least", 0.85, "2027-03-31"),
        ("faster-answers", "first_response_business_median_hours", "at_most", 0.4,
         "2027-03-31")]
    assert (pb.revisions[-1].step, pb.revisions[-1].note) == ("goals", "Goals for the winter")
    assert lab.ws.playbook_file("demo").read_bytes() == demo_before  # acme's, not demo's

    # SIGTERM: the lab ends with 143, its server and kernel with it, the port is free
    below = psutil.Process(lab.process.pid).children(recursive=True)
    assert any("jupyterlab" in " ".join(p.cmdline()) for p in below)
    assert any("ipykernel_launcher" in " ".join(p.cmdline()) for p in below)
    sent = time.monotonic()
    lab.process.send_signal(signal.SIGTERM)
    assert lab.process.wait(timeout=15) == 143
    assert time.monotonic() - sent < 10
    assert lab.output().rstrip().splitlines()[-1].startswith(
        "communitykit: stopped by SIGTERM; its kernels and workers were ended")
    gone, alive = psutil.wait_procs(below, timeout=5)
    assert [p for p in alive if p.status() != psutil.STATUS_ZOMBIE] == []
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", lab.port)) != 0  # nobody listens
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", lab.port))  # and it can be had again
