"""The carrier adapter protocol.

One class per carrier, one file per class. `fetch()` only talks HTTP; `parse()` is pure
over recorded bytes (that is what makes fixture tests possible). Per-number problems are
data (`CarrierProblem`); whole-call failures raise `CarrierError` subclasses.

An adapter's name, label, batch size, kind, credentials and production URL come from its
carrier's `MANIFEST` (`manifest = MANIFEST` in the class; carriers/manifest.py); adding a
carrier is described in CONTRIBUTING.md. Batches are cut here only (`batches`): `track`
cuts a request list into calls of at most `max_batch` numbers and `fetch` gets one call's.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

import httpx
import structlog

from carriers.manifest import CarrierManifest
from carriers.reading import MAX_OFFSET_MINUTES, parse_ts, read_item, total
from trackmon import metrics
from trackmon.clock import Clock, utcnow
from trackmon.domain import (
    CarrierProblem,
    ParseResult,
    Status,
    SubStatus,
    TrackingEvent,
    TrackingSnapshot,
    Unchanged,
)
from trackmon.errors import CarrierResponseError
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings

log = structlog.get_logger("trackmon.carriers")

StatusTable = Mapping[Status, Iterable[str]]
T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`items` in consecutive slices of at most `size` (the one place batches are cut)."""
    size = max(1, size)
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass(frozen=True, slots=True)
class TrackRequest:
    """A number to track, with trackmon's carrier name for it when known ("ups", "china-post")."""

    number: str
    carrier_hint: str | None = None
    known_digest: str | None = None  # digest of the answer stored last (`carriers.answer_parts`)


@dataclass(frozen=True, slots=True)
class RawResponse:
    """What `fetch` got: the bytes of each call it made, keyed by call name."""

    requested: tuple[str, ...]
    parts: Mapping[str, bytes]
    status_codes: Mapping[str, int] = field(default_factory=dict)
    # each part as `fetch` already decoded it, so `parse` does not decode it again (optional)
    decoded: Mapping[str, Any] = field(default_factory=dict, compare=False)
    # number → digest of its answer stored last: a part with that digest is `Unchanged`
    known: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def body(self) -> bytes:
        """The body of the single call, for adapters that make one call."""
        if len(self.parts) != 1:
            raise KeyError("several parts; use .parts[name]")
        return next(iter(self.parts.values()))


def invert(table: StatusTable) -> dict[str, Status]:
    """{Status: codes} → {code: Status}; a code listed twice is a programming error."""
    out: dict[str, Status] = {}
    for status, codes in table.items():
        for code in codes:
            if code in out:
                raise ValueError(f"code {code!r} mapped twice ({out[code]} and {status})")
            out[code] = status
    return out


def offset_minutes(value: Any) -> int | None:
    """The UTC offset, in minutes, of an ISO timestamp that carries one."""
    if not value:
        return None
    if not isinstance(value, str):
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    off = dt.utcoffset()
    minutes = None if off is None else int(off / _MINUTE)
    return minutes if minutes is not None and abs(minutes) <= MAX_OFFSET_MINUTES else None


_MINUTE = timedelta(minutes=1)
_BY_TIME = attrgetter("time")


def sort_dedupe(events: Iterable[TrackingEvent]) -> tuple[TrackingEvent, ...]:
    """Oldest first, one event per fingerprint (the first seen wins)."""
    seen: dict[str, TrackingEvent] = {}
    for ev in events:
        seen.setdefault(ev.fingerprint, ev)
    return tuple(sorted(seen.values(), key=_BY_TIME))


class CarrierAdapter(ABC):
    """Base of every adapter. Subclasses set the class variables and implement fetch/parse."""

    manifest: ClassVar[CarrierManifest | None] = None  # the carrier's declaration (sets the rest)
    name: ClassVar[str]                   # registry key, log field, DB value: "17track"
    label: ClassVar[str]                  # "17TRACK"
    max_batch: ClassVar[int] = 1          # numbers per request
    aggregator: ClassVar[bool] = False    # tracks many carriers' numbers
    credentials: ClassVar[tuple[str, ...]] = ("api_key",)  # settings keys that must be set
    default_base_url: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """The class variables come from the carrier's manifest; every adapter's `parse` is
        made total (carriers/reading.py): whatever the answer, it returns, or raises a
        CarrierError naming what was wrong - never anything else."""
        super().__init_subclass__(**kwargs)
        manifest = cls.__dict__.get("manifest")
        if manifest is not None:
            cls.name, cls.label, cls.max_batch = manifest.name, manifest.label, manifest.max_batch
            cls.aggregator, cls.credentials = manifest.aggregator, manifest.credentials
            if manifest.base_url:
                cls.default_base_url = manifest.base_url
        if "parse" in cls.__dict__:
            cls.parse = total(cls.__dict__["parse"])  # type: ignore[method-assign]

    def __init__(self, settings: CarrierSettings, client: httpx.AsyncClient, *,
                 limiter: RateLimiter | None = None, clock: Clock = utcnow,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.settings = settings
        self.client = client
        self.limiter = limiter or RateLimiter(
            settings.rate_limit_per_second, concurrency=settings.concurrency,
            on_wait=metrics.rate_limit_wait.labels(carrier=self.name).inc)
        self.clock = clock
        self.sleep = sleep
        self.log = log.bind(carrier=self.name)

    @classmethod
    def missing_credentials(cls, settings: CarrierSettings) -> list[str]:
        """Settings keys this adapter needs that are unset (empty list: configured)."""
        missing = []
        for key in cls.credentials:
            value = getattr(settings, key)
            raw = value.get_secret_value() if hasattr(value, "get_secret_value") else value
            if not raw:
                missing.append(key)
        return missing

    @property
    def base_url(self) -> str:
        return (self.settings.base_url or self.default_base_url).rstrip("/")

    @property
    def timeout(self) -> float:
        """Seconds one request may take (`timeout_seconds` of this carrier's settings)."""
        return self.settings.timeout_seconds

    @abstractmethod
    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        """Network only: at most `max_batch` requests. Raises CarrierError subclasses."""

    @abstractmethod
    def parse(self, raw: RawResponse) -> ParseResult:
        """Pure: bytes → snapshots and per-number problems. An answer that cannot be read as a
        whole → CarrierResponseError; one parcel that cannot be read → its `malformed` problem
        (build each parcel's snapshot through `read_one`). An adapter that digests each
        number's part (`carriers.answer_parts`) reports a part whose digest is the one in
        `raw.known` as `unchanged` instead of parsing it."""

    def read_one(self, number: str, build: Callable[[], TrackingSnapshot]) -> TrackingSnapshot | CarrierProblem:
        """One parcel of an answer: its checked snapshot, or a `malformed` problem (never raises)."""
        return read_item(self.label, number, build)

    async def track(self, requests: Sequence[TrackRequest]) -> ParseResult:
        """Fetch and parse in batches of `max_batch`; a number absent from the answer is a problem."""
        snapshots: list[TrackingSnapshot] = []
        problems: list[CarrierProblem] = []
        unchanged: list[Unchanged] = []
        for batch in batches(requests, self.max_batch):
            raw = await self.fetch(batch)
            known = {r.number: r.known_digest for r in batch if r.known_digest}
            result = self.parse(replace(raw, known=known) if known else raw)
            snapshots.extend(result.snapshots)
            problems.extend(result.problems)
            unchanged.extend(result.unchanged)
            answered = {s.tracking_number for s in result.snapshots} | {
                p.tracking_number for p in result.problems} | {u.tracking_number for u in result.unchanged}
            for req in batch:
                if req.number not in answered:
                    problems.append(CarrierProblem(
                        tracking_number=req.number, kind="not_found",
                        message=f"{self.label} returned nothing for this number"))
        return ParseResult(snapshots=tuple(snapshots), problems=tuple(problems), unchanged=tuple(unchanged))

    async def stop_tracking(self, numbers: Sequence[TrackRequest]) -> None:
        """Tell the provider to stop tracking (aggregators bill per tracked number)."""
        return None

    def map_code(self, table: Mapping[str, Status], code: str | None,
                 *, number: str | None = None) -> Status:
        """Table lookup; an unmapped code is `unknown` plus a `carrier.unmapped_code` warning."""
        if code is not None and code in table:
            return table[code]
        self.log.warning("carrier.unmapped_code", code=code, tracking_number=number)
        return Status.unknown

    def bad_response(self, message: str) -> CarrierResponseError:
        return CarrierResponseError(self.name, message)

    def load_json_object(self, body: bytes) -> dict[str, Any]:
        """A response body that must be a JSON object; anything else is a CarrierResponseError."""
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise self.bad_response(f"response is not JSON (starts {body[:60]!r})") from None
        except RecursionError:
            raise self.bad_response("response is nested too deeply to read") from None
        if not isinstance(data, dict):
            raise self.bad_response(f"response is a JSON {type(data).__name__}, not an object")
        return data


__all__ = [
    "CarrierAdapter",
    "CarrierProblem",
    "ParseResult",
    "RawResponse",
    "Status",
    "StatusTable",
    "SubStatus",
    "TrackRequest",
    "TrackingEvent",
    "TrackingSnapshot",
    "batches",
    "invert",
    "offset_minutes",
    "parse_ts",
    "sort_dedupe",
]
