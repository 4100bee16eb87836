"""Scripted test doubles shared by the test suite (no network).

- `FakeAdapter`: a real `CarrierAdapter` subclass whose answers are scripted per tracking
  number (a snapshot, a `CarrierProblem`, or a sequence of them, one per call), and whose
  whole-call failures are scripted per call (`fail_calls`) or per number (`fail_numbers`).
  It records every call and every `stop_tracking`.
- `FakeCarrierSet`: the `CarrierSet` surface the poller uses (`adapters`, `skipped`,
  `route`), routing by carrier name.
- `snapshot()` / `event()`: small builders of domain objects.
- `seed_order()`: inserts one order with its shipments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from carriers.base import CarrierAdapter, RawResponse, TrackRequest
from trackmon.domain import (
    CarrierProblem,
    ParseResult,
    Status,
    SubStatus,
    TrackingEvent,
    TrackingSnapshot,
)
from trackmon.errors import ConfigError, InvalidTrackingNumber
from trackmon.models import Order, Shipment
from trackmon.settings import CarrierSettings
from trackmon.tracking import Routed

Outcome = TrackingSnapshot | CarrierProblem


class FakeAdapter(CarrierAdapter):
    """A scripted adapter. `script[number]` is an outcome or a list (one per call; last repeats)."""

    name = "fake"
    label = "Fake"
    default_base_url = "http://127.0.0.1:9"

    def __init__(self, name: str = "fake", *, max_batch: int = 40, aggregator: bool = False,
                 script: Mapping[str, Outcome | Sequence[Outcome]] | None = None,
                 fail_calls: Iterable[BaseException | None] = (),
                 fail_numbers: Mapping[str, BaseException] | None = None) -> None:
        super().__init__(CarrierSettings(rate_limit_per_second=1000, concurrency=4), None)  # type: ignore[arg-type]
        self.name = name  # type: ignore[misc]
        self.label = name.upper()  # type: ignore[misc]
        self.max_batch = max_batch  # type: ignore[misc]
        self.aggregator = aggregator  # type: ignore[misc]
        self.script: dict[str, list[Outcome]] = {}
        for number, outcome in (script or {}).items():
            self.set(number, outcome)
        self.fail_calls: list[BaseException | None] = list(fail_calls)
        self.fail_numbers: dict[str, BaseException] = dict(fail_numbers or {})
        self.calls: list[tuple[str, ...]] = []
        self.stopped: list[str] = []
        self._pending: dict[int, ParseResult] = {}

    def set(self, number: str, outcome: Outcome | Sequence[Outcome]) -> None:
        self.script[number] = list(outcome) if isinstance(outcome, Sequence) else [outcome]

    @property
    def polled_numbers(self) -> list[str]:
        return [n for call in self.calls for n in call]

    def _next(self, number: str) -> Outcome | None:
        queue = self.script.get(number)
        if not queue:
            return None
        return queue.pop(0) if len(queue) > 1 else queue[0]

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        numbers = tuple(r.number for r in requests)
        self.calls.append(numbers)
        if self.fail_calls:
            failure = self.fail_calls.pop(0)
            if failure is not None:
                raise failure
        for number in numbers:
            if number in self.fail_numbers:
                raise self.fail_numbers[number]
        snapshots, problems = [], []
        for number in numbers:
            outcome = self._next(number)
            if isinstance(outcome, TrackingSnapshot):
                snapshots.append(outcome)
            elif isinstance(outcome, CarrierProblem):
                problems.append(outcome)
        key = len(self.calls)
        self._pending[key] = ParseResult(snapshots=tuple(snapshots), problems=tuple(problems))
        return RawResponse(requested=numbers, parts={"call": str(key).encode()})

    def parse(self, raw: RawResponse) -> ParseResult:
        return self._pending.pop(int(raw.body.decode()))

    async def stop_tracking(self, numbers: Sequence[TrackRequest]) -> None:
        self.stopped.extend(r.number for r in numbers)


class FakeCarrierSet:
    """Routes a shipment to `adapters[carrier]`, else to `default`; `invalid` numbers are refused."""

    def __init__(self, *adapters: CarrierAdapter, default: str | None = None,
                 invalid: Iterable[str] = ()) -> None:
        self.adapters: dict[str, CarrierAdapter] = {a.name: a for a in adapters}
        self.skipped: dict[str, str] = {}
        self.default = default
        self.invalid = set(invalid)

    def route(self, number: str, carrier: str | None = None) -> Routed:
        if number in self.invalid:
            raise InvalidTrackingNumber(number, "scripted as invalid")
        name = carrier if carrier in self.adapters else self.default
        if name is None:
            raise ConfigError(f"no carrier API is configured for {number} ({carrier})", key="carriers")
        adapter = self.adapters[name]
        return Routed(adapter, TrackRequest(number, None if adapter.aggregator else carrier))


def event(time: datetime, description: str = "In transit", *, status: Status = Status.in_transit,
          sub_status: SubStatus | None = None, location: str | None = None,
          raw_code: str | None = None, country: str | None = None) -> TrackingEvent:
    return TrackingEvent(time=time, description=description, status=status, sub_status=sub_status,
                         location=location, raw_code=raw_code, country=country)


def snapshot(number: str, events: Sequence[TrackingEvent], *, status: Status | None = None,
             sub_status: SubStatus | None = None, carrier: str = "fake",
             destination_country: str | None = None, **extra: Any) -> TrackingSnapshot:
    ordered = tuple(sorted(events, key=lambda e: e.time))
    last = ordered[-1] if ordered else None
    return TrackingSnapshot(
        carrier=carrier, tracking_number=number,
        status=status or (last.status if last else Status.not_found),
        sub_status=sub_status if sub_status is not None else (last.sub_status if last else None),
        events=ordered, destination_country=destination_country, source=carrier, **extra)


def seed_order(session: Session, now: datetime, numbers: Sequence[str], *, order_id: str = "A1",
               carrier: str | None = "fake", country: str = "US", shipped_days_ago: float = 1,
               next_poll_at: datetime | None = None, **order_fields: Any) -> tuple[Order, list[Shipment]]:
    """One order with one shipment per number, due now; committed."""
    shipped = now - timedelta(days=shipped_days_ago)
    order = Order(order_id=order_id, buyer_email="buyer@example.com", buyer_country=country,
                  shipped_at=shipped, created_at=shipped, updated_at=shipped, **order_fields)
    session.add(order)
    session.flush()
    shipments = []
    for number in numbers:
        shipment = Shipment(order_pk=order.id, tracking_number=number, carrier=carrier,
                            next_poll_at=next_poll_at or now, created_at=shipped)
        session.add(shipment)
        shipments.append(shipment)
    session.commit()
    for s in [order, *shipments]:
        session.refresh(s)
    return order, shipments
