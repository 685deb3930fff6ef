"""Mail addresses as a person writes them: ``ana@example.com`` or ``Ana Li <ana@example.com>``.

One check for every place an address is written (the playbook's ``recipients``, the
settings' ``from``, ``send --to``): a plain-words error, no header injection (a line
break, a comma or a second address is refused).
"""

from __future__ import annotations

import re
from email.utils import formataddr, parseaddr

# local@domain.tld: no spaces, one @, a dot in the domain; what mail servers accept is
# wider, what a typo produces is caught.
ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def check_address(value: str) -> str:
    """``value`` normalised (``Name <addr>`` or ``addr``), or a ValueError in plain words."""
    text = str(value).strip()
    if not text or any(ch in text for ch in "\r\n\0"):
        raise ValueError(f"{value!r} is not a mail address: write name@example.com")
    name, address = parseaddr(text)
    # parseaddr reads "a@b, c@d" as its first address: a text holding more is refused
    if not ADDRESS.match(address) or (name and "<" not in text) or text.count("@") != 1:
        raise ValueError(f"{text!r} is not a mail address: write name@example.com or "
                         "Name <name@example.com>, one address per entry")
    return formataddr((name, address)) if name else address


def bare(address: str) -> str:
    """The address alone, without the name (what the SMTP envelope carries)."""
    return parseaddr(address)[1]


def split_list(text: str) -> list[str]:
    """``a@b,c@d`` (from the command line) as checked addresses."""
    return [check_address(part) for part in text.split(",") if part.strip()]
