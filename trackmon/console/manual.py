"""The manual channel in the console: buyer messages of orders without an email, ready to
copy into the marketplace's message center, grouped per order and day; the seller marks
each sent or skipped (`trackmon.messaging.channels.manual.mark_manual`: effectively once)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import update
from sqlmodel import Session, col, select

from trackmon.console.auth import check_csrf, require_user
from trackmon.console.web import back, engine_of, form_of, now_of, page, settings_of
from trackmon.errors import InputError, TrackmonError
from trackmon.messaging.channels.manual import MANUAL, mark_manual
from trackmon.messaging.render import Rendered, load_renderer
from trackmon.messaging.window import buyer_zone, local_day
from trackmon.models import Alert, Message, Order
from trackmon.settings import Settings

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])


@dataclass
class ManualItem:
    message: Message
    rendered: Rendered | None
    error: str = ""


@dataclass
class ManualGroup:
    order: Order
    day: date
    items: list[ManualItem] = field(default_factory=list)


def supersede_resolved(session: Session, now: datetime) -> int:
    """Manual messages about an alert resolved meanwhile are no longer true: never offered."""
    resolved = select(Alert.id).where(col(Alert.resolved_at).is_not(None))
    return int(session.execute(update(Message).where(
        col(Message.channel) == MANUAL, col(Message.state) == "queued", col(Message.alert_id).in_(resolved))
        .values(state="superseded", last_error="alert resolved before it was sent by hand")).rowcount or 0)


def pending_manual(session: Session, settings: Settings, now: datetime) -> list[ManualGroup]:
    """Queued manual messages, rendered in the buyer's language, per order and buyer-local day."""
    renderer = load_renderer(settings)
    enabled = set(settings.messaging.enabled_kinds)
    rows = session.exec(select(Message, Order).join(Order, col(Order.id) == col(Message.order_pk)).where(
        col(Message.channel) == MANUAL, col(Message.state) == "queued")
        .order_by(col(Order.id), col(Message.next_attempt_at), col(Message.id))).all()
    groups: dict[tuple[int, date], ManualGroup] = {}
    for m, order in rows:
        if m.kind not in enabled:
            continue
        day = local_day(m.next_attempt_at, buyer_zone(order.buyer_timezone, order.buyer_country))
        group = groups.setdefault((order.id or 0, day), ManualGroup(order, day))
        try:
            group.items.append(ManualItem(m, renderer.render(m.kind, m.language, dict(m.context or {}))))
        except TrackmonError as exc:
            group.items.append(ManualItem(m, None, str(exc)))
    return sorted(groups.values(), key=lambda g: (g.day, g.order.id or 0))


@router.get("/console/manual", response_class=HTMLResponse)
def manual_page(request: Request) -> Response:
    now = now_of(request)
    with Session(engine_of(request)) as session:
        supersede_resolved(session, now)
        session.commit()
        groups = pending_manual(session, settings_of(request), now)
    by_day: dict[date, list[ManualGroup]] = defaultdict(list)
    for g in groups:
        by_day[g.day].append(g)
    return page(request, "manual.html", by_day=dict(by_day), total=sum(len(g.items) for g in groups))


@router.post("/console/manual/mark")
async def mark(request: Request) -> Response:
    form = await form_of(request)
    check_csrf(request, form)
    ids = [int(v) for v in form.get("id", []) if v.strip().isdigit()]
    if not ids:
        raise HTTPException(422, "no message chosen (field 'id')")
    state = (form.get("mark") or [""])[0]
    try:
        changed = mark_manual(engine_of(request), ids, state, now_of(request))
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    request.app.state.log.info("console.manual_marked", mark=state, ids=changed,
                               ignored=sorted(set(ids) - set(changed)))
    return back(request, "/console/manual")
