"""What trackmon would tell the buyer next about one parcel (pure; used by `trackmon check`).

The alert → message mapping is the planner's (`trackmon.messaging.kinds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trackmon.domain import AlertCandidate, AlertKind, Status, SubStatus, TrackingSnapshot
from trackmon.messaging.kinds import buyer_message_for_alert

#: Priority of exception messages when several alerts are open (first wins).
_ORDER = (AlertKind.lost, AlertKind.delivery_failed, AlertKind.pickup_waiting, AlertKind.customs_hold,
          AlertKind.returning, AlertKind.stalled, AlertKind.late, AlertKind.partial_delivery,
          AlertKind.split_package)

_SUMMARY = {
    "pickup_waiting": "the parcel waits for collection: where it is, since when, and the days left "
                      "before it is returned",
    "customs_hold": "the parcel is held by customs: what that means and that we are following it",
    "customs_duties": "customs asks for import duties: who pays them and how, politely",
    "customs_information": "customs needs information from the buyer: what to send and where",
    "stalled": "tracking has not updated for a while: where it stalled (origin, between countries, "
               "destination, customs) and that the seller is checking",
    "lost": "the carrier reports the parcel lost (or no news for too long): what happens next, "
            "from the store's lost_policy (reship, refund or ask)",
    "late": "the promised date has passed: said plainly, with a new estimate and what the seller does",
    "none": "nothing: the status is unknown to trackmon, and a wrong sentence is worse than silence",
    "delivery_failed": "delivery failed: check the address or contact the local carrier",
    "returning": "the parcel is on its way back to the seller: what happens next",
    "split_package": "the order travels in several parcels: every tracking number",
    "partial_delivery": "part of the order arrived: the rest is on its way and the seller checks",
    "delivered": "a short thank-you now that the parcel is delivered",
    "shipped": "the order has shipped: tracking number, the route's usual days and the matching window",
    "on_its_way": "the parcel is moving: progress and the usual causes of delay",
    "weekly_checkin": "the weekly check-in: where the parcel is and that the seller is watching it",
}


@dataclass(frozen=True, slots=True)
class NextMessage:
    kind: str
    summary: str


def message_kind_for(alert: AlertCandidate, sub_status: SubStatus | None) -> str | None:
    """The planner's own mapping (messaging.kinds), applied to a parcel not in the database."""
    stage = str(alert.details.get("customs_stage") or (sub_status.value if sub_status else ""))
    return buyer_message_for_alert(alert.kind.value, stage)


def next_buyer_message(snapshot: TrackingSnapshot, alerts: Sequence[AlertCandidate]) -> NextMessage:
    rank = {kind: i for i, kind in enumerate(_ORDER)}
    for alert in sorted(alerts, key=lambda a: rank.get(a.kind, len(rank))):
        kind = message_kind_for(alert, snapshot.sub_status)
        if kind:
            return NextMessage(kind, _SUMMARY[kind])
    if snapshot.status in (Status.unknown, Status.exception):
        kind = "none"  # no reassurance about a parcel in a state we cannot read
    elif snapshot.status == Status.delivered:
        kind = "delivered"
    elif snapshot.status in (Status.not_found, Status.info_received) or not snapshot.events:
        kind = "shipped"
    elif any(e.status not in (Status.info_received, Status.not_found) for e in snapshot.events):
        kind = "on_its_way"
    else:
        kind = "weekly_checkin"
    return NextMessage(kind, _SUMMARY[kind])
