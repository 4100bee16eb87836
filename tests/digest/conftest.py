"""A seeded store for digest tests: one parcel or order per exception kind, deliveries, messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from trackmon.models import Alert, Message, Order, Shipment

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@dataclass
class Seed:
    now: datetime
    orders: dict[str, int] = field(default_factory=dict)
    alerts: dict[str, int] = field(default_factory=dict)


def days(n: float) -> timedelta:
    return timedelta(days=n)


class Seeder:
    def __init__(self, session: Session, now: datetime) -> None:
        self.s = session
        self.now = now

    def order(self, order_id: str, *, store: str = "acme", country: str = "US", buyer: str = "Ann Buyer",
              shipped_days_ago: float = 12, promised: date | None = None) -> Order:
        o = Order(store=store, order_id=order_id, buyer_name=buyer, buyer_email=f"{order_id.lower()}@example.com",
                  buyer_country=country, shipped_at=self.now - days(shipped_days_ago),
                  promised_delivery=promised, created_at=self.now - days(shipped_days_ago),
                  updated_at=self.now)
        self.s.add(o)
        self.s.flush()
        return o

    def parcel(self, order: Order, number: str, *, carrier: str = "usps", country: str = "US",
               last_event_days_ago: float | None = 3, delivered_days_ago: float | None = None,
               active: bool = True, status: str = "in_transit") -> Shipment:
        sh = Shipment(order_pk=order.id, tracking_number=number, carrier=carrier, status=status,
                      destination_country=country, active=active, created_at=order.created_at,
                      first_event_at=order.shipped_at,
                      last_event_at=None if last_event_days_ago is None else self.now - days(last_event_days_ago),
                      delivered_at=None if delivered_days_ago is None else self.now - days(delivered_days_ago))
        self.s.add(sh)
        self.s.flush()
        return sh

    def alert(self, order: Order, kind: str, *, shipment: Shipment | None = None, opened_days_ago: float = 1,
              resolved_days_ago: float | None = None, details: dict | None = None,
              reason: str = "", last_seen_days_ago: float = 0) -> Alert:
        a = Alert(dedupe_key=f"{order.id}:{shipment.id if shipment else '-'}:{kind}:seed",
                  order_pk=order.id, shipment_id=shipment.id if shipment else None, kind=kind, cause="seed",
                  reason=reason or f"{kind} seeded", details=details or {},
                  since=self.now - days(opened_days_ago), opened_at=self.now - days(opened_days_ago),
                  last_seen_at=self.now - days(last_seen_days_ago),
                  resolved_at=None if resolved_days_ago is None else self.now - days(resolved_days_ago),
                  resolved_by=None if resolved_days_ago is None else "auto")
        self.s.add(a)
        self.s.flush()
        return a

    def message(self, order: Order, kind: str, *, state: str = "sent", days_ago: float = 1) -> Message:
        at = self.now - days(days_ago)
        m = Message(idempotency_key=f"{order.id}:{kind}:{state}:{days_ago}", order_pk=order.id, kind=kind,
                    channel="smtp", recipient=order.buyer_email, state=state, next_attempt_at=at,
                    created_at=at, sent_at=at if state == "sent" else None)
        self.s.add(m)
        self.s.flush()
        return m


def seed_store(engine: Engine, now: datetime = NOW) -> Seed:
    """Store "acme" (weekly window [now-7d, now)) and a second store "other"."""
    seed = Seed(now=now)
    with Session(engine) as s:
        sd = Seeder(s, now)
        o1 = sd.order("A-1001", buyer="Ann Lee")
        p1 = sd.parcel(o1, "LX111111111CN", last_event_days_ago=3)
        seed.alerts["customs"] = sd.alert(o1, "customs_hold", shipment=p1, opened_days_ago=2,
                                          details={"sub_status": "customs_duties"}).id
        sd.message(o1, "customs_hold", days_ago=1)

        o2 = sd.order("A-1002", country="ES", buyer="Bea Ruiz")
        p2 = sd.parcel(o2, "RR222222222CN", carrier="correos", country="ES", last_event_days_ago=4)
        seed.alerts["pickup"] = sd.alert(o2, "pickup_waiting", shipment=p2, opened_days_ago=3,
                                         details={"days_left": 5}, last_seen_days_ago=1).id
        sd.message(o2, "pickup_waiting", state="queued", days_ago=0.5)

        o3 = sd.order("A-1003", country="DE", buyer="Carl Weber", shipped_days_ago=25)
        p3 = sd.parcel(o3, "UA333333333CN", carrier="dhl", country="DE", last_event_days_ago=12)
        seed.alerts["stalled"] = sd.alert(o3, "stalled", shipment=p3, opened_days_ago=10).id

        o4 = sd.order("A-1004", buyer="Dan <script>alert(1)</script>", shipped_days_ago=35)
        sd.parcel(o4, "LX444444444CN", last_event_days_ago=6)
        sd.parcel(o4, "LX444444445CN", last_event_days_ago=2)
        seed.alerts["late"] = sd.alert(o4, "late", opened_days_ago=2).id
        sd.message(o4, "on_its_way", days_ago=20)

        o5 = sd.order("A-1005")
        p5 = sd.parcel(o5, "LX555555555CN", active=False, status="delivered", delivered_days_ago=0.5,
                       last_event_days_ago=0.5)
        seed.alerts["resolved"] = sd.alert(o5, "delivery_failed", shipment=p5, opened_days_ago=9,
                                           resolved_days_ago=1).id

        # deliveries: on time by promise, late by default transit days, outside the window
        o6 = sd.order("A-1006", shipped_days_ago=12, promised=(now + days(3)).date())
        sd.parcel(o6, "LX666666666CN", delivered_days_ago=2, active=False, status="delivered")
        o7 = sd.order("A-1007", shipped_days_ago=40)
        sd.parcel(o7, "LX777777777CN", delivered_days_ago=3, active=False, status="delivered")
        o8 = sd.order("A-1008", shipped_days_ago=34)
        sd.parcel(o8, "LX888888888CN", delivered_days_ago=20, active=False, status="delivered")

        sd.message(o6, "delivered", days_ago=2)
        sd.message(o7, "delivered", state="failed", days_ago=3)
        sd.message(o8, "delivered", days_ago=20)  # outside the window

        other = sd.order("B-1", store="other")
        pb = sd.parcel(other, "LX999999999CN")
        seed.alerts["other"] = sd.alert(other, "stalled", shipment=pb, opened_days_ago=1).id
        for key, o in {"o1": o1, "o2": o2, "o3": o3, "o4": o4, "o5": o5}.items():
            seed.orders[key] = o.id  # type: ignore[assignment]
        s.commit()
    return seed


@pytest.fixture
def seeded(engine: Engine) -> Seed:
    return seed_store(engine)


@pytest.fixture
def smtp_sink():
    from .servers import SmtpSink
    sink = SmtpSink()
    sink.controller.start()
    yield sink
    sink.controller.stop()


@pytest.fixture
def http_sink():
    from .servers import HttpSink
    sink = HttpSink()
    sink.start()
    yield sink
    sink.stop()
