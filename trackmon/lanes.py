"""Lanes: transit figures learned from delivered parcels, per carrier and destination country.

A lane is (carrier, destination country, stage). Stages:
- `total`: transit days, delivered_at − first event;
- `international`: the longest gap between two events before arrival in the destination
  country, one sample per parcel;
- `destination`: the longest gap after arrival;
- `after_arrival`: days from arrival in the destination country to delivery (the estimate
  a buyer is given once the parcel has arrived).
Once a lane has `lane_min_samples` delivered parcels, its own figures replace the
configured defaults: "stalled" means a gap beyond that lane's 95th percentile, "late"
(without a promised date) means beyond its 90th percentile of transit days.

`refresh_lanes` recomputes everything in pages of shipments (memory holds one float per
parcel and stage, never rows); `refresh_if_due` runs it at most once per hour across
replicas (a `JobRun` row per hour).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

import structlog
from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from trackmon.domain import ensure_utc
from trackmon.models import JobRun, LaneStat, Order, Shipment, ShipmentEvent
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.lanes")

STAGES = ("total", "international", "destination", "after_arrival")
UNKNOWN_CARRIER = "unknown"
PAGE_SIZE = 500
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class LaneFigures:
    carrier: str | None
    country: str | None
    samples: int
    median_days: float | None            # None while the lane is on defaults
    p90_days: float                      # usual transit time (learned p90 or the default)
    p95_gap_days_international: float    # stall threshold before arrival
    p95_gap_days_destination: float      # stall threshold after arrival
    learned: bool                        # transit figures come from the lane's own history
    learned_international: bool = False  # the international stall threshold is learned
    learned_destination: bool = False    # the destination stall threshold is learned
    median_after_arrival_days: float | None = None  # arrival → delivery, once learned
    p90_after_arrival_days: float | None = None


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100) of already sorted values."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    pos = (len(sorted_values) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    if lo == hi:
        return float(sorted_values[lo])
    return float(sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo))


def lane_carrier(shipment: Shipment) -> str:
    return shipment.carrier or shipment.source or UNKNOWN_CARRIER


def lane_country(shipment: Shipment, order_country: str | None) -> str | None:
    country = shipment.destination_country or order_country
    return country.upper() if country else None


def _lane(carrier: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A lane as its figures are kept: the carrier, the country upper-cased."""
    return carrier, country.upper() if country else None


def _held_figures(session: Session) -> dict[tuple[Any, ...], LaneFigures]:
    """The lane figures remembered for the session's current transaction."""
    session.connection()  # begins the transaction if none is open yet, so it can be the key
    tx = session.get_transaction()
    held = session.info.get("trackmon.lane_figures")
    if held is None or held[0] is not tx:
        held = session.info["trackmon.lane_figures"] = (tx, {})
    return held[1]


def lane_figures(session: Session, carrier: str | None, country: str | None,
                 settings: Settings) -> LaneFigures:
    """The figures of one lane; each stage falls back to the defaults below `lane_min_samples`.

    Remembered for the rest of the session's transaction (`session.info`): a batch of parcels
    on the same lane reads the lane once (`read_lanes` reads a batch's lanes in one statement).
    """
    cache = _held_figures(session)
    key = (*_lane(carrier, country), id(settings))
    if key not in cache:
        cache[key] = _figures(carrier, country, settings, _lane_rows(session, carrier, country))
    return cache[key]


def read_lanes(session: Session, lanes: Iterable[tuple[str | None, str | None]], settings: Settings) -> None:
    """Read the figures of every lane (carrier, country) not remembered yet, in one statement:
    `lane_figures` then answers them without reading."""
    cache = _held_figures(session)
    wanted = {_lane(carrier, country) for carrier, country in lanes}
    wanted = {lane for lane in wanted if (*lane, id(settings)) not in cache}
    if not wanted:
        return
    rows: dict[tuple[str, str], list[LaneStat]] = {}
    known = {(c, n) for c, n in wanted if c and n}
    if known:
        for row in session.execute(select(LaneStat).where(
                LaneStat.carrier.in_({c for c, _ in known}),  # type: ignore[attr-defined]
                LaneStat.destination_country.in_({n for _, n in known}))).scalars():  # type: ignore[attr-defined]
            rows.setdefault((row.carrier, row.destination_country), []).append(row)
    for carrier, country in wanted:
        cache[(carrier, country, id(settings))] = _figures(carrier, country, settings, rows.get(
            (carrier, country), []) if carrier and country else [])  # type: ignore[arg-type]


def _lane_rows(session: Session, carrier: str | None, country: str | None) -> list[LaneStat]:
    if not (carrier and country):
        return []
    return list(session.execute(select(LaneStat).where(
        LaneStat.carrier == carrier, LaneStat.destination_country == country.upper())).scalars())  # type: ignore[arg-type]


def _figures(carrier: str | None, country: str | None, settings: Settings, rows: Sequence[LaneStat]) -> LaneFigures:
    det = settings.detection
    stats: dict[str, LaneStat] = {row.stage: row for row in rows}
    enough = {stage: row for stage, row in stats.items() if row.samples >= det.lane_min_samples}
    total = enough.get("total")
    intl = enough.get("international")
    dest = enough.get("destination")
    after = enough.get("after_arrival")
    return LaneFigures(
        carrier=carrier, country=country,
        samples=stats["total"].samples if "total" in stats else 0,
        median_days=total.median_days if total else None,
        p90_days=total.p90_days if total else float(det.default_transit_days),
        p95_gap_days_international=intl.p95_days if intl else det.stalled_international_days,
        p95_gap_days_destination=dest.p95_days if dest else det.stalled_destination_days,
        learned=total is not None,
        learned_international=intl is not None,
        learned_destination=dest is not None,
        median_after_arrival_days=after.median_days if after else None,
        p90_after_arrival_days=after.p90_days if after else None,
    )


def _delivered_pages(session: Session) -> Iterator[list[tuple[Shipment, str | None]]]:
    last_id = 0
    while True:
        stmt = (select(Shipment, Order.buyer_country)
                .join(Order, Order.id == Shipment.order_pk)  # type: ignore[arg-type]
                .where(Shipment.delivered_at.is_not(None),  # type: ignore[union-attr]
                       Shipment.first_event_at.is_not(None),  # type: ignore[union-attr]
                       Shipment.id > last_id)  # type: ignore[operator]
                .order_by(Shipment.id).limit(PAGE_SIZE))  # type: ignore[arg-type]
        page = [(row[0], row[1]) for row in session.execute(stmt).all()]
        if not page:
            return
        yield page
        last_id = page[-1][0].id or last_id
        session.expunge_all()


def _stage_gaps(times: Sequence[datetime], arrived: datetime | None) -> tuple[float | None, float | None]:
    """Longest gap (days) before and after arrival in the destination country."""
    intl: float | None = None
    dest: float | None = None
    for prev, cur in pairwise(times):
        gap = (cur - prev) / _DAY
        if arrived is not None and prev >= arrived:
            dest = gap if dest is None else max(dest, gap)
        else:
            intl = gap if intl is None else max(intl, gap)
    return intl, dest


def compute_lanes(session: Session) -> dict[tuple[str, str, str], array]:
    """(carrier, country, stage) → samples (days), read in pages of delivered shipments."""
    samples: dict[tuple[str, str, str], array] = {}

    def add(key: tuple[str, str, str], value: float | None) -> None:
        if value is not None and value >= 0:
            samples.setdefault(key, array("d")).append(value)

    for page in _delivered_pages(session):
        ids = [s.id for s, _ in page]
        times: dict[int, list[datetime]] = {}
        for sid, when in session.execute(
                select(ShipmentEvent.shipment_id, ShipmentEvent.time)
                .where(ShipmentEvent.shipment_id.in_(ids))  # type: ignore[attr-defined]
                .order_by(ShipmentEvent.shipment_id, ShipmentEvent.time)):  # type: ignore[arg-type]
            times.setdefault(sid, []).append(when)
        for shipment, order_country in page:
            country = lane_country(shipment, order_country)
            if country is None or shipment.delivered_at is None or shipment.first_event_at is None:
                continue
            carrier = lane_carrier(shipment)
            add((carrier, country, "total"), (shipment.delivered_at - shipment.first_event_at) / _DAY)
            intl, dest = _stage_gaps(times.get(shipment.id or 0, []), shipment.arrived_destination_at)
            add((carrier, country, "international"), intl)
            add((carrier, country, "destination"), dest)
            if shipment.arrived_destination_at is not None:
                add((carrier, country, "after_arrival"),
                    (shipment.delivered_at - shipment.arrived_destination_at) / _DAY)
    return samples


def refresh_lanes(engine: Engine, now: datetime) -> int:
    """Recompute every lane and replace `lane_stats` in one transaction; returns lane rows."""
    now = ensure_utc(now)
    with Session(engine) as session:
        samples = compute_lanes(session)
        existing = {(r.carrier, r.destination_country, r.stage): r
                    for r in session.execute(select(LaneStat)).scalars()}
        for key, values in samples.items():
            ordered = sorted(values)
            row = existing.pop(key, None) or LaneStat(carrier=key[0], destination_country=key[1],
                                                      stage=key[2], updated_at=now)
            row.samples = len(ordered)
            row.median_days = round(percentile(ordered, 50), 2)
            row.p90_days = round(percentile(ordered, 90), 2)
            row.p95_days = round(percentile(ordered, 95), 2)
            row.updated_at = now
            session.add(row)
        for gone in existing.values():
            session.execute(delete(LaneStat).where(LaneStat.id == gone.id))  # type: ignore[arg-type]
        session.commit()
    log.info("lanes.refreshed", lanes=len(samples))
    return len(samples)


def refresh_if_due(engine: Engine, now: datetime, *, owner: str) -> bool:
    """Refresh lanes unless this hour's refresh was already claimed (by any replica)."""
    now = ensure_utc(now)
    period_key = now.strftime("%Y-%m-%dT%H")
    with Session(engine) as session:
        session.add(JobRun(job="lanes.refresh", period_key=period_key, owner=owner, started_at=now))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return False
    refresh_lanes(engine, now)
    with Session(engine) as session:
        run = session.execute(select(JobRun).where(
            JobRun.job == "lanes.refresh", JobRun.period_key == period_key)).scalar_one()
        run.finished_at = now
        session.add(run)
        session.commit()
    return True


def lane_table(session: Session, settings: Settings) -> list[dict[str, object]]:
    """Rows for `trackmon lanes`: one per (country, carrier), learned or on defaults."""
    rows: dict[tuple[str, str], dict[str, LaneStat]] = {}
    for stat in session.execute(select(LaneStat).order_by(
            LaneStat.destination_country, LaneStat.carrier)).scalars():  # type: ignore[arg-type]
        rows.setdefault((stat.destination_country, stat.carrier), {})[stat.stage] = stat
    out: list[dict[str, object]] = []
    det = settings.detection
    for (country, carrier), stages in rows.items():
        figures = lane_figures(session, carrier, country, settings)
        total = stages.get("total")
        out.append({
            "country": country, "carrier": carrier,
            "samples": total.samples if total else 0,
            "median_days": total.median_days if total else None,
            "p90_days": total.p90_days if total else None,
            "usual_transit_days": figures.p90_days,
            "stall_days_international": figures.p95_gap_days_international,
            "stall_days_destination": figures.p95_gap_days_destination,
            "learned": figures.learned,
            "min_samples": det.lane_min_samples,
        })
    return out
