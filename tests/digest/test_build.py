from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session

from trackmon.alert_queries import at_risk_orders
from trackmon.digest.build import build_digest
from trackmon.settings import Settings

from .conftest import Seed


def _weekly(engine, seed: Seed, store: str = "acme", **kw):
    with Session(engine) as s:
        return build_digest(s, store, period="weekly", period_key="2026-W47",
                            window_start=seed.now - timedelta(days=7), window_end=seed.now,
                            now=seed.now, settings=Settings(), **kw)


def test_groups_in_issue_order_with_rows(engine, seeded: Seed) -> None:
    d = _weekly(engine, seeded)
    assert [g.kind for g in d.groups] == ["customs_hold", "pickup_waiting", "stalled", "late"]
    customs = d.groups[0].rows[0]
    assert (customs.order_id, customs.buyer, customs.country, customs.carrier, customs.tracking_number) == (
        "A-1001", "Ann Lee", "US", "usps", "LX111111111CN")
    assert customs.days_since_last_event == 3
    assert [(t.kind, t.state) for t in customs.told] == [("customs_hold", "sent")]
    assert "duties" in customs.action and customs.new
    pickup = d.groups[1].rows[0]
    assert pickup.days_left == 4  # 5 left when last seen a day ago
    assert "4 days left" in pickup.action
    assert [(t.kind, t.state) for t in pickup.told] == [("pickup_waiting", "queued")]
    stalled = d.groups[2].rows[0]
    assert stalled.days_since_last_event == 12 and not stalled.new and stalled.at_risk
    late = d.groups[3].rows[0]  # order-level: every parcel of the order, most recent news
    assert late.tracking_number == "LX444444444CN, LX444444445CN"
    assert late.days_since_last_event == 2 and late.at_risk
    assert "<script>" in late.buyer  # raw here; escaping is the renderer's job


def test_other_store_is_apart(engine, seeded: Seed) -> None:
    d = _weekly(engine, seeded, store="other")
    assert [g.kind for g in d.groups] == ["stalled"]
    assert d.groups[0].rows[0].order_id == "B-1"
    assert d.figures.delivered == 0 and d.figures.on_time_rate is None


def test_opened_still_open_resolved(engine, seeded: Seed) -> None:
    d = _weekly(engine, seeded)
    assert (d.opened, d.still_open, d.resolved, d.open_total) == (3, 1, 1, 4)
    assert [(r.kind, r.order_id, r.resolved_by) for r in d.resolved_rows] == [("delivery_failed", "A-1005", "auto")]
    assert not d.is_quiet


def test_figures(engine, seeded: Seed) -> None:
    f = _weekly(engine, seeded).figures
    assert f.active_parcels == 5
    assert (f.delivered, f.on_time) == (3, 2)  # A-1005 (fast), A-1006 (by promise); A-1007 late
    assert f.on_time_rate == pytest.approx(2 / 3)
    by_lane = {(t.country, t.carrier): (t.median_days, t.samples) for t in f.transit}
    # US/usps deliveries in the last 30 days: 11.5, 10, 37, 14 days → median 12.8
    assert by_lane == {("US", "usps"): (12.8, 4)}
    assert (f.messages_sent, f.messages_failed) == (2, 1)
    assert f.at_risk == 2


def test_at_risk_rule(engine, seeded: Seed) -> None:
    with Session(engine) as s:
        risky = at_risk_orders(s, "acme", seeded.now, Settings())
    assert risky == {seeded.orders["o3"], seeded.orders["o4"]}
    with Session(engine) as s:  # the stalled alert is younger than 7 days a week earlier
        risky = at_risk_orders(s, "acme", seeded.now - timedelta(days=4), Settings())
    assert seeded.orders["o3"] not in risky


def test_row_cap_counts_the_rest(engine, seeded: Seed) -> None:
    d = _weekly(engine, seeded, max_rows_per_kind=0)
    assert all(g.rows == () and g.hidden == g.total for g in d.groups)
    assert sum(g.hidden for g in d.groups) == 4


def test_quiet_store(engine) -> None:
    from .conftest import NOW
    with Session(engine) as s:
        d = build_digest(s, "empty", period="daily", period_key="2026-11-20", window_start=NOW - timedelta(days=1),
                         window_end=NOW, now=NOW, settings=Settings())
    assert d.is_quiet and d.groups == () and d.figures.active_parcels == 0
