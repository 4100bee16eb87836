"""Render a `Digest`: plain text and HTML (Jinja2, sandboxed; HTML autoescaped, with inline
SVG charts), a subject line, and a Rich renderable for the terminal.

Dates are formatted here, in the store's time zone, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import FileSystemLoader, StrictUndefined, TemplateSyntaxError, select_autoescape
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from trackmon.alert_queries import RESOLVED_ESCALATED
from trackmon.digest.actions import KIND_TITLES
from trackmon.digest.build import Digest, DigestRow, ToldNote
from trackmon.digest.charts import bar_chart
from trackmon.digest.figures import MIN_CHART_SAMPLES
from trackmon.errors import TemplateError

TEMPLATES = Path(__file__).parent / "templates"
MAX_OUTPUT_CHARS = 2_000_000
#: messages to the buyer listed per digest row (the latest; earlier ones are counted)
TOLD_SHOWN = 3


def _zone(digest: Digest) -> ZoneInfo:
    try:
        return ZoneInfo(digest.timezone)
    except Exception:  # an unknown zone was refused earlier by the runner; render in UTC
        return ZoneInfo("UTC")


def _fmt(value: datetime | None, tz: ZoneInfo, with_time: bool = True) -> str:
    if value is None:
        return "-"
    local = value.astimezone(tz)
    return local.strftime("%d %b %Y %H:%M" if with_time else "%d %b %Y")


def _days_ago(days: int | None) -> str:
    if days is None:
        return "no events yet"
    return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"


def _told(notes: Iterable[ToldNote], tz: ZoneInfo, opted_out: bool = False) -> str:
    parts = [n.kind.replace("_", " ") + (f" sent {_fmt(n.at, tz, False)}" if n.state == "sent" else f" ({n.state})")
             for n in notes]
    earlier = len(parts) - TOLD_SHOWN
    if earlier > 0:  # the latest messages say what the buyer knows now; the rest are counted
        parts = [f"{earlier} earlier message{'s' if earlier != 1 else ''}", *parts[-TOLD_SHOWN:]]
    told = "; ".join(parts) if parts else "nothing yet"
    return told + (" — the buyer unsubscribed: write to them yourself" if opted_out else "")


@cache
def _env() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["days_ago"] = _days_ago
    env.filters["days_left"] = _days_left
    env.filters["resolution"] = _resolution
    env.filters["signed"] = _signed
    env.filters["rate"] = _rate
    env.filters["kind_title"] = lambda k: KIND_TITLES.get(k, str(k).replace("_", " "))
    return env


def heading(digest: Digest) -> str:
    what = {"daily": "Daily digest", "weekly": "Weekly review"}.get(digest.period, "Digest preview")
    return f"{what} — {digest.store_name}"


def subject(digest: Digest) -> str:
    if digest.is_quiet:
        return f"[trackmon] {heading(digest)}: all quiet"
    f = digest.figures
    return (f"[trackmon] {heading(digest)}: {digest.open_total} open exception"
            f"{'s' if digest.open_total != 1 else ''} ({digest.new_open} new) on {f.orders_with_open} "
            f"order{'s' if f.orders_with_open != 1 else ''}, {f.at_risk} at risk")


def _days_left(left: int | None) -> str:
    """Pickup: '4 days left before it goes back' / 'the hold ends today' / 'hold ended 11 days ago'."""
    if left is None:
        return ""
    if left < 0:
        return f"hold ended {-left} day{'s' if left != -1 else ''} ago"
    if left == 0:
        return "the hold ends today"
    return f"{left} day{'s' if left != 1 else ''} left before it goes back"


def _resolution(row: DigestRow) -> str:
    if row.resolved_by == RESOLVED_ESCALATED:
        return f"escalated to {KIND_TITLES.get(row.escalated_to or '', 'a worse problem').lower()}"
    if row.resolved_by == "manual":
        return "closed by you"
    return f"closed by trackmon, no longer holds; last event: {row.last_event}"


def _signed(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:+g}{unit}" if value else f"±0{unit}"


def _median(value: float | None, samples: int) -> str:
    return f"{value:g} d (n={samples})" if value is not None else f"too few (n={samples})"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _context(digest: Digest) -> dict[str, Any]:
    tz = _zone(digest)
    f = digest.figures
    charted = [t for t in f.transit if t.samples >= MIN_CHART_SAMPLES]
    on_time = "-" if f.on_time_rate is None else f"{f.on_time_rate:.0%}"
    return {
        "digest": digest, "f": f, "heading": heading(digest), "on_time": on_time,
        "told": lambda notes, opted_out=False: _told(notes, tz, opted_out),
        "local_date": lambda value: _fmt(value, tz, False), "median": _median,
        "min_samples": MIN_CHART_SAMPLES, "charted": charted, "trend": digest.trend,
        "window": f"{_fmt(digest.window_start, tz)} – {_fmt(digest.window_end, tz)} ({digest.timezone})",
        "tiles": [("active parcels", f.active_parcels), ("active orders", f.active_orders),
                  ("orders with open exceptions", f.orders_with_open), ("orders at risk of a dispute", f.at_risk),
                  ("delivered", f.delivered), ("on time", on_time),
                  ("messages sent", f.messages_sent), ("messages failed", f.messages_failed)],
        "kinds_chart": bar_chart([(g.title, g.total) for g in digest.groups], title="Open exceptions by kind"),
        "transit_chart": bar_chart([(f"{t.country} · {t.carrier} (n={t.samples})", t.median_days)
                                    for t in charted],
                                   title="Median transit days", unit=" d", color="#0275d8"),
    }


def _render(name: str, digest: Digest) -> str:
    try:
        out = _env().get_template(name).render(**_context(digest))
    except TemplateSyntaxError as exc:
        raise TemplateError(exc.message or "syntax error", path=str(TEMPLATES / name), line=exc.lineno) from None
    except JinjaTemplateError as exc:
        raise TemplateError(str(exc), path=str(TEMPLATES / name)) from None
    if len(out) > MAX_OUTPUT_CHARS:
        raise TemplateError(f"rendered digest is larger than {MAX_OUTPUT_CHARS} characters",
                            path=str(TEMPLATES / name))
    return out


def render_text(digest: Digest) -> str:
    return _render("digest.txt.j2", digest)


def render_html(digest: Digest) -> str:
    return _render("digest.html.j2", digest)


def render_rich(digest: Digest) -> RenderableType:
    """The digest for a terminal: figures panel, then one table per kind."""
    tz = _zone(digest)
    ctx = _context(digest)
    top = Text()
    top.append(ctx["window"] + "\n", style="dim")
    if digest.is_quiet:
        top.append("All quiet: no open exceptions, nothing opened or resolved in this period.")
        return Panel(top, title=heading(digest))
    for label, value in ctx["tiles"]:
        top.append(f"{label}: ", style="dim")
        top.append(f"{value}   ", style="bold")
    top.append(f"\nexceptions: {digest.open_total} open = {digest.new_open} new + {digest.still_open} "
               f"from before; {digest.resolved} resolved, {digest.escalated} escalated since the last digest")
    parts: list[RenderableType] = [Panel(top, title=heading(digest))]
    for g in digest.groups:
        table = Table(title=f"{g.title} ({g.total})", title_justify="left", expand=True, show_lines=False)
        for name in ("order", "buyer", "country", "carrier", "tracking number", "last event", "told buyer", "do"):
            table.add_column(name, overflow="fold")
        for r in g.rows:
            flags = (" [new]" if r.new else "") + (" [at risk]" if r.at_risk else "")
            last = r.last_event + (f"\n{_days_left(r.days_left)}" if r.days_left is not None else "")
            table.add_row(*(Text(v) for v in (r.order_id + flags, r.buyer, r.country or "?", r.carrier or "?",
                                              r.tracking_number, last, _told(r.told, tz, r.buyer_opted_out),
                                              r.action)))
        if g.hidden:
            table.caption = f"… and {g.hidden} more: trackmon alerts --kind {g.kind} --store {digest.store}"
        parts.append(table)
    if digest.figures.transit:
        transit = Table(title="Median transit days", title_justify="left")
        for name in ("country", "carrier", "median days", "parcels"):
            transit.add_column(name)
        for t in digest.figures.transit:
            shown = f"{t.median_days:g}" if t.samples >= MIN_CHART_SAMPLES else "too few"
            transit.add_row(t.country, t.carrier, shown, str(t.samples))
        parts.append(transit)
    return Group(*parts)
