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


def _push_17track(mutate) -> bytes:
    doc = json.loads((FIXTURES / "17track" / "push_updated.json").read_bytes())
    mutate(doc["data"]["track_info"])
    return json.dumps(doc).encode()


def _times(value):
    def mutate(info):
        for provider in info["tracking"]["providers"]:
            for ev in provider["events"]:
                ev["time_utc"] = ev["time_iso"] = value
    return mutate


@pytest.mark.parametrize(("body", "words"), [
    (_push_17track(lambda ti: ti.__setitem__("tracking", "abc")), "track_info.tracking is text"),
    (_push_17track(lambda ti: ti.__setitem__("time_metrics", [1])), "track_info.time_metrics is a list"),
    (_push_17track(lambda ti: ti["tracking"]["providers"][0].__setitem__("events", 3)),
     "a provider's events is a number"),
    # deep bodies are refused by the API's body guard (trackmon/api/limits.py) before parsing
    (b'{"event": "TRACKING_UPDATED", "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested deeper than"),
    (b'{"event": "TRACKING_UPDATED", "data": {"number": "RB715296045CN", "track_info": '
     + b"[" * 500 + b"]" * 500 + b"}}", "nested deeper than"),
    (b"[" * 5000 + b"]" * 5000, "nested deeper than"),
    # shallow enough for the guard: the parser names the field
    (b'{"event": "TRACKING_UPDATED", "data": {"number": "RB715296045CN", "track_info": '
     + b"[" * 40 + b"]" * 40 + b"}}", "track_info"),
], ids=["tracking-string", "time_metrics-list", "events-int", "deep-100000", "deep-500", "deep-root", "deep-40"])
def test_signed_17track_bodies_it_cannot_use_are_400_with_a_reason(client, engine, body, words) -> None:
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code == 400, r.text
    assert words in r.json()["detail"]
    assert _events(engine) == {}


@pytest.mark.parametrize("stamp", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00"])
def test_signed_17track_push_with_impossible_times_is_never_a_5xx(client, engine, stamp) -> None:
    body = _push_17track(_times(stamp))
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code < 500, r.text
    assert _events(engine) == {}  # no event dated year 9999 (or year 1) is stored


def _push_aftership(mutate) -> bytes:
    doc = json.loads((FIXTURES / "aftership" / "webhook_tracking_update.json").read_bytes())
    mutate(doc["msg"])
    return json.dumps(doc).encode()


def _checkpoint_times(value):
    def mutate(msg):
        for cp in msg["checkpoints"]:
            cp["checkpoint_time"] = value
    return mutate


@pytest.mark.parametrize(("body", "words"), [
    (_push_aftership(lambda m: m.__setitem__("checkpoints", 5)), "checkpoints is not a list"),
    (_push_aftership(lambda m: m["checkpoints"].__setitem__(0, "x")), "checkpoint is not an object"),
    (_push_aftership(lambda m: m.__setitem__("slug", {"a": 1})), "slug is an object"),
    (b'{"event": "tracking_update", "msg": ' + b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000 + b"}",
     "nested deeper than"),
], ids=["checkpoints-int", "checkpoint-string", "slug-object", "deep"])
def test_signed_aftership_bodies_it_cannot_use_are_400_with_a_reason(client, engine, body, words) -> None:
    r = client.post("/webhooks/aftership", content=body, headers={"aftership-hmac-sha256": sign_aftership(body)})
    assert r.status_code == 400, r.text
    assert words in r.json()["detail"]
    assert _events(engine) == {}


@pytest.mark.parametrize("stamp", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00"])
def test_signed_aftership_push_with_impossible_times_is_never_a_5xx(client, engine, stamp) -> None:
    body = _push_aftership(_checkpoint_times(stamp))
    r = client.post("/webhooks/aftership", content=body, headers={"aftership-hmac-sha256": sign_aftership(body)})
    assert r.status_code < 500, r.text
    assert _events(engine) == {}


def test_a_push_the_database_refuses_is_422_not_500(client, engine, monkeypatch) -> None:
    """A value the database cannot store (e.g. too long for a column) is the body's fault:
    retrying the same push cannot help, so it is not a 5xx; nothing of it is stored."""
    from sqlalchemy.exc import DataError

    import trackmon.api.webhooks as route

    def refuse(*args, **kwargs):
        too_long = ValueError("value too long for type character varying(200)")
        raise DataError("INSERT INTO shipment_event ...", {}, too_long)

    monkeypatch.setattr(route, "ingest_snapshot", refuse)
    body = (FIXTURES / "17track" / "push_updated.json").read_bytes()
    r = client.post("/webhooks/17track", content=body, headers={"sign": sign_17track(body)})
    assert r.status_code == 422
    assert "INSERT" not in r.text and "character varying" not in r.text
    with Session(engine) as s:
        assert s.exec(select(WebhookReceipt)).all() == []  # rolled back: a fixed push can come again
