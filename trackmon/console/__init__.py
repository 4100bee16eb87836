"""The seller console at `/` and the buyer's tracking page at `/t/{token}` (server-rendered
HTML: Jinja2 + htmx, every asset packaged under `static/`, nothing from a CDN).

`mount(app)` adds the routers (one module per page), the static files and the locally
served API docs (`/docs`, `/redoc`). The console has its own sign-in (`auth.py`): the API
token or `api.console_password`, a signed session cookie and a CSRF token on every form.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"


def mount(app: FastAPI) -> None:
    from trackmon.console import (
        auth,
        buyer,
        docs,
        exceptions,
        lanes,
        manual,
        orders,
        outbox,
        system,
        templates_page,
    )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (auth, exceptions, orders, outbox, manual, lanes, templates_page, system, docs, buyer):
        app.include_router(module.router)
    auth.install(app)


__all__ = ["STATIC_DIR", "mount"]
