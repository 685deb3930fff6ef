"""The page's heading: the client's name and logo, the period, and the contents."""

from __future__ import annotations

import base64

import pandas as pd

from ...errors import UserError
from ...html import Html, esc, fmt_date, name_tooltip, short_name
from ...i18n import tr
from ..context import Report
from . import CONTENTS

# The client's name in the report's heading is cut past this many characters.
CLIENT_NAME_CHARS = 120
LOGO_LIMIT = 512 * 1024
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def render(report: Report) -> Html:
    p = report.period
    last = p.end - pd.Timedelta(days=1)
    sub = " · ".join((tr("Community review"), p.label,
                      f"{fmt_date(p.start)} – {fmt_date(last)}",
                      report.playbook.client.timezone))
    links = "".join(f'<a href="#{anchor}">{esc(tr(label))}</a>' for anchor, label in CONTENTS)
    colour = report.playbook.client.brand.colour
    style = f"<style>:root {{ --accent: {colour}; }}</style>" if colour else ""
    name = report.playbook.client.name
    return Html(f'{style}<header class="report-head">{_logo(report)}'
                f'<h1{name_tooltip(name, CLIENT_NAME_CHARS)}>'
                f"{esc(short_name(name, CLIENT_NAME_CHARS))}</h1>"
                f'<p class="subtitle">{esc(sub)}</p>'
                f'<nav class="toc" aria-label="{esc(tr("Contents"))}">{links}</nav></header>')


def _logo(report: Report) -> str:
    """The client's logo as an embedded image (PNG or JPEG, checked by its bytes)."""
    name = report.playbook.client.brand.logo
    if not name:
        return ""
    path = report.workspace.client_dir(report.client) / name
    if not path.is_file():
        raise UserError("the logo file does not exist", file=path)
    try:
        with path.open("rb") as logo:
            data = logo.read(LOGO_LIMIT + 1)  # a larger file is refused unread
    except OSError as exc:
        raise UserError(f"the logo cannot be read ({exc.strerror or 'read error'})",
                        file=path) from None
    if len(data) > LOGO_LIMIT:
        raise UserError(f"the logo is larger than {LOGO_LIMIT // 1024} KB", file=path)
    mime = next((t for magic, t in LOGO_TYPES.items() if data.startswith(magic)), None)
    if mime is None:
        raise UserError("the logo is not a PNG or JPEG image", file=path)
    encoded = base64.b64encode(data).decode("ascii")
    alt = short_name(report.playbook.client.name, CLIENT_NAME_CHARS)
    return f'<img class="logo" alt="{esc(alt)}" src="data:{mime};base64,{encoded}">'
