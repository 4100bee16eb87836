"""HTTP for carrier adapters: one client factory, one error classifier, one retry policy.

Only transient failures are retried (timeouts, connection errors, 5xx, 429); a 429's
`Retry-After` is honoured and also pauses the carrier's rate limiter.
"""

from __future__ import annotations

import asyncio
import email.utils
from collections.abc import Awaitable, Callable, Collection
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import structlog
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from trackmon import __version__
from trackmon.errors import (
    CarrierAuthError,
    CarrierResponseError,
    RateLimited,
    TransientCarrierError,
)
from trackmon.ratelimit import RateLimiter

log = structlog.get_logger("trackmon.http")

USER_AGENT = f"trackmon/{__version__}"
MAX_RETRY_AFTER_SECONDS = 120.0


def make_client(*, transport: httpx.AsyncBaseTransport | None = None,
                timeout: float = 20.0, max_connections: int = 20) -> httpx.AsyncClient:
    """The one place an `httpx.AsyncClient` is built (tests pass a MockTransport)."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or HTTP-date); None if absent/garbage."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def raise_for_status(carrier: str, response: httpx.Response) -> None:
    """Turn a non-2xx response into the right CarrierError (never returns for errors)."""
    code = response.status_code
    if 200 <= code < 300:
        return
    snippet = response.text[:200].strip().replace("\n", " ") if response.content else ""
    detail = f"HTTP {code}" + (f": {snippet}" if snippet else "")
    if code == 429:
        raise RateLimited(carrier, f"rate limited ({detail})",
                          retry_after=parse_retry_after(response.headers.get("Retry-After")))
    if code in (401, 403):
        raise CarrierAuthError(carrier, f"authentication refused ({detail}); check the API key "
                               "or client credentials", status_code=code)
    if code >= 500 or code == 408:
        raise TransientCarrierError(carrier, f"server error ({detail})", status_code=code)
    raise CarrierResponseError(carrier, f"request refused ({detail})", status_code=code)


def _wait(base: float, cap: float) -> Callable[[RetryCallState], float]:
    expo = wait_exponential_jitter(multiplier=base, max=cap, jitter=base)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RateLimited) and exc.retry_after is not None:
            return min(exc.retry_after, MAX_RETRY_AFTER_SECONDS)
        return expo(state)
    return wait


async def send(
    client: httpx.AsyncClient,
    carrier: str,
    method: str,
    url: str,
    *,
    limiter: RateLimiter | None = None,
    attempts: int = 4,
    backoff_base: float = 0.5,
    backoff_cap: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    passthrough: Collection[int] = (),
    **kwargs: Any,
) -> httpx.Response:
    """Send one request with rate limiting and bounded retries of transient failures.

    Returns the 2xx response (or one whose status is in `passthrough`, e.g. a 404 that
    means "no such number", for the caller to read); raises a CarrierError subclass otherwise.
    """
    retrying = AsyncRetrying(
        retry=retry_if_exception_type(TransientCarrierError),
        stop=stop_after_attempt(attempts),
        wait=_wait(backoff_base, backoff_cap),
        sleep=sleep,
        reraise=True,
        before_sleep=lambda s: log.warning(
            "carrier.retry", carrier=carrier, attempt=s.attempt_number,
            error=str(s.outcome.exception()) if s.outcome else None,
            wait_seconds=round(s.next_action.sleep, 2) if s.next_action else None),
    )
    async for attempt in retrying:
        with attempt:
            return await _send_once(client, carrier, method, url, limiter,
                                    passthrough=passthrough, **kwargs)
    raise AssertionError("unreachable")  # pragma: no cover


async def _send_once(client: httpx.AsyncClient, carrier: str, method: str, url: str,
                     limiter: RateLimiter | None, *, passthrough: Collection[int] = (),
                     **kwargs: Any) -> httpx.Response:
    try:
        if limiter is not None:
            async with limiter:
                response = await client.request(method, url, **kwargs)
        else:
            response = await client.request(method, url, **kwargs)
    except httpx.TimeoutException as exc:
        raise TransientCarrierError(carrier, f"timed out talking to {_origin(url)}") from exc
    except httpx.TransportError as exc:
        raise TransientCarrierError(
            carrier, f"connection to {_origin(url)} failed: {type(exc).__name__}: {exc}") from exc
    if response.status_code in passthrough:
        return response
    try:
        raise_for_status(carrier, response)
    except RateLimited as exc:
        if limiter is not None:
            limiter.block_for(min(exc.retry_after if exc.retry_after is not None else 1.0,
                                  MAX_RETRY_AFTER_SECONDS))
        raise
    return response


def _origin(url: str) -> str:
    u = httpx.URL(url)
    return f"{u.scheme}://{u.host}" + (f":{u.port}" if u.port else "")


def json_body(carrier: str, response: httpx.Response) -> Any:
    """Decode a JSON body or raise CarrierResponseError naming what came back (orjson for
    speed; what it refuses, e.g. NaN or UTF-16, goes through the standard decoder as before)."""
    try:
        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError:
            return response.json()
    except ValueError:
        ctype = response.headers.get("content-type", "?")
        snippet = response.text[:120].strip().replace("\n", " ")
        raise CarrierResponseError(
            carrier, f"response is not JSON (content-type {ctype}, body starts {snippet!r})",
            status_code=response.status_code) from None
