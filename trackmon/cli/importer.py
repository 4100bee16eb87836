"""`trackmon import FILE` (or `-` for standard input): orders and their parcels.

The file may be trackmon's own columns or a shop's export (Shopify, WooCommerce,
AliExpress, Amazon, eBay: the preset is detected from the header, or given with
--preset); `[intake.columns]` in the config maps other header names.

Exit codes: 0 when every row was imported (added, updated or already there; rows of
orders not shipped yet are skipped and counted), 7 (input error) when some rows were
rejected — those are listed with their line number and reason; the other rows are
imported all the same. A header without an order id or tracking column imports nothing
and exits 7.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trackmon.cli.common import ExitCode, handle_errors, out_console, state
from trackmon.cli.progress import bars, interactive

if TYPE_CHECKING:  # the intake modules are imported by the command, not by `trackmon --help`
    from trackmon.csv_import import CsvTable, ImportOptions
    from trackmon.intake import IntakeReport

HELP = ("Import orders from a CSV file ('-' reads standard input): trackmon's columns (order_id, "
        "tracking_number; optional buyer_email, buyer_name, buyer_language, buyer_country, buyer_timezone, "
        "shipped_at, promised_delivery, carrier, store) or a shop's order export (Shopify, WooCommerce, "
        "AliExpress, Amazon, eBay; detected from the header). Several tracking numbers in one cell are "
        "one order in several parcels. Re-importing a file changes nothing. Exit 0: all rows imported; "
        "7: some rows rejected (listed with line and reason) or the file is unusable.")


class PresetName(StrEnum):
    shopify = "shopify"
    woocommerce = "woocommerce"
    aliexpress = "aliexpress"
    amazon = "amazon"
    ebay = "ebay"
    trackmon = "trackmon"


class DateOrder(StrEnum):
    dmy = "dmy"
    mdy = "mdy"


def import_cmd(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="CSV file, or - for standard input.", metavar="FILE",
                                         dir_okay=False, allow_dash=True)],
    preset: Annotated[PresetName | None, typer.Option(
        "--preset", "-p", help="Column preset (default: detected from the header, else intake.preset).",
        case_sensitive=False)] = None,
    date_format: Annotated[DateOrder | None, typer.Option(
        "--date-format", help="How to read 03/04/2026: dmy (day first) or mdy (month first); "
        "default intake.date_format. Unambiguous dates are read either way.")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="File encoding (default: detected among UTF-8, UTF-16 and GB18030).")] = None,
    delimiter: Annotated[str | None, typer.Option(
        "--delimiter", "-d", help="Column separator (default: detected among , ; and tab).")] = None,
    store: Annotated[str | None, typer.Option(
        "--store", help="Store of rows whose store column is empty (default: 'default').")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON (no progress bar).")] = False,
) -> None:
    run_import(ctx, str(path), delimiter, store, as_json, preset=preset, date_format=date_format,
               encoding=encoding)


@handle_errors
def run_import(ctx: typer.Context, path: str, delimiter: str | None, store: str | None, as_json: bool, *,
               preset: str | None = None, date_format: str | None = None, encoding: str | None = None) -> None:
    from trackmon.clock import utcnow
    from trackmon.csv_import import ImportOptions, import_table
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.errors import InputError
    from trackmon.intake import RowOptions
    from trackmon.messaging.render import load_renderer

    if delimiter is not None:
        delimiter = "\t" if delimiter in ("\\t", "tab") else delimiter
        if len(delimiter) != 1:
            raise typer.BadParameter("the delimiter is one character", param_hint="--delimiter")
    if path != "-" and not Path(path).is_file():
        raise InputError(f"{path} does not exist or is not a file")
    app_state = state(ctx)
    settings = app_state.settings()
    shown = interactive(as_json)
    if shown and not app_state.verbose:  # the bar and the summary tell the story: only warnings as lines
        from trackmon.logs import configure_logging
        configure_logging(app_state.log_format or settings.log.format, "warning")
    renderer = load_renderer(settings)
    rows = RowOptions(date_order=str(date_format) if date_format else settings.intake.date_format,
                      languages=frozenset(renderer.languages()),
                      fallback_language=renderer.resolve_language(settings.messaging.default_language))
    options = ImportOptions(delimiter=delimiter, preset=str(preset) if preset else None,
                            columns=settings.intake.columns, encoding=encoding, default_store=store, rows=rows)
    table = _load(path, options, settings.intake.preset)
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        with bars(shown) as progress:
            advance = progress.task(f"importing {table.preset} rows", total=table.total_lines)
            report = import_table(engine, table, utcnow(), options=options, progress=advance)
            if table.total_lines is not None:  # trailing blank lines: the bar ends full
                advance(table.total_lines, total=table.total_lines)
    finally:
        engine.dispose()
    if as_json:
        out_console.print_json(json.dumps({**report.as_dict(), "preset": table.preset, "encoding": table.encoding,
                                           "ignored_columns": list(table.ignored_columns)}))
    else:
        _print_summary(path, table, report)
    if report.rejected:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


def _load(path: str, options: ImportOptions, fallback_preset: str | None) -> CsvTable:
    """Read the header; when nothing is detected and intake.preset is set, use that preset."""
    from dataclasses import replace

    from trackmon.csv_import import load_table
    from trackmon.errors import InputError

    try:
        return load_table(path, options)
    except InputError as exc:
        if fallback_preset and options.preset is None and "matches no preset" in str(exc):
            return load_table(path, replace(options, preset=fallback_preset))
        raise


def _print_summary(path: str, table: CsvTable, report: IntakeReport) -> None:
    from rich.markup import escape
    from rich.table import Table

    source = "standard input" if path == "-" else path
    out_console.print(f"[bold]{escape(source)}[/] ({table.preset}, {table.encoding}): "
                      f"[green]{report.added} added[/], "
                      f"[cyan]{report.updated} updated[/], {report.unchanged} unchanged, "
                      + (f"{report.skipped} without a tracking number (not shipped yet, or an order's "
                         "next line item), " if report.skipped else "") +
                      f"[{'red' if report.rejected else 'green'}]{len(report.rejected)} rejected[/]")
    if table.ignored_columns:
        shown = ", ".join(table.ignored_columns[:8]) + (", …" if len(table.ignored_columns) > 8 else "")
        out_console.print(f"{len(table.ignored_columns)} column(s) not read: {escape(shown)}")
    for reason, n in sorted(report.warnings.items()):
        out_console.print(f"[yellow]warning[/]: {n} row(s): {escape(reason)}")
    if report.rejected:
        t = Table("line", "reason", title="Rejected rows", title_justify="left")
        for r in report.rejected:
            t.add_row(str(r.line) if r.line is not None else "-", escape(r.reason))
        out_console.print(t)


def register(app: typer.Typer) -> None:
    app.command("import", help=HELP, short_help="Import orders from a CSV file: trackmon's columns or a shop's "
                "export (Shopify, WooCommerce, AliExpress, Amazon, eBay).")(import_cmd)
