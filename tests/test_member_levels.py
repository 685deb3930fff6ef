"""Member levels against a hand calculation, from a report's window and from the whole store.

The store (platform x, America/New_York; report December 2026, its window October on, so
September is only the older months' facts). Messages per member and month:

    member      Sep  Oct  Nov  Dec   level at end of Nov     level now (Dec)
    ann          .    2    3    4    regular                 champion (7 in Nov-Dec)
    bob          .    1    1    1    regular                 regular
    cat          1    .    .    1    inactive                participant (seen in Sep)
    dan          .    .    .    2    inactive                newcomer
    eve          .    3    4    .    champion (7 in Oct-Nov) drifting (+1 spam in Dec)
    fay          .    .    1    .    newcomer                drifting
    gus          .    1    .    .    drifting                inactive
    hal          .    1    .    1    drifting                participant
    ivy          .    .    2    2    newcomer                champion (4: tied)
    jo           .    1    1    .    regular                 drifting
    Kai          .    1    1    .    regular                 drifting
    lea          1    .    1    .    participant             drifting
    old          1    .    .    .    inactive                inactive (not counted)
    zed          .    .    .  spam   -                       -

Champions, end of November: 10 members wrote in Oct-Nov (ann 5, bob 2, eve 7, fay 1,
gus 1, hal 1, ivy 2, jo 2, Kai 2, lea 1), ⌈10 ÷ 10⌉ = 1: at least 7 messages, eve.
Now: 11 members wrote in Nov-Dec (ann 7, ivy 4, eve 4, bob 2, dan 2, and six with 1),
⌈11 ÷ 10⌉ = 2: at least 4 (the second), and ivy ties eve: ann and ivy (eve is quiet).
Eve's last November message is at 2026-12-01 03:00Z, 30 November in New York.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from communitykit import metrics, periods, playbook, window
from communitykit.dataset import Dataset
from communitykit.i18n import use_language
from communitykit.metrics import levels
from communitykit.playbook import Playbook
from communitykit.report.sections import member_levels
from communitykit.store import Store, merge
from communitykit.tables import conform
from conftest import FIXTURES
from figures_factory import StubReport, figures

PERIOD = periods.parse("2026-12")
MONTHS = {"Sep": "2026-09", "Oct": "2026-10", "Nov": "2026-11", "Dec": "2026-12"}
WRITES = {  # member: messages per month, as in the docstring's table
    "ann": {"Oct": 2, "Nov": 3, "Dec": 4}, "bob": {"Oct": 1, "Nov": 1, "Dec": 1},
    "cat": {"Sep": 1, "Dec": 1}, "dan": {"Dec": 2}, "eve": {"Oct": 3, "Nov": 3},
    "fay": {"Nov": 1}, "gus": {"Oct": 1}, "hal": {"Oct": 1, "Dec": 1},
    "ivy": {"Nov": 2, "Dec": 2}, "jo": {"Oct": 1, "Nov": 1}, "Kai": {"Oct": 1, "Nov": 1},
    "lea": {"Sep": 1, "Nov": 1}, "old": {"Sep": 1},
}
EVE = "Eve <b>Stone</b>"  # member text: shown as text


def _rows() -> list[dict[str, object]]:
    rows = []
    for author, months in WRITES.items():
        for month, n in months.items():
            for i in range(n):
                rows.append(_row(f"{author}-{month}-{i}", author,
                                 f"{MONTHS[month]}-{10 + i:02d}T15:00Z"))
    return [
        *rows,
        _row("eve-last", "eve", "2026-12-01T03:00Z"),  # 30 Nov, 22:00 in New York
        _row("eve-spam", "eve", "2026-12-12T15:00Z", "FREE FOLLOWERS here"),
        _row("zed-spam", "zed", "2026-12-13T15:00Z", "free followers, cheap"),
    ]


def _row(message_id: str, author: str, when: str, text: str = "hello") -> dict[str, object]:
    return {"platform": "x", "message_id": message_id, "author_id": author,
            "author_name": EVE if author == "eve" else author,
            "created_at": pd.Timestamp(when), "text": text, "kind": "comment"}


def _playbook() -> Playbook:
    data = playbook.load(FIXTURES / "handcalc" / "playbook.yaml").model_dump(mode="json")
    data["goals"] = []
    return Playbook.model_validate(data)


def _store(tmp_path: Path, rows: list[dict[str, object]]) -> Store:
    store = Store(tmp_path / "store")
    frame = conform(pd.DataFrame(rows), "messages")
    store.commit({"messages": merge(conform(pd.DataFrame(), "messages"), frame,
                                    "messages")[0]}, [])
    return store


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory.mktemp("levels"), _rows())


@pytest.fixture(scope="module")
def both(stored: Store) -> tuple[Dataset, Dataset]:
    """The December report's window of the store, and the whole store."""
    pb = _playbook()
    return window.dataset(stored, pb, PERIOD), Dataset.from_store(stored, pb)


def test_every_level_and_movement_by_hand(both: tuple[Dataset, Dataset]) -> None:
    part, _ = both
    assert part.messages["created_at"].min() >= pd.Timestamp("2026-10-01", tz="UTC")
    assert not part.history.part("members").empty  # September: facts only
    found = levels.compute(part, PERIOD)
    assert found.current == {"champion": 2, "regular": 1, "participant": 2, "newcomer": 1,
                             "drifting": 5}
    assert found.previous == {"champion": 1, "regular": 4, "participant": 1, "newcomer": 2,
                              "drifting": 2}
    assert (found.champion_min_messages, found.previous_champion_min_messages) == (4, 7)
    moved = {(a, b): n for a, row in found.movement.items() for b, n in row.items() if n}
    assert moved == {
        ("champion", "drifting"): 1,  # eve
        ("regular", "champion"): 1,  # ann
        ("regular", "regular"): 1,  # bob
        ("regular", "drifting"): 2,  # jo, Kai
        ("participant", "drifting"): 1,  # lea
        ("newcomer", "champion"): 1,  # ivy
        ("newcomer", "drifting"): 1,  # fay
        ("drifting", "participant"): 1,  # hal
        ("drifting", "inactive"): 1,  # gus
        ("inactive", "participant"): 1,  # cat, seen only in the older months
        ("inactive", "newcomer"): 1,  # dan
    }
    assert set(found.movement) == set(levels.STATES)
    assert all(set(row) == set(levels.STATES) for row in found.movement.values())
    # the movement's rows and columns add up to the levels before and now
    for i, name in enumerate(levels.LEVELS):
        assert sum(found.movement[name].values()) == found.previous[name], name
        assert sum(row[name] for row in found.movement.values()) == found.current[name]
        assert i == levels.STATES.index(name)


def test_the_outreach_list_in_its_documented_order(both: tuple[Dataset, Dataset]) -> None:
    found = levels.compute(both[0], PERIOD)
    assert found.drifting_valuable == 3
    assert found.outreach == [
        # champions first; then the most messages; then by name, case ignored
        {"name": EVE, "platform": "x", "level_before": "champion",
         "last_active": "2026-11-30", "messages_before": 7},
        {"name": "jo", "platform": "x", "level_before": "regular",
         "last_active": "2026-11-10", "messages_before": 2},
        {"name": "Kai", "platform": "x", "level_before": "regular",
         "last_active": "2026-11-10", "messages_before": 2},
    ]


def test_the_window_gives_the_whole_stores_figures(stored: Store,
                                                  both: tuple[Dataset, Dataset]) -> None:
    """Each report's window (as tests/test_window.py compares them), for December, whose
    window leaves September out, and for the months before."""
    part, whole = both
    assert len(part.messages) < len(whole.messages)  # September left out: not vacuous
    assert (metrics.compute(part, PERIOD).to_json()
            == metrics.compute(whole, PERIOD).to_json())
    for label in ("2026-11", "2026-10"):
        period = periods.parse(label)
        assert (metrics.compute(window.dataset(stored, _playbook(), period), period)
                .to_json()["member_levels"]
                == metrics.compute(whole, period).to_json()["member_levels"]), label


def test_levels_agree_with_the_health_figures(both: tuple[Dataset, Dataset]) -> None:
    """Newcomers are the new members; the active members are the four levels that wrote;
    spam is left out of both (zed wrote only spam, eve's spam keeps her drifting)."""
    doc = metrics.compute(both[0], PERIOD)
    found, health = doc.member_levels, doc.health
    assert found.current["newcomer"] == health.current.new_members == 1
    active = sum(found.current[n] for n in ("champion", "regular", "participant", "newcomer"))
    assert active == health.current.active_members == 6
    assert found.previous["newcomer"] == health.previous.new_members == 2
    assert found.drifting_valuable == 3 and found.current["drifting"] == 5


def test_at_most_ten_to_reach_out_to(tmp_path: Path) -> None:
    """Twelve regulars go quiet: the list shows ten, ties by name, the count all."""
    rows = [_row(f"{name}-{month}", name, f"{month}-05T15:00Z")
            for name in [f"m{i:02d}" for i in range(12)] for month in ("2026-10", "2026-11")]
    rows += [_row("w-1", "w", "2026-11-06T15:00Z"), _row("w-2", "w", "2026-12-06T15:00Z")]
    pb = _playbook()
    found = levels.compute(window.dataset(_store(tmp_path, rows), pb, PERIOD), PERIOD)
    assert found.previous["regular"] + found.previous["champion"] == 12
    assert found.drifting_valuable == 12
    # the champions (all tied at 2 messages, the most) come first, then by name
    assert [r["name"] for r in found.outreach] == [f"m{i:02d}" for i in range(10)]


def test_no_members_at_all(tmp_path: Path) -> None:
    rows = [_row("s-1", "zed", "2026-12-03T15:00Z", "free followers")]
    found = levels.compute(window.dataset(_store(tmp_path, rows), _playbook(), PERIOD),
                           PERIOD)
    assert found.current == dict.fromkeys(levels.LEVELS, 0)
    assert found.champion_min_messages is None and found.outreach == []


# --- the report section -----------------------------------------------------------------


def _section(both: tuple[Dataset, Dataset], language: str) -> str:
    figs = figures()
    figs.member_levels = metrics.compute(both[0], PERIOD).member_levels
    with use_language(language):
        return str(member_levels.render(StubReport(figs, language)))  # type: ignore[arg-type]


def test_the_section_shows_counts_movement_and_outreach(both: tuple[Dataset, Dataset]) -> None:
    page = _section(both, "en")
    assert '<h2 id="member_levels">Member levels</h2>' in page
    assert "at least 4 messages" in page
    for heading in ("Movement since the previous period", "Drifting members to reach out to"):
        assert f"<h3>{heading}</h3>" in page
    assert "Eve &lt;b&gt;Stone&lt;/b&gt;" in page and "<b>Stone" not in page
    assert page.index("Eve &lt;b&gt;") < page.index(">jo<") < page.index(">Kai<")
    assert "30 Nov 2026" in page
    assert ">3 members who were champions or regulars" in page
    assert "<details" not in page  # short tables stay open
    # the counts table: Champions, previous 1, now 2, change +1
    assert 'Champions</td><td class="num">1</td><td class="num">2</td><td class="num">+1<' \
        in page


def test_the_section_in_chinese(both: tuple[Dataset, Dataset]) -> None:
    page = _section(both, "zh")
    for text in ("成员层级", "核心成员", "常驻成员", "参与者", "新人", "趋于沉寂", "不活跃",
                 "与上期相比的层级变动", "值得主动联系的沉寂成员", "2026年11月30日"):
        assert text in page, text
    assert "Champions" not in page and "Movement" not in page


def test_the_outreach_table_folds_past_ten_rows() -> None:
    """Ten rows stay open; the more line says how many more drifted."""
    figs = figures()
    figs.member_levels = levels.MemberLevels.none()
    figs.member_levels.outreach = [{"name": f"m{i}", "platform": "x",
                                    "level_before": "regular", "last_active": "2026-11-05",
                                    "messages_before": 2} for i in range(10)]
    figs.member_levels.drifting_valuable = 14
    page = str(member_levels.render(StubReport(figs)))  # type: ignore[arg-type]
    assert "… and 4 more." in page and "<details" not in page


def test_the_levels_before_are_the_previous_reports_levels(stored: Store) -> None:
    """As of the period end: December's levels before are November's levels now."""
    pb = _playbook()
    november = periods.parse("2026-11")
    before = levels.compute(window.dataset(stored, pb, PERIOD), PERIOD)
    then = levels.compute(window.dataset(stored, pb, november), november)
    assert before.previous == then.current
    assert before.previous_champion_min_messages == then.champion_min_messages
