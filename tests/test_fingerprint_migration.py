"""Migration 0003 re-keys events stored with the old fingerprint (and the alerts and
messages named after them): re-polling adds no duplicate and no buyer message twice."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from carriers.aftership import parse_tracking
from tests.fakes import event, snapshot
from tests.test_fingerprint import CONSOLIDATOR, _tracking
from trackmon import schema
from trackmon.db import make_engine
from trackmon.domain import Status
from trackmon.ingest import ingest_snapshot
from trackmon.models import Alert, Message, Shipment, ShipmentEvent
from trackmon.settings import Settings

M0003 = importlib.import_module("trackmon.migrations.versions.0003_column_sizes")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HOOKS = {"detector": lambda *a, **k: [], "planner": lambda *a: 0}


def _old_rows(conn, shipment_id, events):
    """What the previous code stored: one row per legacy fingerprint (the first one wins)."""
    seen = {}
    for ev in events:
        fp = M0003.legacy_fingerprint(ev.time, ev.location, ev.description, ev.raw_code, ev.status.value)
        seen.setdefault(fp, ev)
    conn.execute(sa.insert(ShipmentEvent.__table__), [{
        "shipment_id": shipment_id, "fingerprint": fp, "time": ev.time, "description": ev.description,
        "location": ev.location, "status": ev.status.value, "sub_status": None, "raw_code": ev.raw_code,
        "utc_offset_minutes": None, "country": None, "first_seen_at": NOW} for fp, ev in seen.items()])
    return list(seen)


def test_upgrade_rekeys_old_fingerprints_alerts_and_messages(database_url) -> None:
    engine = make_engine(database_url)
    try:
        assert schema.upgrade(engine, "0001") == "0001"
        journey = [event(NOW - timedelta(days=d), f"Step {d}", location="Shenzhen", raw_code=f"C{d}")
                   for d in (9, 7, 5)]
        consolidator = parse_tracking(_tracking(CONSOLIDATOR))
        md = sa.MetaData()
        orders = sa.Table("orders", md, autoload_with=engine)
        shipments = sa.Table("shipments", md, autoload_with=engine)
        with engine.begin() as conn:
            order_pk = conn.execute(sa.insert(orders).values(
                store="default", order_id="A1", buyer_email="b@example.com", created_at=NOW,
                updated_at=NOW).returning(orders.c.id)).scalar_one()
            ids = [conn.execute(sa.insert(shipments).values(
                order_pk=order_pk, tracking_number=n, status="in_transit", active=True, poll_failures=0,
                created_at=NOW).returning(shipments.c.id)).scalar_one() for n in ("LB1CN", "YT2411181234567")]
            old = _old_rows(conn, ids[0], journey)
            merged = _old_rows(conn, ids[1], consolidator.events)
            assert len(merged) == 1  # the old key merged four checkpoints into one
            cause = f"customs:{old[1]}"
            conn.execute(sa.insert(Alert.__table__).values(
                dedupe_key=f"{order_pk}:{ids[0]}:customs_hold:{cause}", order_pk=order_pk, shipment_id=ids[0],
                kind="customs_hold", cause=cause, reason="held", details={}, opened_at=NOW, last_seen_at=NOW))
            conn.execute(sa.insert(Message.__table__).values(
                idempotency_key=f"{order_pk}:customs_hold:{cause}", order_pk=order_pk, shipment_id=ids[0],
                kind="customs_hold", cause=cause, priority=1, channel="file", recipient="b@example.com",
                language="en", context={}, state="sent", next_attempt_at=NOW, attempts=1, created_at=NOW))

        schema.upgrade(engine)

        new_cause = f"customs:{journey[1].fingerprint}"
        with Session(engine) as session:
            alert = session.execute(sa.select(Alert)).scalar_one()
            assert (alert.cause, alert.dedupe_key) == (new_cause, f"{order_pk}:{ids[0]}:customs_hold:{new_cause}")
            message = session.execute(sa.select(Message)).scalar_one()
            assert (message.cause, message.idempotency_key) == (new_cause, f"{order_pk}:customs_hold:{new_cause}")
            ship, cons = (session.get(Shipment, i) for i in ids)
            settings = Settings()
            again = ingest_snapshot(session, ship, snapshot("LB1CN", journey), NOW, settings, **HOOKS)
            assert again.new_events == 0
            # the consolidator parcel: the three checkpoints the old key had merged away come in
            more = ingest_snapshot(session, cons, consolidator, NOW, settings, **HOOKS)
            assert more.new_events == 3
            session.commit()
            assert session.execute(sa.select(sa.func.count()).select_from(ShipmentEvent)).scalar_one() == 7

        # downgrade re-keys with the old definition: the old code would find its own keys
        with engine.begin() as conn:
            changed = M0003.rekey(conn, M0003.legacy_fingerprint)
            assert changed == 4  # three journey rows + the one consolidator row that kept the key
            fps = set(conn.execute(sa.select(ShipmentEvent.fingerprint)).scalars())
            assert set(old) <= fps
            assert conn.execute(sa.select(Alert.cause).where(Alert.kind == "customs_hold")).scalar_one() == cause
    finally:
        engine.dispose()


def test_status_is_not_part_of_the_identity_so_a_new_classifier_adds_nothing(engine) -> None:
    with Session(engine) as session:
        from tests.fakes import seed_order
        _, [ship] = seed_order(session, NOW, ["LB1CN"])
        ev = [event(NOW - timedelta(days=1), "Handed to the courier", raw_code="X1")]
        ingest_snapshot(session, ship, snapshot("LB1CN", ev), NOW, Settings(), **HOOKS)
        reclassified = [event(NOW - timedelta(days=1), "Handed to the courier", raw_code="X1",
                              status=Status.out_for_delivery)]
        res = ingest_snapshot(session, ship, snapshot("LB1CN", reclassified), NOW, Settings(), **HOOKS)
        assert res.new_events == 0
