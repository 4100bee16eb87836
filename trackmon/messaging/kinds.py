"""Message kinds (a contract: names in settings, the outbox and templates) and their ranks."""

from __future__ import annotations

from enum import StrEnum


class MessageKind(StrEnum):
    """Every buyer message; each has a template per language (``messages/<lang>/<kind>.*``)."""

    shipped = "shipped"                      # the three proactive updates: 1. shipped, with the number
    on_its_way = "on_its_way"                # 2. tracking is live / a milestone
    weekly_checkin = "weekly_checkin"        # 3. every week even when nothing moved
    pickup_waiting = "pickup_waiting"
    pickup_reminder = "pickup_reminder"
    customs_hold = "customs_hold"
    customs_duties = "customs_duties"
    customs_information = "customs_information"
    stalled = "stalled"
    delivery_failed = "delivery_failed"
    returning = "returning"
    split_package = "split_package"
    partial_delivery = "partial_delivery"
    lost = "lost"
    late = "late"
    delivered = "delivered"


K = MessageKind
ROUTINE_KINDS: tuple[MessageKind, ...] = (K.shipped, K.on_its_way, K.weekly_checkin)
CLOSING_KINDS: tuple[MessageKind, ...] = (K.delivered,)
EXCEPTION_KINDS: tuple[MessageKind, ...] = tuple(k for k in MessageKind if k not in ROUTINE_KINDS + CLOSING_KINDS)
ALL_KINDS: tuple[MessageKind, ...] = ROUTINE_KINDS + EXCEPTION_KINDS + CLOSING_KINDS

#: Routine messages an exception message due the same local day replaces.
SUPERSEDABLE_KINDS = frozenset({K.on_its_way, K.weekly_checkin})

#: on_its_way causes, in the order a parcel reaches them.
MILESTONES = ("first_movement", "departed_origin", "arrived_destination")

PRIORITY_SHIPPED = 30        # the first message of an order goes before anything else
PRIORITY_EXCEPTION = 20
PRIORITY_CLOSING = 10
PRIORITY_ROUTINE = 0


def priority_of(kind: str) -> int:
    if kind == K.shipped:
        return PRIORITY_SHIPPED
    if kind in EXCEPTION_KINDS:
        return PRIORITY_EXCEPTION
    if kind in CLOSING_KINDS:
        return PRIORITY_CLOSING
    return PRIORITY_ROUTINE


def is_exception(kind: str) -> bool:
    return kind in EXCEPTION_KINDS


#: Alert kinds that become a buyer message of the same name (`customs_hold` is split by
#: `customs_message_kind`; `not_picked_up` is for the seller's digest).
BUYER_MESSAGE_FOR_ALERT: dict[str, MessageKind] = {kind: K(kind) for kind in (
    "pickup_waiting", "stalled", "delivery_failed", "returning", "split_package", "partial_delivery", "lost", "late")}


def customs_message_kind(stage: str) -> str:
    """The customs message for a customs stage or cause text: duties, information, or hold."""
    text = stage.lower()
    if "duties" in text or "duty" in text or "tax" in text:
        return K.customs_duties
    if "information" in text or "document" in text:
        return K.customs_information
    return K.customs_hold


def buyer_message_for_alert(kind: str, customs_stage: str = "") -> str | None:
    """The buyer message an open alert calls for, or None when it is for the seller only."""
    if kind == "customs_hold":
        return customs_message_kind(customs_stage)
    return BUYER_MESSAGE_FOR_ALERT.get(kind)
