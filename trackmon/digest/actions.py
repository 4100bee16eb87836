"""What each alert kind is called in a digest, in which order, and what the seller should do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trackmon.alert_queries import PICKUP_URGENT_DAYS
from trackmon.domain import AlertKind

#: Digest order: what needs action soonest first (a contract of the digest layout).
KIND_ORDER: tuple[str, ...] = (
    AlertKind.customs_hold, AlertKind.pickup_waiting, AlertKind.stalled,
    AlertKind.delivery_failed, AlertKind.returning, AlertKind.partial_delivery,
    AlertKind.late, AlertKind.not_picked_up, AlertKind.lost, AlertKind.split_package,
)

KIND_TITLES: dict[str, str] = {
    AlertKind.customs_hold: "Held at customs",
    AlertKind.pickup_waiting: "Waiting for pickup",
    AlertKind.stalled: "Tracking stalled",
    AlertKind.delivery_failed: "Delivery failed",
    AlertKind.returning: "Returning to sender",
    AlertKind.partial_delivery: "Partly delivered",
    AlertKind.late: "Late",
    AlertKind.not_picked_up: "Not picked up by the carrier",
    AlertKind.lost: "Presumed lost",
    AlertKind.split_package: "Split into several parcels",
}

def suggested_action(kind: str, left: int | None, details: Mapping[str, Any] | None) -> str:
    """One imperative sentence the seller can act on (`left`: pickup days left, negative
    when the hold ended that many days ago)."""
    details = details or {}
    sub = str(details.get("sub_status") or "")
    match kind:
        case AlertKind.customs_hold:
            if sub == "customs_duties":
                return "Tell the buyer the import duties to pay and how; customs keeps the parcel until then."
            if sub == "customs_information_required":
                return "Send customs the documents they ask for (invoice, ID) and tell the buyer."
            return "Check what customs needs and tell the buyer; duties are paid by the buyer."
        case AlertKind.pickup_waiting:
            if left is None:
                return "Remind the buyer to collect the parcel at the post office."
            if left < 0:
                return (f"The hold ended {-left} day{'s' if left != -1 else ''} ago: ask the post office "
                        "whether it still has the parcel or sent it back, then reship or refund.")
            if left == 0:
                return "Urgent: the hold ends today — ask the buyer to collect it today."
            if left <= PICKUP_URGENT_DAYS:
                return (f"Urgent: {left} day{'s' if left != 1 else ''} before it goes back — "
                        "ask the buyer to collect it now.")
            return f"Remind the buyer to collect it: {left} days left before it goes back."
        case AlertKind.stalled:
            return "Ask the carrier for a trace; reassure the buyer and check again in 2–3 days."
        case AlertKind.delivery_failed:
            return "Confirm the address and phone with the buyer; arrange redelivery or pickup."
        case AlertKind.returning:
            return "Contact the buyer now: offer to reship or refund before a dispute is opened."
        case AlertKind.partial_delivery:
            return "Tell the buyer the rest left complete and is on its way; ask for 2–3 more days."
        case AlertKind.late:
            return "Apologise, give the new estimate and extend the buyer-protection time if needed."
        case AlertKind.not_picked_up:
            return "Check the parcel was handed to the carrier; hand it over or reship."
        case AlertKind.lost:
            return "Open a claim with the carrier, then reship or refund."
        case AlertKind.split_package:
            return "Send the buyer every tracking number of the order."
    return "Review the parcel's tracking."
