"""Every carrier parse is total (issue 10, finding 1): property-based, over each carrier's own
answer shape (the recorded fixtures) with hostile mutations at every level - wrong types,
dates out of range, nesting deeper than Python can follow, null, garbage and huge strings,
keys removed, bodies cut short - for all six adapters and both webhook parsers.

A parse may only (a) return per-parcel snapshots that are well-typed and problems with a short
reason, or (b) raise a `CarrierError` naming what was wrong (the poller backs that batch off).
A webhook parser may only return a `PushResult` or raise `InputError` (the route answers 400).
Example counts are bounded so the whole module runs in seconds.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carriers import adapter_class
from carriers.base import RawResponse
from carriers.webhooks import PushResult, parse_17track_push, parse_aftership_push
from tests.carriers.helpers import build_adapter
from trackmon.domain import ParseResult, Status, SubStatus, TrackingSnapshot
from trackmon.errors import CarrierError, InputError

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = settings(max_examples=40, deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: The values issue 10 names, and their relatives.
HOSTILE_TIMES = [
    "9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00", "9999-12-31", "0001-01-01", "1900-01-01T00:00:00Z",
    "2026-02-30T10:00:00Z", "2026-11-18T25:61:00", "99991231", "00010101", "235959", "-05:00", "+99:00",
    "99999999999:00", "-999999999999999999999:00", "1e308", "NaN", "", " ", "Z", "null", "yesterday",
]
DEEP = re.compile(r'"@@DEEP@@(\d+)@@"')
KINDS = {"not_found", "invalid", "rejected", "malformed"}

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20), st.sampled_from(HOSTILE_TIMES),
    st.sampled_from(["x" * 50_000, "\u0000", "<html>", "{}", "[]", "ℌ" * 300]),
    st.sampled_from([10, 200, 990, 3000, 100_000]).map(lambda n: f"@@DEEP@@{n}@@"),
)
hostile = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=8), scalars, max_size=3),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON document (the root too)."""
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*prefix, index)))
    return out


def _mutate(doc: Any, data: st.DataObject) -> Any:
    """Replace, delete or wrap the value at 1-4 drawn paths."""
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="mutations")):
        paths = _paths(doc)
        path = paths[data.draw(st.integers(min_value=0, max_value=len(paths) - 1), label="path")]
        op = data.draw(st.sampled_from(["replace", "replace", "replace", "delete", "wrap"]), label="op")
        if not path:
            doc = data.draw(hostile, label="root") if op != "wrap" else [doc]
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if op == "delete":
            del parent[last]
        elif op == "wrap":
            parent[last] = [parent[last]]
        else:
            parent[last] = data.draw(hostile, label="value")
    return doc


def _encode(doc: Any, data: st.DataObject) -> bytes:
    text = json.dumps(doc, ensure_ascii=data.draw(st.booleans(), label="ascii"))
    text = DEEP.sub(lambda m: "[" * int(m.group(1)) + "]" * int(m.group(1)), text)
    body = text.encode()
    cut = data.draw(st.sampled_from(["whole"] * 8 + ["cut", "latin1"]), label="cut")
    if cut == "cut":
        body = body[: data.draw(st.integers(min_value=0, max_value=len(body)), label="at")]
    elif cut == "latin1":
        body = body + b"\xff\xfe"
    return body


# ------------------------------------------------------------------------------- checks

def _assert_well_formed(snap: TrackingSnapshot) -> None:
    assert isinstance(snap, TrackingSnapshot)
    assert isinstance(snap.tracking_number, str) and snap.tracking_number
    assert isinstance(snap.carrier, str)
    assert isinstance(snap.status, Status) and (snap.sub_status is None or isinstance(snap.sub_status, SubStatus))
    for value in (snap.raw_status, snap.last_mile_carrier, snap.source):
        assert value is None or isinstance(value, str)
    for cc in (snap.origin_country, snap.destination_country):
        assert cc is None or (isinstance(cc, str) and len(cc) == 2)
    for day in (snap.eta_from, snap.eta_to):
        assert day is None or (type(day) is date and 2000 <= day.year <= 2099)
    times = [ev.time for ev in snap.events]
    assert times == sorted(times)
    for ev in snap.events:
        assert ev.time.utcoffset() == timedelta(0) and 2000 <= ev.time.year <= 2099
        assert ev.time.astimezone(UTC) == ev.time
        assert isinstance(ev.description, str)
        assert ev.location is None or isinstance(ev.location, str)
        assert ev.raw_code is None or isinstance(ev.raw_code, str)
        assert ev.country is None or (isinstance(ev.country, str) and len(ev.country) == 2)
        assert ev.utc_offset_minutes is None or (type(ev.utc_offset_minutes) is int
                                                 and abs(ev.utc_offset_minutes) <= 18 * 60)
        assert ev.fingerprint  # what ingest keys events by can be computed


def _assert_total(call: Callable[[], ParseResult]) -> None:
    try:
        result = call()
    except CarrierError as exc:  # a whole answer that cannot be read: named, and backed off per batch
        assert exc.message and len(exc.message) < 400 and "Traceback" not in exc.message
        return
    assert isinstance(result, ParseResult)
    for snap in result.snapshots:
        _assert_well_formed(snap)
    for problem in result.problems:
        assert isinstance(problem.tracking_number, str) and problem.tracking_number
        assert problem.kind in KINDS
        assert isinstance(problem.message, str) and "Traceback" not in problem.message
        if problem.kind == "malformed":
            assert len(problem.message) < 400


def _assert_push_total(parse: Callable[[bytes], PushResult], body: bytes) -> None:
    try:
        result = parse(body)
    except InputError as exc:
        assert str(exc) and len(str(exc)) < 600 and "Traceback" not in str(exc)
        return
    assert isinstance(result, PushResult)
    for snap in result.snapshots:
        _assert_well_formed(snap)


# ------------------------------------------------------------------------------- targets

@dataclass(frozen=True)
class Target:
    adapter: str
    fixtures: tuple[str, ...]
    raw: Callable[[str, bytes], RawResponse]   # (fixture name, body) → what fetch would return
    number: Callable[[Any], str]               # the number a fixture is about


def _single(number: str, body: bytes, status: int = 200) -> RawResponse:
    return RawResponse(requested=(number,), parts={number: body}, status_codes={number: status})


def _doc(adapter: str, name: str) -> Any:
    return json.loads((FIXTURES / adapter / name).read_bytes())


NUMBERS = {
    "dhl": lambda d: d["shipments"][0]["id"],
    "ups": lambda d: d["trackResponse"]["shipment"][0]["inquiryNumber"],
    "usps": lambda d: d["trackingNumber"],
    "aftership": lambda d: d["data"]["trackings"][0]["tracking_number"],
}

TARGETS = [
    Target("17track", ("in_transit.json", "delivered.json", "exception.json", "batch_gettrackinfo.json"),
           lambda name, body: RawResponse(requested=(), parts={"gettrackinfo": body}), lambda d: ""),
    Target("aftership", ("in_transit.json", "delivered.json", "exception_customs.json", "batch.json"),
           lambda name, body: RawResponse(requested=(), parts={f"get:{name}": body}, status_codes={f"get:{name}": 200}),
           NUMBERS["aftership"]),
    Target("dhl", ("in_transit.json", "delivered.json", "exception.json"), lambda n, b: _single(n, b), NUMBERS["dhl"]),
    Target("ups", ("in_transit.json", "delivered.json", "exception.json"), lambda n, b: _single(n, b), NUMBERS["ups"]),
    Target("usps", ("in_transit.json", "delivered.json", "exception.json"), lambda n, b: _single(n, b),
           NUMBERS["usps"]),
    Target("fedex", ("in_transit.json", "delivered.json", "exception.json", "batch.json"),
           lambda name, body: RawResponse(requested=(), parts={"batch": body}, status_codes={"batch": 200}),
           lambda d: ""),
]


def _adapter(name: str):
    credentials = {"api_key": "k", "client_id": "i", "client_secret": "s"}
    return build_adapter(adapter_class(name), **credentials)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.adapter)
def test_the_recorded_answers_parse_to_well_formed_snapshots(target: Target) -> None:
    adapter = _adapter(target.adapter)
    for name in target.fixtures:
        doc = _doc(target.adapter, name)
        result = adapter.parse(target.raw(target.number(doc) or name, json.dumps(doc).encode()))
        assert result.snapshots, (target.adapter, name)
        assert not [p for p in result.problems if p.kind == "malformed"]
        for snap in result.snapshots:
            _assert_well_formed(snap)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.adapter)
@EXAMPLES
@given(data=st.data())
def test_any_mutation_of_a_recorded_answer_parses_totally(target: Target, data: st.DataObject) -> None:
    adapter = _adapter(target.adapter)
    name = data.draw(st.sampled_from(target.fixtures), label="fixture")
    doc = _doc(target.adapter, name)
    number = target.number(doc) or name
    body = _encode(_mutate(copy.deepcopy(doc), data), data)
    _assert_total(lambda: adapter.parse(target.raw(number, body)))


json_values = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner,
                                                                                   max_size=4)), max_leaves=20)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.adapter)
@EXAMPLES
@given(data=st.data())
def test_any_json_at_all_parses_totally(target: Target, data: st.DataObject) -> None:
    adapter = _adapter(target.adapter)
    body = _encode(data.draw(json_values, label="doc"), data)
    _assert_total(lambda: adapter.parse(target.raw("LZ604127388CN", body)))


PUSHES = [
    ("17track", parse_17track_push, ("17track/push_updated.json", "17track/push_stopped.json")),
    ("aftership", parse_aftership_push, ("aftership/webhook_tracking_update.json",)),
]


@pytest.mark.parametrize(("source", "parse", "fixtures"), PUSHES, ids=[p[0] for p in PUSHES])
@EXAMPLES
@given(data=st.data())
def test_any_mutation_of_a_push_parses_totally(source, parse, fixtures, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(fixtures), label="fixture")
    doc = json.loads((FIXTURES / name).read_bytes())
    _assert_push_total(parse, _encode(_mutate(doc, data), data))


@pytest.mark.parametrize(("source", "parse", "fixtures"), PUSHES, ids=[p[0] for p in PUSHES])
@EXAMPLES
@given(data=st.data())
def test_any_json_push_parses_totally(source, parse, fixtures, data: st.DataObject) -> None:
    _assert_push_total(parse, _encode(data.draw(json_values, label="doc"), data))


# ----------------------------------------------------------------- the bodies of issue 10

def _track17_item(mutate: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = _doc("17track", "in_transit.json")
    item = doc["data"]["accepted"][0]
    mutate(item["track_info"])
    return doc


def _set_event_time(value: str) -> Callable[[dict[str, Any]], None]:
    def mutate(info: dict[str, Any]) -> None:
        for provider in info["tracking"]["providers"]:
            for ev in provider["events"]:
                ev["time_utc"] = ev["time_iso"] = value
    return mutate


ISSUE_BODIES = {
    "tracking is a string": (lambda ti: ti.__setitem__("tracking", "abc"), "track_info.tracking is text"),
    "time_metrics is a list": (lambda ti: ti.__setitem__("time_metrics", []), "track_info.time_metrics is a list"),
    "events is an integer": (lambda ti: ti["tracking"]["providers"][0].__setitem__("events", 5),
                             "a provider's events is a number"),
}


@pytest.mark.parametrize("case", sorted(ISSUE_BODIES))
def test_issue_bodies_are_malformed_problems_for_that_parcel_only(case: str) -> None:
    mutate, words = ISSUE_BODIES[case]
    doc = _doc("17track", "batch_gettrackinfo.json")
    doc["data"]["accepted"] = [_track17_item(mutate)["data"]["accepted"][0], *doc["data"]["accepted"]]
    result = _adapter("17track").parse(RawResponse(requested=(), parts={"gettrackinfo": json.dumps(doc).encode()}))
    bad = doc["data"]["accepted"][0]["number"]
    (problem,) = [p for p in result.problems if p.tracking_number == bad]
    assert problem.kind == "malformed" and words in problem.message
    assert {s.tracking_number for s in result.snapshots} == {
        i["number"] for i in doc["data"]["accepted"][1:] if i.get("track_info")} - {bad}


@pytest.mark.parametrize("stamp", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00"])
def test_event_times_out_of_range_are_skipped_not_raised(stamp: str) -> None:
    doc = _track17_item(_set_event_time(stamp))
    result = _adapter("17track").parse(RawResponse(requested=(), parts={"gettrackinfo": json.dumps(doc).encode()}))
    (snap,) = result.snapshots
    assert snap.events == ()  # no event with a year-9999 (or year-1) time is invented


def test_a_deeply_nested_answer_is_a_named_failure() -> None:
    body = b'{"code": 0, "data": {"accepted": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    with pytest.raises(CarrierError, match="nested too deeply"):
        _adapter("17track").parse(RawResponse(requested=(), parts={"gettrackinfo": body}))


def test_times_are_checked_for_range_before_conversion() -> None:
    from carriers.reading import parse_ts

    for stamp in ("9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00", "2100-01-01T00:00:00Z"):
        with pytest.raises(ValueError, match=r"outside the years|out of range"):
            parse_ts(stamp)
    assert parse_ts("2026-11-18T09:41:00+03:00") == datetime(2026, 11, 18, 6, 41, tzinfo=UTC)


def test_a_carrier_value_of_any_length_is_cut_in_the_error_that_names_it() -> None:
    """Found by the mutation test above: FedEx named a 50,000-character "tracking number" in full."""
    from trackmon.errors import CARRIER_MESSAGE_MAX, CarrierResponseError

    exc = CarrierResponseError("fedex", f"a trackResult of {'x' * 50_000} is not an object")
    assert len(exc.message) == CARRIER_MESSAGE_MAX and exc.message.endswith("…")
    assert str(exc).startswith("fedex: a trackResult of xxx")
