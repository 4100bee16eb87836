"""Carrier correction: `trackmon carrier set` / `POST /shipments/{n}/carrier` against the 17TRACK
stand-in (trackmon/simulator) and an AfterShip stand-in (MockTransport), and the flag raised
when the aggregator's carrier disagrees with the offline one."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import structlog
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from typer.testing import CliRunner

from carriers.aftership import AfterShip
from carriers.correction import change_carrier
from carriers.track17 import Track17
from tests.carriers.helpers import build_adapter
from trackmon.api import SchedulerState, create_app
from trackmon.carrier_set import set_carrier
from trackmon.cli import app
from trackmon.db import make_engine
from trackmon.errors import CarrierResponseError, InputError
from trackmon.http import make_client
from trackmon.intake import apply_row, validate_row
from trackmon.models import Shipment, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.settings import load
from trackmon.simulator import Scenario, SimulatedCarrier, build_journey, run_in_thread
from trackmon.simulator.carrier import Registration
from trackmon.tracking import CarrierSet

NOW = datetime.now(UTC)
CAINIAO = "LP00512345678901"      # Cainiao's format: 17TRACK key 190271
YUNEXPRESS = "YT2229521272164446"  # YunExpress's format: 17TRACK key 190008, slug "yunexpress"
CSV = "order_id,tracking_number,carrier,buyer_email,buyer_country,shipped_at\n{rows}"


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    structlog.reset_defaults()


def _registered_as_fedex(sim: SimulatedCarrier, number: str) -> None:
    """The number was registered at 17TRACK before trackmon saw it (the seller's dashboard) and
    17TRACK detected FedEx: trackmon's register is "already registered", the wrong carrier stays."""
    sim.registered[number] = Registration(100003, None, NOW - timedelta(days=1))


def _journey(number: str, key: int):
    return replace(build_journey(number, Scenario.delivered, NOW - timedelta(days=30), destination="DE", seed=3),
                   carrier_key=key)


def _env(monkeypatch, tmp_path, database_url: str, base_url: str) -> None:
    for key, value in {"TRACKMON_DATABASE_URL": database_url, "TRACKMON_17TRACK_API_KEY": "sim-key",
                       "TRACKMON_17TRACK_BASE_URL": base_url, "TRACKMON_LOG_LEVEL": "warning",
                       "TRACKMON_MESSAGING_FILE_DIR": str(tmp_path / "outbox")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)


def _shipment(url: str, number: str) -> tuple[Shipment, int]:
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            ship = s.exec(select(Shipment).where(Shipment.tracking_number == number)).one()
            events = len(s.exec(select(ShipmentEvent).where(ShipmentEvent.shipment_id == ship.id)).all())
            return ship, events
    finally:
        engine.dispose()


# ------------------------------------------------------------------ 17TRACK stand-in, end to end

def test_carrier_set_fixes_a_wrong_carrier_at_17track_and_the_next_poll_has_its_events(
        database_url, tmp_path, monkeypatch) -> None:
    sim = SimulatedCarrier(api_key="sim-key", journeys={CAINIAO: _journey(CAINIAO, 190271)}, strict_carrier=True)
    server = run_in_thread(sim)
    try:
        _env(monkeypatch, tmp_path, database_url, server.base_url)
        csv_path = tmp_path / "orders.csv"  # the seller named the wrong carrier: 4PX
        shipped = (NOW - timedelta(days=30)).date()
        csv_path.write_text(CSV.format(rows=f"C-1,{CAINIAO},4px,eva@example.com,DE,{shipped}\n"))
        runner = CliRunner()
        assert runner.invoke(app, ["import", str(csv_path), "--json"]).exit_code == 0
        assert runner.invoke(app, ["run", "--once", "--json"]).exit_code == 0
        ship, events = _shipment(database_url, CAINIAO)
        assert (ship.carrier, ship.aggregator_carrier, events) == ("4px", "4px", 0)  # asked at 4PX: nothing

        result = runner.invoke(app, ["carrier", "set", CAINIAO, "cainiao", "--json"])
        assert result.exit_code == 0, result.output
        told = json.loads(result.stdout)
        assert told["previous_carrier"] == "4px" and told["carrier"] == "cainiao"
        assert told["correction"] == {"provider": "17track", "number": CAINIAO, "carrier": "cainiao",
                                      "code": "190271", "previous_code": "190094", "action": "changed"}
        assert sim.registered[CAINIAO].carrier == 190271
        assert sim.stats.requests["changecarrier"] == 1
        ship, _ = _shipment(database_url, CAINIAO)
        assert ship.carrier == "cainiao" and ship.aggregator_carrier is None
        assert ship.next_poll_at is not None and ship.next_poll_at <= datetime.now(UTC)

        assert runner.invoke(app, ["run", "--once", "--json"]).exit_code == 0
        ship, events = _shipment(database_url, CAINIAO)
        assert events > 0 and ship.status == "delivered" and ship.aggregator_carrier == "cainiao"

        again = runner.invoke(app, ["carrier", "set", CAINIAO, "cainiao", "--json"])  # idempotent
        assert json.loads(again.stdout)["correction"]["action"] == "unchanged"
        assert sim.stats.requests["changecarrier"] == 1
    finally:
        server.stop()


def test_a_wrong_aggregator_guess_is_flagged_in_the_api_and_the_log(database_url, tmp_path, monkeypatch) -> None:
    sim = SimulatedCarrier(api_key="sim-key", journeys={YUNEXPRESS: _journey(YUNEXPRESS, 190008)},
                           strict_carrier=True)
    _registered_as_fedex(sim, YUNEXPRESS)
    server = run_in_thread(sim)
    try:
        _env(monkeypatch, tmp_path, database_url, server.base_url)
        csv_path = tmp_path / "orders.csv"
        shipped = (NOW - timedelta(days=9)).date()
        csv_path.write_text(CSV.format(rows=f"Y-1,{YUNEXPRESS},,max@example.com,DE,{shipped}\n"))
        runner = CliRunner()
        assert runner.invoke(app, ["import", str(csv_path), "--json"]).exit_code == 0
        assert runner.invoke(app, ["run", "--once", "--json"]).exit_code == 0
        ship, _ = _shipment(database_url, YUNEXPRESS)
        assert (ship.carrier, ship.aggregator_carrier) == ("yunexpress", "fedex")

        engine = make_engine(database_url)
        try:
            settings = load(env={}, overrides={"api": {"token": "t"}})
            client = TestClient(create_app(engine, settings, scheduler_state=SchedulerState(running=True),
                                           carrier_set=None, clock=lambda: NOW))
            parcel = client.get(f"/shipments/{YUNEXPRESS}", headers={"Authorization": "Bearer t"}).json()
        finally:
            engine.dispose()
        assert parcel["parcels"][0]["carrier_mismatch"] == {"offline": "yunexpress", "aggregator": "fedex",
                                                            "source": "17track"}
        fixed = runner.invoke(app, ["carrier", "set", YUNEXPRESS, "yunexpress", "--json"])
        assert fixed.exit_code == 0, fixed.output
        assert json.loads(fixed.stdout)["correction"] == {
            "provider": "17track", "number": YUNEXPRESS, "carrier": "yunexpress", "code": "190008",
            "previous_code": "100003", "action": "changed"}
        assert sim.registered[YUNEXPRESS].carrier == 190008 and sim.stats.requests["changecarrier"] == 1
        assert runner.invoke(app, ["run", "--once", "--json"]).exit_code == 0
        ship, events = _shipment(database_url, YUNEXPRESS)
        assert events > 0 and ship.aggregator_carrier == "yunexpress"
    finally:
        server.stop()


def test_check_output_flags_the_disagreement(tmp_path, monkeypatch) -> None:
    sim = SimulatedCarrier(api_key="sim-key", journeys={YUNEXPRESS: _journey(YUNEXPRESS, 190008)},
                           strict_carrier=True)
    _registered_as_fedex(sim, YUNEXPRESS)
    server = run_in_thread(sim)
    try:
        _env(monkeypatch, tmp_path, f"sqlite:///{tmp_path / 'x.db'}", server.base_url)
        result = CliRunner().invoke(app, ["check", YUNEXPRESS, "--json"])
        assert json.loads(result.stdout)["carrier_mismatch"] == {
            "offline": "yunexpress", "aggregator": "fedex", "source": "17track"}
        shown = CliRunner().invoke(app, ["check", YUNEXPRESS])
        assert "tracks it as fedex" in shown.output and f"trackmon carrier set {YUNEXPRESS} yunexpress" in shown.output
    finally:
        server.stop()


def test_the_mismatch_is_logged_once_when_the_aggregator_names_another_carrier() -> None:
    from trackmon.carrier_check import note_aggregator_carrier, shipment_mismatch
    from trackmon.domain import Status, TrackingSnapshot

    ship = Shipment(id=7, order_pk=1, tracking_number=YUNEXPRESS, carrier="yunexpress", created_at=NOW)
    snap = TrackingSnapshot(carrier="fedex", tracking_number=YUNEXPRESS, status=Status.not_found, source="17track")
    with structlog.testing.capture_logs() as logs:
        note_aggregator_carrier(ship, snap)
        note_aggregator_carrier(ship, snap)  # the same answer again: no second warning
    assert [(e["event"], e["log_level"], e["aggregator"]) for e in logs] == [("carrier.mismatch", "warning", "fedex")]
    assert shipment_mismatch(ship) == {"offline": "yunexpress", "aggregator": "fedex", "source": ""}
    direct = replace(snap, source="fedex", carrier="fedex")
    other = Shipment(id=8, order_pk=1, tracking_number="986578788855", carrier="ups", created_at=NOW)
    note_aggregator_carrier(other, direct)  # a direct carrier's answer is not an aggregator's guess
    assert other.aggregator_carrier is None
    same = Shipment(id=9, order_pk=1, tracking_number="EA123456785CN", carrier="china-post", created_at=NOW)
    note_aggregator_carrier(same, replace(snap, carrier="china-ems"))  # EMS is China Post's service
    assert same.aggregator_carrier == "china-ems" and shipment_mismatch(same) is None


# ------------------------------------------------------------------ 17TRACK protocol details

def _track17(handler) -> Track17:
    return build_adapter(Track17, handler, api_key="k")


def _ok(accepted: list[dict[str, Any]] | None = None, rejected: list[dict[str, Any]] | None = None) -> httpx.Response:
    return httpx.Response(200, json={"code": 0, "data": {"accepted": accepted or [], "rejected": rejected or []}})


async def test_17track_unregistered_number_is_registered_with_the_new_key() -> None:
    calls: list[tuple[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        endpoint = request.url.path.rsplit("/", 1)[-1]
        calls.append((endpoint, json.loads(request.content)))
        if endpoint == "gettrackinfo":
            return _ok(rejected=[{"number": CAINIAO, "error": {"code": -18019902, "message": "not registered"}}])
        return _ok([{"number": CAINIAO, "carrier": 190271}])

    fix = await change_carrier(_track17(handler), CAINIAO, "cainiao")
    assert fix.action == "registered"
    assert calls[1] == ("register", [{"number": CAINIAO, "carrier": 190271}])


async def test_17track_refused_change_is_an_error_naming_the_reason() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("gettrackinfo"):
            return _ok([{"number": CAINIAO, "carrier": 3011, "track_info": None}])
        return _ok(rejected=[{"number": CAINIAO, "error": {"code": -18019909, "message": "change limit reached"}}])

    with pytest.raises(CarrierResponseError, match="change limit reached"):
        await change_carrier(_track17(handler), CAINIAO, "cainiao")


async def test_unknown_carrier_name_is_refused_before_any_call() -> None:
    with pytest.raises(InputError, match="not known"):
        await change_carrier(_track17(lambda r: pytest.fail("no call expected")), CAINIAO, "no-such-carrier")


async def test_a_carrier_without_an_aftership_slug_is_refused_naming_the_gap() -> None:
    # AfterShip's list has no J&T China courier ("jtexpress" there is J&T Malaysia): nothing is sent
    adapter = build_adapter(AfterShip, lambda r: pytest.fail("no call expected"), api_key="k")
    with pytest.raises(InputError, match="AfterShip's slug for 'jtexpress' is not known"):
        await change_carrier(adapter, "JT5012345678901", "jtexpress")


# ------------------------------------------------------------------ AfterShip stand-in

class AfterShipStandIn:
    """Enough of AfterShip 2024-04 for correction: trackings by id, auto-detection guessing
    `guess`, checkpoints only when the slug is the parcel's real one (`real`)."""

    def __init__(self, real: dict[str, str], guess: str, *, accept_put: bool = True) -> None:
        self.real, self.guess, self.accept_put = real, guess, accept_put
        self.trackings: dict[str, dict[str, Any]] = {}
        self.ids = itertools.count(1)
        self.calls: list[tuple[str, str, Any]] = []

    def _view(self, t: dict[str, Any]) -> dict[str, Any]:
        right = self.real.get(t["tracking_number"]) == t["slug"]
        checkpoints = [{"checkpoint_time": (NOW - timedelta(days=d)).isoformat(), "message": text, "tag": tag,
                        "subtag": sub, "location": "Shenzhen"}
                       for d, text, tag, sub in ((6, "Accepted by carrier", "InTransit", "InTransit_002"),
                                                 (1, "Delivered", "Delivered", "Delivered_001"))] if right else []
        return {**t, "tag": "Delivered" if right else "Pending", "subtag": "Delivered_001" if right else "Pending_001",
                "checkpoints": checkpoints}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.calls.append((request.method, request.url.path, body))
        path = request.url.path.split("/tracking/2024-04", 1)[-1]
        if request.method == "GET" and path == "/trackings":
            number, slug = request.url.params.get("tracking_numbers"), request.url.params.get("slug")
            found = [self._view(t) for t in self.trackings.values()
                     if t["tracking_number"] == number and (slug is None or t["slug"] == slug)]
            return httpx.Response(200, json={"meta": {"code": 200}, "data": {"trackings": found}})
        if request.method == "POST" and path == "/trackings":
            t = {"id": f"t{next(self.ids)}", "tracking_number": body["tracking_number"],
                 "slug": body.get("slug") or self.guess}
            self.trackings[t["id"]] = t
            return httpx.Response(201, json={"meta": {"code": 201}, "data": self._view(t)})
        ident = path.rsplit("/", 1)[-1]
        if request.method == "PUT" and ident in self.trackings:
            if not self.accept_put:
                return httpx.Response(400, json={"meta": {"code": 4001, "message": "slug cannot be updated"},
                                                 "data": {}})
            self.trackings[ident]["slug"] = body["slug"]
            return httpx.Response(200, json={"meta": {"code": 200}, "data": self._view(self.trackings[ident])})
        if request.method == "DELETE" and ident in self.trackings:
            gone = self.trackings.pop(ident)
            return httpx.Response(200, json={"meta": {"code": 200}, "data": gone})
        return httpx.Response(404, json={"meta": {"code": 4004, "message": "not found"}, "data": {}})


UNKNOWN = "CNX12345678901"  # no offline format: AfterShip auto-detects (and guesses wrong)


@pytest.mark.parametrize("accept_put", [True, False], ids=["put", "delete-recreate"])
async def test_aftership_correction_then_next_poll_reads_the_right_courier(engine, accept_put: bool) -> None:
    standin = AfterShipStandIn({UNKNOWN: "cainiao"}, guess="usps", accept_put=accept_put)
    settings = load(env={"TRACKMON_AFTERSHIP_API_KEY": "k"})
    now = datetime.now(UTC)
    with Session(engine) as s:
        apply_row(s, validate_row({"order_id": "U-1", "tracking_number": UNKNOWN, "buyer_email": "li@example.com",
                                   "shipped_at": (now - timedelta(days=7)).isoformat()}), now)
        s.commit()
    async with make_client(transport=httpx.MockTransport(standin)) as client:
        carrier_set = CarrierSet(settings, client)
        await poll_due(engine, carrier_set, settings, now + timedelta(minutes=1), owner="t")
        with Session(engine) as s:
            ship = s.exec(select(Shipment)).one()
            assert (ship.carrier, ship.aggregator_carrier, ship.last_event_at) == (None, "usps", None)

        result = await set_carrier(engine, carrier_set, UNKNOWN, "cainiao", now + timedelta(minutes=2))
        assert result.correction is not None
        assert (result.correction.previous_code, result.correction.code) == ("usps", "cainiao")
        assert result.correction.action == ("changed" if accept_put else "recreated")
        calls = [(m, p.rsplit("/", 1)[-1], b) for m, p, b in standin.calls[2:]]  # after the first poll's GET + POST
        expected = [("GET", "trackings", None), ("PUT", "t1", {"slug": "cainiao"})]
        if not accept_put:
            expected += [("DELETE", "t1", None), ("POST", "trackings", {"tracking_number": UNKNOWN, "slug": "cainiao"})]
        assert calls == expected
        assert [t["slug"] for t in standin.trackings.values()] == ["cainiao"]

        report = await poll_due(engine, carrier_set, settings, now + timedelta(minutes=3), owner="t")
        assert report.new_events == 2
    with Session(engine) as s:
        ship = s.exec(select(Shipment)).one()
        assert (ship.carrier, ship.aggregator_carrier, ship.status) == ("cainiao", "cainiao", "delivered")


async def test_aftership_correction_of_a_number_it_does_not_track_creates_it_with_the_slug() -> None:
    standin = AfterShipStandIn({YUNEXPRESS: "yunexpress"}, guess="usps")
    fix = await change_carrier(build_adapter(AfterShip, standin, api_key="k"), YUNEXPRESS, "yunexpress")
    assert fix.action == "registered"
    assert standin.calls[-1] == ("POST", "/tracking/2024-04/trackings",
                                 {"tracking_number": YUNEXPRESS, "slug": "yunexpress"})


# ------------------------------------------------------------------ the API route

def test_api_route_needs_the_token_and_corrects_the_carrier(engine) -> None:
    standin = AfterShipStandIn({UNKNOWN: "cainiao"}, guess="usps")
    now = datetime.now(UTC)
    with Session(engine) as s:
        apply_row(s, validate_row({"order_id": "U-2", "tracking_number": UNKNOWN, "buyer_email": "li@example.com"}),
                  now)
        s.commit()
    standin.trackings["t0"] = {"id": "t0", "tracking_number": UNKNOWN, "slug": "usps"}
    settings = load(env={"TRACKMON_AFTERSHIP_API_KEY": "k"}, overrides={"api": {"token": "t"}})
    carrier_set = CarrierSet(settings, make_client(transport=httpx.MockTransport(standin)))
    client = TestClient(create_app(engine, settings, scheduler_state=SchedulerState(running=True),
                                   carrier_set=carrier_set, clock=lambda: now))
    url = f"/shipments/{UNKNOWN}/carrier"
    assert client.post(url, json={"carrier": "cainiao"}).status_code == 401
    assert standin.calls == []
    auth = {"Authorization": "Bearer t"}
    bad = client.post(url, json={"carrier": "nope"}, headers=auth)
    assert bad.status_code == 422 and "unknown carrier 'nope'" in bad.json()["detail"]
    missing = client.post("/shipments/RB123456785CN/carrier", json={"carrier": "cainiao"}, headers=auth)
    assert missing.status_code == 404
    r = client.post(url, json={"carrier": "cainiao"}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["correction"]["action"] == "changed" and standin.trackings["t0"]["slug"] == "cainiao"
    with Session(engine) as s:
        ship = s.exec(select(Shipment)).one()
        assert ship.carrier == "cainiao" and ship.next_poll_at is not None
