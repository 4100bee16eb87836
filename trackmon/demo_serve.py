"""`trackmon demo --serve`: after the demo, the seller console and the buyers' tracking pages
on 127.0.0.1 over the demo's database, with a one-time console password.

Only the web server runs (no cycle: the simulated carrier is gone), on the demo's own
settings, so nothing reads the environment or a real database.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import signal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import uvicorn
from sqlmodel import Session, col, select

from trackmon.api import create_app
from trackmon.clock import utcnow
from trackmon.daemon import bind_api_socket
from trackmon.db import make_engine
from trackmon.demo import DemoPaths, demo_settings
from trackmon.installation import installation_secret
from trackmon.messaging.buyer_page import page_path
from trackmon.models import Order

HOST = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class ServeInfo:
    url: str
    password: str
    tracking_page: str | None  # one buyer's page, to look at first


def new_password() -> str:
    return secrets.token_urlsafe(12)


def public_url(port: int) -> str:
    return f"http://{HOST}:{port}"


async def serve_demo(paths: DemoPaths, port: int, password: str, announce: Callable[[ServeInfo], None], *,
                     stop: asyncio.Event | None = None, clock: Callable[[], datetime] = utcnow) -> None:
    """Serve until Ctrl-C (or `stop` is set); `announce` gets the URL and password once listening."""
    sock = bind_api_socket(HOST, port)
    port = sock.getsockname()[1]
    settings = demo_settings(paths, "http://127.0.0.1:9", public_url(port), password)
    engine = make_engine(settings.database_url)
    app = create_app(engine, settings, clock=clock)
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGINT, stop.set)
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if task.done():
            await task
            return
        with Session(engine) as session:
            first = session.exec(select(Order.id).order_by(col(Order.id))).first()
        secret = installation_secret(engine, clock())
        page = public_url(port) + page_path(secret, first) if first is not None else None
        announce(ServeInfo(public_url(port) + "/", password, page))
        waiter = asyncio.create_task(stop.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
    finally:
        server.should_exit = True
        with contextlib.suppress(Exception):
            await task
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)
            loop.remove_signal_handler(signal.SIGTERM)
        engine.dispose()
        sock.close()
