"""SMTP with STARTTLS (the default) and implicit TLS, with login, against aiosmtpd on 127.0.0.1."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.messaging.conftest import Inbox, free_port
from trackmon.errors import DeliveryError
from trackmon.messaging.channels import OutgoingMessage
from trackmon.messaging.channels.smtp import SmtpChannel
from trackmon.settings import SmtpSettings

CA = trustme.CA()
CERT = CA.issue_cert("127.0.0.1")


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"shop", b"s3cret")
    return AuthResult(success=ok)


@pytest.fixture(params=["starttls", "tls"])
def tls_server(request) -> Iterator[tuple[Inbox, int, str]]:
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    CERT.configure_cert(server_ctx)
    inbox = Inbox()
    port = free_port()
    # implicit TLS: aiosmtpd does not count the wrapped socket as TLS for `auth_require_tls`
    kwargs = ({"tls_context": server_ctx, "require_starttls": True, "auth_require_tls": True}
              if request.param == "starttls" else {"ssl_context": server_ctx, "auth_require_tls": False})
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_authenticator, **kwargs)
    controller.start()
    try:
        yield inbox, port, request.param
    finally:
        controller.stop()


def _client_ctx() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    CA.configure_trust(ctx)
    return ctx


def _message() -> OutgoingMessage:
    return OutgoingMessage(idempotency_key="1:shipped:", message_id="<abc@trackmon>", kind="shipped",
                           language="ru", recipient="anna@example.com", recipient_name="Анна",
                           subject="Ваш заказ отправлен", text="Здравствуйте!", html="<p>Здравствуйте!</p>",
                           order_id="A-1", store="default", tracking_numbers=("RB123456785CN",))


async def test_sends_over_tls_with_login(tls_server):
    inbox, port, security = tls_server
    smtp = SmtpSettings(host="127.0.0.1", port=port, security=security, username="shop", password="s3cret",
                        mail_from="shop@example.com", timeout_seconds=10)
    await SmtpChannel(smtp, tls_context=_client_ctx()).send(_message())
    [mail] = inbox.mails
    assert mail["Subject"] == "Ваш заказ отправлен" and mail["Message-ID"] == "<abc@trackmon>"


async def test_untrusted_certificate_is_refused(tls_server):
    _, port, security = tls_server
    smtp = SmtpSettings(host="127.0.0.1", port=port, security=security, mail_from="shop@example.com",
                        timeout_seconds=10)
    with pytest.raises(DeliveryError):
        await SmtpChannel(smtp).send(_message())  # the system trust store does not know this CA


async def test_ca_file_setting_trusts_a_private_server_for_buyer_mail_and_digests(tls_server, tmp_path):
    """One transport: `smtp.ca_file` is honoured by buyer mail and by the seller digest alike."""
    from datetime import UTC, datetime

    from trackmon.digest.channels import RenderedDigest, send_email

    inbox, port, security = tls_server
    ca_file = tmp_path / "ca.pem"
    CA.cert_pem.write_to_path(str(ca_file))
    smtp = SmtpSettings(host="127.0.0.1", port=port, security=security, username="shop", password="s3cret",
                        mail_from="shop@example.com", timeout_seconds=10, ca_file=str(ca_file))
    await SmtpChannel(smtp).send(_message())
    digest = RenderedDigest(store="default", period="daily", period_key="2026-11-30",
                            subject="3 parcels need you", text="Stalled: 3", html="<p>Stalled: 3</p>")
    await send_email(smtp, digest, "seller@example.com", now=datetime(2026, 11, 30, 8, tzinfo=UTC))
    assert [m["To"] for m in inbox.mails] == ["Анна <anna@example.com>", "seller@example.com"]


async def test_digest_to_an_untrusted_server_is_refused(tls_server):
    from datetime import UTC, datetime

    from trackmon.digest.channels import RenderedDigest, send_email

    _, port, security = tls_server
    smtp = SmtpSettings(host="127.0.0.1", port=port, security=security, mail_from="shop@example.com",
                        timeout_seconds=10)
    digest = RenderedDigest(store="default", period="daily", period_key="2026-11-30", subject="s", text="t", html="h")
    with pytest.raises(DeliveryError, match="email"):
        await send_email(smtp, digest, "seller@example.com", now=datetime(2026, 11, 30, 8, tzinfo=UTC))


def test_unreadable_ca_file_is_a_config_error_at_start(tmp_path):
    from trackmon.errors import ConfigError

    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    smtp = SmtpSettings(host="127.0.0.1", mail_from="shop@example.com", ca_file=str(bad))
    with pytest.raises(ConfigError, match=r"smtp\.ca_file"):
        SmtpChannel(smtp)
