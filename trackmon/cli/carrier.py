"""`trackmon carrier set NUMBER CARRIER`: fix a wrong carrier guess at the aggregator and re-track."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from trackmon.cli.common import handle_errors, out_console, state

if TYPE_CHECKING:  # the carriers, the database and the HTTP stack load when the command runs
    from trackmon.carrier_set import CarrierSetResult
    from trackmon.settings import Settings

carrier_app = typer.Typer(help="Carriers: list what trackmon knows; correct a wrong guess of the aggregator.",
                          no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(carrier_app, name="carrier")


@carrier_app.command("set")
@handle_errors
def set_cmd(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(help="The parcel's tracking number.")],
    carrier: Annotated[str, typer.Argument(help="trackmon carrier name (`trackmon carrier list` shows them).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Tell the aggregator (17TRACK changecarrier, AfterShip slug) the right carrier; the parcel
    is polled again at the next cycle."""
    import asyncio

    settings = state(ctx).settings()
    result = asyncio.run(_run(settings, number, carrier))
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    fix = result.correction
    told = (f"{result.source} {fix.action} ({fix.previous_code or 'no carrier'} → {fix.code})" if fix
            else f"tracked directly by {result.source}")
    out_console.print(Text.assemble(
        (result.tracking_number, "bold"), f": carrier {result.previous_carrier or 'unknown'} → ",
        (result.carrier, "bold green"), f"; {told}; re-tracked at the next poll "
        f"({result.shipments} parcel{'s' if result.shipments != 1 else ''})"))


@carrier_app.command("list")
@handle_errors
def list_cmd(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="The README's carrier tables.")] = False,
) -> None:
    """Every carrier trackmon knows (from the carrier manifests): kind, variables, number formats,
    aggregator codes, push webhook, and whether it is configured here."""
    from rich.table import Table

    from carriers import adapter_class
    from trackmon.carrier_doc import carrier_rows, markdown

    if as_markdown:
        typer.echo(markdown(), nl=False)
        return
    settings = state(ctx).settings()
    rows = carrier_rows()
    for row in rows:
        if row["kind"] == "offline":
            row["configured"] = None
        else:
            cs = settings.carrier(row["name"])
            row["configured"] = cs.enabled and not adapter_class(row["name"]).missing_credentials(cs)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("carrier", "kind", "configured", "number formats", "17track", "aftership", "webhook")
    for row in rows:
        configured = {None: "-", True: "yes", False: "no: set " + " and ".join(row["variables"])}[row["configured"]]
        table.add_row(f"{row['label']} ({row['name']})", row["kind"], configured, "\n".join(row["formats"]) or "-",
                      str(row["codes"].get("17track", "-")), str(row["codes"].get("aftership", "-")),
                      row["webhook"] or "-")
    out_console.print(table)


async def _run(settings: Settings, number: str, carrier: str) -> CarrierSetResult:
    from trackmon.carrier_set import set_carrier
    from trackmon.clock import utcnow
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.http import make_client
    from trackmon.tracking import CarrierSet

    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        async with make_client() as client:
            return await set_carrier(engine, CarrierSet(settings, client), number, carrier, utcnow())
    finally:
        engine.dispose()
