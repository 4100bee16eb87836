"""Send the digests that are due, exactly once per store, period and period key.

For each store (`settings.stores` keys plus the distinct `orders.store` values) and each
period (daily, weekly): the latest cron fire <= now in the store's time zone names the period
(`schedule.py`). The `digest_runs` row (unique store+period+period_key) is claimed with an
insert-or-nothing, so exactly one replica wins; a claim whose lease expired without the
digest being sent (a crash, or a transient failure waiting for its retry) can be re-claimed.
Destinations that already got the digest are remembered on the row and skipped on a retry.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from trackmon import metrics
from trackmon.digest.build import Digest, build_digest
from trackmon.digest.channels import RenderedDigest, deliver, destinations
from trackmon.digest.render import render_html, render_text, subject
from trackmon.digest.schedule import PERIODS, DuePeriod, Period, default_window_start, due_period, store_zone
from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError, TrackmonError
from trackmon.leases import expired, held_by, taken
from trackmon.messaging.states import DIGEST_DONE_STATES, DigestRunState
from trackmon.models import DigestRun, Order
from trackmon.settings import Settings
from trackmon.store import insert_ignore

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAY = timedelta(minutes=15)   # times the attempt number
DONE_STATES = DIGEST_DONE_STATES


@dataclass(frozen=True, slots=True)
class ClaimedRun:
    id: int
    window_start: datetime
    window_end: datetime
    delivered: frozenset[str]
    attempts: int


def list_stores(engine: Engine, settings: Settings) -> list[str]:
    with Session(engine) as s:
        seen = set(s.exec(select(Order.store).distinct()).all())
    return sorted(seen | set(settings.stores))


def claim_run(engine: Engine, store: str, due: DuePeriod, now: datetime, owner: str,
              lease: timedelta) -> ClaimedRun | None:
    """Claim the run of (store, period, key): a fresh insert, or an expired unsent claim."""
    key = (DigestRun.store == store, DigestRun.period == due.period, DigestRun.period_key == due.period_key)
    with Session(engine) as s:
        last = s.exec(select(DigestRun.window_end).where(
            DigestRun.store == store, DigestRun.period == due.period, col(DigestRun.state).in_(DONE_STATES),
            col(DigestRun.window_end) < due.fire_time).order_by(col(DigestRun.window_end).desc()).limit(1)).first()
        start = last or due.previous_fire_time or default_window_start(due.period, due.fire_time)
        stmt = insert_ignore(engine.dialect.name, DigestRun, ("store", "period", "period_key"),
                             returning=("id",)).values(
            store=store, period=due.period, period_key=due.period_key, window_start=start,
            window_end=due.fire_time, state=DigestRunState.claimed, **taken(owner, now + lease),
            summary={}, created_at=now)
        new_id = s.execute(stmt).scalar_one_or_none()
        if new_id is None:
            took = s.execute(update(DigestRun).where(
                *key, DigestRun.state == DigestRunState.claimed, expired(DigestRun, now),
            ).values(**taken(owner, now + lease)))
            if took.rowcount != 1:
                s.rollback()
                return None
        s.commit()
        run = s.exec(select(DigestRun).where(*key)).one()
        return ClaimedRun(id=run.id or 0, window_start=run.window_start, window_end=run.window_end,
                          delivered=frozenset(run.summary.get("delivered", [])),
                          attempts=int(run.summary.get("attempts", 0)))


def finish_run(engine: Engine, run_id: int, owner: str, *, state: str, summary: dict[str, Any],
               error: str | None, now: datetime, retry_at: datetime | None = None) -> bool:
    """Record the outcome, fenced by the owner: False when another replica took the claim over."""
    values: dict[str, Any] = {"state": state, "summary": summary, "error": error,
                              "lease_expires_at": retry_at}
    if state == "sent":
        values["sent_at"] = now
    with Session(engine) as s:
        done = s.execute(update(DigestRun).where(DigestRun.id == run_id, held_by(DigestRun, owner))
                         .values(**values))
        s.commit()
        return done.rowcount == 1


async def run_due_digests(engine: Engine, settings: Settings, now: datetime, *, owner: str) -> int:
    """Send every digest due at `now`; returns how many were sent (all-quiet notes included)."""
    now = ensure_utc(now)
    sent = 0
    for store in await asyncio.to_thread(list_stores, engine, settings):
        for period in PERIODS:
            try:
                sent += await run_one(engine, settings, now, store, period, owner=owner)
            except ConfigError as exc:
                log.error("digest.config_invalid", store=store, period=period, error=str(exc), key=exc.key)
    return sent


async def run_one(engine: Engine, settings: Settings, now: datetime, store: str, period: Period, *,
                  owner: str) -> int:
    store_settings = settings.store(store)
    bound = log.bind(store=store, period=period, owner=owner)
    if not destinations(store_settings, settings):
        bound.debug("digest.no_destination")
        return 0
    tz = store_zone(store_settings.timezone, store=store)
    cron = settings.digest.daily_cron if period == "daily" else settings.digest.weekly_cron
    due = due_period(period, cron, tz, now)
    if due is None:
        return 0
    bound = bound.bind(period_key=due.period_key)
    lease = timedelta(seconds=settings.polling.lease_seconds)
    run = await asyncio.to_thread(claim_run, engine, store, due, now, owner, lease)
    if run is None:
        return 0
    bound.info("digest.claimed", attempt=run.attempts + 1)
    try:
        digest = await asyncio.to_thread(_build, engine, store, due, run, now, settings)
        summary: dict[str, Any] = {**digest.summary(), "attempts": run.attempts + 1}
        if digest.is_quiet and not settings.digest.all_quiet:
            await asyncio.to_thread(finish_run, engine, run.id, owner, state="empty",
                                    summary=summary, error=None, now=now)
            bound.info("digest.empty")
            metrics.digest_runs.labels(period=period, outcome="empty").inc()
            return 0
        rendered = RenderedDigest(store=store, period=period, period_key=due.period_key,
                                  subject=subject(digest), text=render_text(digest), html=render_html(digest))
    except TrackmonError as exc:  # a broken template: keep the claim for a later retry
        await _failed(engine, run, owner, now, {"attempts": run.attempts + 1}, str(exc), retry=True)
        bound.error("digest.build_failed", error=str(exc))
        metrics.digest_runs.labels(period=period, outcome="failed").inc()
        return 0
    outcome = await deliver(settings, store_settings, rendered, now=now, skip=run.delivered)
    summary["delivered"] = sorted(run.delivered | set(outcome.delivered))
    if outcome.ok:
        fenced = await asyncio.to_thread(finish_run, engine, run.id, owner, state="sent", summary=summary,
                                         error=None, now=now)
        bound.info("digest.sent", quiet=digest.is_quiet, fenced_out=not fenced, destinations=len(summary["delivered"]))
        metrics.digest_runs.labels(period=period, outcome="sent").inc()
        return 1
    error = "; ".join(f"{k}: {v}" for k, v in outcome.errors.items())
    await _failed(engine, run, owner, now, summary, error, retry=outcome.transient)
    metrics.digest_runs.labels(period=period, outcome="failed").inc()
    return 0


async def _failed(engine: Engine, run: ClaimedRun, owner: str, now: datetime, summary: dict[str, Any],
                  error: str, *, retry: bool) -> None:
    attempts = int(summary.get("attempts", run.attempts + 1))
    if retry and attempts < MAX_ATTEMPTS:
        retry_at = now + RETRY_DELAY * attempts
        await asyncio.to_thread(finish_run, engine, run.id, owner, state="claimed", summary=summary,
                                error=error, now=now, retry_at=retry_at)
        log.warning("digest.retry_scheduled", run_id=run.id, attempts=attempts, retry_at=retry_at.isoformat(),
                    error=error)
    else:
        await asyncio.to_thread(finish_run, engine, run.id, owner, state="failed", summary=summary,
                                error=error, now=now)
        log.error("digest.failed", run_id=run.id, attempts=attempts, error=error)


def _build(engine: Engine, store: str, due: DuePeriod, run: ClaimedRun, now: datetime,
           settings: Settings) -> Digest:
    with Session(engine) as s:
        return build_digest(s, store, period=due.period, period_key=due.period_key,
                            window_start=run.window_start, window_end=run.window_end, now=now, settings=settings)
