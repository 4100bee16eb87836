"""The one SMTP transport (aiosmtplib) for buyer mail and seller digests, per `settings.smtp`.

STARTTLS, implicit TLS or plain per ``smtp.security``; the server certificate is checked against
the system trust store, or against ``smtp.ca_file`` for a server with a private CA. The email is
flattened with trackmon's mail policy, in UTF-8 with ``SMTPUTF8`` when an address's local part
is not ASCII and the server offers it (when it does not, that one message fails with the reason).

4xx replies, timeouts and refused connections are transient (`TransientDeliveryError`); 5xx
replies (bad recipient, rejected sender or content) are permanent (`DeliveryError`).
"""

from __future__ import annotations

import ssl
from email.message import EmailMessage
from functools import cache

import aiosmtplib

from trackmon.addresses import CheckedAddress, check_address
from trackmon.errors import ConfigError, DeliveryError, InputError, TransientDeliveryError
from trackmon.mail import email_bytes, needs_smtputf8
from trackmon.settings import SmtpSettings


def _classify(channel: str, code: int | None, text: str) -> DeliveryError:
    reason = f"SMTP {code}: {text}".strip() if code else text
    if code is not None and code >= 500:
        return DeliveryError(channel, reason)
    return TransientDeliveryError(channel, reason)


def _address(channel: str, value: str, what: str) -> CheckedAddress:
    try:
        return check_address(value, field=what)
    except InputError as exc:
        raise DeliveryError(channel, str(exc)) from None


@cache
def _context_from(ca_file: str) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"smtp.ca_file {ca_file!r} cannot be read as PEM certificates: {exc}",
                          key="smtp.ca_file") from None


def tls_context_for(smtp: SmtpSettings) -> ssl.SSLContext | None:
    """The context that checks the server's certificate: ``smtp.ca_file``'s, or None (the system's)."""
    return _context_from(smtp.ca_file) if smtp.ca_file else None


async def send_email(smtp: SmtpSettings, email: EmailMessage, recipient: str, *, channel: str,
                     tls_context: ssl.SSLContext | None = None) -> str:
    """Send one email to one recipient; returns the server's reply (or the Message-ID).

    ``channel`` names the sender in errors ("smtp" for buyer mail, "email" for digests).
    """
    if not smtp.host:
        raise DeliveryError(channel, "smtp.host is not set (TRACKMON_SMTP_HOST): cannot send email")
    sender = _address(channel, smtp.mail_from or "", "sender (smtp.mail_from)")
    to = _address(channel, recipient, "recipient")
    password = smtp.password.get_secret_value() if smtp.password else None
    client = aiosmtplib.SMTP(
        hostname=smtp.host, port=smtp.port, timeout=smtp.timeout_seconds,
        use_tls=smtp.security == "tls", start_tls=smtp.security == "starttls",
        username=smtp.username or None, password=password if smtp.username else None,
        tls_context=tls_context or tls_context_for(smtp),
    )
    utf8 = needs_smtputf8(email)
    try:
        async with client:
            if client.is_ehlo_or_helo_needed:
                await client.ehlo()
            if utf8 and not client.supports_extension("smtputf8"):
                raise DeliveryError(channel, f"an address of the email to {recipient!r} has a non-ASCII local "
                                             "part and the SMTP server does not offer SMTPUTF8")
            eight_bit = client.supports_extension("8bitmime")
            options = (["SMTPUTF8"] if utf8 else []) + (["BODY=8BITMIME"] if eight_bit else [])
            errors, response = await client.sendmail(
                f"{sender.local}@{sender.ascii_domain}", [f"{to.local}@{to.ascii_domain}"],
                email_bytes(email, seven_bit=not eight_bit), mail_options=options)
    except aiosmtplib.SMTPRecipientsRefused as exc:
        worst = max(exc.recipients, key=lambda r: r.code)
        raise _classify(channel, worst.code, f"recipient {worst.recipient} refused: {worst.message}") from None
    except aiosmtplib.SMTPResponseException as exc:  # sender refused, data refused, auth...
        raise _classify(channel, exc.code, exc.message) from None
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        raise TransientDeliveryError(channel, f"{type(exc).__name__}: {exc}") from None
    if errors:  # some recipients refused (there is only ever one)
        code, text = next(iter(errors.values()))
        raise _classify(channel, code, text)
    return response.strip() or str(email["Message-ID"])


__all__ = ["send_email", "tls_context_for"]
