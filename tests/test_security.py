"""The security review, one test per point (see docs/reliability.md, threat model)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import nbformat
import pytest

from communitykit.cells import safe_cell, safe_row
from communitykit.errors import PlaybookError, ReportFailed, UserError
from communitykit.paths import Workspace, check_client_name
from communitykit.playbook import load
from communitykit.run import notebook as runner
from communitykit.run import publish
from communitykit.run.guard import check_parameters
from conftest import tiny_notebook

BAD_NAMES = ["..", "../etc", "a/b", "/etc", "a\x00b", "a" * 64, "acme\n", "acme\r",
             "\uff41\uff43\uff4d\uff45",  # fullwidth 'acme'
             "\u0430cme",  # Cyrillic 'а'
             "acme\u202e", "Acme", "", ".hidden", "-x", "_x", "a b", "a\\b", "é"]


@pytest.mark.parametrize("name", BAD_NAMES, ids=[repr(n) for n in BAD_NAMES])
def test_client_names_cannot_climb_out(name: str, tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    for where in (check_client_name, ws.data_dir, ws.client_dir, ws.store_dir):
        with pytest.raises(UserError, match="not allowed"):
            where(name)
    with pytest.raises(UserError):
        ws.report_dir(name, "2026-10")


def test_good_client_names(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    for name in ("acme", "a", "acme-2_b", "0" + "a" * 62):
        assert ws.data_dir(name).parent == tmp_path / "data"


def test_cli_refuses_a_name_with_a_newline(handcalc_ws: Workspace, cli) -> None:
    code, _, err = cli("validate", "handcalc\n")
    assert code == 2 and "not allowed" in err
    code, _, err = cli("new", "acme", "--from", "TEMPLATE\n")
    assert code == 1 and "not allowed" in err


@pytest.mark.parametrize("parameters", [
    {"client": "acme", "evil": "x"},
    {"client": "acme", "__import__('os')": None},
    {"client": 1},
    {"client": ["acme"]},
    {"client": "acme", "workspace": b"/tmp"},
    {"client": "a\x00b"},
    {"client": "x" * 5000},
])
def test_notebook_parameters_are_validated(parameters: dict[str, object]) -> None:
    with pytest.raises(ReportFailed, match="parameter"):
        check_parameters(parameters)


def test_known_parameters_pass() -> None:
    check_parameters({"client": "acme", "period": "2026-10", "period_from": None,
                             "period_to": None, "workspace": "/w", "metrics_path": "/m"})


def test_yaml_tags_are_never_executed(tmp_path: Path) -> None:
    path = tmp_path / "playbook.yaml"
    marker = tmp_path / "pwned"
    path.write_text(f"client: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(PlaybookError, match="not valid YAML") as caught:
        load(path)
    assert caught.value.row == 1 and str(path) in str(caught.value)
    path.write_text("client: !!python/object:os.environ {}\n")
    with pytest.raises(PlaybookError, match="not valid YAML"):
        load(path)
    assert not marker.exists()


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx"])
def test_formula_cells_are_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text
    buffer = io.StringIO()
    csv.writer(buffer).writerow(safe_row([text, 5, None]))
    assert next(csv.reader(io.StringIO(buffer.getvalue())))[0] == "'" + text


def test_plain_cells_pass() -> None:
    for value in ("hello", "a=b", "", 3, -3, None, "'=x"):
        assert safe_cell(value) == value


def test_csp_forbids_foreign_scripts_and_every_request(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("hello")]
    nbformat.write(nb, tmp_path / "done.ipynb")
    html = publish.to_html(tmp_path / "done.ipynb", "<t>", "now")
    start = html.index('http-equiv="Content-Security-Policy" content="') + 46
    policy = html[start:html.index('"', start)]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'none'"]
    assert directives["connect-src"] == ["'none'"]
    assert directives["img-src"] == ["data:"]
    for name in ("font-src", "form-action", "base-uri"):
        assert directives[name] == ["'none'"], name
    assert "style-src" in directives and "http" not in policy and "*" not in policy
    assert html.index("Content-Security-Policy") < html.index("<style>")  # before any content
    assert "<script" not in html and "&lt;t&gt;" in html


def test_a_slow_cell_hits_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(runner, "CELL_TIMEOUT", 2)
    notebook = tiny_notebook(tmp_path, "import time\ntime.sleep(60)")
    kept = tmp_path / "failed.ipynb"
    with pytest.raises(ReportFailed, match=r"cell 2 \(`import time`\) took longer than 2 s"):
        runner.execute(notebook, tmp_path / "out.ipynb", {}, tmp_path, keep_failed=kept)
    assert kept.exists()
    assert "Traceback" not in capfd.readouterr().err  # the stopped kernel stays quiet


@pytest.mark.parametrize("death", ["import os; os._exit(1)",
                                   "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"])
def test_a_dead_kernel_is_a_clear_failure(death: str, tmp_path: Path) -> None:
    notebook = tiny_notebook(tmp_path, "y = 2", death)
    with pytest.raises(ReportFailed, match=r"cell 3 \(`import os.*`\) stopped the kernel"):
        runner.execute(notebook, tmp_path / "out.ipynb", {}, tmp_path)


# --- output hygiene: names from files never drive the terminal (issue 16) -----------------

def test_printable_escapes_controls_and_keeps_text() -> None:
    from communitykit.errors import printable

    assert printable("a\x1b]0;t\x07b\r\nc\x00\x7f\x9b\u202ed\u2066\u2028") == \
        "a\\x1b]0;t\\x07b\\x0d\\x0ac\\x00\\x7f\\x9b\\u202ed\\u2066\\u2028"
    for kept in ("crème brûlée 早餐.csv", "a b\\c", "🙂👍🏽.csv", "ZWJ 👩\u200d💻"):
        assert printable(kept) == kept


def test_hostile_member_names_are_printed_and_recorded_escaped(tmp_path: Path) -> None:
    """A member name that would set the terminal title, erase the line and print a fake
    "store updated (v999999)" line is printed, logged and stored escaped."""
    import sys
    import zipfile

    from communitykit.ingest import import_exports
    from communitykit.store import Store

    sys.path.insert(0, str(Path(__file__).parent))
    from malformed import HOSTILE_NAME

    fixtures = Path(__file__).parent / "fixtures" / "handcalc"
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr(HOSTILE_NAME, (fixtures / "exports" / "instagram_posts.csv").read_text())
        bundle.writestr("../\x1b[31mevil.csv", "x")
    said: list[str] = []
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, load(fixtures / "playbook.yaml"), [archive],
                                say=said.append)
    unsafe = ("\x1b", "\x07", "\r", "\n", "\u202e")
    assert said and not any(ch in line for line in said for ch in unsafe), said
    assert not any(line.startswith("store updated (v999999)") for line in said)
    assert account.kept == 4
    assert account.file == (f"{archive}/\\x1b]0;pwned\\x07\\x1b[2K\\x0dstore updated (v999999)"
                            "\\x0a\\u202einstagram_posts.csv")
    assert any("refused '../\\x1b[31mevil.csv'" in line for line in said), said
    logged = store.accounts()[-1]
    assert logged["file"] == account.file
    assert set(store.load("posts")["source_file"]) == {account.file.rsplit("/", 1)[1]}


def test_an_error_naming_a_hostile_file_is_one_printable_line(tmp_path: Path) -> None:
    from communitykit.errors import ImportFailed

    error = ImportFailed("no sheet 'x\x1b[2K' (sheets: a\nb)", file=tmp_path / "a\x1b]0;x\x07.csv",
                         row=3, column="c\rd")
    text = str(error)
    assert "\x1b" not in text and "\n" not in text and "\r" not in text and "\x07" not in text
    assert text == (f"{tmp_path}/a\\x1b]0;x\\x07.csv, row 3, column 'c\\x0dd': no sheet "
                    "'x\\x1b[2K' (sheets: a\\x0ab)")
