"""Search, the order page (parcels, one merged timeline, every buyer message, alert
history) and writing to the buyer now from a template, with a preview."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session, col, select

from trackmon.console.auth import check_csrf, require_user
from trackmon.console.queries import merged_timeline, search_orders
from trackmon.console.web import engine_of, first, form_of, now_of, page, settings_of
from trackmon.errors import TrackmonError
from trackmon.installation import installation_secret
from trackmon.messaging.buyer_page import page_path
from trackmon.messaging.channels.manual import channel_for, has_no_email, recipient_for
from trackmon.messaging.context import build_context
from trackmon.messaging.kinds import buyer_message_for_alert, priority_of
from trackmon.messaging.planner import _insert_stmt, customs_kind
from trackmon.messaging.render import load_renderer
from trackmon.models import Alert, Message, Order, Shipment
from trackmon.settings import Settings

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])


@router.get("/console/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> Response:
    with Session(engine_of(request)) as session:
        found = search_orders(session, q)
        if len(found) == 1 and q.strip():
            return RedirectResponse(f"/console/orders/{found[0].id}", status_code=303)
        numbers = {o.id: [s.tracking_number for s in session.exec(
            select(Shipment).where(Shipment.order_pk == o.id)).all()] for o in found}
    return page(request, "search.html", q=q, found=found, numbers=numbers)


def _load(session: Session, order_pk: int) -> tuple[Order, list[Shipment]]:
    order = session.get(Order, order_pk)
    if order is None:
        raise HTTPException(404, f"order {order_pk} does not exist")
    shipments = list(session.exec(select(Shipment).where(Shipment.order_pk == order_pk)
                                  .order_by(col(Shipment.id))).all())
    return order, shipments


def composable_kinds(settings: Settings) -> list[str]:
    return list(settings.messaging.enabled_kinds)


@router.get("/console/orders/{order_pk}", response_class=HTMLResponse)
def order_page(request: Request, order_pk: int, alert: int | None = None) -> Response:
    with Session(engine_of(request)) as session:
        order, shipments = _load(session, order_pk)
        timeline = merged_timeline(session, shipments)
        messages = list(session.exec(select(Message).where(Message.order_pk == order_pk)
                                     .order_by(col(Message.created_at).desc(), col(Message.id).desc())).all())
        alerts = list(session.exec(select(Alert).where(Alert.order_pk == order_pk)
                                   .order_by(col(Alert.opened_at).desc())).all())
    numbers = {s.id: s.tracking_number for s in shipments}
    secret = installation_secret(engine_of(request), now_of(request))
    suggested = next((a for a in alerts if a.id == alert), None) or next(
        (a for a in alerts if a.resolved_at is None and _message_kind(a)), None)  # else the open alert's
    return page(request, "order.html", order=order, shipments=shipments, timeline=timeline, messages=messages,
                alerts=alerts, numbers=numbers, buyer_page=page_path(secret, order_pk), now=now_of(request),
                kinds=composable_kinds(settings_of(request)), manual=has_no_email(order),
                suggested=_message_kind(suggested) if suggested else "",
                alert_id=suggested.id if suggested else "")


def _message_kind(alert: Alert) -> str:
    """The buyer template that fits an alert (customs holds split by stage, as the planner does)."""
    return (customs_kind(alert) if alert.kind == "customs_hold" else buyer_message_for_alert(alert.kind)) or ""


def _compose(session: Session, order: Order, shipments: list[Shipment], kind: str, alert_id: int | None,
             settings: Settings, now: datetime) -> tuple[dict[str, Any], Alert | None]:
    if kind not in composable_kinds(settings):
        raise HTTPException(422, f"message kind {kind!r} is not one of messaging.enabled_kinds")
    alert = session.get(Alert, alert_id) if alert_id else None
    if alert is not None and alert.order_pk != order.id:
        alert = None
    context = build_context(session, order, shipments, kind=kind, cause="console", settings=settings,
                            now=now, alert=alert)
    return context, alert


@router.get("/console/orders/{order_pk}/preview", response_class=HTMLResponse)
def preview(request: Request, order_pk: int, kind: str, alert: str = "") -> Response:
    settings = settings_of(request)
    with Session(engine_of(request)) as session:
        order, shipments = _load(session, order_pk)
        context, _ = _compose(session, order, shipments, kind, int(alert) if alert.isdigit() else None,
                              settings, now_of(request))
    renderer = load_renderer(settings)
    try:
        rendered = renderer.render(kind, order.buyer_language or settings.messaging.default_language, context)
    except TrackmonError as exc:
        return HTMLResponse(f'<p class="error" role="alert">{exc}</p>', status_code=422)
    return page(request, "_preview.html", rendered=rendered)


@router.post("/console/orders/{order_pk}/write")
async def write(request: Request, order_pk: int) -> Response:
    form = await form_of(request)
    check_csrf(request, form)
    settings, now = settings_of(request), now_of(request)
    kind = first(form, "kind")
    alert_text = first(form, "alert")
    renderer = load_renderer(settings)
    with Session(engine_of(request)) as session, session.begin():
        order, shipments = _load(session, order_pk)
        if not shipments:
            raise HTTPException(422, f"order {order.order_id} has no parcel to write about")
        context, alert = _compose(session, order, shipments, kind, int(alert_text) if alert_text.isdigit()
                                  else None, settings, now)
        language = renderer.resolve_language(order.buyer_language or settings.messaging.default_language)
        values = {
            "idempotency_key": f"{order_pk}:{kind}:console-{now.timestamp():.0f}", "order_pk": order_pk,
            "shipment_id": alert.shipment_id if alert else None, "alert_id": None, "kind": kind,
            "cause": f"console-{now.timestamp():.0f}", "priority": priority_of(kind),
            "channel": channel_for(order, settings), "recipient": recipient_for(order), "language": language,
            "context": context, "state": "queued", "next_attempt_at": now, "attempts": 0, "created_at": now,
            "last_error": None,
        }
        session.connection().execute(_insert_stmt(session.get_bind().dialect.name, values))
    request.app.state.log.info("console.message_written", order_pk=order_pk, kind=kind)
    return RedirectResponse(f"/console/orders/{order_pk}#messages", status_code=303)
