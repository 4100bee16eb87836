"""`trackmon run`: the daemon (scheduler + HTTP API); `trackmon run --once`: one cycle.

Start-up: settings → logs → engine → schema upgrade → carriers (a carrier without
credentials is skipped with one `carrier.skipped` warning) → daemon. SIGTERM/SIGINT end
the daemon cleanly with exit 0 after the in-flight cycle finished or released its leases.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Annotated, Any

import structlog
import typer
from rich.table import Table

from trackmon.cli.common import ExitCode, fail, handle_errors, out_console, state
from trackmon.clock import make_owner, utcnow
from trackmon.db import make_engine, upgrade_schema
from trackmon.http import make_client
from trackmon.settings import Settings


def run_cmd(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Run one full cycle, print its report and exit.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --once: print the report as JSON.")] = False,
    no_api: Annotated[bool, typer.Option("--no-api", help="Do not serve the HTTP API.")] = False,
) -> None:
    """Watch parcels: poll what is due, detect exceptions, message buyers, send digests."""
    _run(ctx, once, as_json, no_api)


@handle_errors
def _run(ctx: typer.Context, once: bool, as_json: bool, no_api: bool) -> None:
    settings = state(ctx).settings()
    serve_api = not once and not no_api and settings.api.enabled
    check_settings(settings, serve_api=serve_api)
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        report = asyncio.run(_main(engine, settings, once=once, serve_api=serve_api))
    finally:
        engine.dispose()
    if once:
        _print_report(report, as_json)
        failed = sorted(getattr(report, "errors", None) or {})
        if failed:
            fail(f"cycle step(s) failed: {', '.join(failed)} (see the log)", ExitCode.CYCLE_FAILED)


def check_settings(settings: Settings, *, serve_api: bool) -> None:
    """What start-up refuses with one line and exit 6: a channel missing a setting it needs
    (smtp.host, smtp.mail_from, messaging.webhook_url...) and an API reachable from other
    machines without a token. Without a token the allowed routes are said in one log line."""
    from trackmon.messaging.channels import build_channel

    async def _probe() -> None:
        await build_channel(settings).aclose()  # each channel checks its settings when built

    asyncio.run(_probe())
    if serve_api:
        from trackmon.api.auth import anonymous_notice, check_exposure

        check_exposure(settings)
        notice = anonymous_notice(settings)
        if notice:
            structlog.get_logger("trackmon.run").warning("api.no_token", detail=notice)


async def _main(engine: Any, settings: Settings, *, once: bool, serve_api: bool) -> Any:
    from trackmon.tracking import CarrierSet

    owner = make_owner()
    async with make_client() as client:
        carrier_set = CarrierSet(settings, client, clock=utcnow)
        carrier_set.log_skipped()
        warn_short_lease(settings)
        if once:
            from trackmon.cycle import run_cycle
            return await run_cycle(engine, carrier_set, settings, utcnow(), owner=owner)
        from trackmon.daemon import Daemon  # the HTTP stack is loaded only for the daemon

        await Daemon(engine, settings, carrier_set, owner=owner, serve_api=serve_api).run()
        return None


def warn_short_lease(settings: Settings) -> bool:
    """A claim must outlive one send: with a lease no longer than the SMTP timeout, a slow send
    can outlast its claim and another replica may send that message again."""
    lease, smtp_timeout = settings.polling.lease_seconds, settings.smtp.timeout_seconds
    if settings.messaging.channel == "smtp" and lease <= smtp_timeout:
        structlog.get_logger("trackmon.run").warning(
            "settings.lease_shorter_than_send", lease_seconds=lease, smtp_timeout_seconds=smtp_timeout,
            hint="set polling.lease_seconds above smtp.timeout_seconds, or a slow send may be repeated")
        return True
    return False


def report_dict(report: Any) -> dict[str, Any]:
    if hasattr(report, "as_dict"):
        return dict(report.as_dict())
    if dataclasses.is_dataclass(report) and not isinstance(report, type):
        return dataclasses.asdict(report)
    return dict(vars(report)) if hasattr(report, "__dict__") else {"report": str(report)}


def _print_report(report: Any, as_json: bool) -> None:
    data = report_dict(report)
    if as_json:
        out_console.print_json(json.dumps(data, default=str))
        return
    table = Table("step", "figures", title="trackmon cycle", title_justify="left")
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
        table.add_row(key.replace("_", " "), str(value))
    out_console.print(table)


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
