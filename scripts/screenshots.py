"""Screenshots of the demo report (desktop and phone, English and Chinese) for the docs.

Usage: .venv/bin/python scripts/screenshots.py [OUT]   (default docs/screenshots)
Renders the demo into a temporary workspace, then photographs the first screen of each
page with Debian's chromium through Playwright.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from communitykit.cli import main
from communitykit.demo import generate

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2026-10"
SHOTS = (  # file name, page, viewport width, height
    ("report-desktop.png", "demo", 1280, 900),
    ("report-phone.png", "demo", 390, 844),
    ("report-zh-desktop.png", "demo-zh", 1280, 900),
    ("index-desktop.png", None, 1280, 500),
    ("index-phone.png", None, 390, 844),
)


def render(tmp: Path) -> None:
    os.environ["COMMUNITYKIT_HOME"] = str(tmp)
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    generate(tmp / "exports")
    text = (ROOT / "playbooks" / "demo" / "playbook.yaml").read_text(encoding="utf-8")
    for client, lang in (("demo", "en"), ("demo-zh", "zh")):
        (tmp / "playbooks" / client).mkdir(parents=True)
        (tmp / "playbooks" / client / "playbook.yaml").write_text(
            text.replace("  language: en ", f"  language: {lang} ", 1), encoding="utf-8")
        if main(["import", client, str(tmp / "exports")]) != 0:
            sys.exit(f"import of {client} failed")
    if main(["report", "--all", "--period", PERIOD]) != 0:
        sys.exit("rendering failed")


def photograph(tmp: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or sys.exit("install Debian's chromium first")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, client, width, height in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            target = (tmp / "reports" / client / PERIOD / "report.html" if client
                      else tmp / "reports" / "index.html")
            page.goto(target.as_uri())
            page.screenshot(path=str(out / name))
            page.close()
            print(f"{out / name}")
        browser.close()


if __name__ == "__main__":
    destination = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as folder:
        render(Path(folder))
        photograph(Path(folder), destination)
