"""When a digest is due: the latest cron fire time <= now, in the store's time zone (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError

Period = Literal["daily", "weekly"]
PERIODS: tuple[Period, ...] = ("daily", "weekly")

#: How far back a fire time is looked for. A cron that fires less often than this
#: (e.g. monthly) is never "due": daily and weekly digests fire at least this often.
_LOOKBACK = {"daily": timedelta(days=2), "weekly": timedelta(days=8)}
_MAX_STEPS = 20_000  # "* * * * *" over 8 days is 11,520 fire times


@dataclass(frozen=True, slots=True)
class DuePeriod:
    """One digest to send: `fire_time` is the cron fire (aware UTC) that opened it."""

    period: Period
    period_key: str        # "2026-11-27" (daily) or "2026-W48" (weekly), seller-local
    fire_time: datetime    # aware UTC
    previous_fire_time: datetime | None


def store_zone(name: str, *, store: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"stores.{store}.timezone: {name!r} is not an IANA time zone "
                          "(e.g. Asia/Shanghai)", key=f"stores.{store}.timezone") from None


def make_trigger(expr: str, tz: ZoneInfo, *, key: str) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(expr, timezone=tz)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{key}: {expr!r} is not a 5-field cron expression: {exc}", key=key) from None


def period_key(period: Period, fire_time: datetime, tz: ZoneInfo) -> str:
    local = fire_time.astimezone(tz)
    if period == "daily":
        return local.date().isoformat()
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


def latest_fires(trigger: CronTrigger, now: datetime, lookback: timedelta) -> tuple[datetime | None, datetime | None]:
    """(latest fire time <= now, the one before it), both aware UTC, within `lookback`."""
    now = ensure_utc(now)
    latest: datetime | None = None
    previous: datetime | None = None
    fire = trigger.get_next_fire_time(None, now - lookback)
    steps = 0
    while fire is not None and fire <= now and steps < _MAX_STEPS:
        previous, latest = latest, fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
        steps += 1
    return (latest.astimezone(UTC) if latest else None,
            previous.astimezone(UTC) if previous else None)


def due_period(period: Period, cron: str, tz: ZoneInfo, now: datetime) -> DuePeriod | None:
    """The period whose digest is due at `now` (the latest fire <= now), or None."""
    trigger = make_trigger(cron, tz, key=f"digest.{period}_cron")
    latest, previous = latest_fires(trigger, now, _LOOKBACK[period])
    if latest is None:
        return None
    return DuePeriod(period=period, period_key=period_key(period, latest, tz),
                     fire_time=latest, previous_fire_time=previous)


def default_window_start(period: Period, end: datetime) -> datetime:
    """Window start when no earlier digest of this period exists: one day or one week."""
    return end - (timedelta(days=1) if period == "daily" else timedelta(days=7))
