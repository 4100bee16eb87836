from __future__ import annotations

import random
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlmodel import Session

from tests.fakes import FakeAdapter, FakeCarrierSet, event, seed_order, snapshot
from trackmon.db import make_engine
from trackmon.domain import CarrierProblem, Status
from trackmon.errors import CarrierAuthError, RateLimited, TransientCarrierError
from trackmon.models import Shipment, ShipmentEvent
from trackmon.poller import claim_due, poll_due
from trackmon.settings import Settings

DAY = timedelta(days=1)
SETTINGS = Settings()


def no_detect(snap, now, rules, *, stall_days_override=None, tracked_since=None):
    return []


def no_plan(session, order_pk, now, settings):
    return 0


HOOKS = {"detector": no_detect, "planner": no_plan, "rng": random.Random(5)}


def _seed_many(engine, now, count, *, carrier="fake", prefix="LB"):
    with Session(engine) as session:
        numbers = [f"{prefix}{i:06d}CN" for i in range(count)]
        for start in range(0, count, 50):
            seed_order(session, now, numbers[start:start + 50], order_id=f"{prefix}{start}", carrier=carrier)
    return numbers


def _shipments(engine):
    with Session(engine) as session:
        return {s.tracking_number: s for s in session.execute(select(Shipment)).scalars()}


def test_claim_sets_lease_and_skips_leased(engine, now):
    _seed_many(engine, now, 5)
    first = claim_due(engine, now, owner="a", limit=3, lease_seconds=300)
    second = claim_due(engine, now, owner="b", limit=10, lease_seconds=300)
    assert len(first) == 3 and len(second) == 2 and not set(first) & set(second)
    assert claim_due(engine, now, owner="c", limit=10, lease_seconds=300) == []
    ships = _shipments(engine).values()
    assert {s.lease_owner for s in ships} == {"a", "b"}
    assert all(s.lease_expires_at == now + timedelta(seconds=300) for s in ships)


def test_not_due_and_inactive_are_not_claimed(engine, now):
    _seed_many(engine, now, 3)
    with Session(engine) as session:
        a, b, _ = session.execute(select(Shipment).order_by(Shipment.id)).scalars().all()
        a.next_poll_at = now + timedelta(minutes=1)
        b.active = False
        session.commit()
    assert len(claim_due(engine, now, owner="a", limit=10, lease_seconds=300)) == 1


def test_expired_lease_is_reclaimable(engine, now):
    _seed_many(engine, now, 4)
    assert len(claim_due(engine, now, owner="crashed", limit=10, lease_seconds=60)) == 4
    assert claim_due(engine, now + timedelta(seconds=59), owner="b", limit=10, lease_seconds=60) == []
    later = now + timedelta(seconds=61)
    assert len(claim_due(engine, later, owner="b", limit=10, lease_seconds=60)) == 4
    assert {s.lease_owner for s in _shipments(engine).values()} == {"b"}


def test_three_replicas_never_claim_the_same_shipment(database_url, engine, now):
    _seed_many(engine, now, 300)
    claimed: dict[str, list[int]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def replica(name: str) -> None:
        own = make_engine(database_url)
        got: list[int] = []
        try:
            barrier.wait()
            while True:
                ids = claim_due(own, now, owner=name, limit=15, lease_seconds=300)
                if not ids:
                    break
                got.extend(ids)
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.dispose()
            claimed[name] = got

    threads = [threading.Thread(target=replica, args=(f"r{i}",)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    every = [sid for ids in claimed.values() for sid in ids]
    counts = Counter(every)
    assert [sid for sid, n in counts.items() if n > 1] == []   # zero double claims
    assert len(counts) == 300                                  # all claimed
    owners = {s.id: s.lease_owner for s in _shipments(engine).values()}
    for name, ids in claimed.items():
        assert all(owners[sid] == name for sid in ids)


async def test_poll_due_ingests_batches_and_reschedules(engine, now):
    numbers = _seed_many(engine, now, 5)
    adapter = FakeAdapter(max_batch=2, script={
        n: snapshot(n, [event(now - 2 * DAY, "Accepted"), event(now - DAY, "Departed")]) for n in numbers})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.claimed == 5 and report.polled == 5 and report.new_events == 10 and report.failures == 0
    assert report.by_carrier["fake"].polled == 5
    assert sorted(len(c) for c in adapter.calls) == [1, 2, 2]
    for ship in _shipments(engine).values():
        assert ship.status == "in_transit" and ship.lease_owner is None and ship.poll_failures == 0
        assert now + timedelta(hours=3) < ship.next_poll_at < now + timedelta(hours=5)
        assert ship.last_polled_at == now
    # nothing is due any more: a second poll at the same time does nothing
    again = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert again.claimed == 0 and len(adapter.calls) == 3


@pytest.mark.parametrize("error", [TransientCarrierError("fake", "HTTP 503", status_code=503),
                                   TransientCarrierError("fake", "timeout"),
                                   CarrierAuthError("fake", "HTTP 401", status_code=401)])
async def test_failing_carrier_backs_off_and_loses_nothing(engine, now, error):
    numbers = _seed_many(engine, now, 3)
    adapter = FakeAdapter(max_batch=10, fail_calls=[error],
                          script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.failures == 3 and report.polled == 0
    ships = _shipments(engine)
    assert len(ships) == 3
    for ship in ships.values():
        assert ship.active and ship.lease_owner is None and ship.poll_failures == 1
        assert error.message in ship.last_error
        assert now + timedelta(minutes=13) <= ship.next_poll_at <= now + timedelta(minutes=17)
    # the next cycle, after the backoff, polls them all
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now + timedelta(hours=1), owner="me", **HOOKS)
    assert report.polled == 3
    assert all(s.poll_failures == 0 and s.last_error is None for s in _shipments(engine).values())


async def test_rate_limited_carrier_pauses_for_the_rest_of_the_cycle(engine, now):
    numbers = _seed_many(engine, now, 6)
    adapter = FakeAdapter(max_batch=2, fail_calls=[RateLimited("fake", retry_after=600)],
                          script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    other = FakeAdapter("other", script={"OT1": snapshot("OT1", [event(now - DAY, "x")], carrier="other")})
    with Session(engine) as session:
        seed_order(session, now, ["OT1"], order_id="O1", carrier="other")
    report = await poll_due(engine, FakeCarrierSet(adapter, other), SETTINGS, now, owner="me", **HOOKS)
    assert len(adapter.calls) == 1                     # paused after the 429
    assert report.by_carrier["fake"].rate_limited
    assert report.by_carrier["other"].polled == 1      # other carriers go on
    ships = [s for s in _shipments(engine).values() if s.carrier == "fake"]
    assert sorted(s.poll_failures for s in ships) == [0, 0, 0, 0, 1, 1]
    assert all(s.lease_owner is None and s.active for s in ships)
    assert all(s.next_poll_at >= now + timedelta(seconds=600) for s in ships)
    later = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now + DAY, owner="me", **HOOKS)
    assert later.polled == 6


async def test_problems_and_unknown_numbers_are_kept(engine, now):
    _seed_many(engine, now, 2)
    adapter = FakeAdapter(script={"LB000000CN": CarrierProblem(tracking_number="LB000000CN", kind="not_found",
                                                              message="not yet")})
    carriers = FakeCarrierSet(adapter, invalid={"LB000001CN"})
    report = await poll_due(engine, carriers, SETTINGS, now, owner="me", **HOOKS)
    assert report.polled == 2
    ships = _shipments(engine)
    assert ships["LB000000CN"].last_error == "not_found: not yet"
    assert ships["LB000001CN"].sub_status == "invalid_number"
    assert all(s.active and s.next_poll_at > now for s in ships.values())


async def test_unconfigured_carrier_backs_off(engine, now):
    _seed_many(engine, now, 1, carrier="nobody")
    report = await poll_due(engine, FakeCarrierSet(), SETTINGS, now, owner="me", **HOOKS)
    assert report.failures == 1
    [ship] = _shipments(engine).values()
    assert "no carrier API is configured" in ship.last_error and ship.next_poll_at > now


async def test_delivered_parcel_retires_after_grace_and_stops_aggregator(engine, now):
    numbers = _seed_many(engine, now, 2, carrier="agg")
    agg = FakeAdapter("agg", aggregator=True, script={
        numbers[0]: snapshot(numbers[0], [event(now - 4 * DAY, "Delivered", status=Status.delivered)]),
        numbers[1]: snapshot(numbers[1], [event(now - DAY, "Delivered", status=Status.delivered)]),
    })
    report = await poll_due(engine, FakeCarrierSet(agg), SETTINGS, now, owner="me", **HOOKS)
    assert report.retired == 1
    ships = _shipments(engine)
    assert not ships[numbers[0]].active and ships[numbers[0]].retired_at == now
    assert ships[numbers[0]].next_poll_at is None
    assert ships[numbers[1]].active
    assert agg.stopped == [numbers[0]]


async def test_lost_lease_is_not_overwritten(engine, now):
    numbers = _seed_many(engine, now, 1)

    class Thief(FakeAdapter):
        async def fetch(self, requests):
            with Session(engine) as session:
                ship = session.execute(select(Shipment)).scalar_one()
                ship.lease_owner = "other-replica"
                session.commit()
            return await super().fetch(requests)

    adapter = Thief(script={numbers[0]: snapshot(numbers[0], [event(now - DAY, "Accepted")])})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.lost_leases == 1 and report.polled == 0
    with Session(engine) as session:
        assert session.execute(select(ShipmentEvent)).first() is None


async def test_failing_shipment_still_retires_after_max_active_days(engine, now):
    _seed_many(engine, now, 1)
    with Session(engine) as session:
        ship = session.execute(select(Shipment)).scalar_one()
        ship.created_at = now - 121 * DAY
        session.commit()
    adapter = FakeAdapter(fail_calls=[TransientCarrierError("fake", "HTTP 502", status_code=502)])
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.retired == 1
    [ship] = _shipments(engine).values()
    assert not ship.active and ship.retired_at == now and ship.poll_failures == 1


async def test_one_failing_ingest_in_a_batch_loses_nothing_else(engine, now):
    """A batch is stored in one transaction, each shipment in its own savepoint: the one whose
    ingest blows up is rolled back alone (no half-stored events) and backed off; the rest land."""
    numbers = _seed_many(engine, now, 5)
    bad = numbers[2]
    adapter = FakeAdapter(script={n: snapshot(n, [event(now - 2 * DAY, location="A"),
                                                  event(now - DAY, location="B")]) for n in numbers})

    def detector(snap, now, rules, *, stall_days_override=None, tracked_since=None):
        if snap.tracking_number == bad:
            raise RuntimeError("detector exploded")
        return []

    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="r1",
                            **{**HOOKS, "detector": detector})
    assert (report.polled, report.failures, report.new_events) == (4, 1, 8)
    ships = _shipments(engine)
    assert all(s.lease_owner is None for s in ships.values())
    assert ships[bad].poll_failures == 1
    assert ships[bad].last_error == ("storing the carrier's answer failed unexpectedly (RuntimeError); "
                                     "details are in the log")
    assert ships[bad].last_event_at is None
    with Session(engine) as session:
        stored = Counter(session.get(Shipment, e.shipment_id).tracking_number
                         for e in session.execute(select(ShipmentEvent)).scalars())
    assert bad not in stored and all(stored[n] == 2 for n in numbers if n != bad)
    again = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, ships[bad].next_poll_at, owner="r1", **HOOKS)
    assert again.new_events == 2 and _shipments(engine)[bad].poll_failures == 0


async def test_a_later_round_leases_from_when_it_claims_not_from_the_cycle_start(engine, now, monkeypatch):
    """Round 2 of a long cycle must not take leases that are already expired for other replicas."""
    import trackmon.poller as poller_mod

    numbers = _seed_many(engine, now, 2)
    clock = {"t": 1000.0}
    monkeypatch.setattr(poller_mod.time, "monotonic", lambda: clock["t"])
    seen: dict[str, object] = {}

    class SlowAdapter(FakeAdapter):
        async def fetch(self, requests):
            with Session(engine) as s:
                for r in requests:
                    seen[r.number] = s.execute(select(Shipment.lease_expires_at).where(
                        Shipment.tracking_number == r.number)).scalar_one()
            clock["t"] += 400  # each fetch takes longer than the 300 s lease
            return await super().fetch(requests)

    adapter = SlowAdapter(script={n: snapshot(n, [event(now - DAY)]) for n in numbers})
    settings = Settings(polling={"claim_batch_size": 1, "lease_seconds": 300})
    report = await poll_due(engine, FakeCarrierSet(adapter), settings, now, owner="r1", **HOOKS)
    assert report.rounds >= 2 and report.polled == 2
    assert seen[numbers[0]] == now + timedelta(seconds=300)
    assert seen[numbers[1]] == now + timedelta(seconds=400 + 300)  # not now + 300: long expired


# ------------------------------------------------------------------ anything unexpected, per batch

UNEXPECTED = [ValueError("bad value"), TypeError("'str' object has no attribute 'get'"), KeyError("tracking"),
              RecursionError("maximum recursion depth exceeded"), OverflowError("date value out of range"),
              ZeroDivisionError("division by zero"), RuntimeError("SELECT * FROM shipment -- secret")]


def _assert_backed_off(ship, now, reason_start):
    assert ship.active and ship.lease_owner is None and ship.lease_expires_at is None
    assert ship.poll_failures == 1 and ship.last_polled_at is None
    assert ship.last_error.startswith(reason_start) and len(ship.last_error) < 200
    assert "SELECT" not in ship.last_error and "Traceback" not in ship.last_error
    assert ship.next_poll_at >= now + timedelta(minutes=13)


def _assert_stored(ship, now):
    assert ship.lease_owner is None and ship.poll_failures == 0 and ship.last_error is None
    assert ship.status == "in_transit" and ship.last_polled_at == now


@pytest.mark.parametrize("error", UNEXPECTED, ids=lambda e: type(e).__name__)
async def test_a_batch_whose_adapter_raises_anything_is_released_and_backed_off(engine, now, error):
    numbers = _seed_many(engine, now, 5)
    adapter = FakeAdapter(max_batch=2, fail_calls=[None, error],
                          script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert len(adapter.calls) == 3
    failed = set(adapter.calls[1])
    assert (report.polled, report.failures) == (3, 2)
    for number, ship in _shipments(engine).items():
        if number in failed:
            _assert_backed_off(ship, now, f"polling FAKE failed unexpectedly ({type(error).__name__})")
        else:
            _assert_stored(ship, now)
    # after the backoff the failed batch is polled again and recovers
    later = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now + timedelta(hours=1), owner="me", **HOOKS)
    assert later.polled == 2 and all(s.poll_failures == 0 for s in _shipments(engine).values())


@pytest.mark.parametrize("error", UNEXPECTED[:3], ids=lambda e: type(e).__name__)
async def test_a_batch_whose_parse_raises_anything_is_released_and_backed_off(engine, now, error):
    numbers = _seed_many(engine, now, 4)

    class ExplodingParse(FakeAdapter):
        def parse(self, raw):
            result = super().parse(raw)
            if len(self.calls) == 1:
                raise error
            return result

    adapter = ExplodingParse(max_batch=2, script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    failed = set(adapter.calls[0])
    assert (report.polled, report.failures) == (2, 2)
    for number, ship in _shipments(engine).items():
        if number in failed:
            _assert_backed_off(ship, now, "fake: the answer could not be read: ")
        else:
            _assert_stored(ship, now)


async def test_a_failure_while_storing_a_batch_releases_it_and_the_others_are_stored(engine, now, monkeypatch):
    import trackmon.poller as poller_mod

    numbers = _seed_many(engine, now, 4)
    adapter = FakeAdapter(max_batch=2, script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    real = poller_mod._Poll.settle_batch
    calls = {"n": 0}

    def settle_batch(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise AttributeError("'NoneType' object has no attribute 'tracking_number'")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(poller_mod._Poll, "settle_batch", settle_batch)
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    failed = set(adapter.calls[1])
    assert (report.polled, report.failures, report.lost_leases) == (2, 2, 0)
    for number, ship in _shipments(engine).items():
        if number in failed:
            _assert_backed_off(ship, now, "storing the carrier's answer failed unexpectedly (AttributeError)")
        else:
            _assert_stored(ship, now)


async def test_a_malformed_parcel_keeps_its_state_and_is_backed_off_alone(engine, now):
    numbers = _seed_many(engine, now, 3)
    bad = numbers[1]
    adapter = FakeAdapter(script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})
    adapter.set(bad, CarrierProblem(tracking_number=bad, kind="malformed",
                                    message="FAKE answer for this number could not be read: nested too deeply"))
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert (report.polled, report.failures) == (2, 1)
    ships = _shipments(engine)
    _assert_backed_off(ships[bad], now, "FAKE answer for this number could not be read: nested too deeply")
    assert ships[bad].status == "not_found" and ships[bad].raw_status is None  # nothing learnt, nothing changed
    for number in set(numbers) - {bad}:
        _assert_stored(ships[number], now)


async def test_one_unreadable_17track_parcel_does_not_stall_its_round(engine, now):
    """The bodies of issue 10 through the real 17TRACK adapter: each bad parcel is backed off
    alone with a reason naming what was wrong; the good parcel of the same answer is stored."""
    import json as jsonlib
    from pathlib import Path

    from carriers.track17 import Track17
    from tests.carriers.helpers import build_adapter, track17_answers

    good = jsonlib.loads((Path(__file__).parent / "carriers/fixtures/17track/in_transit.json").read_text())
    item = good["data"]["accepted"][0]
    mutations = {
        "tracking": lambda ti: ti.__setitem__("tracking", "oops"),
        "time_metrics": lambda ti: ti.__setitem__("time_metrics", [1, 2]),
        "events": lambda ti: ti["tracking"]["providers"][0].__setitem__("events", 7),
    }
    numbers = _seed_many(engine, now, len(mutations) + 1, carrier="17track")
    items = []
    for number, mutate in zip(numbers, [*mutations.values(), None], strict=True):
        one = jsonlib.loads(jsonlib.dumps(item))
        one["number"] = number
        if mutate:
            mutate(one["track_info"])
        items.append(one)

    adapter = build_adapter(Track17, track17_answers(items), api_key="k")
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert (report.polled, report.failures) == (1, 3)
    ships = _shipments(engine)
    for number, what in zip(numbers, ["track_info.tracking is text", "track_info.time_metrics is a list",
                                      "a provider's events is a number"], strict=False):
        _assert_backed_off(ships[number], now, "17TRACK answer for this number could not be read: ")
        assert what in ships[number].last_error
    _assert_stored(ships[numbers[-1]], now)


async def test_a_routing_failure_backs_off_that_parcel_and_the_others_are_polled(engine, now):
    numbers = _seed_many(engine, now, 3)
    adapter = FakeAdapter(script={n: snapshot(n, [event(now - DAY, "Accepted")]) for n in numbers})

    class Router(FakeCarrierSet):
        def route(self, number, carrier=None):
            if number == numbers[1]:
                raise IndexError("string index out of range")
            return super().route(number, carrier)

    report = await poll_due(engine, Router(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert (report.polled, report.failures) == (2, 1)
    ships = _shipments(engine)
    _assert_backed_off(ships[numbers[1]], now, "choosing a carrier API failed unexpectedly (IndexError)")
    _assert_stored(ships[numbers[0]], now)
    _assert_stored(ships[numbers[2]], now)
