"""The buyer's tracking page `GET /t/{token}`: no sign-in, in the buyer's language.

The token names the order (`trackmon.messaging.buyer_page`); a forged or malformed one gets
the same 404 as an order that no longer exists. The page shows the order's parcels, a
timeline written by trackmon in the buyer's language (`buyer_text.event_line`), the current
estimate (the same figures as the buyer emails: `messaging.context.build_context`), pickup
instructions while a parcel waits, and the store's name and support address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, select

from trackmon.console import buyer_text
from trackmon.console.listing_text import country_name
from trackmon.console.web import SECURITY_HEADERS, engine_of, env, now_of, settings_of
from trackmon.installation import installation_secret
from trackmon.messaging.buyer_page import order_pk_of
from trackmon.messaging.context import build_context
from trackmon.models import Alert, Order, Shipment, ShipmentEvent

router = APIRouter(include_in_schema=False)
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")
_HEADERS = {**SECURITY_HEADERS, "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


@dataclass(frozen=True, slots=True)
class ParcelView:
    shipment: Shipment
    status_line: str
    lines: list[tuple[str, str, str]]  # (date, sentence, location)
    pickup: str


def _not_found() -> Response:
    html = env.get_template("buyer_missing.html").render()
    return HTMLResponse(html, status_code=404, headers=_HEADERS)


def _parcel(session: Session, s: Shipment, lang: str, context: dict[str, Any]) -> ParcelView:
    events = session.exec(select(ShipmentEvent).where(ShipmentEvent.shipment_id == s.id)
                          .order_by(col(ShipmentEvent.time).desc(), col(ShipmentEvent.id).desc())).all()
    lines: list[tuple[str, str, str]] = []
    for e in events:
        line = (buyer_text.day(e.time, lang), buyer_text.event_line(e.status, e.sub_status, lang),
                _place(e, lang))
        if not lines or lines[-1] != line:  # two scans saying the same thing the same day: one line
            lines.append(line)
    pickup = ""
    if s.status == "available_for_pickup":
        location = s.last_event_location or buyer_text.word("pickup_place", lang)
        if context.get("tracking_number") == s.tracking_number and context.get("pickup_location"):
            location = context["pickup_location"]
        pickup = buyer_text.word("pickup", lang, location=location, number=s.tracking_number)
        if context.get("tracking_number") == s.tracking_number and context.get("pickup_return_date"):
            pickup += " " + buyer_text.word("pickup_until", lang,
                                            date=buyer_text.day(context["pickup_return_date"], lang))
    return ParcelView(s, buyer_text.event_line(s.status, s.sub_status, lang), lines, pickup)


def _place(event: ShipmentEvent, lang: str) -> str:
    """Where an event happened, readable by the buyer: a place written in Chinese characters
    becomes its country's name in the buyer's language (or nothing)."""
    location = (event.location or "").strip()
    if location and _CJK.search(location):
        return country_name(event.country, lang) if event.country else ""
    return location


def _estimate(shipments: list[Shipment], context: dict[str, Any], lang: str, today: date) -> str:
    if shipments and all(s.status == "delivered" for s in shipments):
        last = max((s.delivered_at or s.status_changed_at for s in shipments if s.delivered_at or s.status_changed_at),
                   default=None)
        return buyer_text.word("delivered_on", lang, date=buyer_text.day(last, lang)) if last else ""
    if any(s.status in ("returning", "returned", "expired") for s in shipments):
        return ""  # no promise the parcel will keep
    window = ""
    if context.get("expected_to") and date.fromisoformat(str(context["expected_to"])[:10]) >= today:
        start = context.get("expected_from") or today.isoformat()  # "" : the window has begun
        window = buyer_text.word("estimate", lang, start=buyer_text.day(start, lang),
                                 end=buyer_text.day(context["expected_to"], lang))
    if context.get("overdue"):  # past the date the buyer was given: say so, then the new estimate
        return " ".join(filter(None, (buyer_text.word("late", lang), window)))
    if window:
        return window
    return ""


@router.get("/t/{token}", response_class=HTMLResponse)
def tracking_page(request: Request, token: str) -> Response:
    engine, settings, now = engine_of(request), settings_of(request), now_of(request)
    order_pk = order_pk_of(installation_secret(engine, now), token)
    if order_pk is None:
        return _not_found()
    with Session(engine) as session:
        order = session.get(Order, order_pk)
        if order is None:
            return _not_found()
        shipments = list(session.exec(select(Shipment).where(Shipment.order_pk == order_pk)
                                      .order_by(col(Shipment.id))).all())
        waiting = any(s.status == "available_for_pickup" for s in shipments)
        hold_alert = session.exec(select(Alert).where(  # when the post office's hold began
            Alert.order_pk == order_pk, Alert.kind == "pickup_waiting", col(Alert.resolved_at).is_(None))
            .order_by(col(Alert.id).desc())).first() if waiting else None
        context = build_context(session, order, shipments, kind="pickup_waiting" if waiting else "weekly_checkin",
                                cause="page", settings=settings, now=now, alert=hold_alert) if shipments else {}
        lang = buyer_text.language_of(order.buyer_language or settings.messaging.default_language)
        parcels = [_parcel(session, s, lang, context) for s in shipments]
    store = settings.store(order.store)
    store_name = context.get("store_name") or store.display_name or order.store
    support = store.support_email or settings.smtp.mail_from or ""
    html = env.get_template("buyer.html").render(
        lang=lang, w=buyer_text.word, order=order, parcels=parcels,
        estimate=_estimate(shipments, context, lang, now.date()),
        store_name=store_name, support=support, updated=buyer_text.day(now, lang),
        no_events=buyer_text.word("no_events", lang))
    return HTMLResponse(html, headers=_HEADERS)
