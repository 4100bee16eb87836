"""What a parcel's normalized status means, in the seller's words (English, pure).

Used by the seller-facing texts (alert reasons, digest "last event"), never by buyer emails,
which are written per language by the message templates.
"""

from __future__ import annotations

from datetime import datetime

_SUB: dict[str, str] = {
    "label_created": "label created, not yet handed to the carrier",
    "picked_up": "picked up by the carrier",
    "departed_origin": "left the origin country",
    "arrived_destination": "arrived in the destination country",
    "customs_processing": "in customs processing",
    "customs_held": "held at customs",
    "customs_duties": "at customs, duties to pay",
    "customs_information_required": "at customs, documents required",
    "customs_released": "released by customs",
    "pickup_post_office": "waiting for pickup at the post office",
    "pickup_point": "waiting at a pickup point",
    "pickup_locker": "waiting in a parcel locker",
    "nobody_home": "delivery failed: nobody home",
    "bad_address": "delivery failed: wrong or incomplete address",
    "refused": "refused by the buyer",
    "returning": "on its way back to the sender",
    "returned": "returned to the sender",
    "delayed": "delayed",
    "damaged": "reported damaged",
    "lost": "reported lost by the carrier",
    "cancelled": "shipment cancelled",
    "invalid_number": "tracking number not valid for the carrier",
}

_STATUS: dict[str, str] = {
    "not_found": "no tracking yet",
    "info_received": "label created, not yet handed to the carrier",
    "in_transit": "in transit",
    "out_for_delivery": "out for delivery",
    "available_for_pickup": "waiting for pickup",
    "delivery_failed": "delivery failed",
    "delivered": "delivered",
    "returning": "on its way back to the sender",
    "returned": "returned to the sender",
    "exception": "carrier reports a problem",
    "expired": "tracking expired (no news for a long time)",
    "unknown": "status not recognised",
}


def parcel_state(status: str | None, sub_status: str | None = None) -> str:
    """'waiting for pickup at the post office', 'held at customs', 'in transit'..."""
    if sub_status and sub_status in _SUB and status not in ("delivered",):
        return _SUB[sub_status]
    return _STATUS.get(status or "", (status or "unknown").replace("_", " "))


def days_ago(days: int) -> str:
    return "today" if days <= 0 else ("yesterday" if days == 1 else f"{days} days ago")


def last_event(status: str | None, sub_status: str | None, place: str | None, at: datetime | None,
               now: datetime) -> str:
    """'waiting for pickup at the post office · DENVER CO · 3 days ago' ('no events yet')."""
    if at is None:
        return "no events yet" if status in (None, "not_found") else parcel_state(status, sub_status)
    parts = [parcel_state(status, sub_status)]
    if place and place.strip():
        parts.append(" ".join(place.split())[:60])
    parts.append(days_ago(max(0, (now - at).days)))
    return " · ".join(parts)


__all__ = ["days_ago", "last_event", "parcel_state"]
