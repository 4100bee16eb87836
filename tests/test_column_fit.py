"""Over-long carrier strings (issue 10 finding 4): cut with a marker to the column's length
before storing, on both backends; a database refusal leaves a short human `last_error`."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import Session

from carriers.track17 import parse_track_info
from tests.fakes import FakeAdapter, FakeCarrierSet, seed_order
from trackmon import ingest, stored_events
from trackmon.domain import CarrierProblem
from trackmon.models import CUT_MARKER, Shipment, ShipmentEvent, column_length, cut, fit
from trackmon.poller import poll_due
from trackmon.settings import Settings

FIXTURE = Path(__file__).parent / "carriers" / "fixtures" / "17track" / "in_transit.json"
NUMBER = "RB715296045CN"
SETTINGS = Settings()
HOOKS = {"detector": lambda *a, **k: [], "planner": lambda *a: 0}


def _hostile_item() -> dict:
    """The recorded 17TRACK answer with a 5,000-character location, a 300-character provider
    name and a 300-character sub-status (event and latest status)."""
    item = copy.deepcopy(json.loads(FIXTURE.read_text())["data"]["accepted"][0])
    info = item["track_info"]
    info["latest_status"]["sub_status"] = "S" * 300
    provider = info["tracking"]["providers"][-1]
    provider["provider"]["name"] = "P" * 300
    provider["events"][0]["location"] = "L" * 5000
    provider["events"][0]["sub_status"] = "s" * 300
    return item


def test_cut_keeps_the_length_and_marks_the_cut() -> None:
    assert cut("abc", 3) == "abc"
    assert cut("abcd", 3) == "ab" + CUT_MARKER
    assert fit(ShipmentEvent, "location", None) is None
    long = fit(ShipmentEvent, "location", "x" * 5000)
    assert long is not None and len(long) == column_length(ShipmentEvent, "location") == 200
    assert long.endswith(CUT_MARKER)
    assert fit(ShipmentEvent, "description", "d" * 5000) == "d" * 5000  # unbounded text


async def test_overlong_carrier_strings_are_stored_cut_and_the_parcel_keeps_ingesting(engine, now) -> None:
    snap = parse_track_info(_hostile_item())
    assert len(snap.last_mile_carrier or "") == 300 and any(len(e.location or "") == 5000 for e in snap.events)
    with Session(engine) as session:
        seed_order(session, now, [NUMBER])
    adapter = FakeAdapter(script={NUMBER: snap})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.polled == 1 and report.failures == 0 and report.new_events == len(snap.events)
    with Session(engine) as session:
        ship = session.execute(select(Shipment)).scalar_one()
        assert ship.last_error is None and ship.poll_failures == 0
        assert ship.last_mile_carrier == "P" * 79 + CUT_MARKER
        assert ship.raw_status is not None and len(ship.raw_status) == 120 and ship.raw_status.endswith(CUT_MARKER)
        rows = session.execute(select(ShipmentEvent)).scalars().all()
        cut_rows = [r for r in rows if r.location and r.location.startswith("LLL")]
        assert len(cut_rows) == 1
        assert cut_rows[0].location == "L" * 199 + CUT_MARKER
        assert cut_rows[0].raw_code == "s" * 79 + CUT_MARKER
    # the same answer again: nothing new, nothing duplicated, no error
    again = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now.replace(year=now.year + 1),
                           owner="me", **HOOKS)
    assert again.polled == 1 and again.failures == 0 and again.new_events == 0


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_database_refusal_is_a_short_human_last_error(engine, now, monkeypatch) -> None:
    """Without the cut PostgreSQL refuses (StringDataRightTruncation): the parcel is backed
    off with a short reason, no SQL; with the cut it ingests on the next poll."""
    snap = parse_track_info(_hostile_item())
    with Session(engine) as session:
        seed_order(session, now, [NUMBER])
    monkeypatch.setattr(ingest, "fit_row", lambda model, row: row)
    monkeypatch.setattr(ingest, "fit_instance", lambda obj: None)
    monkeypatch.setattr(stored_events, "fit_row", lambda model, row: row)
    monkeypatch.setattr(stored_events, "storable", lambda ev: ev)
    adapter = FakeAdapter(script={NUMBER: snap})
    report = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now, owner="me", **HOOKS)
    assert report.failures == 1
    with Session(engine) as session:
        ship = session.execute(select(Shipment)).scalar_one()
        error = ship.last_error or ""
        assert "could not store the carrier's answer: value too long for location, raw_code" in error
        assert len(error) < 120
        for sql in ("INSERT", "SELECT", "character varying", "[SQL", "psycopg", "LLLL"):
            assert sql not in error
        assert ship.active and ship.poll_failures == 1
        assert session.execute(select(ShipmentEvent)).first() is None
    monkeypatch.undo()
    later = await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, now.replace(year=now.year + 1),
                           owner="me", **HOOKS)
    assert later.polled == 1 and later.failures == 0


def test_problem_reason_from_a_carrier_is_kept_short(engine, now) -> None:
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, [NUMBER])
        problem = CarrierProblem(tracking_number=NUMBER, kind="rejected", message="x" * 5000)
        ingest.ingest_problem(session, ship, problem, now, SETTINGS, **HOOKS)
        session.commit()
        session.refresh(ship)
        assert ship.last_error is not None and len(ship.last_error) == ingest.LAST_ERROR_CHARS
        assert ship.last_error.startswith("rejected: xxx") and ship.last_error.endswith(CUT_MARKER)


def test_store_failure_reasons_are_short_and_carry_no_sql() -> None:
    from sqlalchemy.exc import DataError, IntegrityError, OperationalError

    from trackmon.store_reasons import store_failure_reason

    sql = "INSERT INTO events (shipment_id, location) VALUES (%(shipment_id)s, %(location)s)"
    cases = {
        DataError(sql, {"shipment_id": 1, "location": "L" * 300}, Exception("value too long for type "
                                                                            "character varying(200)")):
            "could not store the carrier's answer: value too long for location",
        DataError(sql, {}, Exception("invalid input syntax")):
            "could not store the carrier's answer: a value has the wrong form for its column",
        IntegrityError(sql, {}, Exception("duplicate key")):
            "could not store the carrier's answer: it conflicts with what is stored",
        OperationalError(sql, {}, Exception("server closed the connection")):
            "could not store the carrier's answer: the database is unavailable or busy",
    }
    for exc, reason in cases.items():
        assert store_failure_reason(exc) == reason


def test_an_event_row_fits_its_columns_once_the_event_is_storable() -> None:
    """`stored_events.event_rows` writes storable events without cutting again: every status,
    sub-status and fingerprint fits its column, and `storable` cuts the carrier's strings."""
    from datetime import UTC, datetime

    from trackmon.domain import Status, SubStatus, TrackingEvent
    from trackmon.models import ShipmentEvent, column_length
    from trackmon.stored_events import event_rows, storable

    assert max(len(s.value) for s in Status) <= column_length(ShipmentEvent, "status")
    assert max(len(s.value) for s in SubStatus) <= column_length(ShipmentEvent, "sub_status")
    ev = storable(TrackingEvent(time=datetime(2026, 11, 1, tzinfo=UTC), description="Arrived",
                                location="x" * 900, raw_code="R" * 300, country="CNX",
                                status=Status.in_transit, sub_status=SubStatus.customs_information_required))
    (row,) = event_rows(7, {ev.fingerprint: ev}, datetime(2026, 11, 2, tzinfo=UTC))
    for name, value in row.items():
        limit = column_length(ShipmentEvent, name)
        assert not isinstance(value, str) or limit is None or len(value) <= limit, name
