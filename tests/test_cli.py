"""The command line: exit codes and one clear line for every user mistake."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communitykit.paths import Workspace


def test_unknown_client(handcalc_ws: Workspace, cli) -> None:
    code, _, err = cli("validate", "nobody")
    assert code == 1
    assert err.strip().count("\n") == 0 and "unknown client 'nobody'" in err
    assert "handcalc" in err  # lists the known ones


def test_usage_errors_exit_2(handcalc_ws: Workspace, cli) -> None:
    assert cli("report")[0] == 2
    assert cli("frobnicate")[0] == 2
    code, _, err = cli("validate", "../etc")
    assert code == 2 and "not allowed" in err


def test_validate_reports_a_typo_with_its_key_path(handcalc_ws: Workspace, cli) -> None:
    path = handcalc_ws.playbook_file("handcalc")
    path.write_text(path.read_text().replace("team_roles", "team_roels") + "team_roels: []\n")
    code, _, err = cli("validate", "handcalc")
    assert code == 1 and "unknown key" in err and "team_roels" in err


def test_new_client_from_the_template(handcalc_ws: Workspace, cli) -> None:
    root = Path(__file__).resolve().parents[1]
    (handcalc_ws.templates).mkdir(parents=True)
    (handcalc_ws.templates / "TEMPLATE.yaml").write_text(
        (root / "playbooks" / "templates" / "TEMPLATE.yaml").read_text())
    code, _, err = cli("new", "acme")
    assert code == 0, err
    assert cli("validate", "acme")[0] == 0
    code, _, err = cli("new", "acme")
    assert code == 1 and "already exists" in err
    code, _, err = cli("new", "other", "--from", "nope")
    assert code == 1 and "no template or client named 'nope'" in err


def test_import_prints_the_account(handcalc_ws: Workspace, cli) -> None:
    exports = Path(__file__).parent / "fixtures" / "handcalc" / "exports"
    code, out, _ = cli("import", "handcalc", str(exports))
    assert code == 0
    assert "instagram_posts.csv: meta_posts" in out
    assert "read 4, kept 4, duplicate 0, rejected 0" in out
    code, out, _ = cli("import", "handcalc", str(exports / "missing.csv"))
    assert code == 1


def test_report_before_import_and_for_an_empty_period(handcalc_ws: Workspace, cli) -> None:
    code, _, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 1 and "run `communitykit import handcalc` first" in err
    cli("import", "handcalc", str(Path(__file__).parent / "fixtures" / "handcalc" / "exports"))
    code, _, err = cli("report", "handcalc", "--period", "2025-01")
    assert code == 1
    assert "no posts or messages in period 2025-01; the store holds 2026-10-15 to 2026-11-30" in err
    code, _, err = cli("report", "handcalc", "--period", "2026-11", "--from", "2026-11-01")
    assert code == 1 and "either --period or both --from and --to" in err
    assert not (handcalc_ws.reports / "handcalc").exists() or not any(
        (handcalc_ws.reports / "handcalc").iterdir())


def test_checks_that_need_no_kernel_run_before_one_starts(
        handcalc_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from communitykit.run.kernels import QuietKernelManager, WarmKernel

    def no_kernel(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(WarmKernel, "start", no_kernel)
    monkeypatch.setattr(QuietKernelManager, "start_kernel", no_kernel)
    code, _, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 1 and "run `communitykit import handcalc` first" in err
    cli("import", "handcalc", str(Path(__file__).parent / "fixtures" / "handcalc" / "exports"))
    for argv, message in (
            (("2025-01",), "no posts or messages in period 2025-01; the store holds "
                           "2026-10-15 to 2026-11-30"),
            (("2026-13",), "period '2026-13': month must be 01 to 12"),
            (("2026-11", "--from", "2026-11-01"), "either --period or both --from and --to")):
        code, _, err = cli("report", "handcalc", "--period", *argv)
        assert code == 1 and message in err, err
    code, _, err = cli("report", "ghost", "--period", "2026-11")
    assert code == 1 and "unknown client 'ghost'" in err and "handcalc" in err


def test_a_workspace_without_the_review_notebook_says_so_before_a_kernel(
        handcalc_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workspace of playbooks alone: one line naming the missing notebook, exit 1."""
    import shutil

    from communitykit.run.kernels import QuietKernelManager, WarmKernel

    def no_kernel(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(WarmKernel, "start", no_kernel)
    monkeypatch.setattr(QuietKernelManager, "start_kernel", no_kernel)
    cli("import", "handcalc", str(Path(__file__).parent / "fixtures" / "handcalc" / "exports"))
    shutil.rmtree(handcalc_ws.notebooks)
    line = (f"communitykit: the workspace {handcalc_ws.root} has no notebooks/review.ipynb, "
            "the notebook a report runs: work in the kit's folder (or set COMMUNITYKIT_HOME "
            "to it), or copy the kit's notebooks/ folder into the workspace")
    code, out, err = cli("report", "handcalc", "--period", "2026-11")
    assert (code, err.splitlines()) == (1, [line])
    demo = handcalc_ws.playbook_file("demo")  # the demo refuses before it writes anything
    demo.parent.mkdir(parents=True)
    shutil.copyfile(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml",
                    demo)
    code, out, err = cli("demo")
    assert (code, err.splitlines()) == (1, [line])
    assert not (demo.parent / "exports").exists()
    assert not handcalc_ws.client("demo").store_dir.exists()


def test_console_script_shows_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "COMMUNITYKIT_HOME": str(tmp_path)}
    (tmp_path / "playbooks").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "communitykit.cli", "report", "ghost", "--period", "2026-10"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("communitykit: unknown client 'ghost'")


def test_every_command_has_help(cli) -> None:
    for command in ("new", "validate", "import", "report", "demo"):
        code, out, _ = cli(command, "--help")
        assert code == 0 and f"usage: communitykit {command}" in out


def test_report_usage_for_one_client_or_all(handcalc_ws: Workspace, cli) -> None:
    for argv, message in ((("report", "handcalc", "--all", "--period", "2026-11"), "not both"),
                          (("report", "--all"), "--all needs --period"),
                          (("report", "handcalc", "--period", "2026-11", "--workers", "2"),
                           "go with --all")):
        code, _, err = cli(*argv)
        assert code == 2 and message in err, err


def test_a_progress_bar_only_for_a_person_at_a_terminal(
        imported_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from communitykit.run import jobs
    from communitykit.run.kernels import WarmKernel
    from communitykit.run.publish import Timings

    seen: list[bool] = []

    def fake_render(job: object, say: object, progress: bool = False) -> tuple[Path, Timings]:
        seen.append(progress)
        assert WarmKernel.manager is not None  # the head start: a kernel once it is checked
        return Path("/nowhere"), Timings()

    monkeypatch.setattr(jobs, "render", fake_render)
    for tty in (False, True):
        monkeypatch.setattr(sys.stderr, "isatty", lambda tty=tty: tty)
        assert cli("report", "handcalc", "--period", "2026-11")[0] == 0
        assert WarmKernel.manager is None  # and stopped when the report is done
    assert seen == [False, True]


def test_import_with_a_format_before_the_files(handcalc_ws: Workspace, cli) -> None:
    posts = Path(__file__).parent / "fixtures" / "handcalc" / "exports" / "instagram_posts.csv"
    code, out, err = cli("import", "handcalc", "--format", "meta_posts", str(posts))
    assert code == 0, err
    assert "instagram_posts.csv: meta_posts" in out and "read 4, kept 4" in out
    code, _, err = cli("import", "handcalc", "--format", "meta_posts", str(posts), "--bogus")
    assert code == 2 and "unrecognized arguments: --bogus" in err


def test_a_waiting_lock_says_who_holds_it_then_gives_up(
        handcalc_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from communitykit.errors import UserError
    from communitykit.store import client_lock

    data = handcalc_ws.data_dir("handcalc")
    heard: list[str] = []
    started = time.monotonic()
    with client_lock(data, "import"):
        with pytest.raises(UserError) as failure, client_lock(data, "report", 0.4, heard.append):
            pass
        assert time.monotonic() - started >= 0.4
        holder = rf"an import \(pid {os.getpid()}\) since \d\d:\d\d:\d\d"
        assert len(heard) == 1
        assert re.fullmatch(rf"waiting for client 'handcalc': {holder} holds its lock "
                            rf"\({re.escape(str(data / '.lock'))}\); this report waits up to "
                            r"0\.4 s", heard[0]), heard
        assert re.fullmatch(rf"{re.escape(str(data / '.lock'))}: gave up after 0\.4 s: another "
                            rf"import or report for this client is still running \({holder}\); "
                            "report stopped, try again when it ends", str(failure.value))
        with pytest.raises(UserError), client_lock(data, "import", 0.1):  # said on stderr
            pass
        assert capsys.readouterr().err.startswith("communitykit: waiting for client 'handcalc'")
    with client_lock(data, "report", 0.1, heard.append):  # free again: no word
        assert len(heard) == 1
    assert (data / ".lock").read_text() == ""  # the record goes with the lock


@pytest.mark.slow  # real processes stopped by signals, as tests/test_run_stops.py
def test_a_stopped_import_exits_143_and_keeps_the_store(handcalc_ws: Workspace) -> None:
    from test_interrupted import extra_comment, snapshot, start, wait_for

    exports = Path(__file__).parent / "fixtures" / "handcalc" / "exports"
    process, _ = start(handcalc_ws, "import", "handcalc", str(exports))
    assert process.communicate(timeout=60)[0] and process.returncode == 0
    before = snapshot(handcalc_ws.store_dir("handcalc"))
    for sig in (signal.SIGTERM, signal.SIGINT):
        process, marker = start(handcalc_ws, "import", "handcalc",
                                str(extra_comment(handcalc_ws.root)), pause="store:before-swap")
        wait_for(marker, process)
        process.send_signal(sig)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 128 + sig
        assert err.splitlines() == [f"communitykit: stopped by {sig.name}; its kernels and "
                                    "workers were ended, the store and the reports keep their "
                                    "last complete version"]
        assert snapshot(handcalc_ws.store_dir("handcalc")) == before
        assert not list(handcalc_ws.store_dir("handcalc").glob(".staging-*"))  # unwound


TREE = """
import signal, subprocess, sys, time
from communitykit.run.stops import descendants, end_children
python = [sys.executable, "-c"]
plain = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60; wait"])
stubborn = subprocess.Popen([*python, "import signal, time\\n"
    "signal.signal(signal.SIGTERM, lambda *a: None)\\nprint(1, flush=True)\\ntime.sleep(60)"],
    stdout=subprocess.PIPE)
stubborn.stdout.readline()  # its handler is set
time.sleep(0.2)
pids = descendants()
started = time.monotonic()
end_children(grace=0.5)
print(len(pids), round(time.monotonic() - started, 1), *pids)
"""


def test_end_children_ends_the_whole_tree() -> None:
    """A shell with two sleeps below it, and a process that catches SIGTERM and carries on
    (ended by SIGKILL after the grace period)."""
    import psutil

    result = subprocess.run([sys.executable, "-c", TREE], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    count, seconds, *pids = result.stdout.split()
    assert int(count) == 4 and 0.5 <= float(seconds) < 2  # sh, 2 sleeps, the stubborn one
    time.sleep(0.2)
    assert [p for p in map(int, pids) if psutil.pid_exists(p)
            and psutil.Process(p).status() != psutil.STATUS_ZOMBIE] == []
