"""CSV import → `run --once` against the 17TRACK stand-in on 127.0.0.1 → stored events, parcel
and order alerts, queued buyer messages; a second run changes nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import structlog
from sqlalchemy import func, update
from sqlmodel import Session, select
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.db import make_engine
from trackmon.models import Alert, Message, Order, Shipment, ShipmentEvent
from trackmon.simulator import Scenario, SimulatedCarrier, build_journey, run_in_thread

NOW = datetime.now(UTC)
PARCELS = {  # number: (order, scenario, destination, journey start days ago)
    "RR200000010CN": ("A-1", Scenario.delivered, "RU", 45),
    "RR200000023CN": ("A-2", Scenario.customs_hold, "ES", 30),
    "RR200000037CN": ("A-3", Scenario.pickup_waiting, "FR", 30),
    "RR200000045CN": ("A-4", Scenario.delivered, "DE", 40),   # split order: one parcel arrived...
    "RR200000054CN": ("A-4", Scenario.stalled, "DE", 40),     # ...the other stalls
    "RR200000068CN": ("A-5", Scenario.returned, "BR", 50),
}
CSV = """order_id,tracking_number,buyer_email,buyer_name,buyer_language,buyer_country,shipped_at,promised_delivery
A-1,RR200000010CN,olga@example.com,Ольга,ru,RU,{d45},
A-2,RR200000023CN,lucia@example.com,Lucía,es,ES,{d30},{late}
A-3,RR200000037CN,claire@example.com,Claire,fr,FR,{d30},
A-4,RR200000045CN,jonas@example.com,Jonas,de,DE,{d40},
A-4,RR200000054CN,jonas@example.com,Jonas,de,DE,{d40},
A-5,RR200000068CN,joao@example.com,João,pt,BR,{d50},
A-6,RR200000069CN,bad@example.com,Bad,en,US,{d30},
A-7,RR200000071CN,not-an-email,Bad,en,US,{d30},
"""


@pytest.fixture(autouse=True)
def _reset_logging():
    yield
    structlog.reset_defaults()


@pytest.fixture
def standin():
    journeys = {n: build_journey(n, sc, NOW - timedelta(days=ago), destination=dest, seed=11)
                for n, (_, sc, dest, ago) in PARCELS.items()}
    server = run_in_thread(SimulatedCarrier(api_key="sim-key", journeys=journeys))
    yield server
    server.stop()


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return {name: s.exec(select(func.count()).select_from(model)).one()
                    for name, model in (("orders", Order), ("shipments", Shipment), ("events", ShipmentEvent),
                                        ("alerts", Alert), ("messages", Message))}
    finally:
        engine.dispose()


def test_import_then_run_once_end_to_end(database_url, standin, tmp_path, monkeypatch):
    csv_path = tmp_path / "orders.csv"
    day = lambda n: (NOW - timedelta(days=n)).date().isoformat()  # noqa: E731
    csv_path.write_text(CSV.format(d45=day(45), d30=day(30), d40=day(40), d50=day(50), late=day(5)))
    for key, value in {"TRACKMON_DATABASE_URL": database_url, "TRACKMON_17TRACK_API_KEY": "sim-key",
                       "TRACKMON_17TRACK_BASE_URL": standin.base_url, "TRACKMON_LOG_LEVEL": "warning",
                       "TRACKMON_MESSAGING_FILE_DIR": str(tmp_path / "outbox")}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    runner = CliRunner()

    imported = runner.invoke(app, ["import", str(csv_path), "--json"])
    assert imported.exit_code == 7, imported.output  # two bad rows: reported, the rest imported
    summary = json.loads(imported.stdout)
    assert (summary["added"], summary["rejected"]) == (6, 2)
    assert {r["line"] for r in summary["rejections"]} == {8, 9}
    assert runner.invoke(app, ["import", str(csv_path), "--json"]).exit_code == 7
    assert counts(database_url)["shipments"] == 6  # re-import changed nothing

    first = runner.invoke(app, ["run", "--once", "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["errors"] == {}
    assert report["poll"]["polled"] == 6

    engine = make_engine(database_url)
    with Session(engine) as s:
        shipments = {sh.tracking_number: sh for sh in s.exec(select(Shipment))}
        alerts = s.exec(select(Alert)).all()
        kinds = {(a.kind, a.shipment_id and next(n for n, sh in shipments.items() if sh.id == a.shipment_id))
                 for a in alerts}
        queued = {(m.kind, m.language) for m in s.exec(select(Message))}
    engine.dispose()
    assert shipments["RR200000010CN"].status == "delivered"
    assert shipments["RR200000023CN"].sub_status.startswith("customs")
    assert shipments["RR200000037CN"].status == "available_for_pickup"
    assert shipments["RR200000068CN"].status in ("returned", "returning")
    assert all(sh.last_event_at is not None for sh in shipments.values())
    assert ("customs_hold", "RR200000023CN") in kinds
    assert ("pickup_waiting", "RR200000037CN") in kinds
    assert ("returning", "RR200000068CN") in kinds
    assert {("split_package", None), ("partial_delivery", None), ("late", None)} <= kinds
    assert ({"stalled", "lost"} & {k for k, n in kinds if n == "RR200000054CN"})
    assert not {k for k, n in kinds if n == "RR200000010CN"}  # delivered: no exception
    assert {("customs_hold", "es"), ("customs_duties", "es"), ("customs_information", "es")} & queued
    assert ("pickup_waiting", "fr") in queued and ("split_package", "de") in queued

    before = counts(database_url)
    engine = make_engine(database_url)
    with Session(engine) as s:  # make every parcel due again: a re-poll must be harmless
        s.exec(update(Shipment).values(next_poll_at=NOW - timedelta(minutes=1)))
        s.commit()
    engine.dispose()
    second = runner.invoke(app, ["run", "--once", "--json"])
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["poll"]["new_events"] == 0
    after = counts(database_url)
    assert {k: after[k] for k in ("events", "alerts", "messages")} == {
        k: before[k] for k in ("events", "alerts", "messages")}
