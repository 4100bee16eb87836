"""AfterShip adapter: parsing of the project's fixtures and the request/response protocol."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from carriers.aftership import SUBTAGS, AfterShip, parse_tracking
from carriers.base import RawResponse, TrackRequest
from trackmon.domain import Status, SubStatus
from trackmon.errors import CarrierAuthError, CarrierResponseError
from trackmon.http import make_client
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings

FIXTURES = Path(__file__).parent / "fixtures" / "aftership"
BASE = "https://api.aftership.com/tracking/2024-04"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_adapter(handler, *, waits: list[float] | None = None) -> AfterShip:
    async def sleep(seconds: float) -> None:
        if waits is not None:
            waits.append(seconds)

    ticks = itertools.count(step=1000.0)
    limiter = RateLimiter(1000.0, concurrency=4, monotonic=lambda: float(next(ticks)))
    settings = CarrierSettings(api_key="as-key-123", max_attempts=3)
    return AfterShip(settings, make_client(transport=httpx.MockTransport(handler)), limiter=limiter, sleep=sleep)


def parse(**parts: tuple[bytes, int]) -> tuple:
    raw = RawResponse(requested=(), parts={k.replace("__", ":"): v[0] for k, v in parts.items()},
                      status_codes={k.replace("__", ":"): v[1] for k, v in parts.items()})
    result = make_adapter(lambda r: httpx.Response(500)).parse(raw)
    return result.snapshots, result.problems


def test_delivered_with_last_mile_and_eta():
    (snap,), problems = parse(get__LY255903181CN=(fixture("delivered.json"), 200))
    assert problems == ()
    assert (snap.tracking_number, snap.carrier, snap.source) == ("LY255903181CN", "china-post", "aftership")
    assert (snap.status, snap.raw_status) == (Status.delivered, "Delivered/Delivered_001")
    assert (snap.origin_country, snap.destination_country) == ("CN", "DE")
    assert snap.last_mile_carrier == "dhl-germany"
    assert (snap.eta_from, snap.eta_to) == (date(2026, 11, 13), date(2026, 11, 16))
    assert len(snap.events) == 5  # six checkpoints, one repeated
    assert snap.events[0].time == datetime(2026, 11, 1, 2, 12, tzinfo=UTC)
    assert snap.events[0].utc_offset_minutes == 480
    assert (snap.events[0].status, snap.events[0].sub_status) == (Status.in_transit, SubStatus.picked_up)
    assert snap.events[2].sub_status is SubStatus.arrived_destination
    assert snap.events[2].country == "DE"
    assert snap.events[-1].status is Status.delivered
    assert snap.events[-1].description == "Die Sendung wurde erfolgreich zugestellt"
    assert snap.events[-1].utc_offset_minutes == 60


def test_in_transit_china_to_russia():
    (snap,), _ = parse(get__RB715296045CN=(fixture("in_transit.json"), 200))
    assert (snap.status, snap.destination_country) == (Status.in_transit, "RU")
    assert [e.description for e in snap.events][-2:] == ["Прибыло на территорию РФ",
                                                         "Покинуло место международного обмена"]
    assert snap.events[-1].time == datetime(2026, 11, 18, 6, 41, tzinfo=UTC)
    assert snap.last_mile_carrier == "russian-post"


def test_generic_subtag_refined_by_text():
    (snap,), _ = parse(get__UA830145725CN=(fixture("pickup_generic.json"), 200))
    assert snap.raw_status == "InTransit/InTransit_001"
    assert snap.status is Status.available_for_pickup
    assert snap.events[-1].status is Status.available_for_pickup


@pytest.mark.parametrize(("name", "number", "expected"), [
    ("exception_customs.json", "LZ604127388CN", (Status.in_transit, SubStatus.customs_held)),
    ("exception_attempt.json", "9400111899223197428490", (Status.delivery_failed, SubStatus.nobody_home)),
    ("exception_returning.json", "RU448102631CN", (Status.returning, SubStatus.returning)),
])
def test_exceptions(name, number, expected):
    (snap,), _ = parse(**{f"get__{number}": (fixture(name), 200)})
    assert (snap.status, snap.sub_status) == expected


def test_naive_checkpoint_time_taken_as_utc_without_offset():
    (snap,), _ = parse(get__9400111899223197428490=(fixture("exception_attempt.json"), 200))
    (event,) = snap.events
    assert event.time == datetime(2026, 11, 15, 10, 2, tzinfo=UTC)
    assert event.utc_offset_minutes is None
    assert event.raw_code == "53"
    assert event.location == "AUSTIN"


def test_customs_duties_checkpoint():
    (snap,), _ = parse(get__LZ604127388CN=(fixture("exception_customs.json"), 200))
    assert (snap.events[-1].status, snap.events[-1].sub_status) == (Status.in_transit, SubStatus.customs_duties)
    assert snap.events[-1].country == "BR"


def test_not_found_404_is_a_problem():
    snaps, (problem,) = parse(get__LZ000000000CN=(fixture("not_found.json"), 404))
    assert snaps == ()
    assert (problem.tracking_number, problem.kind, problem.code) == ("LZ000000000CN", "not_found", "4004")


def test_new_number_created_pending_is_not_found_status():
    (snap,), problems = parse(get__CE391728046CN=(fixture("list_empty.json"), 200),
                              create__CE391728046CN=(fixture("created_pending.json"), 201))
    assert problems == ()
    assert (snap.status, snap.raw_status, snap.events) == (Status.not_found, "Pending/Pending_001", ())


def test_batch_with_one_rejected():
    snaps, problems = parse(get__LY255903181CN=(fixture("batch.json"), 200),
                            get__RB715296045CN=(fixture("batch.json"), 200),
                            get__QQ12=(fixture("list_empty.json"), 200),
                            create__QQ12=(fixture("create_invalid.json"), 400))
    assert {(s.tracking_number, s.status) for s in snaps} == {
        ("LY255903181CN", Status.delivered), ("RB715296045CN", Status.in_transit)}
    (problem,) = problems
    assert (problem.tracking_number, problem.kind, problem.code) == ("QQ12", "invalid", "4005")
    assert "tracking_number" in problem.message


@pytest.mark.parametrize(("name", "error", "text"), [
    ("malformed_not_json.json", CarrierResponseError, "not JSON"),
    ("malformed_shape.json", CarrierResponseError, "meta"),
    ("auth_error.json", CarrierAuthError, "Invalid API key"),
])
def test_bad_bodies(name, error, text):
    with pytest.raises(error, match=text):
        parse(get__RB715296045CN=(fixture(name), 200))


def test_one_unreadable_tracking_is_a_malformed_problem_for_that_number():
    snaps, problems = parse(get__RB715296045CN=(fixture("malformed_checkpoints.json"), 200))
    assert not snaps
    (problem,) = problems
    assert (problem.tracking_number, problem.kind) == ("RB715296045CN", "malformed")
    assert "checkpoints is not a list" in problem.message


def test_unknown_subtag_falls_back_to_tag_and_unknown_tag_is_unknown():
    obj = json.loads(fixture("in_transit.json"))["data"]["trackings"][0]
    obj["subtag"] = "InTransit_077"
    assert parse_tracking(obj).status is Status.in_transit
    obj["tag"], obj["subtag"] = "Teleported", None
    assert parse_tracking(obj).status is Status.unknown


def test_legacy_v4_iso3_fields():
    obj = json.loads(fixture("in_transit.json"))["data"]["trackings"][0]
    obj.pop("origin_country_region"), obj.pop("destination_country_region")
    obj["origin_country_iso3"], obj["destination_country_iso3"] = "CHN", "MEX"
    snap = parse_tracking(obj)
    assert (snap.origin_country, snap.destination_country) == ("CN", "MX")


def test_subtag_table_covers_documented_subtags():
    mapped = {code for subs in SUBTAGS.values() for code in subs}
    documented = {f"Delivered_00{i}" for i in range(1, 6)} | {"AvailableForPickup_001", "InfoReceived_001",
                                                               "Expired_001"}
    documented |= {f"Exception_0{i:02d}" for i in (*range(1, 14), *range(16, 22))}
    documented |= {f"AttemptFail_00{i}" for i in range(1, 4)} | {f"InTransit_00{i}" for i in range(1, 10)}
    documented |= {"OutForDelivery_001", "OutForDelivery_003", "OutForDelivery_004"}
    documented |= {f"Pending_00{i}" for i in range(1, 7)}
    assert mapped == documented


# ---------------------------------------------------------------- protocol


class FakeAfterShip:
    def __init__(self, known: dict[str, bytes], script: list[httpx.Response] | None = None) -> None:
        self.known = known
        self.script = list(script or [])
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        if self.script:
            return self.script.pop(0)
        if request.method == "GET":
            number = request.url.params["tracking_numbers"]
            if number in self.known:
                return httpx.Response(200, content=self.known[number])
            return httpx.Response(200, content=fixture("list_empty.json"))
        number = json.loads(request.content)["tracking_number"]
        if number.startswith("QQ"):
            return httpx.Response(400, content=fixture("create_invalid.json"))
        body = json.loads(fixture("created_pending.json"))
        body["data"]["tracking_number"] = number
        return httpx.Response(201, json=body)


async def test_get_then_create_request_shapes():
    fake = FakeAfterShip({"RB715296045CN": fixture("in_transit.json")})
    adapter = make_adapter(fake)
    result = await adapter.track([TrackRequest("RB715296045CN", "china-post"), TrackRequest("CE391728046CN"),
                                  TrackRequest("QQ12")])
    assert [(r.method, r.url.path) for r in fake.calls] == [
        ("GET", "/tracking/2024-04/trackings"), ("GET", "/tracking/2024-04/trackings"),
        ("POST", "/tracking/2024-04/trackings"), ("GET", "/tracking/2024-04/trackings"),
        ("POST", "/tracking/2024-04/trackings")]
    assert all(r.headers["as-api-key"] == "as-key-123" for r in fake.calls)
    assert dict(fake.calls[0].url.params) == {"tracking_numbers": "RB715296045CN", "slug": "china-post"}
    assert json.loads(fake.calls[2].content) == {"tracking_number": "CE391728046CN"}
    assert {s.tracking_number: s.status for s in result.snapshots} == {
        "RB715296045CN": Status.in_transit, "CE391728046CN": Status.not_found}
    assert [(p.tracking_number, p.kind) for p in result.problems] == [("QQ12", "invalid")]


async def test_429_retry_after_then_success():
    waits: list[float] = []
    fake = FakeAfterShip({"RB715296045CN": fixture("in_transit.json")},
                         script=[httpx.Response(429, headers={"Retry-After": "3"})])
    result = await make_adapter(fake, waits=waits).track([TrackRequest("RB715296045CN")])
    assert waits == [3.0]
    assert result.snapshots[0].status is Status.in_transit


async def test_500_then_success():
    waits: list[float] = []
    fake = FakeAfterShip({"RB715296045CN": fixture("in_transit.json")}, script=[httpx.Response(503)])
    result = await make_adapter(fake, waits=waits).track([TrackRequest("RB715296045CN")])
    assert len(waits) == 1 and len(result.snapshots) == 1


async def test_401_is_auth_error():
    adapter = make_adapter(lambda r: httpx.Response(401, content=fixture("auth_error.json")))
    with pytest.raises(CarrierAuthError):
        await adapter.track([TrackRequest("RB715296045CN")])


async def test_non_json_is_response_error():
    adapter = make_adapter(lambda r: httpx.Response(200, content=fixture("malformed_not_json.json"),
                                                    headers={"content-type": "text/html"}))
    with pytest.raises(CarrierResponseError, match=r"not JSON.*text/html"):
        await adapter.track([TrackRequest("RB715296045CN")])
