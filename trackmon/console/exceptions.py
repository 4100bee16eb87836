"""The home page: open exceptions grouped by kind, and what the seller does about one
(resolve, snooze until a date, record reshipped/refunded)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import update
from sqlmodel import Session, col

from trackmon.console.auth import check_csrf, require_user
from trackmon.console.queries import AGES, Filters, filter_options, open_exceptions
from trackmon.console.web import back, engine_of, first, form_of, is_htmx, now_of, page
from trackmon.models import Alert

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])
SELLER_ACTIONS = ("reshipped", "refunded")


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


@router.get("/", response_class=HTMLResponse)
def exceptions_page(request: Request, store: str = "", carrier: str = "", country: str = "",
                    age: str = "") -> Response:
    filters = Filters(store=store, carrier=carrier, country=country.upper(), min_age=_int(age))
    with Session(engine_of(request)) as session:
        groups = open_exceptions(session, now_of(request), filters)
        options = filter_options(session)
    total = sum(len(rows) for rows in groups.values())
    return page(request, "exceptions.html", groups=groups, filters=filters, options=options, ages=AGES,
                total=total, today=now_of(request).date())


def _done(request: Request, message: str) -> Response:
    """htmx: the row is replaced by a one-line note; a plain form: back where it came from."""
    if is_htmx(request):
        return HTMLResponse(f'<li class="row done" role="status">{message}</li>')
    return back(request)


@router.post("/console/alerts/{alert_id}/resolve")
async def resolve(request: Request, alert_id: int) -> Response:
    check_csrf(request, await form_of(request))
    now = now_of(request)
    with Session(engine_of(request)) as session, session.begin():
        changed = session.execute(update(Alert).where(col(Alert.id) == alert_id, col(Alert.resolved_at).is_(None))
                                  .values(resolved_at=now, resolved_by="manual")).rowcount
    if not changed:
        raise HTTPException(404, f"alert {alert_id} does not exist or is already resolved")
    request.app.state.log.info("console.alert_resolved", alert=alert_id)
    return _done(request, f"Alert {alert_id} resolved.")


@router.post("/console/alerts/{alert_id}/snooze")
async def snooze(request: Request, alert_id: int) -> Response:
    form = await form_of(request)
    check_csrf(request, form)
    now = now_of(request)
    try:
        until_day = date.fromisoformat(first(form, "until"))
    except ValueError:
        raise HTTPException(422, "snooze needs a date (YYYY-MM-DD) in the field 'until'") from None
    until = datetime.combine(until_day, time(0), tzinfo=UTC)
    if until <= now:
        raise HTTPException(422, f"snooze until {until_day.isoformat()}: the date must be after today")
    with Session(engine_of(request)) as session, session.begin():
        changed = session.execute(update(Alert).where(col(Alert.id) == alert_id, col(Alert.resolved_at).is_(None))
                                  .values(snoozed_until=until)).rowcount
    if not changed:
        raise HTTPException(404, f"alert {alert_id} does not exist or is already resolved")
    return _done(request, f"Alert {alert_id} snoozed until {until_day.isoformat()}.")


@router.post("/console/alerts/{alert_id}/action")
async def record_action(request: Request, alert_id: int) -> Response:
    form = await form_of(request)
    check_csrf(request, form)
    action = first(form, "action")
    if action not in SELLER_ACTIONS:
        raise HTTPException(422, f"action must be one of {', '.join(SELLER_ACTIONS)}, got {action!r}")
    with Session(engine_of(request)) as session, session.begin():
        changed = session.execute(update(Alert).where(col(Alert.id) == alert_id)
                                  .values(seller_action=action, seller_action_at=now_of(request))).rowcount
    if not changed:
        raise HTTPException(404, f"alert {alert_id} does not exist")
    if is_htmx(request):
        return HTMLResponse(f'<span class="badge ok" role="status">{action}</span>')
    return back(request)
