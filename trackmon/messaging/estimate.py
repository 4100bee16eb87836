"""The delivery estimate a buyer is given, recomputed at every message (pure, plus one reader).

Rules (dates are the buyer's local calendar days):
- The route range is the lane's learned median..p90 transit days, else 60 %..100 % of
  `detection.default_transit_days`. The usual window is shipping day + that range, so the
  range and the window of one email always agree.
- Once the parcel has arrived in the destination country, the window is arrival day + the
  lane's learned arrival→delivery median..p90 (else 2 days..a quarter of the default).
- The promised date is the order's `promised_delivery` once passed, else the first window
  end the buyer was given that has passed (the arrival window's, or the usual window's). Past
  it the parcel is overdue: the buyer is told so plainly, with a new estimate.
- A window whose end has passed is never given again. The new window starts tomorrow and
  lasts the remaining legs: after arrival the arrival→delivery range; before arrival that
  range plus `FLIGHT_AND_CUSTOMS_DAYS`.
- A window that has already begun is given as "by <end>" (`window_from` is None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import structlog

from trackmon.settings import Settings

log = structlog.get_logger("trackmon.messaging.estimate")

#: Days added, before arrival, for the flight and customs still ahead of an overdue parcel.
FLIGHT_AND_CUSTOMS_DAYS = (3, 7)


@dataclass(frozen=True, slots=True)
class Figures:
    """Transit figures of a lane, in whole days."""

    route: tuple[int, int]           # shipping → delivery
    after_arrival: tuple[int, int]   # arrival in the destination country → delivery
    learned: bool = False


@dataclass(frozen=True, slots=True)
class Estimate:
    days_min: int
    days_max: int
    usual_from: date
    usual_to: date
    promised_to: date              # the date the buyer was led to expect
    window_from: date | None       # None: the window has begun ("by window_to")
    window_to: date
    overdue: bool


def default_figures(default_transit_days: int) -> Figures:
    high = max(1, default_transit_days)
    return Figures((max(1, math.ceil(high * 0.6)), high), (2, max(3, math.ceil(high / 4))))


def _days(low: float | None, high: float | None) -> tuple[int, int] | None:
    if not low or not high:
        return None
    lo = max(1, math.floor(float(low)))
    return lo, max(lo, math.ceil(float(high)))


def lane_estimate_figures(session: object, carrier: str | None, country: str | None,
                          settings: Settings) -> Figures:
    """The lane's figures from `lanes.lane_figures`, with the defaults where not learned."""
    fallback = default_figures(settings.detection.default_transit_days)
    if session is None:
        return fallback
    from trackmon.lanes import lane_figures
    try:
        figures = lane_figures(session, carrier, country, settings)  # type: ignore[arg-type]
    except Exception as exc:  # figures are a nicety: the defaults still give a true range
        log.warning("lanes.unavailable", carrier=carrier, country=country, error=str(exc))
        return fallback
    route = _days(figures.median_days, figures.p90_days) if figures.learned else None
    after = _days(figures.median_after_arrival_days, figures.p90_after_arrival_days)
    return Figures(route or fallback.route, after or fallback.after_arrival, learned=route is not None)


def estimate(figures: Figures, *, shipped_on: date, today: date, arrived_on: date | None = None,
             promised: date | None = None) -> Estimate:
    low, high = figures.route
    usual_from, usual_to = shipped_on + timedelta(days=low), shipped_on + timedelta(days=high)
    promised_to = promised or usual_to
    a_low, a_high = figures.after_arrival
    if arrived_on is not None:
        start, end = arrived_on + timedelta(days=a_low), arrived_on + timedelta(days=a_high)
    else:
        start, end = usual_from, usual_to
    if end < today:  # never promise a window that has passed
        if promised is None or today <= promised:
            # the first date the buyer was given that has passed: the arrival window's end
            # if that came first, else the usual window's (the same date every week)
            promised_to = min(d for d in (end, usual_to) if d < today)
        extra = (0, 0) if arrived_on is not None else FLIGHT_AND_CUSTOMS_DAYS
        start = today + timedelta(days=max(1, a_low if arrived_on is None else 1) + extra[0])
        end = today + timedelta(days=a_high + extra[1])
    return Estimate(
        days_min=low, days_max=high, usual_from=usual_from, usual_to=usual_to,
        promised_to=promised_to, window_from=start if start > today else None,
        window_to=max(end, today), overdue=today > promised_to,
    )
