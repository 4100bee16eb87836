"""Shared by the console tests: an AliExpress-style order without a buyer email, signing in."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from trackmon.messaging.planner import plan_for_order
from trackmon.models import Order, Shipment
from trackmon.settings import Settings

NO_EMAIL_ORDER = "8170023456789012"   # AliExpress order numbers: 16 digits, no buyer address given
NO_EMAIL_NUMBER = "LP00456789012CN"


def add_order_without_email(engine: Engine, now: datetime, settings: Settings, *, store: str = "default",
                            order_id: str = NO_EMAIL_ORDER, number: str = NO_EMAIL_NUMBER) -> int:
    """An order as a marketplace export gives it (no buyer email), with one parcel that left
    China eight days ago, and its buyer messages planned the way a cycle plans them."""
    shipped = now - timedelta(days=8)
    with Session(engine) as session:
        # buyer_email is "" here: on this branch the column is still NOT NULL (intake makes it optional)
        order = Order(store=store, order_id=order_id, buyer_name="Ирина Павлова", buyer_email="",
                      buyer_language="ru", buyer_country="RU", buyer_timezone="Europe/Moscow",
                      shipped_at=shipped, created_at=shipped, updated_at=shipped)
        session.add(order)
        session.flush()
        assert order.id is not None
        session.add(Shipment(order_pk=order.id, tracking_number=number, carrier="china-post", status="in_transit",
                             sub_status="departed_origin", first_event_at=shipped,
                             last_event_at=now - timedelta(days=2),
                             first_movement_at=shipped + timedelta(hours=6), departed_origin_at=now - timedelta(days=5),
                             last_event_description="Departed from the airport of origin",
                             last_event_location="Guangzhou", origin_country="CN", destination_country="RU",
                             status_changed_at=now - timedelta(days=5), created_at=shipped))
        session.flush()
        plan_for_order(session, order.id, now, settings)
        session.commit()
        return order.id


def form_token(html: str, name: str = "form_token") -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no {name} in the page"
    return match.group(1)
