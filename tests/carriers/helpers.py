"""Building a direct-carrier adapter for tests: a MockTransport, no real waiting, no throttle."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from carriers.base import CarrierAdapter
from trackmon.http import make_client
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings

A = TypeVar("A", bound=CarrierAdapter)


def build_adapter(cls: type[A], handler: Callable[[httpx.Request], httpx.Response] | None = None, *,
                  sleeps: list[float] | None = None, **settings: Any) -> A:
    """`cls` on a MockTransport (`handler`, default: every request gets HTTP 500); retry waits
    are recorded in `sleeps` instead of slept; the rate limiter's clock jumps ahead."""
    client = make_client(transport=httpx.MockTransport(handler or (lambda r: httpx.Response(500))))
    ticks = itertools.count(step=1000.0)

    async def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)

    limiter = RateLimiter(1000, burst=1000, concurrency=4, monotonic=lambda: next(ticks))
    return cls(CarrierSettings(**settings), client, limiter=limiter, sleep=sleep)


def track17_answers(items: list[dict[str, Any]]) -> Callable[[httpx.Request], httpx.Response]:
    """A 17TRACK stand-in for `build_adapter`: every number registers; gettrackinfo answers the
    asked numbers' `items` (accepted gettrackinfo items as 17TRACK sends them)."""
    def handler(request: httpx.Request) -> httpx.Response:
        asked = [x["number"] for x in json.loads(request.content)]
        if request.url.path.endswith("/register"):
            return httpx.Response(200, json={"code": 0, "data": {"accepted": [{"number": n} for n in asked],
                                                                 "rejected": []}})
        return httpx.Response(200, json={"code": 0, "data": {
            "accepted": [i for i in items if i["number"] in asked], "rejected": []}})

    return handler
