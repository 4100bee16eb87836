"""The HTTP API: bearer token rules, order upserts, paged reads, health and metrics."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from trackmon.api import SchedulerState, create_app
from trackmon.models import Alert, Message, Order, Shipment
from trackmon.settings import load

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ORDER = {"order_id": "A-1", "buyer_email": "anna@example.com", "buyer_country": "de",
         "tracking_numbers": ["RR123456785CN", {"number": "1Z999AA10123456784", "carrier": "ups"}]}


def make_client(engine, now, *, token: str | None = TOKEN, sched: SchedulerState | None = None) -> TestClient:
    settings = load(env={}, overrides={"api": {"token": token}} if token else None)
    app = create_app(engine, settings, scheduler_state=sched or SchedulerState(running=True),
                     carrier_set=None, clock=lambda: now)
    return TestClient(app)


def test_write_refused_without_configured_token(engine, now) -> None:
    client = make_client(engine, now, token=None)
    r = client.post("/orders", json=ORDER)
    assert r.status_code == 503
    assert "TRACKMON_API_TOKEN" in r.json()["detail"]
    # no token: order, shipment and alert data are not served either (issue 10, finding 3)
    assert client.get("/shipments").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_token_required_for_reads_and_writes(engine, now) -> None:
    client = make_client(engine, now)
    assert client.get("/shipments").status_code == 401
    assert client.post("/orders", json=ORDER).status_code == 401
    r = client.get("/shipments", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/healthz").status_code == 200


def test_post_order_is_an_idempotent_upsert(engine, now) -> None:
    client = make_client(engine, now)
    r = client.post("/orders", json=ORDER, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["outcome"] == "added"
    assert body["order"]["buyer_country"] == "DE"
    assert sorted((s["tracking_number"], s["carrier"]) for s in body["order"]["shipments"]) == [
        ("1Z999AA10123456784", "ups"), ("RR123456785CN", "china-post")]
    r = client.post("/orders", json=ORDER, headers=AUTH)
    assert (r.status_code, r.json()["outcome"]) == (200, "unchanged")
    r = client.post("/orders", json={**ORDER, "buyer_name": "Anna"}, headers=AUTH)
    assert (r.status_code, r.json()["outcome"]) == (200, "updated")
    with Session(engine) as s:
        assert len(s.exec(select(Order)).all()) == 1
        assert len(s.exec(select(Shipment)).all()) == 2


def test_post_order_validation_errors_name_the_field(engine, now) -> None:
    client = make_client(engine, now)
    r = client.post("/orders", json={**ORDER, "tracking_numbers": ["RR123456784CN"]}, headers=AUTH)
    assert r.status_code == 422
    assert "check digit" in r.text
    r = client.post("/orders", json={**ORDER, "buyer_email": "x@example.com\r\nBcc: y@evil.test"}, headers=AUTH)
    assert r.status_code == 422 and "line break" in r.text
    r = client.post("/orders", json={**ORDER, "tracking_numbers": []}, headers=AUTH)
    assert r.status_code == 422
    with Session(engine) as s:
        assert s.exec(select(Order)).all() == []


def test_get_order_and_shipment_timeline(engine, now) -> None:
    client = make_client(engine, now)
    client.post("/orders", json=ORDER, headers=AUTH)
    r = client.get("/orders/default/A-1", headers=AUTH)
    assert r.status_code == 200 and len(r.json()["shipments"]) == 2
    assert client.get("/orders/default/nope", headers=AUTH).status_code == 404
    client.post("/orders", json={**ORDER, "order_id": "B/7", "store": "eu"}, headers=AUTH)
    assert client.get("/orders/eu/B/7", headers=AUTH).json()["order_id"] == "B/7"
    r = client.get("/shipments/rr 1234 5678 5cn", headers=AUTH)
    assert r.status_code == 200
    parcel = r.json()["parcels"][0]
    assert parcel["order"] == {"store": "default", "order_id": "A-1"}
    assert parcel["timeline"] == []
    assert client.get("/shipments/RR000000000CN", headers=AUTH).status_code == 404


def test_shipments_are_paged_and_filtered(engine, now) -> None:
    client = make_client(engine, now)
    numbers = ["RR123456785CN", "1Z999AA10123456784", "LZ123456785CN"]
    for i, number in enumerate(numbers):
        client.post("/orders", json={**ORDER, "order_id": f"A-{i}", "tracking_numbers": [number]}, headers=AUTH)
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/shipments", params=params, headers=AUTH).json()
        seen += [s["tracking_number"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == numbers
    ups = client.get("/shipments", params={"carrier": "UPS"}, headers=AUTH).json()["items"]
    assert [s["tracking_number"] for s in ups] == ["1Z999AA10123456784"]
    assert client.get("/shipments", params={"status": "in_transit"}, headers=AUTH).json()["items"] == []
    assert client.get("/shipments", params={"status": "bogus"}, headers=AUTH).status_code == 422
    assert client.get("/shipments", params={"cursor": "x"}, headers=AUTH).status_code == 422


def _alert(session: Session, order: Order, shipment: Shipment, kind: str, now, *, resolved: bool) -> None:
    session.add(Alert(dedupe_key=f"{order.id}:{shipment.id}:{kind}:c", order_pk=order.id,
                      shipment_id=shipment.id, kind=kind, cause="c", reason=f"{kind} because",
                      opened_at=now, last_seen_at=now, resolved_at=now if resolved else None))


def test_alerts_filter_by_kind_and_open(engine, now) -> None:
    client = make_client(engine, now)
    client.post("/orders", json=ORDER, headers=AUTH)
    with Session(engine) as s:
        order = s.exec(select(Order)).one()
        shipment = s.exec(select(Shipment)).first()
        _alert(s, order, shipment, "stalled", now, resolved=False)
        _alert(s, order, shipment, "customs_hold", now, resolved=False)
        _alert(s, order, shipment, "late", now, resolved=True)
        number = shipment.tracking_number
        s.commit()
    items = client.get("/alerts", headers=AUTH).json()["items"]
    assert sorted(a["kind"] for a in items) == ["customs_hold", "stalled"]
    assert items[0]["tracking_number"] == number
    stalled = client.get("/alerts", params={"kind": "stalled"}, headers=AUTH).json()["items"]
    assert [a["kind"] for a in stalled] == ["stalled"]
    closed = client.get("/alerts", params={"open": "false"}, headers=AUTH).json()["items"]
    assert [a["kind"] for a in closed] == ["late"]
    assert client.get("/alerts", params={"kind": "nonsense"}, headers=AUTH).status_code == 422
    detail = client.get("/orders/default/A-1", headers=AUTH).json()
    assert sorted(a["kind"] for a in detail["open_alerts"]) == ["customs_hold", "stalled"]


def test_readyz_reflects_scheduler_and_database(engine, now) -> None:
    sched = SchedulerState(running=False)
    client = make_client(engine, now, sched=sched)
    r = client.get("/readyz")
    assert r.status_code == 503 and r.json()["checks"]["scheduler"] == "stopped"
    sched.running = True
    r = client.get("/readyz")
    assert r.status_code == 200 and r.json()["checks"] == {"database": "ok", "scheduler": "running"}
    engine.dispose()


def test_readyz_reports_unreachable_database(tmp_path, now) -> None:
    from trackmon.db import make_engine
    broken = make_engine(f"sqlite:///{tmp_path / 'no-such-dir' / 'x.db'}")
    client = make_client(broken, now)
    r = client.get("/readyz")
    assert r.status_code == 503 and r.json()["checks"]["database"].startswith("unreachable")
    assert client.get("/healthz").status_code == 200


def test_metrics_refresh_gauges_from_database(engine, now) -> None:
    client = make_client(engine, now)
    client.post("/orders", json=ORDER, headers=AUTH)
    with Session(engine) as s:
        order = s.exec(select(Order)).one()
        shipment = s.exec(select(Shipment)).first()
        _alert(s, order, shipment, "stalled", now, resolved=False)
        s.add(Message(idempotency_key="k1", order_pk=order.id, kind="stalled", channel="file",
                      recipient="anna@example.com", next_attempt_at=now + timedelta(hours=1), created_at=now))
        s.commit()
    r = client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'trackmon_open_alerts{kind="stalled"} 1.0' in text
    assert 'trackmon_open_alerts{kind="late"} 0.0' in text
    assert 'trackmon_outbox_messages{state="queued"} 1.0' in text


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_openapi_is_served(engine, now, path: str) -> None:
    client = make_client(engine, now)
    assert client.get(path).status_code == 200


def test_alert_listing_carries_the_shared_flags(engine, now) -> None:
    from tests.digest.conftest import seed_store

    seed_store(engine, now)
    client = make_client(engine, now)
    items = client.get("/alerts", params={"store": "acme"}, headers=AUTH).json()["items"]
    assert len(items) == 4 and all({"new", "at_risk", "escalated", "buyer_opted_out"} <= set(i) for i in items)
    assert {i["order"]["order_id"] for i in items if i["at_risk"]} == {"A-1003", "A-1004"}
    # no digest sent yet: "new" is the last day, and every acme alert is older
    assert [i["new"] for i in items] == [False] * 4
    other = client.get("/alerts", params={"store": "other"}, headers=AUTH).json()["items"]
    assert [i["new"] for i in other] == [True]  # opened a day ago, to the minute


def test_an_orders_open_alerts_carry_the_listings_flags(engine, now) -> None:
    """GET /orders/... lists its open alerts in the one listing's shape; at risk is asked of that order."""
    client = make_client(engine, now)
    client.post("/orders", json=ORDER, headers=AUTH)
    with Session(engine) as s:
        order = s.exec(select(Order)).one()
        shipment = s.exec(select(Shipment)).first()
        s.add(Alert(dedupe_key=f"{order.id}:{shipment.id}:stalled:c", order_pk=order.id, shipment_id=shipment.id,
                    kind="stalled", cause="c", reason="no scan for 9 days", opened_at=now - timedelta(days=8),
                    last_seen_at=now))
        s.commit()
    [alert] = client.get("/orders/default/A-1", headers=AUTH).json()["open_alerts"]
    assert (alert["kind"], alert["at_risk"], alert["order_id"]) == ("stalled", True, "A-1")  # open 8 days ≥ 7
    [listed] = client.get("/alerts", headers=AUTH).json()["items"]
    assert set(listed) == set(alert)
