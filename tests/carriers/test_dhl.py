"""DHL Unified tracking: fixtures parsed to explicit fields, request shape, HTTP failures."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from structlog.testing import capture_logs

from carriers.base import RawResponse, TrackRequest
from carriers.dhl import Dhl
from tests.carriers.helpers import build_adapter
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierAuthError, CarrierResponseError

FIXTURES = Path(__file__).parent / "fixtures" / "dhl"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def raw(number: str, body: bytes, status: int = 200) -> RawResponse:
    return RawResponse(requested=(number,), parts={number: body}, status_codes={number: status})


def adapter(handler=None, *, base_url: str | None = None, sleeps: list[float] | None = None) -> Dhl:
    return build_adapter(Dhl, handler, sleeps=sleeps, api_key="dhl-key-xyz", base_url=base_url)


def test_delivered_fixture() -> None:
    result = adapter().parse(raw("4829105736", fixture("delivered.json")))
    assert result.problems == ()
    (snap,) = result.snapshots
    assert snap.tracking_number == "4829105736"
    assert snap.carrier == "dhl" and snap.source == "dhl"
    assert snap.status is Status.delivered
    assert snap.raw_status == "delivered/delivered"
    assert snap.origin_country == "CN" and snap.destination_country == "FR"
    assert snap.eta_from == snap.eta_to == date(2026, 10, 14)
    assert snap.last_mile_carrier == "DHL Express"
    # the duplicated "information received" event is kept once; oldest first
    assert len(snap.events) == 5
    first, last = snap.events[0], snap.events[-1]
    assert first.status is Status.info_received
    assert first.time == datetime(2026, 10, 10, 16, 20, tzinfo=UTC)  # naive: taken as UTC
    assert first.utc_offset_minutes is None
    assert first.country == "CN"
    assert last.status is Status.delivered
    assert last.time == datetime(2026, 10, 14, 7, 41, tzinfo=UTC)
    assert last.utc_offset_minutes == 120
    assert last.location == "LYON - FRANCE, FR"
    assert [e.time for e in snap.events] == sorted(e.time for e in snap.events)


def test_in_transit_fixture() -> None:
    (snap,) = adapter().parse(raw("4829105737", fixture("in_transit.json"))).snapshots
    assert snap.status is Status.in_transit
    assert snap.eta_from == date(2026, 11, 5) and snap.eta_to == date(2026, 11, 6)
    assert [e.description for e in snap.events] == [
        "Shipment picked up", "Processed at LEIPZIG - GERMANY"]
    assert snap.events[0].time == datetime(2026, 10, 31, 3, 0, tzinfo=UTC)


def test_exception_fixture_customs_and_unmapped_code() -> None:
    with capture_logs() as logs:
        (snap,) = adapter().parse(raw("4829105738", fixture("exception.json"))).snapshots
    # DHL only says "failure"; the text says customs wants documents
    assert snap.status is Status.in_transit
    assert snap.sub_status is SubStatus.customs_information_required
    assert snap.raw_status == "failure/failure"
    assert snap.events[-1].sub_status is SubStatus.customs_information_required
    odd = snap.events[0]
    assert odd.raw_code == "weird-new-code" and odd.status is Status.unknown
    assert any(e["event"] == "carrier.unmapped_code" and e["code"] == "weird-new-code"
               for e in logs)


def test_not_found_is_a_problem() -> None:
    result = adapter().parse(raw("4829100000", fixture("not_found.json"), status=404))
    assert result.snapshots == ()
    (problem,) = result.problems
    assert problem.tracking_number == "4829100000"
    assert problem.kind == "not_found"
    assert problem.code == "404"
    assert "could be found" in problem.message


def test_empty_shipment_list_is_not_found() -> None:
    (problem,) = adapter().parse(raw("4829100001", b'{"shipments": []}')).problems
    assert problem.kind == "not_found"


@pytest.mark.parametrize("body, words", [
    (b"<html>Service Unavailable</html>", "not JSON"),
    (b"[1, 2]", "not an object"),
    (fixture("malformed_shape.json"), "'shipments' is not a list"),
])
def test_malformed_raises(body: bytes, words: str) -> None:
    with pytest.raises(CarrierResponseError) as err:
        adapter().parse(raw("4829105739", body))
    assert words in str(err.value)
    assert err.value.carrier == "dhl"


@pytest.mark.parametrize("body, words", [
    (b'{"shipments": [{"id": "1", "events": [{"timestamp": "yesterday"}]}]}', "not ISO-8601"),
    (b'{"shipments": [{"id": "1", "events": [{"timestamp": "9999-12-31T23:00:00-05:00"}]}]}', "outside the years"),
    (b'{"shipments": [{"id": "1", "events": 7}]}', "shipment events is a number, not a list"),
])
def test_unreadable_shipment_is_a_malformed_problem(body: bytes, words: str) -> None:
    result = adapter().parse(raw("4829105739", body))
    assert not result.snapshots
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind) == ("4829105739", "malformed")
    assert words in problem.message


async def test_request_shape_and_batch_of_two() -> None:
    seen: list[httpx.Request] = []
    bodies = {"4829105736": (200, fixture("delivered.json")),
              "4829100000": (404, fixture("not_found.json"))}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        code, body = bodies[request.url.params["trackingNumber"]]
        return httpx.Response(code, content=body, headers={"content-type": "application/json"})

    dhl = adapter(handler)
    result = await dhl.track([TrackRequest("4829105736"), TrackRequest("4829100000")])
    assert [s.tracking_number for s in result.snapshots] == ["4829105736"]
    assert [(p.tracking_number, p.kind) for p in result.problems] == [("4829100000", "not_found")]
    assert len(seen) == 2
    req = seen[0]
    assert req.method == "GET"
    assert req.url.scheme == "https" and req.url.host == "api-eu.dhl.com"
    assert req.url.path == "/track/shipments"
    assert req.headers["DHL-API-Key"] == "dhl-key-xyz"


async def test_base_url_replaces_origin_and_prefix() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=fixture("in_transit.json"))

    await adapter(handler, base_url="http://127.0.0.1:8123/dhl/").fetch([TrackRequest("4829105737")])
    assert str(seen[0].url).startswith("http://127.0.0.1:8123/dhl/shipments?")


async def test_401_names_the_env_var() -> None:
    dhl = adapter(lambda r: httpx.Response(401, json={"title": "Unauthorized"}))
    with pytest.raises(CarrierAuthError) as err:
        await dhl.fetch([TrackRequest("4829105736")])
    assert "TRACKMON_DHL_API_KEY" in str(err.value)
    assert "dhl-key-xyz" not in str(err.value)


async def test_429_retry_after_is_honoured() -> None:
    calls = iter([httpx.Response(429, headers={"Retry-After": "7"}),
                  httpx.Response(200, content=fixture("in_transit.json"))])
    sleeps: list[float] = []
    dhl = adapter(lambda r: next(calls), sleeps=sleeps)
    result = await dhl.track([TrackRequest("4829105737")])
    assert sleeps == [7.0]
    assert result.snapshots[0].status is Status.in_transit


async def test_500_is_retried_then_succeeds() -> None:
    calls = iter([httpx.Response(500), httpx.Response(502),
                  httpx.Response(200, content=fixture("delivered.json"))])
    sleeps: list[float] = []
    dhl = adapter(lambda r: next(calls), sleeps=sleeps)
    result = await dhl.track([TrackRequest("4829105736")])
    assert len(sleeps) == 2 and all(s > 0 for s in sleeps)
    assert result.snapshots[0].status is Status.delivered

