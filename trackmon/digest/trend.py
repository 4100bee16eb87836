"""The Saturday weekly review's comparison with the week before.

For the review's window [start, end) and the same length just before it: exceptions opened,
resolved (by their cause going away or by the seller) and escalated; parcels delivered and
the on-time share; median transit days per lane (destination country and carrier). A lane's
median is given only from `MIN_CHART_SAMPLES` deliveries in that week, else "too few".
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from trackmon.alert_queries import RESOLVED_ESCALATED
from trackmon.digest.figures import MIN_CHART_SAMPLES, delivery_stats
from trackmon.models import Alert, Order
from trackmon.settings import Settings


@dataclass(frozen=True, slots=True)
class WeekFigures:
    start: datetime
    end: datetime
    opened: int
    resolved: int        # auto or manual: the problem is over
    escalated: int       # grew into another kind (stalled → lost...)
    delivered: int
    on_time: int

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.delivered if self.delivered else None


@dataclass(frozen=True, slots=True)
class LaneTrend:
    country: str
    carrier: str
    median_days: float | None        # this week; None below MIN_CHART_SAMPLES
    samples: int
    previous_median_days: float | None
    previous_samples: int

    @property
    def change_days(self) -> float | None:
        if self.median_days is None or self.previous_median_days is None:
            return None
        return round(self.median_days - self.previous_median_days, 1)


@dataclass(frozen=True, slots=True)
class Trend:
    this_week: WeekFigures
    previous_week: WeekFigures
    lanes: tuple[LaneTrend, ...]

    @property
    def on_time_change_points(self) -> float | None:
        now, before = self.this_week.on_time_rate, self.previous_week.on_time_rate
        return None if now is None or before is None else round((now - before) * 100, 1)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if len(values) >= MIN_CHART_SAMPLES else None


def _week(session: Session, store: str, start: datetime, end: datetime,
          settings: Settings) -> tuple[WeekFigures, dict[tuple[str, str], list[float]]]:
    def count(*conds: object) -> int:
        return int(session.exec(select(func.count()).select_from(Alert)
                                .join(Order, col(Order.id) == col(Alert.order_pk))
                                .where(Order.store == store, *conds)).one())

    in_window = (col(Alert.resolved_at) >= start, col(Alert.resolved_at) < end)
    stats = delivery_stats(session, store, start, end, settings)
    week = WeekFigures(
        start=start, end=end,
        opened=count(col(Alert.opened_at) >= start, col(Alert.opened_at) < end),
        resolved=count(*in_window, col(Alert.resolved_by) != RESOLVED_ESCALATED),
        escalated=count(*in_window, col(Alert.resolved_by) == RESOLVED_ESCALATED),
        delivered=stats.delivered, on_time=stats.on_time)
    return week, stats.samples


def weekly_trend(session: Session, store: str, *, window_start: datetime, window_end: datetime,
                 settings: Settings) -> Trend:
    """This review's week against the week before it (same length, just before)."""
    before = window_start - (window_end - window_start)
    this_week, these = _week(session, store, window_start, window_end, settings)
    previous_week, those = _week(session, store, before, window_start, settings)
    lanes = tuple(
        LaneTrend(country=country, carrier=carrier, median_days=_median(these.get((country, carrier), [])),
                  samples=len(these.get((country, carrier), [])),
                  previous_median_days=_median(those.get((country, carrier), [])),
                  previous_samples=len(those.get((country, carrier), [])))
        for country, carrier in sorted(set(these) | set(those)))
    return Trend(this_week=this_week, previous_week=previous_week, lanes=lanes)


__all__ = ["LaneTrend", "Trend", "WeekFigures", "weekly_trend"]
