"""The simulated 17TRACK carrier: journeys (pure) and the HTTP stand-in on 127.0.0.1."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from trackmon.errors import ConfigError
from trackmon.simulator import (
    FaultKind,
    FaultPlan,
    Scenario,
    SimClock,
    SimulatedCarrier,
    build_bench_journey,
    build_journey,
    run_in_thread,
    scenario_for_number,
    serve,
    texts,
)
from trackmon.simulator.journeys import FINAL_STATUS, reword_text
from trackmon.simulator.payload import KEY_STAGES

START = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
KEY = {"17token": "sim-key"}
CJK = re.compile(r"[\u4e00-\u9fff]")

TZ_BY_LOCATION = {place.name: place.tz for dest in texts.DESTINATIONS.values()
                  for place in (dest.gateway, *dest.cities)}
TZ_BY_LOCATION |= {hub.name: hub.tz for hub in texts.TRANSIT_HUBS}
TZ_BY_LOCATION |= {name: texts.ORIGIN_TZ for pair in (*texts.ORIGIN_OFFICES, texts.ORIGIN_EXCHANGE) for name in pair}


# -- journeys ------------------------------------------------------------------------------

@pytest.mark.parametrize("destination", sorted(texts.DESTINATIONS))
@pytest.mark.parametrize("scenario", list(Scenario))
def test_journey_invariants(scenario: Scenario, destination: str) -> None:
    journey = build_journey("RR123456785CN", scenario, START, destination=destination)
    events = journey.events
    final = (journey.final_main_status, journey.final_sub_status)
    assert final[: len(FINAL_STATUS[scenario])] == FINAL_STATUS[scenario]
    if scenario is Scenario.not_found:
        assert events == ()
        return
    assert events[0].time_utc >= START
    for earlier, later in itertools.pairwise(events):
        assert later.time_utc > earlier.time_utc
    for event in events:
        assert event.time_utc.tzinfo is UTC and event.time_utc.second == 0
        assert datetime.fromisoformat(event.time_iso) == event.time_utc
        expected = ZoneInfo(TZ_BY_LOCATION[event.location]).utcoffset(event.time_utc.replace(tzinfo=None))
        assert timedelta(minutes=event.offset_minutes) == expected, event
        assert event.stage is None or event.stage in KEY_STAGES
    if scenario is Scenario.label_only:
        assert [e.stage for e in events] == ["InfoReceived"]
        return
    assert 8 <= len(events) <= 22
    assert timedelta(days=5) <= journey.duration <= timedelta(weeks=8)
    assert all(e.offset_minutes == 480 for e in events[:3])                 # China, +08:00
    local_words = set(texts.DEST_PHRASES[texts.DESTINATIONS[destination].language].values())
    if scenario is not Scenario.stalled:
        assert any(e.description in local_words for e in events)             # last mile in the local language
    assert all(CJK.search(e.description) or e.description.isascii() or e.description in local_words
               for e in events)


def test_journeys_are_deterministic_and_depend_on_the_number() -> None:
    one = build_journey("RR123456785CN", "delivered", START, destination="RU")
    assert one == build_journey("RR123456785CN", "delivered", START, destination="RU")
    assert one != build_journey("RR999999995CN", "delivered", START, destination="RU")
    assert one != build_journey("RR123456785CN", "delivered", START, destination="RU", seed=7)


def test_scenario_specific_endings() -> None:
    ru = {s: build_journey("LZ000000001CN", s, START, destination="RU") for s in Scenario}
    assert ru[Scenario.customs_hold].events[-1].description == "Задержано таможней"
    assert any(e.stage == "AvailableForPickup" for e in ru[Scenario.pickup_waiting].events)
    returned = ru[Scenario.returned].events
    assert [e.stage for e in returned if e.stage in ("Returning", "Returned")] == ["Returning", "Returned"]
    assert returned[-1].country == "CN"
    stalled = build_journey("LZ000000001CN", "stalled", START, destination="US")
    assert stalled.events[-1].stage in ("Departure", "Arrival")
    lost = ru[Scenario.lost].events
    assert lost[-1].time_utc - lost[-2].time_utc >= timedelta(days=20)      # the long silence first


def test_visible_at_shows_events_so_far_and_their_status() -> None:
    journey = build_journey("RR123456785CN", "delivered", START, destination="ES")
    before = journey.visible_at(START - timedelta(seconds=1))
    assert (before.events, before.main_status, before.sub_status) == ((), "NotFound", "NotFound_Other")
    fifth = journey.events[4]
    middle = journey.visible_at(fifth.time_utc)                             # inclusive
    assert middle.events == journey.events[:5]
    assert (middle.main_status, middle.sub_status) == (fifth.main_status, fifth.sub_status)
    assert journey.visible_at(journey.events[0].time_utc).main_status == "InfoReceived"
    done = journey.visible_at(journey.events[-1].time_utc + timedelta(days=90))
    assert (done.main_status, done.sub_status) == ("Delivered", "Delivered_Other")
    with pytest.raises(ValueError, match="naive"):
        journey.visible_at(datetime(2024, 3, 1))


def test_reworded_keeps_identity_and_changes_every_description() -> None:
    journey = build_journey("RR123456785CN", "returned", START, destination="FR")
    other = journey.reworded()
    assert len(other.events) == len(journey.events)
    for a, b in zip(journey.events, other.events, strict=True):
        assert (a.time_utc, a.location, a.stage, a.sub_status) == (b.time_utc, b.location, b.stage, b.sub_status)
        assert a.description != b.description
    assert reword_text("【深圳】已收寄") == "[深圳]已收寄"
    assert reword_text("Acceptance") == "Acceptance."


def test_bench_journeys_have_20_events_in_several_languages() -> None:
    journeys = [build_bench_journey(f"BN{i:09d}CN", START) for i in range(30)]
    assert all(len(j.events) == 20 and j.final_sub_status == "Delivered_Other" for j in journeys)
    languages = {texts.DESTINATIONS[j.destination].language for j in journeys}
    assert len(languages) >= 4
    assert any(CJK.search(e.description) for j in journeys for e in j.events)


def test_scenario_for_number() -> None:
    assert scenario_for_number("NF0000000001") is Scenario.not_found
    assert scenario_for_number("LZ123456789CN") is scenario_for_number("LZ123456789CN")
    seen = Counter(scenario_for_number(f"LZ{i:09d}CN") for i in range(3000))
    assert set(seen) == set(Scenario)
    assert seen[Scenario.delivered] == max(seen.values())


def test_bad_scenario_or_destination_is_named() -> None:
    with pytest.raises(ConfigError, match="unknown scenario 'teleported'"):
        build_journey("RR123456785CN", "teleported", START)
    with pytest.raises(ConfigError, match="unknown destination 'XX'"):
        build_journey("RR123456785CN", "delivered", START, destination="XX")


def test_sim_clock_plays_fast_and_advances() -> None:
    real = [100.0]
    clock = SimClock(START, speed=3600, monotonic=lambda: real[0])
    assert clock() == START
    real[0] += 2
    assert clock() == START + timedelta(hours=2)
    clock.advance(timedelta(days=1))
    assert clock() == START + timedelta(days=1, hours=2)
    clock.set_speed(0)
    real[0] += 50
    assert clock() == START + timedelta(days=1, hours=2)
    with pytest.raises(ConfigError):
        clock.advance(timedelta(seconds=-1))


# -- the HTTP stand-in -----------------------------------------------------------------------

def carrier(**kwargs: object) -> SimulatedCarrier:
    kwargs.setdefault("clock", lambda: START)
    return SimulatedCarrier(**kwargs)  # type: ignore[arg-type]


async def post(client: httpx.AsyncClient, url: str, numbers: list[str], **kwargs: object) -> httpx.Response:
    return await client.post(url, json=[{"number": n, "carrier": 3011} for n in numbers], **kwargs)  # type: ignore[arg-type]


async def test_register_gettrackinfo_stoptrack_envelopes() -> None:
    sim = carrier()
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/track/v2.2")
        reg = (await post(client, "/register", ["LZ123456789CN", "NF12345678", "bad-#"])).json()
        assert reg["code"] == 0
        assert [a["number"] for a in reg["data"]["accepted"]] == ["LZ123456789CN", "NF12345678"]
        assert reg["data"]["accepted"][0]["carrier"] == 3011
        assert reg["data"]["rejected"] == [{"number": "bad-#", "error": {
            "code": -18019903, "message": "The carrier of tracking number bad-# cannot be detected."}}]
        again = (await post(client, "/register", ["LZ123456789CN"])).json()
        assert again["data"]["rejected"][0]["error"]["code"] == -18019901

        info = (await post(client, "/gettrackinfo", ["LZ123456789CN", "NF12345678", "LZ000000000CN"])).json()
        assert info["data"]["rejected"][0]["number"] == "LZ000000000CN"
        assert info["data"]["rejected"][0]["error"]["code"] == -18019902
        found, missing = info["data"]["accepted"]
        journey = sim.journeys["LZ123456789CN"]
        track = found["track_info"]
        events = track["tracking"]["providers"][0]["events"]
        assert len(events) == len(journey.events)                     # backdate=None: whole history visible
        assert [e["time_utc"] for e in events] == [e.time_utc_text for e in reversed(journey.events)]
        assert track["latest_event"] == events[0]
        assert track["latest_status"]["status"] == journey.final_main_status
        assert track["latest_status"]["sub_status"] == journey.final_sub_status
        assert [m["key_stage"] for m in track["milestone"]] == list(KEY_STAGES)
        assert track["shipping_info"]["recipient_address"]["country"] == journey.destination
        assert missing["track_info"]["latest_status"] == {
            "status": "NotFound", "sub_status": "NotFound_Other", "sub_status_descr": None}
        assert missing["track_info"]["latest_event"] is None

        stop = (await post(client, "/stoptrack", ["LZ123456789CN", "LZ000000000CN"])).json()
        assert stop["data"]["accepted"] == [{"number": "LZ123456789CN", "carrier": 3011}]
        assert stop["data"]["rejected"][0]["error"]["code"] == -18019902
        assert (await post(client, "/stoptrack", ["LZ123456789CN"])).json()["data"]["rejected"][0]["number"]
    assert sim.stats.requests == Counter({"register": 2, "gettrackinfo": 1, "stoptrack": 2})
    assert sim.stats.numbers_served == 2
    assert set(sim.registered) == {"LZ123456789CN", "NF12345678"}


async def test_whole_request_errors() -> None:
    async with serve(carrier()) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        too_many = await post(client, "/register", [f"LZ{i:09d}CN" for i in range(41)])
        assert too_many.status_code == 200
        assert too_many.json() == {"code": -18010014, "data": {"errors": [
            {"code": -18010014, "message": "Tracking numbers exceed the 40 limit."}]}}
        assert (await post(client, "/register", [f"LZ{i:09d}CN" for i in range(40)])).json()["code"] == 0
        wrong = await post(client, "/gettrackinfo", ["LZ000000001CN"], headers={"17token": "nope"})
        assert wrong.status_code == 200 and wrong.json()["code"] == -18010002
        assert wrong.json()["data"]["errors"][0]["code"] == -18010002
        garbage = await client.post("/register", content=b"{not json")
        assert garbage.json()["code"] == -18010013
        assert (await client.post("/nosuch", json=[])).status_code == 404


async def test_live_journey_plays_with_the_clock_and_stop_freezes_it() -> None:
    clock = SimClock(START)
    sim = carrier(clock=clock, backdate=timedelta(0),
                  journeys={"LZ777777777CN": build_journey("LZ777777777CN", "delivered", START, destination="DE")})
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        await post(client, "/register", ["LZ777777777CN", "LZ888888888CN"])

        async def status(number: str) -> tuple[str, int]:
            item = (await post(client, "/gettrackinfo", [number])).json()["data"]["accepted"][0]["track_info"]
            events = item["tracking"]["providers"][0]["events"] if item["tracking"]["providers"] else []
            return item["latest_status"]["status"], len(events)

        assert await status("LZ777777777CN") == ("InfoReceived", 1)
        unknown = sim.journeys["LZ888888888CN"]                      # derived from the number, starts now
        assert unknown.events == () or unknown.events[0].time_utc >= START
        clock.advance(timedelta(days=3))
        mid_status, mid_count = await status("LZ777777777CN")
        assert mid_status == "InTransit" and mid_count > 1
        await post(client, "/stoptrack", ["LZ777777777CN"])
        clock.advance(timedelta(days=60))
        assert await status("LZ777777777CN") == (mid_status, mid_count)
        await post(client, "/retrack", ["LZ777777777CN"])
        assert await status("LZ777777777CN") == ("Delivered", len(sim.journeys["LZ777777777CN"].events))


async def test_rate_limit_answers_429_and_counts() -> None:
    now = [10.0]
    sim = carrier(rate_limit_per_second=2, monotonic=lambda: now[0])
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        first = [await post(client, "/register", [f"LZ00000000{i}CN"]) for i in range(3)]
        assert [r.status_code for r in first] == [200, 200, 429]
        assert first[2].headers["Retry-After"] == "1"
        now[0] += 1.01
        assert (await post(client, "/register", ["LZ000000002CN"])).status_code == 200
    assert sim.stats.rate_limited == 1 and sim.stats.responses_429 == 1
    assert sim.stats.max_requests_per_second == 3
    assert "LZ000000002CN" in sim.registered


async def scripted(*faults: str, **kwargs: object) -> tuple[SimulatedCarrier, FaultPlan]:
    plan = FaultPlan(script=faults, endpoints={"gettrackinfo"}, **kwargs)  # type: ignore[arg-type]
    return carrier(faults=plan), plan


@pytest.mark.parametrize(("kind", "status", "retry_after"), [
    ("429", 429, "2"), ("429_bare", 429, None), ("500", 500, None), ("502", 502, None), ("503", 503, None)])
async def test_http_status_faults(kind: str, status: int, retry_after: str | None) -> None:
    sim, plan = await scripted(kind)
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        assert (await post(client, "/register", ["LZ123456789CN"])).status_code == 200   # not a faulted endpoint
        failed = await post(client, "/gettrackinfo", ["LZ123456789CN"])
        assert failed.status_code == status
        assert failed.headers.get("Retry-After") == retry_after
        assert (await post(client, "/gettrackinfo", ["LZ123456789CN"])).json()["code"] == 0  # script used up
    assert plan.injected == Counter({FaultKind(kind): 1})
    assert sim.stats.responses_429 == (1 if status == 429 else 0) and sim.stats.rate_limited == 0


async def test_body_faults_truncated_html_and_reword() -> None:
    sim, _ = await scripted(None, "truncated", "html", "reword")
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        await post(client, "/register", ["LZ123456789CN"])
        normal = await post(client, "/gettrackinfo", ["LZ123456789CN"])
        truncated = await post(client, "/gettrackinfo", ["LZ123456789CN"])
        assert truncated.status_code == 200 and normal.content.startswith(truncated.content)
        with pytest.raises(json.JSONDecodeError):
            json.loads(truncated.content)
        html = await post(client, "/gettrackinfo", ["LZ123456789CN"])
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        assert html.text.startswith("<!DOCTYPE html>")
        reworded = await post(client, "/gettrackinfo", ["LZ123456789CN"])

    def events(response: httpx.Response) -> list[dict[str, object]]:
        return response.json()["data"]["accepted"][0]["track_info"]["tracking"]["providers"][0]["events"]

    for a, b in zip(events(normal), events(reworded), strict=True):
        assert (a["time_utc"], a["location"], a["stage"]) == (b["time_utc"], b["location"], b["stage"])
        assert a["description"] != b["description"]


async def test_reset_and_delay_faults() -> None:
    sim, _ = await scripted("reset", "delay", delay_seconds=30)
    async with serve(sim) as server, httpx.AsyncClient(base_url=server.base_url, headers=KEY) as client:
        await post(client, "/register", ["LZ123456789CN"])
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            await post(client, "/gettrackinfo", ["LZ123456789CN"])
        with pytest.raises(httpx.ReadTimeout):
            await post(client, "/gettrackinfo", ["LZ123456789CN"], timeout=0.3)
        assert (await post(client, "/gettrackinfo", ["LZ123456789CN"])).json()["code"] == 0
    assert sim.stats.faults == Counter({"reset": 1, "delay": 1})


def test_probabilistic_faults_are_seeded_and_validated() -> None:
    def sequence(seed: int) -> list[str | None]:
        plan = FaultPlan(probabilities={"500": 0.2, "reset": 0.1, "reword": 0.2}, seed=seed)
        return [f.kind.value if (f := plan.next_fault("gettrackinfo")) else None for _ in range(200)]

    assert sequence(1) == sequence(1) != sequence(2)
    counts = Counter(sequence(1))
    assert 20 <= counts["500"] <= 60 and 5 <= counts["reset"] <= 40 and counts[None] > 60
    with pytest.raises(ConfigError, match="more than 1"):
        FaultPlan(probabilities={"500": 0.7, "503": 0.6})
    with pytest.raises(ConfigError, match="unknown fault kind 'meteor'"):
        FaultPlan(script=["meteor"])


def test_run_in_thread_serves_sync_clients_and_chunked_bodies() -> None:
    sim = carrier()
    server = run_in_thread(sim)
    try:
        def chunks():
            yield b'[{"number": "LZ1234'
            yield b'56789CN"}]'
        with httpx.Client(base_url=server.base_url, headers=KEY) as client:
            reg = client.post("/register", content=chunks())
            assert reg.json()["data"]["accepted"][0]["number"] == "LZ123456789CN"
            assert client.post("/gettrackinfo", json=[{"number": "LZ123456789CN"}]).json()["code"] == 0
    finally:
        server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.post(server.base_url + "/register", json=[], timeout=2)
