"""The daemon: APScheduler 3.x drives the cycle, uvicorn serves the API, in one event loop.

- One job, `cycle`: every `polling.tick_seconds` (± `jitter_fraction`), `max_instances=1`,
  `coalesce=True`, first run at start. All durable state lives in the database, so a
  restart simply picks up what is due.
- SIGTERM/SIGINT: stop taking new work (the scheduler is shut down), let the in-flight
  cycle finish for up to `shutdown_grace_seconds`, otherwise cancel it; then release every
  shipment lease this process still holds, stop the HTTP server and return (exit 0).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC
from typing import Any

import structlog
import uvicorn
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine

from trackmon import metrics
from trackmon.api import SchedulerState, create_app
from trackmon.api.auth import check_exposure
from trackmon.clock import Clock, make_owner, utcnow
from trackmon.errors import ConfigError
from trackmon.leases import release_owned
from trackmon.models import Shipment
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.daemon")

CycleFn = Callable[..., Awaitable[Any]]
DEFAULT_SHUTDOWN_GRACE_SECONDS = 20.0


def release_leases(engine: Engine, owner: str) -> int:
    """Free every shipment lease held by `owner` (their work is simply due again)."""
    return release_owned(engine, Shipment, owner)


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the daemon owns SIGTERM/SIGINT."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def bind_api_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"api: cannot listen on {host}:{port} ({exc.strerror}); set api.port "
                          "(TRACKMON_API_PORT) or api.enabled = false", key="api.port") from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


class Daemon:
    def __init__(self, engine: Engine, settings: Settings, carrier_set: Any, *, owner: str,
                 cycle: CycleFn | None = None, clock: Clock = utcnow, serve_api: bool | None = None,
                 shutdown_grace_seconds: float = DEFAULT_SHUTDOWN_GRACE_SECONDS) -> None:
        self.engine = engine
        self.settings = settings
        self.carrier_set = carrier_set
        self.owner = owner
        self.clock = clock
        self._cycle = cycle
        self.serve_api = settings.api.enabled if serve_api is None else serve_api
        self.grace = shutdown_grace_seconds
        self.state = SchedulerState()
        self.cycles_run = 0
        self._stop = asyncio.Event()
        self._inflight: asyncio.Task[Any] | None = None
        self._scheduler: AsyncIOScheduler | None = None
        self.log = log.bind(owner=owner)

    # ---------------------------------------------------------------- the cycle job

    async def _run_cycle(self, now: Any) -> Any:
        if self._cycle is not None:
            return await self._cycle(self.engine, self.carrier_set, self.settings, now, owner=self.owner)
        from trackmon.cycle import run_cycle
        return await run_cycle(self.engine, self.carrier_set, self.settings, now, owner=self.owner,
                               should_stop=self._stop.is_set)

    async def tick(self) -> None:
        """One scheduled cycle; failures are logged and counted, never fatal."""
        if self._stop.is_set():
            return
        self._inflight = asyncio.current_task()
        now = self.clock()
        self.state.last_cycle_started_at = now
        try:
            report = await self._run_cycle(now)
        except asyncio.CancelledError:
            self.log.warning("cycle.cancelled")
            raise
        except Exception as exc:
            self.state.last_cycle_error = f"{type(exc).__name__}: {exc}"
            metrics.cycles.labels(outcome="error").inc()
            self.log.error("cycle.failed", error=self.state.last_cycle_error, exc_info=True)
        else:
            self.state.last_cycle_error = None  # run_cycle counts its own ok/partial outcome
            self.log.debug("cycle.finished", report=_summary(report))
        finally:
            self.cycles_run += 1
            self.state.last_cycle_finished_at = self.clock()
            self._inflight = None

    # ---------------------------------------------------------------- lifecycle

    def request_stop(self, signame: str = "stop") -> None:
        if not self._stop.is_set():
            self.log.info("daemon.stopping", cause=signame)
            self._stop.set()

    def _start_scheduler(self) -> AsyncIOScheduler:
        tick = self.settings.polling.tick_seconds
        jitter = tick * self.settings.polling.jitter_fraction
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(self.tick, IntervalTrigger(seconds=tick, jitter=jitter or None, timezone=UTC),
                          id="cycle", name="poll, plan, dispatch, digests", max_instances=1,
                          coalesce=True, misfire_grace_time=max(1, int(tick)),
                          next_run_time=self.clock())
        scheduler.start()
        self.state.running = True
        return scheduler

    async def run(self, *, install_signal_handlers: bool = True) -> None:
        loop = asyncio.get_running_loop()
        if install_signal_handlers:
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, self.request_stop, sig.name)
        server: _Server | None = None
        server_task: asyncio.Task[None] | None = None
        if self.serve_api:
            api = self.settings.api
            check_exposure(self.settings)  # no public address without a token (exit 6)
            sock = bind_api_socket(api.host, api.port)
            app = create_app(self.engine, self.settings, scheduler_state=self.state,
                             carrier_set=self.carrier_set, clock=self.clock)
            server = _Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off",
                                            timeout_graceful_shutdown=5))
            server_task = asyncio.create_task(server.serve(sockets=[sock]), name="api")
            self.log.info("api.listening", host=api.host, port=api.port)
        self._scheduler = self._start_scheduler()
        self.log.info("daemon.started", tick_seconds=self.settings.polling.tick_seconds,
                      carriers=sorted(getattr(self.carrier_set, "adapters", {}) or {}))
        try:
            await self._stop.wait()
        finally:
            await self._shutdown(server, server_task)
            if install_signal_handlers:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    loop.remove_signal_handler(sig)

    async def _shutdown(self, server: _Server | None, server_task: asyncio.Task[None] | None) -> None:
        self.state.running = False
        if self._scheduler is not None:
            self._scheduler.pause()  # no new cycle starts from here on
        inflight = self._inflight
        if inflight is not None and not inflight.done():
            self.log.info("daemon.waiting_for_cycle", grace_seconds=self.grace)
            done, _ = await asyncio.wait({inflight}, timeout=self.grace)
            if not done:
                inflight.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await inflight
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        released = await asyncio.to_thread(release_leases, self.engine, self.owner)
        if released:
            self.log.info("lease.released", count=released)
        if server is not None and server_task is not None:
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(server_task, timeout=10)
        self.log.info("daemon.stopped", cycles=self.cycles_run, leases_released=released)


def _summary(report: Any) -> Any:
    """A loggable form of a cycle report (dataclass, object with as_dict, or anything)."""
    import dataclasses
    if report is None:
        return None
    if hasattr(report, "as_dict"):
        return report.as_dict()
    if dataclasses.is_dataclass(report) and not isinstance(report, type):
        return dataclasses.asdict(report)
    return str(report)


__all__ = ["Daemon", "bind_api_socket", "make_owner", "release_leases"]
