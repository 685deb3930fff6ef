"""Bounded memory on hostile archives and workbooks (issue 16): every bomb is built here,
small on disk, and refused on its declared sizes before anything is expanded; the
tracemalloc peak of each refusal is a few MiB while the bomb would unpack to hundreds."""

from __future__ import annotations

import io
import os
import random
import string
import sys
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from communitykit import archives, playbook
from communitykit.errors import ImportFailed, InputTooLarge
from communitykit.importers import sheets
from communitykit.ingest import import_exports
from communitykit.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from malformed import GENERIC_SOURCES, same_members  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
META_CSV = (FIXTURES / "handcalc" / "exports" / "instagram_posts.csv").read_bytes()
MiB = 2**20
T = TypeVar("T")

CRM_SOURCES = GENERIC_SOURCES


@pytest.fixture
def book(tmp_path: Path) -> playbook.Playbook:
    path = tmp_path / "playbook.yaml"
    path.write_text((FIXTURES / "handcalc" / "playbook.yaml").read_text() + CRM_SOURCES)
    return playbook.load(path)


def peak_mib(action: Callable[[], T]) -> tuple[T | BaseException, float]:
    """What ``action`` returned or raised, and the peak of Python allocations in MiB."""
    tracemalloc.start()
    try:
        outcome: T | BaseException = action()
    except Exception as exc:  # noqa: BLE001 (the caller asserts which)
        outcome = exc
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, peak / MiB


def zip_bytes(members: dict[str, bytes], level: int = 1) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return buffer.getvalue()


def noise(size: int, seed: int = 1) -> bytes:
    """Bytes that do not compress (random letters compress about 1.3 to 1)."""
    return random.Random(seed).randbytes(size)


# --- workbooks, written part by part (openpyxl would take minutes for a bomb) ------------

PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
        'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        '</workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>',
}
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main">')


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number: int, cells: Iterator[str] | list[str]) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def workbook(path: Path, rows: list[str], strings: list[str] = (), dimension: str = "",
             level: int = 1) -> Path:
    """An .xlsx with one sheet of ``rows`` (row XML) and shared ``strings``."""
    parts = {name: text.encode() for name, text in PARTS.items()}
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts["xl/worksheets/sheet1.xml"] = (SHEET_HEAD + dim + "<sheetData>" + "".join(rows)
                                         + "</sheetData></worksheet>").encode()
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main">' + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>").encode()
    path.write_bytes(zip_bytes(parts, level))
    return path


CRM_HEADER = row(1, [cell("A1", "Comment ID"), cell("B1", "Date"), cell("C1", "User"),
                     cell("D1", "Comment")])


def crm_row(number: int, text: str) -> str:
    return row(number, [cell(f"A{number}", f"c{number}"), cell(f"B{number}", "2026-10-02 10:00"),
                        cell(f"C{number}", "ana"), cell(f"D{number}", text)])


def test_a_workbook_with_one_huge_cell_is_refused_before_it_is_expanded(
        tmp_path: Path, book: playbook.Playbook) -> None:
    """The reported case, scaled down: 1.2 MB holding a 1.2 GB cell. Here 64 MiB of one
    letter in one cell packs to ~70 KB (1,000 to 1): refused on the declared size."""
    path = workbook(tmp_path / "crm_book.xlsx", [CRM_HEADER, crm_row(2, "a" * (64 * MiB))],
                    level=9)
    assert path.stat().st_size < 200_000
    store = Store(tmp_path / "store")
    outcome, peak = peak_mib(lambda: import_exports(store, book, [path], say=lambda _: None))
    assert isinstance(outcome, InputTooLarge), outcome
    message = str(outcome)
    assert message.startswith(f"{path}: the workbook's member 'xl/worksheets/sheet1.xml' "
                              "compresses"), message
    assert "at most 100 to 1 above 1 MiB" in message and "zip bomb" in message
    assert peak < 8, peak  # the 64 MiB never reached memory
    assert not store.exists()


def test_a_workbook_over_the_size_cap_is_refused(tmp_path: Path, book: playbook.Playbook,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_WORKBOOK", 2 * MiB)
    text = noise(3 * MiB).hex()[: 3 * MiB]  # 3 MiB of hex digits: compresses ~2 to 1
    path = workbook(tmp_path / "crm_book.xlsx", [CRM_HEADER, crm_row(2, text)])
    with pytest.raises(InputTooLarge, match=r"the workbook unpacks to 3\.0 MiB, more than the "
                                            r"2 MiB the kit accepts"):
        import_exports(Store(tmp_path / "store"), book, [path], say=lambda _: None)


def test_a_long_cell_is_cut_and_counted(tmp_path: Path, book: playbook.Playbook) -> None:
    """150,000 characters that do not compress much: read, cut to 100,000, noted."""
    letters = random.Random(2).choices(string.ascii_letters, k=150_000)
    path = workbook(tmp_path / "crm_book.xlsx",
                    [CRM_HEADER, crm_row(2, "".join(letters)), crm_row(3, "short")])
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, book, [path], say=lambda _: None)
    assert (account.rows_read, account.kept, account.rejected) == (2, 2, [])
    texts = store.load("messages").set_index("message_id")["text"]
    assert len(texts["c2"]) == 100_000 and texts["c2"] == "".join(letters[:100_000])
    assert texts["c3"] == "short"
    assert "1 cells longer than 100,000 characters were cut to their first 100,000" in \
        account.notes


def test_a_shared_text_repeated_in_many_cells_is_refused(tmp_path: Path,
                                                         book: playbook.Playbook) -> None:
    """One 90,000-character shared string named by 3,000 cells: 270 million characters
    from a file of a few KB (each cell alone is under the cut)."""
    refs = [row(n, [f'<c r="D{n}" t="s"><v>0</v></c>']) for n in range(2, 3002)]
    path = workbook(tmp_path / "crm_book.xlsx", [CRM_HEADER, *refs], strings=["b" * 90_000])
    outcome, peak = peak_mib(lambda: import_exports(Store(tmp_path / "store"), book, [path],
                                                    say=lambda _: None))
    assert isinstance(outcome, InputTooLarge), outcome
    assert "more than 200,000,000 characters" in str(outcome)
    assert peak < 16, peak


def test_declared_dimensions_and_far_cells_do_not_blow_up(tmp_path: Path,
                                                         book: playbook.Playbook) -> None:
    """A sheet declaring A1:XFD1048576 is read by its real cells; rows that reach column
    XFD (16,384 cells each) are counted and refused past 10 million cells."""
    small = workbook(tmp_path / "crm_small.xlsx", [CRM_HEADER, crm_row(2, "hi")],
                     dimension="A1:XFD1048576")
    (account,) = import_exports(Store(tmp_path / "s1"), book, [small], say=lambda _: None)
    assert account.kept == 1
    far = [row(n, [cell(f"A{n}", "x"), f'<c r="XFD{n}"><v>1</v></c>']) for n in range(2, 700)]
    wide = workbook(tmp_path / "crm_wide.xlsx", [CRM_HEADER, *far])
    assert wide.stat().st_size < 100_000
    with pytest.raises(InputTooLarge, match="more than 10,000,000 cells"):
        import_exports(Store(tmp_path / "s2"), book, [wide], say=lambda _: None)


@pytest.mark.parametrize(("content", "expect"), [
    (b"Comment ID,Date,User,Comment\nc1,2026-10-02,ana,hi\n", "not an Excel workbook"),
    (sheets.OLE2_MAGIC + b"\x00" * 600, "old binary .xls"),
    (zip_bytes({"x.txt": b"hi"}), "a part of it is missing or damaged"),
])
def test_what_is_not_a_workbook_is_said_in_plain_words(
        tmp_path: Path, book: playbook.Playbook, content: bytes, expect: str) -> None:
    path = tmp_path / "crm_book.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        import_exports(Store(tmp_path / "store"), book, [path], say=lambda _: None)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and expect in message, message
    assert "engine" not in message and "KeyError" not in message


# --- archives -----------------------------------------------------------------------------

def unpacked_files(store_dir: Path) -> list[Path]:
    return [p for p in store_dir.glob(".unpack-*/**/*") if p.is_file()]


def test_forty_members_of_16_mib_are_refused_before_writing(tmp_path: Path,
                                                            book: playbook.Playbook) -> None:
    """The reported case: 40 members of exactly 16 MiB (640 MiB from ~650 KB)."""
    archive = tmp_path / "export.zip"
    archive.write_bytes(same_members([f"part{n}.csv" for n in range(40)], b"0" * (16 * MiB)))
    with zipfile.ZipFile(archive) as bundle:  # a real zip: zipfile reads it back
        assert bundle.read("part39.csv") == b"0" * (16 * MiB)
    assert archive.stat().st_size < 1_000_000
    store = Store(tmp_path / "store")
    outcome, peak = peak_mib(lambda: import_exports(store, book, [archive],
                                                    say=lambda _: None))
    assert isinstance(outcome, InputTooLarge), outcome
    assert str(outcome).startswith(f"{archive}: the archive's member 'part0.csv' compresses")
    assert peak < 8, peak
    assert not unpacked_files(store.directory) and not list(store.directory.glob(".unpack-*"))


def test_the_total_counts_every_member_and_nested_archive(
        tmp_path: Path, book: playbook.Playbook, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cap at 8 MiB: 3 MiB beside a nested zip holding 3 MiB is 3 + 3 (the inner
    zip) + 3 (its member) = 9 MiB: refused at the inner zip, before it writes."""
    monkeypatch.setattr(archives, "MAX_UNPACKED", 8 * MiB)
    inner = zip_bytes({"deep.bin": noise(3 * MiB, 3)}, level=0)
    archive = tmp_path / "outer.zip"
    archive.write_bytes(zip_bytes({"a.bin": noise(3 * MiB, 4), "inner.zip": inner}, level=0))
    said: list[str] = []
    with pytest.raises(InputTooLarge) as caught:
        import_exports(Store(tmp_path / "store"), book, [archive], say=said.append)
    assert str(caught.value) == (
        f"{archive}/inner.zip: the archive unpacks to 3 MiB, more than the 2.0 MiB the kit "
        "accepts (with the 6.0 MiB unpacked before it; at most 8 MiB in one import)")
    assert said == [f"{archive}: unpacked"]
    assert not list((tmp_path / "store").glob(".unpack-*"))


def test_many_small_members_that_compress_like_a_bomb_are_refused(
        tmp_path: Path, book: playbook.Playbook) -> None:
    """Each member is 1 MiB (not above the per-member threshold); together 3 MiB from ~3 KB."""
    archive = tmp_path / "export.zip"
    archive.write_bytes(zip_bytes({f"p{n}.csv": b"0" * MiB for n in range(3)}, level=9))
    with pytest.raises(InputTooLarge, match=r"the archive compresses [\d,]+ to 1 \(3 MiB"):
        import_exports(Store(tmp_path / "store"), book, [archive], say=lambda _: None)


def test_zips_nested_too_deep_are_refused(tmp_path: Path, book: playbook.Playbook) -> None:
    data = zip_bytes({"instagram_posts.csv": META_CSV})
    for level in range(4):
        data = zip_bytes({f"z{level}.zip": data})
    archive = tmp_path / "deep.zip"
    archive.write_bytes(data)
    with pytest.raises(InputTooLarge, match=r"deep\.zip/z3\.zip/z2\.zip/z1\.zip: a zip inside "
                                            "3 levels of zips"):
        import_exports(Store(tmp_path / "store"), book, [archive], say=lambda _: None)


def test_nested_zips_are_named_by_their_archives(tmp_path: Path,
                                                 book: playbook.Playbook) -> None:
    inner = zip_bytes({"instagram_posts.csv": META_CSV})
    archive = tmp_path / "outer.zip"
    archive.write_bytes(zip_bytes({"folder/inner.zip": inner}))
    said: list[str] = []
    store = Store(tmp_path / "store")
    (account,) = import_exports(store, book, [archive], say=said.append)
    assert account.file == f"{archive}/folder/inner.zip/instagram_posts.csv"
    assert said[:2] == [f"{archive}: unpacked", f"{archive}/folder/inner.zip: unpacked"]
    assert not any(".unpack-" in line for line in said), said
    assert account.kept == 4


def test_a_member_that_lies_about_its_size_writes_no_more_than_declared(
        tmp_path: Path, book: playbook.Playbook) -> None:
    """Python's zipfile stops at the declared size; the CRC then fails: a clear error."""
    data = bytearray(zip_bytes({"instagram_posts.csv": b"x" * 5000}, level=9))
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")  # declared: 100 bytes
    archive = tmp_path / "export.zip"
    archive.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match="not a readable zip archive"):
        import_exports(Store(tmp_path / "store"), book, [archive], say=lambda _: None)


def test_a_killed_imports_unpack_folder_is_removed_by_the_next(
        tmp_path: Path, book: playbook.Playbook) -> None:
    store = Store(tmp_path / "store")
    store.directory.mkdir()
    dead = store.directory / ".unpack-999999999-abc"  # no process has this id
    (dead / "0-x").mkdir(parents=True)
    alive = store.directory / f".unpack-{os.getppid()}-def"  # a running import's
    alive.mkdir()
    archive = tmp_path / "export.zip"
    archive.write_bytes(zip_bytes({"instagram_posts.csv": META_CSV}))
    import_exports(store, book, [archive], say=lambda _: None)
    assert not dead.exists() and alive.exists()
    assert sorted(p.name for p in store.directory.glob(".unpack-*")) == [alive.name]
