"""Buyer emails that mail providers accept: Date, a per-installation Message-ID, Reply-To,
List-Unsubscribe (RFC 8058 one-click), opt-out honoured, one address check at import and send,
SMTPUTF8 for internationalized addresses, and no address can stop the outbox for others."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_string, policy
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, select

from tests.messaging.conftest import Inbox, free_port, make_settings, messages, plan, seed_order
from trackmon import settings as settings_mod
from trackmon.addresses import address_problem
from trackmon.api import SchedulerState, create_app
from trackmon.db import make_engine
from trackmon.errors import DeliveryError, InputError
from trackmon.installation import installation_secret
from trackmon.intake import validate_row
from trackmon.messaging.channels.base import checked_address
from trackmon.messaging.dispatch import dispatch_due
from trackmon.models import BuyerOptOut, Order
from trackmon.optout import order_of_token

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # 11:00 in Madrid
BASE = "https://track.lotus.example"


def settings_for(tmp_path: Path, *, base: str | None = BASE, support: str | None = "help@lotus.example",
                 **messaging: Any) -> settings_mod.Settings:
    overrides: dict[str, Any] = {
        "messaging": {"channel": "file", "file_dir": str(tmp_path / "out"), **messaging},
        "smtp": {"mail_from": "orders@lotus.example"},
        "stores": {"default": {"display_name": "Lotus", **({"support_email": support} if support else {})}},
    }
    if base:
        overrides["public_base_url"] = base
    return settings_mod.load(env={}, overrides=overrides)


def parse(raw: bytes) -> Any:
    """An email as a reader with SMTPUTF8 sees it (UTF-8 headers decoded)."""
    return message_from_string(raw.decode("utf-8"), policy=policy.default)


def sent_files(tmp_path: Path) -> list[Any]:
    return [parse(p.read_bytes()) for p in sorted((tmp_path / "out").glob("*.eml"))]


async def send_first(engine: Engine, settings: settings_mod.Settings, **order: Any) -> int:
    pk = seed_order(engine, created=T0, **order)
    plan(engine, pk, T0, settings)
    await dispatch_due(engine, settings, T0, owner="r1")
    return pk


async def test_date_message_id_reply_to_and_one_click_unsubscribe(engine: Engine, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    pk = await send_first(engine, settings)
    [mail] = sent_files(tmp_path)
    assert parsedate_to_datetime(str(mail["Date"])) == T0
    message_id = str(mail["Message-ID"])
    assert message_id.startswith("<") and message_id.endswith("@lotus.example>")
    assert str(mail["Reply-To"]) == "help@lotus.example"
    unsubscribe = str(mail["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith(f"<{BASE}/unsubscribe/") and unsubscribe.endswith(">")
    assert str(mail["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    token = unsubscribe[len(f"<{BASE}/unsubscribe/"):-1]
    assert order_of_token(installation_secret(engine, T0), token) == pk
    assert messages(engine, pk)[0].message_id == message_id


async def test_without_public_base_url_the_header_is_a_mailto_or_absent(engine: Engine, tmp_path: Path) -> None:
    await send_first(engine, settings_for(tmp_path, base=None))
    [mail] = sent_files(tmp_path)
    assert str(mail["List-Unsubscribe"]) == "<mailto:help@lotus.example?subject=unsubscribe>"
    assert mail["List-Unsubscribe-Post"] is None  # one-click needs an https URI (RFC 8058)
    for path in (tmp_path / "out").iterdir():
        path.unlink()
    await send_first(engine, settings_for(tmp_path, base=None, support=None), order_id="A-2",
                     email="otro@example.com")
    [mail] = sent_files(tmp_path)
    assert mail["List-Unsubscribe"] is None and mail["Reply-To"] is None and mail["Date"] is not None


async def test_two_installations_never_share_a_message_id(tmp_path: Path) -> None:
    ids = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        engine = make_engine(f"sqlite:///{folder / 'trackmon.db'}")
        SQLModel.metadata.create_all(engine)
        try:
            await send_first(engine, settings_for(folder))  # the same order key "1:shipped:"
            ids.append(str(sent_files(folder)[0]["Message-ID"]))
        finally:
            engine.dispose()
    assert ids[0] != ids[1]


def api(engine: Engine, settings: settings_mod.Settings) -> TestClient:
    return TestClient(create_app(engine, settings, scheduler_state=SchedulerState(running=True),
                                 carrier_set=None, clock=lambda: T0 + timedelta(hours=1)))


async def test_one_click_post_opts_out_and_no_more_messages_are_sent(engine: Engine, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    pk = await send_first(engine, settings)
    url = str(sent_files(tmp_path)[0]["List-Unsubscribe"]).strip()[1:-1]
    path = url[len(BASE):]
    client = api(engine, settings)

    page = client.get(path)  # a link scanner's GET changes nothing
    assert page.status_code == 200 and 'method="post"' in page.text and "Darme de baja" in page.text
    with Session(engine) as s:
        assert s.exec(select(BuyerOptOut)).all() == []

    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    assert client.post(forged, content="List-Unsubscribe=One-Click").status_code == 404
    assert client.post("/unsubscribe/not-a-token", content="List-Unsubscribe=One-Click").status_code == 404

    done = client.post(path, content="List-Unsubscribe=One-Click",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200 and "Lotus" in done.text
    assert client.post(path, content="List-Unsubscribe=One-Click").status_code == 200  # twice: harmless
    with Session(engine) as s:
        [row] = s.exec(select(BuyerOptOut)).all()
        assert (row.store, row.email, row.order_pk, row.via) == ("default", "lucia@example.com", pk, "one-click")

    # a week later the weekly check-in is due: it is not sent, and says why
    later = T0 + timedelta(days=7, hours=1)
    plan(engine, pk, later, settings)
    report = await dispatch_due(engine, settings, later, owner="r1")
    assert report.sent == 0 and report.opted_out >= 1
    assert len(sent_files(tmp_path)) == 1
    rows = messages(engine, pk)
    assert [r.state for r in rows[1:]] == ["opted_out"] * (len(rows) - 1)
    assert "unsubscribed" in (rows[-1].last_error or "")

    # the seller sees it in the API's order data (served with the API token)
    from pydantic import SecretStr
    seller = api(engine, settings.model_copy(update={"api": settings.api.model_copy(
        update={"token": SecretStr("seller-token")})}))
    body = seller.get("/orders/default/A-1", headers={"Authorization": "Bearer seller-token"}).json()
    assert body["buyer_opted_out_at"] is not None


# ------------------------------------------------------------------ one address check

VERDICTS = {
    "jöhn@example.com": True,
    "名前@example.jp": True,
    "a@b.c": False,
    "ivy(comment)@example.com": False,
}


@pytest.mark.parametrize(("address", "good"), VERDICTS.items())
def test_import_and_send_give_the_same_verdict(address: str, good: bool) -> None:
    row = {"order_id": "A-1", "tracking_number": "RR123456785CN", "buyer_email": address}
    try:
        validate_row(row)
        at_import = True
    except InputError:
        at_import = False
    try:
        checked_address(address)
        at_send = True
    except DeliveryError:
        at_send = False
    assert at_import == at_send == good == (address_problem(address) is None)


async def test_file_channel_writes_internationalized_addresses(engine: Engine, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    pk = await send_first(engine, settings, email="jöhn@example.com", name="Jöhn")
    [mail] = sent_files(tmp_path)
    assert mail["To"].addresses[0].addr_spec == "jöhn@example.com"
    assert messages(engine, pk)[0].state == "sent"


async def test_a_bad_address_in_the_middle_does_not_stop_the_others(engine: Engine, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    pks = [seed_order(engine, created=T0, order_id=f"A-{i}", email=email)
           for i, email in enumerate(["ana@example.com", "ivy(comment)@example.com", "bo@example.com"])]
    for pk in pks:
        plan(engine, pk, T0, settings)
    report = await dispatch_due(engine, settings, T0, owner="r1")
    assert (report.sent, report.failed) == (2, 1)
    states = [messages(engine, pk)[0] for pk in pks]
    assert [m.state for m in states] == ["sent", "failed", "sent"]
    assert "ivy(comment)@example.com" in (states[1].last_error or "")
    with Session(engine) as s:
        assert s.exec(select(Order).where(Order.order_id == "A-1")).one()


# ------------------------------------------------------------------ SMTPUTF8

def _server(utf8: bool) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, enable_SMTPUTF8=utf8)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def utf8_smtp() -> Iterator[tuple[Inbox, int]]:
    yield from _server(True)


@pytest.fixture
def ascii_smtp() -> Iterator[tuple[Inbox, int]]:
    yield from _server(False)


async def test_smtputf8_when_the_server_offers_it(engine: Engine, utf8_smtp: tuple[Inbox, int]) -> None:
    inbox, port = utf8_smtp
    settings = make_settings(smtp_port=port)
    tokyo_morning = T0 - timedelta(hours=9)  # 10:00 in Tokyo
    pk = seed_order(engine, created=tokyo_morning, email="名前@example.jp", language="en", tz="Asia/Tokyo",
                    country="JP")
    plan(engine, pk, tokyo_morning, settings)
    report = await dispatch_due(engine, settings, tokyo_morning, owner="r1")
    assert report.sent == 1, messages(engine, pk)[0].last_error
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == ["名前@example.jp"]
    assert "SMTPUTF8" in [o.upper() for o in envelope.mail_options]
    assert parse(envelope.content)["To"].addresses[0].addr_spec == "名前@example.jp"


async def test_without_smtputf8_that_message_fails_and_the_others_go(
        engine: Engine, ascii_smtp: tuple[Inbox, int]) -> None:
    inbox, port = ascii_smtp  # a server without SMTPUTF8
    settings = make_settings(smtp_port=port)
    first = seed_order(engine, created=T0, email="jöhn@example.com", order_id="A-1")
    second = seed_order(engine, created=T0, email="ana@example.com", order_id="A-2")
    for pk in (first, second):
        plan(engine, pk, T0, settings)
    report = await dispatch_due(engine, settings, T0, owner="r1")
    assert (report.sent, report.failed) == (1, 1)
    [failed] = messages(engine, first)
    assert failed.state == "failed" and "SMTPUTF8" in (failed.last_error or "")
    assert [e.rcpt_tos for e in inbox.envelopes] == [["ana@example.com"]]
