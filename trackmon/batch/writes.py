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
#: What a poll changes on a shipment whose answer brought nothing new (`poller.reschedule`).
POLL_COLUMNS = ("last_error", "active", "next_poll_at", "last_polled_at", "poll_failures", "lease_owner",
                "lease_expires_at", "retired_at")
_POLL_SET = frozenset(POLL_COLUMNS)
ALERT_COLUMNS = ("resolved_at", "resolved_by", "opened_at", "last_seen_at", "reason", "details")


@functools.cache
def _statements(dialect: str) -> dict[str, Any]:
    alert = Alert.__table__  # type: ignore[attr-defined]
    return {
        "events": insert_ignore(dialect, ShipmentEvent, ("shipment_id", "fingerprint"), returning=("shipment_id",)),
        "alerts_new": insert_ignore(dialect, Alert, ("dedupe_key",), returning=("id", "dedupe_key")),
        "alerts": update(alert).where(alert.c.id == bindparam("b_id"))
        .values({name: bindparam(f"v_{name}", type_=alert.c[name].type) for name in ALERT_COLUMNS}),
    }


@functools.cache
def _shipment_update(columns: tuple[str, ...]) -> Any:
    """The UPDATE of these shipment columns, fenced: only a row whose lease this owner still
    holds is written."""
    ship = Shipment.__table__  # type: ignore[attr-defined]
    return (update(ship).where(ship.c.id == bindparam("b_id"), ship.c.lease_owner == bindparam("b_owner"))
            .values({name: bindparam(f"v_{name}", type_=ship.c[name].type) for name in columns}))


def insert_events(conn: Connection, rows: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Insert new events (ignoring those stored meanwhile); returns how many per shipment."""
    counts: dict[int, int] = {}
    if rows:
        for shipment_id in conn.execute(_statements(conn.dialect.name)["events"], rows).scalars():
            counts[shipment_id] = counts.get(shipment_id, 0) + 1
    return counts


def as_read(ship: Shipment) -> tuple[Any, ...]:
    """The values of `SHIPMENT_COLUMNS` on a shipment (as read: `update_shipments` compares)."""
    return tuple(getattr(ship, name) for name in SHIPMENT_COLUMNS)


def update_shipments(conn: Connection, ships: Iterable[Shipment], owner: str,
                     read: dict[int, tuple[Any, ...]]) -> None:
    """Write the shipments (fenced on the lease): those that changed only what a poll changes
    (`read`: `as_read` by id; a re-poll that learnt nothing) with the poll's columns, the others
    with every column — at most two statements."""
    narrow: list[dict[str, Any]] = []
    wide: list[dict[str, Any]] = []
    for ship in ships:
        values = as_read(ship)
        changed = {name for name, value, old in zip(SHIPMENT_COLUMNS, values, read[ship.id or 0], strict=True)
                   if value != old}
        if changed <= _POLL_SET:
            narrow.append({"b_id": ship.id, "b_owner": owner, **{f"v_{name}": getattr(ship, name)
                                                                 for name in POLL_COLUMNS}})
        else:
            wide.append({"b_id": ship.id, "b_owner": owner,
                         **{f"v_{name}": value for name, value in zip(SHIPMENT_COLUMNS, values, strict=True)}})
    for columns, rows in ((POLL_COLUMNS, narrow), (SHIPMENT_COLUMNS, wide)):
        if rows:
            conn.execute(_shipment_update(columns), rows)


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
