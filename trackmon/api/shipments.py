"""Reads: `GET /shipments` (paged), `GET /shipments/{tracking_number}` with its timeline,
`GET /alerts`."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from sqlmodel import Session, select

from carriers.numbers import normalize_number
from trackmon.alert_listing import AlertFilter, alert_page
from trackmon.api.auth import require_read
from trackmon.api.views import event_view, shipment_view
from trackmon.domain import AlertKind, Status
from trackmon.models import Order, Shipment, ShipmentEvent

router = APIRouter(tags=["shipments"], dependencies=[Depends(require_read)])

Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Cursor = Annotated[str | None, Query(max_length=40, description="next_cursor of the previous page")]


MAX_CURSOR = 2**63 - 1  # the largest row id either backend stores
_CURSOR = re.compile(r"[0-9]{1,19}")


def _cursor(value: str | None) -> int:
    """A cursor this API returned: ASCII digits within a row id's range (`²` and
    `99999999999999999999` are refused with 422, never passed to the database)."""
    if value is None or value == "":
        return 0
    if not _CURSOR.fullmatch(value) or int(value) > MAX_CURSOR:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"cursor {value[:40]!r} is not one this API returned")
    return int(value)


@router.get("/shipments", summary="Parcels, filtered by status and carrier, oldest first")
def list_shipments(request: Request, status_: Annotated[Status | None, Query(alias="status")] = None,
                   carrier: str | None = None, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    query = select(Shipment, Order).join(Order, Order.id == Shipment.order_pk).where(
        Shipment.id > _cursor(cursor))  # type: ignore[operator]
    if status_ is not None:
        query = query.where(Shipment.status == status_.value)
    if carrier:
        query = query.where(Shipment.carrier == carrier.lower())
    with Session(request.app.state.engine) as session:
        rows = session.exec(query.order_by(Shipment.id).limit(limit + 1)).all()
    page = rows[:limit]
    more = len(rows) > limit
    return {"items": [shipment_view(s, o) for s, o in page],
            "next_cursor": str(page[-1][0].id) if more and page else None}


@router.get("/shipments/{tracking_number}", summary="A parcel with its timeline (oldest event first)")
def get_shipment(tracking_number: str, request: Request) -> dict[str, Any]:
    number = normalize_number(tracking_number)
    with Session(request.app.state.engine) as session:
        rows = session.exec(select(Shipment, Order).join(Order, Order.id == Shipment.order_pk)
                            .where(Shipment.tracking_number == number).order_by(Shipment.id)).all()
        if not rows:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no parcel with tracking number {number!r}")
        parcels = []
        for shipment, order in rows:
            events = session.exec(select(ShipmentEvent).where(ShipmentEvent.shipment_id == shipment.id)
                                  .order_by(ShipmentEvent.time, ShipmentEvent.id)).all()
            parcels.append({**shipment_view(shipment, order), "timeline": [event_view(e) for e in events]})
    # one number normally belongs to one order; a re-used number lists every parcel
    return {"tracking_number": number, "parcels": parcels}


@router.get("/alerts", summary="Alerts, newest first; open ones by default")
def list_alerts(request: Request, kind: AlertKind | None = None, open_: Annotated[
        bool, Query(alias="open", description="true: unresolved only; false: resolved only")] = True,
        store: str | None = None, carrier: Annotated[str | None, Query(
            description="only parcels of this carrier (or last-mile carrier)")] = None,
        limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    flt = AlertFilter(which="open" if open_ else "resolved", kind=kind.value if kind else None, store=store,
                      carrier=carrier)
    with Session(request.app.state.engine) as session:
        items = alert_page(session, flt, now=request.app.state.clock(), settings=request.app.state.settings,
                           before_id=_cursor(cursor) if cursor else None, limit=limit + 1)
    page = items[:limit]
    return {"items": page, "next_cursor": str(page[-1]["id"]) if len(items) > limit and page else None}
