"""`trackmon outbox`: buyer messages queued, sent and failed; `trackmon outbox retry`."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from trackmon.cli.common import handle_errors, out_console, state

outbox_app = typer.Typer(help="Buyer messages: queued, sent, failed.", no_args_is_help=False)


@outbox_app.callback(invoke_without_command=True)
@handle_errors
def outbox_cmd(
    ctx: typer.Context,
    states: Annotated[list[str] | None, typer.Option(
        "--state", "-s", help="queued, sending, sent, failed, superseded, disabled, opted_out (repeatable).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this message kind.")] = None,
    order: Annotated[str | None, typer.Option("--order", help="Only this order id.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List buyer messages, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.logs import redact_email
    from trackmon.messaging.outbox import list_messages

    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        rows = list_messages(engine, states=states or (), kind=kind, order_id=order, limit=limit)
    finally:
        engine.dispose()
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        out_console.print("the outbox is empty for these filters")
        return
    table = Table(title="Outbox")
    for name in ("ID", "State", "Kind", "Order", "To", "Lang", "Tries", "When", "Detail"):
        table.add_column(name)
    for r in rows:
        unsent = ("failed", "superseded", "disabled", "opted_out", "queued")
        detail = r["last_error"] if r["state"] in unsent else r["subject"]
        table.add_row(str(r["id"]), str(r["state"]), str(r["kind"]), str(r["order_id"]),
                      redact_email(str(r["recipient"])), str(r["language"]), str(r["attempts"]),
                      str(r["sent_at"] or r["next_attempt_at"])[:16], str(detail or ""))
    out_console.print(table)


@outbox_app.command("retry")
@handle_errors
def retry_cmd(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(help="Message ids to queue again.")] = None,
    all_failed: Annotated[bool, typer.Option("--all-failed", help="Queue every failed message again.")] = False,
) -> None:
    """Queue failed messages again (attempts reset; sent at the next moment in the buyer's window)."""
    from trackmon.clock import utcnow
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.messaging.outbox import retry_messages

    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        done = retry_messages(engine, utcnow(), ids=ids or (), all_failed=all_failed)
    finally:
        engine.dispose()
    out_console.print(f"queued again: {len(done)} message(s)" + (f" ({', '.join(map(str, done))})" if done else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox")
