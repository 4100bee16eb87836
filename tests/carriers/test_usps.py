"""USPS Tracking v3: fixtures parsed to explicit fields, request shape. (OAuth flow: test_oauth.py.)"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from structlog.testing import capture_logs

from carriers.base import RawResponse, TrackRequest
from carriers.usps import Usps
from tests.carriers.helpers import build_adapter
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierResponseError

FIXTURES = Path(__file__).parent / "fixtures" / "usps"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def raw(number: str, body: bytes, status: int = 200) -> RawResponse:
    return RawResponse(requested=(number,), parts={number: body}, status_codes={number: status})


def adapter(handler=None, *, base_url: str | None = None) -> Usps:
    return build_adapter(Usps, handler, client_id="usps-client", client_secret="usps-secret-value",
                         base_url=base_url)


def test_delivered_fixture() -> None:
    result = adapter().parse(raw("9400111206213859274610", fixture("delivered.json")))
    assert result.problems == ()
    (snap,) = result.snapshots
    assert snap.status is Status.delivered
    assert snap.raw_status == "Delivered/Delivered, In/At Mailbox"
    assert snap.origin_country == snap.destination_country == "US"
    assert [e.raw_code for e in snap.events] == ["GX", "OA", "A1", "OF", "01"]
    assert [e.status for e in snap.events] == [
        Status.info_received, Status.in_transit, Status.in_transit,
        Status.out_for_delivery, Status.delivered]
    label, accepted, _, _, done = snap.events
    assert label.sub_status is SubStatus.label_created
    assert accepted.sub_status is SubStatus.picked_up
    assert accepted.utc_offset_minutes == -480  # "-8:00" is read too
    assert done.time == datetime(2026, 11, 12, 20, 4, tzinfo=UTC)  # GMTTimestamp
    assert done.utc_offset_minutes == -300
    assert done.location == "NEW YORK, NY, 10027" and done.country == "US"


def test_in_transit_fixture_times() -> None:
    (snap,) = adapter().parse(raw("9400111206213859274611", fixture("in_transit.json"))).snapshots
    assert snap.status is Status.in_transit
    shanghai, chicago, moving = snap.events
    assert shanghai.country == "CN" and shanghai.utc_offset_minutes == 480
    # no GMTTimestamp: the local time is shifted by GMTOffset (-06:00)
    assert moving.time == datetime(2026, 11, 18, 7, 0, tzinfo=UTC)
    assert chicago.time == datetime(2026, 11, 18, 3, 20, tzinfo=UTC)


def test_exception_fixture_notice_left_and_customs() -> None:
    with capture_logs() as logs:
        (snap,) = adapter().parse(raw("LZ123456785US", fixture("exception.json"))).snapshots
    # statusCategory "Alert" is generic; the status text says nobody was home
    assert snap.status is Status.delivery_failed
    assert snap.sub_status is SubStatus.nobody_home
    customs, notice = snap.events
    assert notice.status is Status.delivery_failed and notice.sub_status is SubStatus.nobody_home
    # an unmapped event code: logged, then the text decides
    assert customs.raw_code == "Q9"
    assert customs.sub_status is SubStatus.customs_held
    assert any(e["event"] == "carrier.unmapped_code" and e["code"] == "Q9" for e in logs)


def test_not_found_is_a_problem() -> None:
    result = adapter().parse(raw("9400100000000000000000", fixture("not_found.json"), 404))
    assert result.snapshots == ()
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind, problem.code) == (
        "9400100000000000000000", "not_found", "1001")
    assert problem.message.startswith("A status update is not yet available")


@pytest.mark.parametrize("body, status, words", [
    (b"<!doctype html><p>gateway</p>", 200, "not JSON"),
    (fixture("malformed_shape.json"), 200, "no trackingEvents list"),
    (b'{"message": "weird"}', 404, "without an error object"),
])
def test_malformed_raises(body: bytes, status: int, words: str) -> None:
    with pytest.raises(CarrierResponseError) as err:
        adapter().parse(raw("9400111206213859274612", body, status))
    assert words in str(err.value)


@pytest.mark.parametrize("body, words", [
    (b'{"statusCategory": "In Transit", "trackingEvents": [{"eventCode": "TL"}]}', "has no time"),
    (b'{"statusCategory": "In Transit", "trackingEvents": [{"eventCode": "TL",'
     b' "GMTTimestamp": "0001-01-01T00:00:00+05:00"}]}', "outside the years"),
    (b'{"statusCategory": "In Transit", "trackingEvents": [{"eventCode": 3, "GMTTimestamp": "2026-11-01T10:00:00Z"}]}',
     "eventCode is a number, not text"),
])
def test_unreadable_item_is_a_malformed_problem(body: bytes, words: str) -> None:
    result = adapter().parse(raw("9400111206213859274612", body))
    assert not result.snapshots
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind) == ("9400111206213859274612", "malformed")
    assert words in problem.message


async def test_request_shape_and_batch_of_two() -> None:
    seen: list[httpx.Request] = []
    bodies = {"9400111206213859274610": (200, fixture("delivered.json")),
              "9400100000000000000000": (404, fixture("not_found.json"))}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "tok-usps", "expires_in": 28799})
        code, body = bodies[request.url.path.rsplit("/", 1)[1]]
        return httpx.Response(code, content=body)

    result = await adapter(handler).track(
        [TrackRequest("9400111206213859274610"), TrackRequest("9400100000000000000000")])
    assert [s.status for s in result.snapshots] == [Status.delivered]
    assert [(p.tracking_number, p.kind) for p in result.problems] == [
        ("9400100000000000000000", "not_found")]
    token_req, first, second = seen  # one token for both calls
    assert str(token_req.url) == "https://apis.usps.com/oauth2/v3/token"
    form = parse_qs(token_req.content.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["tracking"],
                    "client_id": ["usps-client"], "client_secret": ["usps-secret-value"]}
    assert first.url.host == "apis.usps.com"
    assert first.url.path == "/tracking/v3/tracking/9400111206213859274610"
    assert first.url.params["expand"] == "DETAIL"
    assert first.headers["Authorization"] == "Bearer tok-usps"
    assert second.url.path.endswith("/9400100000000000000000")


async def test_base_url_serves_token_and_tracking() -> None:
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(str(request.url).split("?")[0])
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 60})
        return httpx.Response(200, content=fixture("in_transit.json"))

    await adapter(handler, base_url="http://127.0.0.1:8765/usps").fetch(
        [TrackRequest("9400111206213859274611")])
    assert paths == ["http://127.0.0.1:8765/usps/oauth2/v3/token",
                     "http://127.0.0.1:8765/usps/tracking/9400111206213859274611"]
