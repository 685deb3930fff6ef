"""Shared fixtures: throwaway workspaces holding a client, its exports and the notebooks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from communitykit.cli import main
from communitykit.paths import Workspace

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# Modules whose tests start a kernel, a browser or JupyterLab, or run long generated
# inputs: marked ``slow`` and left out of the quick loop (scripts/quick.sh).
SLOW_MODULES = frozenset({
    "test_brand", "test_browser", "test_demo", "test_fast_paths", "test_fuzz",
    "test_interrupted", "test_lab", "test_malformed", "test_notebooks", "test_plan", "test_plan_zh",
    "test_run_portfolio", "test_run_kernels", "test_run_notebook", "test_report",
    "test_scale_bench", "test_security", "test_templates",
    "test_run_stops", "test_bombs", "test_text_bounds", "test_zh_page", "test_lab_server",
    "test_plan_history", "test_import_annotations", "test_window_long",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def tiny_notebook(tmp_path: Path, *sources: str) -> Path:
    """A notebook of a parameters cell (``x = 1``) and one code cell per source."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(s) for s in sources)]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


def make_workspace(tmp: Path, client: str, playbook: Path) -> Workspace:
    ws = Workspace(tmp)
    (tmp / "playbooks" / client).mkdir(parents=True)
    shutil.copyfile(playbook, tmp / "playbooks" / client / "playbook.yaml")
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    return ws


@pytest.fixture
def handcalc_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A workspace with the hand-calculation client, exports not yet imported."""
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(tmp_path))
    return make_workspace(tmp_path, "handcalc", FIXTURES / "handcalc" / "playbook.yaml")


@pytest.fixture
def imported_ws(handcalc_ws: Workspace) -> Workspace:
    assert main(["import", "handcalc", str(FIXTURES / "handcalc" / "exports")]) == 0
    return handcalc_ws


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the command line in-process: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A workspace with the demo client's exports generated and imported (no report).

    Shared by the whole session: tests that change files work on ``copy_workspace``.
    """
    from communitykit.demo import generate

    tmp = tmp_path_factory.mktemp("demo-store")
    ws = make_workspace(tmp, "demo", ROOT / "playbooks" / "demo" / "playbook.yaml")
    generate(tmp / "playbooks" / "demo" / "exports")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(tmp))
    try:
        assert main(["import", "demo"]) == 0
    finally:
        mp.undo()
    return ws


def copy_workspace(source: Workspace, target: Path) -> Workspace:
    """A private copy of a workspace (playbooks, notebooks, stores)."""
    shutil.copytree(source.root, target, ignore=shutil.ignore_patterns("reports"))
    return Workspace(target)
