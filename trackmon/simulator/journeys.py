"""Simulated parcel journeys (pure): a scenario becomes a list of timed, localized events.

A journey is a realistic China → destination postal route: acceptance in Shenzhen or
Guangzhou (Chinese and English scans), export, flight, import customs, last mile in the
destination's language, then the scenario's ending. Each event carries what 17TRACK would
report at that moment (`main_status`, `sub_status`, key `stage`), mostly the generic
`InTransit_Other` for ordinary postal scans, as the real aggregator does.
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from zoneinfo import ZoneInfo

from trackmon.domain import ensure_utc
from trackmon.errors import ConfigError
from trackmon.simulator import texts
from trackmon.simulator.texts import Place


class Scenario(StrEnum):
    delivered = "delivered"
    in_transit = "in_transit"
    stalled = "stalled"
    customs_hold = "customs_hold"
    customs_duties = "customs_duties"
    pickup_waiting = "pickup_waiting"
    delivery_failed = "delivery_failed"
    returned = "returned"
    not_found = "not_found"
    label_only = "label_only"
    lost = "lost"


#: (17TRACK main status, sub status) pairs used by the simulator.
NOT_FOUND = ("NotFound", "NotFound_Other")
INFO = ("InfoReceived", "InfoReceived")
PICKED_UP = ("InTransit", "InTransit_PickedUp")
TRANSIT = ("InTransit", "InTransit_Other")
DEPARTURE = ("InTransit", "InTransit_Departure")
ARRIVAL = ("InTransit", "InTransit_Arrival")
CUSTOMS = ("InTransit", "InTransit_CustomsProcessing")
RELEASED = ("InTransit", "InTransit_CustomsReleased")
PICKUP = ("AvailableForPickup", "AvailableForPickup_Other")
OUT = ("OutForDelivery", "OutForDelivery_Other")
DELIVERED = ("Delivered", "Delivered_Other")
FAILED = ("DeliveryFailure", "DeliveryFailure_NoBody")
DUTIES = ("DeliveryFailure", "DeliveryFailure_Security")
RETURNING = ("Exception", "Exception_Returning")
RETURNED = ("Exception", "Exception_Returned")
LOST = ("Exception", "Exception_Lost")

#: What each scenario's journey ends on (17TRACK main, sub) once fully played.
FINAL_STATUS: dict[Scenario, tuple[str, ...]] = {
    Scenario.delivered: DELIVERED,
    Scenario.in_transit: TRANSIT,
    Scenario.stalled: ("InTransit",),          # sub depends on where it stopped
    Scenario.customs_hold: CUSTOMS,
    Scenario.customs_duties: DUTIES,
    Scenario.pickup_waiting: PICKUP,
    Scenario.delivery_failed: FAILED,
    Scenario.returned: RETURNED,
    Scenario.not_found: NOT_FOUND,
    Scenario.label_only: INFO,
    Scenario.lost: LOST,
}

_SCENARIO_WEIGHTS = (
    (Scenario.delivered, 34), (Scenario.in_transit, 15), (Scenario.stalled, 8), (Scenario.customs_hold, 6),
    (Scenario.customs_duties, 5), (Scenario.pickup_waiting, 10), (Scenario.delivery_failed, 6),
    (Scenario.returned, 5), (Scenario.label_only, 5), (Scenario.lost, 3), (Scenario.not_found, 3),
)


@dataclass(frozen=True, slots=True)
class SimEvent:
    time_utc: datetime          # aware UTC, whole minutes
    offset_minutes: int         # local UTC offset where the scan happened
    description: str
    location: str
    stage: str | None           # 17TRACK key stage, only on key events
    main_status: str
    sub_status: str
    country: str | None = None

    time_iso: str = field(init=False, repr=False, compare=False)        # local time with offset
    time_utc_text: str = field(init=False, repr=False, compare=False)   # "2024-03-01T00:00:00Z"

    def __post_init__(self) -> None:
        local = self.time_utc.astimezone(timezone(timedelta(minutes=self.offset_minutes)))
        object.__setattr__(self, "time_iso", local.isoformat(timespec="seconds"))
        object.__setattr__(self, "time_utc_text", self.time_utc.isoformat(timespec="seconds").replace("+00:00", "Z"))


@dataclass(frozen=True, slots=True)
class Visible:
    """What the carrier shows at one moment: events so far and the status they imply."""

    events: tuple[SimEvent, ...]    # oldest first
    main_status: str
    sub_status: str


@dataclass(frozen=True, slots=True)
class Journey:
    number: str
    scenario: Scenario
    destination: str
    events: tuple[SimEvent, ...]    # oldest first, strictly increasing times
    eta_from: datetime | None = None
    eta_to: datetime | None = None
    recipient_city: str | None = None
    origin: str = "CN"
    carrier_key: int = 3011          # China Post on 17TRACK

    @property
    def final_main_status(self) -> str:
        return self.events[-1].main_status if self.events else NOT_FOUND[0]

    @property
    def final_sub_status(self) -> str:
        return self.events[-1].sub_status if self.events else NOT_FOUND[1]

    @property
    def duration(self) -> timedelta:
        return self.events[-1].time_utc - self.events[0].time_utc if self.events else timedelta(0)

    def visible_at(self, now: datetime) -> Visible:
        shown = self.events[:bisect_right(self.events, ensure_utc(now), key=lambda e: e.time_utc)]
        if not shown:
            return Visible((), *NOT_FOUND)
        return Visible(shown, shown[-1].main_status, shown[-1].sub_status)

    def reworded(self) -> Journey:
        """The same events (times, places, statuses) with slightly different wording."""
        return replace(self, events=tuple(replace(e, description=reword_text(e.description)) for e in self.events))


def reword_text(text: str) -> str:
    """Slightly different wording of the same scan (as carriers do between two polls)."""
    if "【" in text:
        return text.replace("【", "[").replace("】", "]")
    if "[" in text:
        return text.replace("[", "【").replace("]", "】")
    return text[:-1] if text.endswith(".") else text + "."


def number_seed(number: str) -> int:
    return int.from_bytes(hashlib.sha256(number.encode()).digest()[:8], "big")


def scenario_for_number(number: str) -> Scenario:
    """Deterministic scenario for any number; numbers starting with "NF" are never found."""
    if number.upper().startswith("NF"):
        return Scenario.not_found
    pick = number_seed(number) % sum(w for _, w in _SCENARIO_WEIGHTS)
    for scenario, weight in _SCENARIO_WEIGHTS:
        if pick < weight:
            return scenario
        pick -= weight
    raise AssertionError("unreachable: weights exhausted")


def destination_for_number(number: str) -> str:
    keys = sorted(texts.DESTINATIONS)
    return keys[(number_seed(number) >> 20) % len(keys)]


class _Builder:
    def __init__(self, rng: random.Random, start: datetime) -> None:
        self.rng = rng
        self.t = ensure_utc(start).replace(second=0, microsecond=0)
        self.events: list[SimEvent] = []

    def add(self, gap_hours: tuple[float, float], description: str, location: str, place: Place,
            status: tuple[str, ...], stage: str | None = None) -> None:
        zone = ZoneInfo(place.tz)
        t = self.t + timedelta(hours=self.rng.uniform(*gap_hours)) if self.events else self.t
        local = t.astimezone(zone)
        if local.hour < 7 or local.hour >= 22:      # post offices scan in the daytime
            day = local if local.hour < 7 else local + timedelta(days=1)
            local = day.replace(hour=7, minute=self.rng.randrange(60))
            t = local.astimezone(UTC)
        t = t.replace(second=0, microsecond=0)
        if self.events and t <= self.events[-1].time_utc:
            t = self.events[-1].time_utc + timedelta(minutes=1 + self.rng.randrange(30))
        offset = int(t.astimezone(zone).utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        self.events.append(SimEvent(t, offset, description, location, stage, status[0], status[1], place.country))
        self.t = t


class _Route:
    """The legs of one parcel; each method appends scans to the builder."""

    def __init__(self, number: str, destination: str, start: datetime, seed: int | None) -> None:
        if destination not in texts.DESTINATIONS:
            known = ", ".join(sorted(texts.DESTINATIONS))
            raise ConfigError(f"unknown destination {destination!r}; supported: {known}", key="destination")
        self.rng = random.Random(number_seed(number) if seed is None else seed)
        self.b = _Builder(self.rng, start)
        self.dest = texts.DESTINATIONS[destination]
        self.words = texts.DEST_PHRASES[self.dest.language]
        self.city = self.rng.choice(self.dest.cities)
        self.office_zh, self.office_en = self.rng.choice(texts.ORIGIN_OFFICES)
        self.cn = Place(self.office_en, texts.ORIGIN_TZ, "CN")
        self.zh_share = self.rng.choice((0.3, 0.6, 0.9))

    def origin(self, key: str, gap: tuple[float, float], status: tuple[str, ...], stage: str | None = None,
               *, exchange: bool = False, next_stop: str | None = None) -> None:
        zh, en = texts.ORIGIN_PHRASES[key]
        office = texts.ORIGIN_EXCHANGE if exchange else (self.office_zh, self.office_en)
        if self.rng.random() < self.zh_share:
            text, location = zh.format(office=office[0], next=next_stop or texts.ORIGIN_EXCHANGE[0]), office[0]
        else:
            text, location = en.format(office=office[1], next=next_stop or texts.ORIGIN_EXCHANGE[1]), office[1]
        self.b.add(gap, text, location, self.cn, status, stage)

    def dest_scan(self, key: str, gap: tuple[float, float], status: tuple[str, ...], stage: str | None = None,
                  *, at_gateway: bool = False) -> None:
        place = self.dest.gateway if at_gateway else self.city
        self.b.add(gap, self.words[key], place.name, place, status, stage)

    def label(self) -> None:
        self.origin("info", (0, 0), INFO, "InfoReceived")

    def export(self, *, full: bool = False) -> None:
        self.origin("accept", (10, 60), PICKED_UP, "PickedUp")
        if full or self.rng.random() < 0.7:
            self.origin("sorting", (2, 8), TRANSIT)
        self.origin("leave", (1, 6), TRANSIT)
        self.origin("arrive_exchange", (4, 14), TRANSIT, exchange=True)
        self.origin("export_customs", (6, 36), TRANSIT, exchange=True)
        if full or self.rng.random() < 0.6:
            self.origin("handover", (12, 72), TRANSIT, exchange=True)
        self.origin("depart", (6, 40), DEPARTURE, "Departure", exchange=True)
        if full or self.rng.random() < 0.5:
            hub = self.rng.choice(texts.TRANSIT_HUBS)
            self.b.add((10, 30), texts.TRANSIT_PHRASES["flight"], hub.name, hub, TRANSIT)

    def arrive(self) -> None:
        self.dest_scan("arrival", (24, 120), ARRIVAL, "Arrival", at_gateway=True)
        self.dest_scan("customs_in", (2, 30), CUSTOMS, at_gateway=True)

    def clear_and_sort(self, *, extra_hops: int = 0) -> None:
        self.dest_scan("released", (18, 96), RELEASED, at_gateway=True)
        self.dest_scan("sorting", (8, 48), TRANSIT, at_gateway=True)
        self.dest_scan("departed", (2, 10), TRANSIT, at_gateway=True)
        for _ in range(extra_hops):
            self.dest_scan("sorting", (10, 30), TRANSIT)
        self.dest_scan("to_office", (20, 96), TRANSIT)

    def pickup_wait(self) -> None:
        self.dest_scan("pickup", (6, 30), PICKUP, "AvailableForPickup")
        self.dest_scan("reminder", (120, 168), PICKUP)

    def send_back(self) -> None:
        self.dest_scan("returning", (150, 260), RETURNING, "Returning")
        gateway = self.dest.gateway
        self.b.add((24, 96), texts.TRANSIT_PHRASES["return_depart"], gateway.name, gateway, RETURNING)
        self.origin("return_arrive", (96, 240), RETURNING, exchange=True)
        self.origin("returned", (24, 96), RETURNED, "Returned")

    def eta(self, start: datetime) -> tuple[datetime, datetime]:
        zone = ZoneInfo(self.dest.gateway.tz)
        first = (start + timedelta(days=12 + self.rng.randrange(6))).astimezone(zone)
        first = first.replace(hour=0, minute=0, second=0, microsecond=0)
        return first.astimezone(UTC), (first + timedelta(days=10, hours=23, minutes=59)).astimezone(UTC)


def build_journey(number: str, scenario: Scenario | str, start: datetime, *,
                  destination: str = "US", seed: int | None = None) -> Journey:
    """A realistic journey for `scenario` whose first scan is at (or just after) `start`."""
    try:
        scenario = Scenario(scenario)
    except ValueError:
        raise ConfigError(f"unknown scenario {scenario!r}; known: {', '.join(Scenario)}", key="scenario") from None
    route = _Route(number, destination, start, seed)
    if scenario is not Scenario.not_found:
        route.label()
    if scenario not in (Scenario.not_found, Scenario.label_only):
        route.export()
        _play_ending(route, scenario)
    eta_from, eta_to = route.eta(ensure_utc(start)) if scenario is not Scenario.not_found else (None, None)
    return Journey(number, scenario, destination, tuple(route.b.events), eta_from, eta_to, route.city.name)


def _play_ending(route: _Route, scenario: Scenario) -> None:
    if scenario is Scenario.stalled:
        if route.rng.random() < 0.5:
            route.dest_scan("arrival", (24, 120), ARRIVAL, "Arrival", at_gateway=True)
        return                                  # then silence: the long gap
    route.arrive()
    if scenario is Scenario.customs_hold:
        route.dest_scan("held", (24, 72), CUSTOMS, at_gateway=True)
        return
    if scenario is Scenario.customs_duties:
        route.dest_scan("duties", (12, 48), DUTIES, at_gateway=True)
        return
    if scenario is Scenario.lost:
        route.dest_scan("sorting", (8, 48), TRANSIT, at_gateway=True)
        route.dest_scan("lost", (480, 720), LOST, at_gateway=True)
        return
    if scenario is Scenario.in_transit:
        route.dest_scan("released", (18, 96), RELEASED, at_gateway=True)
        route.dest_scan("sorting", (8, 48), TRANSIT, at_gateway=True)
        return
    route.clear_and_sort()
    if scenario in (Scenario.pickup_waiting, Scenario.returned):
        route.pickup_wait()
        if scenario is Scenario.returned:
            route.send_back()
        return
    route.dest_scan("out", (8, 20), OUT, "OutForDelivery")
    if scenario is Scenario.delivery_failed:
        route.dest_scan("failed", (2, 8), FAILED)
        return
    route.dest_scan("delivered", (2, 8), DELIVERED, "Delivered")


BENCH_EVENTS = 20
BENCH_DESTINATIONS = ("RU", "ES", "BR", "FR", "DE", "US")


def build_bench_journey(number: str, start: datetime, *, seed: int | None = None) -> Journey:
    """A delivered journey of exactly 20 events; the destination (and so the language of
    the last mile) rotates with the number among Russian, Spanish, Portuguese, French,
    German and English."""
    destination = BENCH_DESTINATIONS[number_seed(number) % len(BENCH_DESTINATIONS)]
    route = _Route(number, destination, start, seed)
    route.label()
    route.export(full=True)
    route.arrive()
    route.clear_and_sort(extra_hops=3)
    route.dest_scan("out", (8, 20), OUT, "OutForDelivery")
    route.dest_scan("delivered", (2, 8), DELIVERED, "Delivered")
    events = tuple(route.b.events)
    if len(events) != BENCH_EVENTS:
        raise AssertionError(f"bench journey has {len(events)} events, expected {BENCH_EVENTS}")
    eta_from, eta_to = route.eta(ensure_utc(start))
    return Journey(number, Scenario.delivered, destination, events, eta_from, eta_to, route.city.name)
