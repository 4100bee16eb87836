"""A parcel's state comes from its whole stored history (issue 11 item 4), on both backends."""

from __future__ import annotations

import json
from datetime import timedelta
from itertools import permutations
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session

from carriers.aftership import parse_tracking
from tests.fakes import FakeAdapter, FakeCarrierSet, event, seed_order, snapshot
from tests.test_webhooks import NUMBER, SECRET, sign_aftership
from trackmon.api import SchedulerState, create_app
from trackmon.domain import Status, SubStatus
from trackmon.history import MAX_CLOCK_SKEW, PROGRESS
from trackmon.ingest import ingest_snapshot
from trackmon.intake import apply_row, validate_row
from trackmon.models import Shipment, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.settings import Settings, load

H = timedelta(hours=1)
SETTINGS = Settings()
NO_HOOKS = {"detector": lambda *a, **k: [], "planner": lambda *a: 0}


def _journey(now):
    """Accepted → departed → out for delivery → delivered → returned to sender (later)."""
    return [
        event(now - 100 * H, "Accepted", sub_status=SubStatus.picked_up),
        event(now - 80 * H, "Departed from origin", sub_status=SubStatus.departed_origin),
        event(now - 10 * H, "Out for delivery", status=Status.out_for_delivery),
        event(now - 6 * H, "Delivered, in mailbox", status=Status.delivered),
        event(now - 2 * H, "Returned to sender", status=Status.returned, sub_status=SubStatus.returned),
    ]


def _answer(events, **kw):
    return snapshot("LB1CN", events, **kw)


def _ingest(engine, answers, now):
    """Ingest each answer in turn; returns the (status, delivered_at) seen after each."""
    seen = []
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        for answer in answers:
            ingest_snapshot(session, ship, answer, now, SETTINGS, **NO_HOOKS)
            session.commit()
            session.refresh(ship)
            seen.append((ship.status, ship.delivered_at, ship.last_event_description))
    return seen


def test_an_older_push_after_delivered_does_not_roll_back(engine, now) -> None:
    ev = _journey(now)
    delivered = _answer(ev[:4])                                  # the push with the delivery
    stale_poll = _answer(ev[:3])                                 # fetched before the push
    older_push = _answer(ev[:2], status=Status.in_transit)
    seen = _ingest(engine, [delivered, stale_poll, older_push], now)
    assert seen == [("delivered", ev[3].time, "Delivered, in mailbox")] * 3


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_any_order_of_answers_ends_in_the_same_state_and_never_goes_back(engine, now, order) -> None:
    ev = _journey(now)
    answers = [_answer(ev[:2]), _answer(ev[:3]), _answer(ev[:4])]
    seen = _ingest(engine, [answers[i] for i in order], now)
    assert seen[-1] == ("delivered", ev[3].time, "Delivered, in mailbox")
    ranks = [PROGRESS[Status(s)] for s, _, _ in seen]
    assert ranks == sorted(ranks)


def test_a_real_later_event_leaves_delivered(engine, now) -> None:
    ev = _journey(now)
    seen = _ingest(engine, [_answer(ev[:4]), _answer(ev), _answer(ev[:4])], now)
    assert seen[0][:2] == ("delivered", ev[3].time)
    assert seen[1] == ("returned", None, "Returned to sender")
    assert seen[2] == seen[1]  # the older answer again changes nothing


def test_same_minute_out_for_delivery_and_delivered_end_delivered_whichever_comes_first(engine, now) -> None:
    t = now - 3 * H
    ofd = event(t, "With courier", status=Status.out_for_delivery)
    done = event(t, "Delivered", status=Status.delivered)
    seen = _ingest(engine, [_answer([done]), _answer([ofd], status=Status.out_for_delivery)], now)
    assert seen[-1] == ("delivered", t, "Delivered")


def test_event_dated_in_the_future_is_stored_but_decides_nothing(engine, now) -> None:
    ev = _journey(now)
    far = event(now.replace(year=2099), "Delivered", status=Status.delivered)
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        result = ingest_snapshot(session, ship, _answer([*ev[:3], far]), now, SETTINGS, **NO_HOOKS)
        session.commit()
        session.refresh(ship)
        assert result.new_events == 4
        assert session.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one() == 4
        assert (ship.status, ship.delivered_at) == ("out_for_delivery", None)
        assert ship.last_event_at == ev[2].time


def test_event_a_little_ahead_within_the_clock_skew_counts(engine, now) -> None:
    soon = event(now + MAX_CLOCK_SKEW - timedelta(minutes=5), "Delivered", status=Status.delivered)
    seen = _ingest(engine, [_answer([*_journey(now)[:3], soon])], now)
    assert seen[-1] == ("delivered", soon.time, "Delivered")


def test_event_ahead_counts_once_its_time_has_come(engine, now) -> None:
    ev = _journey(now)
    ahead = event(now + 3 * H, "Delivered", status=Status.delivered)  # a time zone mislabelled as UTC
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        ingest_snapshot(session, ship, _answer([*ev[:3], ahead]), now, SETTINGS, **NO_HOOKS)
        assert ship.status == "out_for_delivery"
        ingest_snapshot(session, ship, _answer([*ev[:3], ahead]), now + 3 * H, SETTINGS, **NO_HOOKS)
        session.commit()
        assert (ship.status, ship.delivered_at) == ("delivered", ahead.time)


def test_carrier_verdict_counts_when_current_and_stays_for_a_stale_answer(engine, now) -> None:
    ev = _journey(now)
    current = _answer(ev[:3], status=Status.delivered)  # overall code ahead of the event text
    stale = _answer(ev[:2], status=Status.in_transit)
    seen = _ingest(engine, [current, stale], now)
    assert seen == [("delivered", ev[2].time, "Out for delivery")] * 2


def test_pending_events_never_move_a_parcel_back(engine, now) -> None:
    ev = _journey(now)
    info = event(now - 5 * H, "Shipment information received", status=Status.info_received)
    seen = _ingest(engine, [_answer([*ev[:3], info], status=Status.info_received)], now)
    assert seen[-1][0] == "out_for_delivery"
    assert seen[-1][2] == "Shipment information received"  # still the last event shown


def test_a_rolled_back_row_is_repaired_by_its_history(engine, now) -> None:
    ev = _journey(now)
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["LB1CN"])
        ingest_snapshot(session, ship, _answer(ev[:4]), now, SETTINGS, **NO_HOOKS)
        session.commit()
        # what the old code wrote after a stale answer
        ship.status, ship.delivered_at = "out_for_delivery", None
        session.add(ship)
        session.commit()
        ingest_snapshot(session, ship, _answer(ev[:3]), now, SETTINGS, **NO_HOOKS)
        session.commit()
        row = session.get(Shipment, ship.id)
        assert (row.status, row.delivered_at) == ("delivered", ev[3].time)


# --- through the real push endpoint and the poller -------------------------------------

def _push_body(now, checkpoints: int, tag: str) -> bytes:
    base = json.loads((Path(__file__).parent / "carriers" / "fixtures" / "aftership"
                       / "webhook_tracking_update.json").read_text())
    steps = [("InTransit", "InTransit_002", "Accepted", 100), ("InTransit", "InTransit_007", "Departed", 80),
             ("OutForDelivery", "OutForDelivery_001", "Out for delivery", 10),
             ("Delivered", "Delivered_001", "Delivered to the buyer", 6)][:checkpoints]
    base["msg"]["tag"], base["msg"]["subtag"] = tag, f"{tag}_001"
    base["msg"]["checkpoints"] = [
        {"slug": "china-post", "city": "Moscow", "location": None, "country_name": None,
         "country_region": "RUS", "state": None, "message": msg, "tag": t, "subtag": st, "raw_tag": None,
         "checkpoint_time": (now - hours * H).isoformat()} for t, st, msg, hours in steps]
    base["event_id"] = f"e-{checkpoints}-{tag}"
    return json.dumps(base).encode()


async def test_pushes_and_polls_out_of_order_never_roll_back(engine, now) -> None:
    settings = load(env={}, overrides={"carriers": {"aftership": {"api_key": "k", "webhook_secret": SECRET}}})
    with Session(engine) as s, s.begin():
        apply_row(s, validate_row({"order_id": "A-1", "tracking_number": NUMBER,
                                   "buyer_email": "a@example.com", "carrier": "fake"}), now)
    client = TestClient(create_app(engine, settings, scheduler_state=SchedulerState(running=True),
                                   clock=lambda: now))

    def push(checkpoints: int, tag: str) -> None:
        body = _push_body(now, checkpoints, tag)
        r = client.post("/webhooks/aftership", content=body, headers={"aftership-hmac-sha256": sign_aftership(body)})
        assert r.status_code == 200, r.text

    def state():
        with Session(engine) as s:
            ship = s.execute(select(Shipment)).scalar_one()
            return ship.status, ship.delivered_at

    push(4, "Delivered")
    assert state() == ("delivered", now - 6 * H)
    push(3, "OutForDelivery")  # an older push delivered late
    assert state() == ("delivered", now - 6 * H)
    # a poll answer fetched before the delivery push
    stale = parse_tracking(json.loads(_push_body(now, 3, "OutForDelivery"))["msg"])
    adapter = FakeAdapter(script={NUMBER: stale})
    report = await poll_due(engine, FakeCarrierSet(adapter), settings, now + timedelta(days=2), owner="me",
                            **NO_HOOKS)
    assert adapter.polled_numbers == [NUMBER] and report.polled == 1 and report.new_events == 0
    assert state() == ("delivered", now - 6 * H)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one() == 4
