"""Event identity and carrier string sizes (issues 10 and 11).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 05:00:00

Column sizes: every carrier string column keeps its length. The real data we have (the
recorded answers of 17TRACK, AfterShip, DHL, UPS, USPS, FedEx and the reference payloads
of 40 more carriers) is far inside them (longest location 42 characters, provider name 30,
raw sub-status 37); longer values are hostile or broken, and ingest now cuts them with a
marker to the column's length before storing (`trackmon.models.fit`), on both backends.

Data: the event fingerprint changed (it now counts the event's text, see
`trackmon.domain.event_fingerprint`). Stored events are re-keyed with it, so re-polling a
parcel does not store its whole history a second time, and so are the open alerts and
queued messages whose cause names an event (`customs:<fingerprint>` …): their keys stay
the same exception, so no buyer gets the same message twice after the upgrade. Where two
stored rows of one shipment get the same new fingerprint (a true duplicate under the new
rule), the second keeps its old one: nothing is deleted.

Downgrade re-keys with the previous definition (kept below, as it was).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from trackmon.domain import event_fingerprint

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SHIPMENTS_PER_BATCH = 500

_events = sa.table("events", sa.column("id", sa.Integer), sa.column("shipment_id", sa.Integer),
                   sa.column("fingerprint", sa.String), sa.column("time", sa.DateTime(timezone=True)),
                   sa.column("description", sa.String), sa.column("location", sa.String),
                   sa.column("raw_code", sa.String), sa.column("status", sa.String))
_alerts = sa.table("alerts", sa.column("id", sa.Integer), sa.column("shipment_id", sa.Integer),
                   sa.column("cause", sa.String), sa.column("dedupe_key", sa.String))
_messages = sa.table("messages", sa.column("id", sa.Integer), sa.column("shipment_id", sa.Integer),
                     sa.column("cause", sa.String), sa.column("idempotency_key", sa.String))

Fingerprint = Callable[[datetime, Any, str, Any, str], str]


def legacy_fingerprint(time: datetime, location: str | None, description: str, raw_code: str | None,
                       status: str) -> str:
    """The definition before revision 0003 (time, place and raw code; text ignored)."""
    key = "|".join((time.isoformat(timespec="seconds"), (location or "").strip().casefold(),
                    raw_code or "", "" if raw_code else status))
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _rekey_shipment(conn: sa.Connection, rows: list[Any], fingerprint: Fingerprint) -> dict[str, str]:
    """New fingerprints for one shipment's events; returns old → new for the rows changed."""
    taken = {r.fingerprint for r in rows}
    changes: dict[str, str] = {}
    updates = []
    for r in rows:
        new = fingerprint(_utc(r.time), r.location, r.description or "", r.raw_code, r.status)
        if new == r.fingerprint or new in taken:
            continue  # unchanged, or a true duplicate of a row already keyed so: keep its key
        taken.add(new)
        changes[r.fingerprint] = new
        updates.append({"row_id": r.id, "fp": new})
    if updates:
        conn.execute(_events.update().where(_events.c.id == sa.bindparam("row_id"))
                     .values(fingerprint=sa.bindparam("fp")), updates)
    return changes


def _rekey_causes(conn: sa.Connection, table: sa.TableClause, key_column: str,
                  changes: dict[int, dict[str, str]]) -> None:
    """Causes ending in ":<old fingerprint>" of these shipments, and the keys built from them."""
    key = table.c[key_column]
    rows = conn.execute(sa.select(table.c.id, table.c.shipment_id, table.c.cause, key)
                        .where(table.c.shipment_id.in_(list(changes)))).all()
    updates = []
    for row_id, sid, cause, old_key in rows:
        head, sep, fp = (cause or "").rpartition(":")
        new_fp = changes[sid].get(fp) if sep else None
        if new_fp is None or not old_key.endswith(cause):
            continue
        new_cause = f"{head}:{new_fp}"
        updates.append({"row_id": row_id, "c": new_cause, "k": old_key[:-len(cause)] + new_cause})
    if updates:
        conn.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                     .values({"cause": sa.bindparam("c"), key_column: sa.bindparam("k")}), updates)


def rekey(conn: sa.Connection, fingerprint: Fingerprint) -> int:
    """Re-key every stored event with `fingerprint`, a batch of shipments at a time; returns
    how many events changed."""
    changed = 0
    after = 0
    while True:
        sids = list(conn.execute(sa.select(_events.c.shipment_id).distinct()
                                 .where(_events.c.shipment_id > after)
                                 .order_by(_events.c.shipment_id).limit(SHIPMENTS_PER_BATCH)).scalars())
        if not sids:
            return changed
        after = sids[-1]
        rows_by: dict[int, list[Any]] = {}
        for r in conn.execute(sa.select(_events).where(_events.c.shipment_id.in_(sids))
                              .order_by(_events.c.shipment_id, _events.c.id)):
            rows_by.setdefault(r.shipment_id, []).append(r)
        changes = {sid: c for sid, rows in rows_by.items() if (c := _rekey_shipment(conn, rows, fingerprint))}
        changed += sum(len(c) for c in changes.values())
        if changes:
            _rekey_causes(conn, _alerts, "dedupe_key", changes)
            _rekey_causes(conn, _messages, "idempotency_key", changes)


def upgrade() -> None:
    rekey(op.get_bind(), event_fingerprint)


def downgrade() -> None:
    rekey(op.get_bind(), legacy_fingerprint)
