from __future__ import annotations

from datetime import timedelta

from trackmon.domain import AlertKind
from trackmon.order_rules import OrderFacts, ParcelFacts, evaluate_order, numbers_cause
from trackmon.settings import DetectionSettings

RULES = DetectionSettings()
DAY = timedelta(days=1)


def _parcel(i, status="in_transit", delivered_at=None, first_event_at=None):
    return ParcelFacts(shipment_id=i, tracking_number=f"LB{i:09d}CN", status=status,
                       delivered_at=delivered_at, first_event_at=first_event_at)


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
    assert late.details["usual_transit_days"] == 21.5
    assert "21.5" in late.reason
    # no ship date: counted from the first event
    order = OrderFacts(order_pk=1, order_id="A1")
    parcel = _parcel(1, first_event_at=now - 40 * DAY)
    assert _kinds(evaluate_order(order, [parcel], now, RULES, usual_transit_days={1: 30})) == {AlertKind.late}
