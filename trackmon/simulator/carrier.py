"""The simulated 17TRACK carrier: registrations, answers, rate limit, faults and counters.

Transport-free: `respond()` takes a parsed HTTP request and returns a `Reply`; `server.py`
puts it on a socket. Time of the parcels comes from the injected `clock` (a `SimClock` can
play weeks in seconds); the rate limiter uses the real `monotonic` clock (injectable).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import structlog

from trackmon.clock import Clock, utcnow
from trackmon.simulator import payload
from trackmon.simulator.faults import HTTP_STATUS, Fault, FaultKind, FaultPlan
from trackmon.simulator.journeys import Journey, build_journey, destination_for_number, scenario_for_number

log = structlog.get_logger("trackmon.simulator")

ENDPOINTS = frozenset({"register", "gettrackinfo", "stoptrack", "retrack", "deletetrack", "changecarrier"})
NUMBER_FORMAT = re.compile(r"[A-Za-z0-9]{5,50}")
HTML_PAGE = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
             b"<body><h1>Bad Gateway</h1><p>The upstream server is temporarily unavailable.</p></body></html>")

JourneyFactory = Callable[[str, datetime], Journey]


def default_journey(number: str, start: datetime) -> Journey:
    """Any number gets a journey: scenario and destination derived from the number."""
    return build_journey(number, scenario_for_number(number), start, destination=destination_for_number(number))


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False                      # close the connection with a TCP RST, send nothing


@dataclass(slots=True)
class Registration:
    carrier: int | None
    tag: str | None
    registered_at: datetime
    stopped_at: datetime | None = None


@dataclass(slots=True)
class SimStats:
    requests: Counter[str] = field(default_factory=Counter)      # by endpoint (every arrival)
    numbers_served: int = 0                  # gettrackinfo items answered with track_info
    rate_limited: int = 0                    # 429s sent because the configured rate was exceeded
    responses_429: int = 0                   # every 429 sent (rate limit + injected faults)
    faults: Counter[str] = field(default_factory=Counter)
    max_requests_per_second: int = 0         # most arrivals seen in any 1-second window


class SimulatedCarrier:
    def __init__(self, *, api_key: str = "sim-key", clock: Clock = utcnow,
                 journeys: Mapping[str, Journey] | None = None, factory: JourneyFactory = default_journey,
                 backdate: timedelta | None = None, latency_ms: float = 0, rate_limit_per_second: float | None = None,
                 faults: FaultPlan | None = None, max_numbers: int = 40,
                 monotonic: Callable[[], float] = time.monotonic,
                 guesses: Mapping[str, int] | None = None, strict_carrier: bool = False) -> None:
        """`backdate=None`: a number seen for the first time already has its whole journey
        behind it (tests, `check`); `backdate=timedelta(0)`: its journey starts when it is
        registered and plays out with the clock (the demo). `guesses`: the carrier key the
        stand-in's auto-detection picks for a number registered without one; with
        `strict_carrier`, a number registered under another key than its journey's gets no
        events (the wrong carrier does not know it) until `changecarrier` fixes it."""
        self.api_key = api_key
        self.clock = clock
        self.journeys: dict[str, Journey] = dict(journeys or {})
        self.factory = factory
        self.backdate = backdate
        self.latency_ms = latency_ms
        self.rate_limit_per_second = rate_limit_per_second
        self.faults = faults
        self.max_numbers = max_numbers
        self.monotonic = monotonic
        self.guesses: dict[str, int] = dict(guesses or {})
        self.strict_carrier = strict_carrier
        self.registered: dict[str, Registration] = {}
        self.stats = SimStats()
        self._arrivals: deque[float] = deque()
        self._served: deque[float] = deque()
        self._encoded: dict[tuple[str, bool], tuple[Journey, tuple[str, ...]]] = {}
        # number → (what the answer depends on, journey, rendered item): one entry per number, so
        # repeated polls at the same clock reading (the bench's fixed clock) are not re-rendered.
        self._rendered: dict[str, tuple[tuple[Any, ...], Journey, str]] = {}

    # -- journeys -----------------------------------------------------------------------
    def journey_for(self, number: str, now: datetime | None = None) -> Journey:
        journey = self.journeys.get(number)
        if journey is None:
            journey = self._new_journey(number, now or self.clock())
            self.journeys[number] = journey
        return journey

    def _new_journey(self, number: str, now: datetime) -> Journey:
        if self.backdate is not None:
            return self.factory(number, now - self.backdate)
        journey = self.factory(number, now)
        days = (journey.duration + timedelta(hours=1)).days + 1
        for _ in range(5):       # start early enough that the whole journey is visible now
            earlier = self.factory(number, now - timedelta(days=days))
            if not earlier.events or earlier.events[-1].time_utc <= now:
                return earlier
            days += 1
        return earlier

    def _encoded_events(self, journey: Journey, reword: bool) -> tuple[str, ...]:
        cached = self._encoded.get((journey.number, reword))
        if cached is None or cached[0] is not journey:
            cached = (journey, payload.encode_events(journey, reword=reword))
            self._encoded[(journey.number, reword)] = cached
        return cached[1]

    # -- HTTP-level --------------------------------------------------------------------
    async def respond(self, method: str, endpoint: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one request. `headers` keys are lower-case."""
        self.stats.requests[endpoint] += 1
        arrived = self.monotonic()
        self._count_arrival(arrived)
        if method != "POST" or endpoint not in ENDPOINTS:
            return Reply(404, b'{"code":404,"message":"Not Found"}')
        if self._over_rate(arrived):
            self.stats.rate_limited += 1
            self.stats.responses_429 += 1
            log.info("simulator.rate_limited", endpoint=endpoint, limit=self.rate_limit_per_second)
            return Reply(429, b'{"code":429,"message":"Too Many Requests"}', headers={"Retry-After": "1"})
        fault = self.faults.next_fault(endpoint) if self.faults else None
        if self.latency_ms:
            await asyncio.sleep(self.latency_ms / 1000)
        if fault is not None:
            self.stats.faults[fault.kind] += 1
            reply = await self._fault_reply(fault, endpoint, headers, body)
            if reply is not None:
                return reply
        return self._answer(endpoint, headers, body, reword=fault is not None and fault.kind is FaultKind.reword)

    def _count_arrival(self, at: float) -> None:
        self._arrivals.append(at)
        while self._arrivals and self._arrivals[0] <= at - 1.0:
            self._arrivals.popleft()
        self.stats.max_requests_per_second = max(self.stats.max_requests_per_second, len(self._arrivals))

    def _over_rate(self, at: float) -> bool:
        if self.rate_limit_per_second is None:
            return False
        while self._served and self._served[0] <= at - 1.0:
            self._served.popleft()
        if len(self._served) >= self.rate_limit_per_second:
            return True
        self._served.append(at)
        return False

    async def _fault_reply(self, fault: Fault, endpoint: str, headers: Mapping[str, str], body: bytes) -> Reply | None:
        log.info("simulator.fault", endpoint=endpoint, fault=fault.kind.value)
        if fault.kind is FaultKind.delay:
            await asyncio.sleep(fault.delay_seconds)
            return None
        if fault.kind is FaultKind.reset:
            return Reply(0, reset=True)
        if fault.kind in HTTP_STATUS:
            status = HTTP_STATUS[fault.kind]
            extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            if status == 429:
                self.stats.responses_429 += 1
            return Reply(status, json.dumps({"code": status, "message": "simulated failure"}).encode(), headers=extra)
        if fault.kind is FaultKind.truncated:
            whole = self._answer(endpoint, headers, body, reword=False).body
            return Reply(200, whole[: max(1, len(whole) // 2)])
        if fault.kind is FaultKind.html:
            return Reply(200, HTML_PAGE, content_type="text/html; charset=utf-8")
        return None      # reword: a normal answer with other wording

    # -- the 17TRACK API -----------------------------------------------------------------
    def _answer(self, endpoint: str, headers: Mapping[str, str], body: bytes, *, reword: bool) -> Reply:
        if headers.get("17token") != self.api_key:
            return _json(payload.request_error(payload.ERR_INVALID_KEY))
        items = _items(body)
        if items is None:
            return _json(payload.request_error(payload.ERR_INVALID_DATA))
        if len(items) > self.max_numbers:
            return _json(payload.request_error(payload.ERR_TOO_MANY_NUMBERS))
        now = self.clock()
        accepted: list[dict[str, Any]] = []
        rejected: list[dict[str, Any]] = []
        handler = getattr(self, f"_{endpoint}")
        for item in items:
            number = item["number"]
            if not NUMBER_FORMAT.fullmatch(number):
                rejected.append(payload.rejection(number, payload.ERR_CARRIER_NOT_DETECTED))
                continue
            handler(number, item, now, accepted, rejected, reword)
        items_text = [a if isinstance(a, str) else payload.dumps(a) for a in accepted]
        return Reply(200, payload.envelope_text(items_text, rejected).encode())

    def _register(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                  rejected: list[Any], reword: bool) -> None:
        if number in self.registered:
            rejected.append(payload.rejection(number, payload.ERR_ALREADY_REGISTERED))
            return
        carrier = item.get("carrier") if isinstance(item.get("carrier"), int) else self.guesses.get(number)
        tag = item.get("tag") if isinstance(item.get("tag"), str) else None
        self.registered[number] = Registration(carrier, tag, now)
        journey = self.journey_for(number, now)
        accepted.append({"origin": 1, "number": number, "carrier": carrier or journey.carrier_key, "tag": tag})

    def _gettrackinfo(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                      rejected: list[Any], reword: bool) -> None:
        registration = self.registered.get(number)
        if registration is None:
            rejected.append(payload.rejection(number, payload.ERR_NOT_REGISTERED))
            return
        as_of = registration.stopped_at or now          # a stopped number is no longer updated
        journey = self.journey_for(number, now)
        if self.strict_carrier and registration.carrier not in (None, journey.carrier_key):
            accepted.append(payload.not_found_item(number, registration.carrier, registration.tag))
            return
        key = (as_of, reword, registration.carrier, registration.tag)
        cached = self._rendered.get(number)
        if cached is not None and cached[0] == key and cached[1] is journey:
            text = cached[2]
        else:
            text = payload.accepted_item_text(journey, as_of, self._encoded_events(journey, reword),
                                              carrier=registration.carrier, reword=reword, tag=registration.tag)
            self._rendered[number] = (key, journey, text)
        accepted.append(text)
        self.stats.numbers_served += 1

    def _stoptrack(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                   rejected: list[Any], reword: bool) -> None:
        registration = self.registered.get(number)
        if registration is None:
            rejected.append(payload.rejection(number, payload.ERR_NOT_REGISTERED))
        elif registration.stopped_at is not None:
            rejected.append(payload.rejection(number, payload.ERR_ALREADY_STOPPED))
        else:
            registration.stopped_at = now
            accepted.append({"number": number, "carrier": registration.carrier or self.journey_for(number).carrier_key})

    def _retrack(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                 rejected: list[Any], reword: bool) -> None:
        registration = self.registered.get(number)
        if registration is None:
            rejected.append(payload.rejection(number, payload.ERR_NOT_REGISTERED))
        elif registration.stopped_at is None:
            rejected.append(payload.rejection(number, payload.ERR_ONLY_STOPPED))
        else:
            registration.stopped_at = None
            accepted.append({"number": number, "carrier": registration.carrier or self.journey_for(number).carrier_key})

    def _deletetrack(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                     rejected: list[Any], reword: bool) -> None:
        registration = self.registered.pop(number, None)
        if registration is None:
            rejected.append(payload.rejection(number, payload.ERR_NOT_REGISTERED))
        else:
            accepted.append({"number": number, "carrier": registration.carrier or self.journey_for(number).carrier_key})


    def _changecarrier(self, number: str, item: dict[str, Any], now: datetime, accepted: list[Any],
                       rejected: list[Any], reword: bool) -> None:
        """`[{"number", "carrier_old"?, "carrier_new"}]`: track the number under `carrier_new`."""
        registration = self.registered.get(number)
        new = item.get("carrier_new")
        if registration is None:
            rejected.append(payload.rejection(number, payload.ERR_NOT_REGISTERED))
        elif not isinstance(new, int) or isinstance(new, bool):
            rejected.append(payload.rejection(number, payload.ERR_INVALID_DATA))
        else:
            registration.carrier = new
            self.stats.requests["changecarrier:" + str(new)] += 1
            accepted.append({"number": number, "carrier": new})


def _json(document: dict[str, Any]) -> Reply:
    return Reply(200, payload.dumps(document).encode())


def _items(body: bytes) -> list[dict[str, Any]] | None:
    """The request's `[{"number": ...}, ...]`, or None when the body is not that."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, list) or not data:
        return None
    items = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("number"), str):
            return None
        items.append({**item, "number": item["number"].strip()})
    return items
