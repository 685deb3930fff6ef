"""Build a workspace of rendered reports once per test module (demo in English and Chinese)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from communitykit.cli import main
from communitykit.demo import generate
from communitykit.paths import Workspace

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2026-10"


def add_client(ws: Workspace, client: str, language: str = "en") -> Path:
    """A copy of the demo playbook as ``client``, in ``language``."""
    folder = ws.playbooks / client
    folder.mkdir(parents=True)
    text = (ROOT / "playbooks" / "demo" / "playbook.yaml").read_text(encoding="utf-8")
    if language != "en":
        text = text.replace("  language: en ", f"  language: {language} ", 1)
        assert f"language: {language}" in text
    (folder / "playbook.yaml").write_text(text, encoding="utf-8")
    return folder


def demo_workspace(tmp: Path, clients: dict[str, str], broken: tuple[str, ...] = ()) -> Workspace:
    """Clients with the demo's exports imported (``broken`` ones get no data)."""
    ws = Workspace(tmp)
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    exports = tmp / "demo-exports"
    generate(exports)
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(tmp))
    try:
        for client, language in clients.items():
            add_client(ws, client, language)
            assert main(["import", client, str(exports)]) == 0
        for client in broken:
            add_client(ws, client)
    finally:
        mp.undo()
    return ws


def run_cli(ws: Workspace, *argv: str) -> int:
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    try:
        return main(list(argv))
    finally:
        mp.undo()
