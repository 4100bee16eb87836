"""`trackmon alerts`: list open exceptions (filters, JSON) and `alerts resolve <id>` by hand."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from trackmon.cli.common import handle_errors, out_console, state
from trackmon.errors import InputError

if TYPE_CHECKING:  # the database modules load when a command runs, not for --help
    from sqlalchemy import Engine

    from trackmon.models import Alert

PAGE = 500

alerts_app = typer.Typer(help="Open exceptions: list them, or resolve one by hand.", invoke_without_command=True,
                         no_args_is_help=False)


def _check_kind(kind: str | None) -> None:
    from trackmon.domain import AlertKind

    if kind is not None and kind not in AlertKind.__members__:
        raise InputError(f"--kind {kind!r} is not an alert kind; use one of: {', '.join(AlertKind)}", field="kind")


def resolve_alert(engine: Engine, alert_id: int, now: datetime) -> Alert:
    """Close one open alert by hand (`resolved_by="manual"`)."""
    from sqlalchemy import update
    from sqlmodel import Session, col

    from trackmon.models import Alert

    with Session(engine) as s:
        done = s.execute(update(Alert).where(Alert.id == alert_id, col(Alert.resolved_at).is_(None))
                         .values(resolved_at=now, resolved_by="manual"))
        s.commit()
        alert = s.get(Alert, alert_id)
        if alert is None:
            raise InputError(f"no alert with id {alert_id} (see `trackmon alerts --all`)", field="id")
        if done.rowcount != 1:
            raise InputError(f"alert {alert_id} is already resolved ({alert.resolved_by or 'auto'}, "
                             f"{alert.resolved_at.isoformat() if alert.resolved_at else '?'})", field="id")
        return alert


def _flags(row: dict[str, Any]) -> str:
    names = [("new", "NEW"), ("at_risk", "AT RISK"), ("escalated", "ESCALATED"), ("buyer_opted_out", "UNSUBSCRIBED")]
    return " ".join(label for key, label in names if row.get(key))


@alerts_app.callback()
@handle_errors
def list_alerts(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this alert kind (e.g. stalled).")] = None,
    store: Annotated[str | None, typer.Option("--store", help="Only this store.")] = None,
    carrier: Annotated[str | None, typer.Option("--carrier", help="Only parcels of this carrier.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include resolved alerts.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON array on stdout.")] = False,
) -> None:
    """List open exceptions (newest first)."""
    if ctx.invoked_subcommand is not None:
        return
    from trackmon.alert_listing import AlertFilter, iter_alerts
    from trackmon.clock import utcnow
    from trackmon.db import make_engine

    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    _check_kind(kind)
    flt = AlertFilter(which="all" if all_ else "open", kind=kind, store=store, carrier=carrier)
    rows = iter_alerts(engine, flt, now=utcnow(), settings=settings)
    if as_json:
        typer.echo("[", nl=False)
        for i, row in enumerate(rows):
            typer.echo(("," if i else "") + json.dumps(row, ensure_ascii=False), nl=False)
        typer.echo("]")
        return
    table = Table(title="Alerts" if all_ else "Open exceptions", title_justify="left")
    for name in ("id", "kind", "store", "order", "carrier", "tracking number", "country", "days open", "reason"):
        table.add_column(name, overflow="fold")
    if all_:
        table.add_column("resolved")
    count = 0
    for row in rows:
        count += 1
        flags = _flags(row)
        cells = [str(row["id"]), row["kind"], row["store"], row["order_id"] + (f"\n{flags}" if flags else ""),
                 row["carrier"] or "-", row["tracking_number"] or "(order)", row["country"] or "-",
                 str(row["days_open"]), row["reason"]]
        if all_:
            cells.append(f"{row['resolved_by']} {row['resolved_at'][:10]}" if row["resolved_at"] else "open")
        table.add_row(*(Text(c) for c in cells))
    if count == 0:
        out_console.print("No open exceptions." if not all_ else "No alerts.")
        return
    out_console.print(table)


@alerts_app.command("resolve")
@handle_errors
def resolve(ctx: typer.Context,
            alert_id: Annotated[int, typer.Argument(help="Alert id (from `trackmon alerts`).")]) -> None:
    """Close one exception by hand."""
    from trackmon.clock import utcnow
    from trackmon.db import make_engine

    settings = state(ctx).settings()
    alert = resolve_alert(make_engine(settings.database_url), alert_id, utcnow())
    out_console.print(f"resolved alert {alert.id} ({alert.kind})", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
