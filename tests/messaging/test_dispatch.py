"""Dispatch against a real SMTP server on 127.0.0.1: order, once-only, crash recovery, quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from tests.messaging.conftest import Inbox, make_settings, messages, plan, seed_order, update_shipment
from trackmon import metrics
from trackmon.installation import installation_id, installation_secret
from trackmon.messaging.channels import message_id_for
from trackmon.messaging.dispatch import DispatchReport, claim, dispatch_due

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # 11:00 in Madrid


def expected_id(engine: Engine, key: str, domain: str) -> str:
    return message_id_for(key, install_id=installation_id(installation_secret(engine, T0)), domain=domain)


async def cycle(engine: Engine, settings, now: datetime, order: int, owner: str = "r1") -> DispatchReport:
    plan(engine, order, now, settings)
    return await dispatch_due(engine, settings, now, owner=owner)


async def test_three_steps_arrive_in_order_and_never_twice(engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = make_settings(smtp_port=port)
    order = seed_order(engine, created=T0, language="ru", name="Иван", email="ivan@example.com",
                       tz="Europe/Moscow", country="RU")
    report = await cycle(engine, settings, T0, order)
    assert report.sent == 1
    moved = T0 + timedelta(days=2)
    update_shipment(engine, order, status="in_transit", first_movement_at=moved - timedelta(hours=3),
                    last_event_description="Принято в сортировочном центре", last_event_at=moved)
    assert (await cycle(engine, settings, moved, order)).sent == 1
    for hours in (1, 5, 30):  # repeated runs: nothing new
        assert (await cycle(engine, settings, moved + timedelta(hours=hours), order)).sent == 0
    assert (await cycle(engine, settings, T0 + timedelta(days=7, hours=1), order)).sent == 1
    assert (await cycle(engine, settings, T0 + timedelta(days=7, hours=2), order)).sent == 0

    subjects = [str(m["Subject"]) for m in inbox.mails]
    assert subjects == ["Ваш заказ A-1 отправлен", "Ваш заказ A-1 в пути", "Еженедельные новости о заказе A-1"]
    ids = [str(m["Message-ID"]) for m in inbox.mails]
    assert len(set(ids)) == 3 and ids[0] == expected_id(engine, f"{order}:shipped:", "seller.example")
    # the carrier's own text is never copied into a buyer email (lines are written by trackmon)
    assert "Принято в сортировочном центре" not in inbox.mails[1].get_body(("plain",)).get_content()
    assert inbox.mails[0].get_body(("html",)) is not None
    rows = messages(engine, order)
    assert [r.state for r in rows] == ["sent"] * 3
    assert rows[0].provider_id.startswith("2.0.0 Ok") and rows[0].subject == subjects[0]
    assert metrics.outbox.labels(state="sent")._value.get() >= 3


async def test_killed_between_claim_and_send_resends_once(engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = make_settings(smtp_port=port)
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    claimed = claim(engine, settings, T0, "dead-replica", 10, DispatchReport())  # then the process dies
    assert len(claimed) == 1 and messages(engine, order)[0].state == "sending"
    assert (await dispatch_due(engine, settings, T0 + timedelta(minutes=1), owner="r2")).claimed == 0
    lease = timedelta(seconds=settings.polling.lease_seconds)
    report = await dispatch_due(engine, settings, T0 + lease + timedelta(seconds=1), owner="r2")
    assert report.sent == 1
    assert (await dispatch_due(engine, settings, T0 + 2 * lease, owner="r3")).claimed == 0
    assert len(inbox.mails) == 1
    [row] = messages(engine, order)
    assert row.state == "sent" and row.attempts == 2


async def test_quiet_hours_hold_until_morning_in_buyer_zone(engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = make_settings(smtp_port=port)
    night = datetime(2026, 11, 3, 4, 0, tzinfo=UTC)  # 23:00 in New York
    order = seed_order(engine, created=night, tz=None, country="US", language="en", email="joe@example.com")
    plan(engine, order, night, settings)
    assert messages(engine, order)[0].next_attempt_at == datetime(2026, 11, 3, 14, 0, tzinfo=UTC)  # 09:00 EST
    for hours in (1, 4, 9):
        assert (await dispatch_due(engine, settings, night + timedelta(hours=hours), owner="r")).sent == 0
    assert inbox.mails == []
    assert (await dispatch_due(engine, settings, night + timedelta(hours=10), owner="r")).sent == 1
    assert str(inbox.mails[0]["Subject"]) == "Your order A-1 has shipped"


async def test_permanent_smtp_rejection_marks_failed(engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    inbox.reject["nobody@example.com"] = "550 5.1.1 No such user"
    settings = make_settings(smtp_port=port)
    order = seed_order(engine, created=T0, email="nobody@example.com")
    report = await cycle(engine, settings, T0, order)
    assert (report.sent, report.failed) == (0, 1)
    [row] = messages(engine, order)
    assert row.state == "failed" and "550" in (row.last_error or "") and "No such user" in row.last_error


async def test_transient_failure_retries_with_backoff_then_gives_up(
        engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    inbox.reject["busy@example.com"] = "451 4.3.0 Try again later"
    settings = make_settings(smtp_port=port, max_attempts=3)
    order = seed_order(engine, created=T0, email="busy@example.com")
    now = T0
    report = await cycle(engine, settings, now, order)
    [row] = messages(engine, order)
    assert report.retried == 1 and row.state == "queued" and row.attempts == 1
    assert row.next_attempt_at == now + timedelta(minutes=5) and "451" in row.last_error
    now = row.next_attempt_at
    assert (await dispatch_due(engine, settings, now, owner="r")).retried == 1
    [row] = messages(engine, order)
    assert row.next_attempt_at == now + timedelta(minutes=10)
    del inbox.reject["busy@example.com"]
    inbox.reject["busy@example.com"] = "421 4.7.0 Closing"
    assert (await dispatch_due(engine, settings, row.next_attempt_at, owner="r")).failed == 1
    [row] = messages(engine, order)
    assert row.state == "failed" and "gave up after 3 attempts" in row.last_error


async def test_connection_refused_is_transient(engine: Engine) -> None:
    from tests.messaging.conftest import free_port
    settings = make_settings(smtp_port=free_port())
    order = seed_order(engine, created=T0)
    report = await cycle(engine, settings, T0, order)
    assert report.retried == 1
    assert messages(engine, order)[0].state == "queued"


async def test_header_injection_through_buyer_name_is_impossible(
        engine: Engine, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = make_settings(smtp_port=port)
    order = seed_order(engine, created=T0, language="en",
                       name="Eve\r\nBcc: victim@evil.example\r\nSubject: pwned", email="eve@example.com")
    assert (await cycle(engine, settings, T0, order)).sent == 1
    [mail] = inbox.mails
    assert inbox.envelopes[0].rcpt_tos == ["eve@example.com"]
    assert mail.get_all("Bcc") is None and len(mail.get_all("Subject")) == 1
    assert str(mail["Subject"]) == "Your order A-1 has shipped"
    assert mail["To"].addresses[0].addr_spec == "eve@example.com"
    headers = inbox.envelopes[0].content.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in headers and headers.count(b"\nSubject:") == 1
    assert "Hello Eve Bcc: victim@evil.example Subject: pwned," in mail.get_body(("plain",)).get_content()


async def test_bad_recipient_address_fails_without_sending(engine: Engine, tmp_path: Path) -> None:
    settings = make_settings(file_dir=str(tmp_path / "out"))
    order = seed_order(engine, created=T0, email="x@example.com\r\nBcc: y@evil.example")
    report = await cycle(engine, settings, T0, order)
    assert report.failed == 1 and not (tmp_path / "out").exists()
    assert "is not an email address" in messages(engine, order)[0].last_error


async def test_file_channel_writes_eml_once(engine: Engine, tmp_path: Path) -> None:
    settings = make_settings(file_dir=str(tmp_path / "out"))
    order = seed_order(engine, created=T0, language="es")
    assert (await cycle(engine, settings, T0, order)).sent == 1
    assert (await cycle(engine, settings, T0 + timedelta(hours=1), order)).sent == 0
    [eml] = list((tmp_path / "out").iterdir())
    expected = expected_id(engine, f"{order}:shipped:", "localhost.localdomain")
    assert eml.suffix == ".eml" and b"Message-ID: " + expected.encode() in eml.read_bytes()


async def test_resolved_alert_and_disabled_kind_are_not_sent(engine: Engine, tmp_path: Path) -> None:
    from sqlmodel import Session

    from tests.messaging.conftest import open_alert
    from trackmon.models import Alert
    settings = make_settings(file_dir=str(tmp_path / "out"))
    order = seed_order(engine, created=T0)
    sid = update_shipment(engine, order, status="available_for_pickup")
    alert = open_alert(engine, order, sid, "pickup_waiting", "fp", T0, days_left=10)
    plan(engine, order, T0, settings)
    with Session(engine) as s:
        row = s.get(Alert, alert)
        row.resolved_at = T0 + timedelta(minutes=1)
        s.add(row)
        s.commit()
    narrowed = make_settings(file_dir=str(tmp_path / "out"), enabled_kinds=["pickup_waiting"])
    report = await dispatch_due(engine, narrowed, T0 + timedelta(hours=2), owner="r")  # after shipped + 1 h
    assert (report.sent, report.skipped) == (0, 2)
    states = {m.kind: m.state for m in messages(engine, order)}
    assert states == {"shipped": "disabled", "pickup_waiting": "superseded"}


async def test_stopping_dispatch_gives_back_unsent_claims(engine: Engine, tmp_path: Path) -> None:
    """SIGTERM mid-dispatch: the message in flight is finished, the rest go back to the queue."""
    settings = make_settings(file_dir=str(tmp_path / "out"))
    orders = [seed_order(engine, created=T0, order_id=f"S-{i}", numbers=(f"LP0012345678{i}CN",),
                         email=f"buyer{i}@example.com")
                for i in range(3)]
    for order in orders:
        plan(engine, order, T0, settings)
    asked: list[bool] = []

    def should_stop() -> bool:
        asked.append(True)
        return len(asked) > 1  # the signal arrives while the first message is being sent

    report = await dispatch_due(engine, settings, T0, owner="r1", should_stop=should_stop)
    assert (report.claimed, report.sent, report.released) == (3, 1, 2)
    rows = [m for order in orders for m in messages(engine, order)]
    assert sorted(m.state for m in rows) == ["queued", "queued", "sent"]
    assert all(m.lease_owner is None and m.lease_expires_at is None for m in rows)
    assert all(m.attempts == 0 for m in rows if m.state == "queued")
    again = await dispatch_due(engine, settings, T0, owner="r2")
    assert again.sent == 2
    assert len(list((tmp_path / "out").iterdir())) == 3


async def test_a_claim_taken_over_meanwhile_is_not_sent_twice(engine: Engine) -> None:
    """Each row's claim is re-checked just before its send: if another dispatcher took it over
    (this one was too slow and its lease expired), this one leaves it alone."""
    from sqlalchemy import update as sa_update
    from sqlmodel import Session

    from trackmon.models import Message

    settings = make_settings()
    orders = [seed_order(engine, created=T0, order_id=f"C-{i}", numbers=(f"LP0099999999{i}CN",),
                         email=f"c{i}@example.com") for i in range(2)]
    for order in orders:
        plan(engine, order, T0, settings)
    sent: list[str] = []

    class StealingChannel:
        name = "test"

        async def send(self, msg) -> str:
            sent.append(msg.idempotency_key)
            with Session(engine) as s:  # meanwhile another replica reclaims the other row
                s.execute(sa_update(Message).where(Message.state == "sending", Message.idempotency_key
                                                   != msg.idempotency_key).values(lease_owner="r2"))
                s.commit()
            return "ok"

        async def aclose(self) -> None:
            return None

    report = await dispatch_due(engine, settings, T0, owner="r1", channel=StealingChannel())
    assert (report.claimed, report.sent, report.lost_claims) == (2, 1, 1)
    assert len(sent) == 1
    states = {m.idempotency_key: (m.state, m.lease_owner) for order in orders for m in messages(engine, order)}
    assert sorted(states.values()) == [("sending", "r2"), ("sent", None)]
