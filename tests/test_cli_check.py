"""`trackmon check` end to end against a 17TRACK stand-in on 127.0.0.1 (real HTTP, real adapter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.simulator import Scenario, SimulatedCarrier, build_journey, run_in_thread

START = datetime.now(UTC) - timedelta(days=60)
NUMBERS = {
    "RR100000017CN": (Scenario.delivered, "RU"),
    "RR100000025CN": (Scenario.customs_hold, "ES"),
    "RR100000034CN": (Scenario.pickup_waiting, "RU"),
    "RR100000048CN": (Scenario.stalled, "US"),
    "RR100000051CN": (Scenario.returned, "BR"),
}


@pytest.fixture(scope="module")
def standin():
    journeys = {n: build_journey(n, sc, START, destination=dest, seed=7) for n, (sc, dest) in NUMBERS.items()}
    carrier = SimulatedCarrier(api_key="sim-key", journeys=journeys)
    server = run_in_thread(carrier)
    yield server
    server.stop()


def env_for(server, key: str = "sim-key") -> dict[str, str]:
    return {"TRACKMON_17TRACK_API_KEY": key, "TRACKMON_17TRACK_BASE_URL": server.base_url,
            "TRACKMON_17TRACK_MAX_ATTEMPTS": "2", "TRACKMON_LOG_LEVEL": "error"}


def run_cli(args: list[str], env: dict[str, str]):
    return CliRunner().invoke(app, args, env=env, catch_exceptions=False)


def test_check_json_end_to_end_over_real_http(standin):
    """The console script in a subprocess: real process, real socket, real 17TRACK-shaped answers."""
    env = {**os.environ, **env_for(standin)}
    env.pop("TRACKMON_CONFIG", None)
    proc = subprocess.run([sys.executable, "-m", "trackmon", "check", "--json", *NUMBERS],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = {item["tracking_number"]: item for item in json.loads(proc.stdout)}
    assert set(out) == set(NUMBERS)
    for item in out.values():
        assert {"tracking_number", "carrier", "status", "sub_status", "events", "alerts"} <= set(item)
        assert item["source"] == "17track" and item["carrier"] == "china-post"
        assert item["events"], item
        for ev in item["events"]:
            assert {"time", "location", "description", "status"} <= set(ev)
            assert ev["time"].endswith("Z")
        times = [ev["time"] for ev in item["events"]]
        assert times == sorted(times)
        for alert in item["alerts"]:
            assert alert["kind"] and alert["reason"]
    delivered = out["RR100000017CN"]
    assert delivered["status"] == "delivered" and delivered["alerts"] == []
    assert delivered["next_message"]["kind"] == "delivered"
    assert out["RR100000025CN"]["status"] == "in_transit"
    assert out["RR100000025CN"]["sub_status"].startswith("customs")
    assert "customs_hold" in {a["kind"] for a in out["RR100000025CN"]["alerts"]}
    pickup = out["RR100000034CN"]
    assert pickup["status"] == "available_for_pickup"
    assert "pickup_waiting" in {a["kind"] for a in pickup["alerts"]}
    assert pickup["next_message"]["kind"] == "pickup_waiting"
    assert {"stalled", "lost"} & {a["kind"] for a in out["RR100000048CN"]["alerts"]}
    assert out["RR100000051CN"]["status"] in ("returned", "returning")
    assert "returning" in {a["kind"] for a in out["RR100000051CN"]["alerts"]}


def test_human_output_shows_timeline_alerts_and_next_message(standin):
    result = run_cli(["check", "RR100000034CN"], env_for(standin))
    assert result.exit_code == 0, result.output
    text = result.output
    assert "available_for_pickup" in text
    assert "pickup_waiting" in text
    assert "Next buyer message" in text
    assert "time (UTC)" in text


def test_not_found_exit_code(standin):
    result = run_cli(["check", "--json", "NF1234567890"], env_for(standin))
    assert result.exit_code == 3, result.output
    assert json.loads(result.output)["error"]["kind"] == "not_found"


def test_invalid_number_exit_code_without_network(standin):
    result = run_cli(["check", "--json", "RR100000018CN"], env_for(standin))
    assert result.exit_code == 4
    err = json.loads(result.output)["error"]
    assert err["kind"] == "invalid_number" and "check digit" in err["message"]


def test_missing_key_is_a_configuration_error_naming_the_variable():
    result = run_cli(["check", "RR100000017CN"], {"TRACKMON_LOG_LEVEL": "error"})
    assert result.exit_code == 6
    assert "TRACKMON_17TRACK_API_KEY" in result.output


def test_wrong_key_is_a_carrier_failure(standin):
    result = run_cli(["check", "--json", "RR100000017CN"], env_for(standin, key="wrong"))
    assert result.exit_code == 5
    assert json.loads(result.output)["error"]["kind"] == "carrier_failure"


def test_worst_exit_code_wins_and_good_answers_are_kept(standin):
    result = run_cli(["check", "--json", "RR100000017CN", "RR100000018CN"], env_for(standin))
    assert result.exit_code == 4
    items = json.loads(result.output)
    assert items[0]["status"] == "delivered"
    assert items[1]["error"]["kind"] == "invalid_number"


@pytest.mark.parametrize(("fault", "needle"), [
    ("500", "server error (HTTP 500"),
    ("503", "server error (HTTP 503"),
    ("429", "rate limited (HTTP 429"),
    ("html", "not JSON"),
    ("truncated", "not JSON"),
    ("reset", "connection to http://127.0.0.1"),
])
def test_carrier_faults_give_a_clear_message_and_exit_5(fault, needle):
    """Every whole-call failure of the carrier: one clear line, exit 5, never a traceback."""
    from trackmon.simulator import FaultPlan

    carrier = SimulatedCarrier(api_key="sim-key", faults=FaultPlan(probabilities={fault: 1.0}, retry_after=0))
    server = run_in_thread(carrier)
    try:
        env = {**env_for(server), "TRACKMON_17TRACK_MAX_ATTEMPTS": "1"}
        result = run_cli(["check", "RR100000017CN"], env)
        assert result.exit_code == 5, result.output
        assert needle in result.output and "Traceback" not in result.output
        as_json = run_cli(["check", "--json", "RR100000017CN"], env)
        assert as_json.exit_code == 5
        err = json.loads(as_json.output)["error"]
        assert err["kind"] == "carrier_failure" and needle in err["message"]
    finally:
        server.stop()


def test_many_numbers_move_the_progress_by_chunks(standin, monkeypatch):
    import asyncio

    from carriers.track17 import Track17
    from trackmon import settings as settings_mod
    from trackmon.cli import check as check_mod

    monkeypatch.setattr(Track17, "max_batch", 2)  # the progress moves per batch of the adapter
    settings = settings_mod.load(env=env_for(standin))
    seen: list[int] = []
    numbers = [*NUMBERS, "RR100000018CN"]  # five to ask, one refused for its check digit
    results = asyncio.run(check_mod.check_numbers(settings, numbers, None, progress=seen.append))
    assert seen == [3, 5, 6]  # the refused one counts at once, then batches of two
    assert [r.error_kind for r in results][-1] == "invalid_number"
    assert results[0].snapshot is not None and results[0].snapshot.status.value == "delivered"
