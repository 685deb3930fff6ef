"""The review report end to end: a real kernel, nbconvert, and the files it leaves."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from communitykit.paths import Workspace

HOSTILE = ("<script>alert('x')</script> <img src=x onerror=alert(1)> "
           "[click](javascript:alert(1)) $5 off $10 \u202eevil ok?")


@pytest.fixture
def rendered(imported_ws: Workspace, cli) -> Path:
    code, out, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 0, err
    assert "report: " in out
    return imported_ws.report_dir("handcalc", "2026-11")


def test_report_files_and_figures(rendered: Path) -> None:
    assert sorted(p.name for p in rendered.iterdir()) == [
        "metrics.json", "rejected-rows.csv", "report.html", "report.ipynb", "requests.csv",
        "unanswered-questions.csv"]
    metrics = json.loads((rendered / "metrics.json").read_text())
    assert metrics["responsiveness"]["current"]["response_rate"] == 0.6667
    assert metrics["responsiveness"]["previous"]["inbound"] == 1
    assert metrics["data_quality"]["rows_read"] == 24  # 4 posts + 15 comments + 5 days
    html = (rendered / "report.html").read_text()
    for text in ("Handcalc Bakery", "Summary", "Goals", "Presence and responsiveness",
                 "Community health", "Rules and escalations", "Voices", "Reach and growth",
                 "Appendix",
                 "66.7%",  # response rate
                 "23 h 00 min",  # calendar median
                 "446 h 00 min",  # longest silence
                 "off track", "at risk", "data:image/png;base64,",
                 "how long do they keep"):
        assert text in html, text
    # no code, no parameters, no scripts, no network
    for absent in ("review.summary()", "metrics_path", "<script", "http://", "https://cdn"):
        assert absent not in html, absent
    assert "Content-Security-Policy" in html and "script-src 'none'" in html
    assert '<td class="status bad">off track</td>' in html
    # every unanswered question of the period is in the CSV beside the report, as listed
    unanswered = metrics["responsiveness"]["current"]["unanswered_questions"]
    lines = (rendered / "unanswered-questions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "received,channel,member,message"
    assert len(lines) == 1 + len(unanswered) == 1 + metrics["responsiveness"]["current"][
        "unanswered_question_count"]
    for heading in ("Responsiveness by channel", "First answers by person"):
        assert heading in html, heading
    assert '<td class="status warn">at risk</td>' in html
    executed = nbformat.read(rendered / "report.ipynb", as_version=4)
    outputs = json.dumps([c.get("outputs", []) for c in executed.cells])
    assert "66.7%" in outputs


def test_failed_run_keeps_the_last_good_report(rendered: Path, imported_ws: Workspace,
                                               cli) -> None:
    before = {p.name: p.read_bytes() for p in rendered.iterdir()}
    notebook = imported_ws.notebooks / "review.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('boom')"))
    nbformat.write(nb, notebook)
    code, _, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 3 and "RuntimeError: boom" in err
    kept = imported_ws.data_dir("handcalc") / "failed" / "2026-11.ipynb"
    assert f"kept at {kept}" in err and kept.exists()
    assert {p.name: p.read_bytes() for p in rendered.iterdir()} == before
    assert [p.name for p in rendered.parent.iterdir() if p.name.startswith(".")] == []


def test_member_text_is_inert(imported_ws: Workspace, cli, tmp_path: Path) -> None:
    doc = {"data": [{"id": "17999999999999999", "text": HOSTILE, "username": "mallory",
                     "timestamp": "2026-11-04T15:00:00+0000",
                     "from": {"id": "17850000000000666", "username": "mallory"},
                     "media": {"id": "18000000000000001"}}]}
    extra = tmp_path / "comments_18000000000000001_b.json"
    extra.write_text(json.dumps(doc), encoding="utf-8")
    assert cli("import", "handcalc", str(extra))[0] == 0
    code, _, err = cli("report", "handcalc", "--period", "2026-11")
    assert code == 0, err
    html = (imported_ws.report_dir("handcalc", "2026-11") / "report.html").read_text()
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html and "<script" not in html
    assert 'href="javascript' not in html
    assert "\u202e" not in html  # bidi override neutralised
    assert "$5 off $10" in html
    chromium = shutil.which("chromium")
    if chromium:
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
             (imported_ws.report_dir("handcalc", "2026-11") / "report.html").as_uri()],
            capture_output=True, text=True, timeout=120, check=True,
        ).stdout
        assert "&lt;script&gt;alert('x')&lt;/script&gt;" in dom
        assert "<img src=\"x\"" not in dom and "<script" not in dom


def test_explicit_dates_make_their_own_period(imported_ws: Workspace, cli) -> None:
    code, _, err = cli("report", "handcalc", "--from", "2026-11-01", "--to", "2026-11-07")
    assert code == 0, err
    folder = imported_ws.report_dir("handcalc", "2026-11-01_2026-11-07")
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["previous_period"] == {"label": "2026-10-25_2026-10-31", "start": "2026-10-25",
                                          "end_exclusive": "2026-11-01", "kind": "custom"}
    # M3 M4 M5 M6 M1 arrive in the first week; M1 (Fri 18:30) is answered on the 9th,
    # after this period ends, so it counts as unanswered here
    r = metrics["responsiveness"]["current"]
    assert r["inbound"] == 5 and r["answered"] == 2


def test_same_inputs_give_the_same_bytes(rendered: Path, imported_ws: Workspace) -> None:
    first = {p.name: p.read_bytes() for p in rendered.iterdir()}
    # the second run in another process, with another hash seed, machine timezone and locale
    env = {**os.environ, "COMMUNITYKIT_HOME": str(imported_ws.root), "PYTHONHASHSEED": "4242",
           "TZ": "Asia/Kathmandu", "LC_ALL": "C", "LANG": "C"}
    done = subprocess.run([sys.executable, "-m", "communitykit.cli", "report", "handcalc",
                           "--period", "2026-11"], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    second = {p.name: p.read_bytes() for p in rendered.iterdir()}
    assert first["metrics.json"] == second["metrics.json"]
    one = first["report.html"].decode().splitlines()
    two = second["report.html"].decode().splitlines()
    differ = [a for a, b in zip(one, two, strict=True) if a != b]
    assert all('id="generated-at"' in line for line in differ)


def test_charts_carry_no_time_or_random_ids(rendered: Path, imported_ws: Workspace) -> None:
    html = (rendered / "report.html").read_text()
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert images
    for data in images:
        png = base64.b64decode(data)
        assert b"tIME" not in png and b"Creation" not in png and b"Software" not in png
    # the only ids are the notebook's own cell ids (fixed in review.ipynb) and named ones
    fixed = {c.get("id") for c in nbformat.read(imported_ws.notebooks / "review.ipynb",
                                                 as_version=4).cells}
    for found in re.findall(r'\bid="([^"]+)"', html):
        assert found.removeprefix("cell-id=") in fixed or not re.search(r"\d", found), found
