"""SMTP email channel for buyer mail: builds the email and sends it with the one SMTP
transport (`trackmon.smtp`, shared with the seller digests)."""

from __future__ import annotations

import ssl

from trackmon.errors import ConfigError
from trackmon.messaging.channels.base import OutgoingMessage, build_email
from trackmon.settings import SmtpSettings
from trackmon.smtp import send_email, tls_context_for


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
        self.tls_context = tls_context or tls_context_for(smtp)  # a bad ca_file fails at start-up

    async def send(self, msg: OutgoingMessage) -> str:
        email = build_email(msg, self.smtp.mail_from or "")
        return await send_email(self.smtp, email, msg.recipient, channel=self.name, tls_context=self.tls_context)

    async def aclose(self) -> None:
        return None
