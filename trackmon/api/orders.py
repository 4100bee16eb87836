"""`POST /orders` (idempotent upsert, same validation as the CSV import) and `GET /orders/...`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from trackmon.alert_listing import AlertFilter, alert_page
from trackmon.api.auth import require_read, require_write
from trackmon.api.views import order_view, shipment_view
from trackmon.errors import InputError
from trackmon.intake import DEFAULT_STORE, IntakeRow, Outcome, apply_row, validate_row
from trackmon.models import Order, Shipment
from trackmon.optout import opted_out_at
from trackmon.settings import Settings

router = APIRouter(tags=["orders"])


class TrackingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str = Field(max_length=64, description="tracking number (spaces and dashes are ignored)")
    carrier: str | None = Field(None, max_length=40, description="carrier name; detected from the number when absent")


class OrderIn(BaseModel):
    """An order with its parcels. Optional fields left out keep their stored values."""

    model_config = ConfigDict(extra="forbid")
    order_id: str
    buyer_email: str | None = Field(None, description="optional: AliExpress and Amazon do not give it; "
                                    "messages of orders without one go to the manual channel")
    store: str = DEFAULT_STORE
    buyer_name: str | None = None
    buyer_language: str | None = Field(None, max_length=35, description="2-letter language code")
    buyer_country: str | None = Field(None, max_length=64, description="ISO 3166 alpha-2")
    buyer_timezone: str | None = Field(None, max_length=64, description="IANA zone, e.g. Europe/Berlin")
    shipped_at: str | None = Field(None, max_length=64, description="ISO 8601; without a zone it is UTC")
    promised_delivery: str | None = Field(None, max_length=64, description="YYYY-MM-DD")
    tracking_numbers: list[TrackingIn | Annotated[str, Field(max_length=64)]] = Field(min_length=1, max_length=50)


def _rows(body: OrderIn) -> list[IntakeRow]:
    base = body.model_dump(exclude={"tracking_numbers"})
    rows: list[IntakeRow] = []
    errors: list[dict[str, Any]] = []
    for i, item in enumerate(body.tracking_numbers):
        tracking = TrackingIn(number=item) if isinstance(item, str) else item
        try:
            rows.append(validate_row({**base, "tracking_number": tracking.number,
                                      "carrier": tracking.carrier}))
        except InputError as exc:
            loc = ["body", "tracking_numbers", i] if exc.field in ("tracking_number", "carrier") else [
                "body", exc.field or ""]
            errors.append({"loc": loc, "msg": str(exc), "type": "value_error"})
    if errors:
        unique = list({e["msg"]: e for e in errors}.values())
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, unique)
    return rows


def order_detail(session: Session, order: Order, *, now: datetime, settings: Settings) -> dict[str, Any]:
    shipments = session.exec(select(Shipment).where(Shipment.order_pk == order.id)
                             .order_by(Shipment.id)).all()
    alerts = alert_page(session, AlertFilter(order_pk=order.id), now=now, settings=settings)
    opted_out = opted_out_at(session, order.store, order.buyer_email)
    return {**order_view(order), "buyer_opted_out_at": opted_out.isoformat() if opted_out else None,
            "shipments": [shipment_view(s) for s in shipments],
            "open_alerts": alerts}


@router.post("/orders", dependencies=[Depends(require_write)],
             summary="Create or update an order with its tracking numbers (idempotent)")
def upsert_order(body: OrderIn, request: Request, response: Response) -> dict[str, Any]:
    rows = _rows(body)
    engine = request.app.state.engine
    now = request.app.state.clock()
    for attempt in range(2):  # a concurrent insert of the same order: the retry finds it
        try:
            with Session(engine) as session, session.begin():
                outcomes = [apply_row(session, row, now)[0] for row in rows]
                order = session.exec(select(Order).where(Order.store == rows[0].store,
                                                         Order.order_id == rows[0].order_id)).one()
                detail = order_detail(session, order, now=now, settings=request.app.state.settings)
            break
        except IntegrityError:
            if attempt:
                raise
    outcome = (Outcome.added if Outcome.added in outcomes else
               Outcome.updated if Outcome.updated in outcomes else Outcome.unchanged)
    response.status_code = status.HTTP_201_CREATED if outcome is Outcome.added else status.HTTP_200_OK
    return {"outcome": outcome.value, "order": detail}


@router.get("/orders/{store}/{order_id:path}", dependencies=[Depends(require_read)],
            summary="An order with its parcels and open alerts")
def get_order(store: str, order_id: str, request: Request) -> dict[str, Any]:
    with Session(request.app.state.engine) as session:
        order = session.exec(select(Order).where(Order.store == store, Order.order_id == order_id)).first()
        if order is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no order {order_id!r} in store {store!r}")
        return order_detail(session, order, now=request.app.state.clock(), settings=request.app.state.settings)
