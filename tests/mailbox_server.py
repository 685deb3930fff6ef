"""A mail server's inbox for the tests that send through aiosmtpd on loopback."""

from __future__ import annotations

import email
import socket
from email import policy
from email.message import EmailMessage
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """What the server received, and the logins it was asked for."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.envelopes: list[Any] = []
        self.logins: list[tuple[str, str]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def only(self) -> EmailMessage:
        assert len(self.envelopes) == 1
        parsed = email.message_from_bytes(self.envelopes[0].content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed
