"""Fixtures of the messaging tests: seeded orders, settings, a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from sqlalchemy import Engine
from sqlmodel import Session, select

from trackmon import settings as settings_mod
from trackmon.models import Alert, Message, Order, Shipment


def make_settings(smtp_port: int | None = None, **messaging: Any) -> settings_mod.Settings:
    overrides: dict[str, Any] = {"messaging": messaging}
    if smtp_port is not None:
        overrides["messaging"].setdefault("channel", "smtp")
        overrides["smtp"] = {"host": "127.0.0.1", "port": smtp_port, "security": "none",
                             "mail_from": "shop@seller.example", "timeout_seconds": 5}
    return settings_mod.load(env={}, overrides=overrides)


def seed_order(engine: Engine, *, created: datetime, shipped: datetime | None = None,
               numbers: tuple[str, ...] = ("LP00123456789CN",), tz: str | None = "Europe/Madrid",
               country: str = "ES", language: str = "es", name: str = "Lucía",
               email: str = "lucia@example.com", order_id: str = "A-1") -> int:
    with Session(engine) as s:
        order = Order(order_id=order_id, buyer_name=name, buyer_email=email, buyer_language=language,
                      buyer_country=country, buyer_timezone=tz, shipped_at=shipped or created,
                      created_at=created, updated_at=created)
        s.add(order)
        s.flush()
        for n in numbers:
            s.add(Shipment(order_pk=order.id, tracking_number=n, carrier="china-post",
                           destination_country=country, status="info_received", created_at=created))
        s.commit()
        return order.id


def update_shipment(engine: Engine, order_pk: int, number: str | None = None, **values: Any) -> int:
    with Session(engine) as s:
        q = select(Shipment).where(Shipment.order_pk == order_pk)
        if number:
            q = q.where(Shipment.tracking_number == number)
        sh = s.exec(q).first()
        assert sh is not None
        for k, v in values.items():
            setattr(sh, k, v)
        s.add(sh)
        s.commit()
        return sh.id


def open_alert(engine: Engine, order_pk: int, shipment_id: int | None, kind: str, cause: str,
               at: datetime, **details: Any) -> int:
    with Session(engine) as s:
        alert = Alert(dedupe_key=f"{order_pk}:{shipment_id or '-'}:{kind}:{cause}", order_pk=order_pk,
                      shipment_id=shipment_id, kind=kind, cause=cause, reason=f"test {kind}",
                      since=at - timedelta(days=1), details=details, opened_at=at, last_seen_at=at)
        s.add(alert)
        s.commit()
        return alert.id


def messages(engine: Engine, order_pk: int | None = None) -> list[Message]:
    with Session(engine) as s:
        q = select(Message).order_by(Message.id)
        if order_pk is not None:
            q = q.where(Message.order_pk == order_pk)
        return list(s.exec(q).all())


def plan(engine: Engine, order_pk: int, now: datetime, settings: settings_mod.Settings) -> int:
    from trackmon.messaging.planner import plan_for_order
    with Session(engine) as s:
        n = plan_for_order(s, order_pk, now, settings)
        s.commit()
        return n


class Inbox:
    def __init__(self) -> None:
        self.mails: list[EmailMessage] = []
        self.envelopes: list[Envelope] = []
        self.reject: dict[str, str] = {}  # recipient -> SMTP reply

    async def handle_RCPT(self, server: Any, session: Any, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.reject:
            return self.reject[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        self.mails.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return f"250 2.0.0 Ok: queued as TEST{len(self.mails)}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()
