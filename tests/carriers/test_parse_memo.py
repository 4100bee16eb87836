"""The memoised reading of 17TRACK answers (issue 14) gives what the plain code gave.

The memoised event status is compared with the plain code as it was (a reference copy) and the
country code with its rule; `ensure_utc` returns a UTC time as it is, and fingerprints are those
of a time converted the plain way; whole answers are read twice, with the memos cold and warm,
and must not differ in any field or fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import carriers.track17 as t17
from carriers.classifying import classify_description, refine
from carriers.reading import TEXT_CACHE_SIZE
from trackmon.domain import (
    Status,
    SubStatus,
    ensure_utc,
    event_fingerprint,
    fold_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "17track"

def memos() -> list[Any]:
    return [t17._country_code, t17._classify_known]


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


def plain_fingerprint(time: datetime, location: str | None, description: str, raw_code: str | None,
                      status: str) -> str:
    text = fold_text(description)
    key = "|".join((time.astimezone(UTC).isoformat(timespec="seconds"), fold_text(location), text,
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


@pytest.mark.parametrize("time", [datetime(2026, 11, 18, 6, 41, tzinfo=UTC), Moment(2026, 11, 18, 6, 41, tzinfo=UTC),
                                  datetime(2026, 11, 18, 9, 41, tzinfo=timezone(timedelta(hours=3)))], ids=repr)
def test_ensure_utc_gives_what_the_conversion_gives(time: datetime) -> None:
    got = ensure_utc(time)
    assert got == time.astimezone(UTC) and got.tzinfo is UTC and type(got) is type(time.astimezone(UTC))
    with pytest.raises(ValueError, match="naive"):
        ensure_utc(time.replace(tzinfo=None))
