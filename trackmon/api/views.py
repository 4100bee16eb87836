"""JSON views of stored rows for the HTTP API (plain dicts; datetimes as ISO 8601 UTC)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from trackmon.carrier_check import shipment_mismatch
from trackmon.models import Order, Shipment, ShipmentEvent


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def order_ref(order: Order) -> dict[str, Any]:
    return {"store": order.store, "order_id": order.order_id}


def order_view(order: Order) -> dict[str, Any]:
    return {
        **order_ref(order),
        "buyer_name": order.buyer_name, "buyer_email": order.buyer_email,
        "buyer_language": order.buyer_language, "buyer_country": order.buyer_country,
        "buyer_timezone": order.buyer_timezone, "shipped_at": _iso(order.shipped_at),
        "promised_delivery": _iso(order.promised_delivery),
        "created_at": _iso(order.created_at), "updated_at": _iso(order.updated_at),
    }


def shipment_view(shipment: Shipment, order: Order | None = None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "tracking_number": shipment.tracking_number, "carrier": shipment.carrier,
        "source": shipment.source, "status": shipment.status, "sub_status": shipment.sub_status,
        "raw_status": shipment.raw_status, "status_changed_at": _iso(shipment.status_changed_at),
        "last_event_at": _iso(shipment.last_event_at),
        "last_event_description": shipment.last_event_description,
        "last_event_location": shipment.last_event_location,
        "origin_country": shipment.origin_country,
        "destination_country": shipment.destination_country,
        "last_mile_carrier": shipment.last_mile_carrier,
        "aggregator_carrier": shipment.aggregator_carrier,
        "carrier_mismatch": shipment_mismatch(shipment),
        "eta_from": _iso(shipment.eta_from), "eta_to": _iso(shipment.eta_to),
        "delivered_at": _iso(shipment.delivered_at), "active": shipment.active,
        "next_poll_at": _iso(shipment.next_poll_at), "last_polled_at": _iso(shipment.last_polled_at),
        "last_error": shipment.last_error, "created_at": _iso(shipment.created_at),
    }
    if order is not None:
        view["order"] = order_ref(order)
    return view


def event_view(event: ShipmentEvent) -> dict[str, Any]:
    return {
        "time": _iso(event.time), "description": event.description, "location": event.location,
        "status": event.status, "sub_status": event.sub_status, "raw_code": event.raw_code,
        "country": event.country, "utc_offset_minutes": event.utc_offset_minutes,
    }
