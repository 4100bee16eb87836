"""`timeout_seconds` of a carrier's settings is the timeout of every request its adapter sends
(OAuth token requests included), not the HTTP client's default."""

from __future__ import annotations

import httpx
import pytest

from carriers import adapter_class, registry
from carriers.base import TrackRequest
from tests.carriers.helpers import build_adapter
from trackmon.errors import CarrierError

NUMBERS = {"17track": "RB715296045CN", "aftership": "RB715296045CN", "dhl": "1234567890",
           "ups": "1Z5R89390357567127", "usps": "9400111206206406260787", "fedex": "986578788855"}


@pytest.mark.parametrize("name", registry.api_names())
async def test_every_request_carries_the_carriers_timeout(name: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if "oauth" in request.url.path or "token" in request.url.path:
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        return httpx.Response(503)

    adapter = build_adapter(adapter_class(name), handler, api_key="k", client_id="i", client_secret="s",
                            timeout_seconds=4.5, max_attempts=1)
    with pytest.raises(CarrierError):
        await adapter.track([TrackRequest(NUMBERS[name])])
    assert seen, name
    assert {r.extensions["timeout"]["read"] for r in seen} == {4.5}
    assert {r.extensions["timeout"]["connect"] for r in seen} == {4.5}
