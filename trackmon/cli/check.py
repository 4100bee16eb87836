"""`trackmon check <tracking-no>...`: where is it, what status, which exceptions and why."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from trackmon.cli.common import ExitCode, handle_errors, out_console, state
from trackmon.cli.progress import bars, interactive
from trackmon.errors import ConfigError, InvalidTrackingNumber

if TYPE_CHECKING:  # the carriers, the HTTP stack and detection load when the command runs, not for --help
    from trackmon.check_report import CheckResult
    from trackmon.settings import Settings
    from trackmon.tracking import Routed

_EXIT = {
    None: ExitCode.OK, "not_found": ExitCode.NOT_FOUND, "invalid_number": ExitCode.INVALID_NUMBER,
    "carrier_failure": ExitCode.CARRIER_FAILURE, "config_error": ExitCode.CONFIG_ERROR,
}


def register(app: typer.Typer) -> None:
    app.command("check")(check)


@handle_errors
def check(
    ctx: typer.Context,
    numbers: Annotated[list[str], typer.Argument(help="One or more tracking numbers.")],
    carrier: Annotated[str | None, typer.Option(
        "--carrier", help="Carrier or adapter name (`trackmon carrier list` shows them); "
        "overrides detection from the number's format.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Track parcels now and explain their status, exceptions and the next buyer message.

    Exit codes: 0 ok, 3 not found, 4 invalid number, 5 carrier failure, 6 configuration error
    (the worst across all numbers).
    """
    import asyncio

    from trackmon.check_report import worst_error

    settings = state(ctx).settings()
    shown = len(numbers) > 1 and interactive(as_json)
    with bars(shown) as progress:
        results = asyncio.run(check_numbers(settings, numbers, carrier,
                                            progress=progress.task("tracking", total=len(numbers))))
    if as_json:
        payload = [r.to_json() for r in results]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
    else:
        for result in results:
            print_result(result)
    raise typer.Exit(int(_EXIT[worst_error(results)]))


async def check_numbers(settings: Settings, numbers: list[str], carrier: str | None,
                        progress: Callable[[int], None] | None = None) -> list[CheckResult]:
    from carriers.base import batches
    from trackmon.advice import next_buyer_message
    from trackmon.carrier_check import check_mismatch
    from trackmon.check_report import CheckResult, problem_result
    from trackmon.clock import utcnow
    from trackmon.detect import detect_shipment
    from trackmon.domain import Status
    from trackmon.http import make_client
    from trackmon.tracking import CarrierSet

    async with make_client() as client:
        carrier_set = CarrierSet(settings, client)
        results: dict[str, CheckResult] = {}
        routed: list[Routed] = []
        by_number: dict[str, str] = {}  # normalized → as typed
        for number in numbers:
            try:
                item = carrier_set.route(number, carrier)
            except InvalidTrackingNumber as exc:
                results[number] = CheckResult(number, error_kind="invalid_number", error=exc.reason)
                continue
            except ConfigError as exc:
                results[number] = CheckResult(number, error_kind="config_error", error=str(exc))
                continue
            routed.append(item)
            by_number[item.request.number] = number
            results[number] = CheckResult(item.request.number, carrier=item.request.carrier_hint,
                                          source=item.adapter.name)
        now = utcnow()
        outcomes = []
        done = len(numbers) - len(routed)  # refused before asking a carrier
        # asked a batch at a time (the largest batch of the adapters used): the progress bar moves per batch
        for chunk in batches(routed, max((r.adapter.max_batch for r in routed), default=1)):
            outcomes.extend(await carrier_set.track(chunk))
            done += len(chunk)
            if progress is not None:
                progress(done)
        for outcome in outcomes:
            if outcome.error is not None:
                for item in outcome.routed:
                    res = results[by_number[item.request.number]]
                    res.error_kind, res.error = "carrier_failure", str(outcome.error)
                continue
            assert outcome.result is not None
            for snap in outcome.result.snapshots:
                original = by_number.get(snap.tracking_number)
                if original is None:
                    continue
                res = results[original]
                res.snapshot = snap
                res.carrier_mismatch = check_mismatch(res.carrier, snap)
                res.carrier = res.carrier or snap.last_mile_carrier
                res.alerts = detect_shipment(snap, now, settings.detection)
                res.next_message = next_buyer_message(snap, res.alerts)
                if snap.status == Status.not_found and not snap.events:
                    res.error_kind = "not_found"
                    res.error = f"{res.source} has no tracking information for this number yet"
            for problem in outcome.result.problems:
                original = by_number.get(problem.tracking_number)
                if original is not None:
                    prev = results[original]
                    results[original] = problem_result(problem, prev.source or "", prev.carrier)
        return [results[n] for n in numbers]


_STYLE = {"delivered": "green", "delivery_failed": "red", "returning": "red", "returned": "red",
          "exception": "red", "expired": "red", "available_for_pickup": "yellow",
          "out_for_delivery": "cyan", "unknown": "magenta"}


def _mismatch_line(result: CheckResult) -> Text:
    bad = result.carrier_mismatch or {}
    return Text.assemble(("\n⚠ Carrier ", "bold yellow"),
                         f"{bad.get('source')} tracks it as {bad.get('aggregator')}, trackmon knows it as "
                         f"{bad.get('offline')}: trackmon carrier set {result.tracking_number} {bad.get('offline')}")


def print_result(result: CheckResult) -> None:
    from trackmon.check_report import local_time, why

    console = out_console
    if result.error_kind:
        text = Text(result.error or "", style="red")
        if result.carrier_mismatch:
            text.append_text(_mismatch_line(result))
        console.print(Panel(text,
                            title=f"{result.tracking_number} — {result.error_kind.replace('_', ' ')}",
                            title_align="left", border_style="red"))
        return
    snap = result.snapshot
    assert snap is not None
    status = snap.status.value + (f" / {snap.sub_status.value}" if snap.sub_status else "")
    head = Text.assemble(
        ("Status  ", "bold"), (status, _STYLE.get(snap.status.value, "bold")),
        ("\nCarrier ", "bold"), f"{result.carrier or 'auto-detected'} (via {result.source})",
        ("\nRoute   ", "bold"), f"{snap.origin_country or '?'} → {snap.destination_country or '?'}",
    )
    if snap.eta_from or snap.eta_to:
        head.append_text(Text.assemble(("\nETA     ", "bold"), f"{snap.eta_from or '?'} – {snap.eta_to or '?'}"))
    if result.carrier_mismatch:
        head.append_text(_mismatch_line(result))
    console.print(Panel(head, title=result.tracking_number, title_align="left"))
    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column("time (UTC)", no_wrap=True)
    table.add_column("local", no_wrap=True)
    table.add_column("location")
    table.add_column("event")
    table.add_column("status", no_wrap=True)
    table.add_column("why")
    for ev in snap.events:
        local = local_time(ev)
        table.add_row(ev.time.strftime("%Y-%m-%d %H:%M"),
                      local.strftime("%H:%M %z") if local else "",
                      ev.location or "", ev.description,
                      ev.status.value + (f"/{ev.sub_status.value}" if ev.sub_status else ""),
                      Text(why(ev)["text"], style="dim"))
    console.print(table if snap.events else Text("no tracking events yet", style="dim"))
    if result.alerts:
        for alert in result.alerts:
            console.print(Text.assemble(("⚠ ", "yellow"), (alert.kind.value, "bold yellow"), f": {alert.reason}"))
    else:
        console.print(Text("no exceptions", style="green"))
    if result.next_message:
        console.print(Text.assemble(("Next buyer message: ", "bold"), (result.next_message.kind, "cyan"),
                                    f" — {result.next_message.summary}"))
    console.print()
