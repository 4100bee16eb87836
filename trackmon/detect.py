"""Per-parcel exception rules. Pure: the caller passes the parcel's full history and `now`
(or, for a history it kept, only what the rules read of it: `detect_basis.Basis`).

`detect_shipment()` returns every exception that holds *now*; the caller opens the new ones
and auto-resolves the ones no longer returned. Each candidate's `cause` names the episode
(usually the fingerprint of the event that started it), so re-running detection on the same
episode yields the same cause (never a second alert or message), while a later episode —
after a new event reset a stall, say — gets a new one.

Rules (thresholds in `DetectionSettings`, days):
- stalled: a parcel that moved has no new event for `stalled_international_days` before
  arrival in the destination country, `stalled_destination_days` after it (arrival,
  customs, pickup, out for delivery or a failed attempt seen); `stall_days_override` (a
  learned lane threshold for the current stage) replaces either.
- lost: the carrier says lost, or no new event for `lost_days` (supersedes stalled).
- not_picked_up: only label / info-received events (or none) for `not_picked_up_days`
  since the first event (or since tracking started when there is none).
- customs_hold: an explicit hold / duties / information-required stage, at once; customs
  processing with nothing new for `customs_stall_days`.
- pickup_waiting: at once while the parcel waits for collection; figures against
  `pickup_hold_days`.
- delivery_failed, returning (also when returned): at once.
Delivered parcels raise none of these. `expired` is judged by the figures like a parcel in
transit.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from trackmon.detect_basis import ARRIVED_STATUSES, ARRIVED_SUBS, CUSTOMS_HOLDS, Basis, basis_of
from trackmon.domain import (
    CUSTOMS_SUB_STATUSES,
    AlertCandidate,
    AlertKind,
    Status,
    SubStatus,
    TrackingSnapshot,
    ensure_utc,
)
from trackmon.settings import DetectionSettings

_DAY = timedelta(days=1)

#: Statuses judged by the silence figures (stalled / lost).
_MOVING = frozenset({Status.in_transit, Status.out_for_delivery, Status.exception, Status.unknown,
                     Status.expired, Status.info_received, Status.not_found})
_CUSTOMS_WORDS = {
    SubStatus.customs_held: "held in customs",
    SubStatus.customs_duties: "duties or taxes to pay at customs",
    SubStatus.customs_information_required: "customs need information or documents",
}
_PICKUP_PLACES = {
    SubStatus.pickup_post_office: "at the post office",
    SubStatus.pickup_point: "at a pickup point",
    SubStatus.pickup_locker: "in a parcel locker",
}
_FAILED_WORDS = {
    SubStatus.nobody_home: "nobody was home",
    SubStatus.bad_address: "the address is wrong or incomplete",
    SubStatus.refused: "the parcel was refused",
}


def _days(since: datetime, now: datetime) -> float:
    return (now - since) / _DAY


def _whole(days: float) -> int:
    return max(0, math.floor(days))


def _plural(n: int | float, word: str) -> str:
    return f"{n:g} {word}" if n == 1 else f"{n:g} {word}s"


def days_since_last_event(snapshot: TrackingSnapshot, now: datetime) -> float | None:
    """Days (fractional) since the newest event, or None when there is no event."""
    if not snapshot.events:
        return None
    newest = max(ev.time for ev in snapshot.events)
    return _days(newest, ensure_utc(now))


def _has_arrived(snapshot: TrackingSnapshot, basis: Basis) -> bool:
    return snapshot.status in ARRIVED_STATUSES or snapshot.sub_status in ARRIVED_SUBS or basis.arrived


def _stamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%d")


def _stalled_or_lost(snapshot: TrackingSnapshot, basis: Basis, now: datetime,
                     rules: DetectionSettings, override: float | None) -> AlertCandidate | None:
    last = basis.last
    assert last is not None
    days = _days(last.time, now)
    if days >= rules.lost_days:
        return AlertCandidate(
            kind=AlertKind.lost,
            reason=(f"no new tracking event for {_plural(_whole(days), 'day')} "
                    f"(presumed lost after {_plural(rules.lost_days, 'day')} without news)"),
            cause=f"silence:{last.fingerprint}", since=last.time,
            details={"days_without_news": round(days, 1), "threshold_days": rules.lost_days,
                     "last_event": last.description, "source": "silence"},
        )
    arrived = _has_arrived(snapshot, basis)
    if override is not None:
        threshold, learned = override, True
    else:
        threshold = rules.stalled_destination_days if arrived else rules.stalled_international_days
        learned = False
    if days < threshold:
        return None
    stage = "after arrival in the destination country" if arrived else "in international transit"
    where = f"learned for this lane {stage}" if learned else stage
    return AlertCandidate(
        kind=AlertKind.stalled,
        reason=(f"no new tracking event for {_plural(_whole(days), 'day')} "
                f"(threshold {_plural(threshold, 'day')} {where})"),
        cause=f"stall:{last.fingerprint}", since=last.time,
        details={"days_without_news": round(days, 1), "threshold_days": threshold,
                 "stage": "destination" if arrived else "international",
                 "threshold_source": "lane" if learned else "default", "last_event": last.description},
    )


def _carrier_says_lost(basis: Basis, now: datetime) -> AlertCandidate:
    start = basis.lost_start
    since = start.time if start else (basis.last.time if basis.last else None)
    days = _days(since, now) if since else None
    return AlertCandidate(
        kind=AlertKind.lost,
        reason="the carrier reports the parcel as lost" + (f" since {_stamp(since)}" if since else ""),
        cause=f"carrier:{start.fingerprint}" if start else "carrier",
        since=since,
        details={"source": "carrier", **({"days_since": round(days, 1)} if days is not None else {}),
                 **({"last_event": start.description} if start else {})},
    )


def _customs_stage(snapshot: TrackingSnapshot, basis: Basis) -> SubStatus | None:
    if snapshot.status is Status.in_transit and snapshot.sub_status in CUSTOMS_SUB_STATUSES:
        return snapshot.sub_status
    if basis.last and basis.last.sub_status in CUSTOMS_SUB_STATUSES:
        return basis.last.sub_status
    return None


def _customs(snapshot: TrackingSnapshot, basis: Basis, now: datetime,
             rules: DetectionSettings) -> AlertCandidate | None:
    stage = _customs_stage(snapshot, basis)
    last = basis.last
    if stage in CUSTOMS_HOLDS:
        start = basis.customs_start
        since = start.time if start else (last.time if last else None)
        days = _days(since, now) if since else 0.0
        when = f" since {_stamp(since)} ({_plural(_whole(days), 'day')})" if since else ""
        return AlertCandidate(
            kind=AlertKind.customs_hold,
            reason=f"{_CUSTOMS_WORDS[stage]}{when}",
            cause=f"customs:{start.fingerprint}" if start else f"customs:{stage.value}",
            since=since,
            details={"customs_stage": stage.value, "days_waiting": round(days, 1),
                     **({"last_event": start.description} if start else {})},
        )
    if stage is SubStatus.customs_processing and last:
        days = _days(last.time, now)
        if days >= rules.customs_stall_days:
            return AlertCandidate(
                kind=AlertKind.customs_hold,
                reason=(f"in customs processing with no new event for {_plural(_whole(days), 'day')} "
                        f"(threshold {_plural(rules.customs_stall_days, 'day')})"),
                cause=f"customs-stall:{last.fingerprint}", since=last.time,
                details={"customs_stage": stage.value, "days_waiting": round(days, 1),
                         "threshold_days": rules.customs_stall_days, "last_event": last.description},
            )
    return None


def _pickup(snapshot: TrackingSnapshot, basis: Basis, now: datetime, rules: DetectionSettings) -> AlertCandidate:
    start = basis.pickup_start or basis.last
    since = start.time if start else now
    waited = _whole(_days(since, now))
    left = max(0, rules.pickup_hold_days - waited)
    sub = next((s for s in (snapshot.sub_status, start.sub_status if start else None) if s in _PICKUP_PLACES), None)
    place = _PICKUP_PLACES[sub] if sub else "for collection"
    ended = waited - rules.pickup_hold_days
    outlook = (f"about {_plural(left, 'day')} left before it goes back" if ended < 0 else
               "the hold ends today" if ended == 0 else
               f"the hold ended {_plural(ended, 'day')} ago: it may be on its way back")
    return AlertCandidate(
        kind=AlertKind.pickup_waiting,
        reason=(f"waiting {place} since {_stamp(since)} ({_plural(waited, 'day')}); {outlook} "
                f"(held {_plural(rules.pickup_hold_days, 'day')})"),
        cause=f"pickup:{start.fingerprint}" if start else "pickup",
        since=since,
        details={"days_waiting": waited, "days_left": left, "hold_days": rules.pickup_hold_days,
                 "return_after": _stamp(since + timedelta(days=rules.pickup_hold_days)),
                 "place": sub.value if sub else None},
    )


def _failed(snapshot: TrackingSnapshot, basis: Basis, now: datetime) -> AlertCandidate:
    latest = basis.failed_last
    start = basis.failed_start or basis.last
    sub = snapshot.sub_status or (latest.sub_status if latest else None)
    why = _FAILED_WORDS.get(sub, "") if sub else ""  # type: ignore[arg-type]
    attempts = max(1, basis.failed_count)
    since = start.time if start else now
    return AlertCandidate(
        kind=AlertKind.delivery_failed,
        reason=(f"delivery failed on {_stamp(latest.time if latest else since)}"
                + (f": {why}" if why else "") + (f" ({attempts} attempts)" if attempts > 1 else "")),
        cause=f"failed:{start.fingerprint}" if start else "failed",
        since=since,
        details={"attempts": attempts, "reason": sub.value if sub else None,
                 "days_since": round(_days(since, now), 1),
                 **({"last_event": latest.description} if latest else {})},
    )


def _returning(snapshot: TrackingSnapshot, basis: Basis, now: datetime) -> AlertCandidate:
    # a parcel goes back once: the episode starts at its first return event, whatever follows
    start = basis.return_start
    since = start.time if start else now
    returned = snapshot.status is Status.returned
    return AlertCandidate(
        kind=AlertKind.returning,
        reason=(f"returned to the sender (return started {_stamp(since)})" if returned
                else f"on its way back to the sender since {_stamp(since)}"),
        cause="return",
        since=since,
        details={"returned": returned, "days_since": round(_days(since, now), 1),
                 **({"last_event": basis.last.description} if basis.last else {})},
    )


def _not_picked_up(basis: Basis, now: datetime, rules: DetectionSettings,
                   tracked_since: datetime | None) -> AlertCandidate | None:
    since = basis.first_time or (ensure_utc(tracked_since) if tracked_since else None)
    if since is None:
        return None
    days = _days(since, now)
    if days < rules.not_picked_up_days:
        return None
    what = "only label / electronic information events" if basis.count else "no tracking event at all"
    return AlertCandidate(
        kind=AlertKind.not_picked_up,
        reason=(f"{what} for {_plural(_whole(days), 'day')} since {_stamp(since)} "
                f"(threshold {_plural(rules.not_picked_up_days, 'day')}): the carrier has not picked it up"),
        cause="no-movement", since=since,
        details={"days_waiting": round(days, 1), "threshold_days": rules.not_picked_up_days,
                 "events": basis.count},
    )


def detect_shipment(snapshot: TrackingSnapshot, now: datetime, rules: DetectionSettings, *,
                    stall_days_override: float | None = None,
                    tracked_since: datetime | None = None, basis: Basis | None = None) -> list[AlertCandidate]:
    """Every per-parcel exception holding now. `tracked_since` (when tracking started) lets a
    parcel without any event still become `not_picked_up`. The history is read through its
    `detect_basis.Basis`: the snapshot's events, or `basis` when the caller kept one (then the
    snapshot's events are not read)."""
    now = ensure_utc(now)
    if stall_days_override is not None and not stall_days_override > 0:
        raise ValueError(f"stall_days_override must be > 0 days, got {stall_days_override!r}")
    status = snapshot.status
    if status is Status.delivered:
        return []
    if basis is None:
        basis = basis_of(snapshot.events)
    if status in (Status.returning, Status.returned):
        return [_returning(snapshot, basis, now)]
    if status is Status.delivery_failed:
        return [_failed(snapshot, basis, now)]
    if status is Status.available_for_pickup:
        return [_pickup(snapshot, basis, now, rules)]

    out: list[AlertCandidate] = []
    if snapshot.sub_status is SubStatus.lost or (basis.last and basis.last.sub_status is SubStatus.lost):
        return [_carrier_says_lost(basis, now)]
    if not basis.moved:
        found = _not_picked_up(basis, now, rules, tracked_since)
        return [found] if found else []
    customs = _customs(snapshot, basis, now, rules)
    if customs is not None:
        out.append(customs)
    if status in _MOVING:
        silence = _stalled_or_lost(snapshot, basis, now, rules, stall_days_override)
        # a customs stall already says "nothing new in customs": no second alert for it
        if silence is not None and not (customs is not None and silence.kind is AlertKind.stalled):
            out.append(silence)
    return out


__all__ = ["days_since_last_event", "detect_shipment"]
