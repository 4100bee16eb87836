"""Does the aggregator track a parcel as the carrier trackmon knows it by? Pure, plus one log line.

`shipments.carrier` is the offline identification (`carriers.numbers`) or the seller's;
`shipments.aggregator_carrier` is what 17TRACK / AfterShip said they track the number as
(recorded from each of their answers by `note_aggregator_carrier`). When both are known and
differ, the aggregator probably guessed wrong: the parcel is flagged in `trackmon check`, in
the shipment API JSON (`carrier_mismatch`) and by a `carrier.mismatch` warning, and
`trackmon carrier set NUMBER CARRIER` fixes it.
"""

from __future__ import annotations

import structlog

from carriers import registry
from trackmon.domain import TrackingSnapshot
from trackmon.models import Shipment, column_length, cut

log = structlog.get_logger("trackmon.carrier_check")

#: Names for one operator that the aggregators use interchangeably (EMS is China Post's
#: express service on the same S10 numbers).
_SAME = ({"china-post", "china-ems"},)


def _same(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME)


def carrier_mismatch(offline: str | None, detected: str | None) -> bool:
    """True when both carriers are known and name different operators."""
    if not offline or not detected or detected == "unknown":
        return False
    return not _same(offline.strip().lower(), detected.strip().lower())


def shipment_mismatch(shipment: Shipment) -> dict[str, str] | None:
    """{"offline": ..., "aggregator": ..., "source": ...} when the parcel is flagged, else None."""
    if not carrier_mismatch(shipment.carrier, shipment.aggregator_carrier):
        return None
    return {"offline": shipment.carrier or "", "aggregator": shipment.aggregator_carrier or "",
            "source": shipment.source or ""}


def _aggregator(source: str | None) -> bool:
    manifest = registry.manifest(source)
    return manifest is not None and manifest.aggregator


def check_mismatch(offline: str | None, snapshot: TrackingSnapshot) -> dict[str, str] | None:
    """`trackmon check`'s flag: the aggregator's answer names another carrier than `offline`."""
    if not _aggregator(snapshot.source) or not carrier_mismatch(offline, snapshot.carrier):
        return None
    log.warning("carrier.mismatch", tracking_number=snapshot.tracking_number, offline=offline,
                aggregator=snapshot.carrier, source=snapshot.source)
    return {"offline": offline or "", "aggregator": snapshot.carrier, "source": snapshot.source or ""}


def note_aggregator_carrier(shipment: Shipment, snapshot: TrackingSnapshot) -> None:
    """Record the carrier an aggregator's answer names; warn when it newly disagrees."""
    if not _aggregator(snapshot.source) or not snapshot.carrier or snapshot.carrier == "unknown":
        return
    detected = cut(snapshot.carrier.strip().lower(), column_length(Shipment, "aggregator_carrier") or 40)
    if detected == shipment.aggregator_carrier:
        return
    shipment.aggregator_carrier = detected
    if carrier_mismatch(shipment.carrier, detected):
        log.warning("carrier.mismatch", shipment_id=shipment.id, tracking_number=shipment.tracking_number,
                    offline=shipment.carrier, aggregator=detected, source=snapshot.source,
                    fix=f"trackmon carrier set {shipment.tracking_number} {shipment.carrier}")


__all__ = ["carrier_mismatch", "check_mismatch", "note_aggregator_carrier", "shipment_mismatch"]
