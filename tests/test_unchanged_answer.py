"""An answer whose bytes are the ones stored last is not parsed again (`domain.Unchanged`), and
trackmon stores exactly what parsing it again would have stored: the same state, and the
alerts that time alone brings (detection runs on the stored history)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select, update
from sqlmodel import Session

from carriers import track17
from carriers.answer_parts import parser_salt, part_digest
from carriers.base import RawResponse
from carriers.track17 import Track17
from tests.carriers.helpers import build_adapter, track17_answers
from tests.fakes import FakeCarrierSet, seed_order
from trackmon import poller
from trackmon.models import Alert, Shipment, ShipmentEvent
from trackmon.poller import poll_due
from trackmon.settings import Settings

DAY = timedelta(days=1)
SETTINGS = Settings()
NUMBER = "RB715296045CN"
ITEM = json.loads((Path(__file__).parent / "carriers/fixtures/17track/in_transit.json").read_text())["data"][
    "accepted"][0]


def _no_plan(session: Any, order_pk: int, now: Any, settings: Any) -> int:
    return 0


def _raw(item: dict[str, Any], known: dict[str, str] | None = None) -> RawResponse:
    register = json.dumps({"code": 0, "data": {"accepted": [{"number": item["number"]}], "rejected": []}})
    info = json.dumps({"code": 0, "data": {"accepted": [item], "rejected": []}})
    return RawResponse(requested=(item["number"],), known=known or {},
                       parts={"register": register.encode(), "gettrackinfo": info.encode()})


def _adapter(items: list[dict[str, Any]], parsed: list[str]) -> Track17:
    adapter = build_adapter(Track17, track17_answers(items), api_key="k")
    real = track17.parse_track_info

    def counting(item: Any) -> Any:
        parsed.append(item["number"])
        return real(item)

    adapter._count = counting  # type: ignore[attr-defined]
    return adapter


def test_a_part_with_the_known_digest_is_reported_unchanged_without_parsing() -> None:
    adapter = build_adapter(Track17, api_key="k")
    first = adapter.parse(_raw(ITEM))
    (snap,) = first.snapshots
    assert snap.raw_digest and len(snap.raw_digest) == 32 and not first.unchanged
    again = adapter.parse(_raw(ITEM, {NUMBER: snap.raw_digest}))
    assert again.snapshots == () and [(u.tracking_number, u.digest) for u in again.unchanged] == [
        (NUMBER, snap.raw_digest)]
    moved = deepcopy(ITEM)
    moved["track_info"]["latest_status"]["sub_status"] = "InTransit_Departure"
    changed = adapter.parse(_raw(moved, {NUMBER: snap.raw_digest}))
    assert not changed.unchanged and changed.snapshots[0].raw_digest != snap.raw_digest


def test_the_digest_depends_on_the_code_that_reads_the_part() -> None:
    salt = parser_salt(track17.__name__)
    assert part_digest(salt, ITEM) == part_digest(salt, deepcopy(ITEM))
    assert part_digest(salt, ITEM) != part_digest(salt[::-1], ITEM)  # another release reads it again
    assert part_digest(salt, {"n": 2 ** 70}) is None  # cannot be encoded again: always parsed


async def _poll(engine: Any, adapter: Track17, at: Any, monkeypatch: Any, parsed: list[str]) -> Any:
    monkeypatch.setattr(track17, "parse_track_info", adapter._count)  # type: ignore[attr-defined]
    with Session(engine) as session:
        session.execute(update(Shipment).values(next_poll_at=at))
        session.commit()
    return await poll_due(engine, FakeCarrierSet(adapter), SETTINGS, at, owner="me", planner=_no_plan,
                          rng=random.Random(3))


def _state(engine: Any) -> dict[str, Any]:
    with Session(engine) as session:
        ship = session.execute(select(Shipment)).scalar_one()
        alerts = sorted((a.kind, a.cause, a.reason, a.resolved_at is None)
                        for a in session.execute(select(Alert)).scalars())
        events = session.execute(select(ShipmentEvent.fingerprint)).scalars().all()
        cols = {c: getattr(ship, c) for c in ("status", "sub_status", "raw_status", "last_event_at", "first_event_at",
                                               "delivered_at", "status_changed_at", "last_error", "answer_digest",
                                               "last_polled_at", "eta_from", "eta_to", "destination_country",
                                               "detection_basis")}
        return {"ship": cols, "alerts": alerts, "events": sorted(events)}


@contextmanager
def _event_reads(engine: Any) -> Iterator[list[str]]:
    """The statements that read stored events while the block runs."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if f"FROM {ShipmentEvent.__tablename__}" in statement:
            seen.append(statement)

    sa_event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        sa_event.remove(engine, "before_cursor_execute", note)


@pytest.mark.parametrize("basis", ["kept", "none"])
@pytest.mark.parametrize("fallback", [False, True], ids=["batch", "parcel-by-parcel"])
async def test_an_unchanged_answer_stores_what_parsing_it_again_stores(engine, now, monkeypatch, fallback,
                                                                       basis) -> None:
    with Session(engine) as session:
        seed_order(session, now, [NUMBER], carrier="17track")
    parsed: list[str] = []
    adapter = _adapter([ITEM], parsed)
    first = await _poll(engine, adapter, now, monkeypatch, parsed)
    assert first.polled == 1 and first.new_events > 0 and parsed == [NUMBER]
    stored = _state(engine)
    assert stored["ship"]["answer_digest"] and stored["ship"]["detection_basis"] and stored["alerts"] == []
    if basis == "none":  # a row stored before the basis existed: detection reads the events
        with Session(engine) as session:
            session.execute(update(Shipment).values(detection_basis=None))
            session.commit()

    if fallback:  # the set-based store refuses: the parcel-by-parcel path must give the same
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("bulk store refused")
        monkeypatch.setattr(poller, "settle_answers", refuse)
    later = now + 40 * DAY  # nothing new for 40 days: time alone makes the parcel stalled / lost
    with _event_reads(engine) as event_reads:
        again = await _poll(engine, adapter, later, monkeypatch, parsed)
    assert bool(event_reads) is (basis == "none"), event_reads  # a kept basis: no event is read
    assert again.polled == 1 and again.new_events == 0 and again.failures == 0
    assert parsed == [NUMBER]  # not parsed a second time
    skipped = _state(engine)

    with Session(engine) as session:  # the same poll again, with the digest forgotten: parsed
        session.execute(update(Shipment).values(answer_digest=None))
        session.commit()
    reparsed_poll = await _poll(engine, adapter, later, monkeypatch, parsed)
    assert parsed == [NUMBER, NUMBER] and reparsed_poll.new_events == 0
    reparsed = _state(engine)
    assert skipped == reparsed
    assert skipped["ship"]["status"] == stored["ship"]["status"] == "in_transit"
    assert skipped["ship"]["last_polled_at"] == later
    kinds = {kind for kind, _, _, open_ in skipped["alerts"] if open_}
    assert kinds & {"stalled", "lost"}, skipped["alerts"]


async def test_an_answer_with_an_event_in_the_future_is_parsed_every_time(engine, now, monkeypatch) -> None:
    """Its state changes with time alone (the future event starts to count), so no digest is kept."""
    ahead = deepcopy(ITEM)
    events = ahead["track_info"]["tracking"]["providers"][0]["events"]
    events.insert(0, {**events[0], "time_utc": (now + 3 * DAY).strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "time_iso": None, "description": "Delivered"})
    with Session(engine) as session:
        seed_order(session, now, [NUMBER], carrier="17track")
    parsed: list[str] = []
    adapter = _adapter([ahead], parsed)
    await _poll(engine, adapter, now, monkeypatch, parsed)
    assert _state(engine)["ship"]["answer_digest"] is None
    await _poll(engine, adapter, now + 5 * DAY, monkeypatch, parsed)
    assert parsed == [NUMBER, NUMBER]
    state = _state(engine)
    assert state["ship"]["status"] == "delivered" and state["ship"]["answer_digest"] is not None
