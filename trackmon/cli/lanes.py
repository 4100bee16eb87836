"""`trackmon lanes`: learned transit times per destination country and carrier.

The same table sellers put in listings ("delivery in 12–18 days to Germany").
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from trackmon.cli.common import handle_errors, out_console, state


def _days(value: object) -> str:
    return "—" if value is None else f"{value:g}"


@handle_errors
def lanes_cmd(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Recompute from delivered parcels first.")] = False,
) -> None:
    """Median and p90 transit days per destination country and carrier (learned lanes)."""
    from sqlmodel import Session

    from trackmon.clock import utcnow
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.lanes import lane_table, refresh_lanes

    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        if refresh:
            refresh_lanes(engine, utcnow())
        with Session(engine) as session:
            rows = lane_table(session, settings)
    finally:
        engine.dispose()
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        out_console.print("no lanes yet: figures are learned from delivered parcels "
                          f"(defaults: {settings.detection.default_transit_days} days transit)")
        return
    table = Table(title="Transit days by lane")
    for name, justify in (("Country", "left"), ("Carrier", "left"), ("Samples", "right"),
                          ("Median", "right"), ("P90", "right"), ("Stall intl", "right"),
                          ("Stall dest", "right"), ("Figures", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        source = "learned" if row["learned"] else f"defaults (< {row['min_samples']} samples)"
        table.add_row(str(row["country"]), str(row["carrier"]), str(row["samples"]), _days(row["median_days"]),
                      _days(row["p90_days"]), _days(row["stall_days_international"]),
                      _days(row["stall_days_destination"]), source)
    out_console.print(table)


def register(app: typer.Typer) -> None:
    app.command("lanes")(lanes_cmd)
