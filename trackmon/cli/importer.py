"""`trackmon import orders.csv` (or `-` for standard input): orders and their parcels.

Exit codes: 0 when every row was imported (added, updated or already there), 7 (input
error) when some rows were rejected — those are listed with their line number and reason;
the other rows are imported all the same. A header without a required column imports
nothing and exits 7.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from trackmon.cli.common import ExitCode, handle_errors, out_console, state
from trackmon.clock import utcnow
from trackmon.csv_import import CsvTable, import_csv
from trackmon.db import make_engine, upgrade_schema
from trackmon.intake import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, IntakeReport

HELP = (f"Import orders from a CSV file ('-' reads standard input). Required columns: "
        f"{', '.join(REQUIRED_COLUMNS)}; optional: {', '.join(OPTIONAL_COLUMNS)}. "
        "One row per parcel; rows sharing an order_id are one order in several parcels. "
        "Re-importing a file changes nothing. Exit 0: all rows imported; 7: some rows rejected "
        "(listed with line and reason) or the file is unusable.")


def import_cmd(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="CSV file, or - for standard input.",
                                        metavar="FILE")],
    delimiter: Annotated[str | None, typer.Option(
        "--delimiter", "-d", help="Column separator (default: detected among , ; and tab).")] = None,
    store: Annotated[str | None, typer.Option(
        "--store", help="Store of rows whose store column is empty (default: 'default').")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    run_import(ctx, path, delimiter, store, as_json)


@handle_errors
def run_import(ctx: typer.Context, path: str, delimiter: str | None, store: str | None,
               as_json: bool) -> None:
    if delimiter is not None:
        delimiter = "\t" if delimiter in ("\\t", "tab") else delimiter
        if len(delimiter) != 1:
            raise typer.BadParameter("the delimiter is one character", param_hint="--delimiter")
    if path != "-" and not Path(path).is_file():
        from trackmon.errors import InputError
        raise InputError(f"{path} does not exist or is not a file")
    settings = state(ctx).settings()
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        table, report = import_csv(engine, path, utcnow(), delimiter=delimiter, default_store=store)
    finally:
        engine.dispose()
    if as_json:
        out_console.print_json(json.dumps({**report.as_dict(),
                                           "ignored_columns": list(table.ignored_columns)}))
    else:
        _print_summary(path, table, report)
    if report.rejected:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


def _print_summary(path: str, table: CsvTable, report: IntakeReport) -> None:
    source = "standard input" if path == "-" else path
    out_console.print(f"[bold]{escape(source)}[/]: [green]{report.added} added[/], "
                      f"[cyan]{report.updated} updated[/], {report.unchanged} unchanged, "
                      f"[{'red' if report.rejected else 'green'}]{len(report.rejected)} rejected[/]")
    if table.ignored_columns:
        out_console.print(f"ignored column(s): {escape(', '.join(table.ignored_columns))}")
    if report.rejected:
        t = Table("line", "reason", title="Rejected rows", title_justify="left")
        for r in report.rejected:
            t.add_row(str(r.line) if r.line is not None else "-", escape(r.reason))
        out_console.print(t)


def register(app: typer.Typer) -> None:
    app.command("import", help=HELP)(import_cmd)
