"""``communitykit send``: a rendered report's summary mailed, its PDF and HTML attached.

The settings, the password and the recipients are checked before anything is rendered
or written, and the report's commentary against the review files as they are now
(``review_check``); the PDF is written beside the report (once, until the report
changes); a failure leaves every file of the report in place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..addresses import bare, check_address
from ..errors import CommunityKitError, UserError
from ..paths import Client
from . import message, review_check, settings, summary
from .send import DeliveryFailed, send


def recipients(given: list[str], playbook_list: list[str]) -> list[str]:
    """``--to`` addresses then the playbook's, each address once."""
    seen: dict[str, str] = {}
    for address in (*given, *playbook_list):
        seen.setdefault(bare(address).lower(), check_address(address))
    return list(seen.values())


def pdf_of(folder: Path) -> Path | None:
    """``report.pdf`` beside the report, written when missing or older than report.html;
    None when this kit has no PDF writer."""
    try:
        from ..report.pdf import write_pdf
    except ImportError:
        return None
    page, pdf = folder / "report.html", folder / "report.pdf"
    if pdf.is_file() and pdf.stat().st_mtime >= page.stat().st_mtime:
        return pdf
    try:
        write_pdf(page, pdf)  # whole or not at all
    except CommunityKitError as exc:
        raise DeliveryFailed(f"the PDF could not be written: {exc}; nothing was sent") from None
    except Exception as exc:  # the engine's failure, whatever its kind  # noqa: BLE001
        raise DeliveryFailed(f"the PDF could not be written ({type(exc).__name__}: {exc}); "
                             "nothing was sent") from None
    return pdf


def deliver(client: Client, label: str, to: list[str], render: Callable[[], None],
            force_render: bool, say: Callable[[str], None]) -> int:
    """Send ``client``'s report of period ``label``; 0 when every recipient took it."""
    found = settings.load(settings.settings_path(client.workspace))
    password = settings.password(found)
    addresses = recipients(to, list(client.playbook.recipients))
    if not addresses:
        raise UserError("nobody to send to: give --to name@example.com or list recipients "
                        "in the playbook", file=client.playbook_file)
    folder = client.workspace.report_dir(client.name, label)
    if force_render or not (folder / "report.html").is_file():
        render()
    with client.lock("send"):
        # the commentary mailed is what the review files say now, or nothing is sent
        review_check.check(client.folder, folder, client.name, label)
        pdf = pdf_of(folder)
        files = message.attachments(folder, client.name, label, pdf)
        mail = message.build(summary.read(folder, client.language), found.smtp.sender,
                             addresses, files, client.playbook.client.brand.colour)
    if pdf is None:
        say("no PDF writer in this kit: the HTML report only is attached")
    refused = send(mail, found.smtp, password, settings.ca_file(found))
    taken = [a for a in addresses if bare(a) not in refused]
    say(f"sent {folder / 'report.html'} to {', '.join(taken)} via {found.smtp.where}")
    for address, reply in refused.items():
        print(f"communitykit: not delivered to {address}: {found.smtp.where} answered {reply}",
              file=sys.stderr)
    return 4 if refused else 0
