"""Poll due shipments: claim with leases, batch per adapter, fetch, ingest, reschedule.

Claiming: PostgreSQL locks due rows with `FOR UPDATE SKIP LOCKED` and writes the lease in
the same transaction, so replicas never claim the same shipment; SQLite does it in one
`UPDATE ... RETURNING` inside `BEGIN IMMEDIATE`. A crashed replica's leases expire after
`polling.lease_seconds`. Every completion is fenced: it only writes if this owner still
holds the lease.

Failures never lose a shipment: a failing carrier call backs off that batch (poll_failures
+1, last_error, next_poll_at later) and releases its leases; a 429 also pauses the carrier
for the rest of the cycle (its other shipments are released untouched, due after the pause).
Anything unexpected while a batch is fetched, parsed or stored is caught per batch and backs
that batch off the same way, with a short reason in `last_error` (the traceback goes to the
log only), so the other batches of the round keep moving. A parcel whose part of the answer
could not be read (a `malformed` CarrierProblem) keeps its stored state and is backed off too.

Storing: a batch's answers are stored set-based (`trackmon.batch`: one read and one write per
table, in one transaction); if the database refuses a bulk write (or anything else fails
there) the batch is stored again parcel by parcel, each in its own savepoint, so only the
offending parcel is backed off with its reason.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

import structlog
from sqlalchemy import Engine, select
from sqlmodel import Session

from carriers.base import CarrierAdapter, TrackRequest, batches
from carriers.reading import MALFORMED
from trackmon import metrics
from trackmon.batch.settle import settle_answers
from trackmon.cadence import next_poll_at, retire_reason
from trackmon.claims import claim_due, count_due, load_shipments
from trackmon.db import is_postgres
from trackmon.domain import CarrierProblem, TrackingSnapshot, Unchanged, ensure_utc
from trackmon.errors import CarrierError, ConfigError, InvalidTrackingNumber, RateLimited
from trackmon.ingest import Detector, Planner, ingest_problem, ingest_snapshot, ingest_unchanged
from trackmon.models import Shipment
from trackmon.poll_report import CarrierFigures, PollReport, failure_reason
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.poller")

Answer = TrackingSnapshot | CarrierProblem | Unchanged  # what a carrier said about one number
_NUMBER = re.compile(r"\b(?=[A-Z]*\d)[A-Z0-9]{8,40}\b")  # a tracking number inside an error message


class CarrierRouter(Protocol):
    adapters: dict[str, CarrierAdapter]

    def route(self, number: str, carrier: str | None = None) -> Any: ...


@dataclass(slots=True)
class _Item:
    shipment_id: int
    number: str
    request: TrackRequest


class _Poll:
    """One `poll_due` call: the state shared by its rounds."""

    def __init__(self, engine: Engine, carriers: CarrierRouter, settings: Settings, now: datetime, *,
                 owner: str, rng: random.Random, detector: Detector | None, planner: Planner | None) -> None:
        self.engine, self.carriers, self.settings, self.now = engine, carriers, settings, now
        self.owner, self.rng, self.detector, self.planner = owner, rng, detector, planner
        self.report = PollReport()
        self.paused: dict[str, datetime] = {}  # carrier → not before (429 this cycle)
        self._started = time.monotonic()
        self.log = log.bind(owner=owner)

    def release_failed(self, ids: Sequence[int], error: str, *, count_failure: bool = True,
                       not_before: datetime | None = None, quiet: bool = False) -> None:
        """Back off and release: the shipments stay active and come back later. `quiet`: some
        of `ids` may already be settled (their lease given back), which is not a lost lease."""
        polling = self.settings.polling
        if count_failure and error:
            key = _NUMBER.sub("…", error)[:200]  # one line per reason, not per parcel
            self.report.reasons[key] = self.report.reasons.get(key, 0) + len(ids)
        with Session(self.engine) as session:
            for ship in self._locked_all(session, ids, quiet=quiet).values():
                if count_failure:
                    ship.poll_failures += 1
                    ship.last_error = error[:500]
                ship.next_poll_at = next_poll_at(ship.status, self.elapsed_now(), polling, rng=self.rng,
                                                 failures=max(ship.poll_failures, 1) if count_failure else 0,
                                                 not_before=not_before)
                ship.lease_owner = ship.lease_expires_at = None
                if retire_reason(ship.status, self.now, polling, final_since=None,
                                 active_since=ship.created_at) == "max_active_days":
                    ship.active, ship.retired_at, ship.next_poll_at = False, self.now, None
                    self.report.retired += 1
                    self.log.info("shipment.retired", shipment_id=ship.id, reason="max_active_days")
                session.add(ship)
            session.commit()

    def _locked_all(self, session: Session, ids: Sequence[int], *, quiet: bool = False) -> dict[int, Shipment]:
        """The shipments among `ids` whose lease this owner still holds (fencing), locked."""
        stmt = select(Shipment).where(Shipment.id.in_(ids))  # type: ignore[union-attr]
        if is_postgres(self.engine):
            stmt = stmt.with_for_update()
        held = {}
        for ship in session.execute(stmt).scalars():
            if ship.lease_owner == self.owner:
                held[ship.id] = ship
        for sid in ids if not quiet else ():
            if sid not in held:
                self.report.lost_leases += 1
                self.log.warning("shipment.lease_lost", shipment_id=sid)
        return held

    def _apply(self, session: Session, ship: Shipment, outcome: Answer,
               figures: CarrierFigures) -> str | None:
        """Ingest one answer into `ship` and reschedule it; returns why it retired, if it did."""
        if isinstance(outcome, TrackingSnapshot):
            result = ingest_snapshot(session, ship, outcome, self.now, self.settings,
                                     detector=self.detector, planner=self.planner)
            figures.new_events += result.new_events
            self.report.new_events += result.new_events
        elif isinstance(outcome, Unchanged):
            ingest_unchanged(session, ship, self.now, self.settings, detector=self.detector, planner=self.planner)
        else:
            ingest_problem(session, ship, outcome, self.now, self.settings,
                           detector=self.detector, planner=self.planner)
            figures.problems += 1
        reason = self.reschedule(ship)
        session.add(ship)
        return reason

    def reschedule(self, ship: Shipment) -> str | None:
        """A polled shipment: its lease given back, then retired or its next poll set (in memory);
        returns why it retired, if it did."""
        polling = self.settings.polling
        ship.last_polled_at = self.now
        ship.poll_failures = 0
        ship.lease_owner = ship.lease_expires_at = None
        reason = retire_reason(ship.status, self.now, polling,
                               final_since=ship.delivered_at or ship.status_changed_at,
                               active_since=ship.created_at)
        if reason:
            ship.active = False
            ship.retired_at = self.now
            ship.next_poll_at = None
        else:
            # from the moment it was polled, not the cycle's start: a long cycle must not make
            # the next poll come early (another replica would poll it again too soon)
            ship.next_poll_at = next_poll_at(ship.status, self.elapsed_now(), polling, rng=self.rng)
        return reason

    def _retired(self, ship_id: int | None, reason: str, status: str) -> None:
        self.report.retired += 1
        self.log.info("shipment.retired", shipment_id=ship_id, reason=reason, status=status)

    def settle(self, pairs: Sequence[tuple[_Item, Answer]],
               adapter: CarrierAdapter | None, figures: CarrierFigures, *,
               batch: bool = True) -> list[TrackRequest]:
        """Ingest a batch of answers: set-based (`trackmon.batch`, one statement per table);
        when that fails, in ONE transaction with a savepoint per shipment, so one bad
        shipment is backed off alone and the others are stored. Returns the requests to stop
        tracking (retired shipments of an aggregator)."""
        if batch:
            try:
                return self._settle_set(pairs, adapter, figures)
            except Exception as exc:  # store parcel by parcel: the offending one is found and backed off
                self.log.warning("poll.batch_store_failed", batch=len(pairs), error_type=type(exc).__name__,
                                 error=str(exc)[:200])
        return self._settle_each(pairs, adapter, figures)

    def _settle_set(self, pairs: Sequence[tuple[_Item, Answer]],
                    adapter: CarrierAdapter | None, figures: CarrierFigures) -> list[TrackRequest]:
        with Session(self.engine) as session:
            done = settle_answers(session, [(item.shipment_id, outcome) for item, outcome in pairs],
                                  owner=self.owner, now=self.now, settings=self.settings, detector=self.detector,
                                  planner=self.planner, reschedule=self.reschedule)
            session.commit()
        stops: list[TrackRequest] = []
        for sid in done.lost:
            self.report.lost_leases += 1
            self.log.warning("shipment.lease_lost", shipment_id=sid)
        stored = set(done.stored)
        label_of = adapter.name if adapter else "none"
        for item, outcome in pairs:
            sid = item.shipment_id
            if sid not in stored:
                continue
            if isinstance(outcome, TrackingSnapshot):
                figures.new_events += done.results[sid].new_events
                self.report.new_events += done.results[sid].new_events
            elif isinstance(outcome, CarrierProblem):
                figures.problems += 1
            if sid in done.retired:
                self._retired(sid, *done.retired[sid])
                if adapter is not None and adapter.aggregator:
                    stops.append(item.request)
            self.report.polled += 1
            figures.polled += 1
            label = "not_found" if isinstance(outcome, CarrierProblem) else "ok"
            metrics.polls.labels(carrier=label_of, outcome=label).inc()
        return stops

    def _settle_each(self, pairs: Sequence[tuple[_Item, Answer]],
                     adapter: CarrierAdapter | None, figures: CarrierFigures) -> list[TrackRequest]:
        failed: list[tuple[int, str]] = []
        stops: list[TrackRequest] = []
        done: list[Answer] = []
        with Session(self.engine) as session:
            held = self._locked_all(session, [item.shipment_id for item, _ in pairs])
            for item, outcome in pairs:
                ship = held.get(item.shipment_id)
                if ship is None:
                    continue
                try:
                    with session.begin_nested():
                        reason = self._apply(session, ship, outcome, figures)
                except Exception as exc:  # one bad shipment must not lose the others
                    self.log.exception("shipment.ingest_failed", shipment_id=item.shipment_id)
                    failed.append((item.shipment_id, failure_reason(exc, "storing the carrier's answer")))
                    continue
                done.append(outcome)
                if reason:
                    self._retired(item.shipment_id, reason, ship.status)
                if reason and adapter is not None and adapter.aggregator:
                    stops.append(item.request)
            session.commit()
        for outcome in done:
            self.report.polled += 1
            figures.polled += 1
            label = "not_found" if isinstance(outcome, CarrierProblem) else "ok"
            metrics.polls.labels(carrier=adapter.name if adapter else "none", outcome=label).inc()
        for sid, error in failed:
            self.report.failures += 1
            figures.failures += 1
            self.release_failed([sid], error)
        return stops

    async def run_group(self, adapter: CarrierAdapter, items: list[_Item]) -> None:
        figures = self.report.carrier(adapter.name)
        to_stop: list[TrackRequest] = []
        for batch in batches(items, adapter.max_batch):
            ids = [i.shipment_id for i in batch]
            if adapter.name in self.paused:
                self.release_failed(ids, "", count_failure=False, not_before=self.paused[adapter.name])
                continue
            began = time.monotonic()
            try:
                result = await adapter.track([i.request for i in batch])
            except RateLimited as exc:
                wait = timedelta(seconds=exc.retry_after or 60)
                self.paused[adapter.name] = self.elapsed_now() + wait
                figures.rate_limited = True
                figures.failures += len(batch)
                self.report.failures += len(batch)
                metrics.polls.labels(carrier=adapter.name, outcome="rate_limited").inc(len(batch))
                self.log.warning("carrier.rate_limited", carrier=adapter.name, retry_after=exc.retry_after)
                self.release_failed(ids, str(exc), not_before=self.paused[adapter.name])
                continue
            except CarrierError as exc:
                self.fail_batch(adapter, ids, str(exc), figures)
                continue
            except Exception as exc:  # anything else must not stall the round: back this batch off
                self.log.error("carrier.unexpected_failure", carrier=adapter.name, batch=len(batch),
                               error_type=type(exc).__name__, exc_info=True)
                self.fail_batch(adapter, ids, failure_reason(exc, f"polling {adapter.label}"), figures)
                continue
            finally:
                metrics.carrier_latency.labels(carrier=adapter.name).observe(time.monotonic() - began)
            try:
                to_stop.extend(self.settle_batch(adapter, batch, (*result.snapshots, *result.unchanged),
                                                 result.problems, figures))
            except Exception as exc:  # whatever is not stored yet is released with a backoff
                self.log.error("poll.settle_failed", carrier=adapter.name, batch=len(batch),
                               error_type=type(exc).__name__, exc_info=True)
                self.fail_batch(adapter, ids, failure_reason(exc, "storing the carrier's answer"), figures,
                                quiet=True)
        if to_stop:
            try:
                await adapter.stop_tracking(to_stop)
            except CarrierError as exc:
                self.log.warning("carrier.stop_tracking_failed", carrier=adapter.name, error=str(exc))

    def fail_batch(self, adapter: CarrierAdapter, ids: Sequence[int], error: str, figures: CarrierFigures, *,
                   quiet: bool = False) -> None:
        """The whole batch failed: count it, log it and back every shipment of it off."""
        figures.failures += len(ids)
        self.report.failures += len(ids)
        metrics.polls.labels(carrier=adapter.name, outcome="error").inc(len(ids))
        self.log.warning("carrier.failed", carrier=adapter.name, error=error, batch=len(ids))
        self.release_failed(ids, error, quiet=quiet)

    def settle_batch(self, adapter: CarrierAdapter, batch: list[_Item],
                     snapshots: Sequence[TrackingSnapshot | Unchanged],
                     problems: Sequence[CarrierProblem], figures: CarrierFigures) -> list[TrackRequest]:
        by_number: dict[str, list[_Item]] = {}
        for item in batch:
            by_number.setdefault(item.request.number, []).append(item)
        answered: set[int] = set()
        pairs: list[tuple[_Item, Answer]] = []
        unreadable: list[tuple[int, str]] = []
        for outcome in (*snapshots, *problems):
            for item in by_number.get(outcome.tracking_number, []):
                if item.shipment_id in answered:
                    continue
                answered.add(item.shipment_id)
                if isinstance(outcome, CarrierProblem) and outcome.kind == MALFORMED:
                    unreadable.append((item.shipment_id, outcome.message))  # nothing learnt: keep the state
                else:
                    pairs.append((item, outcome))
        stops = self.settle(pairs, adapter, figures) if pairs else []
        for sid, reason in unreadable:
            self.report.failures += 1
            figures.failures += 1
            metrics.polls.labels(carrier=adapter.name, outcome="error").inc()
            self.release_failed([sid], reason)
        missing = [i.shipment_id for i in batch if i.shipment_id not in answered]
        if missing:  # the adapter answered with numbers we did not ask for: keep ours for later
            self.report.failures += len(missing)
            figures.failures += len(missing)
            self.release_failed(missing, f"{adapter.name} returned no answer for this number")
        return stops

    def elapsed_now(self) -> datetime:
        """The cycle's `now` moved on by the real time spent since: a lease taken in a later
        round must run from when it is taken, not from when the cycle began."""
        return self.now + timedelta(seconds=time.monotonic() - self._started)

    async def round(self) -> int:
        polling = self.settings.polling
        ids = claim_due(self.engine, self.elapsed_now(), owner=self.owner, limit=polling.claim_batch_size,
                        lease_seconds=polling.lease_seconds)
        self.report.claimed += len(ids)
        if not ids:
            return 0
        groups: dict[str, tuple[CarrierAdapter, list[_Item]]] = {}
        for ship in load_shipments(self.engine, ids):
            assert ship.id is not None
            try:
                routed = self.carriers.route(ship.tracking_number, ship.carrier)
            except InvalidTrackingNumber as exc:
                problem = CarrierProblem(tracking_number=ship.tracking_number, kind="invalid", message=exc.reason)
                self.settle([(_Item(ship.id, ship.tracking_number, TrackRequest(ship.tracking_number)), problem)],
                            None, self.report.carrier("none"), batch=False)
                continue
            except ConfigError as exc:
                self.report.failures += 1
                self.report.carrier("none").failures += 1
                self.release_failed([ship.id], str(exc))
                continue
            except Exception as exc:  # a bug must not leave the whole round leased
                self.log.error("poll.route_failed", shipment_id=ship.id, error_type=type(exc).__name__, exc_info=True)
                self.report.failures += 1
                self.report.carrier("none").failures += 1
                self.release_failed([ship.id], failure_reason(exc, "choosing a carrier API"))
                continue
            request = replace(routed.request, known_digest=ship.answer_digest) if ship.answer_digest else routed.request
            groups.setdefault(routed.adapter.name, (routed.adapter, []))[1].append(
                _Item(ship.id, ship.tracking_number, request))
        await asyncio.gather(*(self.run_group(adapter, items) for adapter, items in groups.values()))
        return len(ids)


async def poll_due(engine: Engine, carrier_set: CarrierRouter, settings: Settings, now: datetime, *,
                   owner: str, max_rounds: int = 50, rng: random.Random | None = None,
                   detector: Detector | None = None, planner: Planner | None = None,
                   should_stop: Callable[[], bool] | None = None,
                   progress: Callable[[int], None] | None = None) -> PollReport:
    """Poll every shipment due at `now` (rounds of `claim_batch_size`, at most `max_rounds`).

    `should_stop()` is asked before each round: a stopping process claims nothing more.
    `progress(n)` is told after each round how many shipments were handled so far.
    """
    run = _Poll(engine, carrier_set, settings, ensure_utc(now), owner=owner, rng=rng or random.Random(),
                detector=detector, planner=planner)
    for _ in range(max_rounds):
        if should_stop is not None and should_stop():
            break
        run.report.rounds += 1
        if await run.round() == 0:
            break
        if progress is not None:
            progress(run.report.claimed)
    report = run.report
    log.info("poll.done", owner=owner, claimed=report.claimed, polled=report.polled,
             new_events=report.new_events, failures=report.failures, retired=report.retired)
    return report


__all__ = ["CarrierFigures", "PollReport", "claim_due", "count_due", "failure_reason", "poll_due"]
