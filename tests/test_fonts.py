"""Chinese chart text draws with a CJK font even when matplotlib's font cache predates the
font, and a Chinese report without any CJK font says so (command, appendix, setup)."""

from __future__ import annotations

import contextlib
import copy
import os
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communitykit import fonts
from communitykit.i18n import use_language
from reports_ws import add_client, run_cli

FILES = fonts.fontconfig_files()
needs_cjk = pytest.mark.skipif(not FILES, reason="no CJK font (.ci/run installs fonts-noto-cjk)")
TEXT = "微博渠道发帖"


def _without_cjk(ttflist: list[Any]) -> list[Any]:
    cjk = set(FILES or ())
    return [f for f in ttflist if getattr(f, "fname", None) not in cjk]


@pytest.fixture
def stale_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """matplotlib's font list as cached before the CJK font was installed."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", _without_cjk(manager.ttflist))
    manager._findfont_cached.cache_clear()  # type: ignore[attr-defined]
    fonts.cjk_family.cache_clear()
    yield
    manager._findfont_cached.cache_clear()  # type: ignore[attr-defined]
    fonts.cjk_family.cache_clear()


@needs_cjk
def test_fontconfig_lists_the_cjk_files_sans_regular_first() -> None:
    assert FILES is not None and all(Path(f).is_file() for f in FILES)
    assert "Serif" not in Path(FILES[0]).name and "Bold" not in Path(FILES[0]).name


@needs_cjk
def test_stale_cache_still_draws_chinese_with_the_cjk_file(stale_cache: None) -> None:
    from matplotlib import font_manager, ft2font

    manager = font_manager.fontManager
    assert not any("CJK" in f.name for f in manager.ttflist)  # the stale cache, really
    families = fonts.chart_families()
    assert families == ["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"]
    paths = manager._find_fonts_by_props(font_manager.FontProperties(family=families))
    assert Path(paths[0]).name == "DejaVuSans.ttf" and paths[1] in (FILES or ())
    assert ft2font.FT2Font(paths[1]).get_char_index(ord("微")) != 0
    # the label's pixels are the CJK file's glyphs, not DejaVu's boxes
    with warnings.catch_warnings():  # a missing glyph is a warning
        warnings.simplefilter("error")
        drawn = _pixels(font_manager.FontProperties(family=families))
    assert (drawn == _pixels(font_manager.FontProperties(fname=paths[1]))).all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert (drawn != _pixels(font_manager.FontProperties(family=["DejaVu Sans"]))).any()


def _pixels(font: object) -> Any:
    """``TEXT`` drawn alone with ``font``, as an RGBA array."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 0.5), dpi=50)
    fig.text(0.05, 0.3, TEXT, fontproperties=font)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())


def test_registration_happens_once_per_process(stale_cache: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def listed() -> tuple[str, ...] | None:
        calls.append(1)
        return FILES

    monkeypatch.setattr(fonts, "fontconfig_files", listed)
    first = fonts.cjk_family()
    assert fonts.cjk_family() == first and fonts.chart_families()[1:-1] == (
        [first] if first else [])
    assert calls == [1]


@needs_cjk
def test_charts_module_finds_the_font_behind_a_stale_cache_file(tmp_path: Path) -> None:
    """The real order of events: matplotlib's cache file was written before the font."""
    from matplotlib import font_manager

    stale = copy.copy(font_manager.fontManager)
    stale.ttflist = _without_cjk(font_manager.fontManager.ttflist)
    font_manager.json_dump(stale, tmp_path / f"fontlist-v{font_manager.FontManager.__version__}"
                                             ".json")
    script = textwrap.dedent(f"""
        import warnings
        from matplotlib import font_manager
        print(any("CJK" in f.name for f in font_manager.fontManager.ttflist))
        from communitykit import charts
        warnings.simplefilter("error")
        print(charts.bars(["微博", "抖音"], [3, 4], ylabel="帖子数", title="{TEXT}")[:26])
        print(charts.matplotlib.rcParams["font.family"][1])
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "MPLCONFIGDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["False", '<img class="chart" alt="微博', "Noto Sans CJK SC"]


def test_fontconfig_missing_or_hanging_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FC_LIST", ("/nonexistent/fc-list", ":lang=zh", "file"))
    assert fonts.fontconfig_files() is None
    monkeypatch.setattr(fonts, "FC_LIST", ("sleep", "5"))
    monkeypatch.setattr(fonts, "FC_TIMEOUT", 0.2)
    assert fonts.fontconfig_files() is None


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "fontconfig_files", lambda: ())
    monkeypatch.setattr(fonts, "cjk_family", lambda: None)


def test_appendix_note_says_what_is_missing_and_how_to_install(no_cjk_font: None) -> None:
    with use_language("zh"):
        note = fonts.chart_font_note()
    assert note.startswith("仅 DejaVu Sans：本机没有中文字体")
    assert "Debian/Ubuntu：apt-get install fonts-noto-cjk，" in note


@needs_cjk
def test_appendix_note_names_the_fonts_used() -> None:
    assert fonts.chart_font_note() == "DejaVu Sans, Noto Sans CJK SC"


def _report_stub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The report command with its rendering left out: only what it prints after."""
    from communitykit.run import jobs, kernels
    from communitykit.run.publish import Timings

    monkeypatch.setattr(jobs, "render", lambda *a, **k: (tmp_path / "r", Timings(1.0, 0.5)))
    monkeypatch.setattr(jobs, "preflight", lambda *a, **k: None)  # no store needed
    monkeypatch.setattr(kernels.WarmKernel, "head_start",
                        classmethod(lambda cls, cwd: contextlib.nullcontext()))


@pytest.mark.parametrize(("language", "font", "warned"),
                         [("zh", False, True), ("en", False, False), ("zh", True, False)])
def test_report_command_warns_in_one_line(
        language: str, font: bool, warned: bool, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from communitykit.paths import Workspace

    ws = Workspace(tmp_path)
    add_client(ws, "brand", language)
    _report_stub(monkeypatch, tmp_path)
    monkeypatch.setattr(fonts, "fontconfig_files", lambda: ("/x/NotoSansCJK.ttc",) if font else ())
    assert run_cli(ws, "report", "brand", "--period", "2026-10") == 0
    out, err = capsys.readouterr()
    assert "report: " in out
    expected = [fonts.MISSING_FONT_LINE] if warned else []
    assert err.splitlines() == expected
    assert not warned or "apt-get install fonts-noto-cjk" in err


def test_setup_check_warns_and_does_not_fail(no_cjk_font: None,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert fonts.main() == 0
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("warning: no Chinese font") and "apt-get install fonts-noto-cjk" in err
