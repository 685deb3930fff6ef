"""A corpus of malformed exports, generated into a folder (``python tests/malformed.py DIR``).

Every case names the file to write, its bytes, and the outcome the kit must give:
``ok`` (a clean import, each rejected row counted with its row number and reason) or
``error`` (one ``UserError`` naming the file). ``docs/reliability.md`` lists the cases.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    content: bytes
    outcome: str  # "ok" or "error"
    expect: str = ""  # a piece of the error message, or of a rejection reason
    forced: str | None = None  # --format


META_HEADER = ('"Post ID","Account ID","Account username","Publish time","Description",'
               '"Views","Reach","Likes","Comments"\n')
META_ROWS = ('"18000000000000000","17841400000000009","bakery","10/15/2026 10:00","Crème brûlée",'
             '"400","300","20","1"\n'
             '"18000000000000001","17841400000000009","bakery","11/02/2026 10:00","Tip: 早餐",'
             '"410","310","21","2"\n')
X_HEADER = '"Tweet id","Tweet permalink","Tweet text","time","impressions","likes"\n'
X_ROWS = ('"1432793754507923461","https://x.com/acme/status/1432793754507923461","héllo",'
          '"2026-10-31 19:53 +0000","89","5"\n'
          '"1432747650101747715","https://x.com/acme/status/1432747650101747715","wörld",'
          '"2026-10-31 16:50 +0000","120","7"\n')
DCE_HEADER = "AuthorID,Author,Date,Content,Attachments,Reactions\n"
DCE_ROWS = ('111111111111111111,Ana,2026-10-02T10:00:00.0000000-04:00,"Anyone, here? ü",,\n'
            "222222222222222222,Bo,10/02/2026 10:30 AM,Yes ask awäy,,\n")
CRM_HEADER = "Comment ID,Date,User,Comment\n"
CRM_ROWS = "c1,2026-10-02 10:00,ana,Bonjour ça va\nc2,2026-10-02 11:00,bo,héllo\n"

FILES = {
    "meta": ("instagram_posts.csv", META_HEADER, META_ROWS),
    "x": ("tweet_activity_metrics_acme_20261001_20261031_en.csv", X_HEADER, X_ROWS),
    "discord_csv": ("Acme - general [123456789012345678].csv", DCE_HEADER, DCE_ROWS),
    "generic": ("crm_comments.csv", CRM_HEADER, CRM_ROWS),
}

def crm_sources(text_column: str = "Comment", more: str = "") -> str:
    """The playbook's exports.sources block mapping ``crm_*`` files onto messages (the
    text read from ``text_column``; ``more``: further mapped columns, ``likes: Likes``)."""
    extra = f", {more}" if more else ""
    return f"""
exports:
  sources:
    - match: "crm_*"
      platform: other
      mapping:
        table: messages
        columns: {{message_id: Comment ID, created_at: Date, author_id: User,
                   text: {text_column}{extra}}}
"""


# the playbook's exports.sources block the generic cases need
GENERIC_SOURCES = crm_sources()


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as bundle:
        for name, data in entries.items():
            bundle.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def _truncations(kind: str, name: str, header: str, rows: str) -> list[Case]:
    whole = (header + rows).encode("utf-8")
    last = whole.rindex(b"\n", 0, len(whole) - 1) + 1  # start of the last row
    multibyte = next(i for i in range(last, len(whole)) if whole[i] >= 0xC0)
    quote = whole.index(b'"', last) if b'"' in whole[last:] else last + 3
    comma = whole.index(b",", last)
    return [
        Case(f"{kind}: cut mid-field", name, whole[: comma - 2], "ok"),
        Case(f"{kind}: cut mid-quote", name, whole[: quote + 4], "ok"),
        Case(f"{kind}: cut mid-line (after a comma)", name, whole[: comma + 1], "ok"),
        Case(f"{kind}: cut mid-multibyte character", name, whole[: multibyte + 1], "error",
             "not UTF-8"),
    ]


def _csv_cases(kind: str) -> list[Case]:
    name, header, rows = FILES[kind]
    text = header + rows
    first_row = rows.splitlines()[0]
    return [
        Case(f"{kind}: header only", name, header.encode(), "error", "no data rows"),
        Case(f"{kind}: header, no newline", name, header.strip().encode(), "error",
             "no data rows"),
        Case(f"{kind}: UTF-16 with BOM", name, text.encode("utf-16"), "ok"),
        Case(f"{kind}: UTF-8 with BOM and CRLF", name,
             text.replace("\n", "\r\n").encode("utf-8-sig"), "ok"),
        Case(f"{kind}: UTF-16-LE without BOM", name, text.encode("utf-16-le"), "error"),
        Case(f"{kind}: GBK", name, (text + rows.replace("ü", "中文")).encode("gbk", "replace"),
             "error", "not UTF-8"),
        Case(f"{kind}: latin-1", name, text.encode("latin-1", "replace"), "error",
             "not UTF-8"),
        Case(f"{kind}: UTF-8 and latin-1 lines mixed", name,
             header.encode() + rows.encode("utf-8") + first_row.encode("latin-1", "replace")
             + "é\n".encode("latin-1"), "error", "row 4"),
        Case(f"{kind}: NUL bytes", name, text.encode().replace(b",", b",\x00", 1), "error",
             "NUL"),
        Case(f"{kind}: ';' delimiter", name, text.replace(",", ";").encode(), "error"),
        Case(f"{kind}: tab delimiter", name, text.replace(",", "\t").encode(), "error"),
        Case(f"{kind}: 10 MB single field", name,
             (header + rows + first_row.replace(",", ",\"" + "x" * 10_000_000 + "\"", 1)
              + "\n").encode(), "ok"),
        Case(f"{kind}: short row", name, (text + first_row.split(",")[0] + "\n").encode(), "ok",
             "fields"),
        *_truncations(kind, name, header, rows),
    ]


def _field_cases() -> list[Case]:
    meta_name, x_name, crm = FILES["meta"][0], FILES["x"][0], FILES["generic"][0]
    return [
        Case("meta: mixed date formats in one column", meta_name,
             (META_HEADER + META_ROWS + META_ROWS.splitlines()[0].replace(
                 "10/15/2026 10:00", "2026-10-15T10:00").replace("000\"", "009\"", 1)
              + "\n").encode(), "ok", "publish time"),
        Case("meta: id as float 1.23E+18", meta_name,
             (META_HEADER + META_ROWS.replace('"18000000000000001"', '"1.23E+18"')).encode(),
             "ok", "float"),
        Case("meta: numbers in words", meta_name,
             (META_HEADER + META_ROWS.replace('"410"', '"twelve"')).encode(), "ok",
             "not a number"),
        Case("meta: duplicated header names", meta_name,
             (META_HEADER.replace('"Reach"', '"Views"') + META_ROWS).encode(), "ok"),
        Case("meta: missing header names", meta_name,
             (META_HEADER.replace('"Reach"', '""').replace('"Likes"', "") + META_ROWS).encode(),
             "ok"),
        Case("meta: required header missing", meta_name,
             (META_HEADER.replace('"Publish time"', '"When"') + META_ROWS).encode(), "error",
             "format not recognised"),
        Case("meta: required header missing, format named", meta_name,
             (META_HEADER.replace('"Publish time"', '"When"') + META_ROWS).encode(), "error",
             "'publish time' not found", forced="meta_posts"),
        Case("x: id as float and mixed dates", x_name,
             (X_HEADER + X_ROWS.replace('"1432747650101747715","https://x.com/acme/status/'
                                        '1432747650101747715"', '"1.43E+18",""')
              .replace("2026-10-31 19:53 +0000", "31/10/2026 19:53")).encode(), "error",
             "all 2 rows read were rejected"),
        Case("generic: mixed date formats", crm,
             (CRM_HEADER + CRM_ROWS + "c3,02/10/2026 12:00,cy,hi\n").encode(), "ok",
             "does not match"),
        Case("generic: id as float", crm, (CRM_HEADER + "1.23E+18,2026-10-02 10:00,a,x\n"
                                           + CRM_ROWS).encode(), "ok", "float"),
        Case("generic: garbage workbook", "crm_book.xlsx", b"PK\x03\x04garbage" * 50, "error"),
    ]


def _json_cases() -> list[Case]:
    discord = "Acme - general [55].json"
    message = {"id": "900000000000000101", "timestamp": "2026-10-02T10:00:00.000-04:00",
               "content": "hi", "author": {"id": "700000000000000001", "name": "ann"}}
    shapes = {
        "a list of ints": [1, 2, 3],
        "a dict without the expected keys": {"guild": 1, "channel": 2},
        "messages that are not objects": {"guild": {}, "channel": {}, "messages": [1, "x", None,
                                                                                  [message]]},
        "nested wrong types": {"guild": "g", "channel": "general",
                               "messages": [{**message, "author": "ann"},
                                            {**message, "reactions": 5},
                                            {**message, "timestamp": 12},
                                            {**message, "id": {"x": 1}}, message]},
    }
    outcomes = {"messages that are not objects": ("error", "all 4 rows read were rejected"),
                "nested wrong types": ("ok", "")}
    cases = [Case(f"discord_json: {what}", discord, json.dumps(doc).encode(),
                  *outcomes.get(what, ("error", "")), forced="discord_json")
             for what, doc in shapes.items()]
    comments = "comments_18000000000000001.json"
    cases += [
        Case("discord_json: 100 000 nested arrays", discord,
             b'{"guild": {}, "channel": {}, "messages": ' + b"[" * 100_000 + b"]" * 100_000
             + b"}", "error", "nests too deeply", forced="discord_json"),
        Case("instagram comments: data is a dict", comments, b'{"data": {"id": 1}}', "error"),
        Case("instagram comments: items of wrong types", comments,
             json.dumps({"data": [1, None, {"id": 5, "timestamp": [], "from": "x"},
                                  {"id": "1", "text": {"a": 1}, "timestamp": "yesterday"}]})
             .encode(), "error", "all 4 rows read were rejected"),
        Case("instagram comments: truncated JSON", comments, b'{"data": [{"id": "1", "te',
             "error", "not valid JSON", forced="instagram_graph_comments"),
        Case("reddit jsonl: wrong shapes per line", "reddit_comments.jsonl",
             b'{"id": "a1", "body": "x"}\n[1,2]\n"str"\n{"id": {}, "created_utc": "x"}\n',
             "error", "all 4 rows read were rejected", forced="reddit_jsonl"),
    ]
    return cases


# sets the terminal title, erases the line and fakes the store's message, if printed raw
HOSTILE_NAME = ("\x1b]0;pwned\x07\x1b[2K\rstore updated (v999999)\n\u202einstagram_posts"
                ".csv")


def same_members(names: list[str], data: bytes) -> bytes:
    """A zip of members holding the same ``data``, compressed once (fast to build)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    out, central = io.BytesIO(), io.BytesIO()
    for name in names:
        offset = out.tell()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, zlib.crc32(data), len(packed),
                             len(data))
        out.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name.encode()
                  + packed)
        central.write(b"PK\x01\x02" + struct.pack("<H", 20) + fields
                      + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, offset)
                      + name.encode())
    start, size = out.tell(), central.tell()
    out.write(central.getvalue() + b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(names), len(names), size, start, 0))
    return out.getvalue()


def _damaged(archive: bytes) -> bytes:
    """Flip bytes in the middle of the first member's compressed data."""
    start = 30 + int.from_bytes(archive[26:28], "little") + 10
    return archive[:start] + bytes(b ^ 0xFF for b in archive[start:start + 20]) + \
        archive[start + 20:]


def _zip_cases() -> list[Case]:
    meta = (META_HEADER + META_ROWS).encode()
    nested = {"a/b/c/instagram_posts.csv": meta}
    return [
        Case("zip: nested folders", "export.zip", _zip(nested), "ok"),
        Case("zip: inside a zip", "outer.zip", _zip({"inner/export.zip": _zip(nested)}), "ok"),
        Case("zip: '../evil.csv' beside a good file", "export.zip",
             _zip({**nested, "../evil.csv": meta}), "ok"),
        Case("zip: only '../evil.csv'", "export.zip", _zip({"../evil.csv": meta}), "error",
             "no export files"),
        Case("zip: absolute path only", "export.zip", _zip({"/tmp/evil.csv": meta}), "error",
             "no export files"),
        Case("zip: empty archive", "export.zip", _zip({}), "error", "no export files"),
        Case("zip: not a zip", "export.zip", b"this is not a zip" * 10, "error", "zip"),
        Case("zip: truncated", "export.zip", _zip(nested)[:-30], "error", "zip"),
        Case("zip: stored member with a bad CRC", "export.zip",
             _zip(nested, zipfile.ZIP_STORED).replace(b"bakery", b"bakerz"), "error", "zip"),
        Case("zip: deflated member with damaged data", "export.zip", _damaged(_zip(nested)),
             "error", "zip"),
        Case("zip: high compression ratio (64 MiB of zeros)", "export.zip",
             _zip({"instagram_posts.csv": b"0" * 64 * 2**20}), "error", "zip bomb"),
        Case("zip: 40 members of 16 MiB (658 KB packed)", "export.zip",
             same_members([f"part{n}.csv" for n in range(40)], b"0" * 16 * 2**20), "error",
             "zip bomb"),
        Case("zip: many 1 MiB members compressing 1000 to 1 together", "export.zip",
             _zip({f"p{n}.csv": b"0" * 2**20 for n in range(4)}), "error", "zip bomb"),
        Case("zip: member named with terminal escapes", "export.zip",
             _zip({HOSTILE_NAME: meta}), "ok"),
    ]


def _other_cases() -> list[Case]:
    return [
        Case("empty file (.csv)", "instagram_posts.csv", b"", "error"),
        Case("empty file (.json)", "comments_1.json", b"", "error"),
        Case("binary garbage", "instagram_posts.csv", bytes(range(256)) * 64, "error"),
        Case("binary garbage, forced format", "data.csv", bytes(range(256)) * 64, "error",
             forced="meta_posts"),
        Case("only newlines", FILES["meta"][0], b"\n\r\n\n", "error"),
    ]


def cases() -> list[Case]:
    out = [c for kind in FILES for c in _csv_cases(kind)]
    return out + _field_cases() + _json_cases() + _zip_cases() + _other_cases()


def write(case: Case, folder: Path) -> Path:
    """Write ``case`` into its own sub-folder of ``folder``; return the file."""
    path = folder / case.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.content)
    return path


def main(argv: list[str], out: Callable[[str], None] = print) -> None:
    folder = Path(argv[0])
    for number, case in enumerate(cases()):
        path = write(case, folder / f"{number:03d}")
        out(f"{path}\t{case.outcome}\t{case.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
