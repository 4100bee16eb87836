"""FedEx Track v1: fixtures parsed to explicit fields, batching, request shape."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from structlog.testing import capture_logs

from carriers.base import RawResponse, TrackRequest
from carriers.fedex import BATCH_PART, Fedex
from tests.carriers.helpers import build_adapter
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierResponseError

FIXTURES = Path(__file__).parent / "fixtures" / "fedex"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def raw(numbers: tuple[str, ...], body: bytes) -> RawResponse:
    return RawResponse(requested=numbers, parts={BATCH_PART: body}, status_codes={BATCH_PART: 200})


def adapter(handler=None, *, base_url: str | None = None) -> Fedex:
    return build_adapter(Fedex, handler, client_id="fx-client", client_secret="fx-secret-value",
                         base_url=base_url)


def test_delivered_fixture() -> None:
    (snap,) = adapter().parse(raw(("794611122233",), fixture("delivered.json"))).snapshots
    assert snap.status is Status.delivered and snap.raw_status == "DL/DL"
    assert snap.origin_country == "CN" and snap.destination_country == "CA"
    assert [e.raw_code for e in snap.events] == ["OC", "PU", "CC", "OD", "DL"]
    assert [e.status for e in snap.events] == [
        Status.info_received, Status.in_transit, Status.in_transit,
        Status.out_for_delivery, Status.delivered]
    created, pickup, cleared, _, done = snap.events
    assert created.sub_status is SubStatus.label_created and created.location is None
    assert pickup.sub_status is SubStatus.picked_up
    assert pickup.time == datetime(2026, 11, 9, 10, 20, tzinfo=UTC)
    assert pickup.utc_offset_minutes == 480
    assert cleared.sub_status is SubStatus.customs_released
    assert done.time == datetime(2026, 11, 13, 16, 5, tzinfo=UTC)
    assert done.location == "TORONTO, ON, CA" and done.country == "CA"


def test_in_transit_fixture_eta_window() -> None:
    (snap,) = adapter().parse(raw(("794611122234",), fixture("in_transit.json"))).snapshots
    assert snap.status is Status.in_transit
    assert (snap.eta_from, snap.eta_to) == (date(2026, 11, 21), date(2026, 11, 22))
    assert snap.events[-1].time == datetime(2026, 11, 18, 14, 50, tzinfo=UTC)


def test_exception_fixture_customs_and_failed_delivery() -> None:
    with capture_logs() as logs:
        (snap,) = adapter().parse(raw(("794611122235",), fixture("exception.json"))).snapshots
    assert snap.status is Status.in_transit
    assert snap.sub_status is SubStatus.customs_held
    assert snap.raw_status == "CD/DY"
    odd, attempt, held = snap.events
    assert odd.status is Status.unknown and odd.raw_code == "ZQ"
    assert attempt.status is Status.delivery_failed and attempt.raw_code == "DE/08"
    assert attempt.sub_status is SubStatus.nobody_home
    assert attempt.description == "Delivery exception. Customer not available or business closed"
    assert held.sub_status is SubStatus.customs_held and held.raw_code == "CD/A12"
    assert [e["code"] for e in logs if e["event"] == "carrier.unmapped_code"] == ["ZQ"]


def test_not_found_is_a_problem() -> None:
    result = adapter().parse(raw(("794600000000",), fixture("not_found.json")))
    assert result.snapshots == ()
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind, problem.code) == (
        "794600000000", "not_found", "TRACKING.TRACKINGNUMBER.NOTFOUND")


def test_batch_fixture_with_shared_number_and_not_found() -> None:
    numbers = ("794611122233", "794611122234", "794600000000")
    result = adapter().parse(raw(numbers, fixture("batch.json")))
    assert [s.tracking_number for s in result.snapshots] == ["794611122233", "794611122234"]
    shared = result.snapshots[0]
    # two shipments share the number: the one with the newest scan wins
    assert shared.events[-1].time == datetime(2026, 11, 13, 16, 5, tzinfo=UTC)
    assert len(shared.events) == 5
    assert [(p.tracking_number, p.kind) for p in result.problems] == [("794600000000", "not_found")]


@pytest.mark.parametrize("body, words", [
    (b"Bad gateway", "not JSON"),
    (fixture("malformed_shape.json"), "has no trackResults list"),
    (fixture("request_error.json"), "BAD.REQUEST.ERROR"),
    (b'{"output": {}}', "no output.completeTrackResults list"),
])
def test_malformed_raises(body: bytes, words: str) -> None:
    with pytest.raises(CarrierResponseError) as err:
        adapter().parse(raw(("794611122236",), body))
    assert words in str(err.value)


async def test_request_shape_and_batches_of_30() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "tok-fx", "expires_in": 3599,
                                             "token_type": "bearer", "scope": "CXS"})
        return httpx.Response(200, content=fixture("batch.json"))

    numbers = [f"7946{i:08d}" for i in range(31)]
    result = await adapter(handler).track([TrackRequest(n) for n in numbers])
    token_req, first, second = seen
    assert str(token_req.url) == "https://apis.fedex.com/oauth/token"
    assert parse_qs(token_req.content.decode()) == {
        "grant_type": ["client_credentials"], "client_id": ["fx-client"],
        "client_secret": ["fx-secret-value"]}
    assert str(first.url) == "https://apis.fedex.com/track/v1/trackingnumbers"
    assert first.method == "POST" and first.headers["Authorization"] == "Bearer tok-fx"
    body = json.loads(first.content)
    assert body["includeDetailedScans"] is True
    assert [t["trackingNumberInfo"]["trackingNumber"] for t in body["trackingInfo"]] == numbers[:30]
    assert len(json.loads(second.content)["trackingInfo"]) == 1
    # numbers the answer did not mention are problems, never silently dropped
    assert {p.tracking_number for p in result.problems} >= set(numbers)


async def test_base_url_replaces_origin() -> None:
    urls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        urls.append(str(request.url))
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3599})
        return httpx.Response(200, content=fixture("in_transit.json"))

    await adapter(handler, base_url="http://127.0.0.1:9000/fx").fetch([TrackRequest("794611122234")])
    assert urls == ["http://127.0.0.1:9000/fx/oauth/token",
                    "http://127.0.0.1:9000/fx/track/v1/trackingnumbers"]
