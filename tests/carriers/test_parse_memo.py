"""The memoised and fast-path reading of 17TRACK answers (issue 14) gives what the plain code gave.

Each test holds the plain code as it was before the memos (a reference copy) and compares, over
ordinary and odd values, results and refusals alike; then whole answers are read twice, with
the memos cold and warm, and must not differ in any field or fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import carriers.track17 as t17
from carriers.base import offset_minutes, parse_ts
from carriers.classifying import classify_description, refine
from carriers.reading import MAX_OFFSET_MINUTES, TEXT_CACHE_SIZE, Malformed, check_event, json_type, to_utc
from trackmon.domain import (
    Status,
    SubStatus,
    TrackingEvent,
    ensure_utc,
    event_fingerprint,
    fold_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "17track"

TIMES: list[Any] = [
    None, "", " ", 0, 1, 1.5, True, [], {}, "garbage", "Z", "z", "2026-11-18", "2026-11-18T06:41:00",
    "2026-11-18T06:41:00Z", "2026-11-18T06:41:00z", " 2026-11-18T06:41:00+03:00 ", "2026-11-18T06:41:00+03:00",
    "2026-11-18T06:41:00.123456+05:30", "2026-11-18T06:41:00-19:00", "2026-11-18T06:41:00+18:00",
    "2026-11-18T06:41:00+18:01", "2026-11-18T06:41:00+05:30:15", "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-01:00", "2026-02-30T00:00:00Z", "2026-11-18 06:41", "2026-11-18T06:41Z",
    "20261118T064100Z", "2026-11-18T06:41:00+0300", "2026-11-18T06:41:00 Z", "2026-11-18T06:41:00ZZ",
    "2026-11-18T06:41:00+00:00Z", "1999-12-31T23:00:00-02:00", "2099-12-31T23:30:00-01:00",
    "2000-01-01T00:30:00+01:00", "２０２６-11-18T06:41:00Z", "2026-11-18T24:00:00Z", "2026-W47-3T06:41:00Z",
    datetime(2026, 11, 18, 6, 41), datetime(2026, 11, 18, 6, 41, tzinfo=UTC),
    datetime(2026, 11, 18, 6, 41, tzinfo=timezone(timedelta(hours=3))), datetime(1999, 12, 31, 23, tzinfo=UTC),
]


def plain_to_utc(dt: datetime, *, assume: timezone = UTC) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=assume)
    if not 2000 <= dt.year <= 2099:
        raise ValueError(f"time {dt.isoformat()} is outside the years 2000-2099")
    try:
        out = dt.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"time {dt.isoformat()} is out of range") from None
    if not 2000 <= out.year <= 2099:
        raise ValueError(f"time {dt.isoformat()} is outside the years 2000-2099")
    return out


def plain_parse_ts(value: Any, *, assume: timezone = UTC) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return plain_to_utc(value, assume=assume)
    if not isinstance(value, str):
        raise ValueError(f"a time must be text, got {json_type(value)}")
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"time {value[:40]!r} is not ISO-8601") from None
    return plain_to_utc(dt, assume=assume)


def plain_offset_minutes(value: Any) -> int | None:
    if not value or not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    off = dt.utcoffset()
    minutes = None if off is None else int(off / timedelta(minutes=1))
    return minutes if minutes is not None and abs(minutes) <= MAX_OFFSET_MINUTES else None


def memos() -> list[Any]:
    return [t17._country_code, t17._classify_known]


def outcome(fn: Any, *args: Any, **kwargs: Any) -> tuple[str, Any]:
    try:
        got = fn(*args, **kwargs)
    except Exception as exc:  # the refusal, compared by kind and message
        return "raised", (type(exc).__name__, str(exc))
    return "returned", (got, type(got), getattr(got, "tzinfo", None))


@pytest.mark.parametrize("value", TIMES, ids=repr)
@pytest.mark.parametrize("assume", [UTC, timezone(timedelta(hours=-5))], ids=["utc", "minus5"])
def test_parse_ts_and_to_utc_as_before(value: Any, assume: timezone) -> None:
    assert outcome(parse_ts, value, assume=assume) == outcome(plain_parse_ts, value, assume=assume)
    if isinstance(value, datetime):
        assert outcome(to_utc, value, assume=assume) == outcome(plain_to_utc, value, assume=assume)


@pytest.mark.parametrize("value", TIMES, ids=repr)
def test_offset_minutes_as_before(value: Any) -> None:
    assert outcome(offset_minutes, value) == outcome(plain_offset_minutes, value)


def test_memos_are_bounded() -> None:
    for memo in memos():
        assert memo.cache_info().maxsize == TEXT_CACHE_SIZE


def plain_classify(stage: Any, sub_code: Any, text: str) -> tuple[Status, SubStatus | None] | None:
    found = None
    if isinstance(sub_code, str) and sub_code in t17._SUB:
        found = t17._SUB[sub_code]
    elif isinstance(stage, str) and stage in t17.STAGES:
        found = t17.STAGES[stage]
    if found is None:
        cls = classify_description(text) if text else None
        return None if cls is None else (cls.status, cls.sub_status)
    if text:
        return tuple(refine(found[0], found[1], text))
    return found


TEXTS = ["", "Delivered", "Arrived at facility", "Customs clearance: information required from the recipient",
         "Returned to sender", "已签收", "Zugestellt", "Exportación: despachado", "nothing to read here"]


def test_classify_as_before() -> None:
    codes: list[Any] = [None, "", 3, [], "Nonsense", *t17._SUB, *t17.STAGES]
    for sub in codes:
        for stage in codes:
            for text in TEXTS:
                assert t17._classify(stage, sub, text) == plain_classify(stage, sub, text), (stage, sub, text)


@pytest.mark.parametrize("country", [None, 1, [], "", "c", "cn", "CN", "Cn", "USA", "c1", "ÄÖ", "ﬀ", " de", "ß"])
def test_country_as_before(country: Any) -> None:
    want = country.upper() if isinstance(country, str) and __import__("re").fullmatch(r"[A-Za-z]{2}", country) else None
    assert t17._country({"country": country}) == want
    assert t17._country(country) is None


def plain_check_event(ev: Any) -> None:
    if not isinstance(ev, TrackingEvent):
        raise Malformed("not an event")
    if not 2000 <= ev.time.year <= 2099:
        raise Malformed("time")
    for value, optional in ((ev.description, False), (ev.location, True), (ev.raw_code, True)):
        if not (value is None and optional) and not isinstance(value, str):
            raise Malformed("text")
    if not isinstance(ev.status, Status) or not (ev.sub_status is None or isinstance(ev.sub_status, SubStatus)):
        raise Malformed("status")
    off = ev.utc_offset_minutes
    if off is not None and (isinstance(off, bool) or not isinstance(off, int) or abs(off) > MAX_OFFSET_MINUTES):
        raise Malformed("offset")
    if ev.country is not None and not (isinstance(ev.country, str) and len(ev.country) == 2):
        raise Malformed("country")


class Text(str):
    pass


ODD_FIELDS: list[tuple[str, Any]] = [
    ("time", datetime(1999, 12, 31, 23, tzinfo=UTC)), ("description", None), ("description", 3),
    ("description", Text("x")), ("location", 5), ("location", Text("x")), ("raw_code", b"x"), ("status", "in_transit"),
    ("sub_status", "picked_up"), ("utc_offset_minutes", True), ("utc_offset_minutes", 1.0),
    ("utc_offset_minutes", MAX_OFFSET_MINUTES), ("utc_offset_minutes", -MAX_OFFSET_MINUTES - 1),
    ("utc_offset_minutes", 10**30), ("country", "USA"), ("country", Text("US")), ("country", 12),
]


@pytest.mark.parametrize(("name", "value"), ODD_FIELDS, ids=lambda x: repr(x)[:30])
def test_check_event_as_before(name: str, value: Any) -> None:
    ev = TrackingEvent(time=datetime(2026, 11, 18, tzinfo=UTC), description="x", location="Paris", raw_code="c",
                       utc_offset_minutes=60, country="FR", sub_status=SubStatus.picked_up)
    check_event(ev, 0)
    object.__setattr__(ev, name, value)
    want = outcome(plain_check_event, ev)
    got = outcome(check_event, ev, 0)
    assert got[0] == want[0] and (got[0] == "returned" or got[1][0] == "Malformed")


def plain_fingerprint(time: datetime, location: str | None, description: str, raw_code: str | None,
                      status: str) -> str:
    text = fold_text(description)
    key = "|".join((ensure_utc(time).isoformat(timespec="seconds"), fold_text(location), text,
                    "" if text else fold_text(raw_code), "" if text or raw_code else status))
    return hashlib.sha1(key.encode()).hexdigest()[:20]


class Moment(datetime):
    def isoformat(self, *args: Any, **kwargs: Any) -> str:
        return "a subclass's own text"


@pytest.mark.parametrize("time", [datetime(2026, 11, 18, 6, 41, 5, 999, tzinfo=UTC),
                                  datetime(2026, 11, 18, 9, 41, 5, tzinfo=timezone(timedelta(hours=3))),
                                  datetime(2026, 11, 18, 6, 41, 5, tzinfo=timezone(timedelta(0))),
                                  Moment(2026, 11, 18, 6, 41, 5, tzinfo=UTC)], ids=repr)
@pytest.mark.parametrize(("description", "raw_code"), [("Arrived.", None), ("", "AR"), ("", None)])
def test_fingerprint_as_before(time: datetime, description: str, raw_code: str | None) -> None:
    want = plain_fingerprint(time, "P", description, raw_code, "in_transit")
    assert event_fingerprint(time, "P", description, raw_code, "in_transit") == want


def snapshot_fields(snap: Any) -> list[Any]:
    fields = [repr(getattr(snap, f)) for f in ("carrier", "tracking_number", "status", "sub_status", "raw_status",
                                             "eta_from", "eta_to", "origin_country", "destination_country",
                                             "last_mile_carrier", "source")]
    for ev in snap.events:
        fields.append((repr(ev), ev.time.tzinfo, ev.fingerprint))
    return fields


def clear_memos() -> None:
    for memo in memos():
        memo.cache_clear()


@pytest.mark.parametrize("name", ["delivered.json", "in_transit.json", "exception.json", "pickup_generic.json",
                                  "batch_gettrackinfo.json"])
def test_cold_and_warm_memos_read_an_answer_alike(name: str) -> None:
    items = [i for i in json.loads((FIXTURES / name).read_text())["data"]["accepted"] if i.get("track_info")]
    clear_memos()
    cold = [snapshot_fields(t17.parse_track_info(item)) for item in items]
    warm = [snapshot_fields(t17.parse_track_info(item)) for item in items]
    assert cold == warm and cold
