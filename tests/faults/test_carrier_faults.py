"""Carrier faults through the REAL poller and 17TRACK adapter against the stand-in on 127.0.0.1.

Every fault kind on gettrackinfo: the cycle does not crash, the batch backs off (failure
counted, next poll later, lease released), nothing is stored half-way, and the next poll
stores every event exactly once. A carrier rewording its events adds no duplicate.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import Session

from tests.fakes import seed_order
from trackmon import settings as settings_mod
from trackmon.http import make_client
from trackmon.models import Shipment, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.simulator import Fault, FaultKind, FaultPlan, SimulatedCarrier, serve
from trackmon.tracking import CarrierSet

NUMBERS = ["RR123456785CN", "RR000000005CN", "LX111111115CN"]
KEY = "fault-key"


def _settings(base_url: str, *, attempts: int = 1, timeout: float = 5.0) -> settings_mod.Settings:
    return settings_mod.load(env={}, overrides={"carriers": {"17track": {
        "api_key": KEY, "base_url": base_url, "max_attempts": attempts, "timeout_seconds": timeout,
        "rate_limit_per_second": 1000}}})


async def _no_sleep(_: float) -> None:
    return None


def _state(engine: Engine) -> tuple[list[Shipment], int]:
    with Session(engine) as session:
        ships = list(session.execute(select(Shipment).order_by(Shipment.id)).scalars())
        events = session.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one()
        session.expunge_all()
    return ships, events


async def _poll(engine: Engine, carrier: SimulatedCarrier, now: datetime, **settings_kw):
    async with serve(carrier) as server:
        settings = _settings(server.base_url, **settings_kw)
        async with make_client(timeout=settings.carrier("17track").timeout_seconds) as client:
            carriers = CarrierSet(settings, client, sleep=_no_sleep)
            return await poll_due(engine, carriers, settings, now, owner="fault-test", rng=random.Random(1))


def _seed(engine: Engine, now: datetime) -> None:
    with Session(engine) as session:
        seed_order(session, now, NUMBERS, carrier=None, shipped_days_ago=20)


FAULTS = [
    Fault(FaultKind.delay, delay_seconds=3.0),
    FaultKind.reset,
    Fault(FaultKind.rate_limited, retry_after=1),
    FaultKind.rate_limited_bare,
    FaultKind.server_error,
    FaultKind.bad_gateway,
    FaultKind.unavailable,
    FaultKind.truncated,
    FaultKind.html,
]


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: str(f.kind if isinstance(f, Fault) else f))
async def test_fault_backs_off_then_nothing_lost(engine: Engine, now: datetime, fault) -> None:
    _seed(engine, now)
    plan = FaultPlan(script=[fault], endpoints={"gettrackinfo"})
    carrier = SimulatedCarrier(api_key=KEY, faults=plan, clock=lambda: now)

    report = await _poll(engine, carrier, now, timeout=1.0)

    assert report.polled == 0 and report.failures == len(NUMBERS)
    ships, events = _state(engine)
    assert events == 0                                   # nothing half-stored
    for ship in ships:
        assert ship.active and ship.poll_failures == 1 and ship.last_error
        assert ship.lease_owner is None and ship.lease_expires_at is None
        assert ship.next_poll_at is not None and ship.next_poll_at > now     # backoff

    later = max(s.next_poll_at for s in ships) + timedelta(seconds=1)
    again = await _poll(engine, carrier, later)
    assert again.polled == len(NUMBERS) and again.failures == 0
    ships, events = _state(engine)
    expected = sum(len(carrier.journey_for(n).visible_at(later).events) for n in NUMBERS)
    assert events == expected > 0
    assert all(s.poll_failures == 0 for s in ships)


async def test_transient_faults_are_retried_within_the_poll(engine: Engine, now: datetime) -> None:
    _seed(engine, now)
    plan = FaultPlan(script=[FaultKind.server_error, FaultKind.reset, FaultKind.unavailable],
                     endpoints={"gettrackinfo"})
    carrier = SimulatedCarrier(api_key=KEY, faults=plan, clock=lambda: now)
    report = await _poll(engine, carrier, now, attempts=4)
    assert report.polled == len(NUMBERS) and report.failures == 0
    assert carrier.stats.requests["gettrackinfo"] == 4


async def test_reworded_events_add_no_duplicate(engine: Engine, now: datetime) -> None:
    _seed(engine, now)
    carrier = SimulatedCarrier(api_key=KEY, clock=lambda: now)
    first = await _poll(engine, carrier, now)
    ships, events = _state(engine)
    assert first.polled == len(NUMBERS) and events > 0

    carrier.faults = FaultPlan(script=[FaultKind.reword], endpoints={"gettrackinfo"})
    later = max(s.next_poll_at for s in ships) + timedelta(seconds=1)
    second = await _poll(engine, carrier, later)
    assert second.polled == len(NUMBERS)
    assert carrier.stats.faults[FaultKind.reword] == 1
    assert second.new_events == 0
    assert _state(engine)[1] == events


async def test_random_fault_storm_loses_nothing(engine: Engine, now: datetime) -> None:
    """Seeded random faults over several polls: every shipment ends up with its whole history once."""
    _seed(engine, now)
    plan = FaultPlan(probabilities={"500": 0.1, "503": 0.05, "reset": 0.05, "truncated": 0.05, "html": 0.05,
                                    "429_bare": 0.05, "reword": 0.2}, seed=7)
    carrier = SimulatedCarrier(api_key=KEY, faults=plan, clock=lambda: now)
    moment = now
    for _ in range(20):
        await _poll(engine, carrier, moment, attempts=3)
        ships, _ = _state(engine)
        if all(s.last_polled_at is not None and s.poll_failures == 0 for s in ships):
            break
        moment = max(s.next_poll_at for s in ships if s.next_poll_at) + timedelta(seconds=1)
    ships, events = _state(engine)
    assert all(s.last_polled_at is not None for s in ships)
    assert events == sum(len(carrier.journey_for(n).visible_at(now).events) for n in NUMBERS)
    with Session(engine) as session:
        dupes = session.execute(select(ShipmentEvent.shipment_id, ShipmentEvent.fingerprint)
                                .group_by(ShipmentEvent.shipment_id, ShipmentEvent.fingerprint)
                                .having(func.count() > 1)).all()
    assert dupes == []
