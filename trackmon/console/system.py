"""System: carriers configured, the last cycle, rate-limit waits, queue depths, version."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from carriers import registry
from trackmon import __version__, metrics
from trackmon.console.auth import require_user
from trackmon.console.web import engine_of, now_of, page, settings_of
from trackmon.models import Alert, Message, Shipment
from trackmon.settings import carrier_names

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])


def rate_limit_waits() -> dict[str, float]:
    """Seconds this process waited for each carrier's rate limit (since it started)."""
    out: dict[str, float] = {}
    for metric in metrics.rate_limit_wait.collect():
        for sample in metric.samples:
            if sample.name.endswith("_total"):
                out[sample.labels.get("carrier", "?")] = round(sample.value, 1)
    return out


@router.get("/console/system", response_class=HTMLResponse)
def system_page(request: Request) -> Response:
    settings, now = settings_of(request), now_of(request)
    carriers = []
    for name in carrier_names():
        c = settings.carrier(name)
        configured = not registry.manifests()[name].adapter_class().missing_credentials(c)
        carriers.append({"name": name, "configured": configured, "enabled": c.enabled,
                         "rate": c.rate_limit_per_second, "base_url": c.base_url or "production"})
    with Session(engine_of(request)) as session:
        outbox = dict(session.exec(select(Message.state, func.count()).group_by(Message.state)).all())
        manual = session.exec(select(func.count()).select_from(Message).where(
            Message.channel == "manual", Message.state == "queued")).one()
        active = session.exec(select(func.count()).select_from(Shipment).where(Shipment.active)).one()
        due = session.exec(select(func.count()).select_from(Shipment).where(
            Shipment.active, or_(col(Shipment.next_poll_at).is_(None), col(Shipment.next_poll_at) <= now))).one()
        alerts = session.exec(select(func.count()).select_from(Alert).where(col(Alert.resolved_at).is_(None))).one()
    return page(request, "system.html", carriers=carriers, state=request.app.state.scheduler_state,
                waits=rate_limit_waits(), outbox=outbox, manual=manual, active=active, due=due, alerts=alerts,
                version=__version__, dialect=engine_of(request).dialect.name, now=now,
                channel=settings.messaging.channel, public_base_url=settings.public_base_url)
