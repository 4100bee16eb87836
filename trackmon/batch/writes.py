"""The batch's bulk statements (SQLAlchemy Core, built once per dialect) and their rows."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, update

from trackmon.models import Alert, Shipment, ShipmentEvent
from trackmon.store import insert_ignore

#: What the poll writes on a shipment row (never its number, order, carrier or registration:
#: those belong to other writers, and a bulk update must not put back what it read).
SHIPMENT_COLUMNS = (
    "source", "status", "sub_status", "raw_status", "status_changed_at", "first_event_at", "last_event_at",
    "last_event_description", "last_event_location", "first_movement_at", "departed_origin_at",
    "arrived_destination_at", "delivered_at", "origin_country", "destination_country", "last_mile_carrier",
    "aggregator_carrier", "eta_from", "eta_to", "active", "next_poll_at", "last_polled_at", "poll_failures",
    "last_error", "lease_owner", "lease_expires_at", "retired_at", "answer_digest", "detection_basis",
)
ALERT_COLUMNS = ("resolved_at", "resolved_by", "opened_at", "last_seen_at", "reason", "details")


@functools.cache
def _statements(dialect: str) -> dict[str, Any]:
    ship = Shipment.__table__  # type: ignore[attr-defined]
    alert = Alert.__table__  # type: ignore[attr-defined]
    return {
        "events": insert_ignore(dialect, ShipmentEvent, ("shipment_id", "fingerprint"), returning=("shipment_id",)),
        # fenced: only a row whose lease this owner still holds is written
        "shipments": update(ship).where(ship.c.id == bindparam("b_id"), ship.c.lease_owner == bindparam("b_owner"))
        .values({name: bindparam(f"v_{name}", type_=ship.c[name].type) for name in SHIPMENT_COLUMNS}),
        "alerts_new": insert_ignore(dialect, Alert, ("dedupe_key",), returning=("id", "dedupe_key")),
        "alerts": update(alert).where(alert.c.id == bindparam("b_id"))
        .values({name: bindparam(f"v_{name}", type_=alert.c[name].type) for name in ALERT_COLUMNS}),
    }


def insert_events(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Insert new events (ignoring those stored meanwhile); returns how many per shipment."""
    counts: dict[int, int] = {}
    if rows:
        for shipment_id in conn.execute(_statements(conn.dialect.name)["events"], rows).scalars():
            counts[shipment_id] = counts.get(shipment_id, 0) + 1
    return counts


def update_shipments(conn: Connection, ships: Iterable[Shipment], owner: str) -> None:
    rows = [{"b_id": s.id, "b_owner": owner, **{f"v_{name}": getattr(s, name) for name in SHIPMENT_COLUMNS}}
            for s in ships]
    if rows:
        conn.execute(_statements(conn.dialect.name)["shipments"], rows)


def insert_alerts(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert new alerts (a key stored meanwhile is left alone); returns id by key of those inserted."""
    if not rows:
        return {}
    return {key: pk for pk, key in conn.execute(_statements(conn.dialect.name)["alerts_new"], rows)}


def update_alerts(conn: Connection, alerts: Iterable[Alert]) -> None:
    seen: dict[int, Alert] = {}
    for alert in alerts:
        seen[alert.id or 0] = alert
    rows = [{"b_id": pk, **{f"v_{name}": getattr(a, name) for name in ALERT_COLUMNS}} for pk, a in seen.items()]
    if rows:
        conn.execute(_statements(conn.dialect.name)["alerts"], rows)
