from __future__ import annotations

import json
from datetime import timedelta

import pytest
import structlog
from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from tests.fakes import seed_order
from trackmon.lanes import lane_figures, percentile, read_lanes, refresh_if_due, refresh_lanes
from trackmon.models import LaneStat, ShipmentEvent
from trackmon.settings import Settings

DAY = timedelta(days=1)


def test_percentile_interpolates():
    values = [float(v) for v in range(1, 11)]  # 1..10
    assert percentile(values, 50) == 5.5
    assert percentile(values, 90) == pytest.approx(9.1)
    assert percentile(values, 0) == 1 and percentile(values, 100) == 10
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def _seed_delivered(engine, now, country, carrier, transit_days, *, prefix):
    """One delivered parcel per transit time; events every 2 days, one 2×longer gap each side."""
    with Session(engine) as session:
        for i, days in enumerate(transit_days):
            _, [ship] = seed_order(session, now, [f"{prefix}{i}"], order_id=f"{prefix}{i}", carrier=carrier,
                                   country=country, shipped_days_ago=days + 5)
            start = now - (days + 5) * DAY
            arrived = start + (days / 2) * DAY
            times = [start, start + DAY, arrived, arrived + DAY, start + days * DAY]
            for j, t in enumerate(times):
                session.add(ShipmentEvent(shipment_id=ship.id, fingerprint=f"f{j}", time=t, status="in_transit",
                                          first_seen_at=now))
            ship.first_event_at, ship.arrived_destination_at = start, arrived
            ship.delivered_at, ship.status = start + days * DAY, "delivered"
            session.add(ship)
        session.commit()


def test_refresh_learns_percentiles_per_lane(engine, now):
    _seed_delivered(engine, now, "DE", "fake", [float(d) for d in range(10, 20)], prefix="DE")
    _seed_delivered(engine, now, "US", "fake", [20.0, 30.0], prefix="US")
    assert refresh_lanes(engine, now) == 8  # 2 lanes × (total, international, destination, after_arrival)
    settings = Settings(detection={"lane_min_samples": 5})
    with Session(engine) as session:
        de = lane_figures(session, "fake", "de", settings)
        assert de.learned and de.samples == 10
        assert de.median_days == 14.5 and de.p90_days == pytest.approx(18.1)
        # international gaps: days/2 - 1 (longest gap before arrival) → 4..8.5; p95 = 8.27..
        assert de.learned_international and de.p95_gap_days_international == pytest.approx(8.28, abs=0.01)
        # destination gaps: days/2 - 1 too
        assert de.p95_gap_days_destination == pytest.approx(8.28, abs=0.01)
        # arrival → delivery: days/2 → 5..9.5 (what buyers are told once the parcel has arrived)
        assert de.median_after_arrival_days == 7.25 and de.p90_after_arrival_days == pytest.approx(9.05)
        us = lane_figures(session, "fake", "US", settings)
        assert not us.learned and us.samples == 2 and us.median_days is None
        assert us.p90_days == settings.detection.default_transit_days
        assert us.p95_gap_days_international == settings.detection.stalled_international_days
        nowhere = lane_figures(session, None, None, settings)
        assert nowhere.samples == 0 and not nowhere.learned
    # recomputing replaces, never duplicates
    refresh_lanes(engine, now + DAY)
    with Session(engine) as session:
        assert len(session.execute(select(LaneStat)).scalars().all()) == 8


def test_refresh_if_due_runs_once_per_hour(engine, now):
    _seed_delivered(engine, now, "DE", "fake", [10.0], prefix="DE")
    assert refresh_if_due(engine, now, owner="a") is True
    assert refresh_if_due(engine, now + timedelta(minutes=5), owner="b") is False
    assert refresh_if_due(engine, now + timedelta(hours=1), owner="b") is True


@pytest.fixture
def reset_logging():
    yield
    structlog.reset_defaults()  # the CLI configured logging onto the runner's (closed) stderr


def test_lanes_command_json_and_table(database_url, now, monkeypatch, reset_logging):
    from trackmon import schema
    from trackmon.cli import app
    from trackmon.db import make_engine
    schema.upgrade(database_url)  # the command upgrades too: the schema comes from migrations
    engine = make_engine(database_url)
    _seed_delivered(engine, now, "DE", "fake", [float(d) for d in range(10, 20)], prefix="DE")
    _seed_delivered(engine, now, "US", "fake", [20.0], prefix="US")
    refresh_lanes(engine, now)
    monkeypatch.setenv("TRACKMON_DATABASE_URL", database_url)
    monkeypatch.setenv("TRACKMON_DETECTION_LANE_MIN_SAMPLES", "5")
    runner = CliRunner()
    result = runner.invoke(app, ["lanes", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["country"]: r for r in json.loads(result.output)}
    assert rows["DE"]["median_days"] == 14.5 and rows["DE"]["learned"] is True
    assert rows["US"]["learned"] is False and rows["US"]["samples"] == 1
    table = runner.invoke(app, ["lanes"])
    assert table.exit_code == 0, table.output
    assert "14.5" in table.output and "defaults" in table.output
    engine.dispose()


def test_lane_figures_are_read_once_per_transaction_and_again_after_it(engine, now):
    settings = Settings()
    with Session(engine) as s:
        s.add(LaneStat(carrier="china-post", destination_country="RU", stage="total", samples=50,
                       median_days=18, p90_days=25, p95_days=28, updated_at=now))
        s.commit()
        first = lane_figures(s, "china-post", "ru", settings)
        assert first.learned and first.p90_days == 25
        row = s.execute(select(LaneStat)).scalar_one()
        row.p90_days = 40
        s.flush()
        assert lane_figures(s, "china-post", "RU", settings) is first  # same transaction: remembered
        s.commit()
        assert lane_figures(s, "china-post", "RU", settings).p90_days == 40  # a new transaction reads again


def test_a_batch_reads_its_lanes_in_one_statement_and_gets_what_one_by_one_gives(engine, now):
    settings = Settings()
    with Session(engine) as s:
        for carrier, country, stage, samples, p90 in [("china-post", "RU", "total", 50, 25),
                                                      ("china-post", "RU", "destination", 50, 9),
                                                      ("china-post", "DE", "total", 2, 30),  # too few: defaults
                                                      ("yanwen", "DE", "total", 40, 19)]:
            s.add(LaneStat(carrier=carrier, destination_country=country, stage=stage, samples=samples,
                           median_days=p90 - 5, p90_days=p90, p95_days=p90 + 3, updated_at=now))
        s.commit()
        lanes = [("china-post", "ru"), ("china-post", "DE"), ("yanwen", "DE"), ("yanwen", "RU"), (None, "RU"),
                 ("china-post", None)]
        one_by_one = [lane_figures(s, carrier, country, settings) for carrier, country in lanes]
        s.commit()
        statements: list[str] = []

        def note(conn, cursor, statement, *args):
            if "lane_stats" in statement:
                statements.append(statement)

        sa_event.listen(engine, "before_cursor_execute", note)
        try:
            read_lanes(s, lanes, settings)
            batch = [lane_figures(s, carrier, country, settings) for carrier, country in lanes]
        finally:
            sa_event.remove(engine, "before_cursor_execute", note)
        assert len(statements) == 1
        assert [(f.carrier, f.learned, f.p90_days, f.p95_gap_days_destination) for f in batch] == [
            (f.carrier, f.learned, f.p90_days, f.p95_gap_days_destination) for f in one_by_one]
        assert [f.p90_days for f in batch] == [25, settings.detection.default_transit_days, 19,
                                               settings.detection.default_transit_days,
                                               settings.detection.default_transit_days,
                                               settings.detection.default_transit_days]
        assert batch[0].learned_destination and batch[0].p95_gap_days_destination == 12
