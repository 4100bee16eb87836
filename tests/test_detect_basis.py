"""What detection reads of a history (`detect_basis`): the basis kept on a shipment gives the
same alerts as the history it came from, at any later time, and a basis written by other code
or unreadable is never used."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from trackmon.detect import detect_shipment
from trackmon.detect_basis import basis_of, decode, encode
from trackmon.domain import Status, SubStatus, TrackingEvent, TrackingSnapshot
from trackmon.settings import DetectionSettings

T0 = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
RULES = DetectionSettings()
# sub-statuses detection tells apart, and a few it does not
SUBS = [None, SubStatus.label_created, SubStatus.picked_up, SubStatus.departed_origin, SubStatus.arrived_destination,
        SubStatus.customs_processing, SubStatus.customs_held, SubStatus.customs_duties, SubStatus.customs_released,
        SubStatus.pickup_post_office, SubStatus.pickup_locker, SubStatus.nobody_home, SubStatus.refused,
        SubStatus.lost, SubStatus.other]

events = st.builds(
    lambda hours, status, sub, word: TrackingEvent(time=T0 + timedelta(hours=hours), description=f"scan {word}",
                                                   location=None, status=status, sub_status=sub),
    st.integers(0, 24 * 60), st.sampled_from(list(Status)), st.sampled_from(SUBS), st.integers(0, 3))


def _snap(history: list[TrackingEvent], status: Status, sub: SubStatus | None) -> TrackingSnapshot:
    return TrackingSnapshot(carrier="china-post", tracking_number="RB123456785CN", status=status, sub_status=sub,
                            events=tuple(history))


@settings(max_examples=400, deadline=None)
@given(history=st.lists(events, max_size=12), status=st.sampled_from(list(Status)), sub=st.sampled_from(SUBS),
       later_days=st.floats(0, 120), override=st.one_of(st.none(), st.floats(1, 30)),
       tracked=st.one_of(st.none(), st.integers(0, 30)))
def test_a_kept_basis_gives_the_alerts_of_its_history(history, status, sub, later_days, override, tracked) -> None:
    now = T0 + timedelta(days=60 + later_days)
    since = T0 - timedelta(days=tracked) if tracked is not None else None
    kept = decode(encode(basis_of(history)))  # as the shipment row holds it
    assert kept == basis_of(history)
    from_history = detect_shipment(_snap(history, status, sub), now, RULES, stall_days_override=override,
                                   tracked_since=since)
    from_basis = detect_shipment(_snap([], status, sub), now, RULES, stall_days_override=override,
                                 tracked_since=since, basis=kept)
    assert from_basis == from_history


def test_the_basis_takes_the_history_by_time_whatever_order_it_comes_in() -> None:
    a = TrackingEvent(time=T0, description="Accepted", status=Status.in_transit, sub_status=SubStatus.picked_up)
    b = TrackingEvent(time=T0 + timedelta(days=2), description="Held by customs", status=Status.in_transit,
                      sub_status=SubStatus.customs_held)
    basis = basis_of([b, a])
    assert basis == basis_of([a, b])
    assert (basis.count, basis.first_time, basis.moved, basis.arrived) == (2, T0, True, True)
    assert basis.last and basis.last.description == "Held by customs"
    assert basis.customs_start and basis.customs_start.fingerprint == b.fingerprint


def test_a_basis_from_other_code_or_unreadable_is_not_used() -> None:
    text = encode(basis_of([TrackingEvent(time=T0, description="Accepted", status=Status.in_transit)]))
    assert decode(text) is not None
    assert decode(None) is None and decode("") is None
    assert decode(text.replace('"v":"', '"v":"x')) is None  # written by another version of the module
    assert decode("{not json") is None
    assert decode('{"v": 1}') is None
    assert decode(text[:-1]) is None
