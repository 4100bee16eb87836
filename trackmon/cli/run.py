"""`trackmon run`: the daemon (scheduler + HTTP API); `trackmon run --once`: one cycle.

Start-up: settings → logs → engine → schema upgrade → carriers (a carrier without
credentials is skipped with one `carrier.skipped` warning) → daemon. SIGTERM/SIGINT end
the daemon cleanly with exit 0 after the in-flight cycle finished or released its leases.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trackmon.cli.common import ExitCode, fail, handle_errors, out_console, state
from trackmon.cli.progress import Bars, bars, interactive

if TYPE_CHECKING:  # the engine, HTTP and cycle modules load when the command runs, not for --help
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
    import asyncio

    from trackmon.db import make_engine, upgrade_schema

    app_state = state(ctx)
    settings = app_state.settings()
    serve_api = not once and not no_api and settings.api.enabled
    check_settings(settings, serve_api=serve_api)
    shown = once and interactive(as_json)
    if shown and not app_state.verbose:  # the bars and the table tell the story: only warnings as lines
        from trackmon.logs import configure_logging
        configure_logging(app_state.log_format or settings.log.format, "warning")
    engine = make_engine(settings.database_url)
    try:
        upgrade_schema(engine)
        with bars(shown) as progress:
            report = asyncio.run(_main(engine, settings, once=once, serve_api=serve_api,
                                       progress=progress if shown else None))
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
    machines without a token. Without a token the allowed routes are said in one log line.
    A buyer language folder missing a file or a word stops it too (exit 7, the file named), and
    so does a `messaging.default_language` without a folder (exit 6)."""
    import asyncio

    import structlog

    from trackmon.errors import ConfigError
    from trackmon.locales import catalog
    from trackmon.messaging.channels import build_channel
    from trackmon.messaging.kinds import ALL_KINDS

    languages = catalog()
    languages.check(ALL_KINDS)
    default = settings.messaging.default_language
    if default.strip().lower().replace("_", "-").split("-", 1)[0] not in languages:
        raise ConfigError(f"messaging.default_language {default!r} has no language folder "
                          f"(languages: {', '.join(languages.codes)})", key="messaging.default_language")

    async def _probe() -> None:
        await build_channel(settings).aclose()  # each channel checks its settings when built

    asyncio.run(_probe())
    if serve_api:
        from trackmon.api.auth import anonymous_notice, check_exposure

        check_exposure(settings)
        notice = anonymous_notice(settings)
        if notice:
            structlog.get_logger("trackmon.run").warning("api.no_token", detail=notice)


async def _main(engine: Any, settings: Settings, *, once: bool, serve_api: bool, progress: Bars | None = None) -> Any:
    from trackmon.clock import make_owner, utcnow
    from trackmon.http import make_client
    from trackmon.lazy_carriers import LazyCarriers

    owner = make_owner()
    async with make_client() as client:
        def build() -> Any:
            from trackmon.tracking import CarrierSet  # adapters and the classifier: loaded when needed

            built = CarrierSet(settings, client, clock=utcnow)
            built.log_skipped()
            return built

        # one cycle builds the carriers only if something is due; the daemon at start-up
        carrier_set: Any = LazyCarriers(build) if once else build()
        warn_short_lease(settings)
        if once:
            from trackmon.cycle import run_cycle

            now = utcnow()
            report = await run_cycle(engine, carrier_set, settings, now, owner=owner,
                                     progress=_step_bars(progress, engine, now) if progress else None)
            if progress is not None:
                progress.finish()
            return report
        from trackmon.daemon import Daemon  # the HTTP stack is loaded only for the daemon
        from trackmon.warm_up import warm_up

        warm_up(settings)  # templates validated and the classifier built once, before the first cycle
        await Daemon(engine, settings, carrier_set, owner=owner, serve_api=serve_api).run()
        return None


def _step_bars(progress: Bars, engine: Any, now: Any) -> Any:
    """One bar per step: the poll bar knows how many parcels are due; the others count up."""
    from trackmon.poller import count_due

    labels = {"poll": "poll parcels", "plan": "review orders", "dispatch": "send messages", "digests": "digests"}
    advances = {"poll": progress.task(labels["poll"], total=count_due(engine, now))}

    def step(name: str, done: int) -> None:
        if name not in advances:
            advances[name] = progress.task(labels.get(name, name), total=None)
        advances[name](done)

    return step


def warn_short_lease(settings: Settings) -> bool:
    """A claim must outlive one send: with a lease no longer than the SMTP timeout, a slow send
    can outlast its claim and another replica may send that message again."""
    lease, smtp_timeout = settings.polling.lease_seconds, settings.smtp.timeout_seconds
    if settings.messaging.channel == "smtp" and lease <= smtp_timeout:
        import structlog
        structlog.get_logger("trackmon.run").warning(
            "settings.lease_shorter_than_send", lease_seconds=lease, smtp_timeout_seconds=smtp_timeout,
            hint="set polling.lease_seconds above smtp.timeout_seconds, or a slow send may be repeated")
        return True
    return False


def _print_report(report: Any, as_json: bool) -> None:
    from trackmon.cli.cycle_table import failures_table, report_dict, steps_table

    data = report_dict(report)
    if as_json:
        out_console.print_json(json.dumps(data, default=str))
        return
    out_console.print(steps_table(data))
    failures = failures_table(data)
    if failures is not None:
        out_console.print(failures)


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
