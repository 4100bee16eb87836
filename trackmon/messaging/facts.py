"""What is true of a parcel now, as buyer messages need it: stage, last-mile carrier, lines.

`parcel_lines()` reads the parcel's stored events once and keeps them, with each event's line
written once, for the messages of an order (`ParcelLines.facts`: plain values); everything
a message says about the route comes from here (lines are ours, see `event_lines`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from trackmon import locales
from trackmon.messaging.event_lines import EventFacts, event_line, event_stage
from trackmon.models import Shipment, ShipmentEvent

#: Carriers that only carry the first leg of a postal parcel (the last mile is the
#: destination's national post).
ORIGIN_POSTS = frozenset({"china-post", "china post", "china-ems", "china ems", "cainiao", "yanwen",
                          "yunexpress", "4px", "sunyou", "17track", "aftership"})
#: Carriers that deliver the parcel themselves, door to door.
EXPRESS = {"dhl": "DHL", "ups": "UPS", "fedex": "FedEx", "usps": "USPS"}
#: The national post that delivers the last mile of a postal parcel, per destination country
#: (a language names it otherwise in the `[national_posts]` of its locale.toml).
NATIONAL_POSTS = {"US": "USPS", "GB": "Royal Mail", "ES": "Correos", "MX": "Correos de México", "BR": "Correios",
                  "FR": "La Poste", "DE": "Deutsche Post", "RU": "Russian Post", "IT": "Poste Italiane",
                  "PL": "Poczta Polska"}
#: Parcel statuses that are a stage of their own.
_STATUS_STAGES = {
    "available_for_pickup": "pickup", "out_for_delivery": "out_for_delivery", "delivered": "delivered",
    "delivery_failed": "delivery_failed", "returning": "returning", "returned": "returned",
    "exception": "exception", "unknown": "unknown", "not_found": "not_found", "expired": "expired",
    "info_received": "label",
}
MAX_CHANGES = 4


@dataclass(frozen=True, slots=True)
class ParcelFacts:
    stage: str                    # label | origin | international | destination | customs | pickup | ...
    last_stage: str               # route stage of the last event (where a stall happened)
    last_line: str                # our line for the last event ("" if none can be said)
    last_event_at: datetime | None
    changes: list[str] = field(default_factory=list)  # lines of events since `since`, oldest first
    arrived_at: datetime | None = None
    pickup_since: datetime | None = None  # first scan of the current wait for collection


def _facts(ev: ShipmentEvent) -> EventFacts:
    return EventFacts(ev.time, ev.status, ev.sub_status, ev.location, ev.country)


@dataclass(slots=True)
class ParcelLines:
    """A parcel's stored events and their lines in one language, each line written once
    (the messages of one order read the same parcel: `ParcelLines.facts` for each of them)."""

    shipment: Shipment
    language: str
    hide_origin: bool
    events: list[Any]
    _lines: dict[int, str] = field(default_factory=dict)
    _facts: dict[datetime | None, ParcelFacts] = field(default_factory=dict)

    def line(self, index: int) -> str:
        if index not in self._lines:
            s = self.shipment
            self._lines[index] = event_line(_facts(self.events[index]), self.language, hide_origin=self.hide_origin,
                                            origin=s.origin_country, destination=s.destination_country,
                                            arrived_at=s.arrived_destination_at, departed_at=s.departed_origin_at)
        return self._lines[index]

    def facts(self, since: datetime | None) -> ParcelFacts:
        """What is true of the parcel now; `changes`: the lines of the events first seen after `since`."""
        if since not in self._facts:
            self._facts[since] = self._read(since)
        return self._facts[since]

    def _read(self, since: datetime | None) -> ParcelFacts:
        shipment, events = self.shipment, self.events
        last = events[-1] if events else None
        last_stage = event_stage(_facts(last), origin=shipment.origin_country,
                                 destination=shipment.destination_country,
                                 arrived_at=shipment.arrived_destination_at,
                                 departed_at=shipment.departed_origin_at) if last else "origin"
        stage = _STATUS_STAGES.get(shipment.status, "")
        if not stage:
            stage = last_stage
        if shipment.sub_status == "lost":
            stage = "lost"
        pickup_since: datetime | None = None
        for ev in reversed(events):
            if ev.status != "available_for_pickup":
                break
            pickup_since = ev.time
        changes: list[str] = []
        if since is not None:
            for i, ev in enumerate(events):
                if ev.first_seen_at > since and (text := self.line(i)) and text not in changes:
                    changes.append(text)
        return ParcelFacts(stage=stage, last_stage=last_stage, last_line=self.line(len(events) - 1) if last else "",
                           last_event_at=last.time if last else shipment.last_event_at,
                           changes=changes[-MAX_CHANGES:], arrived_at=shipment.arrived_destination_at,
                           pickup_since=pickup_since)


def parcel_lines(session: Session | None, shipment: Shipment, language: str, *, hide_origin: bool,
                 events: Sequence[Any] | None = None) -> ParcelLines:
    """`events`: the parcel's stored events (time, status, sub_status, location, country,
    first_seen_at; ordered by time, then id) when the caller holds them; else read here."""
    if events is not None:
        held = list(events)
    elif session is not None and shipment.id is not None:
        held = list(session.exec(select(ShipmentEvent).where(ShipmentEvent.shipment_id == shipment.id)
                                 .order_by(col(ShipmentEvent.time), col(ShipmentEvent.id))).all())
    else:
        held = []
    return ParcelLines(shipment, language, hide_origin, held)


def _slug(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())


def last_mile_carrier(shipment: Shipment, country: str | None, language: str) -> str:
    """Who delivers the parcel in the buyer's country: a named local carrier, the express
    carrier itself, or the destination's national post for postal parcels ("" if unknown)."""
    named = (shipment.last_mile_carrier or "").strip()
    carrier = _slug(shipment.carrier or "")
    if named and _slug(named) not in ORIGIN_POSTS and _slug(named).replace(" ", "-") not in ORIGIN_POSTS \
            and _slug(named) != carrier:
        return named
    if carrier in EXPRESS:
        return EXPRESS[carrier]
    code = (country or "").upper()
    local = locales.table(language, "national_posts").get(code)
    return local if isinstance(local, str) else NATIONAL_POSTS.get(code, "")
