"""Delivery channels of buyer messages: `smtp`, `webhook`, `file` (dry run)."""

from __future__ import annotations

import httpx

from trackmon.messaging.channels.base import Channel, OutgoingMessage, build_email, message_id_for
from trackmon.settings import Settings


def build_channel(settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> Channel:
    """The channel `messaging.channel` names, configured from settings."""
    kind = settings.messaging.channel
    if kind == "smtp":
        from trackmon.messaging.channels.smtp import SmtpChannel
        return SmtpChannel(settings.smtp)
    if kind == "webhook":
        from trackmon.messaging.channels.webhook import WebhookChannel
        secret = settings.messaging.webhook_secret
        return WebhookChannel(settings.messaging.webhook_url,
                              secret.get_secret_value() if secret else None, transport=transport)
    from trackmon.messaging.channels.file import FileChannel
    return FileChannel(settings.messaging.file_dir, settings.smtp.mail_from)


__all__ = ["Channel", "OutgoingMessage", "build_channel", "build_email", "message_id_for"]
