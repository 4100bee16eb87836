from __future__ import annotations

import re
from datetime import timedelta

from rich.console import Console
from sqlmodel import Session

from trackmon.digest.build import build_digest
from trackmon.digest.charts import bar_chart
from trackmon.digest.render import render_html, render_rich, render_text, subject
from trackmon.settings import Settings, StoreSettings

from .conftest import NOW, Seed


def _digest(engine, store: str = "acme", settings: Settings | None = None):
    with Session(engine) as s:
        return build_digest(s, store, period="weekly", period_key="2026-W47", window_start=NOW - timedelta(days=7),
                            window_end=NOW, now=NOW, settings=settings or Settings())


def test_html_preview_reads_and_escapes(engine, seeded: Seed, tmp_path) -> None:
    settings = Settings(stores={"acme": StoreSettings(display_name="ACME & Co", timezone="Europe/Madrid")})
    html = render_html(_digest(engine, settings=settings))
    path = tmp_path / "digest.html"
    path.write_text(html, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "Weekly review — ACME &amp; Co" in text
    assert "13 Nov 2026 13:00 – 20 Nov 2026 13:00 (Europe/Madrid)" in text  # seller-local window
    positions = [text.index(t) for t in ("Held at customs (1)", "Waiting for pickup (1)", "Tracking stalled (1)",
                                         "Late (1)")]
    assert positions == sorted(positions)
    for value in ("A-1001", "LX111111111CN", "3 days ago", "customs hold sent 19 Nov 2026",
                  "4 days left before it goes back", "Resolved (1) or escalated (0) since the last digest",
                  "AT RISK"):
        assert value in text, value
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text
    # inline SVG charts only, none from too few deliveries (US · usps has 4: named, not drawn)
    assert text.count("<svg ") == 1 and "Open exceptions by kind" in text and "Median transit days" in text
    assert "not charted: US · usps (n=4)" in text
    assert not re.search(r"<img|src=|https?://(?!www\.w3\.org/2000/svg)", text)


def test_text_and_subject(engine, seeded: Seed) -> None:
    d = _digest(engine)
    text = render_text(d)
    assert "Active parcels: 5 · active orders: 4 · delivered: 3 · on time: 67%" in text
    assert "Orders with open exceptions: 4 · at risk of a dispute: 2" in text
    assert "Messages to buyers: 2 sent, 1 failed" in text
    assert "Exceptions: 4 open = 3 new + 1 from before; 1 resolved, 0 escalated since the last digest" in text
    assert "== Waiting for pickup (1) ==" in text and "4 days left before it goes back" in text
    assert "US usps: too few to tell (4 parcels)" in text
    assert "<script>alert(1)</script>" in text  # plain text is not HTML-escaped
    assert subject(d) == "[trackmon] Weekly review — acme: 4 open exceptions (3 new) on 4 orders, 2 at risk"


def test_quiet_digest(engine) -> None:
    d = _digest(engine, store="nobody")
    assert d.is_quiet
    assert "All quiet" in render_text(d) and "All quiet" in render_html(d)
    assert subject(d).endswith("all quiet")


def test_rich_renderable(engine, seeded: Seed) -> None:
    console = Console(width=200, record=True)
    console.print(render_rich(_digest(engine)))
    out = console.export_text()
    assert "Weekly review — acme" in out and "Held at customs (1)" in out and "RR222222222CN" in out
    assert "<script>alert(1)</script>" in out  # shown literally, not parsed as markup


def test_bar_chart_escapes_and_skips_zero() -> None:
    svg = str(bar_chart([("A<b>", 3), ("zero", 0)], title="T&T"))
    assert "A&lt;b&gt;" in svg and "zero" not in svg and "T&amp;T" in svg
    assert str(bar_chart([], title="x")) == ""
