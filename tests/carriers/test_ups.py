"""UPS Track API: fixtures parsed to explicit fields, request shape. (OAuth flow: test_oauth.py.)"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from structlog.testing import capture_logs

from carriers.base import RawResponse, TrackRequest
from carriers.ups import Ups
from tests.carriers.helpers import build_adapter
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierResponseError

FIXTURES = Path(__file__).parent / "fixtures" / "ups"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def raw(number: str, body: bytes, status: int = 200) -> RawResponse:
    return RawResponse(requested=(number,), parts={number: body}, status_codes={number: status})


def adapter(handler=None, *, base_url: str | None = None) -> Ups:
    return build_adapter(Ups, handler, client_id="ups-client", client_secret="ups-secret-value",
                         base_url=base_url)


def test_delivered_fixture() -> None:
    result = adapter().parse(raw("1Z5R89390357567127", fixture("delivered.json")))
    (snap,) = result.snapshots
    assert result.problems == ()
    assert snap.status is Status.delivered
    assert snap.raw_status == "D/011/FS"
    assert snap.origin_country == "CN" and snap.destination_country == "US"
    assert snap.eta_from is None  # only a DEL date: no estimate
    assert [e.status for e in snap.events] == [
        Status.info_received, Status.in_transit, Status.in_transit,
        Status.out_for_delivery, Status.delivered]
    label, pickup, hub, ofd, done = snap.events
    assert label.sub_status is SubStatus.label_created
    # 072 "Preparing for Delivery" is generic; the text says out for delivery
    assert ofd.raw_code == "I/072/OT" and ofd.status is Status.out_for_delivery
    assert pickup.sub_status is SubStatus.picked_up
    # no GMT fields: local time with no offset, taken as UTC
    assert pickup.time == datetime(2026, 10, 30, 23, 10, tzinfo=UTC)
    assert pickup.utc_offset_minutes is None
    # gmtTime "21500" is not zero-padded: 02:15:00 UTC
    assert hub.time == datetime(2026, 11, 2, 2, 15, tzinfo=UTC)
    assert hub.utc_offset_minutes == -240
    assert done.time == datetime(2026, 11, 3, 19, 22, tzinfo=UTC)
    assert done.location == "AUSTIN, TX, US" and done.country == "US"
    assert done.description == "DELIVERED"


def test_in_transit_fixture() -> None:
    (snap,) = adapter().parse(raw("1Z5R89390357567128", fixture("in_transit.json"))).snapshots
    assert snap.status is Status.in_transit
    assert snap.eta_from == snap.eta_to == date(2026, 11, 21)
    assert snap.events[0].time == datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
    assert snap.events[0].sub_status is SubStatus.picked_up
    assert snap.events[0].utc_offset_minutes == 480


def test_exception_fixture_failed_delivery_and_customs_text() -> None:
    (snap,) = adapter().parse(raw("1Z5R89390357567129", fixture("exception.json"))).snapshots
    assert snap.status is Status.delivery_failed
    assert snap.sub_status is SubStatus.nobody_home
    unknown_code, customs, attempt = snap.events
    # statusCode 9999 is not in the table: the activity type (I) decides
    assert unknown_code.status is Status.in_transit and unknown_code.raw_code == "I/9999/ZZ"
    # a generic X with no status code: the text says customs hold
    assert customs.sub_status is SubStatus.customs_held
    assert attempt.status is Status.delivery_failed


def test_unmapped_type_is_unknown_and_logged() -> None:
    body = json.dumps({"trackResponse": {"shipment": [{"package": [{
        "trackingNumber": "1Z5R89390357567131",
        "currentStatus": {"type": "QQ", "description": "Something new"}}]}]}}).encode()
    with capture_logs() as logs:
        (snap,) = adapter().parse(raw("1Z5R89390357567131", body)).snapshots
    assert snap.status is Status.unknown
    assert [e["code"] for e in logs if e["event"] == "carrier.unmapped_code"] == ["QQ"]


def test_not_found_warning_is_a_problem() -> None:
    result = adapter().parse(raw("1Z5R89390357567130", fixture("not_found.json")))
    assert result.snapshots == ()
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind, problem.code) == (
        "1Z5R89390357567130", "not_found", "TW0001")
    assert problem.message == "Tracking Information Not Found"


def test_invalid_number_400_is_a_problem() -> None:
    (problem,) = adapter().parse(raw("1Z000", fixture("invalid.json"), status=400)).problems
    assert (problem.kind, problem.code) == ("invalid", "TV1002")


def test_404_with_unknown_error_code_is_not_found() -> None:
    body = b'{"response": {"errors": [{"code": "TW9999", "message": "nothing here"}]}}'
    (problem,) = adapter().parse(raw("1Z5R89390357567132", body, status=404)).problems
    assert problem.kind == "not_found"


@pytest.mark.parametrize("body, words", [
    (b"not json at all", "not JSON"),
    (fixture("malformed_shape.json"), "no trackResponse.shipment list"),
    (b'{"something": "else"}', "no trackResponse.shipment list"),
])
def test_malformed_raises(body: bytes, words: str) -> None:
    with pytest.raises(CarrierResponseError) as err:
        adapter().parse(raw("1Z5R89390357567133", body))
    assert words in str(err.value)


@pytest.mark.parametrize("body, words", [
    (b'{"trackResponse": {"shipment": [{"package": [{"activity": [{"date": "2026-11-01",'
     b' "time": "x", "status": {"type": "I"}}]}]}]}}', "not a real YYYYMMDD HHMMSS"),
    (b'{"trackResponse": {"shipment": [{"package": [{"activity": [{"date": "99991231",'
     b' "time": "235959", "gmtOffset": "-05:00", "status": {"type": "I"}}]}]}]}}', "not a real YYYYMMDD HHMMSS"),
    (b'{"trackResponse": {"shipment": [{"package": [{"activity": "x"}]}]}}', "package activity is text"),
])
def test_unreadable_package_is_a_malformed_problem(body: bytes, words: str) -> None:
    result = adapter().parse(raw("1Z5R89390357567133", body))
    assert not result.snapshots
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind) == ("1Z5R89390357567133", "malformed")
    assert words in problem.message


def _token(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"access_token": "tok-ups", "expires_in": "14399",
                                     "token_type": "Bearer"})


async def test_request_shape_production_urls() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/oauth/token"):
            return _token(request)
        return httpx.Response(200, content=fixture("delivered.json"))

    ups = adapter(handler)
    result = await ups.track([TrackRequest("1Z5R89390357567127")])
    assert result.snapshots[0].status is Status.delivered
    token_req, track_req = seen
    assert str(token_req.url) == "https://onlinetools.ups.com/security/v1/oauth/token"
    assert token_req.headers["Authorization"].startswith("Basic ")
    assert token_req.content == b"grant_type=client_credentials"
    assert track_req.method == "GET"
    assert track_req.url.host == "onlinetools.ups.com"
    assert track_req.url.path == "/api/track/v1/details/1Z5R89390357567127"
    assert track_req.url.params["locale"] == "en_US"
    assert track_req.headers["Authorization"] == "Bearer tok-ups"
    assert track_req.headers["transactionSrc"] == "trackmon"
    assert len(track_req.headers["transId"]) == 32


async def test_batch_of_two_numbers_makes_two_calls() -> None:
    bodies = {"1Z5R89390357567128": (200, fixture("in_transit.json")),
              "1Z000": (400, fixture("invalid.json"))}
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return _token(request)
        paths.append(request.url.path)
        code, body = bodies[request.url.path.rsplit("/", 1)[1]]
        return httpx.Response(code, content=body)

    result = await adapter(handler, base_url="http://127.0.0.1:9911").track(
        [TrackRequest("1Z5R89390357567128"), TrackRequest("1Z000")])
    assert paths == ["/track/v1/details/1Z5R89390357567128", "/track/v1/details/1Z000"]
    assert [s.status for s in result.snapshots] == [Status.in_transit]
    assert [(p.tracking_number, p.kind) for p in result.problems] == [("1Z000", "invalid")]
