"""The console over HTTP (no browser): sign-in, session cookie, CSRF, the manual channel walk,
the buyer page token, and the docs served without a CDN. Both database backends."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from tests.console.helpers import NO_EMAIL_NUMBER, NO_EMAIL_ORDER, add_order_without_email, form_token
from trackmon.api import create_app
from trackmon.installation import installation_secret, sign
from trackmon.messaging.buyer_page import PURPOSE, page_path
from trackmon.messaging.channels.manual import MANUAL, mark_manual
from trackmon.messaging.dispatch import dispatch_due
from trackmon.models import Alert, Message, Order
from trackmon.settings import Settings, load

PASSWORD = "correct horse battery staple"


def _settings(**overrides: object) -> Settings:
    base: dict[str, object] = {"api": {"console_password": PASSWORD}, "messaging": {"channel": "file"}}
    return load(None, env={}, overrides={**base, **overrides})


def _client(engine: Engine, settings: Settings, now: datetime) -> TestClient:
    return TestClient(create_app(engine, settings, clock=lambda: now), base_url="http://127.0.0.1")


def _sign_in(client: TestClient, password: str = PASSWORD) -> object:
    page = client.get("/signin")
    return client.post("/signin", data={"form_token": form_token(page.text), "password": password, "next": "/"},
                       follow_redirects=False)


def _csrf(client: TestClient, path: str = "/") -> str:
    return form_token(client.get(path).text, "csrf")


def test_console_needs_sign_in_and_sets_a_strict_httponly_cookie(engine: Engine, now: datetime) -> None:
    client = _client(engine, _settings(), now)
    first = client.get("/console/system", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/signin?next=/console/system"
    wrong = _sign_in(client, "guess")
    assert wrong.headers["location"].endswith("error=wrong")
    assert "trackmon_session" not in client.cookies
    ok = _sign_in(client)
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"].lower()
    assert "trackmon_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/console/system").status_code == 200


def test_the_api_token_signs_in_too_and_nothing_configured_says_what_to_set(engine: Engine, now: datetime) -> None:
    client = _client(engine, load(None, env={}, overrides={"api": {"token": "tok-123"}}), now)
    assert _sign_in(client, "tok-123").headers["location"] == "/"
    bare = _client(engine, load(None, env={}), now)
    page = bare.get("/signin")
    assert page.status_code == 503 and "TRACKMON_API_CONSOLE_PASSWORD" in page.text


def test_a_forged_or_expired_session_is_refused(engine: Engine, now: datetime) -> None:
    client = _client(engine, _settings(), now)
    secret = installation_secret(engine, now)
    old = f"{int((now - timedelta(hours=13)).timestamp())}:nonce"
    client.cookies.set("trackmon_session", sign(secret, "console-session", old))
    assert client.get("/", follow_redirects=False).status_code == 303
    client.cookies.set("trackmon_session", sign(b"another installation" * 2, "console-session",
                                                f"{int(now.timestamp())}:nonce"))
    assert client.get("/", follow_redirects=False).status_code == 303


def _late_order_alert(engine: Engine, now: datetime, settings) -> int:
    """An order without email whose promised date passed 3 days ago: its open `late` alert's id."""
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        alert = Alert(dedupe_key=f"{pk}:-:late:", order_pk=pk, kind="late", reason="Promised date passed",
                      opened_at=now - timedelta(days=3), last_seen_at=now)
        session.add(alert)
        session.commit()
        return alert.id or 0


def test_every_form_needs_the_csrf_token(engine: Engine, now: datetime) -> None:
    settings = _settings()
    alert_id = _late_order_alert(engine, now, settings)
    client = _client(engine, settings, now)
    _sign_in(client)
    assert client.post(f"/console/alerts/{alert_id}/resolve", data={}).status_code == 403
    assert client.post(f"/console/alerts/{alert_id}/resolve", data={"csrf": "x.y"}).status_code == 403
    # the sign-in form itself: without its token the password is not even looked at
    fresh = _client(engine, settings, now)
    refused = fresh.post("/signin", data={"password": PASSWORD}, follow_redirects=False)
    assert refused.headers["location"].endswith("error=expired") and "trackmon_session" not in fresh.cookies
    done = client.post(f"/console/alerts/{alert_id}/resolve", data={"csrf": _csrf(client)}, follow_redirects=False)
    assert done.status_code == 303
    with Session(engine) as session:
        stored = session.get(Alert, alert_id)
        assert stored is not None and stored.resolved_by == "manual"


def test_snooze_hides_an_alert_until_the_date_and_actions_are_recorded(engine: Engine, now: datetime) -> None:
    settings = _settings()
    alert_id = _late_order_alert(engine, now, settings)
    client = _client(engine, settings, now)
    _sign_in(client)
    assert f'id="alert-{alert_id}"' in client.get("/").text
    csrf = _csrf(client)
    past = client.post(f"/console/alerts/{alert_id}/snooze", data={"csrf": csrf, "until": now.date().isoformat()})
    assert past.status_code == 422
    until = (now + timedelta(days=3)).date().isoformat()
    client.post(f"/console/alerts/{alert_id}/snooze", data={"csrf": csrf, "until": until})
    client.post(f"/console/alerts/{alert_id}/action", data={"csrf": csrf, "action": "reshipped"})
    assert f'id="alert-{alert_id}"' not in client.get("/").text
    later = _client(engine, settings, now + timedelta(days=3, hours=1))
    _sign_in(later)
    assert f'id="alert-{alert_id}"' in later.get("/").text and "reshipped" in later.get("/").text


def test_an_order_without_email_goes_through_the_manual_channel_once(engine: Engine, now: datetime,
                                                                        tmp_path: object) -> None:
    settings = _settings(messaging={"channel": "file", "file_dir": str(tmp_path)})
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        planned = session.exec(select(Message).where(Message.order_pk == pk)).all()
    assert planned and {m.channel for m in planned} == {MANUAL}
    assert all(m.recipient == f"manual:order:{pk}" for m in planned)
    # the dispatcher never sends them, even when due
    report = asyncio.run(dispatch_due(engine, settings, now + timedelta(days=1), owner="t"))
    assert report.claimed == 0
    client = _client(engine, settings, now + timedelta(days=1))
    _sign_in(client)
    listed = client.get("/console/manual").text
    assert NO_EMAIL_ORDER in listed and "Здравствуйте" in listed  # in the buyer's language
    ids = [int(i) for i in re.findall(r'name="id" value="(\d+)"', listed)]
    assert sorted(ids) == sorted(m.id for m in planned if m.state == "queued")
    csrf = _csrf(client, "/console/manual")
    for message_id in ids:
        client.post("/console/manual/mark", data={"csrf": csrf, "id": str(message_id), "mark": "sent"})
    after = client.get("/console/manual").text
    assert NO_EMAIL_ORDER not in after
    # marking again (another tab, a replayed form) changes nothing: effectively once
    assert mark_manual(engine, ids, "sent", now + timedelta(days=2)) == []
    assert mark_manual(engine, ids, "skipped", now + timedelta(days=2)) == []
    with Session(engine) as session:
        rows = session.exec(select(Message).where(Message.order_pk == pk, Message.state == "sent")).all()
        assert sorted(m.id for m in rows) == sorted(ids)
        assert all(m.sent_at == now + timedelta(days=1) for m in rows)
    assert NO_EMAIL_ORDER not in client.get("/console/manual").text


def test_a_manual_message_about_a_resolved_alert_is_never_offered(engine: Engine, now: datetime) -> None:
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        alert = Alert(dedupe_key=f"{pk}:-:stalled:", order_pk=pk, kind="stalled", reason="No news",
                      opened_at=now, last_seen_at=now, resolved_at=now, resolved_by="auto")
        session.add(alert)
        session.flush()
        session.add(Message(idempotency_key=f"{pk}:stalled:", order_pk=pk, alert_id=alert.id, kind="stalled",
                            channel=MANUAL, recipient=f"manual:order:{pk}", language="ru", state="queued",
                            next_attempt_at=now, created_at=now, context={}))
        session.commit()
    client = _client(engine, settings, now)
    _sign_in(client)
    client.get("/console/manual")
    with Session(engine) as session:
        msg = session.exec(select(Message).where(Message.kind == "stalled")).one()
        assert msg.state == "superseded"


def test_buyer_page_token_is_per_order_and_unforgeable(engine: Engine, now: datetime) -> None:
    settings = _settings(stores={"default": {"display_name": "Lotus Gadgets",
                                             "support_email": "help@lotus.example"}})
    pk = add_order_without_email(engine, now, settings)
    client = _client(engine, settings, now)
    secret = installation_secret(engine, now)
    page = client.get(page_path(secret, pk))  # no sign-in
    assert page.status_code == 200
    assert '<html lang="ru">' in page.text and "Ваш заказ " + NO_EMAIL_ORDER in page.text
    assert "Покинуло страну отправления" in page.text and "help@lotus.example" in page.text
    assert NO_EMAIL_NUMBER in page.text and "Lotus Gadgets" in page.text
    for bad in (page_path(secret, pk)[:-2] + "AA", f"/t/{sign(secret, 'unsubscribe', str(pk))}",
                f"/t/{sign(secret, PURPOSE, str(pk + 1))}", "/t/x"):
        assert client.get(bad).status_code == 404


def test_with_public_base_url_emails_link_to_the_tracking_page(engine: Engine, now: datetime) -> None:
    settings = _settings(public_base_url="https://track.lotus.example/")
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        msg = session.exec(select(Message).where(Message.order_pk == pk)).first()
    assert msg is not None
    path = page_path(installation_secret(engine, now), pk)
    assert msg.context["tracking_url"] == "https://track.lotus.example" + path
    assert all(t["url"] == msg.context["tracking_url"] for t in msg.context["tracking_numbers"])
    plain = _settings()
    with Session(engine) as session:
        order = session.get(Order, pk)
        assert order is not None
        from trackmon.messaging.context import build_context
        from trackmon.models import Shipment
        ships = list(session.exec(select(Shipment).where(Shipment.order_pk == pk)).all())
        ctx = build_context(session, order, ships, kind="shipped", cause="", settings=plain, now=now)
    assert ctx["tracking_url"].startswith("https://t.17track.net/")


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_load_only_packaged_assets(engine: Engine, now: datetime, path: str) -> None:
    # the docs describe the token-protected API: served once a token is configured
    client = _client(engine, _settings(api={"console_password": PASSWORD, "token": "api-token-1"}), now)
    page = client.get(path)
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/static/") or s.startswith("data:") for s in sources)
    for src in sources:
        if src.startswith("/static/"):
            assert client.get(src).status_code == 200, src


def test_lanes_export_csv_and_listing_tables(engine: Engine, now: datetime) -> None:
    from trackmon.models import LaneStat
    with Session(engine) as session:
        session.add(LaneStat(carrier="china-post", destination_country="RU", stage="total", samples=40,
                             median_days=14.0, p90_days=21.0, p95_days=25.0, updated_at=now))
        session.commit()
    client = _client(engine, _settings(), now)
    _sign_in(client)
    csv_text = client.get("/console/lanes.csv").text.splitlines()
    assert csv_text[0].startswith("country,carrier,samples") and csv_text[1].startswith("RU,china-post,40,14.0,21.0")
    ru = client.get("/console/lanes/listing/ru.txt").text
    assert "Россия" in ru and "14–21 дней" in ru
    de = client.get("/console/lanes/listing/de.txt").text
    assert "Russland" in de and "14–21 Tage" in de


def test_buyer_page_never_shows_a_past_estimate_or_chinese_place_names(engine: Engine, now: datetime) -> None:
    from trackmon.models import Shipment, ShipmentEvent
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        shipment = session.exec(select(Shipment).where(Shipment.order_pk == pk)).one()
        for i, (where, country) in enumerate((("广州国际", "CN"), ("广州国际", "CN"), ("MOSCOW", "RU"))):
            session.add(ShipmentEvent(shipment_id=shipment.id or 0, fingerprint=f"f{i}", country=country,
                                      time=now - timedelta(days=5 - i // 2), location=where, status="in_transit",
                                      sub_status="departed_origin" if i < 2 else "arrived_destination",
                                      first_seen_at=now))
        session.commit()
    path = page_path(installation_secret(engine, now), pk)
    soon = _client(engine, settings, now).get(path).text
    assert "Ожидается с " in soon and "广州" not in soon and "Китай" in soon and "MOSCOW" in soon
    assert soon.count("Покинуло страну отправления") == 2  # the status line and ONE timeline line
    months_later = _client(engine, settings, now + timedelta(days=90)).get(path).text
    assert "дольше обычного" in months_later  # overdue: said plainly, then only a window still ahead
    for start, end in re.findall(r"Ожидается с (.+?) по (.+?)<", months_later):
        assert "2027" in end, (start, end)  # 90 days on is 18 Feb 2026 + …: no past date is promised


def test_changing_the_password_ends_sessions_and_guessing_is_throttled(engine: Engine, now: datetime) -> None:
    from trackmon.console.auth import THROTTLE
    client = _client(engine, _settings(), now)
    _sign_in(client)
    assert client.get("/console/system", follow_redirects=False).status_code == 200
    moved = _client(engine, _settings(api={"console_password": "a new password"}), now)
    moved.cookies.update(client.cookies)
    assert moved.get("/console/system", follow_redirects=False).status_code == 303
    THROTTLE.failures.clear()
    try:
        guesser = _client(engine, _settings(), now)
        for _ in range(THROTTLE.limit):
            assert _sign_in(guesser, "guess").headers["location"].endswith("error=wrong")
        assert _sign_in(guesser).headers["location"].endswith("error=throttled")  # even the right one, for now
        later = _client(engine, _settings(), now + timedelta(minutes=16))
        assert _sign_in(later).headers["location"] == "/"
    finally:
        THROTTLE.failures.clear()


def test_write_to_the_buyer_now_with_a_preview_and_retry_a_failed_message(engine: Engine, now: datetime) -> None:
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    client = _client(engine, settings, now)
    _sign_in(client)
    preview = client.get(f"/console/orders/{pk}/preview", params={"kind": "stalled"})
    assert preview.status_code == 200 and "Subject:" in preview.text and NO_EMAIL_ORDER in preview.text
    assert client.get(f"/console/orders/{pk}/preview", params={"kind": "nonsense"}).status_code == 422
    csrf = _csrf(client, f"/console/orders/{pk}")
    done = client.post(f"/console/orders/{pk}/write", data={"csrf": csrf, "kind": "stalled"}, follow_redirects=False)
    assert done.status_code == 303
    with Session(engine) as session:
        written = session.exec(select(Message).where(Message.order_pk == pk, Message.kind == "stalled")).one()
        assert written.state == "queued" and written.channel == MANUAL and written.next_attempt_at == now
        written.state, written.last_error = "failed", "550 mailbox unavailable"
        session.add(written)
        session.commit()
        message_id = written.id
    failed = client.get("/console/outbox", params={"view": "failed"}).text
    assert "550 mailbox unavailable" in failed
    client.post(f"/console/outbox/{message_id}/retry", data={"csrf": csrf})
    with Session(engine) as session:
        again = session.get(Message, message_id)
        assert again is not None and again.state == "queued" and again.attempts == 0


def test_buyer_page_gives_pickup_instructions_while_a_parcel_waits(engine: Engine, now: datetime) -> None:
    from trackmon.models import Shipment
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        shipment = session.exec(select(Shipment).where(Shipment.order_pk == pk)).one()
        shipment.status, shipment.sub_status = "available_for_pickup", "pickup_post_office"
        shipment.status_changed_at = now - timedelta(days=4)
        shipment.last_event_location = "Почтовое отделение 101000, Москва"
        session.add(shipment)
        session.add(Alert(dedupe_key=f"{pk}:{shipment.id}:pickup_waiting:", order_pk=pk, shipment_id=shipment.id,
                          kind="pickup_waiting", since=now - timedelta(days=4), opened_at=now - timedelta(days=4),
                          last_seen_at=now, details={"location": "Почтовое отделение 101000, Москва"}))
        session.commit()
    text = _client(engine, settings, now).get(page_path(installation_secret(engine, now), pk)).text
    assert "Посылка ждёт вас: Почтовое отделение 101000, Москва." in text
    assert NO_EMAIL_NUMBER in text and "Её хранят до 1 декабря 2026" in text  # 15 days after Nov 16


def test_search_finds_orders_by_id_number_or_email(engine: Engine, now: datetime) -> None:
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        session.add(Order(order_id="LG-77", buyer_email="Anna@Example.com", created_at=now, updated_at=now))
        session.commit()
    client = _client(engine, settings, now)
    _sign_in(client)
    for query in (NO_EMAIL_ORDER, NO_EMAIL_NUMBER.lower(), f" {NO_EMAIL_NUMBER} "):
        found = client.get("/console/search", params={"q": query}, follow_redirects=False)
        assert found.headers["location"] == f"/console/orders/{pk}", query
    by_email = client.get("/console/search", params={"q": "anna@example.com"}, follow_redirects=False)
    assert by_email.status_code == 303
    assert "Nothing matches" in client.get("/console/search", params={"q": "zzz-none"}).text


@pytest.mark.parametrize(("lang", "said"), [
    ("it", ("Il tuo ordine", "Cronologia del tracciamento", "Ha lasciato il paese di origine",
            "Annulla l&#x27;iscrizione")),  # the page escapes the apostrophe
    ("pl", ("Twoje zamówienie", "Historia przesyłki", "Przesyłka opuściła kraj nadania", "Wypisz mnie")),
])
def test_buyer_page_and_unsubscribe_page_speak_every_language_folder(engine: Engine, now: datetime, lang: str,
                                                                     said: tuple[str, ...]) -> None:
    from trackmon.locales import format_date
    from trackmon.optout import unsubscribe_token
    settings = _settings()
    pk = add_order_without_email(engine, now, settings)
    with Session(engine) as session:
        order = session.get(Order, pk)
        assert order is not None
        order.buyer_language = lang
        session.add(order)
        session.commit()
    secret = installation_secret(engine, now)
    client = _client(engine, settings, now)
    page = client.get(page_path(secret, pk)).text
    unsubscribe = client.get(f"/unsubscribe/{unsubscribe_token(secret, pk)}").text
    title, timeline, line, button = said
    assert f'lang="{lang}"' in page and title in page and timeline in page and line in page
    assert format_date(now, lang) in page  # "Pagina aggiornata il giorno 18 novembre 2026", by CLDR
    assert f'lang="{lang}"' in unsubscribe and button in unsubscribe
