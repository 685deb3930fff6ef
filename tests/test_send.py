"""`communitykit send`: the report mailed through a real SMTP server on loopback (aiosmtpd),
and what arrived read back with the standard library's ``email`` package."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import ssl
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from communitykit import relative_periods
from communitykit.catalogue import CATALOGUE, HEADLINES, json_value
from communitykit.cli import main
from communitykit.html import fmt_number
from communitykit.i18n import tr, use_language
from conftest import FIXTURES, ROOT
from mailbox_server import Inbox, free_port

PERIOD = "2026-11"
PDF_BYTES = b"%PDF-1.4 stub written by the test\n%%EOF\n"
HOSTILE = "<img src=x onerror=alert(1)>"
PASSWORD = "s3cret-pass-\u00e9"  # noqa: S105 (a test's)
Cli = Callable[..., tuple[int, str, str]]


# ---- a workspace with one rendered report ------------------------------------------------
@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handcalc client imported and its November 2026 report rendered (once)."""
    root = tmp_path_factory.mktemp("send-ws")
    (root / "playbooks" / "handcalc").mkdir(parents=True)
    shutil.copyfile(FIXTURES / "handcalc" / "playbook.yaml",
                    root / "playbooks" / "handcalc" / "playbook.yaml")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(root))
    try:
        assert main(["import", "handcalc", str(FIXTURES / "handcalc" / "exports")]) == 0
        assert main(["report", "handcalc", "--period", PERIOD]) == 0
    finally:
        mp.undo()
    return root


@pytest.fixture
def ws(rendered: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the rendered workspace, a stub PDF writer, no settings yet."""
    root = tmp_path / "ws"
    shutil.copytree(rendered, root)
    monkeypatch.setenv("COMMUNITYKIT_HOME", str(root))
    monkeypatch.delenv("COMMUNITYKIT_SETTINGS", raising=False)
    monkeypatch.delenv("COMMUNITYKIT_SMTP_PASSWORD", raising=False)

    def write_pdf(html: Path, pdf: Path) -> None:
        assert html.is_file()
        pdf.write_bytes(PDF_BYTES)

    monkeypatch.setitem(sys.modules, "communitykit.report.pdf",
                        types.SimpleNamespace(write_pdf=write_pdf))
    return root


def folder(root: Path, period: str = PERIOD) -> Path:
    return root / "reports" / "handcalc" / period


def files_of(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def settings(root: Path, port: int, **smtp: object) -> Path:
    values: dict[str, object] = {"host": "127.0.0.1", "port": port, "starttls": False,
                                 "from": "Agency Reports <reports@agency.example>", **smtp}
    lines = ["smtp:"] + [f"  {k}: {json.dumps(v)}" for k, v in values.items()]
    path = root / "settings.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def add_to_playbook(root: Path, text: str) -> None:
    path = root / "playbooks" / "handcalc" / "playbook.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# ---- the SMTP server ----------------------------------------------------------------------
@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[Inbox, int]]]:
    started: list[Controller] = []

    def start(refuse: tuple[str, ...] = (), password: str | None = None,
              tls: ssl.SSLContext | None = None) -> tuple[Inbox, int]:
        inbox = Inbox(refuse)

        def check(server: Any, session: Any, envelope: Any, mechanism: str,
                  data: Any) -> AuthResult:
            login = (data.login.decode(), data.password.decode())
            inbox.logins.append(login)
            return AuthResult(success=password is not None and login[1] == password,
                              handled=False)

        extra: dict[str, Any] = {}
        if password is not None:
            extra.update(authenticator=check, auth_require_tls=tls is not None)
        if tls is not None:
            extra.update(tls_context=tls, require_starttls=True)
        port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **extra)
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


# ---- what arrives -------------------------------------------------------------------------
def test_the_mail_carries_the_summary_and_the_report(ws: Path, cli: Cli,
                                                     smtp_server: Callable[..., Any]) -> None:
    inbox, port = smtp_server()
    settings(ws, port)
    add_to_playbook(ws, "recipients: [\"Mia Chen <mia@client.example>\", ops@agency.example]\n")
    code, out, err = cli("send", "handcalc", "--period", PERIOD, "--to",
                         "boss@client.example,OPS@agency.example")
    assert (code, err) == (0, ""), err
    assert f"via 127.0.0.1:{port}" in out
    envelope = inbox.envelopes[0]
    assert envelope.mail_from == "reports@agency.example"
    assert envelope.rcpt_tos == ["boss@client.example", "OPS@agency.example",
                                 "mia@client.example"]  # each address once
    mail = inbox.only()
    assert mail["Subject"] == "Handcalc Bakery · Community review 2026-11"
    assert mail["From"] == "Agency Reports <reports@agency.example>"
    assert mail["Auto-Submitted"] == "auto-generated"
    plain = mail.get_body(("plain",)).get_content()
    page = mail.get_body(("html",)).get_content()

    doc = json.loads((folder(ws) / "metrics.json").read_text(encoding="utf-8"))
    for metric_id in HEADLINES:  # every headline figure, as metrics.json has it
        m = CATALOGUE[metric_id]
        shown = fmt_number(json_value(doc, metric_id), m.unit)
        assert f": {shown} – " in plain, (metric_id, shown)
        assert f">{shown}</div>" in page, (metric_id, shown)
    for goal in doc["goals"]:
        assert f"- {goal['label']}: {goal['status']} (now " in plain, goal["id"]
    assert "Goal “Response rate” is off track" in plain and "Goal “Response rate”" in page

    attached = {part.get_filename(): part.get_payload(decode=True)
                for part in mail.iter_attachments()}
    report = files_of(folder(ws))
    assert attached == {"handcalc-2026-11.pdf": report["report.pdf"],
                        "handcalc-2026-11.html": report["report.html"]}
    assert report["report.pdf"] == PDF_BYTES  # written beside the report
    lowered = page.lower()
    for banned in ("<script", "<style", "<link", "src=", "javascript:", "class="):
        assert banned not in lowered, banned


def test_member_text_in_the_summary_stays_text(ws: Path, cli: Cli,
                                               smtp_server: Callable[..., Any]) -> None:
    inbox, port = smtp_server()
    settings(ws, port)
    path = folder(ws) / "metrics.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["listening"]["current"]["request_register"][0]["item"] = HOSTILE
    doc["voices"]["current"]["quiet_advocates"] = [HOSTILE]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")[0] == 0
    mail = inbox.only()
    page = mail.get_body(("html",)).get_content()
    assert "<img" not in page.lower() and "onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert HOSTILE in mail.get_body(("plain",)).get_content()  # plain text: as written


def test_a_chinese_client_gets_a_chinese_mail(ws: Path, cli: Cli,
                                              smtp_server: Callable[..., Any]) -> None:
    inbox, port = smtp_server()
    settings(ws, port)
    path = ws / "playbooks" / "handcalc" / "playbook.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("language: en", "language: zh", 1), encoding="utf-8")
    assert cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")[0] == 0
    mail = inbox.only()
    with use_language("zh"):
        review, attention = tr("Community review"), tr("What needs attention")
    assert review != "Community review" and mail["Subject"].endswith(f"{review} 2026-11")
    page = mail.get_body(("html",)).get_content()
    assert '<html lang="zh-Hans">' in page and attention in page
    assert attention in mail.get_body(("plain",)).get_content()


def test_starttls_and_login_with_the_password_from_the_environment(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    inbox, port = smtp_server(password=PASSWORD, tls=server_tls)
    shutil.copyfile(cert, ws / "relay-ca.pem")
    settings(ws, port, starttls=True, user="reports", ca_file="relay-ca.pem",
             password_env="RELAY_PASSWORD")
    monkeypatch.setenv("RELAY_PASSWORD", PASSWORD)
    code, out, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert (code, err) == (0, "")
    assert inbox.logins == [("reports", PASSWORD)] and len(inbox.envelopes) == 1
    assert PASSWORD not in out
    for path in ws.rglob("*"):  # the password is in no file the kit wrote
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def self_signed(tmp: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (its own CA), and its key."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


# ---- failures -----------------------------------------------------------------------------
def test_no_server_listening_leaves_the_report_and_says_where(ws: Path, cli: Cli) -> None:
    port = free_port()  # nothing listens there
    settings(ws, port)
    cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")  # PDF written
    before = files_of(folder(ws))
    assert "report.pdf" in before
    code, out, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 4 and "Traceback" not in err
    assert err.count("\n") == 1
    assert f"sending failed: 127.0.0.1:{port} refused the connection" in err
    assert str(folder(ws)) in err
    assert files_of(folder(ws)) == before


def test_a_refused_login_says_so_and_never_shows_the_password(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp_server(password="the-right-one")
    settings(ws, port, user="reports")
    monkeypatch.setenv("COMMUNITYKIT_SMTP_PASSWORD", PASSWORD)
    before = files_of(folder(ws))
    code, out, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 4 and inbox.envelopes == [] and inbox.logins == [("reports", PASSWORD)]
    assert f"127.0.0.1:{port} refused the login of user 'reports': 535" in err
    assert PASSWORD not in out + err and "Traceback" not in err
    assert files_of(folder(ws)) == {**before, "report.pdf": PDF_BYTES}


def test_a_refused_recipient_is_named_and_the_others_get_the_mail(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any]) -> None:
    inbox, port = smtp_server(refuse=("gone@client.example",))
    settings(ws, port)
    code, out, err = cli("send", "handcalc", "--period", PERIOD, "--to",
                         "gone@client.example,here@client.example")
    assert code == 4 and inbox.envelopes[0].rcpt_tos == ["here@client.example"]
    assert (f"not delivered to gone@client.example: 127.0.0.1:{port} answered 550 5.1.1 "
            "no such mailbox here") in err
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "gone@client.example")
    assert code == 4 and "refused every recipient: gone@client.example: 550" in err


def test_a_missing_password_variable_is_named_before_anything_is_sent(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any]) -> None:
    inbox, port = smtp_server(password=PASSWORD)
    path = settings(ws, port, user="reports")
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 1 and inbox.envelopes == [] and inbox.logins == []
    assert str(path) in err and "COMMUNITYKIT_SMTP_PASSWORD is not set" in err


@pytest.mark.parametrize(("smtp", "expected"), [
    ({"port": "twenty-five"}, "line 3, smtp/port: expected a whole number"),
    ({"from": "not an address"}, "smtp/from: 'not an address' is not a mail address"),
    ({"password": "hunter2"}, "line 6, smtp/password: a password is never kept in a file"),
    ({"port": "twenty", "password": "hunter2"},
     "2 problems:\n  - line 3, smtp/port: expected a whole number, such as 3, got 'twenty'\n"
     "  - line 6, smtp/password: a password is never kept in a file"),
    ({"hots": "x"}, "unknown key 'hots'"),
    ({"user": "reports", "host": "smtp.example.com"}, "would cross the network in clear"),
    ({"ca_file": "missing.pem"}, "smtp/ca_file: 'missing.pem' is not a file"),
])
def test_settings_errors_name_the_file_and_the_field(ws: Path, cli: Cli, smtp: dict[str, Any],
                                                     expected: str) -> None:
    path = settings(ws, **{"port": 2525, **smtp})
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 1 and err.startswith(f"communitykit: {path}: ") and expected in err, err
    assert "hunter2" not in err


def test_missing_settings_name_the_file_and_the_variable(ws: Path, cli: Cli,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 1 and f"{ws / 'settings.yaml'}: no delivery settings" in err
    assert "COMMUNITYKIT_SETTINGS" in err
    elsewhere = ws / "etc" / "kit.yaml"
    monkeypatch.setenv("COMMUNITYKIT_SETTINGS", str(elsewhere))
    assert str(elsewhere) in cli("send", "handcalc", "--period", PERIOD, "--to", "a@b.example")[2]


def test_recipients_are_checked(ws: Path, cli: Cli) -> None:
    settings(ws, 2525)
    code, _, err = cli("send", "handcalc", "--period", PERIOD)
    assert code == 1 and "nobody to send to" in err
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@b.example\nBcc: x@y")
    assert code == 1 and "--to:" in err and "is not a mail address" in err
    add_to_playbook(ws, "recipients: [mia@client]\n")
    code, _, err = cli("validate", "handcalc")
    assert code == 1 and "recipients/0: 'mia@client' is not a mail address" in err
    assert "playbook.yaml" in err


# ---- rendering and the PDF ----------------------------------------------------------------
def test_a_missing_report_is_rendered_for_a_relative_period(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp_server()
    settings(ws, port)
    monkeypatch.setattr(relative_periods, "today", lambda tz, now=None: dt.date(2026, 11, 3))
    assert not folder(ws, "2026-10").exists()
    code, out, err = cli("send", "handcalc", "--period", "last-month", "--to", "a@client.example")
    assert code == 0, err
    assert "last-month: 2026-10 (today is 2026-11-03 in America/New_York)" in out
    assert (folder(ws, "2026-10") / "report.html").is_file()
    assert inbox.only()["Subject"].endswith("Community review 2026-10")


def test_without_a_pdf_writer_the_html_alone_is_attached(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp_server()
    settings(ws, port)
    monkeypatch.setitem(sys.modules, "communitykit.report.pdf", None)  # import fails
    code, out, _ = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 0 and "HTML report only is attached" in out
    assert [p.get_filename() for p in inbox.only().iter_attachments()] == [
        "handcalc-2026-11.html"]


def test_a_failed_pdf_sends_nothing_and_leaves_the_report(
        ws: Path, cli: Cli, smtp_server: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp_server()
    settings(ws, port)

    def broken(html: Path, pdf: Path) -> None:
        raise RuntimeError("the engine fell over")

    monkeypatch.setitem(sys.modules, "communitykit.report.pdf",
                        types.SimpleNamespace(write_pdf=broken))
    before = files_of(folder(ws))
    code, _, err = cli("send", "handcalc", "--period", PERIOD, "--to", "a@client.example")
    assert code == 4 and inbox.envelopes == []
    assert "the PDF could not be written (RuntimeError: the engine fell over)" in err
    assert files_of(folder(ws)) == before
