"""The set-based batch stores exactly what the parcel-by-parcel path stores (real detector and
planner, both backends), in a handful of statements; the same answer again skips the history."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlmodel import Session, SQLModel

import trackmon.poller as poller_mod
from bench.statements import StatementCounter
from tests.conftest import POSTGRES_URL, _postgres_schema_url
from tests.fakes import FakeAdapter, FakeCarrierSet, event, seed_order, snapshot
from trackmon.db import make_engine
from trackmon.domain import CarrierProblem, Status, SubStatus
from trackmon.models import Alert, Message, Order, Shipment, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.settings import Settings

DAY = timedelta(days=1)
SETTINGS = Settings()


def _answers(now: Any, later: bool) -> dict[str, Any]:
    """One parcel per situation the rules care about; `later`: some of them moved on."""
    t = now - 12 * DAY
    base = [event(t, "Accepted", location="Shenzhen", status=Status.info_received),
            event(t + DAY, "Departed", location="Shenzhen", sub_status=SubStatus.departed_origin)]
    out: dict[str, Any] = {
        "LB001CN": snapshot("LB001CN", base),                                   # stalls with time
        "LB002CN": snapshot("LB002CN", [*base, event(now - 2 * DAY, "Arrived", location="Madrid", country="ES",
                                                     sub_status=SubStatus.arrived_destination)]),
        "LB003CN": snapshot("LB003CN", [*base, event(now - 3 * DAY, "Held by customs", location="Madrid",
                                                     status=Status.exception, sub_status=SubStatus.customs_held)]),
        "LB004CN": snapshot("LB004CN", [*base, event(now - DAY, "Ready for pickup", location="Post office 12",
                                                     status=Status.available_for_pickup,
                                                     sub_status=SubStatus.pickup_post_office)]),
        "LB005CN": snapshot("LB005CN", [*base, event(now - DAY, "Delivered", status=Status.delivered)]),
        "LB006CN": CarrierProblem(tracking_number="LB006CN", kind="not_found", message="no information yet"),
        "LB007CN": snapshot("LB007CN", [*base, event(now - 4 * DAY, "Returned to sender",
                                                     status=Status.returning)]),
        "LB008CN": snapshot("LB008CN", []),
    }
    if later:
        out["LB002CN"] = snapshot("LB002CN", [*out["LB002CN"].events,
                                              event(now + 2 * DAY, "Delivered", status=Status.delivered)])
        out["LB006CN"] = snapshot("LB006CN", base)
    return out


def _seed(engine: Any, now: Any) -> None:
    with Session(engine) as session:
        for i, number in enumerate(sorted(_answers(now, False))):
            # two orders share a buyer: the daily cap counts both orders' messages
            email = "shared@example.com" if i in (1, 2) else f"buyer{i}@example.com"
            seed_order(session, now, [number], order_id=f"O{i}", shipped_days_ago=13, country="ES",
                       buyer_language="es")
            session.execute(update(Order).where(Order.order_id == f"O{i}").values(buyer_email=email))
            session.commit()


def _dump(engine: Any) -> dict[str, Any]:
    skip = {"id", "next_poll_at", "order_pk", "shipment_id", "alert_id"}
    out: dict[str, Any] = {}
    with Session(engine) as session:
        number = {s.id: s.tracking_number for s in session.execute(select(Shipment)).scalars()}
        for model, key in ((Shipment, "tracking_number"), (ShipmentEvent, "fingerprint"), (Alert, "dedupe_key"),
                           (Message, "idempotency_key")):
            rows = []
            for obj in session.execute(select(model)).scalars():
                row = {k: v for k, v in obj.model_dump().items() if k not in skip}
                row["parcel"] = number.get(getattr(obj, "shipment_id", None) or getattr(obj, "id", None))
                if model is not Shipment:
                    row["parcel"] = number.get(getattr(obj, "shipment_id", None))
                rows.append(row)
            out[model.__tablename__] = sorted(rows, key=lambda r: (str(r.get("parcel")), str(r[key])))
    # keys name rows by id: the same on both databases as they were seeded alike
    return out


async def _poll(engine: Any, now: Any, answers: dict[str, Any]) -> Any:
    adapter = FakeAdapter(script=answers)
    return await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="r1", rng=random.Random(1))


def _due_again(engine: Any) -> None:
    with engine.begin() as conn:
        conn.execute(update(Shipment).where(Shipment.active.is_(True)).values(next_poll_at=None))


@pytest.fixture
def twin(database_url: str, tmp_path: Any) -> Any:
    """A second empty database on the same backend (SQLite file, or another PostgreSQL schema)."""
    if database_url.startswith("sqlite"):
        eng = make_engine(f"sqlite:///{tmp_path / 'twin.db'}")
        SQLModel.metadata.create_all(eng)
        yield eng
        eng.dispose()
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL or "")
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(_postgres_schema_url(POSTGRES_URL or "", schema))
    try:
        SQLModel.metadata.create_all(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


async def test_batch_stores_what_parcel_by_parcel_stores(engine: Any, twin: Any, now: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(engine, now)
    _seed(twin, now)
    real = poller_mod._Poll._settle_set
    used: list[str] = []

    def one_by_one(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self.engine is twin:
            raise NotImplementedError("the twin stores parcel by parcel")
        used.append("batch")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(poller_mod._Poll, "_settle_set", one_by_one)
    for step, (at, later) in enumerate(((now, False), (now + 3 * DAY, True), (now + 4 * DAY, True),
                                        (now + 9 * DAY, True))):
        if step:
            _due_again(engine)
            _due_again(twin)
        a = await _poll(engine, at, _answers(now, later))
        b = await _poll(twin, at, _answers(now, later))
        assert (a.polled, a.new_events, a.failures, a.retired) == (b.polled, b.new_events, b.failures, b.retired)
        assert _dump(engine) == _dump(twin), f"step {step}"
    assert used, "the batch path was used"
    dump = _dump(engine)
    assert dump["messages"] and dump["alerts"]  # the scenario exercises both
    assert {a["kind"] for a in dump["alerts"]} >= {"stalled", "customs_hold", "pickup_waiting", "returning"}


async def test_a_batch_takes_a_few_statements_and_the_same_answer_skips_the_history(
        engine: Any, now: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(engine, now)
    answers = _answers(now, False)
    with StatementCounter(engine) as first:
        report = await _poll(engine, now, answers)
    assert report.polled == 8
    _due_again(engine)
    with Session(engine) as session:
        digests = {s.tracking_number: s.answer_digest for s in session.execute(select(Shipment)).scalars()}
    assert digests["LB006CN"] is None and all(digests[n] for n in answers if n != "LB006CN")
    reads: list[list[int]] = []
    real = poller_mod.settle_answers.__globals__["_read_events"]

    def spy(session: Any, ids: Any) -> Any:
        reads.append(sorted(ids))
        return real(session, ids)

    monkeypatch.setitem(poller_mod.settle_answers.__globals__, "_read_events", spy)
    with StatementCounter(engine) as again:
        await _poll(engine, now + timedelta(hours=2), answers)  # no order is up for review yet
    with Session(engine) as session:
        problem = session.execute(select(Shipment.id).where(Shipment.tracking_number == "LB006CN")).scalar_one()
    assert reads == [[problem]]  # only the parcel without a digest (a problem) reads its history
    # per round, whatever its size: BEGINs, claim, load, 4 reads, the writes, planning (3 reads,
    # 2 writes), lanes, the empty claim that ends the poll; nothing per parcel (8 parcels here)
    assert first.count <= 25 and again.count <= 16, (first.by_verb, again.by_verb)


async def test_a_refused_bulk_write_is_stored_parcel_by_parcel(engine: Any, now: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A bulk statement the database refuses (here: one parcel's) loses nothing: the batch is
    stored again parcel by parcel and only the offending parcel is backed off with its reason."""
    import trackmon.batch.writes as writes_mod
    from trackmon.errors import StoreError

    _seed(engine, now)
    real = writes_mod.insert_events

    def refuse(conn: Any, rows: Any) -> Any:
        raise StoreError("could not store the carrier's answer: refused for the test")

    monkeypatch.setattr(writes_mod, "insert_events", refuse)
    bad = "LB003CN"
    from trackmon import ingest as ingest_mod
    real_store = ingest_mod._store_events

    def store(session: Any, shipment: Any, events: Any, at: Any) -> Any:
        if shipment.tracking_number == bad:
            raise StoreError("could not store the carrier's answer: value too long for location")
        return real_store(session, shipment, events, at)

    monkeypatch.setattr(ingest_mod, "_store_events", store)
    report = await _poll(engine, now, _answers(now, False))
    assert (report.polled, report.failures) == (7, 1)
    with Session(engine) as session:
        ships = {s.tracking_number: s for s in session.execute(select(Shipment)).scalars()}
    assert ships[bad].last_error == "could not store the carrier's answer: value too long for location"
    assert ships[bad].poll_failures == 1 and ships[bad].lease_owner is None
    assert all(s.last_polled_at == now and s.lease_owner is None for n, s in ships.items() if n != bad)
    monkeypatch.setattr(writes_mod, "insert_events", real)
