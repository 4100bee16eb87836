from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tests.fakes import event, seed_order, snapshot
from trackmon.domain import AlertCandidate, AlertKind, CarrierProblem, Status, SubStatus
from trackmon.ingest import ingest_problem, ingest_snapshot
from trackmon.models import Alert, LaneStat, ShipmentEvent
from trackmon.settings import Settings

DAY = timedelta(days=1)
SETTINGS = Settings()


class StallDetector:
    """Per-parcel rule stand-in: stalled when the last event is older than the threshold."""

    def __init__(self):
        self.calls = []

    def __call__(self, snap, now, rules, *, stall_days_override=None, tracked_since=None):
        self.calls.append((snap, stall_days_override))
        days = stall_days_override or rules.stalled_international_days
        last = snap.last_event
        if last is None or snap.status is Status.delivered or now - last.time <= days * DAY:
            return []
        return [AlertCandidate(kind=AlertKind.stalled, reason=f"no news for {days} days",
                               cause=last.fingerprint, since=last.time)]


class Planner:
    def __init__(self):
        self.calls = []

    def __call__(self, session, order_pk, now, settings):
        self.calls.append(order_pk)
        return 0


@pytest.fixture
def hooks():
    return {"detector": StallDetector(), "planner": Planner()}


def _count(session, model, *where):
    return session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_ingest_twice_adds_nothing_the_second_time(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        snap = snapshot("LB1CN", [event(now - 20 * DAY, "Accepted", location="Shenzhen"),
                                  event(now - 15 * DAY, "Departed", sub_status=SubStatus.departed_origin)])
        first = ingest_snapshot(session, ship, snap, now, SETTINGS, **hooks)
        session.commit()
        assert first.new_events == 2 and first.status_changed
        assert first.opened_alerts == ["stalled"]
        second = ingest_snapshot(session, ship, snap, now + timedelta(hours=4), SETTINGS, **hooks)
        session.commit()
        assert second.new_events == 0 and not second.status_changed
        assert second.opened_alerts == [] and second.resolved_alerts == []
        assert _count(session, ShipmentEvent) == 2
        assert _count(session, Alert) == 1
        assert ship.departed_origin_at == now - 15 * DAY
        assert ship.first_event_at == now - 20 * DAY
        assert ship.last_event_description == "Departed"
        assert hooks["planner"].calls == [ship.order_pk, ship.order_pk]


def test_same_event_with_other_case_spacing_or_punctuation_is_not_a_new_event(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        t = now - DAY
        ingest_snapshot(session, ship, snapshot("LB1CN", [event(t, "Arrived at facility", raw_code="A1",
                                                                location="Moscow")]), now, SETTINGS, **hooks)
        session.commit()
        again = ingest_snapshot(session, ship, snapshot("LB1CN", [event(t, "ARRIVED  at facility.",
                                                                        raw_code="A2", location="MOSCOW ")]),
                                now, SETTINGS, **hooks)
        session.commit()
        assert again.new_events == 0
        assert _count(session, ShipmentEvent) == 1


def test_an_event_with_other_words_is_another_event(engine, now, hooks):
    """No carrier documents re-wording a stored event: another text is another event."""
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        t = now - DAY
        ingest_snapshot(session, ship, snapshot("LB1CN", [event(t, "Arrived at facility", raw_code="A1",
                                                                location="Moscow")]), now, SETTINGS, **hooks)
        session.commit()
        again = ingest_snapshot(session, ship, snapshot("LB1CN", [event(t, "Left the facility",
                                                                        raw_code="A1", location="Moscow")]),
                                now, SETTINGS, **hooks)
        session.commit()
        assert again.new_events == 1
        assert _count(session, ShipmentEvent) == 2


def test_detection_sees_the_full_stored_history(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        old = [event(now - 9 * DAY, "Accepted"), event(now - 8 * DAY, "Departed")]
        ingest_snapshot(session, ship, snapshot("LB1CN", old), now, SETTINGS, **hooks)
        recent_only = snapshot("LB1CN", [event(now - DAY, "Arrived", sub_status=SubStatus.arrived_destination)])
        result = ingest_snapshot(session, ship, recent_only, now, SETTINGS, **hooks)
        session.commit()
        assert result.new_events == 1
        seen, _ = hooks["detector"].calls[-1]
        assert [e.description for e in seen.events] == ["Accepted", "Departed", "Arrived"]
        assert ship.first_event_at == now - 9 * DAY
        assert ship.arrived_destination_at == now - DAY


def test_alert_opens_then_auto_resolves_when_the_parcel_moves(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        stuck = snapshot("LB1CN", [event(now - 12 * DAY, "Departed")])
        opened = ingest_snapshot(session, ship, stuck, now, SETTINGS, **hooks)
        session.commit()
        assert opened.opened_alerts == ["stalled"]
        alert = session.execute(select(Alert)).scalar_one()
        assert alert.dedupe_key == f"{ship.order_pk}:{ship.id}:stalled:{stuck.events[0].fingerprint}"
        assert alert.resolved_at is None
        moved = snapshot("LB1CN", [event(now - 12 * DAY, "Departed"), event(now - DAY, "Arrived")])
        later = now + timedelta(hours=1)
        res = ingest_snapshot(session, ship, moved, later, SETTINGS, **hooks)
        session.commit()
        assert res.resolved_alerts == ["stalled"] and res.opened_alerts == []
        session.refresh(alert)
        assert alert.resolved_at == later and alert.resolved_by == "auto"


def test_manual_resolution_is_not_reopened(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        stuck = snapshot("LB1CN", [event(now - 12 * DAY, "Departed")])
        ingest_snapshot(session, ship, stuck, now, SETTINGS, **hooks)
        alert = session.execute(select(Alert)).scalar_one()
        alert.resolved_at, alert.resolved_by = now, "manual"
        session.commit()
        again = ingest_snapshot(session, ship, stuck, now + DAY, SETTINGS, **hooks)
        session.commit()
        assert again.opened_alerts == []
        session.refresh(alert)
        assert alert.resolved_by == "manual"


def test_order_level_split_and_partial_delivery(engine, now, hooks):
    with Session(engine) as session:
        order, [a, b] = seed_order(session, now, ["LA1CN", "LB2CN"], shipped_days_ago=10)
        delivered = snapshot("LA1CN", [event(now - 5 * DAY, "Accepted"),
                                       event(now - 4 * DAY, "Delivered", status=Status.delivered)])
        res = ingest_snapshot(session, a, delivered, now, SETTINGS, **hooks)
        session.commit()
        assert set(res.opened_alerts) == {"split_package", "partial_delivery"}
        order_alerts = session.execute(select(Alert).where(Alert.shipment_id.is_(None))).scalars().all()
        assert {x.kind for x in order_alerts} == {"split_package", "partial_delivery"}
        assert all(x.dedupe_key.startswith(f"{order.id}:-:") for x in order_alerts)
        assert a.delivered_at == now - 4 * DAY
        # the second parcel arrives: the order is complete, both order alerts end
        res = ingest_snapshot(session, b, snapshot("LB2CN", [event(now - DAY, "Delivered", status=Status.delivered)]),
                              now, SETTINGS, **hooks)
        session.commit()
        assert sorted(res.resolved_alerts) == ["partial_delivery", "split_package"]
        assert session.execute(select(Alert.kind).where(Alert.resolved_at.is_(None))).scalars().all() == []
        assert {x.resolved_by for x in session.execute(select(Alert)).scalars()} == {"auto"}


def test_late_uses_promised_date(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"], promised_delivery=(now - 2 * DAY).date())
        res = ingest_snapshot(session, ship, snapshot("LB1CN", [event(now - DAY, "In transit")]), now,
                              SETTINGS, **hooks)
        session.commit()
        assert res.opened_alerts == ["late"]
        alert = session.execute(select(Alert)).scalar_one()
        assert alert.shipment_id is None and alert.cause == f"promised:{(now - 2 * DAY).date().isoformat()}"


def test_learned_lane_threshold_reaches_the_detector(engine, now, hooks):
    settings = Settings(detection={"lane_min_samples": 3})
    with Session(engine) as session:
        for stage, p95 in (("total", 14.0), ("international", 4.5), ("destination", 2.0)):
            session.add(LaneStat(carrier="fake", destination_country="US", stage=stage, samples=5,
                                 median_days=p95, p90_days=p95, p95_days=p95, updated_at=now))
        _, [ship] = seed_order(session, now, ["LB1CN"])
        res = ingest_snapshot(session, ship, snapshot("LB1CN", [event(now - 5 * DAY, "Departed")]), now,
                              settings, **hooks)
        session.commit()
        assert hooks["detector"].calls[-1][1] == 4.5
        assert res.opened_alerts == ["stalled"]  # 5 days > the lane's 4.5, below the default 10
        ingest_snapshot(session, ship, snapshot("LB1CN", [event(now - DAY, "Arrived",
                                                                sub_status=SubStatus.arrived_destination)]),
                        now, settings, **hooks)
        assert hooks["detector"].calls[-1][1] == 2.0
        # below lane_min_samples: the detector gets no override (its defaults apply)
        ingest_snapshot(session, ship, snapshot("LB1CN", []), now, Settings(), **hooks)
        assert hooks["detector"].calls[-1][1] is None


def test_problem_keeps_the_shipment_and_records_the_error(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        res = ingest_problem(session, ship, CarrierProblem(tracking_number="LB1CN", kind="not_found",
                                                           message="no information yet"), now, SETTINGS, **hooks)
        session.commit()
        session.refresh(ship)
        assert ship.active and ship.status == "not_found"
        assert ship.last_error == "not_found: no information yet"
        assert res.new_events == 0
        assert hooks["planner"].calls == [ship.order_pk]
        ingest_problem(session, ship, CarrierProblem(tracking_number="LB1CN", kind="invalid",
                                                     message="bad check digit"), now, SETTINGS, **hooks)
        session.commit()
        assert ship.sub_status == "invalid_number"


def test_real_detector_long_not_found_becomes_not_picked_up(engine, now):
    pytest.importorskip("trackmon.detect")
    planner = Planner()
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"], shipped_days_ago=12)
        problem = CarrierProblem(tracking_number="LB1CN", kind="not_found", message="no information yet")
        res = ingest_problem(session, ship, problem, now, SETTINGS, planner=planner)
        session.commit()
        assert res.opened_alerts == ["not_picked_up"]
        # the parcel moves: the alert resolves by itself, and stays single on repeats
        moving = snapshot("LB1CN", [event(now - DAY, "Departed", sub_status=SubStatus.departed_origin)])
        res = ingest_snapshot(session, ship, moving, now, SETTINGS, planner=planner)
        session.commit()
        assert res.resolved_alerts == ["not_picked_up"]
        again = ingest_snapshot(session, ship, moving, now, SETTINGS, planner=planner)
        assert again.opened_alerts == again.resolved_alerts == []
        assert _count(session, Alert) == 1


def test_stalled_that_grows_into_lost_is_escalated_not_resolved(engine, now, hooks):
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        stuck = snapshot("LB1CN", [event(now - 12 * DAY, "Departed")])
        real = {"planner": hooks["planner"]}  # the real detector: stalled at 12 days, lost at 30
        ingest_snapshot(session, ship, stuck, now, SETTINGS, **real)
        session.commit()
        res = ingest_snapshot(session, ship, stuck, now + 20 * DAY, SETTINGS, **real)  # 32 days without news
        session.commit()
        assert res.opened_alerts == ["lost"] and res.resolved_alerts == ["stalled"]
        stalled = session.execute(select(Alert).where(Alert.kind == "stalled")).scalar_one()
        assert stalled.resolved_by == "escalated"
