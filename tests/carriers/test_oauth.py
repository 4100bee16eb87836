"""OAuth client-credentials flow of UPS, USPS and FedEx: caching, expiry, 401s, retries."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from structlog.testing import capture_logs

from carriers.base import CarrierAdapter, TrackRequest
from carriers.fedex import Fedex
from carriers.ups import Ups
from carriers.usps import Usps
from trackmon.errors import CarrierAuthError, CarrierResponseError
from trackmon.http import make_client
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "s3cr3t-do-not-log"


@dataclass(frozen=True)
class Case:
    cls: type[CarrierAdapter]
    token_path: str
    number: str
    body: str  # a fixture the tracking call answers with


CASES = [
    Case(Ups, "/security/v1/oauth/token", "1Z5R89390357567128", "ups/in_transit.json"),
    Case(Usps, "/oauth2/v3/token", "9400111206213859274611", "usps/in_transit.json"),
    Case(Fedex, "/oauth/token", "794611122234", "fedex/in_transit.json"),
]
IDS = [c.cls.name for c in CASES]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Server:
    """A stand-in carrier: token endpoint plus tracking endpoint, with scripted failures."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.tokens_issued = 0
        self.token_requests: list[httpx.Request] = []
        self.track_requests: list[httpx.Request] = []
        self.token_script: list[httpx.Response] = []
        self.track_script: list[httpx.Response] = []
        self.expires_in = 3600

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.case.token_path):
            self.token_requests.append(request)
            if self.token_script:
                return self.token_script.pop(0)
            self.tokens_issued += 1
            return httpx.Response(200, json={"access_token": f"tok-{self.tokens_issued}",
                                             "expires_in": self.expires_in})
        self.track_requests.append(request)
        if self.track_script:
            return self.track_script.pop(0)
        return httpx.Response(200, content=(FIXTURES / self.case.body).read_bytes())

    def bearer(self) -> list[str]:
        return [r.headers.get("Authorization", "") for r in self.track_requests]


def make(case: Case, *, secret: str | None = SECRET
         ) -> tuple[CarrierAdapter, Server, Clock, list[float]]:
    server = Server(case)
    clock = Clock()
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    ticks = itertools.count(step=1000.0)
    limiter = RateLimiter(1000, burst=1000, concurrency=4, monotonic=lambda: next(ticks))
    settings = CarrierSettings(client_id="my-client", client_secret=secret,
                               base_url="http://127.0.0.1:8900")
    client = make_client(transport=httpx.MockTransport(server))
    adapter = case.cls(settings, client, limiter=limiter, clock=clock, sleep=sleep)
    return adapter, server, clock, sleeps


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_token_cached_then_refreshed_after_expiry(case: Case) -> None:
    adapter, server, clock, _ = make(case)
    await adapter.track([TrackRequest(case.number)])
    clock.now += timedelta(minutes=30)
    result = await adapter.track([TrackRequest(case.number)])
    assert result.snapshots[0].tracking_number == case.number
    assert len(server.token_requests) == 1
    assert server.bearer() == ["Bearer tok-1", "Bearer tok-1"]
    # 3600 s lifetime minus the 60 s margin: at +59 min the token is renewed
    clock.now += timedelta(minutes=29)
    await adapter.track([TrackRequest(case.number)])
    assert len(server.token_requests) == 2
    assert server.bearer()[-1] == "Bearer tok-2"


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_concurrent_calls_share_one_token_fetch(case: Case) -> None:
    adapter, server, _, _ = make(case)
    await asyncio.gather(*(adapter.track([TrackRequest(case.number)]) for _ in range(4)))
    assert len(server.token_requests) == 1
    assert server.bearer() == ["Bearer tok-1"] * 4


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_401_on_token_names_the_env_vars(case: Case) -> None:
    adapter, server, _, _ = make(case)
    server.token_script = [httpx.Response(401, json={
        "error": "invalid_client", "error_description": "Client authentication failed."})]
    with capture_logs() as logs, pytest.raises(CarrierAuthError) as err:
        await adapter.track([TrackRequest(case.number)])
    prefix = f"TRACKMON_{case.cls.name.upper()}"
    message = str(err.value)
    assert f"{prefix}_CLIENT_ID" in message and f"{prefix}_CLIENT_SECRET" in message
    assert "invalid_client" in message
    assert SECRET not in message and SECRET not in repr(logs)
    assert server.track_requests == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_missing_secret_is_an_auth_error_without_a_request(case: Case) -> None:
    adapter, server, _, _ = make(case, secret=None)
    with pytest.raises(CarrierAuthError, match=f"TRACKMON_{case.cls.name.upper()}_CLIENT_SECRET"):
        await adapter.track([TrackRequest(case.number)])
    assert server.token_requests == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_401_on_tracking_refreshes_once_and_retries(case: Case) -> None:
    adapter, server, _, _ = make(case)
    server.track_script = [httpx.Response(401, json={"message": "token expired"})]
    result = await adapter.track([TrackRequest(case.number)])
    assert result.snapshots and not result.problems
    assert server.bearer() == ["Bearer tok-1", "Bearer tok-2"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_second_401_on_tracking_is_an_auth_error(case: Case) -> None:
    adapter, server, _, _ = make(case)
    server.track_script = [httpx.Response(401), httpx.Response(401)]
    with pytest.raises(CarrierAuthError) as err:
        await adapter.track([TrackRequest(case.number)])
    assert f"TRACKMON_{case.cls.name.upper()}_CLIENT_ID" in str(err.value)
    assert len(server.track_requests) == 2 and len(server.token_requests) == 2


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_429_retry_after_is_waited(case: Case) -> None:
    adapter, server, _, sleeps = make(case)
    server.track_script = [httpx.Response(429, headers={"Retry-After": "9"})]
    result = await adapter.track([TrackRequest(case.number)])
    assert sleeps == [9.0]
    assert result.snapshots[0].tracking_number == case.number
    assert len(server.track_requests) == 2


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_500_retried_then_success(case: Case) -> None:
    adapter, server, _, sleeps = make(case)
    server.track_script = [httpx.Response(500), httpx.Response(503)]
    result = await adapter.track([TrackRequest(case.number)])
    assert len(sleeps) == 2 and all(s > 0 for s in sleeps)
    assert result.snapshots[0].tracking_number == case.number
    assert len(server.token_requests) == 1


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_token_endpoint_500_retried(case: Case) -> None:
    adapter, server, _, sleeps = make(case)
    server.token_script = [httpx.Response(502)]
    await adapter.track([TrackRequest(case.number)])
    assert len(server.token_requests) == 2 and len(sleeps) == 1


@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_token_without_access_token_is_a_response_error(case: Case) -> None:
    adapter, server, _, _ = make(case)
    server.token_script = [httpx.Response(200, json={"token_type": "Bearer"})]
    with pytest.raises(CarrierResponseError, match="no access_token"):
        await adapter.track([TrackRequest(case.number)])


async def test_ups_token_uses_basic_auth_and_string_expiry() -> None:
    case = CASES[0]
    adapter, server, clock, _ = make(case)
    server.token_script = [httpx.Response(200, json={
        "access_token": "tok-ups", "expires_in": "120", "issued_at": "1763640000000"})]
    await adapter.track([TrackRequest(case.number)])
    (req,) = server.token_requests
    assert req.headers["Authorization"] == "Basic bXktY2xpZW50OnMzY3IzdC1kby1ub3QtbG9n"
    assert req.content == b"grant_type=client_credentials"
    # 120 s lifetime: the margin is a tenth of it (12 s), so at +110 s it is renewed
    clock.now += timedelta(seconds=100)
    await adapter.track([TrackRequest(case.number)])
    assert len(server.token_requests) == 1
    clock.now += timedelta(seconds=10)
    await adapter.track([TrackRequest(case.number)])
    assert len(server.token_requests) == 2
