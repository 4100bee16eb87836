"""Webhook channel: signed JSON verified by a local receiving handler; failures classified."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import Engine

from tests.messaging.conftest import messages, plan, seed_order
from trackmon import settings as settings_mod
from trackmon.errors import ConfigError, DeliveryError, TransientDeliveryError
from trackmon.messaging.channels import OutgoingMessage
from trackmon.messaging.channels.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookChannel, verify
from trackmon.messaging.dispatch import dispatch_due

SECRET = "s3cret-key"
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def receiver(received: list[dict], *, status: int = 200):
    def handler(request: httpx.Request) -> httpx.Response:
        body = request.content
        ok = verify(SECRET, request.headers[TIMESTAMP_HEADER], body, request.headers[SIGNATURE_HEADER],
                    now=float(request.headers[TIMESTAMP_HEADER]))
        if not ok:
            return httpx.Response(401, text="bad signature")
        received.append(json.loads(body) | {"_key": request.headers["Idempotency-Key"]})
        return httpx.Response(status, json={"id": f"mkt-{len(received)}"})
    return handler


async def test_dispatch_over_signed_webhook(engine: Engine) -> None:
    received: list[dict] = []
    settings = settings_mod.load(env={}, overrides={"messaging": {
        "channel": "webhook", "webhook_url": "https://seller.example/hooks/messages", "webhook_secret": SECRET}})
    order = seed_order(engine, created=T0, numbers=("LP1CN", "LP2CN"))
    plan(engine, order, T0, settings)
    channel = WebhookChannel(settings.messaging.webhook_url, SECRET,
                             transport=httpx.MockTransport(receiver(received)))
    report = await dispatch_due(engine, settings, T0, owner="r", channel=channel)
    await channel.aclose()
    assert report.sent == 1
    [body] = received
    assert body["kind"] == "shipped" and body["language"] == "es" and body["_key"] == f"{order}:shipped:"
    assert body["tracking_numbers"] == ["LP1CN", "LP2CN"] and body["recipient"]["email"] == "lucia@example.com"
    assert "LP2CN" in body["text"] and body["subject"] == "Tu pedido A-1 ya fue enviado"
    assert messages(engine, order)[0].provider_id == "mkt-1"


def _msg() -> OutgoingMessage:
    return OutgoingMessage(idempotency_key="1:delivered:", message_id="<x@trackmon>", kind="delivered",
                           language="en", recipient="a@example.com", recipient_name="A", subject="S",
                           text="T", html="<p>T</p>", order_id="1", store="default")


async def test_tampered_body_fails_verification_and_status_codes_are_classified() -> None:
    assert not verify(SECRET, "100", b'{"a":1}', "sha256=00", now=100)
    sent: list[httpx.Request] = []

    def capture(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)
    ch = WebhookChannel("https://x.example/h", SECRET, transport=httpx.MockTransport(capture), clock=lambda: 100.0)
    await ch.send(_msg())
    req = sent[0]
    assert verify(SECRET, "100", req.content, req.headers[SIGNATURE_HEADER], now=100)
    assert not verify(SECRET, "100", req.content + b" ", req.headers[SIGNATURE_HEADER], now=100)
    assert not verify("other", "100", req.content, req.headers[SIGNATURE_HEADER], now=100)
    assert not verify(SECRET, "100", req.content, req.headers[SIGNATURE_HEADER], now=100 + 3600)  # replay

    for code, error in ((503, TransientDeliveryError), (429, TransientDeliveryError), (422, DeliveryError)):
        bad = WebhookChannel("https://x.example/h", SECRET,
                             transport=httpx.MockTransport(lambda r, c=code: httpx.Response(c, text="no")))
        with pytest.raises(error) as info:
            await bad.send(_msg())
        assert (code >= 500 or code == 429) == isinstance(info.value, TransientDeliveryError)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)
    with pytest.raises(TransientDeliveryError):
        await WebhookChannel("https://x.example/h", SECRET, transport=httpx.MockTransport(refuse)).send(_msg())


def test_webhook_settings_are_checked() -> None:
    with pytest.raises(ConfigError, match="https"):
        WebhookChannel("http://seller.example/h", SECRET)
    with pytest.raises(ConfigError, match="webhook_secret"):
        WebhookChannel("https://seller.example/h", None)
    with pytest.raises(ConfigError, match="webhook_url"):
        WebhookChannel(None, SECRET)
