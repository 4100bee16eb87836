"""17TRACK v2.2 adapter: parsing of the project's fixtures and the request/response protocol."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from carriers.base import RawResponse, TrackRequest
from carriers.track17 import CARRIER_KEYS, SUB_STATUS, Track17, parse_track_info
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierAuthError, CarrierResponseError, TransientCarrierError
from trackmon.http import make_client
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings

FIXTURES = Path(__file__).parent / "fixtures" / "17track"
BASE = "https://api.17track.net/track/v2.2"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def fast_limiter() -> RateLimiter:
    """A limiter whose clock jumps ahead on every reading, so it never waits for real."""
    ticks = itertools.count(step=1000.0)
    return RateLimiter(1000.0, concurrency=4, monotonic=lambda: float(next(ticks)))


def make_adapter(handler, *, base_url: str | None = None, waits: list[float] | None = None) -> Track17:
    async def sleep(seconds: float) -> None:
        if waits is not None:
            waits.append(seconds)

    settings = CarrierSettings(api_key="secret-key-17", base_url=base_url, max_attempts=3)
    client = make_client(transport=httpx.MockTransport(handler))
    return Track17(settings, client, limiter=fast_limiter(), sleep=sleep)


def raw(**parts: bytes) -> RawResponse:
    return RawResponse(requested=(), parts=parts)


def adapter_for_parse() -> Track17:
    return make_adapter(lambda request: httpx.Response(500))


# ---------------------------------------------------------------- parsing


def test_delivered_two_providers_events_utc_sorted_deduped():
    result = adapter_for_parse().parse(raw(gettrackinfo=fixture("delivered.json")))
    assert result.problems == ()
    (snap,) = result.snapshots
    assert snap.tracking_number == "LZ604127388CN"
    assert snap.carrier == "china-post"
    assert snap.source == "17track"
    assert snap.status is Status.delivered
    assert snap.raw_status == "Delivered/Delivered_Other"
    assert snap.origin_country == "CN"
    assert snap.destination_country == "US"
    assert snap.last_mile_carrier == "USPS"
    assert snap.eta_from == date(2026, 11, 6)
    assert snap.eta_to == date(2026, 11, 12)
    # 7 events in the payload, one listed twice → 6, oldest first, aware UTC
    assert len(snap.events) == 6
    times = [e.time for e in snap.events]
    assert times == sorted(times)
    assert all(t.tzinfo is UTC for t in times)
    first, last = snap.events[0], snap.events[-1]
    assert first.description == "电子信息已收到"
    assert first.time == datetime(2026, 10, 27, 1, 5, tzinfo=UTC)
    assert first.utc_offset_minutes == 480
    assert first.status is Status.info_received
    assert last.description == "Delivered, In/At Mailbox"
    assert last.status is Status.delivered
    assert last.utc_offset_minutes == -300
    assert last.country == "US"
    assert last.location == "COLUMBUS, OH 43215"
    departure = next(e for e in snap.events if e.raw_code == "Departure")
    assert (departure.status, departure.sub_status) == (Status.in_transit, SubStatus.departed_origin)


def test_in_transit_postal_china_to_russia_generic_sub_status():
    (snap,) = adapter_for_parse().parse(raw(gettrackinfo=fixture("in_transit.json"))).snapshots
    assert snap.status is Status.in_transit
    assert snap.raw_status == "InTransit/InTransit_Other"
    # generic InTransit_Other refined by the Russian text of the latest scan (left the exchange office)
    assert snap.sub_status is SubStatus.arrived_destination
    assert (snap.origin_country, snap.destination_country) == ("CN", "RU")
    assert snap.last_mile_carrier == "Russian Post"
    assert [e.description for e in snap.events] == [
        "【东莞市】已收寄", "【广州国际】已出口直封",
        "Прибыло на территорию РФ", "Покинуло место международного обмена"]
    assert snap.events[-1].utc_offset_minutes == 180
    assert snap.events[-1].time == datetime(2026, 11, 18, 6, 41, tzinfo=UTC)
    assert snap.events[2].sub_status is SubStatus.arrived_destination  # stage Arrival


def test_generic_in_transit_refined_by_latest_event_text():
    (snap,) = adapter_for_parse().parse(raw(gettrackinfo=fixture("pickup_generic.json"))).snapshots
    assert snap.raw_status == "InTransit/InTransit_Other"
    assert snap.status is Status.available_for_pickup
    assert snap.events[-1].status is Status.available_for_pickup


def test_exceptions_mapped_from_sub_status():
    result = adapter_for_parse().parse(raw(gettrackinfo=fixture("exception.json")))
    got = {s.tracking_number: (s.status, s.sub_status) for s in result.snapshots}
    assert got == {
        "LY255903181CN": (Status.in_transit, SubStatus.customs_information_required),
        "1Z4E78W90314567892": (Status.delivery_failed, SubStatus.nobody_home),
        "RU448102631CN": (Status.returning, SubStatus.returning),
        "LP009173564CN": (Status.exception, SubStatus.lost),
    }
    ups = next(s for s in result.snapshots if s.carrier == "ups")
    assert ups.last_mile_carrier == "UPS"
    assert ups.events[0].utc_offset_minutes == -480


def test_not_found_snapshot_and_not_registered_problem():
    result = adapter_for_parse().parse(raw(gettrackinfo=fixture("not_found.json")))
    (snap,) = result.snapshots
    assert (snap.tracking_number, snap.status, snap.events) == ("CE391728046CN", Status.not_found, ())
    (problem,) = result.problems
    assert (problem.tracking_number, problem.kind, problem.code) == ("LZ000000000CN", "not_found", "-18019902")
    assert "not registered" in problem.message


def test_batch_register_rejections_reported_per_number():
    result = adapter_for_parse().parse(raw(register=fixture("batch_register.json"),
                                           gettrackinfo=fixture("batch_gettrackinfo.json")))
    assert {s.tracking_number for s in result.snapshots} == {"LZ604127388CN", "RB715296045CN", "UA830145725CN"}
    (problem,) = result.problems  # already registered (-18019901) is not a problem
    assert (problem.tracking_number, problem.kind, problem.code) == ("QQ12", "invalid", "-18019903")


def test_track_info_missing_is_not_found_problem():
    body = json.dumps({"code": 0, "data": {"accepted": [{"number": "LZ604127388CN", "carrier": 3011,
                                                          "track_info": None}], "rejected": []}})
    result = adapter_for_parse().parse(raw(gettrackinfo=body.encode()))
    assert result.snapshots == ()
    assert result.problems[0].kind == "not_found"


@pytest.mark.parametrize(("name", "error", "text"), [
    ("malformed_not_json.json", CarrierResponseError, "not JSON"),
    ("malformed_shape.json", CarrierResponseError, "data.accepted"),
    ("auth_error.json", CarrierAuthError, "security key is invalid"),
    ("limit_error.json", CarrierResponseError, "-18010014"),
    ("internal_error.json", TransientCarrierError, "retry"),
])
def test_bad_bodies_raise_with_a_clear_message(name, error, text):
    with pytest.raises(error, match=text):
        adapter_for_parse().parse(raw(gettrackinfo=fixture(name)))


def test_unmapped_status_is_unknown_and_unknown_sub_falls_back_to_main():
    item = json.loads(fixture("in_transit.json"))["data"]["accepted"][0]
    item["track_info"]["latest_status"] = {"status": "Teleported", "sub_status": "Teleported_Other"}
    assert parse_track_info(item).status is Status.unknown
    item["track_info"]["latest_status"] = {"status": "InTransit", "sub_status": "InTransit_TransportArrived"}
    snap = parse_track_info(item)
    assert snap.status is Status.in_transit
    assert snap.raw_status == "InTransit/InTransit_TransportArrived"


def test_status_table_covers_all_thirty_sub_statuses():
    documented = {
        "NotFound_Other", "NotFound_InvalidCode", "InfoReceived", "InTransit_PickedUp", "InTransit_Other",
        "InTransit_Departure", "InTransit_Arrival", "InTransit_CustomsProcessing", "InTransit_CustomsReleased",
        "InTransit_CustomsRequiringInformation", "Expired_Other", "AvailableForPickup_Other",
        "OutForDelivery_Other", "DeliveryFailure_Other", "DeliveryFailure_NoBody", "DeliveryFailure_Security",
        "DeliveryFailure_Rejected", "DeliveryFailure_InvalidAddress", "Delivered_Other", "Exception_Other",
        "Exception_Returning", "Exception_Returned", "Exception_NoBody", "Exception_Security", "Exception_Damage",
        "Exception_Rejected", "Exception_Delayed", "Exception_Lost", "Exception_Destroyed", "Exception_Cancel",
    }
    mapped = {code for subs in SUB_STATUS.values() for code in subs}
    assert mapped == documented
    assert SUB_STATUS[Status.in_transit]["InTransit_CustomsProcessing"] is SubStatus.customs_processing
    assert SUB_STATUS[Status.returned]["Exception_Returned"] is SubStatus.returned
    assert "Expired_Other" in SUB_STATUS[Status.expired]


# ---------------------------------------------------------------- protocol


def envelope(accepted=(), rejected=()) -> dict:
    return {"code": 0, "data": {"accepted": list(accepted), "rejected": list(rejected)}}


def info_item(number: str) -> dict:
    item = json.loads(fixture("in_transit.json"))["data"]["accepted"][0]
    item["number"] = number
    return item


class Recorder:
    """A fake 17TRACK: answers register/gettrackinfo for whatever numbers are posted."""

    def __init__(self, script: list[httpx.Response] | None = None) -> None:
        self.calls: list[tuple[str, dict[str, str], list[dict]]] = []
        self.script = list(script or [])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.calls.append((str(request.url), dict(request.headers), body))
        if self.script:
            return self.script.pop(0)
        numbers = [item["number"] for item in body]
        if request.url.path.endswith("/register"):
            return httpx.Response(200, json=envelope(rejected=[
                {"number": n, "error": {"code": -18019901, "message": f"Tracking number {n} is already registered."}}
                for n in numbers]))
        if request.url.path.endswith("/gettrackinfo"):
            return httpx.Response(200, json=envelope(accepted=[info_item(n) for n in numbers]))
        if request.url.path.endswith("/stoptrack"):
            return httpx.Response(200, json=envelope(accepted=[{"number": n} for n in numbers]))
        return httpx.Response(404)


async def test_request_shape_headers_and_carrier_hints():
    fake = Recorder()
    adapter = make_adapter(fake)
    result = await adapter.track([TrackRequest("RB715296045CN", "china-post"),
                                  TrackRequest("1Z4E78W90314567892", "ups"),
                                  TrackRequest("XX123", "some-local-courier")])
    assert [url for url, _, _ in fake.calls] == [f"{BASE}/register", f"{BASE}/gettrackinfo"]
    for _, headers, body in fake.calls:
        assert headers["17token"] == "secret-key-17"
        assert headers["content-type"] == "application/json"
        assert body == [{"number": "RB715296045CN", "carrier": 3011},
                        {"number": "1Z4E78W90314567892", "carrier": 100002},
                        {"number": "XX123"}]
    assert len(result.snapshots) == 3 and result.problems == ()


async def test_base_url_setting_replaces_the_origin():
    fake = Recorder()
    adapter = make_adapter(fake, base_url="http://127.0.0.1:9917/mock/v2.2/")
    await adapter.track([TrackRequest("RB715296045CN")])
    assert fake.calls[0][0] == "http://127.0.0.1:9917/mock/v2.2/register"


async def test_85_numbers_make_three_calls_of_at_most_40():
    fake = Recorder()
    adapter = make_adapter(fake)
    numbers = [f"LX{i:09d}CN" for i in range(85)]
    result = await adapter.track([TrackRequest(n) for n in numbers])
    info_calls = [body for url, _, body in fake.calls if url.endswith("/gettrackinfo")]
    assert [len(b) for b in info_calls] == [40, 40, 5]
    assert all(len(b) <= 40 for _, _, b in fake.calls)
    assert sorted(s.tracking_number for s in result.snapshots) == numbers


async def test_register_refusal_skips_gettrackinfo_for_that_number():
    refused = httpx.Response(200, json=envelope(rejected=[
        {"number": "QQ12", "error": {"code": -18019903, "message": "Carrier cannot be detected."}}]))
    fake = Recorder(script=[refused])
    adapter = make_adapter(fake)
    result = await adapter.track([TrackRequest("QQ12"), TrackRequest("RB715296045CN")])
    assert fake.calls[1][2] == [{"number": "RB715296045CN"}]
    assert [s.tracking_number for s in result.snapshots] == ["RB715296045CN"]
    assert [(p.tracking_number, p.kind) for p in result.problems] == [("QQ12", "invalid")]


async def test_429_with_retry_after_is_retried():
    waits: list[float] = []
    fake = Recorder(script=[httpx.Response(429, headers={"Retry-After": "7"}, text="too many")])
    adapter = make_adapter(fake, waits=waits)
    result = await adapter.track([TrackRequest("RB715296045CN")])
    assert waits == [7.0]
    assert [url for url, _, _ in fake.calls] == [f"{BASE}/register", f"{BASE}/register", f"{BASE}/gettrackinfo"]
    assert result.snapshots[0].status is Status.in_transit


async def test_500_then_success():
    waits: list[float] = []
    fake = Recorder(script=[httpx.Response(500, text="oops")])
    adapter = make_adapter(fake, waits=waits)
    result = await adapter.track([TrackRequest("RB715296045CN")])
    assert len(waits) == 1 and len(result.snapshots) == 1


async def test_http_401_is_auth_error():
    adapter = make_adapter(lambda request: httpx.Response(401, json={"code": 401}))
    with pytest.raises(CarrierAuthError):
        await adapter.track([TrackRequest("RB715296045CN")])


async def test_envelope_invalid_key_is_auth_error():
    adapter = make_adapter(lambda request: httpx.Response(200, content=fixture("auth_error.json")))
    with pytest.raises(CarrierAuthError, match="security key is invalid"):
        await adapter.track([TrackRequest("RB715296045CN")])


async def test_non_json_body_is_response_error():
    adapter = make_adapter(lambda request: httpx.Response(
        200, content=fixture("malformed_not_json.json"), headers={"content-type": "text/html"}))
    with pytest.raises(CarrierResponseError, match=r"not JSON.*text/html"):
        await adapter.track([TrackRequest("RB715296045CN")])


async def test_already_registered_is_not_an_error():
    fake = Recorder()  # register answers -18019901 for every number
    result = await make_adapter(fake).track([TrackRequest("RB715296045CN"), TrackRequest("UA830145725CN")])
    assert result.problems == ()
    assert len(result.snapshots) == 2


async def test_stop_tracking_posts_stoptrack():
    fake = Recorder()
    await make_adapter(fake).stop_tracking([TrackRequest("LZ604127388CN", "china-post")])
    assert fake.calls == [(f"{BASE}/stoptrack", fake.calls[0][1], [{"number": "LZ604127388CN", "carrier": 3011}])]
    assert fake.calls[0][1]["17token"] == "secret-key-17"


def test_carrier_keys_from_client_code():
    assert CARRIER_KEYS["china-post"] == 3011
    assert CARRIER_KEYS["usps"] == 21051
    assert CARRIER_KEYS["fedex"] == 100003
    assert CARRIER_KEYS["dhl"] == 100001
