"""Webhook channel: a signed JSON POST to the seller's own system (for marketplace message APIs).

Headers: `X-Trackmon-Timestamp` (unix seconds), `X-Trackmon-Signature: sha256=<hex>` where
the hex is HMAC-SHA256(secret, f"{timestamp}.{body}"), and `Idempotency-Key` (the message
key: a receiver that stores it never acts twice). 2xx = sent; 408, 429 and 5xx = retry
later; other 4xx = permanent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from trackmon.errors import ConfigError, DeliveryError, TransientDeliveryError
from trackmon.messaging.channels.base import OutgoingMessage

SIGNATURE_HEADER = "X-Trackmon-Signature"
TIMESTAMP_HEADER = "X-Trackmon-Timestamp"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(secret: str, timestamp: str, body: bytes, signature: str, *, now: float | None = None,
           tolerance_seconds: float = 300) -> bool:
    """For receivers: the signature matches and the timestamp is recent."""
    try:
        age = abs((time.time() if now is None else now) - float(timestamp))
    except ValueError:
        return False
    return age <= tolerance_seconds and hmac.compare_digest(sign(secret, timestamp, body), signature)


def payload(msg: OutgoingMessage) -> dict[str, object]:
    return {
        "idempotency_key": msg.idempotency_key, "message_id": msg.message_id, "kind": msg.kind,
        "language": msg.language, "store": msg.store, "order_id": msg.order_id,
        "recipient": {"email": msg.recipient, "name": msg.recipient_name},
        "tracking_numbers": list(msg.tracking_numbers),
        "subject": msg.subject, "text": msg.text, "html": msg.html,
    }


class WebhookChannel:
    name = "webhook"

    def __init__(self, url: str | None, secret: str | None, *, timeout: float = 20.0,
                 transport: httpx.AsyncBaseTransport | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        if not url:
            raise ConfigError("messaging.channel is webhook but messaging.webhook_url is not set",
                              key="messaging.webhook_url")
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in _LOOPBACK):
            raise ConfigError(f"messaging.webhook_url must be https:// (got {url!r})",
                              key="messaging.webhook_url")
        if not secret:
            raise ConfigError("messaging.webhook_secret is required to sign webhook posts",
                              key="messaging.webhook_secret")
        self.url = url
        self.secret = secret
        self.clock = clock
        self.client = httpx.AsyncClient(timeout=timeout, transport=transport, follow_redirects=False)

    async def send(self, msg: OutgoingMessage) -> str:
        body = json.dumps(payload(msg), ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = str(int(self.clock()))
        headers = {"Content-Type": "application/json", TIMESTAMP_HEADER: timestamp,
                   SIGNATURE_HEADER: sign(self.secret, timestamp, body),
                   "Idempotency-Key": msg.idempotency_key, "User-Agent": "trackmon"}
        try:
            response = await self.client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:  # timeouts, refused connections, resets
            raise TransientDeliveryError("webhook", f"{type(exc).__name__}: {exc}") from None
        code = response.status_code
        if 200 <= code < 300:
            try:
                data = response.json()
            except ValueError:
                data = None
            found = data.get("id") if isinstance(data, dict) else None
            return str(found or response.headers.get("X-Request-Id") or f"HTTP {code}")
        reason = f"HTTP {code}: {response.text[:200]}"
        if code in (408, 425, 429) or code >= 500:
            raise TransientDeliveryError("webhook", reason)
        raise DeliveryError("webhook", reason)

    async def aclose(self) -> None:
        await self.client.aclose()
