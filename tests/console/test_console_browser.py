"""The console and the buyer page in a real browser: Playwright driving the system Chromium
(never a downloaded one) against the app served on 127.0.0.1 over a short demo's database.

Every page fails the test on a console error, an uncaught script error, or any request that
would leave 127.0.0.1 (such requests are also blocked). Screenshots of each page, at desktop
width and at 375 px, are written to tests/console/screenshots/ (not committed).
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from tests.console.helpers import NO_EMAIL_ORDER, add_order_without_email
from trackmon import demo_data
from trackmon.api import create_app
from trackmon.daemon import bind_api_socket
from trackmon.db import make_engine
from trackmon.demo import DemoEvent, DemoOptions, DemoPaths, demo_settings, run_demo
from trackmon.models import Alert, Message, Order, Shipment

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH: apt-get install -y chromium "
                                                         "(.ci/run installs it)")

SHOTS = Path(__file__).resolve().parent / "screenshots"
PASSWORD = "demo-console-password"
START = datetime(2026, 10, 1, tzinfo=UTC)
DAYS = 30
END = START + timedelta(days=DAYS)
PAGES = ("/", "/console/search?q=", "/console/outbox", "/console/outbox?view=sent", "/console/manual",
         "/console/lanes", "/console/templates?kind=stalled&language=es", "/console/system")


class _Quiet:
    def started(self, paths: DemoPaths, start: datetime, end: datetime, orders: int, parcels: int) -> None: ...
    def event(self, event: DemoEvent) -> None: ...
    def progress(self, now: datetime, done: float) -> None: ...


@dataclass
class Site:
    url: str
    engine: Engine


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    sock = bind_api_socket("127.0.0.1", 0)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    options = DemoOptions(directory=tmp_path_factory.mktemp("console-demo"), days=DAYS, orders=6, start=START,
                          step=timedelta(hours=12), public_base_url=url)
    summary = asyncio.run(run_demo(options, _Quiet()))
    assert not summary.errors, summary.errors
    settings = demo_settings(summary.paths, "http://127.0.0.1:9", url, PASSWORD)
    engine = make_engine(settings.database_url)
    add_order_without_email(engine, END, settings, store=demo_data.STORE)
    server = uvicorn.Server(uvicorn.Config(create_app(engine, settings, clock=lambda: END), log_config=None,
                                           access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the console server did not start"
    try:
        yield Site(url, engine)
    finally:
        server.should_exit = True
        thread.join(10)
        engine.dispose()
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@dataclass
class Guard:
    """Collects console errors, script errors and requests that would leave 127.0.0.1."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def watch(self, context: Any) -> None:
        def route(r: Any) -> None:
            target = urlsplit(r.request.url)
            if target.scheme in ("data", "blob", "about") or target.hostname == "127.0.0.1":
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        context.on("page", self._page)

    def _page(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))

    def check(self) -> None:
        assert not self.errors, "console errors:\n" + "\n".join(self.errors)
        assert not self.outside, "requests leaving 127.0.0.1:\n" + "\n".join(self.outside)


@pytest.fixture
def guard() -> Iterator[Guard]:
    g = Guard()
    yield g
    g.check()


def _context(browser: Any, site: Site, guard: Guard, width: int = 1280, height: int = 900) -> Any:
    context = browser.new_context(base_url=site.url, viewport={"width": width, "height": height})
    guard.watch(context)
    return context


def _sign_in(page: Any) -> None:
    page.goto("/")
    assert "/signin" in page.url
    page.get_by_label("Console password or API token").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")
    page.get_by_role("heading", name="Exceptions").wait_for()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _name(path: str) -> str:
    """A screenshot's name for a page path: /console/outbox?view=sent → outbox-sent."""
    base, _, query = path.partition("?")
    name = base.strip("/").replace("console/", "").replace("/", "-") or "exceptions"
    view = query.partition("view=")[2]
    return f"{name}-{view}" if view else name


def _order_of(engine: Engine, order_id: str) -> tuple[Order, list[Shipment]]:
    with Session(engine) as session:
        order = session.exec(select(Order).where(Order.order_id == order_id)).one()
        return order, list(session.exec(select(Shipment).where(Shipment.order_pk == order.id)).all())


def test_sign_in_resolve_search_read_and_open_the_buyer_page(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard)
    page = context.new_page()
    _sign_in(page)
    rows = page.locator("li.row[id^='alert-']")
    assert rows.count() > 0, "the demo left no open exception"
    _shot(page, "desktop-exceptions")

    row = rows.first
    alert_id = int((row.get_attribute("id") or "").removeprefix("alert-"))
    row.get_by_role("button", name="Resolve").click()
    page.get_by_text(f"Alert {alert_id} resolved.").wait_for()
    page.reload()
    assert page.locator(f"#alert-{alert_id}").count() == 0
    with Session(site.engine) as session:
        alert = session.get(Alert, alert_id)
        assert alert is not None and alert.resolved_by == "manual" and alert.resolved_at == END

    order, shipments = _order_of(site.engine, "LG-1002")
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Order id, tracking number or buyer email").fill(shipments[0].tracking_number)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/console/orders/{order.id}")
    page.get_by_role("heading", name=f"Order {order.order_id}").wait_for()
    timeline = page.locator("ol.timeline li")
    assert timeline.count() >= 3
    with Session(site.engine) as session:
        sent = session.exec(select(Message).where(Message.order_pk == order.id, Message.state == "sent")
                            .order_by(col(Message.id))).all()
    assert sent, "the demo sent this buyer nothing"
    messages = page.locator("section[aria-labelledby='messages']")
    for m in sent:
        assert m.subject and m.subject in messages.inner_text()
    # the buyer's emails link to the tracking page of this server (public_base_url)
    assert str(sent[0].context["tracking_url"]).startswith(site.url + "/t/")
    page.locator("#preview .preview").wait_for()  # the compose preview loaded by htmx
    _shot(page, "desktop-order")

    page.get_by_role("link", name="Buyer's tracking page").click()
    page.wait_for_url("**/t/**")
    assert page.locator("html").get_attribute("lang") == order.buyer_language
    page.get_by_role("heading", name=f"Your order {order.order_id}").wait_for()
    assert page.locator("ol.timeline li").count() >= 3
    assert page.get_by_text(demo_data.SUPPORT_EMAIL).count() == 1  # the store's support address
    _shot(page, "desktop-buyer")
    context.close()


def test_every_page_renders_without_errors(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard)
    page = context.new_page()
    _sign_in(page)
    for path in PAGES:
        page.goto(path)
        page.locator("main h1").wait_for()
        _shot(page, "desktop-" + _name(path))
    page.goto("/console/templates?kind=stalled&language=es")
    assert "Asunto" in page.content() or page.locator(".preview").count() == 1
    page.goto("/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    page.get_by_text("/orders", exact=False).first.wait_for()
    _shot(page, "desktop-docs")
    page.goto("/redoc")
    page.locator("h1", has_text="trackmon").wait_for()
    _shot(page, "desktop-redoc")
    context.close()


def test_the_console_works_at_375_px(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard, width=375, height=812)
    page = context.new_page()
    _sign_in(page)
    order, _ = _order_of(site.engine, "LG-1003")
    buyer = None
    for path in (*PAGES, f"/console/orders/{order.id}"):
        page.goto(path)
        page.locator("main h1").wait_for()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide at a 375 px viewport"
        _shot(page, "mobile-" + _name(path))
        if path.startswith("/console/orders/"):
            buyer = page.get_by_role("link", name="Buyer's tracking page").get_attribute("href")
    assert buyer
    page.goto(buyer)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    _shot(page, "mobile-buyer")
    context.close()


def test_keyboard_only_sign_in_and_resolve(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard)
    page = context.new_page()
    page.goto("/signin")
    page.keyboard.type(PASSWORD)  # the password field has the focus
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Exceptions").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Resolve":
            break
    else:
        pytest.fail("no Resolve button reached with Tab")
    row_id = page.evaluate("document.activeElement.closest('li').id")
    page.keyboard.press("Enter")
    page.get_by_text(f"Alert {row_id.removeprefix('alert-')} resolved.").wait_for()
    context.close()


def test_a_refused_action_says_why(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard)
    page = context.new_page()
    _sign_in(page)
    row = page.locator("li.row[id^='alert-']").first
    alert_id = int((row.get_attribute("id") or "").removeprefix("alert-"))
    with Session(site.engine) as session:  # resolved meanwhile, e.g. in another tab
        alert = session.get(Alert, alert_id)
        assert alert is not None
        alert.resolved_at, alert.resolved_by = END, "auto"
        session.add(alert)
        session.commit()
    row.get_by_role("button", name="Resolve").click()
    flash = page.locator("#flash")
    flash.wait_for()
    assert f"alert {alert_id} does not exist or is already resolved" in flash.inner_text()
    guard.errors = [e for e in guard.errors if "404" not in e]  # the refused request itself is expected
    context.close()


def test_an_order_without_email_walks_through_the_manual_channel(site: Site, browser: Any, guard: Guard) -> None:
    context = _context(browser, site, guard)
    page = context.new_page()
    _sign_in(page)
    page.get_by_role("link", name="Manual").click()
    page.wait_for_url("**/console/manual")
    cards = page.locator("article.manual", has_text=NO_EMAIL_ORDER)
    assert cards.count() >= 1
    text = cards.first.locator("textarea").first.input_value()
    assert "Здравствуйте" in text and NO_EMAIL_ORDER in text  # in the buyer's language, ready to copy
    _shot(page, "desktop-manual-pending")
    marked = 0
    while cards.count():
        cards.first.get_by_role("button", name="Mark sent").first.click()
        page.wait_for_load_state()
        marked += 1
        assert marked < 20
    page.reload()
    assert page.get_by_text(NO_EMAIL_ORDER).count() == 0
    with Session(site.engine) as session:
        order = session.exec(select(Order).where(Order.order_id == NO_EMAIL_ORDER)).one()
        states = [m.state for m in session.exec(select(Message).where(Message.order_pk == order.id)).all()]
    assert states.count("sent") == marked and "queued" not in states
    page.goto("/console/manual")
    assert page.get_by_text(NO_EMAIL_ORDER).count() == 0  # never offered again
    context.close()
