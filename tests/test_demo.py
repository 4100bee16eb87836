"""`trackmon demo`: a short run in-process, then the captured emails and digests are read back."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from babel import Locale
from sqlmodel import Session, select
from typer.testing import CliRunner

from trackmon import demo_data, locales
from trackmon.cli import app
from trackmon.db import make_engine
from trackmon.demo import MARKER, DemoEvent, DemoOptions, DemoPaths, DemoSummary, demo_settings, run_demo
from trackmon.errors import ConfigError
from trackmon.messaging.render import load_renderer
from trackmon.models import Message, Order, Shipment

START = datetime(2026, 3, 2, tzinfo=UTC)
ORDERS = 4          # ru, en, es and the German split order
DAYS = 10
TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\{tracking_number\}|\bUndefined\b")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


class Recorder:
    def __init__(self) -> None:
        self.events: list[DemoEvent] = []
        self.progress_calls: list[float] = []
        self.started_with: tuple[int, int] | None = None

    def started(self, paths: DemoPaths, start: datetime, end: datetime, orders: int, parcels: int) -> None:
        self.started_with = (orders, parcels)

    def event(self, event: DemoEvent) -> None:
        self.events.append(event)

    def progress(self, now: datetime, done: float) -> None:
        self.progress_calls.append(done)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoSummary, Recorder]:
    recorder = Recorder()
    options = DemoOptions(directory=tmp_path_factory.mktemp("demo"), days=DAYS, orders=ORDERS, start=START)
    summary = asyncio.run(run_demo(options, recorder))
    return summary, recorder


def _emails(summary: DemoSummary) -> list[tuple[Path, EmailMessage]]:
    files = sorted(summary.paths.messages.glob("*.eml"))
    return [(f, message_from_bytes(f.read_bytes(), policy=policy.default)) for f in files]  # type: ignore[misc]


def _parts(mail: EmailMessage) -> tuple[str, str]:
    text = mail.get_body(("plain",))
    html = mail.get_body(("html",))
    assert text is not None and html is not None, f"{mail['Subject']}: needs a text and an HTML part"
    return text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n")


def test_demo_runs_to_the_end_without_failed_steps(demo_run):
    summary, recorder = demo_run
    assert summary.errors == []
    assert summary.cycles == DAYS * 3 + 1             # one cycle every 8 simulated hours, both ends
    assert recorder.started_with == (ORDERS, ORDERS + 1)   # the split order ships two parcels
    assert recorder.progress_calls[-1] == 1.0
    assert summary.orders == ORDERS
    assert sum(summary.parcels_by_status.values()) == ORDERS + 1
    assert summary.parcels_by_status["not_found"] == 0    # every parcel was polled through the adapter
    kinds = {e.kind for e in recorder.events}
    assert {"imported", "status", "alert", "message", "digest"} <= kinds
    assert summary.alerts_by_kind["split_package"] == 1
    assert {"shipped", "on_its_way", "split_package"} <= set(summary.messages_by_kind)


def test_every_captured_email_reads_correctly(demo_run):
    summary, _ = demo_run
    emails = _emails(summary)
    assert len(emails) == summary.message_files == sum(summary.messages_by_kind.values()) > 0
    engine = make_engine(f"sqlite:///{summary.paths.database}")
    settings = demo_settings(summary.paths, "http://127.0.0.1:9/track/v2.2")
    renderer = load_renderer(settings)
    by_email = {o.buyer_email: o for o in demo_data.select_orders(ORDERS)}
    with Session(engine) as s:
        numbers = {o.buyer_email: {sh.tracking_number for sh in s.exec(select(Shipment).where(
            Shipment.order_pk == o.id)).all()} for o in s.exec(select(Order)).all()}
        messages = {m.message_id: m for m in s.exec(select(Message)).all()}
    engine.dispose()
    for path, mail in emails:
        to = mail["To"].addresses[0].addr_spec
        order = by_email[to]
        subject = str(mail["Subject"])
        text, html = _parts(mail)
        where = f"{path.name} ({order.language})"
        assert mail["Content-Language"] == order.language, where
        assert mail["From"] == demo_data.SELLER_EMAIL and mail["Message-ID"], where
        for part in (subject, text, html):
            assert not TEMPLATE_SYNTAX.search(part), f"{where}: template syntax left in {part[:200]!r}"
        assert order.order_id in subject + text, where
        assert any(n in text for n in numbers[to]), f"{where}: no tracking number in the body"
        assert order.buyer_name.split()[0] in text, f"{where}: the buyer is not greeted by name"
        # in the buyer's language: exactly what that language's templates give, not English
        stored = messages[mail["Message-ID"]]
        own = renderer.render(stored.kind, order.language, stored.context)
        assert (subject, text.strip()) == (own.subject, own.text.strip()), where
        if order.language == "ru":
            assert CYRILLIC.search(subject) and CYRILLIC.search(text), where
        elif order.language != "en":
            english = renderer.render(stored.kind, "en", stored.context)
            assert subject != english.subject and text.strip() != english.text.strip(), where
        else:
            assert not CYRILLIC.search(subject + text), where


def test_digests_are_written_as_html(demo_run):
    summary, _ = demo_run
    pages = sorted(summary.paths.digests.glob("*.html"))
    assert len(pages) == summary.digest_files == sum(summary.digests_by_period.values()) >= 1
    for page in pages:
        body = page.read_text(encoding="utf-8")
        assert body.lstrip().lower().startswith("<!doctype html") or "<html" in body.lower()
        assert demo_data.STORE_NAME in body
        assert not TEMPLATE_SYNTAX.search(body), page.name


def test_demo_data_numbers_are_valid_and_unique():
    planned = demo_data.plan(demo_data.ORDERS, START)
    numbers = [p.tracking_number for p in planned]
    assert len(set(numbers)) == len(numbers) == sum(len(o.parcels) for o in demo_data.ORDERS)
    assert {o.country for o in demo_data.ORDERS} >= {"RU", "US", "ES", "BR", "FR", "DE", "IT", "PL"}
    assert {o.language for o in demo_data.ORDERS} == set(locales.languages())  # every language has buyers
    assert set(demo_data.scenarios(demo_data.ORDERS)) >= {
        "delivered", "stalled", "customs_hold", "pickup_waiting", "split_order", "returned"}
    from trackmon.intake import validate_row
    for p in planned:
        validate_row(demo_data.intake_row(p))        # raises on anything intake would refuse


def test_options_and_folder_are_checked(tmp_path):
    with pytest.raises(ConfigError, match="--days"):
        DemoOptions(days=0).checked()
    with pytest.raises(ConfigError, match="--orders"):
        DemoOptions(orders=99).checked()
    with pytest.raises(ConfigError, match="--speed"):
        DemoOptions(speed=-1).checked()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.txt").write_text("mine")
    with pytest.raises(ConfigError, match="not empty"):
        asyncio.run(run_demo(DemoOptions(directory=busy, days=1, orders=1, start=START), Recorder()))
    assert (busy / "thesis.txt").read_text() == "mine"


def test_cli_demo_reruns_in_its_own_folder_and_points_to_the_messages(tmp_path):
    folder = tmp_path / "out"
    runner = CliRunner()
    for _ in range(2):                               # a previous demo's folder is reused
        result = runner.invoke(app, ["demo", "--dir", str(folder), "--days", "2", "--orders", "2"])
        assert result.exit_code == 0, result.output
    assert (folder / MARKER).exists()
    assert "Read the buyer emails" in result.output and str(folder / "messages") in result.output
    assert "Parcels by status" in result.output
    assert list((folder / "messages").glob("*.eml"))


# -- Italy and Poland: buyers written to in Italian and Polish, end to end ----------------------
ITALY_POLAND = tuple(o for o in demo_data.ORDERS if o.country in ("IT", "PL"))
ENGLISH = re.compile(r"\b(the|and|your|you|is|has|have|will|of|this|please|hello|regards|parcel|carrier|"
                     r"expect|since|days?|january|february|march|april|may|june|july|august|september|"
                     r"october|november|december)\b", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
DATE = re.compile(r"\b\d{1,2} (\w+) 20\d\d\b")


@pytest.fixture(scope="module")
def italy_poland(tmp_path_factory: pytest.TempPathFactory) -> DemoSummary:
    options = DemoOptions(directory=tmp_path_factory.mktemp("demo-it-pl"), days=35, start=START, shop=ITALY_POLAND)
    return asyncio.run(run_demo(options, Recorder()))


def test_buyers_in_italy_and_poland_read_italian_and_polish(italy_poland):
    summary = italy_poland
    assert summary.errors == []
    assert set(summary.messages_by_language) == {"it", "pl"}
    settings = demo_settings(summary.paths, "http://127.0.0.1:9/track/v2.2")
    renderer = load_renderer(settings)
    by_email = {o.buyer_email: o for o in ITALY_POLAND}
    engine = make_engine(f"sqlite:///{summary.paths.database}")
    with Session(engine) as s:
        stored = {m.message_id: m for m in s.exec(select(Message)).all()}
    engine.dispose()
    emails = _emails(summary)
    kinds: dict[str, set[str]] = {"it": set(), "pl": set()}
    counted = dated = 0
    for path, mail in emails:
        order = by_email[mail["To"].addresses[0].addr_spec]
        lang, where = order.language, f"{path.name} ({order.language})"
        message = stored[mail["Message-ID"]]
        subject, (text, html) = str(mail["Subject"]), _parts(mail)
        kinds[lang].add(message.kind)
        assert mail["Content-Language"] == lang and f'lang="{lang}"' in html, where
        own = renderer.render(message.kind, lang, message.context)
        assert (subject, text.strip()) == (own.subject, own.text.strip()), where
        words = ENGLISH.findall(URL.sub(" ", subject + "\n" + text))
        assert not words, f"{where}: English left: {words}\n{text}"
        ctx = message.context
        months = set(Locale.parse(lang).months["format"]["wide"].values())
        for month in DATE.findall(text):
            assert month in months, f"{where}: {month!r} is not a {lang} month as CLDR writes it"
        if message.kind == "shipped":
            for key in ("shipped_date", "expected_to"):
                assert locales.format_date(ctx[key], lang) in text, f"{where}: {key} not in CLDR {lang} form"
            dated += 1
        days = ctx.get("days_without_update")
        if message.kind == "stalled":
            forms = locales.catalog().get(lang).table("plurals")["day"]
            assert f"{days} {locales.plural(days, forms, lang)}" in text, where
            counted += 1
    assert {"shipped", "pickup_waiting", "split_package", "stalled"} <= kinds["it"]
    assert {"shipped", "delivery_failed", "stalled"} <= kinds["pl"]
    assert "shipped" in kinds["it"] and "shipped" in kinds["pl"]
    assert counted >= 1 and dated == len(ITALY_POLAND)
