"""`trackmon alerts`: list open exceptions (filters, JSON) and `alerts resolve <id>` by hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    from trackmon.settings import Settings

PAGE = 500

alerts_app = typer.Typer(help="Open exceptions: list them, or resolve one by hand.", invoke_without_command=True,
                         no_args_is_help=False)


def _check_kind(kind: str | None) -> None:
    from trackmon.domain import AlertKind

    if kind is not None and kind not in AlertKind.__members__:
        raise InputError(f"--kind {kind!r} is not an alert kind; use one of: {', '.join(AlertKind)}", field="kind")


def iter_alerts(engine: Engine, *, kind: str | None = None, store: str | None = None, carrier: str | None = None,
                include_resolved: bool = False, now: datetime,
                settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Alerts as JSON-able dicts, oldest first, read page by page; `new`, `at_risk`,
    `escalated` and `buyer_opted_out` as `trackmon.alert_queries` defines them (the digest's)."""
    from sqlmodel import Session, col, select

    from trackmon.alert_queries import alert_flags, at_risk_orders, new_cutoff, new_since, open_clause
    from trackmon.models import Alert, Order, Shipment
    from trackmon.optout import opted_out_orders

    _check_kind(kind)
    with Session(engine) as s:
        at_risk = at_risk_orders(s, store, now, settings)
        since = new_since(s, now)
    stmt = (select(Alert, Order.order_id, Order.store, Shipment.tracking_number, Shipment.carrier,
                   Shipment.destination_country, Order.buyer_country)
            .join(Order, col(Order.id) == col(Alert.order_pk))
            .join(Shipment, col(Shipment.id) == col(Alert.shipment_id), isouter=True))
    if not include_resolved:
        stmt = stmt.where(open_clause())
    if kind:
        stmt = stmt.where(Alert.kind == kind)
    if store:
        stmt = stmt.where(Order.store == store)
    if carrier:
        stmt = stmt.where(Shipment.carrier == carrier)
    last = 0
    while True:
        with Session(engine) as s:
            page = s.exec(stmt.where(col(Alert.id) > last).order_by(col(Alert.id)).limit(PAGE)).all()
            unsubscribed = opted_out_orders(s, (row[0].order_pk for row in page))
        if not page:
            return
        for alert, order_id, store_name, number, carrier_name, dest, buyer_country in page:
            flags = alert_flags(alert, new_cutoff_at=new_cutoff(since, store_name, now), at_risk=at_risk)
            yield {**flags, "buyer_opted_out": alert.order_pk in unsubscribed,
                "id": alert.id, "kind": alert.kind, "store": store_name, "order_id": order_id,
                "tracking_number": number, "carrier": carrier_name, "country": dest or buyer_country,
                "reason": alert.reason, "since": alert.since.isoformat() if alert.since else None,
                "opened_at": alert.opened_at.isoformat(), "days_open": max(0, (now - alert.opened_at).days),
                "resolved_at": alert.resolved_at.isoformat() if alert.resolved_at else None,
                "resolved_by": alert.resolved_by, "details": alert.details,
            }
        last = page[-1][0].id


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
    """List open exceptions (oldest first)."""
    if ctx.invoked_subcommand is not None:
        return
    from trackmon.clock import utcnow
    from trackmon.db import make_engine

    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    rows = iter_alerts(engine, kind=kind, store=store, carrier=carrier, include_resolved=all_, now=utcnow(),
                       settings=settings)
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
