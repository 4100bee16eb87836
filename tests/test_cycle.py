from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.fakes import FakeAdapter, FakeCarrierSet, event, seed_order, snapshot
from trackmon.cycle import run_cycle
from trackmon.domain import AlertCandidate, AlertKind, Status, SubStatus
from trackmon.models import Alert, JobRun, Message, Shipment, ShipmentEvent
from trackmon.settings import Settings

DAY = timedelta(days=1)
SETTINGS = Settings()


def stall_detector(snap, now, rules, *, stall_days_override=None, tracked_since=None):
    last = snap.last_event
    days = stall_days_override or rules.stalled_international_days
    if last is None or snap.status is Status.delivered or now - last.time <= days * DAY:
        return []
    return [AlertCandidate(kind=AlertKind.stalled, reason="no news", cause=last.fingerprint, since=last.time)]


class Recorder:
    def __init__(self, result=0, error=None):
        self.calls, self.result, self.error = [], result, error

    def plan(self, session, order_pk, now, settings):
        self.calls.append(order_pk)
        return self.result

    async def step(self, engine, settings, now, *, owner):
        self.calls.append(owner)
        if self.error:
            raise self.error
        return self.result


def _seed(engine, now):
    with Session(engine) as session:
        seed_order(session, now, ["SPLIT1", "SPLIT2"], order_id="A1", shipped_days_ago=15)
        seed_order(session, now, ["ONE1"], order_id="A2", shipped_days_ago=15)
    return FakeAdapter(max_batch=2, script={
        "SPLIT1": snapshot("SPLIT1", [event(now - 14 * DAY, "Accepted"),
                                      event(now - 12 * DAY, "Departed", sub_status=SubStatus.departed_origin)]),
        "SPLIT2": snapshot("SPLIT2", [event(now - 14 * DAY, "Accepted"), event(now - 2 * DAY, "Arrived",
                                      sub_status=SubStatus.arrived_destination)]),
        "ONE1": snapshot("ONE1", [event(now - 3 * DAY, "Delivered", status=Status.delivered)]),
    })


def _state(engine):
    with Session(engine) as session:
        events = session.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one()
        alerts = sorted((a.dedupe_key, a.resolved_at, a.last_seen_at) for a in session.execute(select(Alert)).scalars())
        ships = sorted((s.tracking_number, s.status, s.next_poll_at, s.active) for s in
                       session.execute(select(Shipment)).scalars())
    return events, alerts, ships


async def test_cycle_polls_detects_and_second_run_changes_nothing(engine, now):
    adapter = _seed(engine, now)
    plan, dispatch, digests = Recorder(), Recorder(result="sent 0"), Recorder(result=0)
    kwargs = {"owner": "r1", "detector": stall_detector, "planner": plan.plan, "dispatcher": dispatch.step,
              "digest_runner": digests.step, "rng": random.Random(1)}
    report = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert report.ok, report.errors
    assert report.poll.polled == 3 and report.poll.new_events == 5
    assert report.lanes_refreshed
    assert report.poll.retired == 1    # delivered 3 days ago: past the grace period
    assert report.orders_planned == 1  # only A1 still has an active parcel
    assert dispatch.calls == ["r1"] and digests.calls == ["r1"]
    with Session(engine) as session:
        kinds = {(a.kind, a.shipment_id is None) for a in session.execute(select(Alert)).scalars()}
    assert kinds == {("stalled", False), ("split_package", True)}
    first = _state(engine)

    again = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert again.ok and again.poll.claimed == 0 and not again.lanes_refreshed
    assert _state(engine) == first
    assert len(adapter.calls) == 2


async def test_one_failing_step_does_not_stop_the_others(engine, now, monkeypatch):
    import trackmon.poller

    adapter = _seed(engine, now)

    def broken_claim(*args, **kwargs):  # the poll step fails as a whole (a failing parcel would not)
        raise RuntimeError("claim exploded")

    monkeypatch.setattr(trackmon.poller, "claim_due", broken_claim)
    plan, dispatch, digests = Recorder(), Recorder(error=RuntimeError("smtp down")), Recorder(result=2)
    report = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="r1", detector=stall_detector,
                             planner=plan.plan, dispatcher=dispatch.step, digest_runner=digests.step)
    assert set(report.errors) == {"poll", "dispatch"}
    assert "claim exploded" in report.errors["poll"]
    assert report.orders_planned == 2 and report.digests == 2  # nothing was polled or retired
    # leases of the aborted poll expire; nothing was lost
    with Session(engine) as session:
        assert all(s.active for s in session.execute(select(Shipment)).scalars())
        assert session.execute(select(func.count()).select_from(JobRun)).scalar_one() == 1


async def test_cycle_with_the_real_planner_queues_messages_once(engine, now):
    pytest.importorskip("trackmon.messaging.planner")
    adapter = _seed(engine, now)
    dispatch, digests = Recorder(), Recorder()
    kwargs = {"owner": "r1", "detector": stall_detector, "dispatcher": dispatch.step, "digest_runner": digests.step}
    report = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert report.ok, report.errors
    with Session(engine) as session:
        keys = set(session.execute(select(Message.idempotency_key)).scalars())
    assert keys  # shipped / split_package / delivered messages were planned
    again = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert again.ok and again.messages_planned == 0
    with Session(engine) as session:
        assert set(session.execute(select(Message.idempotency_key)).scalars()) == keys


async def test_cycle_with_real_detector_and_planner(engine, now):
    pytest.importorskip("trackmon.detect")
    pytest.importorskip("trackmon.messaging.planner")
    adapter = _seed(engine, now)
    kwargs = {"owner": "r1", "dispatcher": Recorder().step, "digest_runner": Recorder().step}
    report = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert report.ok, report.errors
    with Session(engine) as session:
        kinds = {a.kind for a in session.execute(select(Alert).where(Alert.resolved_at.is_(None))).scalars()}
    assert {"stalled", "split_package"} <= kinds  # SPLIT1: 12 days without news in international transit
    first = _state(engine)
    again = await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, **kwargs)
    assert again.ok and _state(engine) == first


async def test_stopping_cycle_begins_nothing_new(engine, now):
    """A cycle whose process is stopping polls no round and skips plan, dispatch and digests."""
    calls: list[str] = []

    async def dispatcher(*args, **kwargs):
        calls.append("dispatch")

    async def digests(*args, **kwargs):
        calls.append("digests")
        return 0

    def planner(*args, **kwargs):
        calls.append("plan")
        return 0

    report = await run_cycle(engine, FakeCarrierSet(), SETTINGS, now, owner="r1", planner=planner,
                             dispatcher=dispatcher, digest_runner=digests, should_stop=lambda: True)
    assert report.stopped and report.poll is not None and report.poll.rounds == 0
    assert calls == []


def test_periodic_planning_touches_only_orders_whose_review_time_came(engine, now):
    """The planner records when to look again: quiet orders cost nothing until their next
    weekly check-in, and then it is queued even though nothing moved."""
    from trackmon.cycle import plan_active_orders
    from trackmon.messaging.planner import plan_for_order
    from trackmon.models import Order

    with Session(engine) as s:
        seed_order(s, now, ["N1"], order_id="A1", shipped_days_ago=2, buyer_timezone="UTC")
        seed_order(s, now, ["N2"], order_id="A2", shipped_days_ago=3, buyer_timezone="UTC")
    assert plan_active_orders(engine, SETTINGS, now, plan_for_order)[0] == 2
    with Session(engine) as s:
        reviews = {o.order_id: o.plan_after for o in s.exec(select(Order)).scalars()}
    assert all(now < when <= now + timedelta(days=1) for when in reviews.values())
    assert plan_active_orders(engine, SETTINGS, now + timedelta(hours=1), plan_for_order)[0] == 0
    week = now + timedelta(days=5, hours=1)  # A1 shipped 2 days ago: its first week is over
    planned_orders, _ = plan_active_orders(engine, SETTINGS, week, plan_for_order)
    assert planned_orders == 2
    with Session(engine) as s:
        kinds = {(m.kind, m.order_pk) for m in s.exec(select(Message)).scalars()}
    assert any(kind == "weekly_checkin" for kind, _ in kinds)


async def test_progress_is_told_each_steps_count(engine, now):
    from trackmon.poller import count_due

    adapter = _seed(engine, now)
    assert count_due(engine, now) == 3
    seen: list[tuple[str, int]] = []
    plan, dispatch, digests = Recorder(), Recorder(result="sent 0"), Recorder(result=0)
    await run_cycle(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="r1", detector=stall_detector,
                    planner=plan.plan, dispatcher=dispatch.step, digest_runner=digests.step,
                    rng=random.Random(1), progress=lambda step, n: seen.append((step, n)))
    assert seen == [("poll", 3), ("plan", 1), ("dispatch", 0), ("digests", 0)]
    assert count_due(engine, now) == 0
