"""`trackmon demo`: weeks of a seller's parcels played in seconds, shown as they happen.

Nothing to configure: see `trackmon.demo`. Events are printed above a progress bar; the
run ends with a summary and the folders where the buyer emails and seller digests are.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from trackmon.cli.common import ExitCode, handle_errors, out_console

if TYPE_CHECKING:  # the demo machinery is imported when the command runs, not for `--help`
    from rich.progress import Progress

    from trackmon.demo import DemoEvent, DemoPaths, DemoSummary

_STYLE = {"imported": ("cyan", "order"), "status": ("blue", "status"), "alert": ("bold red", "ALERT"),
          "resolved": ("green", "resolved"), "message": ("magenta", "email"), "digest": ("yellow", "digest"),
          "error": ("bold red", "ERROR")}


def event_line(event: DemoEvent) -> str:
    """One line of Rich markup for an event."""
    style, label = _STYLE.get(event.kind, ("white", event.kind))
    when = f"[dim]{event.at:%b %d %H:%M}[/]"
    who = " ".join(escape(x) for x in (event.order_id, event.tracking_number) if x)
    name, detail = escape(event.name), escape(event.detail)
    match event.kind:
        case "imported":
            text = f"{who}  {detail}  [dim]journey: {name}[/]"
        case "status":
            text = f"{who}  [bold]{name}[/]  [dim]{detail}[/]"
        case "alert":
            text = f"{who}  [bold]{name}[/]: {detail}"
        case "resolved":
            text = f"{who}  {name} ({detail})"
        case "message":
            text = f"{who}  [bold]{name}[/] {detail}"
        case "digest":
            text = f"{name} digest {detail} written"
        case _:
            text = f"{name}: {detail}"
    return f"{when} [{style}]{label:<8}[/] {text}"


class RichReporter:
    """Prints events above a progress bar of simulated days (daily digests are only counted)."""

    def __init__(self, console: Console, progress: Progress) -> None:
        self.console = console
        self.bar = progress
        self.task = progress.add_task("starting", total=1.0)
        self.daily_digests = 0
        self.messages = 0
        self.alerts = 0

    def started(self, paths: DemoPaths, start: datetime, end: datetime, orders: int, parcels: int) -> None:
        days = (end - start).days
        self.console.print(f"[bold]trackmon demo[/]: {orders} orders, {parcels} parcels from Shenzhen, "
                           f"{days} simulated days ({start:%b %d} → {end:%b %d %Y})")
        self.console.print(f"[dim]simulated 17TRACK on 127.0.0.1, SQLite and outputs in {escape(str(paths.root))}[/]")

    def event(self, event: DemoEvent) -> None:
        if event.kind == "digest" and event.name == "daily":
            self.daily_digests += 1
            return
        self.messages += event.kind == "message"
        self.alerts += event.kind == "alert"
        self.bar.console.print(event_line(event), soft_wrap=True)

    def progress(self, now: datetime, done: float) -> None:
        self.bar.update(self.task, completed=done, description=(
            f"{now:%b %d}  alerts {self.alerts}  emails {self.messages}  daily digests {self.daily_digests}"))


def print_summary(console: Console, summary: DemoSummary) -> None:
    console.print()
    console.print(f"[bold]Done[/]: {summary.cycles} daemon cycles over {(summary.end - summary.start).days} "
                  f"simulated days in {summary.real_seconds:.0f} s.")
    tables = [
        _table("Parcels by status", ("status", "parcels"), sorted(summary.parcels_by_status.items())),
        _table("Alerts by kind", ("kind", "opened", "open now"),
               [(k, n, summary.open_alerts_by_kind.get(k, 0)) for k, n in sorted(summary.alerts_by_kind.items())]),
        _table("Emails sent by kind", ("kind", "sent"), sorted(summary.messages_by_kind.items())),
        _table("By language", ("language", "sent"), sorted(summary.messages_by_language.items())),
        _table("Seller digests", ("period", "written"), sorted(summary.digests_by_period.items())),
    ]
    for table in tables:
        console.print(table)
    waiting = {k: v for k, v in summary.messages_by_state.items() if k != "sent"}
    if waiting:
        console.print("[dim]not sent (yet): " + ", ".join(f"{k} {v}" for k, v in sorted(waiting.items()))
                      + " — queued messages wait for the buyer's local daytime window[/]")
    paths = summary.paths
    console.print(f"\n[bold]Read the buyer emails[/]: {escape(str(paths.messages))}  "
                  f"({summary.message_files} .eml files; open them in any mail client, or `less` them)")
    console.print(f"[bold]Read the seller digests[/]: {escape(str(paths.digests))}  "
                  f"({summary.digest_files} HTML files)")
    console.print(f"[bold]Database[/]: {escape(str(paths.database))}  e.g. "
                  f"[dim]TRACKMON_DATABASE_URL=sqlite:///{escape(str(paths.database))} trackmon lanes[/]")
    for error in summary.errors:
        console.print(f"[bold red]step failed[/]: {escape(error)}")


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> Table:
    table = Table(*columns, title=title, title_justify="left", min_width=34)
    for row in rows:
        table.add_row(*(str(v) for v in row))
    if not rows:
        table.add_row(*("—" for _ in columns))
    return table


@handle_errors
def demo_cmd(
    directory: Annotated[Path | None, typer.Option(
        "--dir", help="Folder for the database, emails and digests (default: a new temporary folder).",
        file_okay=False)] = None,
    speed: Annotated[float, typer.Option(
        "--speed", help="Simulated days per real second at most; 0 = as fast as the machine goes.")] = 0.0,
    days: Annotated[int | None, typer.Option(
        "--days", help="Simulated days to play (default: the whole demo story).", min=1)] = None,
    orders: Annotated[int | None, typer.Option("--orders", help="Only the first N demo orders.")] = None,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Afterwards serve the seller console and buyer tracking pages on 127.0.0.1.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port of --serve.", min=1, max=65535)] = 8080,
) -> None:
    """See trackmon work: weeks of parcels to buyers in eight countries, played in seconds, no setup."""
    import asyncio

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from trackmon.demo import DemoOptions, run_demo
    from trackmon.demo_data import DEFAULT_DAYS
    from trackmon.logs import configure_logging

    configure_logging("console", "error")   # the demo's own display says what happens
    public_base_url = None
    if serve:
        from trackmon.daemon import bind_api_socket
        from trackmon.demo_serve import HOST, public_url
        bind_api_socket(HOST, port).close()  # a busy port fails now, not after the demo
        public_base_url = public_url(port)
    options = DemoOptions(directory=directory, days=DEFAULT_DAYS if days is None else days, speed=speed,
                          orders=orders, public_base_url=public_base_url).checked()
    console = out_console
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        summary = asyncio.run(run_demo(options, RichReporter(console, progress)))
    print_summary(console, summary)
    if summary.errors:
        raise typer.Exit(int(ExitCode.ERROR))
    if serve:
        _serve(console, summary.paths, port)


def _serve(console: Console, paths: DemoPaths, port: int) -> None:
    import asyncio

    from trackmon.demo_serve import ServeInfo, new_password, serve_demo

    def announce(info: ServeInfo) -> None:
        console.print(f"\n[bold]Seller console[/]: {info.url}  password: [bold]{info.password}[/]")
        if info.tracking_page:
            console.print(f"[bold]A buyer's tracking page[/]: {info.tracking_page}")
        console.print("[dim]Ctrl-C stops the server; the demo folder stays.[/]")

    asyncio.run(serve_demo(paths, port, new_password(), announce))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)
