"""Push webhooks: signatures checked on raw bytes, replays refused, pushes ingested."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from trackmon.api import SchedulerState, create_app
from trackmon.intake import apply_row, validate_row
from trackmon.models import Shipment, ShipmentEvent, WebhookReceipt
from trackmon.settings import load

FIXTURES = Path(__file__).parent / "carriers" / "fixtures"
KEY = "17track-security-key"
SECRET = "aftership-webhook-secret"
NUMBER = "RB715296045CN"  # the number in the project's push fixtures


def sign_17track(body: bytes, key: str = KEY) -> str:
    return hashlib.sha256(body.decode().encode() + b"/" + key.encode()).hexdigest()


def sign_aftership(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


@pytest.fixture
def client(engine, now) -> TestClient:
    settings = load(env={}, overrides={"carriers": {"17track": {"api_key": KEY},
                                                    "aftership": {"api_key": "k", "webhook_secret": SECRET}}})
    with Session(engine) as s, s.begin():  # one number shipped in two orders: both get the push
        apply_row(s, validate_row({"order_id": "A-1", "tracking_number": NUMBER, "buyer_email": "a@example.com"}), now)
        apply_row(s, validate_row({"order_id": "A-2", "tracking_number": NUMBER, "buyer_email": "b@example.com"}), now)
    app = create_app(engine, settings, scheduler_state=SchedulerState(running=True), clock=lambda: now)
    return TestClient(app)


def _events(engine) -> dict[int, int]:
    with Session(engine) as s:
        out: dict[int, int] = {}
        for e in s.exec(select(ShipmentEvent)).all():
            out[e.shipment_id] = out.get(e.shipment_id, 0) + 1
        return out


def test_17track_push_is_ingested_for_every_order_then_replay_refused(client, engine) -> None:
    body = (FIXTURES / "17track" / "push_updated.json").read_bytes()
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code == 200, r.text
    assert r.json()["parcels_updated"] == 2
    with Session(engine) as s:
        statuses = {sh.status for sh in s.exec(select(Shipment)).all()}
    assert statuses == {"in_transit"}
    counts = _events(engine)
    assert len(counts) == 2 and set(counts.values()) == {4}
    replay = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert replay.status_code == 409
    assert _events(engine) == counts


def test_aftership_push_is_ingested(client, engine) -> None:
    body = (FIXTURES / "aftership" / "webhook_tracking_update.json").read_bytes()
    r = client.post("/webhooks/aftership", content=body,
                    headers={"aftership-hmac-sha256": sign_aftership(body)})
    assert r.status_code == 200, r.text
    assert r.json()["parcels_updated"] == 2


@pytest.mark.parametrize(("path", "header", "value"), [
    ("/webhooks/17track", None, None),
    ("/webhooks/17track", "sign", "0" * 64),
    ("/webhooks/aftership", None, None),
    ("/webhooks/aftership", "aftership-hmac-sha256", "bm90IGl0"),
])
def test_missing_or_wrong_signature_is_refused(client, engine, path, header, value) -> None:
    body = (FIXTURES / "17track" / "push_updated.json").read_bytes()
    r = client.post(path, content=body, headers={header: value} if header else {})
    assert r.status_code == 401
    assert _events(engine) == {}
    with Session(engine) as s:
        assert s.exec(select(WebhookReceipt)).all() == []


def test_signature_over_other_bytes_is_refused(client) -> None:
    body = (FIXTURES / "17track" / "push_updated.json").read_bytes()
    tampered = body.replace(b"InTransit_Other", b"Delivered_Other")
    r = client.post("/webhooks/17track", content=tampered, headers={"sign": sign_17track(body)})
    assert r.status_code == 401


def test_malformed_signed_body_is_400(client) -> None:
    body = json.dumps({"event": "TRACKING_UPDATED", "data": {}}).encode()
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code == 400
    assert "data.number" in r.json()["detail"]


def test_push_for_unknown_number_is_accepted_and_reported(client) -> None:
    body = json.dumps({"event": "TRACKING_STOPPED", "data": {"number": "LZ123456785CN"}}).encode()
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code == 200
    assert r.json()["parcels_updated"] == 0


def test_unconfigured_provider_is_503_naming_the_variable(engine, now) -> None:
    app = create_app(engine, load(env={}), scheduler_state=SchedulerState(running=True), clock=lambda: now)
    r = TestClient(app).post("/webhooks/aftership", content=b"{}", headers={"aftership-hmac-sha256": "x"})
    assert r.status_code == 503
    assert "TRACKMON_AFTERSHIP_WEBHOOK_SECRET" in r.json()["detail"]
