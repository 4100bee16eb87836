"""A per-carrier async rate limiter (token bucket) with a concurrency cap."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimiter:
    """At most `rate` acquisitions per second (bursts up to `burst`), `concurrency` at once.

    `waited_seconds` accumulates time spent waiting, for metrics.
    """

    def __init__(self, rate: float, *, burst: float | None = None, concurrency: int = 1,
                 monotonic: Callable[[], float] = time.monotonic,
                 on_wait: Callable[[float], None] | None = None) -> None:
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate)
        self._tokens = self.burst
        self._monotonic = monotonic
        self._last = monotonic()
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(concurrency)
        self.waited_seconds = 0.0
        self.on_wait = on_wait  # told every wait (seconds), e.g. to count it in metrics
        self.blocked_until = 0.0  # monotonic time before which nothing is sent (429 backoff)

    def _refill(self) -> None:
        now = self._monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now

    async def acquire_token(self) -> None:
        async with self._lock:
            while True:
                self._refill()
                pause = max(0.0, self.blocked_until - self._monotonic())
                if pause == 0 and self._tokens >= 1:
                    self._tokens -= 1
                    return
                wait = max(pause, (1 - self._tokens) / self.rate)
                self.waited_seconds += wait
                if self.on_wait is not None:
                    self.on_wait(wait)
                await asyncio.sleep(wait)

    def block_for(self, seconds: float) -> None:
        """Send nothing for `seconds` (a carrier said Retry-After)."""
        self.blocked_until = max(self.blocked_until, self._monotonic() + seconds)

    async def __aenter__(self) -> RateLimiter:
        await self._slots.acquire()
        try:
            await self.acquire_token()
        except BaseException:
            self._slots.release()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._slots.release()
