"""The template context of a buyer message, built from database rows (and sample data).

Every context has the same keys (`CONTEXT_KEYS`), whatever the kind, so a template may test
any of them with `{% if %}` and a typo is caught at start-up. Values are JSON-safe (the
context is stored with the queued message; dates are ISO strings, shown with `|date`).
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime, timedelta
from typing import Any

import holidays
import structlog
from sqlmodel import Session

from trackmon.messaging.buyer_page import buyer_page_url
from trackmon.models import Alert, Order, Shipment
from trackmon.settings import Settings

log = structlog.get_logger("trackmon.messaging.context")

#: Causes of delay a template may explain (a contract with the templates).
DELAY_CAUSES = ("peak_season", "national_day", "spring_festival", "weather", "customs")

_CARRIER_NAMES = {
    "17track": "", "aftership": "", "dhl": "DHL", "ups": "UPS", "usps": "USPS", "fedex": "FedEx",
    "china-post": "China Post", "china-ems": "China EMS", "cainiao": "Cainiao", "yanwen": "Yanwen",
}


def _iso(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def tracking_link(settings: Settings, number: str, language: str | None = None) -> str:
    """The buyer's tracking link; `{language}` in the setting becomes the buyer's language."""
    lang = (language or "en").replace("_", "-").split("-")[0].lower() or "en"
    return settings.messaging.tracking_url.replace("{tracking_number}", number).replace("{language}", lang)


def carrier_label(carrier: str | None) -> str:
    if not carrier:
        return ""
    return _CARRIER_NAMES.get(carrier.lower(), carrier)


def expected_days(session: Session | None, carrier: str | None, country: str | None,
                  settings: Settings) -> tuple[int, int]:
    """(min, max) days in transit for the lane: learned median/p90, else the configured default."""
    default = settings.detection.default_transit_days
    fallback = (max(1, math.ceil(default * 0.6)), default)
    if session is None:
        return fallback
    try:
        from trackmon.lanes import lane_figures  # written alongside; absent in early builds
    except ImportError:
        return fallback
    try:
        figures = lane_figures(session, carrier, country, settings)
    except Exception as exc:  # figures are a nicety: a message is still worth sending
        log.warning("lanes.unavailable", carrier=carrier, country=country, error=str(exc))
        return fallback
    median = getattr(figures, "median_days", None)
    p90 = getattr(figures, "p90_days", None)
    if not median or not p90:
        return fallback
    low = max(1, math.floor(float(median)))
    return low, max(low, math.ceil(float(p90)))


@functools.lru_cache(maxsize=16)
def _china_holidays(years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    """China's public holidays of `years` (building the calendar costs milliseconds: once per years)."""
    return tuple(holidays.China(years=list(years), language="en_US").items())


def delay_causes(start: date, end: date, *, include_usual: bool) -> list[str]:
    """The causes of delay that apply to a parcel travelling between `start` and `end`."""
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
    return causes


def _number_entry(settings: Settings, s: Shipment, language: str | None) -> dict[str, Any]:
    return {
        "number": s.tracking_number,
        "carrier": carrier_label(s.carrier),
        "url": tracking_link(settings, s.tracking_number, language),
        "status": s.status,
        "delivered": s.status == "delivered",
    }


def build_context(session: Session | None, order: Order, shipments: list[Shipment], *,
                  kind: str, cause: str, settings: Settings, now: datetime,
                  alert: Alert | None = None) -> dict[str, Any]:
    """The context of message `kind` for `order` as the database has it at `now`."""
    shipments = sorted(shipments, key=lambda s: s.id or 0)
    main = next((s for s in shipments if alert is not None and s.id == alert.shipment_id), None)
    main = main or next((s for s in shipments if s.status != "delivered"), None)
    main = main or (shipments[0] if shipments else None)
    details: dict[str, Any] = dict(alert.details or {}) if alert is not None else {}

    shipped_on = (order.shipped_at or (main.created_at if main else None) or now).date()
    country = (main.destination_country if main and main.destination_country else order.buyer_country)
    low, high = expected_days(session, main.carrier if main else None, country, settings)
    expected_from, expected_to = shipped_on + timedelta(days=low), shipped_on + timedelta(days=high)
    start = max(shipped_on, now.date()) if kind != "shipped" else shipped_on
    causes = delay_causes(start, max(expected_to, start), include_usual=kind == "on_its_way")

    last_event_at = main.last_event_at if main else None
    since = alert.since if alert is not None and alert.since else None
    pickup_since = since or (main.status_changed_at if main else None)
    days_left = details.get("days_left")
    if days_left is None and kind in ("pickup_waiting", "pickup_reminder") and pickup_since:
        days_left = max(0, settings.detection.pickup_hold_days - (now - pickup_since).days)
    return_date = (pickup_since.date() + timedelta(days=settings.detection.pickup_hold_days)
                   if pickup_since and kind in ("pickup_waiting", "pickup_reminder") else None)
    days_without_update = details.get("days_without_update") or details.get("days_silent")
    if days_without_update is None and last_event_at is not None:
        days_without_update = max(0, (now - last_event_at).days)

    store = settings.store(order.store)
    page = (buyer_page_url(session.connection(), order.id, settings, now)
            if session is not None and settings.public_base_url else None)
    return {
        "store_name": store.display_name or (settings.messaging.store_name
                                             if order.store == "default" else order.store),
        "order_id": order.order_id,
        "buyer_name": " ".join((order.buyer_name or "").split())[:100],  # one line, always
        "tracking_numbers": [{**_number_entry(settings, s, order.buyer_language), **({"url": page} if page else {})}
                             for s in shipments],
        "tracking_number": main.tracking_number if main else "",
        "tracking_url": page or (tracking_link(settings, main.tracking_number, order.buyer_language) if main else ""),
        "carrier": carrier_label((main.last_mile_carrier or main.carrier) if main else None),
        "shipped_date": _iso(shipped_on),
        "expected_days_min": low,
        "expected_days_max": high,
        "expected_from": _iso(main.eta_from if main and main.eta_from else expected_from),
        "expected_to": _iso(main.eta_to if main and main.eta_to else expected_to),
        "milestone": cause if kind == "on_its_way" else "",
        "delay_causes": causes,
        "last_event": (main.last_event_description or "") if main else "",
        "last_location": (main.last_event_location or "") if main else "",
        "last_event_date": _iso(last_event_at),
        "days_without_update": int(days_without_update or 0),
        "pickup_location": str(details.get("location") or details.get("pickup_location")
                               or (main.last_event_location if main else "") or ""),
        "pickup_since": _iso(pickup_since) if kind in ("pickup_waiting", "pickup_reminder") else "",
        "pickup_days_left": int(days_left) if days_left is not None else None,
        "pickup_return_date": _iso(return_date),
        "duties_amount": str(details.get("duties_amount") or details.get("amount") or ""),
        "delivered_numbers": [s.tracking_number for s in shipments if s.status == "delivered"],
        "pending_numbers": [s.tracking_number for s in shipments if s.status != "delivered"],
        "parcel_count": len(shipments),
    }


CONTEXT_KEYS = frozenset({
    "store_name", "order_id", "buyer_name", "tracking_numbers", "tracking_number", "tracking_url",
    "carrier", "shipped_date", "expected_days_min", "expected_days_max", "expected_from",
    "expected_to", "milestone", "delay_causes", "last_event", "last_location", "last_event_date",
    "days_without_update", "pickup_location", "pickup_since", "pickup_days_left",
    "pickup_return_date", "duties_amount", "delivered_numbers", "pending_numbers", "parcel_count",
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
        "carrier": "China Post",
        "shipped_date": "2026-11-02",
        "expected_days_min": 12,
        "expected_days_max": 25,
        "expected_from": "2026-11-14",
        "expected_to": "2026-11-27",
        "milestone": "departed_origin" if kind == "on_its_way" else "",
        "delay_causes": list(DELAY_CAUSES),
        "last_event": "Arrived at sorting center",
        "last_location": "Moscow",
        "last_event_date": "2026-11-18",
        "days_without_update": 9,
        "pickup_location": "Post office 101000, Moscow",
        "pickup_since": "2026-11-16",
        "pickup_days_left": 11,
        "pickup_return_date": "2026-12-01",
        "duties_amount": "12.50 EUR",
        "delivered_numbers": [numbers[0]] if kind == "partial_delivery" else [],
        "pending_numbers": [numbers[1]] if kind == "partial_delivery" else numbers,
        "parcel_count": 2,
    }
    sparse = {**full, "buyer_name": "", "tracking_numbers": full["tracking_numbers"][:1],
              "carrier": "", "delay_causes": [], "last_event": "", "last_location": "",
              "last_event_date": "", "pickup_location": "", "pickup_days_left": None,
              "pickup_return_date": "", "duties_amount": "", "parcel_count": 1,
              "milestone": "first_movement" if kind == "on_its_way" else "",
              "pending_numbers": full["pending_numbers"][:1]}
    extra = [{**full, "milestone": "arrived_destination"}] if kind == "on_its_way" else []
    return [full, sparse, *extra]
