"""Per-parcel exception rules over small histories with a fixed `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trackmon.detect import days_since_last_event, detect_shipment
from trackmon.domain import AlertCandidate, AlertKind, Status, SubStatus, TrackingEvent, TrackingSnapshot
from trackmon.settings import DetectionSettings

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
RULES = DetectionSettings()
S, U = Status, SubStatus


def ev(days_ago: float, status: Status = S.in_transit, sub: SubStatus | None = None,
       text: str = "Processed through facility", where: str = "Guangzhou") -> TrackingEvent:
    return TrackingEvent(time=NOW - timedelta(days=days_ago), description=text, location=where,
                         status=status, sub_status=sub)


def snap(*events: TrackingEvent, status: Status | None = None, sub: SubStatus | None = None) -> TrackingSnapshot:
    last = events[-1] if events else None
    return TrackingSnapshot(
        carrier="china-post", tracking_number="RB123456785CN",
        status=status if status is not None else (last.status if last else S.not_found),
        sub_status=sub if sub is not None or status is not None else (last.sub_status if last else None),
        events=tuple(events))


def kinds(alerts: list[AlertCandidate]) -> list[AlertKind]:
    return [a.kind for a in alerts]


LABEL = ev(20, S.info_received, U.label_created, "Shipping label created")
ACCEPTED = ev(19, S.in_transit, U.picked_up, "Accepted")
DEPARTED = ev(17, S.in_transit, U.departed_origin, "Departed origin country")
ARRIVED = ev(12, S.in_transit, U.arrived_destination, "Arrived at destination country")


# ---------------------------------------------------------------- stalled

def test_stalled_in_international_transit_after_threshold() -> None:
    alerts = detect_shipment(snap(LABEL, ACCEPTED, ev(12)), NOW, RULES)
    assert kinds(alerts) == [AlertKind.stalled]
    (a,) = alerts
    assert a.reason == "no new tracking event for 12 days (threshold 10 days in international transit)"
    assert a.since == NOW - timedelta(days=12)
    assert a.details["days_without_news"] == 12.0
    assert a.details["threshold_days"] == 10
    assert a.details["stage"] == "international"


def test_not_stalled_just_below_international_threshold() -> None:
    assert detect_shipment(snap(LABEL, ACCEPTED, ev(9.9)), NOW, RULES) == []


def test_destination_threshold_applies_after_arrival() -> None:
    history = (LABEL, ACCEPTED, DEPARTED, ARRIVED, ev(8, text="Processed through USPS facility"))
    (a,) = detect_shipment(snap(*history), NOW, RULES)
    assert a.kind is AlertKind.stalled
    assert a.reason == "no new tracking event for 8 days (threshold 7 days after arrival in the destination country)"
    assert a.details["stage"] == "destination"
    # the same 8-day gap before arrival is no stall (international threshold 10)
    assert detect_shipment(snap(LABEL, ACCEPTED, DEPARTED, ev(8)), NOW, RULES) == []


def test_thresholds_are_configurable() -> None:
    rules = DetectionSettings(stalled_international_days=5, stalled_destination_days=3)
    assert kinds(detect_shipment(snap(LABEL, ACCEPTED, ev(6)), NOW, rules)) == [AlertKind.stalled]
    assert kinds(detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, ev(4)), NOW, rules)) == [AlertKind.stalled]
    assert detect_shipment(snap(LABEL, ACCEPTED, ev(4)), NOW, rules) == []


def test_learned_lane_threshold_overrides_default() -> None:
    history = snap(LABEL, ACCEPTED, ev(12))
    assert detect_shipment(history, NOW, RULES, stall_days_override=14) == []
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ev(6)), NOW, RULES, stall_days_override=5.5)
    assert a.kind is AlertKind.stalled
    assert a.reason == ("no new tracking event for 6 days "
                        "(threshold 5.5 days learned for this lane in international transit)")
    assert a.details["threshold_source"] == "lane"


def test_override_must_be_positive() -> None:
    with pytest.raises(ValueError, match="stall_days_override"):
        detect_shipment(snap(LABEL, ACCEPTED, ev(6)), NOW, RULES, stall_days_override=0)


def test_new_event_resets_stall_and_opens_a_new_episode_later() -> None:
    old = ev(12, text="Departed facility")
    (first,) = detect_shipment(snap(LABEL, ACCEPTED, old), NOW, RULES)
    # same history polled again a day later: same episode, same cause
    (again,) = detect_shipment(snap(LABEL, ACCEPTED, old), NOW + timedelta(days=1), RULES)
    assert again.cause == first.cause
    # a new scan arrives: no stall now
    fresh = ev(1, text="Arrived at sorting center", where="Beijing")
    assert detect_shipment(snap(LABEL, ACCEPTED, old, fresh), NOW, RULES) == []
    # ... and 11 days after that scan, a new episode with a new cause
    (later,) = detect_shipment(snap(LABEL, ACCEPTED, old, fresh), NOW + timedelta(days=10), RULES)
    assert later.kind is AlertKind.stalled
    assert later.cause != first.cause
    assert later.since == fresh.time


def test_expired_is_judged_by_figures() -> None:
    assert kinds(detect_shipment(snap(LABEL, ACCEPTED, ev(15), status=S.expired), NOW, RULES)) == [AlertKind.stalled]
    old = (ev(45, S.info_received, U.label_created), ev(44, S.in_transit, U.picked_up), ev(40))
    assert kinds(detect_shipment(snap(*old, status=S.expired), NOW, RULES)) == [AlertKind.lost]
    assert detect_shipment(snap(LABEL, ACCEPTED, ev(2), status=S.expired), NOW, RULES) == []


# ---------------------------------------------------------------- lost

def test_lost_after_lost_days_supersedes_stalled() -> None:
    (a,) = detect_shipment(snap(ev(33, S.in_transit, U.picked_up), ev(31)), NOW, RULES)
    assert a.kind is AlertKind.lost
    assert a.reason == "no new tracking event for 31 days (presumed lost after 30 days without news)"
    assert a.details["source"] == "silence"


def test_carrier_says_lost() -> None:
    lost = ev(1, S.exception, U.lost, "Item presumed lost")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, lost), NOW, RULES)
    assert a.kind is AlertKind.lost
    assert a.details["source"] == "carrier"
    assert a.since == lost.time
    assert "lost" in a.reason


# ---------------------------------------------------------------- not picked up

def test_not_picked_up_with_only_label_events() -> None:
    label = ev(6, S.info_received, U.label_created, "Shipping label created")
    info = ev(5.5, S.info_received, U.label_created, "Electronic information received")
    (a,) = detect_shipment(snap(label, info), NOW, RULES)
    assert a.kind is AlertKind.not_picked_up
    assert a.since == label.time
    assert a.details["days_waiting"] == 6.0
    assert "6 days" in a.reason and "threshold 5 days" in a.reason
    assert detect_shipment(snap(ev(4, S.info_received, U.label_created)), NOW, RULES) == []


def test_not_picked_up_without_events_needs_tracking_start() -> None:
    empty = snap(status=S.not_found)
    assert detect_shipment(empty, NOW, RULES) == []
    (a,) = detect_shipment(empty, NOW, RULES, tracked_since=NOW - timedelta(days=7))
    assert a.kind is AlertKind.not_picked_up
    assert a.details["events"] == 0
    assert detect_shipment(empty, NOW, RULES, tracked_since=NOW - timedelta(days=3)) == []


def test_not_picked_up_keeps_one_cause_per_parcel() -> None:
    (a,) = detect_shipment(snap(status=S.not_found), NOW, RULES, tracked_since=NOW - timedelta(days=7))
    (b,) = detect_shipment(snap(ev(6, S.info_received, U.label_created)), NOW, RULES)
    assert a.cause == b.cause


def test_movement_ends_not_picked_up() -> None:
    assert detect_shipment(snap(LABEL, ev(2, S.in_transit, U.picked_up, "Picked up")), NOW, RULES) == []


# ---------------------------------------------------------------- customs

@pytest.mark.parametrize(("sub", "words"), [
    (U.customs_held, "held in customs"),
    (U.customs_duties, "duties or taxes"),
    (U.customs_information_required, "information or documents"),
])
def test_customs_hold_is_immediate(sub: SubStatus, words: str) -> None:
    hold = ev(0.5, S.in_transit, sub, "Customs event")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, hold), NOW, RULES)
    assert a.kind is AlertKind.customs_hold
    assert words in a.reason
    assert a.details["customs_stage"] == sub.value
    assert a.since == hold.time


def test_customs_hold_cause_stable_across_repeated_hold_events() -> None:
    first = ev(3, S.in_transit, U.customs_held, "Held in customs", where="JFK")
    second = ev(1, S.in_transit, U.customs_duties, "Import duties due", where="JFK ISC")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, first), NOW, RULES)
    (b,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, first, second), NOW, RULES)
    assert a.cause == b.cause
    assert b.since == first.time
    assert b.details["days_waiting"] == 3.0


def test_customs_released_clears_hold() -> None:
    held = ev(3, S.in_transit, U.customs_held, "Held in customs")
    released = ev(1, S.in_transit, U.customs_released, "Released by customs")
    assert detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, held, released), NOW, RULES) == []


def test_customs_processing_stall() -> None:
    processing = ev(8, S.in_transit, U.customs_processing, "Customs clearance in progress")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, processing), NOW, RULES)
    assert a.kind is AlertKind.customs_hold
    assert a.reason == "in customs processing with no new event for 8 days (threshold 7 days)"
    quick = ev(6, S.in_transit, U.customs_processing, "Customs clearance in progress")
    assert detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, quick), NOW, RULES) == []


def test_customs_hold_from_snapshot_status() -> None:
    history = snap(LABEL, ACCEPTED, ARRIVED, ev(1), status=S.in_transit, sub=U.customs_duties)
    assert kinds(detect_shipment(history, NOW, RULES)) == [AlertKind.customs_hold]


def test_long_customs_hold_also_lost() -> None:
    hold = ev(35, S.in_transit, U.customs_held, "Held in customs")
    history = snap(ev(40, S.in_transit, U.picked_up), hold)
    assert kinds(detect_shipment(history, NOW, RULES)) == [AlertKind.customs_hold, AlertKind.lost]


# ---------------------------------------------------------------- pickup

def test_pickup_waiting_with_days_left() -> None:
    notice = ev(5, S.available_for_pickup, U.pickup_post_office, "Прибыло в место вручения", where="Москва 101000")
    reminder = ev(1, S.available_for_pickup, U.pickup_post_office, "Ожидает адресата в месте вручения",
                  where="Москва 101000 ")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, notice, reminder), NOW, RULES)
    assert a.kind is AlertKind.pickup_waiting
    assert a.since == notice.time
    assert a.details["days_waiting"] == 5
    assert a.details["days_left"] == 10
    assert a.details["place"] == "pickup_post_office"
    assert a.reason.startswith("waiting at the post office since 2026-11-15 (5 days); about 10 days left")
    (b,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, notice), NOW, RULES)
    assert a.cause == b.cause  # the reminder does not open a second alert


def test_pickup_waiting_immediately_and_days_left_floor() -> None:
    (a,) = detect_shipment(snap(ev(0.1, S.available_for_pickup, U.pickup_locker)), NOW, RULES)
    assert (a.details["days_waiting"], a.details["days_left"]) == (0, 15)
    rules = DetectionSettings(pickup_hold_days=7)
    (b,) = detect_shipment(snap(ev(9, S.available_for_pickup)), NOW, rules)
    assert b.details["days_left"] == 0
    assert "for collection" in b.reason
    # the hold ended 2 days ago: said so, never "0 days left"
    assert "the hold ended 2 days ago: it may be on its way back" in b.reason and "0 days left" not in b.reason
    (c,) = detect_shipment(snap(ev(7.2, S.available_for_pickup)), NOW, rules)
    assert "the hold ends today" in c.reason


# ---------------------------------------------------------------- failed, returning, delivered

def test_delivery_failed_immediately_with_reason() -> None:
    failed = ev(0.2, S.delivery_failed, U.nobody_home, "Notice Left (No Authorized Recipient Available)")
    (a,) = detect_shipment(snap(LABEL, ACCEPTED, ARRIVED, failed), NOW, RULES)
    assert a.kind is AlertKind.delivery_failed
    assert a.reason == "delivery failed on 2026-11-20: nobody was home"
    assert a.details["reason"] == "nobody_home"


def test_repeated_failures_one_episode() -> None:
    one = ev(2, S.delivery_failed, U.nobody_home, "Delivery attempted")
    two = ev(1, S.delivery_failed, U.nobody_home, "Delivery attempted", where="Brooklyn 2")
    (a,) = detect_shipment(snap(ARRIVED, one), NOW, RULES)
    (b,) = detect_shipment(snap(ARRIVED, one, two), NOW, RULES)
    assert a.cause == b.cause
    assert b.details["attempts"] == 2
    assert "(2 attempts)" in b.reason


@pytest.mark.parametrize(("status", "returned"), [(S.returning, False), (S.returned, True)])
def test_returning_and_returned(status: Status, returned: bool) -> None:
    start = ev(4, S.returning, U.returning, "Return to sender")
    last = ev(1, status, U.returned if returned else U.returning, "Returned to sender" if returned else "In transit")
    (a,) = detect_shipment(snap(ACCEPTED, start, last), NOW, RULES)
    assert a.kind is AlertKind.returning
    assert a.details["returned"] is returned
    assert a.since == start.time
    (b,) = detect_shipment(snap(ACCEPTED, start), NOW, RULES)
    assert a.cause == b.cause  # returning → returned stays one episode


def test_delivered_raises_nothing() -> None:
    delivered = ev(40, S.delivered, None, "Delivered")
    assert detect_shipment(snap(LABEL, ACCEPTED, delivered), NOW, RULES) == []
    held = ev(41, S.in_transit, U.customs_held)
    assert detect_shipment(snap(LABEL, held, delivered), NOW, RULES) == []


def test_naive_now_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        detect_shipment(snap(LABEL), datetime(2026, 11, 20), RULES)


def test_days_since_last_event() -> None:
    assert days_since_last_event(snap(), NOW) is None
    assert days_since_last_event(snap(LABEL, ev(2.5)), NOW) == 2.5


# ---------------------------------------------------------------- one episode, one alert

def _cause(history: list[TrackingEvent], status: Status | None = None) -> tuple[AlertKind, str]:
    (alert,) = detect_shipment(snap(*history, status=status), NOW, RULES)
    return alert.kind, alert.cause


def test_returning_stays_one_episode_across_ordinary_scans() -> None:
    history = [LABEL, ACCEPTED, ARRIVED, ev(8, S.returning, U.returning, "Return to sender")]
    first = _cause(history)
    history += [ev(6, text="Departed sorting center"), ev(4, S.returning, U.returning, "Return in progress")]
    assert _cause(history) == first
    history += [ev(2, text="Arrived at international exchange"), ev(1, S.returned, U.returned, "Returned to sender")]
    assert _cause(history) == first
    # a carrier that says "returning" only in its status, not in any event text
    assert _cause([LABEL, ACCEPTED, ev(3)], S.returning) == _cause([LABEL, ACCEPTED, ev(3), ev(1)], S.returning)


def test_pickup_notices_do_not_open_a_second_pickup_alert() -> None:
    waiting = ev(6, S.available_for_pickup, U.pickup_post_office, "Awaiting collection at post office")
    first = _cause([LABEL, ACCEPTED, ARRIVED, waiting])
    later = [LABEL, ACCEPTED, ARRIVED, waiting, ev(3, text="Second notice left"),
             ev(2, S.available_for_pickup, U.pickup_post_office, "Reminder: awaiting collection")]
    assert _cause(later) == first
    (alert,) = detect_shipment(snap(*later), NOW, RULES)
    assert alert.details["days_waiting"] == 6 and alert.details["days_left"] == RULES.pickup_hold_days - 6
    # after a new delivery attempt the parcel waits again: that is a new episode
    again = [*later, ev(1.5, S.out_for_delivery, text="Out for delivery"),
             ev(1, S.available_for_pickup, U.pickup_post_office, "Awaiting collection at post office")]
    assert _cause(again) != first


def test_repeated_failed_attempts_are_one_episode() -> None:
    first = _cause([LABEL, ARRIVED, ev(5, S.delivery_failed, U.nobody_home, "Nobody home")])
    history = [LABEL, ARRIVED, ev(5, S.delivery_failed, U.nobody_home, "Nobody home"),
               ev(4, S.out_for_delivery, text="Out for delivery"),
               ev(3, S.delivery_failed, U.nobody_home, "Nobody home, second attempt")]
    assert _cause(history) == first
    (alert,) = detect_shipment(snap(*history), NOW, RULES)
    assert alert.details["attempts"] == 2


def test_customs_hold_with_scans_in_between_is_one_episode() -> None:
    held = ev(6, S.in_transit, U.customs_held, "Held by customs")
    first = detect_shipment(snap(LABEL, ARRIVED, held), NOW, RULES)[0].cause
    history = [LABEL, ARRIVED, held, ev(4, text="Inspection"), ev(3, S.in_transit, U.customs_held, "Held by customs")]
    alerts = detect_shipment(snap(*history), NOW, RULES)
    assert next(a for a in alerts if a.kind is AlertKind.customs_hold).cause == first
