"""`trackmon carrier set NUMBER CARRIER` and `POST /shipments/{number}/carrier`: fix a wrong
carrier guess at the aggregator and re-track.

The parcel's aggregator (the one that tracked it, else the one routing picks) is told the
carrier (`carriers.correction.change_carrier`: 17TRACK `changecarrier`, AfterShip slug);
then every stored parcel with that number gets the carrier, its aggregator-detected carrier
is cleared (the next answer records it again) and it is due for polling now, so the next
poll reads the corrected carrier's events. A carrier a direct adapter serves (ups, fedex…)
needs no aggregator call: the parcel is simply routed to it from the next poll on.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

import structlog
from sqlalchemy import Engine
from sqlmodel import Session, select

from carriers import registry
from carriers.correction import Correction, change_carrier
from carriers.numbers import carrier_names, normalize_number
from trackmon.errors import InputError
from trackmon.models import Shipment
from trackmon.tracking import CarrierSet

log = structlog.get_logger("trackmon.carrier_set")

_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@dataclass(frozen=True, slots=True)
class CarrierSetResult:
    tracking_number: str
    carrier: str
    previous_carrier: str | None
    source: str
    correction: Correction | None  # None: a direct adapter tracks it, no aggregator to tell
    shipments: int

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["correction"] = asdict(self.correction) if self.correction else None
        return data


def known_carriers() -> frozenset[str]:
    return carrier_names() | registry.known_names()


def check_carrier_name(carrier: str) -> str:
    name = carrier.strip().lower()
    if not _NAME.fullmatch(name):
        raise InputError(f"carrier {carrier!r} is not a carrier name (letters, digits, dashes: "
                         "cainiao, yunexpress, 4px...)", field="carrier")
    if name not in known_carriers():
        raise InputError(f"unknown carrier {name!r}; known: {', '.join(sorted(known_carriers()))}",
                         field="carrier")
    return name


async def set_carrier(engine: Engine, carrier_set: CarrierSet, number: str, carrier: str,
                      now: datetime) -> CarrierSetResult:
    """Tell the aggregator, store the carrier, poll now. InputError / CarrierError / ConfigError."""
    name = check_carrier_name(carrier)
    normalized = normalize_number(number)
    with Session(engine) as session:
        parcels = session.exec(select(Shipment).where(Shipment.tracking_number == normalized)
                               .order_by(Shipment.id)).all()  # type: ignore[arg-type]
        if not parcels:
            raise InputError(f"no parcel with tracking number {normalized!r} is stored", field="number")
        previous = parcels[0].carrier
        source = parcels[0].source
    adapter = carrier_set.adapters.get(source or "")
    if adapter is None or not adapter.aggregator:
        adapter = carrier_set.route(normalized, name).adapter
    correction = await change_carrier(adapter, normalized, name) if adapter.aggregator else None
    with Session(engine) as session:
        parcels = session.exec(select(Shipment).where(Shipment.tracking_number == normalized)).all()
        for parcel in parcels:
            parcel.carrier = name
            parcel.aggregator_carrier = None
            parcel.source = adapter.name
            parcel.next_poll_at = now
            parcel.last_error = None
            session.add(parcel)
        session.commit()
    log.info("carrier.set", tracking_number=normalized, carrier=name, previous=previous, source=adapter.name,
             action=correction.action if correction else "routed", shipments=len(parcels))
    return CarrierSetResult(normalized, name, previous, adapter.name, correction, len(parcels))


__all__ = ["CarrierSetResult", "check_carrier_name", "known_carriers", "set_carrier"]
