"""The HTTP API served by the daemon (FastAPI; OpenAPI at /docs).

`create_app(engine, settings, *, scheduler_state, carrier_set, clock)` builds the app;
routers: orders (write + read), shipments and alerts (read), push webhooks, health and
metrics, and the buyers' signed opt-out links (`/unsubscribe/{token}`, public).
See `trackmon.api.auth` for the bearer-token rules and `trackmon.api.limits` for
the bounds on request bodies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog
from fastapi import FastAPI
from sqlalchemy import Engine

from trackmon import __version__
from trackmon.clock import Clock, utcnow
from trackmon.settings import Settings


@dataclass
class SchedulerState:
    """What the daemon tells /readyz about its scheduler."""

    running: bool = False
    last_cycle_started_at: datetime | None = None
    last_cycle_finished_at: datetime | None = None
    last_cycle_error: str | None = None


def create_app(engine: Engine, settings: Settings, *, scheduler_state: SchedulerState | None = None,
               carrier_set: Any = None, clock: Clock = utcnow) -> FastAPI:
    from trackmon import console
    from trackmon.api import carrier, health, limits, orders, shipments, unsubscribe, webhooks
    from trackmon.api.auth import AnonymousGate

    app = FastAPI(title="trackmon", version=__version__, docs_url=None, redoc_url=None,  # console serves them
                  description="Orders in, parcels and alerts out, carrier pushes accepted.")
    app.state.engine = engine
    app.state.settings = settings
    app.state.scheduler_state = scheduler_state
    app.state.carrier_set = carrier_set
    app.state.clock = clock
    app.state.log = structlog.get_logger("trackmon.api")
    for module in (health, orders, shipments, webhooks, unsubscribe, carrier):
        app.include_router(module.router)
    console.mount(app)  # the seller console at /, the buyer page /t/{token}, /docs and /redoc offline
    limits.install(app, settings.api.max_body_bytes)
    app.add_middleware(AnonymousGate, settings=settings)  # outermost: runs before the body limit
    return app


__all__ = ["SchedulerState", "create_app"]
