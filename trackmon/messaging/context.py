"""The template context of a buyer message, built from database rows (and sample data).

Every context has the same keys (`CONTEXT_KEYS`), whatever the kind, so a template may test
any of them with `{% if %}` and a typo is caught at start-up. Values are JSON-safe (the
context is stored with the queued message; dates are ISO strings, shown with `|date`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import holidays
import structlog
from sqlmodel import Session

from carriers import registry
from trackmon.messaging.buyer_page import buyer_page_url
from trackmon.messaging.estimate import estimate, lane_estimate_figures
from trackmon.messaging.event_lines import language_of
from trackmon.messaging.facts import last_mile_carrier, parcel_lines
from trackmon.messaging.pickup import hold
from trackmon.messaging.places import readable_place
from trackmon.messaging.window import buyer_zone
from trackmon.models import Alert, Order, Shipment
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.messaging.context")

#: Causes of delay a template may explain (a contract with the templates).
DELAY_CAUSES = ("peak_season", "national_day", "spring_festival", "weather", "customs")
#: Causes that name the origin country (left out for stores with `hide_origin`).
ORIGIN_CAUSES = frozenset({"national_day", "spring_festival"})

def _iso(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if type(value) is date:  # most of them: a date's own isoformat, no conversion
        return value.isoformat()
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def tracking_link(settings: Settings, number: str, language: str | None = None) -> str:
    """The buyer's tracking link; `{language}` in the setting becomes the buyer's language."""
    lang = (language or "en").replace("_", "-").split("-")[0].lower() or "en"
    return settings.messaging.tracking_url.replace("{tracking_number}", number).replace("{language}", lang)


def carrier_label(carrier: str | None) -> str:
    """The carrier's label from its manifest ("Cainiao"); an aggregator is no carrier a buyer knows
    (""); a name no manifest declares (an S10 post such as "royal-mail") is given as it is."""
    manifest = registry.manifest(carrier)
    if manifest is None:
        return carrier or ""
    return "" if manifest.aggregator else manifest.label


@functools.lru_cache(maxsize=16)
def _china_holidays(years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    """China's public holidays of `years` (building the calendar costs milliseconds: once per years)."""
    return tuple(holidays.China(years=list(years), language="en_US").items())


def delay_causes(start: date, end: date, *, include_usual: bool) -> list[str]:
    """The causes of delay that apply to a parcel travelling between `start` and `end`."""
    return list(_delay_causes(start, end, include_usual))


@functools.lru_cache(maxsize=4096)
def _delay_causes(start: date, end: date, include_usual: bool) -> tuple[str, ...]:
    """`delay_causes` (pure: a few hundred distinct date spans, kept per process)."""
    causes: list[str] = []
    years = list(range(start.year, end.year + 1))
    for year in years:
        # 11.11 to Cyber Monday: the platforms' peak, carriers run late.
        if start <= date(year, 12, 5) and end >= date(year, 11, 5):
            causes.append("peak_season")
            break
    # a few days before the window too: a holiday that just ended still delays departures
    names = [name for day, name in _china_holidays(tuple(years)) if start - timedelta(days=3) <= day <= end]
    if any("National Day" in n for n in names):
        causes.append("national_day")
    if any("Spring Festival" in n or "Chinese New Year" in n for n in names):
        causes.append("spring_festival")
    if include_usual:
        causes += ["weather", "customs"]
    return tuple(causes)


def _number_entry(settings: Settings, s: Shipment, language: str | None, hide_origin: bool) -> dict[str, Any]:
    return {
        "number": s.tracking_number,
        "carrier": "" if hide_origin else carrier_label(s.carrier),
        "url": tracking_link(settings, s.tracking_number, language),
        "status": s.status,
        "delivered": s.status == "delivered",
    }


def main_shipment(shipments: list[Shipment], alert: Alert | None) -> Shipment | None:
    """The parcel a message is about: the alert's, else the first one not delivered."""
    shipments = sorted(shipments, key=lambda s: s.id or 0)
    main = next((s for s in shipments if alert is not None and s.id == alert.shipment_id), None)
    main = main or next((s for s in shipments if s.status != "delivered"), None)
    return main or (shipments[0] if shipments else None)


_T = TypeVar("_T")


def _once(memo: dict[tuple[Any, ...], Any] | None, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """`make()`, or what it made for `key` before in `memo` (None: no memo, made every time)."""
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]  # type: ignore[no-any-return]


def build_context(session: Session | None, order: Order, shipments: list[Shipment], *,
                  kind: str, cause: str, settings: Settings, now: datetime,
                  alert: Alert | None = None, language: str | None = None,
                  send_at: datetime | None = None, previous_at: datetime | None = None,
                  events_of: Mapping[int, Sequence[Any]] | None = None,
                  memo: dict[tuple[Any, ...], Any] | None = None) -> dict[str, Any]:
    """The context of message `kind` for `order` as the database has it at `now`.

    Day counts and the estimate are for the buyer's local day at `send_at` (when the message
    is scheduled to go; default `now`). `previous_at` is when the previous message of this
    order was queued: the events seen since then are the message's `changes`. `events_of`
    (shipment id → stored events) spares reading events the caller already holds. `memo`: one
    dict for the messages of one order (same session, order, parcels, settings, `now` and
    events): its parcels in order, main parcel, zone, store, names, buyer page, lane figures,
    estimate, parcel lines, numbers and last-mile carrier are then worked out once, not per
    message (a lane's figures are read once per transaction: `lanes.lane_figures`).
    """
    parcels = shipments
    shipments = _once(memo, ("sorted",), lambda: sorted(parcels, key=lambda s: s.id or 0))
    main = _once(memo, ("main", alert.shipment_id if alert is not None else None),
                 lambda: main_shipment(shipments, alert))
    details: dict[str, Any] = dict(alert.details or {}) if alert is not None else {}
    lang = _once(memo, ("language", language), lambda: language_of(
        language or order.buyer_language or settings.messaging.default_language))
    zone = _once(memo, ("zone",), lambda: buyer_zone(order.buyer_timezone, order.buyer_country))
    today = (send_at or now).astimezone(zone).date()
    store = _once(memo, ("store",), lambda: settings.store(order.store))
    page = _once(memo, ("page", order.id), lambda: buyer_page_url(session.connection(), order.id, settings, now)
                 if session is not None and settings.public_base_url else None)

    shipped_on = _once(memo, ("shipped_on", main.id if main else None), lambda: (
        order.shipped_at or (main.created_at if main else None) or now).astimezone(zone).date())
    country = (main.destination_country if main and main.destination_country else order.buyer_country)
    carrier = main.carrier if main else None
    figures = _once(memo, ("figures", carrier, country),
                    lambda: lane_estimate_figures(session, carrier, country, settings))
    facts = None
    if main is not None:
        stored = events_of.get(main.id or 0) if events_of is not None else None
        lines = _once(memo, ("lines", main.id, lang, store.hide_origin),
                      lambda: parcel_lines(session, main, lang, hide_origin=store.hide_origin, events=stored))
        facts = lines.facts(previous_at)
    arrived_on = facts.arrived_at.astimezone(zone).date() if facts and facts.arrived_at else None
    on = today if kind != "shipped" else max(today, shipped_on)
    est = _once(memo, ("estimate", main.id if main else None, on), lambda: estimate(
        figures, shipped_on=shipped_on, today=on, arrived_on=arrived_on, promised=order.promised_delivery))
    if kind == "shipped":  # the first message gives the usual window, which the range explains
        window_from: date | None = est.usual_from if est.usual_from > today else None
        window_to = max(est.usual_to, today)
    else:
        window_from, window_to = est.window_from, est.window_to
    start = max(shipped_on, today) if kind != "shipped" else shipped_on
    causes = delay_causes(start, max(window_to, start), include_usual=kind == "on_its_way")
    if store.hide_origin:  # China's holidays would name the origin country
        causes = [c for c in causes if c not in ORIGIN_CAUSES]

    last_event_at = facts.last_event_at if facts else None
    days_without_update = details.get("days_without_update") or details.get("days_silent")
    if days_without_update is None:
        days_without_update = max(0, (now - last_event_at).days) if last_event_at else 0
    pickup = kind in ("pickup_waiting", "pickup_reminder") or (facts is not None and facts.stage == "pickup")
    pickup_since = (alert.since if alert is not None and alert.kind == "pickup_waiting" and alert.since
                    else (facts.pickup_since if facts else None))
    held = hold(pickup_since.astimezone(zone).date(), settings.detection.pickup_hold_days) \
        if pickup and pickup_since else None
    prev_on = previous_at.astimezone(zone).date() if previous_at else None

    named = _once(memo, ("names",), lambda: (
        store.display_name or (settings.messaging.store_name if order.store == "default" else order.store),
        " ".join((order.buyer_name or "").split())[:100]))  # one line, always
    return {
        "store_name": named[0],
        "order_id": order.order_id,
        "buyer_name": named[1],
        "tracking_numbers": [dict(entry) for entry in _once(memo, ("numbers", store.hide_origin, page), lambda: [
            {**_number_entry(settings, s, order.buyer_language, store.hide_origin), **({"url": page} if page else {})}
            for s in shipments])],
        "tracking_number": main.tracking_number if main else "",
        "tracking_url": page or (tracking_link(settings, main.tracking_number, order.buyer_language) if main else ""),
        "carrier": _once(memo, ("carrier", main.id, country, lang),
                         lambda: last_mile_carrier(main, country, lang)) if main else "",
        "shipped_date": _iso(shipped_on),
        "today": _iso(today),
        "days_since_shipped": max(0, (today - shipped_on).days),
        "expected_days_min": est.days_min,
        "expected_days_max": est.days_max,
        "expected_from": _iso(window_from),
        "expected_to": _iso(window_to),
        "overdue": est.overdue and kind != "shipped",
        "promised_date": _iso(est.promised_to),
        "stage": facts.stage if facts else "label",
        "stall_stage": facts.last_stage if facts else "origin",
        "arrived_date": _iso(arrived_on),
        "milestone": cause if kind == "on_its_way" else "",
        "delay_causes": causes,
        "last_event": facts.last_line if facts else "",
        "last_location": "",
        "last_event_date": _iso(last_event_at.astimezone(zone) if last_event_at else None),
        "days_without_update": int(days_without_update),
        "changes": list(facts.changes) if facts and previous_at else [],
        "previous_date": _iso(prev_on),
        "pickup_location": (readable_place(str(details.get("location") or (main.last_event_location if main else "")
                                                  or ""), lang) or "") if held else "",
        "pickup_since": _iso(held.arrived_on) if held else "",
        "pickup_days_left": held.days_left(today) if held and not held.ended(today) else None,
        "pickup_return_date": _iso(held.last_day) if held else "",
        "pickup_hold_ended": bool(held and held.ended(today)),
        "duties_amount": str(details.get("duties_amount") or details.get("amount") or ""),
        "lost_policy": store.lost_policy,
        "lost_reported_by_carrier": bool(details.get("source") == "carrier" or (main and main.sub_status == "lost")),
        "hide_origin": store.hide_origin,
        "delivered_numbers": [s.tracking_number for s in shipments if s.status == "delivered"],
        "pending_numbers": [s.tracking_number for s in shipments if s.status != "delivered"],
        "parcel_count": len(shipments),
    }


CONTEXT_KEYS = frozenset({
    "store_name", "order_id", "buyer_name", "tracking_numbers", "tracking_number", "tracking_url",
    "carrier", "shipped_date", "today", "days_since_shipped", "expected_days_min", "expected_days_max", "expected_from",
    "expected_to", "overdue", "promised_date", "stage", "stall_stage", "arrived_date", "milestone",
    "delay_causes", "last_event", "last_location", "last_event_date", "days_without_update",
    "changes", "previous_date", "pickup_location", "pickup_since", "pickup_days_left",
    "pickup_return_date", "pickup_hold_ended", "duties_amount", "lost_policy",
    "lost_reported_by_carrier", "hide_origin", "delivered_numbers", "pending_numbers", "parcel_count",
})


def sample_contexts(kind: str, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Sample data for previews and start-up validation: a full context and a sparse one."""
    from trackmon.settings import Settings as _S
    settings = settings or _S()
    numbers = ["LP00123456789CN", "UA987654321CN"]
    full = {
        "store_name": settings.messaging.store_name,
        "order_id": "8123456789",
        "buyer_name": "Anna",
        "tracking_numbers": [
            {"number": numbers[0], "carrier": "China Post", "url": tracking_link(settings, numbers[0]),
             "status": "delivered" if kind == "partial_delivery" else "in_transit",
             "delivered": kind == "partial_delivery"},
            {"number": numbers[1], "carrier": "Cainiao", "url": tracking_link(settings, numbers[1]),
             "status": "in_transit", "delivered": False},
        ],
        "tracking_number": numbers[0],
        "tracking_url": tracking_link(settings, numbers[0]),
        "carrier": "USPS",
        "shipped_date": "2026-11-02",
        "today": "2026-11-18",
        "days_since_shipped": 16,
        "expected_days_min": 12,
        "expected_days_max": 25,
        "expected_from": "2026-11-14",
        "expected_to": "2026-11-27",
        "overdue": kind == "late",
        "promised_date": "2026-11-27",
        "stage": "pickup" if kind.startswith("pickup") else "destination",
        "stall_stage": "destination",
        "arrived_date": "2026-11-12",
        "milestone": "departed_origin" if kind == "on_its_way" else "",
        "delay_causes": list(DELAY_CAUSES),
        "last_event": "The local carrier processed the parcel — Moscow",
        "last_location": "",
        "last_event_date": "2026-11-18",
        "days_without_update": 9,
        "changes": ["Customs released the parcel", "The local carrier processed the parcel — Moscow"],
        "previous_date": "2026-11-11",
        "pickup_location": "Post office 101000, Moscow",
        "pickup_since": "2026-11-16",
        "pickup_days_left": 11,
        "pickup_return_date": "2026-12-01",
        "pickup_hold_ended": False,
        "duties_amount": "12.50 EUR",
        "lost_policy": "reship",
        "lost_reported_by_carrier": True,
        "hide_origin": False,
        "delivered_numbers": [numbers[0]] if kind == "partial_delivery" else [],
        "pending_numbers": [numbers[1]] if kind == "partial_delivery" else numbers,
        "parcel_count": 2,
    }
    sparse = {**full, "buyer_name": "", "tracking_numbers": full["tracking_numbers"][:1],
              "carrier": "", "delay_causes": [], "last_event": "", "last_location": "",
              "last_event_date": "", "pickup_location": "", "pickup_days_left": None,
              "pickup_return_date": "", "duties_amount": "", "parcel_count": 1,
              "changes": [], "previous_date": "", "expected_from": "", "overdue": False,
              "lost_policy": "ask", "lost_reported_by_carrier": False, "stall_stage": "origin",
              "arrived_date": "", "stage": "origin",
              "milestone": "first_movement" if kind == "on_its_way" else "",
              "pending_numbers": full["pending_numbers"][:1]}
    extra = [{**full, "milestone": "arrived_destination", "overdue": True, "lost_policy": "refund",
              "stall_stage": "international", "pickup_hold_ended": True, "pickup_days_left": None},
             {**sparse, "stall_stage": "customs", "stage": "customs", "pickup_days_left": 0,
              "pickup_return_date": "2026-11-18"}]
    if kind == "weekly_checkin":
        extra.append({**full, "stage": "delivery_failed"})
    return [full, sparse, *extra]
