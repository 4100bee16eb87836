"""What `trackmon run --once` prints: a table per step, then failures with their reasons.

Pure: builds Rich tables from a CycleReport (or its JSON dict); `run.py` prints them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.table import Table
from rich.text import Text


def report_dict(report: Any) -> dict[str, Any]:
    """The cycle report as plain data (what `--json` prints)."""
    if hasattr(report, "as_dict"):
        return dict(report.as_dict())
    if dataclasses.is_dataclass(report) and not isinstance(report, type):
        return dataclasses.asdict(report)
    return dict(vars(report)) if hasattr(report, "__dict__") else {"report": str(report)}


def _figures(pairs: list[tuple[str, Any]]) -> str:
    shown = [f"{value} {label}" for label, value in pairs if value]
    return ", ".join(shown) or "nothing to do"


def steps_table(data: dict[str, Any]) -> Table:
    table = Table("step", "done", title="trackmon cycle", title_justify="left", show_lines=False)
    errors = data.get("errors") or {}
    poll = data.get("poll") or {}
    poll_text = _figures([("claimed", poll.get("claimed")), ("polled", poll.get("polled")),
                          ("new events", poll.get("new_events")), ("failed", poll.get("failures")),
                          ("retired", poll.get("retired")), ("leases lost", poll.get("lost_leases"))])
    table.add_row("poll carriers", _with_error(poll_text, errors.get("poll")))
    for name, fig in sorted((poll.get("by_carrier") or {}).items()):
        text = _figures([("polled", fig.get("polled")), ("new events", fig.get("new_events")),
                         ("problems", fig.get("problems")), ("failed", fig.get("failures"))])
        if fig.get("rate_limited"):
            text += " (rate-limited: paused)"
        table.add_row(Text(f"  {name}", style="dim"), text)
    table.add_row("lanes", _with_error("refreshed" if data.get("lanes_refreshed") else "up to date",
                                       errors.get("lanes")))
    table.add_row("plan buyer messages", _with_error(
        _figures([("orders reviewed", data.get("orders_planned")), ("messages queued", data.get("messages_planned"))]),
        errors.get("plan")))
    sent = data.get("dispatched") or {}
    if not isinstance(sent, dict):
        sent = {}
    table.add_row("send buyer messages", _with_error(_figures([
        ("sent", sent.get("sent")), ("to retry", sent.get("retried")), ("failed", sent.get("failed")),
        ("held for the buyer's morning", sent.get("deferred")), ("skipped", sent.get("skipped")),
        ("released", sent.get("released")), ("claims lost", sent.get("lost_claims"))]), errors.get("dispatch")))
    table.add_row("seller digests", _with_error(_figures([("sent", data.get("digests"))]), errors.get("digests")))
    if data.get("stopped"):
        table.add_row("stopped", Text("asked to stop: later steps were skipped", style="yellow"))
    return table


def _with_error(text: str, error: str | None) -> Text:
    if not error:
        return Text(text)
    return Text.assemble(Text(text), Text(f" — step failed: {error}", style="red"))


def failures_table(data: dict[str, Any]) -> Table | None:
    """Why parcels could not be polled (reason → parcels), and messages that failed."""
    poll = data.get("poll") or {}
    reasons = poll.get("reasons") or {}
    sent = data.get("dispatched") if isinstance(data.get("dispatched"), dict) else {}
    if not reasons and not (sent or {}).get("failed"):
        return None
    table = Table("parcels", "why", title="Failures", title_justify="left")
    for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(str(n), reason)
    if (sent or {}).get("failed"):
        table.add_row(Text(f"{sent['failed']} msg", style="red"),
                      "buyer messages failed: `trackmon outbox --state failed` lists each with its reason")
    return table


__all__ = ["failures_table", "report_dict", "steps_table"]
