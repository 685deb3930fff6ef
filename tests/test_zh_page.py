"""The demo in Chinese shows no English that the kit wrote: no catalogue source text, and no
run of two or more Latin words that is not the data's (member text, names, the playbook's
labels), a Latin phrase the Chinese catalogue keeps on purpose, or an allowed name or unit.

The report is built without a kernel (the demo's exports imported, each section called as
the notebook calls it, the page made by ``publish.to_html``); the agency index is written by
``portfolio.write_index`` from the same report. Charts are images: the strings the report
passes to ``charts.*`` are checked instead."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import holidays
import nbformat
import pytest
import yaml

from communitykit import charts, periods
from communitykit.locales import CATALOGUES
from communitykit.paths import Workspace
from communitykit.report.review import Review
from communitykit.run import portfolio, publish
from communitykit.run.jobs import JobResult, summarise
from reports_ws import PERIOD, demo_workspace

CLIENT = "demo-zh"
SECTIONS = ("title", "summary", "goals", "responsiveness", "presence", "health",
            "member_levels", "listening", "rules", "voices", "reach", "appendix")
# Names and units a Chinese page shows in Latin letters on purpose.
ALLOWED_WORDS = frozenset({
    "communitykit", "instagram", "discord", "x", "twitter", "weibo", "douyin", "wechat",
    "xiaohongshu", "facebook", "youtube", "tiktok", "slack", "telegram", "linkedin",
    "h", "min", "pts", "sha256", "csv", "json", "utc", "iso", "id", "ids",
})
# Kit text written outside the report's sections: publish.to_html's footer (not yet in tr()).
KNOWN_ELSEWHERE: tuple[str, ...] = ()
# Figures' keys holding member text: messages, request items and cues, emerging terms.
MEMBER_KEYS = frozenset({"text", "example", "term", "asked_as", "author", "name"})
WORD = r"[A-Za-zÀ-ɏ]+(?:['’._\-][A-Za-zÀ-ɏ0-9]+)*"
RUN = re.compile(rf"{WORD}(?:[ ,:/()&+\-]+{WORD})+")
ATTRIBUTES = re.compile(r'\b(?:title|alt|data-label|aria-label|placeholder)="([^"]*)"')


# ---- what a reader sees -----------------------------------------------------------------
def visible_texts(page: str) -> list[str]:
    """Text nodes and the attributes a reader sees (tooltips, labels, alt text)."""
    page = re.sub(r"<(style|script)\b[^>]*>.*?</\1>|<!--.*?-->", " ", page, flags=re.S)
    attributes = [html.unescape(a) for a in ATTRIBUTES.findall(page)]
    nodes = html.unescape(re.sub(r"<[^>]+>", "\n", page)).split("\n")
    return [t.strip() for t in (*nodes, *attributes) if re.search("[A-Za-z]", t)]


def english_keys() -> set[str]:
    """Catalogue sources with Latin letters whose Chinese differs (placeholders left out)."""
    return {k for k, v in CATALOGUES["zh"].items()
            if k != v and "{" not in k and re.search("[A-Za-z]", k)}


def kept_latin() -> set[str]:
    """Latin phrases the Chinese catalogue keeps on purpose (cues, settings, names)."""
    return {m.group(0) for v in CATALOGUES["zh"].values() for m in RUN.finditer(v)}


def catalogue_leftovers(texts: Iterable[str], data: set[str]) -> list[str]:
    """Texts that are a catalogue source, or hold one of two or more words, verbatim."""
    keys = english_keys()
    phrases = [k for k in keys if len(re.findall(WORD, k)) >= 2]
    found = []
    for text in texts:
        if text in data:
            continue
        if text.rstrip(":：") in keys or any(_holds(text, k) for k in phrases):
            found.append(text)
    return found


def latin_runs(texts: Iterable[str], allowed: list[str]) -> list[str]:
    """Runs of two or more Latin words left once allowed phrases and words are masked."""
    found = []
    for text in texts:
        for phrase in allowed:
            if phrase in text:
                text = _mask(text, phrase)
        found += [m.group(0) for m in RUN.finditer(text)
                  if any(w.lower() not in ALLOWED_WORDS for w in re.findall(WORD, m.group(0)))
                  and len([w for w in re.findall(WORD, m.group(0))
                           if w.lower() not in ALLOWED_WORDS]) >= 2]
    return found


def _holds(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text) is not None


def _mask(text: str, phrase: str) -> str:
    return re.sub(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", "¦", text)


def data_strings(review: Review, ws: Workspace) -> set[str]:
    """Every text of the data and the playbook (the client's words, not the kit's)."""
    strings: set[str] = set()
    for frame in (review.data.posts, review.data.messages, review.data.daily):
        for column in frame.columns:
            if frame[column].dtype == object or str(frame[column].dtype).startswith("string"):
                strings.update(str(v) for v in frame[column].dropna().unique())
    strings.update(_scalars(yaml.safe_load(ws.playbook_file(CLIENT).read_text("utf-8"))))
    strings.update(_member_words(review.figures.to_json()))
    strings.update(x["item"] for period in ("current", "previous")
                   for x in review.figures.to_json()["listening"][period]["request_register"])
    strings.update(holidays.country_holidays("US", years=2026).values())
    strings.update(charts.matplotlib.rcParams["font.sans-serif"])  # fonts the appendix names
    shown = {"".join(c for c in s if unicodedata.category(c) not in ("Cc", "Cf"))
             for s in strings}  # the page drops control and direction characters
    return {s for s in strings | shown if len(s) > 1}


def _member_words(node: Any) -> Iterable[str]:
    """Member text as the figures hold it (cut, or normalised into a request's item)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in MEMBER_KEYS and isinstance(value, str):
                yield value
            elif key in MEMBER_KEYS and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _member_words(value)
    elif isinstance(node, list):
        for value in node:
            yield from _member_words(value)


def _scalars(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from _scalars(value)
    elif node is not None:
        yield str(node)


# ---- the demo in Chinese ----------------------------------------------------------------
def _recording(function: Callable[..., str], into: list[str]) -> Callable[..., str]:
    """``function``, noting every string passed to it (labels, titles, axes, series)."""
    def record(*args: Any, **kwargs: Any) -> str:
        for value in (*args, *kwargs.values()):
            if isinstance(value, str):
                into.append(value)
            elif isinstance(value, dict | list | tuple):
                into.extend(str(v) for v in value if isinstance(v, str))
        return function(*args, **kwargs)

    return record


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ws = demo_workspace(tmp_path_factory.mktemp("zh"), {CLIENT: "zh"})
    chart_texts: list[str] = []
    mp = pytest.MonkeyPatch()
    for name in ("bars", "line", "heatmap"):
        mp.setattr(charts, name, _recording(getattr(charts, name), chart_texts))
    try:
        review = Review(CLIENT, periods.resolve(PERIOD, None, None), ws)
        assert review.language == "zh"
        outputs = [str(getattr(review, section)()) for section in SECTIONS]
    finally:
        mp.undo()
    folder = ws.reports / CLIENT / PERIOD
    folder.mkdir(parents=True)
    review.save_metrics(folder / "metrics.json")
    page = _page(folder, outputs)
    goals, headlines = summarise(folder / "metrics.json")
    result = JobResult(client=CLIENT, name="Northwind", ok=True, period=PERIOD,
                       report=f"{CLIENT}/{PERIOD}/report.html", goals=goals,
                       headlines=headlines)
    index = portfolio.write_index(ws, PERIOD, [result]).read_text(encoding="utf-8")
    return {"page": page, "index": index, "charts": chart_texts,
            "data": data_strings(review, ws)}


def _page(folder: Path, outputs: list[str]) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": markup})])
        for markup in outputs])
    executed = folder / "report.ipynb"
    nbformat.write(nb, executed)
    page = publish.to_html(executed, "demo-zh", dt.date(2026, 11, 1).isoformat(), "zh")
    (folder / "report.html").write_text(page, encoding="utf-8")
    return page


def allowed(data: set[str]) -> list[str]:
    """Phrases to mask before looking for English: longest first."""
    return sorted({*data, *kept_latin(), *KNOWN_ELSEWHERE}, key=len, reverse=True)


# ---- the checks ---------------------------------------------------------------------------
def test_the_scanner_finds_english_the_kit_wrote() -> None:
    """The checks fail on what they are for: a kit label, and a run of English words."""
    data = {"Delivery and orders", "Mia Chen"}
    texts = ["Other (no theme)", "负责团队：Delivery and orders", "Mia Chen（instagram）",
             "回复时长 3 h 15 min", "Pending (not yet due) 2", "Answered by the team:"]
    assert catalogue_leftovers(texts, data) == [
        "Other (no theme)", "Pending (not yet due) 2", "Answered by the team:"]
    assert latin_runs(texts, allowed(data)) == [
        "Other (no theme", "Pending (not yet due", "Answered by the team"]


def test_the_chinese_report_shows_no_english_the_kit_wrote(demo: dict[str, Any]) -> None:
    texts = [t for t in visible_texts(demo["page"]) if not t.startswith(KNOWN_ELSEWHERE)]
    assert len(texts) > 100  # the page was read
    # the kit's default owner and the pain points' row of no theme, among the client's words
    assert "<td>社区团队</td>" in demo["page"].replace(' class=""', "")
    assert "<td>其他（无主题）</td>" in demo["page"].replace(' class=""', "")
    assert (catalogue_leftovers(texts, demo["data"]),
            latin_runs(texts, allowed(demo["data"]))) == ([], [])


def test_the_chinese_charts_have_no_english_the_kit_wrote(demo: dict[str, Any]) -> None:
    assert len(demo["charts"]) >= 10  # titles, axes and labels of every chart were seen
    assert (catalogue_leftovers(demo["charts"], demo["data"]),
            latin_runs(demo["charts"], allowed(demo["data"]))) == ([], [])


def test_the_agency_index_of_chinese_clients_is_chinese(demo: dict[str, Any]) -> None:
    index = demo["index"]
    assert '<html lang="zh-Hans">' in index and "社区运营复盘" in index
    texts = visible_texts(index)
    assert (catalogue_leftovers(texts, demo["data"]),
            latin_runs(texts, allowed(demo["data"]))) == ([], [])
