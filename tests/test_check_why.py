"""`trackmon check` says, for every event, why it has its status: the text rule and phrase that
read it, or the carrier's own code (and what the text said instead)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from trackmon.check_report import event_json, why
from trackmon.cli import app
from trackmon.domain import Status, SubStatus, TrackingEvent
from trackmon.simulator import Scenario, SimulatedCarrier, build_journey, run_in_thread

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


def ev(text: str, status: Status, sub: SubStatus | None = None, code: str | None = "InTransit_Other") -> TrackingEvent:
    return TrackingEvent(time=T0, description=text, status=status, sub_status=sub, raw_code=code)


def test_text_that_decided_is_named_with_rule_and_phrase() -> None:
    got = why(ev("Вручение - Вручение адресату", Status.delivered))
    assert got["source"] == "text" and got["rule"] == "ru.delivered"
    assert got["phrase"].startswith("вручение адресат")  # the rule matches the stem, any case ending
    assert "ru.delivered" in got["text"] and got["phrase"] in got["text"]


def test_carrier_code_kept_over_a_disagreeing_text_says_so() -> None:
    # a specific carrier code beats the text (refine): the reason names the code and the text's reading
    got = why(ev("Delivered", Status.delivery_failed, SubStatus.nobody_home, code="DeliveryFailure_NoBody"))
    assert got["source"] == "carrier" and got["code"] == "DeliveryFailure_NoBody"
    assert "delivered" in got["text"] and "en.delivered" in got["text"]


def test_unread_language_keeps_the_carrier_code() -> None:
    got = why(ev("Forsendelsen er annulleret", Status.exception, code="Exception_Other"))
    assert got["source"] == "carrier" and got["rule"] is None
    assert "language not read" in got["text"]


def test_ordinary_scan_reads_as_ordinary() -> None:
    got = why(ev("Delivered to Destination Post", Status.in_transit))
    assert got["source"] == "carrier" and got["rule"] == "en.neutral_early"


def test_event_json_carries_why() -> None:
    out = event_json(ev("Votre colis est livré", Status.delivered, code="Delivered_Other"))
    assert out["why"]["source"] == "text" and out["why"]["rule"] == "fr.delivered"


@pytest.fixture(scope="module")
def standin():
    start = datetime.now(UTC) - timedelta(days=60)
    journeys = {"RR100000017CN": build_journey("RR100000017CN", Scenario.delivered, start, destination="FR", seed=7)}
    server = run_in_thread(SimulatedCarrier(api_key="sim-key", journeys=journeys))
    yield server
    server.stop()


def test_check_shows_why_for_every_event(standin) -> None:
    env = {"TRACKMON_17TRACK_API_KEY": "sim-key", "TRACKMON_17TRACK_BASE_URL": standin.base_url,
           "TRACKMON_17TRACK_MAX_ATTEMPTS": "2", "TRACKMON_LOG_LEVEL": "error"}
    runner = CliRunner()
    res = runner.invoke(app, ["check", "--json", "RR100000017CN"], env=env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)["events"]
    assert events and all(e["why"]["text"] for e in events)
    delivered = [e for e in events if e["status"] == "delivered"]
    assert delivered and delivered[-1]["why"]["source"] in ("text", "carrier")
    assert any(e["why"]["source"] == "text" and e["why"]["rule"].startswith("fr.") for e in events)
    human = runner.invoke(app, ["check", "RR100000017CN"], env={**env, "COLUMNS": "250"}, catch_exceptions=False)
    assert "why" in human.output and ("fr.delivered" in human.output or "carrier code" in human.output)
