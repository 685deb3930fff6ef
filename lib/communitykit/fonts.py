"""Chinese glyphs in charts, whatever state matplotlib's font cache is in.

matplotlib knows only the fonts in its cache, built the first time it ran: a CJK font
installed afterwards (the usual order: run the kit, read that a font is needed, install
it) stays unknown, and every Chinese label is drawn as boxes. So the chart code asks
fontconfig for the files that cover Chinese and registers them itself, once per process.
When the machine has no such font, the command and the report's appendix say so.

``python -m communitykit.fonts`` prints what setup needs to know.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

from .i18n import tr

LATIN_FAMILY = "DejaVu Sans"
# Preferred for Chinese first; the others are what macOS, Windows and older Linux ship.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
    "Noto Sans CJK TC", "Noto Sans CJK JP", "Source Han Sans", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti",
    "Microsoft YaHei", "SimHei", "Droid Sans Fallback", "AR PL UMing CN",
)
INSTALL_COMMAND = "apt-get install fonts-noto-cjk"
INSTALL_HINT = f"`{INSTALL_COMMAND}` on Debian/Ubuntu, or any Noto Sans CJK font elsewhere"
# The command's one line after a Chinese report drawn without a CJK font.
MISSING_FONT_LINE = ("communitykit: warning: no Chinese font on this machine, so Chinese text in "
                     f"the charts is drawn as boxes; install one ({INSTALL_HINT}) and render "
                     "again")
FC_LIST = ("fc-list", ":lang=zh", "file")
FC_TIMEOUT = 5.0  # seconds; fc-list answers from fontconfig's own cache in milliseconds


def fontconfig_files() -> tuple[str, ...] | None:
    """Files fontconfig lists as covering Chinese, Sans and Regular first; None when
    fontconfig cannot be asked (not installed, or too slow)."""
    try:
        done = subprocess.run(FC_LIST, capture_output=True, text=True, timeout=FC_TIMEOUT,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    files = {line.strip().removesuffix(":").strip() for line in done.stdout.splitlines()}
    return tuple(sorted((f for f in files if f and Path(f).is_file()), key=_preference))


def _preference(path: str) -> tuple[bool, bool, bool, str]:
    name = Path(path).name.lower()
    return ("serif" in name, "mono" in name, "bold" in name or "black" in name, name)


def _register(files: tuple[str, ...]) -> None:
    """Add ``files`` to matplotlib's font list unless its cache has them already."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist}
    for path in files:
        if path not in known:
            try:
                manager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable: the next file may do
                continue


@functools.cache
def cjk_family() -> str | None:
    """The family charts draw Chinese with, after registering fontconfig's CJK files
    (once per process); None when the machine has no CJK font."""
    from matplotlib import font_manager

    files = fontconfig_files() or ()
    _register(files)
    fonts = font_manager.fontManager.ttflist
    names = {f.name for f in fonts}
    preferred = [family for family in CJK_FAMILIES if family in names]
    if preferred:
        return preferred[0]
    rank = {path: i for i, path in enumerate(files)}
    found = sorted((rank[f.fname], f.name) for f in fonts if f.fname in rank)
    return found[0][1] if found else None


def chart_families() -> list[str]:
    """matplotlib's ``font.family`` for charts: Latin from DejaVu Sans, Chinese glyph by
    glyph from the CJK family when there is one."""
    family = cjk_family()
    return [LATIN_FAMILY, *([family] if family else []), "sans-serif"]


def cjk_font_installed() -> bool:
    """Whether the machine has a CJK font; asks matplotlib only without fontconfig."""
    files = fontconfig_files()
    return bool(files) if files is not None else cjk_family() is not None


def chart_font_note() -> str:
    """The appendix's "Chart font" value: the fonts used, or what is missing and how to
    install it."""
    family = cjk_family()
    if family:
        return f"{LATIN_FAMILY}, {family}"
    return tr("{latin} only: no Chinese font on this machine, so Chinese text in the charts "
              "is drawn as boxes; install one with {command} (Debian/Ubuntu) or any Noto "
              "Sans CJK font, and render again", latin=LATIN_FAMILY, command=INSTALL_COMMAND)


def main() -> int:
    """Setup's check: one line, a warning and not a failure when the font is missing."""
    if cjk_font_installed():
        print(f"Chinese font for charts: {cjk_family() or 'found by fontconfig'}")
    else:
        print("warning: no Chinese font found: charts in Chinese reports would show boxes; "
              f"add one with {INSTALL_HINT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
