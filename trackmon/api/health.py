"""`/healthz` (process alive), `/readyz` (database reachable, scheduler running), `/metrics`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Engine, func, text
from sqlmodel import Session, select

from trackmon import metrics
from trackmon.domain import AlertKind
from trackmon.messaging.states import ALL_STATES
from trackmon.models import Alert, Message

router = APIRouter(tags=["health"])



@router.get("/healthz", summary="The process is alive")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Database reachable and scheduler running")
def readyz(request: Request) -> JSONResponse:
    checks: dict[str, Any] = {}
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any driver failure means "not ready", with the reason
        checks["database"] = f"unreachable: {type(exc).__name__}"
    sched = request.app.state.scheduler_state
    if sched is None:
        checks["scheduler"] = "not part of this process"
    else:
        checks["scheduler"] = "running" if sched.running else "stopped"
    ready = checks["database"] == "ok" and (sched is None or sched.running)
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                        status_code=200 if ready else 503)


def refresh_gauges(engine: Engine) -> None:
    """Set the open-alerts and outbox gauges from the database (called on each scrape)."""
    with Session(engine) as session:
        alerts = dict(session.exec(select(Alert.kind, func.count()).where(
            Alert.resolved_at.is_(None)).group_by(Alert.kind)).all())  # type: ignore[union-attr]
        outbox = dict(session.exec(select(Message.state, func.count()).group_by(Message.state)).all())
    for kind in {*AlertKind, *alerts}:
        metrics.open_alerts.labels(kind=str(kind)).set(alerts.get(str(kind), 0))
    for state in {*ALL_STATES, *outbox}:
        metrics.outbox.labels(state=str(state)).set(outbox.get(state, 0))


@router.get("/metrics", summary="Prometheus metrics")
def metrics_endpoint(request: Request) -> Response:
    try:
        refresh_gauges(request.app.state.engine)
    except Exception as exc:  # the other metrics are still worth serving
        request.app.state.log.warning("metrics.refresh_failed", error=f"{type(exc).__name__}: {exc}")
    return Response(generate_latest(metrics.REGISTRY), media_type=CONTENT_TYPE_LATEST)
