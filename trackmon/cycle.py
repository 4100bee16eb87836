"""One full cycle of the daemon: poll due → lanes → periodic messages → dispatch → digests.

`trackmon run --once` is one call of `run_cycle`. Every step is isolated: a failing step
is logged and reported in `CycleReport.errors`, and the others still run. The messaging
and digest steps are injectable (tests pass recording fakes); by default they are the
real planner (a page of orders at once, `batch.plan.plan_orders`), `dispatch_due` and
`run_due_digests`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import Engine, exists, or_, select
from sqlmodel import Session

from trackmon import metrics
from trackmon.batch.plan import plan_orders
from trackmon.domain import ensure_utc
from trackmon.ingest import Detector, Planner
from trackmon.lanes import refresh_if_due
from trackmon.models import Order, Shipment
from trackmon.poller import CarrierRouter, PollReport, poll_due
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.cycle")

Dispatcher = Callable[..., Awaitable[Any]]
DigestRunner = Callable[..., Awaitable[int]]
ORDER_PAGE = 200


@dataclass(slots=True)
class CycleReport:
    poll: PollReport | None = None
    lanes_refreshed: bool = False
    orders_planned: int = 0
    messages_planned: int = 0
    dispatched: Any = None
    digests: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    stopped: bool = False  # the process was asked to stop; later steps were skipped

    @property
    def ok(self) -> bool:
        return not self.errors


def default_dispatcher() -> Dispatcher:
    from trackmon.messaging.dispatch import dispatch_due
    return dispatch_due


def default_digest_runner() -> DigestRunner:
    from trackmon.digest.runner import run_due_digests
    return run_due_digests


StepProgress = Callable[[str, int], None]  # (step, count so far): poll, plan, dispatch, digests


def plan_active_orders(engine: Engine, settings: Settings, now: datetime, planner: Planner | None,
                       progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Call the planner for every order with an active shipment whose review time has come.

    Weekly check-ins and pickup reminders need this even when no new event arrived; the
    planner records in `orders.plan_after` when it must look again, so a cycle touches only
    the orders that may need a message now. A page per transaction. Returns (orders, messages).
    """
    orders = messages = 0
    last = 0
    has_active = exists().where(Shipment.order_pk == Order.id, Shipment.active.is_(True))  # type: ignore[attr-defined]
    while True:
        with Session(engine) as session:
            page = list(session.execute(
                select(Order.id).where(Order.id > last, has_active,  # type: ignore[operator]
                                       or_(Order.plan_after.is_(None), Order.plan_after <= now))  # type: ignore[union-attr]
                .order_by(Order.id).limit(ORDER_PAGE)).scalars())
            if not page:
                return orders, messages
            if planner is None:  # the whole page at once (the templates load only when an order needs a look)
                messages += plan_orders(session, page, now, settings)
            else:
                for order_pk in page:
                    messages += planner(session, order_pk, now, settings)
            session.commit()
        orders += len(page)
        last = page[-1]
        if progress is not None:
            progress(orders)


async def run_cycle(engine: Engine, carrier_set: CarrierRouter, settings: Settings, now: datetime, *,
                    owner: str, max_poll_rounds: int = 50, rng: random.Random | None = None,
                    detector: Detector | None = None, planner: Planner | None = None,
                    dispatcher: Dispatcher | None = None, digest_runner: DigestRunner | None = None,
                    refresh_lanes: bool = True, should_stop: Callable[[], bool] | None = None,
                    progress: StepProgress | None = None) -> CycleReport:
    """Run every step once at `now`; never raises for one step's failure (see `errors`).

    `progress(step, n)` is told how far each step got (`trackmon run --once` draws bars).

    `should_stop()` (the daemon's SIGTERM flag) is asked between steps and inside the poll
    and dispatch loops: a stopping process finishes what it started and begins nothing new.
    """
    now = ensure_utc(now)
    report = CycleReport()
    clog = log.bind(owner=owner)
    stopping = should_stop or (lambda: False)
    started = time.monotonic()

    def later() -> datetime:
        """`now` moved on by the real time this cycle has taken (claims and leases run from
        when they are taken: a long poll must not hand the dispatcher expired claims)."""
        return now + timedelta(seconds=time.monotonic() - started)

    try:
        report.poll = await poll_due(engine, carrier_set, settings, now, owner=owner, max_rounds=max_poll_rounds,
                                     rng=rng, detector=detector, planner=planner, should_stop=stopping,
                                     progress=_step(progress, "poll"))
    except Exception as exc:
        _failed(report, "poll", exc, clog)

    if refresh_lanes and not stopping():
        try:
            report.lanes_refreshed = refresh_if_due(engine, now, owner=owner)
        except Exception as exc:
            _failed(report, "lanes", exc, clog)

    if stopping():
        report.stopped = True
        return _done(report, clog)

    try:
        report.orders_planned, report.messages_planned = plan_active_orders(
            engine, settings, now, planner, progress=_step(progress, "plan"))
    except Exception as exc:
        _failed(report, "plan", exc, clog)

    try:
        if dispatcher is None:
            report.dispatched = await default_dispatcher()(engine, settings, later(), owner=owner,
                                                           should_stop=stopping)
        else:
            report.dispatched = await dispatcher(engine, settings, later(), owner=owner)
    except Exception as exc:
        _failed(report, "dispatch", exc, clog)
    if progress is not None and report.dispatched is not None:
        progress("dispatch", int(getattr(report.dispatched, "claimed", 0)))

    if stopping():
        report.stopped = True
        return _done(report, clog)

    try:
        report.digests = await (digest_runner or default_digest_runner())(engine, settings, later(), owner=owner)
    except Exception as exc:
        _failed(report, "digests", exc, clog)
    if progress is not None:
        progress("digests", report.digests)

    return _done(report, clog)


def _step(progress: StepProgress | None, step: str) -> Callable[[int], None] | None:
    return None if progress is None else (lambda n: progress(step, n))


def _done(report: CycleReport, clog: Any) -> CycleReport:
    metrics.cycles.labels(outcome="ok" if report.ok else "partial").inc()
    clog.info("cycle.done", polled=report.poll.polled if report.poll else None,
              planned=report.messages_planned, digests=report.digests, errors=sorted(report.errors),
              stopped=report.stopped)
    return report


def _failed(report: CycleReport, step: str, exc: Exception, clog: Any) -> None:
    report.errors[step] = f"{type(exc).__name__}: {exc}"
    clog.exception("cycle.step_failed", step=step)
