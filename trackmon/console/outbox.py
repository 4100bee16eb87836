"""The outbox: messages queued, waiting for the buyer's window, failed with their reason;
failed ones can be queued again (`trackmon.messaging.outbox.retry_messages`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func
from sqlmodel import Session, col, select

from trackmon.console.auth import check_csrf, require_user
from trackmon.console.web import back, engine_of, form_of, now_of, page
from trackmon.errors import InputError
from trackmon.messaging.outbox import LISTABLE_STATES, retry_messages
from trackmon.models import Message, Order

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])
VIEWS = ("waiting", "failed", "sent", "other")
_VIEW_STATES = {"waiting": ("queued", "sending"), "failed": ("failed",), "sent": ("sent",),
                "other": ("superseded", "disabled", "skipped")}


@router.get("/console/outbox", response_class=HTMLResponse)
def outbox_page(request: Request, view: str = "waiting") -> Response:
    if view not in VIEWS:
        raise HTTPException(422, f"view must be one of {', '.join(VIEWS)}")
    with Session(engine_of(request)) as session:
        counts = dict(session.exec(select(Message.state, func.count()).group_by(Message.state)).all())
        q = (select(Message, Order).join(Order, col(Order.id) == col(Message.order_pk))
             .where(col(Message.state).in_(_VIEW_STATES[view])))
        if view == "waiting":
            q = q.where(col(Message.channel) != "manual")
        order_by = col(Message.next_attempt_at) if view == "waiting" else col(Message.id).desc()
        rows = session.exec(q.order_by(order_by).limit(200)).all()
    views = {v: sum(int(counts.get(s, 0)) for s in _VIEW_STATES[v]) for v in VIEWS}
    return page(request, "outbox.html", rows=rows, view=view, views=views, now=now_of(request),
                states=LISTABLE_STATES, counts=counts)


@router.post("/console/outbox/{message_id}/retry")
async def retry(request: Request, message_id: int) -> Response:
    check_csrf(request, await form_of(request))
    try:
        retry_messages(engine_of(request), now_of(request), ids=[message_id])
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    return back(request, "/console/outbox?view=waiting")
