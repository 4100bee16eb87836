"""Event identity (issue 11 item 5): no real event is merged away, true duplicates merge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from carriers.aftership import parse_tracking
from tests.fakes import event, seed_order
from trackmon.domain import Status, event_fingerprint, fold_text
from trackmon.ingest import ingest_snapshot
from trackmon.models import ShipmentEvent
from trackmon.settings import Settings

T = datetime(2026, 11, 18, 6, 40, tzinfo=UTC)
CONSOLIDATOR = [  # one warehouse, one minute, one raw tag, four checkpoints
    "Parcel received at the consolidation warehouse",
    "Parcel weighed and measured",
    "Parcel packed into a consolidated bag",
    "Consolidated bag handed over to the line-haul carrier",
]


def _checkpoint(message: str, minute_second: int = 0, *, city: str = "Shenzhen") -> dict:
    return {"slug": "yunexpress", "city": city, "location": None, "country_name": None,
            "country_region": "CHN", "state": None, "message": message, "tag": "InTransit",
            "subtag": "InTransit_001", "raw_tag": "CONSOLIDATION",
            "checkpoint_time": (T + timedelta(seconds=minute_second)).isoformat()}


def _tracking(messages: list[str]) -> dict:
    return {"tracking_number": "YT2411181234567", "slug": "yunexpress", "tag": "InTransit",
            "subtag": "InTransit_001", "checkpoints": [_checkpoint(m) for m in messages]}


def test_fold_text_ignores_case_spacing_punctuation_and_width() -> None:
    assert fold_text("Arrived at  facility.") == fold_text("ARRIVED AT FACILITY")
    assert fold_text("【深圳】 已收寄") == fold_text("[深圳]已收寄")
    assert fold_text("ＡＢＣ １２３") == fold_text("abc123")  # full-width forms
    assert fold_text("Arrived at facility") != fold_text("Departed facility")


def test_consolidator_checkpoints_with_one_raw_tag_are_all_kept_by_the_parser() -> None:
    snap = parse_tracking(_tracking(CONSOLIDATOR))
    assert [e.description for e in snap.events] == CONSOLIDATOR
    assert {e.raw_code for e in snap.events} == {"CONSOLIDATION"}
    assert len({e.fingerprint for e in snap.events}) == 4


def test_the_same_checkpoint_with_other_case_or_spacing_merges_in_the_parser() -> None:
    again = [m.upper().replace(" ", "  ") + " " for m in CONSOLIDATOR]
    snap = parse_tracking(_tracking(CONSOLIDATOR + again))
    assert len(snap.events) == 4


def test_consolidator_checkpoints_stored_and_repeats_merged(engine, now) -> None:
    settings = Settings()
    with Session(engine) as session:
        _, [ship] = seed_order(session, now, ["YT2411181234567"])
        first = ingest_snapshot(session, ship, parse_tracking(_tracking(CONSOLIDATOR[:2])), now, settings)
        session.commit()
        assert first.new_events == 2
        # a later answer: all four, the first two re-sent with other case and spacing
        messy = [" " + CONSOLIDATOR[0].upper(), CONSOLIDATOR[1].replace(" ", "\u00a0 "), *CONSOLIDATOR[2:]]
        second = ingest_snapshot(session, ship, parse_tracking(_tracking(messy)), now, settings)
        session.commit()
        assert second.new_events == 2
        stored = session.execute(select(ShipmentEvent.description).order_by(ShipmentEvent.id)).scalars().all()
        assert stored == CONSOLIDATOR
        assert session.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one() == 4


def test_fingerprint_parts() -> None:
    base = event(T, "Arrived", location="Moscow", raw_code="A1")
    assert base.fingerprint == event(T, "arrived ", location=" MOSCOW", raw_code="B7").fingerprint
    assert base.fingerprint != event(T + timedelta(seconds=1), "Arrived", location="Moscow").fingerprint
    assert base.fingerprint != event(T, "Arrived", location="Kazan").fingerprint
    assert base.fingerprint != event(T, "Departed", location="Moscow").fingerprint
    # our own classification is not part of an event's identity (the classifier changes)
    assert base.fingerprint == event(T, "Arrived", location="Moscow", status=Status.delivered).fingerprint
    # code-only scans: the code is the meaning
    assert event(T, "", raw_code="A1").fingerprint != event(T, "", raw_code="A2").fingerprint
    assert event(T, "", status=Status.delivered).fingerprint != event(T, "").fingerprint
    assert event_fingerprint(T, None, "x", None, "in_transit") == event(T, "x").fingerprint

