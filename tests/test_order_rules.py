from __future__ import annotations

from datetime import timedelta

from trackmon.domain import AlertKind
from trackmon.order_rules import OrderFacts, ParcelFacts, evaluate_order, numbers_cause
from trackmon.settings import DetectionSettings

RULES = DetectionSettings()
DAY = timedelta(days=1)


def _parcel(i, status="in_transit", delivered_at=None, first_event_at=None, sub_status=None, last_event_at=None):
    return ParcelFacts(shipment_id=i, tracking_number=f"LB{i:09d}CN", status=status, delivered_at=delivered_at,
                       first_event_at=first_event_at, sub_status=sub_status, last_event_at=last_event_at)


def _kinds(cands):
    return {c.kind for c in cands}


def test_single_parcel_on_time_has_nothing(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 5 * DAY)
    assert evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={1: 30}) == []


def test_split_package_names_every_number(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - DAY)
    parcels = [_parcel(1), _parcel(2)]
    [split] = evaluate_order(order, parcels, now, RULES, usual_transit_days={})
    assert split.kind is AlertKind.split_package
    assert split.details["tracking_numbers"] == ["LB000000001CN", "LB000000002CN"]
    assert "LB000000002CN" in split.reason
    # a third number is a new cause (the buyer must be told again)
    [split3] = evaluate_order(order, [*parcels, _parcel(3)], now, RULES, usual_transit_days={})
    assert split3.cause != split.cause
    assert split.cause == numbers_cause(["LB000000002CN", "LB000000001CN"])


def test_partial_delivery_after_configured_days(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 20 * DAY)
    parcels = [_parcel(1, "delivered", delivered_at=now - 2 * DAY), _parcel(2)]
    assert AlertKind.partial_delivery not in _kinds(
        evaluate_order(order, parcels, now, RULES, usual_transit_days={}))
    parcels[0] = _parcel(1, "delivered", delivered_at=now - 3 * DAY)
    cands = {c.kind: c for c in evaluate_order(order, parcels, now, RULES, usual_transit_days={})}
    partial = cands[AlertKind.partial_delivery]
    assert partial.details["waiting"] == ["LB000000002CN"]
    assert partial.since == now - 3 * DAY
    # everything delivered: no partial delivery any more
    done = [parcels[0], _parcel(2, "delivered", delivered_at=now)]
    assert AlertKind.partial_delivery not in _kinds(
        evaluate_order(order, done, now, RULES, usual_transit_days={}))


def test_late_against_promised_date(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 3 * DAY,
                       promised_delivery=now.date())
    assert evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={}) == []
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 3 * DAY,
                       promised_delivery=now.date() - DAY)
    [late] = evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={})
    assert late.kind is AlertKind.late
    assert late.cause == f"promised:{(now.date() - DAY).isoformat()}"
    # delivered parcels are never late
    delivered = [_parcel(1, "delivered", delivered_at=now)]
    assert evaluate_order(order, delivered, now, RULES, usual_transit_days={}) == []


def test_late_against_lane_transit_without_promise(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 25 * DAY)
    assert evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={1: 30}) == []
    [late] = evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={1: 21.5})
    assert late.cause == "transit"
    assert late.details["usual_transit_days"] == 22  # whole days, as the reason says
    assert late.reason.startswith("shipped 25 days ago, beyond the usual 22 days for this lane; now:")
    # no ship date: counted from the first event
    order = OrderFacts(order_pk=1, order_id="A1")
    parcel = _parcel(1, first_event_at=now - 40 * DAY)
    assert _kinds(evaluate_order(order, [parcel], now, RULES, usual_transit_days={1: 30})) == {AlertKind.late}


def test_split_package_ends_when_every_parcel_is_delivered(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 30 * DAY)
    one_left = [_parcel(1, "delivered", delivered_at=now - DAY), _parcel(2)]
    assert AlertKind.split_package in _kinds(evaluate_order(order, one_left, now, RULES, usual_transit_days={}))
    both = [_parcel(1, "delivered", delivered_at=now - DAY), _parcel(2, "delivered", delivered_at=now)]
    assert evaluate_order(order, both, now, RULES, usual_transit_days={}) == []


def test_late_reason_says_where_the_parcel_is_now(now):
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 41 * DAY)
    parcels = [_parcel(1, "available_for_pickup", sub_status="pickup_post_office"),
               _parcel(2, "in_transit", sub_status="customs_held"),
               _parcel(3, "delivery_failed", sub_status="nobody_home")]
    [late] = [c for c in evaluate_order(order, parcels, now, RULES, usual_transit_days={1: 30, 2: 30, 3: 30})
              if c.kind is AlertKind.late]
    assert "in transit" not in late.reason
    assert "LB000000001CN waiting for pickup at the post office" in late.reason
    assert "LB000000002CN held at customs" in late.reason
    assert "LB000000003CN delivery failed: nobody home" in late.reason
    promised = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 41 * DAY,
                          promised_delivery=(now - 3 * DAY).date())
    [late] = [c for c in evaluate_order(promised, parcels[:1], now, RULES, usual_transit_days={})
              if c.kind is AlertKind.late]
    assert late.reason == (f"promised by {(now - 3 * DAY).date().isoformat()} (3 days ago), not delivered: "
                           "LB000000001CN waiting for pickup at the post office")


def test_late_counts_whole_days_on_both_sides(now):
    def late_reason(days: float, usual: float) -> str | None:
        order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - days * DAY)
        found = [c for c in evaluate_order(order, [_parcel(1)], now, RULES, usual_transit_days={1: usual})
                 if c.kind is AlertKind.late]
        return found[0].reason if found else None

    assert late_reason(30.6, 30) is None  # "30 days, beyond the usual 30" is never written
    order = OrderFacts(order_pk=1, order_id="A1", shipped_at=now - 40 * DAY)
    quiet = _parcel(1, last_event_at=now - 15.5 * DAY)
    [late] = evaluate_order(order, [quiet], now, RULES, usual_transit_days={1: 30})
    assert late.reason.endswith("now: LB000000001CN in transit, no news for 15 days")
    assert late_reason(31.2, 30).startswith("shipped 31 days ago, beyond the usual 30 days")
