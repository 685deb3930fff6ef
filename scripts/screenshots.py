"""Screenshots of the demo report (desktop and phone, English and Chinese) and of the
agency index (a period's index, desktop and phone, and the index of periods) for the docs.

Usage: .venv/bin/python scripts/screenshots.py [OUT] [--only PREFIX]
(default docs/screenshots; ``--only index`` takes only the shots whose file name starts so)
Renders the demo into a temporary workspace (a month and a week, with an agency's
branding in settings.yaml; ``--fill-trends``, so the trends have their earlier periods),
then photographs the first screen of each page with Debian's chromium through Playwright.
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
WEEK = "2026-W43"
SHOTS = (  # file name, page (a client's report, or a file of reports/), viewport
    ("report-desktop.png", "demo", 1280, 900),
    ("report-phone.png", "demo", 390, 844),
    ("report-zh-desktop.png", "demo-zh", 1280, 900),
    ("index-desktop.png", f"index-{PERIOD}.html", 1280, 560),
    ("index-phone.png", f"index-{PERIOD}.html", 390, 844),
    ("index-periods-desktop.png", "index.html", 1280, 420),
)
AGENCY = """agency:
  name: Harbour Social
  colour: "#0f766e"
  logo: harbour.svg
"""
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="132" height="32" viewBox="0 0 132 32">'
        '<circle cx="16" cy="16" r="14" fill="#0f766e"/><path d="M8 18q8-10 16 0" '
        'stroke="#fff" stroke-width="3" fill="none"/><text x="36" y="22" font-size="15" '
        'font-family="sans-serif" fill="#0f766e">Harbour</text></svg>')


def render(tmp: Path) -> None:
    os.environ["COMMUNITYKIT_HOME"] = str(tmp)
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks")
    generate(tmp / "exports")
    text = (ROOT / "playbooks" / "demo" / "playbook.yaml").read_text(encoding="utf-8")
    for client, lang in (("demo", "en"), ("demo-zh", "zh")):
        (tmp / "playbooks" / client).mkdir(parents=True)
        (tmp / "playbooks" / client / "playbook.yaml").write_text(
            text.replace("  language: en ", f"  language: {lang} ", 1), encoding="utf-8")
        if lang == "en":  # the strategist's commentary and actions (written in English)
            shutil.copytree(ROOT / "playbooks" / "demo" / "reviews",
                            tmp / "playbooks" / client / "reviews")
        if main(["import", client, str(tmp / "exports")]) != 0:
            sys.exit(f"import of {client} failed")
    (tmp / "settings.yaml").write_text(AGENCY, encoding="utf-8")
    (tmp / "harbour.svg").write_text(LOGO, encoding="utf-8")
    for period in (WEEK, PERIOD):
        if main(["report", "--all", "--period", period, "--fill-trends"]) != 0:
            sys.exit("rendering failed")


def photograph(tmp: Path, out: Path, only: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or sys.exit("install Debian's chromium first")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, client, width, height in SHOTS:
            if not name.startswith(only):
                continue
            page = browser.new_page(viewport={"width": width, "height": height})
            target = (tmp / "reports" / client if client.endswith(".html")
                      else tmp / "reports" / client / PERIOD / "report.html")
            page.goto(target.as_uri())
            page.screenshot(path=str(out / name))
            page.close()
            print(f"{out / name}")
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    prefix = ""
    if "--only" in args:
        at = args.index("--only")
        prefix = args[at + 1]
        del args[at:at + 2]
    destination = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as folder:
        render(Path(folder))
        photograph(Path(folder), destination, prefix)
