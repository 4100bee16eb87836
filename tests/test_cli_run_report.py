"""The `trackmon run --once` report as tables: per step, and failures with their reasons."""

from __future__ import annotations

import io

from rich.console import Console

from trackmon.cli.cycle_table import failures_table, report_dict, steps_table
from trackmon.cycle import CycleReport
from trackmon.messaging.dispatch import DispatchReport
from trackmon.poller import CarrierFigures, PollReport


def render(table) -> str:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(table)
    return out.getvalue()


def test_steps_and_failures_read_as_sentences_not_dicts() -> None:
    poll = PollReport(claimed=20, polled=17, new_events=40, failures=3,
                      by_carrier={"17track": CarrierFigures(polled=17, new_events=40, failures=3, rate_limited=True)},
                      reasons={"17track: HTTP 503": 3})
    report = CycleReport(poll=poll, orders_planned=12, messages_planned=4,
                         dispatched=DispatchReport(claimed=4, sent=3, failed=1), digests=1,
                         errors={"lanes": "OperationalError: database is locked"})
    data = report_dict(report)
    steps = render(steps_table(data))
    assert "17 polled, 40 new events, 3 failed" in steps
    assert "rate-limited" in steps and "3 sent, 1 failed" in steps
    assert "step failed: OperationalError: database is locked" in steps
    assert "{" not in steps  # no raw dicts
    failures = render(failures_table(data))
    assert "17track: HTTP 503" in failures and "trackmon outbox --state failed" in failures


def test_a_quiet_cycle_has_no_failures_table() -> None:
    data = report_dict(CycleReport(poll=PollReport()))
    assert failures_table(data) is None
    assert "nothing to do" in render(steps_table(data))
