"""Digests that add up and say what is true now: consistent counts, hold ended, escalations,
the last event in words, charts only from enough deliveries, and the weekly trend."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from trackmon.digest.build import build_digest
from trackmon.digest.figures import MIN_CHART_SAMPLES
from trackmon.digest.render import render_html, render_text, subject
from trackmon.models import BuyerOptOut
from trackmon.settings import Settings

from .conftest import NOW, Seeder, days, seed_store


def _digest(engine, period: str = "daily", start_days: float = 1, store: str = "acme"):
    with Session(engine) as s:
        return build_digest(s, store, period=period, period_key="k", window_start=NOW - days(start_days),
                            window_end=NOW, now=NOW, settings=Settings())


def test_counts_add_up(engine) -> None:
    seed_store(engine)
    with Session(engine) as s:
        sd = Seeder(s, NOW)
        # a split order delivered in full long ago whose alert is still open (before the fix it was AT RISK)
        o = sd.order("A-2001", shipped_days_ago=40)
        sd.parcel(o, "LX200000001CN", status="delivered", active=False, delivered_days_ago=19)
        sd.parcel(o, "LX200000002CN", status="delivered", active=False, delivered_days_ago=19)
        sd.alert(o, "split_package", opened_days_ago=39)
        # one order, three open alerts: counted once among the orders
        o2 = sd.order("A-2002", shipped_days_ago=30)
        p = sd.parcel(o2, "LX200000003CN", status="delivery_failed", active=False)
        sd.alert(o2, "delivery_failed", shipment=p, opened_days_ago=8)
        sd.alert(o2, "late", opened_days_ago=0.5)
        sd.alert(o2, "returning", shipment=p, opened_days_ago=0.2)
        s.commit()
    for period, start in (("daily", 1), ("weekly", 7)):
        d = _digest(engine, period, start)
        f = d.figures
        assert d.open_total == sum(g.total for g in d.groups) == d.new_open + d.still_open
        assert sum(1 for g in d.groups for r in g.rows if r.new) == d.new_open
        assert f.at_risk <= f.orders_with_open <= f.active_orders
        assert f.orders_with_open == 6  # A-1001..A-1004, A-2001, A-2002
        assert d.open_total == 8
        split = next(g for g in d.groups if g.kind == "split_package").rows[0]
        assert not split.at_risk
        text = render_text(d)
        assert f"Exceptions: 8 open = {d.new_open} new + {d.still_open} from before" in text
        assert subject(d).startswith(f"[trackmon] {'Daily digest' if period == 'daily' else 'Weekly review'} — "
                                     f"acme: 8 open exceptions ({d.new_open} new) on 6 orders, {f.at_risk} at risk")


def test_pickup_whose_hold_ended_says_so(engine) -> None:
    with Session(engine) as s:
        sd = Seeder(s, NOW)
        o = sd.order("A-3001", country="ES")
        p = sd.parcel(o, "RR300000001CN", carrier="correos", country="ES", status="available_for_pickup",
                      last_event_days_ago=26)
        p.sub_status, p.last_event_location = "pickup_post_office", "Oficina de Correos, Valencia"
        return_after = (NOW - days(11)).date().isoformat()
        sd.alert(o, "pickup_waiting", shipment=p, opened_days_ago=26,
                 details={"days_left": 0, "return_after": return_after, "hold_days": 15})
        s.commit()
    d = _digest(engine)
    row = d.groups[0].rows[0]
    assert row.days_left == -11 and row.at_risk
    assert row.action.startswith("The hold ended 11 days ago")
    assert row.last_event == "waiting for pickup at the post office · Oficina de Correos, Valencia · 26 days ago"
    text, html = render_text(d), render_html(d)
    assert "hold ended 11 days ago" in text and "hold ended 11 days ago" in html
    assert "0 day" not in text and "collect it today" not in text


def test_escalated_is_not_resolved(engine) -> None:
    with Session(engine) as s:
        sd = Seeder(s, NOW)
        o = sd.order("A-4001")
        p = sd.parcel(o, "LX400000001CN", last_event_days_ago=31)
        stalled = sd.alert(o, "stalled", shipment=p, opened_days_ago=20, resolved_days_ago=0.5)
        stalled.resolved_by = "escalated"
        lost = sd.alert(o, "lost", shipment=p, opened_days_ago=0.5)
        lost.opened_at = stalled.resolved_at
        s.commit()
    d = _digest(engine)
    assert (d.resolved, d.escalated) == (0, 1)
    [row] = d.resolved_rows
    assert row.escalated_to == "lost"
    text = render_text(d)
    assert "Tracking stalled: A-4001 LX400000001CN (escalated to presumed lost)" in text
    assert "(auto)" not in text and "closed by trackmon" not in text


def test_transit_chart_needs_enough_deliveries_and_shows_counts(engine) -> None:
    with Session(engine) as s:
        sd = Seeder(s, NOW)
        for i in range(MIN_CHART_SAMPLES):
            o = sd.order(f"D-{i}", country="DE", shipped_days_ago=12 + i)
            sd.parcel(o, f"LD{i:09d}CN", carrier="dhl", country="DE", status="delivered", active=False,
                      delivered_days_ago=1 + i)
        o = sd.order("F-1", country="FR", shipped_days_ago=15)
        sd.parcel(o, "LF000000001CN", carrier="colissimo", country="FR", status="delivered", active=False,
                  delivered_days_ago=2)
        sd.alert(o, "stalled", opened_days_ago=1)
        s.commit()
    html = render_html(_digest(engine, "weekly", 7))
    assert html.count("<svg ") == 2  # exceptions by kind, and transit for the one lane with enough
    assert f"DE · dhl (n={MIN_CHART_SAMPLES})" in html and "FR · colissimo (n=1)" in html
    assert "not charted: FR · colissimo (n=1)" in html


def test_weekly_review_compares_with_the_week_before(engine) -> None:
    with Session(engine) as s:
        sd = Seeder(s, NOW)
        # this week: 6 deliveries to DE by dhl in 10 days (2 late by the 30-day default: none), 3 new alerts
        for i in range(6):
            o = sd.order(f"W-{i}", country="DE", shipped_days_ago=12)
            sd.parcel(o, f"LW{i:09d}CN", carrier="dhl", country="DE", status="delivered", active=False,
                      delivered_days_ago=2)
        # the week before: 5 deliveries in 20 days, 2 of them late (over 30 days)
        for i in range(5):
            shipped = 28 if i < 3 else 40
            o = sd.order(f"V-{i}", country="DE", shipped_days_ago=shipped)
            sd.parcel(o, f"LV{i:09d}CN", carrier="dhl", country="DE", status="delivered", active=False,
                      delivered_days_ago=8)
        live = sd.order("X-1")
        px = sd.parcel(live, "LX500000001CN")
        for n in range(3):
            a = sd.alert(live, "stalled", shipment=px, opened_days_ago=1 + n)
            a.dedupe_key += f"-{n}"
        old = sd.alert(live, "customs_hold", shipment=px, opened_days_ago=10, resolved_days_ago=9)
        old.dedupe_key += "-old"
        s.commit()
    d = _digest(engine, "weekly", 7)
    t = d.trend
    assert t is not None
    assert (t.this_week.opened, t.previous_week.opened) == (3, 1)
    assert (t.this_week.resolved, t.previous_week.resolved) == (0, 1)
    assert (t.this_week.delivered, t.this_week.on_time) == (6, 6)
    assert (t.previous_week.delivered, t.previous_week.on_time) == (5, 3)
    assert t.on_time_change_points == 40.0
    [lane] = t.lanes
    assert (lane.country, lane.carrier, lane.median_days, lane.samples) == ("DE", "dhl", 10.0, 6)
    assert (lane.previous_median_days, lane.previous_samples, lane.change_days) == (20.0, 5, -10.0)
    text = render_text(d)
    assert "== This week against the week before ==" in text
    assert "new exceptions: 3 (before: 1)" in text
    assert "on time: 100% (before: 60%, change +40 points)" in text
    assert "median transit DE dhl: 10 d (n=6) (before: 20 d (n=5), change -10 d)" in text
    assert _digest(engine, "daily", 1).trend is None


def test_unsubscribed_buyers_are_listed(engine) -> None:
    seed = seed_store(engine)
    with Session(engine) as s:
        s.add(BuyerOptOut(store="acme", email="a-1002@example.com", order_pk=seed.orders["o2"],
                          opted_out_at=NOW - timedelta(hours=3)))
        s.commit()
    d = _digest(engine)
    assert [(o.order_id, o.buyer) for o in d.opted_out] == [("A-1002", "Bea Ruiz")]
    pickup = next(g for g in d.groups if g.kind == "pickup_waiting").rows[0]
    assert pickup.buyer_opted_out
    text = render_text(d)
    assert "Buyers who unsubscribed from trackmon's emails (1)" in text
    assert "the buyer unsubscribed: write to them yourself" in text
