"""Issue 10, finding 9: operator templates are bounded in time, loop iterations and size; a
template past a bound fails THAT message with the reason stored, the others are sent."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from jinja2 import DictLoader

from tests.messaging.conftest import make_settings, messages, plan, seed_order
from trackmon.messaging.dispatch import dispatch_due
from trackmon.messaging.sandbox import BoundedEnvironment, RenderLimitExceeded, render_bounded

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # 11:00 in Madrid

BOMBS = {
    "repeat": "{{ 'A' * 10**8 }}",
    "nested_loops": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "big_range": "{% for i in range(100000) %}{% endfor %}",
    "huge_range": "{% for i in range(10**20) %}{% endfor %}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "center": "{{ 'x'|center(10**9) }}",
    "percent_width": "{{ '%0999999999d' % 1 }}",
    "format_width": "{{ '{:>999999999}'.format(1) }}",
    "power": "{{ 9 ** 100000 }}",
    "join": "{{ (range(10000)|list) * 1000 }}",
    "output": "{% for i in range(10000) %}{{ 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' }}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_each_bomb_is_stopped_quickly(name: str) -> None:
    env = BoundedEnvironment(loader=DictLoader(BOMBS))
    started = time.monotonic()
    with pytest.raises(RenderLimitExceeded):
        render_bounded(env.get_template(name), {})
    assert time.monotonic() - started < 3.0  # the bound is 2 s; most stop in milliseconds


def test_deadline_stops_a_slow_template() -> None:
    env = BoundedEnvironment(loader=DictLoader({"slow": "{% for i in range(9000) %}{{ i|string|length }}{% endfor %}"}))
    with pytest.raises(RenderLimitExceeded, match="time limit"):
        render_bounded(env.get_template("slow"), {}, seconds=0.0)


def test_ordinary_templates_render_unchanged() -> None:
    env = BoundedEnvironment(loader=DictLoader({"ok": "{% for n in numbers %}{{ n|upper }} {% endfor %}"
                                                      "{{ '%05d' % 42 }} {{ 'ab' * 3 }} {{ range(3)|list }}"}))
    assert render_bounded(env.get_template("ok"), {"numbers": ["lp1", "lp2"]}) == "LP1 LP2 00042 ababab [0, 1, 2]"


async def test_a_bomb_fails_its_message_and_the_others_are_sent(engine, tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "en"
    templates.mkdir(parents=True)
    (templates / "shipped.subject.j2").write_text(
        "{% if order_id == 'BOMB-1' %}{{ 'A' * 10**8 }}"
        "{% elif order_id == 'LOOP-1' %}{% for i in range(10000) %}{% for j in range(10000) %}"
        "{% endfor %}{% endfor %}{% endif %}Your order {{ order_id }} has shipped", encoding="utf-8")
    settings = make_settings(file_dir=str(tmp_path / "out"), templates_dir=str(tmp_path / "templates"))
    orders = {oid: seed_order(engine, created=T0, order_id=oid, language="en", email=f"{oid.lower()}@example.com")
              for oid in ("A-1", "BOMB-1", "LOOP-1")}
    for order in orders.values():
        plan(engine, order, T0, settings)
    started = time.monotonic()
    report = await dispatch_due(engine, settings, T0, owner="r1")
    assert time.monotonic() - started < 10
    assert report.sent == 1 and report.failed == 2
    [ok] = messages(engine, orders["A-1"])
    assert ok.state == "sent" and ok.subject == "Your order A-1 has shipped"
    for oid in ("BOMB-1", "LOOP-1"):
        [bad] = messages(engine, orders[oid])
        assert bad.state == "failed"
        assert "limit" in bad.last_error and "shipped.subject.j2" in bad.last_error
