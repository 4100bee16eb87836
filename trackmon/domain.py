"""Pure domain types: the normalized status model every carrier maps into.

No I/O here and no database identity. Times are aware UTC (see `ensure_utc`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum


class Status(StrEnum):
    """Normalized parcel status (a contract: JSON output and the database use these values)."""

    not_found = "not_found"
    info_received = "info_received"
    in_transit = "in_transit"
    out_for_delivery = "out_for_delivery"
    available_for_pickup = "available_for_pickup"
    delivery_failed = "delivery_failed"
    delivered = "delivered"
    returning = "returning"
    returned = "returned"
    exception = "exception"
    expired = "expired"
    unknown = "unknown"  # a carrier code we have no mapping for (always logged)


#: Statuses after which a parcel needs no more polling (after a grace period).
FINAL_STATUSES = frozenset({Status.delivered, Status.returned, Status.expired})


class SubStatus(StrEnum):
    """Finer stage inside a status. Customs stages are sub-statuses of `in_transit`."""

    label_created = "label_created"
    picked_up = "picked_up"
    departed_origin = "departed_origin"          # left the origin country
    arrived_destination = "arrived_destination"  # arrived in the destination country
    customs_processing = "customs_processing"
    customs_held = "customs_held"
    customs_duties = "customs_duties"            # duties or taxes payable by the buyer
    customs_information_required = "customs_information_required"
    customs_released = "customs_released"
    pickup_post_office = "pickup_post_office"
    pickup_point = "pickup_point"
    pickup_locker = "pickup_locker"
    nobody_home = "nobody_home"
    bad_address = "bad_address"
    refused = "refused"
    security = "security"
    returning = "returning"
    returned = "returned"
    delayed = "delayed"
    damaged = "damaged"
    lost = "lost"
    cancelled = "cancelled"
    invalid_number = "invalid_number"
    other = "other"


CUSTOMS_SUB_STATUSES = frozenset({
    SubStatus.customs_processing, SubStatus.customs_held, SubStatus.customs_duties,
    SubStatus.customs_information_required, SubStatus.customs_released,
})


class AlertKind(StrEnum):
    """Exception kinds (a contract: alert names in JSON, the API and digests)."""

    stalled = "stalled"
    not_picked_up = "not_picked_up"
    pickup_waiting = "pickup_waiting"
    customs_hold = "customs_hold"
    delivery_failed = "delivery_failed"
    returning = "returning"
    lost = "lost"
    late = "late"
    split_package = "split_package"
    partial_delivery = "partial_delivery"


def ensure_utc(value: datetime) -> datetime:
    """Return `value` as an aware UTC datetime; naive values are refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()} where aware UTC is required")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingEvent:
    """One scan or checkpoint, normalized. `time` is aware UTC."""

    time: datetime
    description: str
    location: str | None = None
    status: Status = Status.in_transit
    sub_status: SubStatus | None = None
    raw_code: str | None = None           # the carrier's own code, kept for audit
    utc_offset_minutes: int | None = None  # offset of the local time where the scan happened
    country: str | None = None             # ISO-2 where known

    def __post_init__(self) -> None:
        object.__setattr__(self, "time", ensure_utc(self.time))

    @property
    def fingerprint(self) -> str:
        """Identity of the event across polls; survives a carrier rewording its text."""
        key = "|".join((
            self.time.isoformat(timespec="seconds"),
            (self.location or "").strip().casefold(),
            self.raw_code or "",
            "" if self.raw_code else self.status.value,
        ))
        return hashlib.sha1(key.encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingSnapshot:
    """What a carrier says about one parcel now. `events` are sorted oldest first."""

    carrier: str
    tracking_number: str
    status: Status
    sub_status: SubStatus | None = None
    raw_status: str | None = None              # e.g. "InTransit/InTransit_Other"
    events: tuple[TrackingEvent, ...] = ()
    eta_from: date | None = None
    eta_to: date | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    last_mile_carrier: str | None = None
    source: str | None = None                  # adapter that produced it ("17track", "dhl")

    @property
    def last_event(self) -> TrackingEvent | None:
        return self.events[-1] if self.events else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CarrierProblem:
    """A per-number failure inside an otherwise good response (data, not an exception)."""

    tracking_number: str
    kind: str        # "not_found" | "invalid" | "rejected" | "malformed" (answer unreadable)
    message: str
    code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult:
    snapshots: tuple[TrackingSnapshot, ...] = ()
    problems: tuple[CarrierProblem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertCandidate:
    """An exception detected on one parcel or one order. `cause` makes it unique."""

    kind: AlertKind
    reason: str                  # human sentence: why it fired, with the figures
    cause: str = ""              # dedupe part: e.g. the event fingerprint or the date
    since: datetime | None = None
    details: dict[str, object] = field(default_factory=dict)
