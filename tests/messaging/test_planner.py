"""Planning: idempotent outbox inserts, the three steps, windows, daily cap, supersession."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from tests.messaging.conftest import make_settings, messages, open_alert, plan, seed_order, update_shipment
from trackmon.errors import ConfigError
from trackmon.messaging.window import buyer_zone, next_in_window, window_bounds

T0 = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # 04:00 in Madrid: before the window opens
MADRID = ZoneInfo("Europe/Madrid")


def test_window_in_buyer_zone() -> None:
    start, end = time(9), time(20)
    ny = ZoneInfo("America/New_York")
    night = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)  # 22:30 in New York
    assert next_in_window(night, ny, start, end) == datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    noon = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    assert next_in_window(noon, ny, start, end) == noon
    assert buyer_zone(None, "ru").key == "Europe/Moscow"
    assert buyer_zone("Not/AZone", "BR").key == "America/Sao_Paulo"
    assert buyer_zone(None, None).key == "UTC"
    with pytest.raises(ConfigError, match="send_window_end"):
        window_bounds(make_settings(send_window_start="20:00", send_window_end="09:00"))
    with pytest.raises(ConfigError, match="HH:MM"):
        window_bounds(make_settings(send_window_start="9am"))


def test_shipped_queued_once_inside_the_window(engine: Engine) -> None:
    settings = make_settings()
    order = seed_order(engine, created=T0)
    assert plan(engine, order, T0, settings) == 1
    assert plan(engine, order, T0, settings) == 0
    assert plan(engine, order, T0 + timedelta(hours=1), settings) == 0
    [m] = messages(engine, order)
    assert (m.kind, m.cause, m.state, m.idempotency_key) == ("shipped", "", "queued", f"{order}:shipped:")
    assert m.next_attempt_at.astimezone(MADRID).time() == time(9, 0)  # held until morning in Madrid
    assert m.language == "es" and m.recipient == "lucia@example.com"
    assert m.context["tracking_numbers"][0]["number"] == "LP00123456789CN"
    assert m.context["expected_days_max"] == settings.detection.default_transit_days


def test_on_its_way_takes_only_the_furthest_milestone(engine: Engine) -> None:
    settings = make_settings(max_per_day=5)
    order = seed_order(engine, created=T0)
    now = T0 + timedelta(days=6)
    update_shipment(engine, order, status="in_transit", first_movement_at=T0 + timedelta(days=1),
                    departed_origin_at=T0 + timedelta(days=3))
    assert plan(engine, order, now, settings) == 2
    kinds = [(m.kind, m.cause) for m in messages(engine, order)]
    assert kinds == [("shipped", ""), ("on_its_way", "departed_origin")]
    update_shipment(engine, order, arrived_destination_at=now)
    assert plan(engine, order, now + timedelta(hours=1), settings) == 1
    assert messages(engine, order)[-1].cause == "arrived_destination"
    assert plan(engine, order, now + timedelta(hours=2), settings) == 0


def test_weekly_checkin_every_seven_days_without_movement(engine: Engine) -> None:
    settings = make_settings()
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    assert plan(engine, order, T0 + timedelta(days=6), settings) == 0
    assert plan(engine, order, T0 + timedelta(days=7, hours=8), settings) == 1
    assert plan(engine, order, T0 + timedelta(days=10), settings) == 0
    assert plan(engine, order, T0 + timedelta(days=14, hours=8), settings) == 1
    weekly = [m for m in messages(engine, order) if m.kind == "weekly_checkin"]
    assert [m.cause for m in weekly] == ["2026-W46", "2026-W47"]
    update_shipment(engine, order, status="delivered", delivered_at=T0 + timedelta(days=20))
    assert plan(engine, order, T0 + timedelta(days=21, hours=8), settings) == 1  # delivered, no weekly
    assert messages(engine, order)[-1].kind == "delivered"


def test_exception_supersedes_routine_due_the_same_day(engine: Engine) -> None:
    settings = make_settings()
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    now = T0 + timedelta(days=7, hours=8)  # 12:00 Madrid
    assert plan(engine, order, now, settings) == 1  # the weekly check-in
    sid = update_shipment(engine, order, status="in_transit")
    open_alert(engine, order, sid, "stalled", "fp1", now + timedelta(minutes=5), days_without_update=9)
    assert plan(engine, order, now + timedelta(minutes=10), settings) == 1
    by_kind = {m.kind: m for m in messages(engine, order)}
    assert by_kind["weekly_checkin"].state == "superseded"
    assert by_kind["stalled"].state == "queued" and by_kind["stalled"].priority > by_kind["weekly_checkin"].priority
    assert by_kind["stalled"].context["days_without_update"] == 9


def test_daily_cap_moves_the_rest_to_the_next_morning(engine: Engine) -> None:
    settings = make_settings(max_per_day=2)
    order = seed_order(engine, created=T0, numbers=("LP1CN", "LP2CN"))
    sid = update_shipment(engine, order, "LP1CN", status="available_for_pickup")
    at = T0 + timedelta(hours=1)
    open_alert(engine, order, None, "split_package", "2", at)
    open_alert(engine, order, sid, "pickup_waiting", "fpP", at, days_left=10, location="Correos, Calle Mayor 1")
    open_alert(engine, order, sid, "customs_hold", "fpC", at, customs_stage="customs_duties", duties_amount="4 EUR")
    assert plan(engine, order, at, settings) == 4
    days: dict[object, int] = {}
    for m in messages(engine, order):
        day = m.next_attempt_at.astimezone(MADRID).date()
        days[day] = days.get(day, 0) + 1
        assert time(9, 0) <= m.next_attempt_at.astimezone(MADRID).time() <= time(10, 0)
    assert sorted(days.values()) == [2, 2]
    kinds = {m.kind for m in messages(engine, order)}
    assert kinds == {"shipped", "split_package", "pickup_waiting", "customs_duties"}
    rows = sorted(messages(engine, order), key=lambda m: m.next_attempt_at)
    assert rows[0].kind == "shipped"  # the first message of an order always goes first
    assert all(m.next_attempt_at >= rows[0].next_attempt_at + timedelta(hours=1) for m in rows[1:])
    assert rows[0].priority > max(m.priority for m in rows[1:])


def test_pickup_reminder_before_the_last_day_and_only_enabled_kinds(engine: Engine) -> None:
    settings = make_settings(enabled_kinds=["pickup_waiting", "pickup_reminder"])
    order = seed_order(engine, created=T0)
    sid = update_shipment(engine, order, status="available_for_pickup")
    at = T0 + timedelta(days=12)  # the parcel reached the office the day before: 13 November
    open_alert(engine, order, sid, "pickup_waiting", "fpP", at, days_left=12, location="Correos")
    open_alert(engine, order, sid, "not_picked_up", "x", at)  # seller-side: never a buyer message
    assert plan(engine, order, at, settings) == 1
    first = messages(engine, order)[0]
    # 15 days counted from the day after arrival: the last day is 28 November
    assert first.context["pickup_return_date"] == "2026-11-28" and first.context["pickup_since"] == "2026-11-13"
    assert first.context["pickup_days_left"] == 14  # sent on 14 November
    assert plan(engine, order, datetime(2026, 11, 23, 18, tzinfo=UTC), settings) == 0
    remind = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # 09:00 in Madrid, four days before the last day
    assert plan(engine, order, remind, settings) == 1
    assert [m.kind for m in messages(engine, order)] == ["pickup_waiting", "pickup_reminder"]
    reminder = messages(engine, order)[-1]
    assert reminder.cause == "fpP" and reminder.context["pickup_location"] == "Correos"
    assert reminder.context["pickup_days_left"] == 4 and not reminder.context["pickup_hold_ended"]


def test_no_pickup_reminder_once_the_hold_has_ended(engine: Engine) -> None:
    settings = make_settings(enabled_kinds=["pickup_waiting", "pickup_reminder"])
    order = seed_order(engine, created=T0)
    sid = update_shipment(engine, order, status="available_for_pickup")
    open_alert(engine, order, sid, "pickup_waiting", "fpP", T0, days_left=15)  # arrived 1 November
    late = datetime(2026, 11, 20, 10, tzinfo=UTC)  # the last day was 16 November
    assert plan(engine, order, late, settings) == 1
    assert [m.kind for m in messages(engine, order)] == ["pickup_waiting"]
    ctx = messages(engine, order)[0].context
    assert ctx["pickup_hold_ended"] and ctx["pickup_days_left"] is None
    assert ctx["pickup_return_date"] == "2026-11-16"
    assert plan(engine, order, late + timedelta(days=3), settings) == 0


def test_unknown_status_gets_no_routine_message(engine: Engine) -> None:
    settings = make_settings()
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    update_shipment(engine, order, status="unknown", first_movement_at=T0 + timedelta(days=1))
    for days in (2, 8, 15):
        plan(engine, order, T0 + timedelta(days=days, hours=8), settings)
    assert [m.kind for m in messages(engine, order) if m.state == "queued"] == ["shipped"]


def test_lost_gets_its_message_with_the_store_policy_and_ends_routine(engine: Engine) -> None:
    settings = make_settings()
    settings = settings.model_copy(update={"stores": {"default": settings.store("default").model_copy(
        update={"lost_policy": "refund"})}})
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    sid = update_shipment(engine, order, status="exception", sub_status="lost")
    at = T0 + timedelta(days=7, hours=8)
    open_alert(engine, order, sid, "lost", "carrier", at, source="carrier")
    plan(engine, order, at, settings)
    plan(engine, order, at + timedelta(days=7), settings)
    rows = [m for m in messages(engine, order) if m.state == "queued"]
    assert [m.kind for m in rows] == ["shipped", "lost"]
    assert rows[1].context["lost_policy"] == "refund" and rows[1].context["lost_reported_by_carrier"]


def test_late_only_once_the_buyers_date_has_passed(engine: Engine) -> None:
    settings = make_settings()
    order = seed_order(engine, created=T0)
    plan(engine, order, T0, settings)
    sid = update_shipment(engine, order, status="in_transit")
    open_alert(engine, order, sid, "late", "transit", T0 + timedelta(days=20))
    plan(engine, order, T0 + timedelta(days=20), settings)  # the usual window ends on day 30
    assert "late" not in [m.kind for m in messages(engine, order)]
    plan(engine, order, T0 + timedelta(days=31, hours=8), settings)
    late = next(m for m in messages(engine, order) if m.kind == "late")
    assert late.context["overdue"] and late.context["promised_date"] == "2026-12-02"
    assert late.context["expected_to"] > "2026-12-03"


def test_planning_renders_only_the_text_it_compares(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Subject and HTML are rendered when a message is sent (from its stored context), never
    while planning: the planner renders the text alone (`text_pieces`, up to the first
    difference), and only of messages it compares (the previous message's word for word)."""
    from trackmon.messaging.render import Renderer, load_renderer

    settings = make_settings(max_per_day=5)
    load_renderer(settings)  # validated (sample renders of every part) before the check
    texts: list[str] = []
    text_only = Renderer.text_pieces

    def counted(self: Renderer, kind: str, language: str | None, context: dict[str, object]) -> Iterator[str]:
        texts.append(kind)
        return text_only(self, kind, language, context)

    def no_full_render(*args: object, **kwargs: object) -> None:
        raise AssertionError("the planner rendered a whole message (subject and HTML)")

    monkeypatch.setattr(Renderer, "render", no_full_render)
    monkeypatch.setattr(Renderer, "text_pieces", counted)
    order = seed_order(engine, created=T0)
    now = T0 + timedelta(days=6)
    update_shipment(engine, order, status="in_transit", first_movement_at=T0 + timedelta(days=1),
                    departed_origin_at=T0 + timedelta(days=3))
    assert plan(engine, order, now, settings) == 2
    update_shipment(engine, order, arrived_destination_at=now)
    assert plan(engine, order, now + timedelta(hours=1), settings) == 1
    # only texts compared: the update, then the shipped message before it (nothing came before
    # that one); next time the new update, then the stored one it is compared with
    assert texts == ["on_its_way", "shipped", "on_its_way", "on_its_way"]


def test_a_weekly_checkin_that_says_nothing_new_is_not_sent(engine: Engine) -> None:
    """The rule the text comparison serves: a message whose text is the previous one word for
    word is stored as superseded (here a week on, the failed delivery is all there is to say)."""
    settings = make_settings(max_per_day=5)
    order = seed_order(engine, created=T0)
    update_shipment(engine, order, status="delivery_failed", status_changed_at=T0 + timedelta(days=2))
    plan(engine, order, T0 + timedelta(days=7, hours=8), settings)
    plan(engine, order, T0 + timedelta(days=14, hours=8), settings)
    plan(engine, order, T0 + timedelta(days=21, hours=8), settings)
    assert [(m.kind, m.state, m.last_error) for m in messages(engine, order)] == [
        ("shipped", "queued", None),
        ("weekly_checkin", "superseded", "the order had a message less than 4 days ago"),  # never rendered
        ("weekly_checkin", "queued", None),
        ("weekly_checkin", "superseded", "identical to the previous message"),
    ]


def test_the_book_reads_the_latest_message_only_of_orders_that_have_one(engine: Engine) -> None:
    """`PlanBook.load` reads the message keys, the buyers' messages and, for the orders that
    have a message, the latest one: 2 queries for orders without any (a first poll), 3 else."""
    from sqlalchemy import event
    from sqlmodel import Session

    from trackmon.messaging.plan_book import PlanBook
    from trackmon.models import Order

    settings = make_settings()
    old = seed_order(engine, created=T0, order_id="A-1")
    new = seed_order(engine, created=T0, order_id="A-2", numbers=("LP00987654321CN",), email="ana@example.com")
    assert plan(engine, old, T0, settings) == 1
    statements: list[str] = []

    def noted(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "FROM messages" in statement:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", noted)
    try:
        with Session(engine) as session:
            book = PlanBook(session, settings, T0 + timedelta(days=1))
            book.load([session.get(Order, new)])
            assert len(statements) == 2  # its keys (none), its buyer's messages
            assert book.previous[new] is None and book.existing[new] == set()
            book.load([session.get(Order, old)])
            assert len(statements) == 2 + 3
            previous = book.previous[old]
            assert previous is not None and previous.source is not None and previous.source[0] == "shipped"
            assert book.existing[old] == {f"{old}:shipped:"}
    finally:
        event.remove(engine, "before_cursor_execute", noted)
