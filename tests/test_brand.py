"""The client's brand in the report: accent colour and logo, checked before use."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest

from communitykit.errors import PlaybookError, UserError
from communitykit.paths import Workspace
from communitykit.playbook import load
from communitykit.report.review import Review


def _png() -> bytes:
    """A 1x1 PNG, built by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _brand(ws: Workspace, brand: str) -> Path:
    """Add ``brand: <brand>`` to the fixture's client block (written in flow style)."""
    path = ws.playbook_file("handcalc")
    text = path.read_text(encoding="utf-8")
    old = "timezone: America/New_York}"
    assert old in text
    path.write_text(text.replace(old, f"timezone: America/New_York, brand: {brand}}}", 1),
                    encoding="utf-8")
    return path


def test_colour_and_logo_reach_the_title(imported_ws: Workspace) -> None:
    _brand(imported_ws, '{colour: "#8a4b1c", logo: logo.png}')
    (imported_ws.client_dir("handcalc") / "logo.png").write_bytes(_png())
    title = str(Review.open("handcalc", "2026-11", workspace=str(imported_ws.root)).title())
    assert "<style>:root { --accent: #8a4b1c; }</style>" in title
    assert f'src="data:image/png;base64,{base64.b64encode(_png()).decode()}"' in title


def test_a_logo_that_is_not_an_image_is_refused(imported_ws: Workspace) -> None:
    _brand(imported_ws, "{logo: logo.png}")
    (imported_ws.client_dir("handcalc") / "logo.png").write_text("<svg onload=alert(1)>")
    review = Review.open("handcalc", "2026-11", workspace=str(imported_ws.root))
    with pytest.raises(UserError, match="not a PNG or JPEG") as err:
        review.title()
    assert "logo.png" in str(err.value)


@pytest.mark.parametrize("brand", ['{colour: "red; background:url(x)"}',
                                   "{logo: ../secret.png}", "{logo: /etc/logo.png}",
                                   "{logo: logo.svg}"])
def test_brand_values_are_validated(imported_ws: Workspace, brand: str) -> None:
    path = _brand(imported_ws, brand)
    with pytest.raises(PlaybookError, match="client.brand"):
        load(path)
