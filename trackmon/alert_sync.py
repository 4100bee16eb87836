"""Which alerts to open, refresh, reopen and auto-resolve for one scope (pure, in memory).

A scope is one parcel (`shipment_id`) or the order itself (`shipment_id` None). Given the
detector's candidates and the scope's alerts as they are stored, `sync_scope` changes the
stored alerts in place (refresh, reopen, resolve) and returns the rows of the new ones; the
caller writes both (one parcel: `ingest`; a batch: `trackmon.batch`). Keys: `dedupe_key`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog

from trackmon.alert_queries import ESCALATES_TO, RESOLVED_ESCALATED
from trackmon.domain import AlertCandidate
from trackmon.models import Alert

log = structlog.get_logger("trackmon.ingest")


def dedupe_key(order_pk: int, shipment_id: int | None, kind: str, cause: str) -> str:
    return f"{order_pk}:{shipment_id if shipment_id is not None else '-'}:{kind}:{cause}"


@dataclass(slots=True)
class ScopeChanges:
    new_rows: list[dict[str, Any]] = field(default_factory=list)  # to insert (ignore on key)
    touched: list[Alert] = field(default_factory=list)            # stored alerts changed in place
    reopened: list[str] = field(default_factory=list)              # kinds reopened
    resolved: list[str] = field(default_factory=list)              # kinds auto-resolved


def wanted_keys(order_pk: int, shipment_id: int | None, candidates: Sequence[AlertCandidate]) -> list[str]:
    return [dedupe_key(order_pk, shipment_id, c.kind.value, c.cause) for c in candidates]


def sync_scope(*, order_pk: int, shipment_id: int | None, candidates: Sequence[AlertCandidate],
               stored: Iterable[Alert], now: datetime) -> ScopeChanges:
    """`stored`: every stored alert whose key is wanted, and every open alert of the scope."""
    out = ScopeChanges()
    wanted = {dedupe_key(order_pk, shipment_id, c.kind.value, c.cause): c for c in candidates}
    stored = list(stored)
    by_key = {a.dedupe_key: a for a in stored}
    for key, cand in wanted.items():
        alert = by_key.get(key)
        if alert is None:
            out.new_rows.append({
                "dedupe_key": key, "order_pk": order_pk, "shipment_id": shipment_id, "kind": cand.kind.value,
                "cause": cand.cause[:120], "reason": cand.reason, "since": cand.since,
                "details": dict(cand.details), "opened_at": now, "last_seen_at": now})
            continue
        if alert.resolved_at is not None:
            if alert.resolved_by == "manual":
                continue  # a seller dismissed it: stays dismissed
            alert.resolved_at = None
            alert.resolved_by = None
            alert.opened_at = now
            out.reopened.append(cand.kind.value)
            log.info("alert.reopened", kind=cand.kind.value, order_pk=order_pk, shipment_id=shipment_id)
        alert.last_seen_at = now
        alert.reason = cand.reason
        alert.details = dict(cand.details)
        out.touched.append(alert)
    wanted_kinds = {c.kind.value for c in candidates}
    for alert in stored:
        if alert.dedupe_key in wanted or alert.resolved_at is not None or alert.order_pk != order_pk \
                or alert.shipment_id != shipment_id:
            continue
        alert.resolved_at = now
        # stalled → lost and the like: the problem grew, it did not go away
        alert.resolved_by = RESOLVED_ESCALATED if wanted_kinds & ESCALATES_TO.get(alert.kind, set()) else "auto"
        out.touched.append(alert)
        out.resolved.append(alert.kind)
        log.info("alert.resolved", kind=alert.kind, order_pk=order_pk, shipment_id=shipment_id,
                 resolved_by=alert.resolved_by)
    return out


def log_opened(row: dict[str, Any]) -> None:
    log.info("alert.opened", kind=row["kind"], order_pk=row["order_pk"], shipment_id=row["shipment_id"],
             reason=row["reason"])
