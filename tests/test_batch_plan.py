"""The cycle's periodic planning of a page of orders at once queues exactly what planning
order by order queues (weekly check-ins, pickup reminders, caps shared by a buyer's orders)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.test_batch_settle import _answers, _dump, _poll, _seed, twin  # noqa: F401  (fixture)
from trackmon.cycle import plan_active_orders
from trackmon.messaging.planner import plan_for_order
from trackmon.settings import Settings

DAY = timedelta(days=1)


async def test_a_page_at_once_plans_what_order_by_order_plans(engine: Any, twin: Any, now: Any) -> None:  # noqa: F811
    for eng in (engine, twin):
        _seed(eng, now)
        await _poll(eng, now, _answers(now, False))
    for days in (2, 8, 12, 15):
        at = now + days * DAY
        page = plan_active_orders(engine, Settings(), at, None)
        one_by_one = plan_active_orders(twin, Settings(), at, plan_for_order)
        assert page == one_by_one
        assert _dump(engine) == _dump(twin), f"day {days}"
    kinds = {m["kind"] for m in _dump(engine)["messages"]}
    assert {"weekly_checkin", "pickup_reminder"} <= kinds
