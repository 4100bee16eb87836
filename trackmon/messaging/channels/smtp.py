"""SMTP email channel (aiosmtplib): STARTTLS, implicit TLS or plain, per `smtp.security`.

The email is flattened here with trackmon's mail policy (not aiosmtplib's), in UTF-8 with
`SMTPUTF8` when the recipient's local part is not ASCII and the server offers it; when it
does not, that one message fails with the reason (the others still go).

4xx replies, timeouts and refused connections are transient; 5xx replies (bad recipient,
rejected sender or content) are permanent.
"""

from __future__ import annotations

import ssl

import aiosmtplib

from trackmon.errors import ConfigError, DeliveryError, TransientDeliveryError
from trackmon.messaging.channels.base import (
    OutgoingMessage,
    build_email,
    checked_address,
    email_bytes,
    needs_smtputf8,
)
from trackmon.settings import SmtpSettings


def _classify(code: int | None, text: str) -> DeliveryError:
    reason = f"SMTP {code}: {text}".strip() if code else text
    if code is not None and 400 <= code < 500:
        return TransientDeliveryError("smtp", reason)
    if code is not None and code >= 500:
        return DeliveryError("smtp", reason)
    return TransientDeliveryError("smtp", reason)


class SmtpChannel:
    name = "smtp"

    def __init__(self, smtp: SmtpSettings, *, tls_context: ssl.SSLContext | None = None) -> None:
        if not smtp.host:
            raise ConfigError("messaging.channel is smtp but smtp.host is not set "
                              "(TRACKMON_SMTP_HOST)", key="smtp.host")
        if not smtp.mail_from:
            raise ConfigError("messaging.channel is smtp but smtp.mail_from is not set "
                              "(TRACKMON_MAIL_FROM)", key="smtp.mail_from")
        self.smtp = smtp
        self.tls_context = tls_context

    async def send(self, msg: OutgoingMessage) -> str:
        email = build_email(msg, self.smtp.mail_from or "")
        password = self.smtp.password.get_secret_value() if self.smtp.password else None
        client = aiosmtplib.SMTP(
            hostname=self.smtp.host, port=self.smtp.port, timeout=self.smtp.timeout_seconds,
            use_tls=self.smtp.security == "tls", start_tls=self.smtp.security == "starttls",
            username=self.smtp.username or None, password=password if self.smtp.username else None,
            tls_context=self.tls_context,
        )
        utf8 = needs_smtputf8(email)
        sender = checked_address(self.smtp.mail_from or "", what="sender (smtp.mail_from)")
        recipient = checked_address(msg.recipient)
        try:
            async with client:
                if client.is_ehlo_or_helo_needed:
                    await client.ehlo()
                if utf8 and not client.supports_extension("smtputf8"):
                    raise DeliveryError("smtp", f"recipient {msg.recipient!r} has a non-ASCII local part "
                                                "and the SMTP server does not offer SMTPUTF8")
                eight_bit = client.supports_extension("8bitmime")
                options = (["SMTPUTF8"] if utf8 else []) + (["BODY=8BITMIME"] if eight_bit else [])
                errors, response = await client.sendmail(
                    f"{sender.local}@{sender.ascii_domain}", [f"{recipient.local}@{recipient.ascii_domain}"],
                    email_bytes(email, seven_bit=not eight_bit), mail_options=options)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            worst = max(exc.recipients, key=lambda r: r.code)
            raise _classify(worst.code, f"recipient {worst.recipient} refused: {worst.message}") from None
        except aiosmtplib.SMTPResponseException as exc:  # sender refused, data refused, auth...
            raise _classify(exc.code, exc.message) from None
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise TransientDeliveryError("smtp", f"{type(exc).__name__}: {exc}") from None
        if errors:  # some recipients refused (we only ever have one)
            code, text = next(iter(errors.values()))
            raise _classify(code, text)
        return response.strip() or str(email["Message-ID"])

    async def aclose(self) -> None:
        return None
