"""Sending one message through the configured SMTP server, every failure in one line.

STARTTLS when the settings ask for it (the server's certificate is checked), login when a
user is set. What failed is said with the server (host:port) and its reply; the password
is never part of a message.
"""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from email.message import EmailMessage
from pathlib import Path

from ..addresses import bare
from ..errors import CommunityKitError, printable
from .settings import Smtp


class DeliveryFailed(CommunityKitError):
    """The report is in place; making its PDF or sending it failed."""


def _reply(code: int | None, reply: bytes | str | None) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else (reply or "")
    return printable(" ".join(f"{code or ''} {text}".split()))


def send(message: EmailMessage, smtp: Smtp, password: str | None,
         ca_file: Path | None = None) -> dict[str, str]:
    """Send ``message`` to its To addresses; the recipients the server refused (while
    accepting others), each with its reply. Raises ``DeliveryFailed`` when nothing was
    sent."""
    where = smtp.where
    recipients = [bare(a.strip()) for a in str(message["To"]).split(",") if a.strip()]
    try:
        with smtplib.SMTP(smtp.host, smtp.effective_port, timeout=smtp.timeout) as server:
            server.ehlo()
            if smtp.starttls:
                context = ssl.create_default_context(
                    cafile=str(ca_file) if ca_file else None)
                server.starttls(context=context)
                server.ehlo()
            if smtp.user:
                _login(server, smtp.user, password or "", where)
            refused = server.send_message(message, from_addr=bare(smtp.sender),
                                          to_addrs=recipients)
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryFailed(f"{where} refused the login of user {smtp.user!r}: "
                             f"{_reply(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryFailed(f"{where} refused every recipient: "
                             + "; ".join(f"{a}: {_reply(*r)}" for a, r in
                                         exc.recipients.items())) from None
    except smtplib.SMTPSenderRefused as exc:
        raise DeliveryFailed(f"{where} refused the sender {bare(smtp.sender)}: "
                             f"{_reply(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryFailed(f"{where} answered {_reply(exc.smtp_code, exc.smtp_error)}"
                             ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryFailed(f"{where}: {exc} (check starttls and user in the settings)"
                             ) from None
    except smtplib.SMTPException as exc:
        raise DeliveryFailed(f"{where}: {printable(str(exc))}") from None
    except ssl.SSLError as exc:
        raise DeliveryFailed(f"{where}: TLS failed: {printable(exc.reason or str(exc))} "
                             "(a private certificate? set smtp/ca_file)") from None
    except ConnectionRefusedError:
        raise DeliveryFailed(f"{where} refused the connection: no SMTP server listens "
                             "there") from None
    except socket.gaierror as exc:
        raise DeliveryFailed(f"{smtp.host}: host not found ({exc.strerror})") from None
    except TimeoutError:
        raise DeliveryFailed(f"{where} did not answer within {smtp.timeout:g} s") from None
    except OSError as exc:
        raise DeliveryFailed(f"{where}: {printable(exc.strerror or str(exc))}") from None
    return {address: _reply(*reply) for address, reply in refused.items()}


def _login(server: smtplib.SMTP, user: str, password: str, where: str) -> None:
    """Log in; a user or password beyond ASCII (which smtplib cannot encode) goes as
    AUTH PLAIN in UTF-8 (RFC 4616)."""
    if (user + password).isascii():
        server.login(user, password)
        return
    if "PLAIN" not in server.esmtp_features.get("auth", "").upper().split():
        raise DeliveryFailed(f"{where}: the user or password holds characters "
                             "beyond ASCII, which only AUTH PLAIN carries, and the server "
                             "does not offer it")
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)
