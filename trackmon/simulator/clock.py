"""A simulated clock: weeks of parcel journeys played in seconds (thread-safe)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError


class SimClock:
    """Starts at `start` and runs `speed` simulated seconds per real second (0 = frozen);
    `advance()` jumps ahead explicitly. Callable like any trackmon `Clock`."""

    def __init__(self, start: datetime, *, speed: float = 0.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        if speed < 0:
            raise ConfigError(f"SimClock speed must be >= 0, got {speed}", key="speed")
        self._lock = threading.Lock()
        self._monotonic = monotonic
        self._base = ensure_utc(start)
        self._base_real = monotonic()
        self._speed = speed

    def __call__(self) -> datetime:
        with self._lock:
            return self._base + timedelta(seconds=(self._monotonic() - self._base_real) * self._speed)

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        if speed < 0:
            raise ConfigError(f"SimClock speed must be >= 0, got {speed}", key="speed")
        now = self()
        with self._lock:
            self._base, self._base_real, self._speed = now, self._monotonic(), speed

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ConfigError(f"SimClock cannot go back in time ({delta})", key="delta")
        with self._lock:
            self._base += delta
        return self()
