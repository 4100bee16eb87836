"""Message kinds (a contract: names in settings, the outbox and templates) and their ranks."""

from __future__ import annotations

ROUTINE_KINDS = ("shipped", "on_its_way", "weekly_checkin")
EXCEPTION_KINDS = (
    "pickup_waiting", "pickup_reminder", "customs_hold", "customs_duties", "customs_information",
    "stalled", "delivery_failed", "returning", "split_package", "partial_delivery",
)
CLOSING_KINDS = ("delivered",)
ALL_KINDS = ROUTINE_KINDS + EXCEPTION_KINDS + CLOSING_KINDS

#: Routine messages an exception message due the same local day replaces.
SUPERSEDABLE_KINDS = frozenset({"on_its_way", "weekly_checkin"})

#: on_its_way causes, in the order a parcel reaches them.
MILESTONES = ("first_movement", "departed_origin", "arrived_destination")

PRIORITY_EXCEPTION = 20
PRIORITY_CLOSING = 10
PRIORITY_ROUTINE = 0


def priority_of(kind: str) -> int:
    if kind in EXCEPTION_KINDS:
        return PRIORITY_EXCEPTION
    if kind in CLOSING_KINDS:
        return PRIORITY_CLOSING
    return PRIORITY_ROUTINE


def is_exception(kind: str) -> bool:
    return kind in EXCEPTION_KINDS
