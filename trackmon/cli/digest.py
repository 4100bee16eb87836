"""`trackmon digest --preview` (terminal or HTML file, nothing sent) and `trackmon digest --send`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trackmon.cli.common import ExitCode, fail, handle_errors, out_console, state
from trackmon.errors import InputError
from trackmon.files import write_private

if TYPE_CHECKING:  # the digest and database modules load when the command runs, not for --help
    from sqlalchemy import Engine

    from trackmon.digest.build import Digest
    from trackmon.digest.schedule import Period
    from trackmon.settings import Settings


def preview_digest(engine: Engine, settings: Settings, store: str, period: Period, now: datetime) -> Digest:
    """The digest as it would read now: since the last one sent for this period (or a day/week)."""
    from sqlmodel import Session, col, select

    from trackmon.digest.build import build_digest
    from trackmon.digest.runner import DONE_STATES
    from trackmon.digest.schedule import default_window_start
    from trackmon.models import DigestRun

    with Session(engine) as s:
        last = s.exec(select(DigestRun.window_end).where(
            DigestRun.store == store, DigestRun.period == period, col(DigestRun.state).in_(DONE_STATES),
            col(DigestRun.window_end) < now).order_by(col(DigestRun.window_end).desc()).limit(1)).first()
        return build_digest(s, store, period=period, period_key="preview",
                            window_start=last or default_window_start(period, now), window_end=now,
                            now=now, settings=settings)


def register(app: typer.Typer) -> None:
    @app.command("digest")
    @handle_errors
    def digest_cmd(
        ctx: typer.Context,
        preview: Annotated[bool, typer.Option("--preview", help="Render without sending.")] = False,
        send: Annotated[bool, typer.Option("--send", help="Send the digests that are due now.")] = False,
        store: Annotated[str | None, typer.Option("--store", help="Only this store (preview).")] = None,
        weekly: Annotated[bool, typer.Option("--weekly", help="The weekly review instead of the daily.")] = False,
        html: Annotated[Path | None, typer.Option("--html", help="Write the preview as HTML to this file.",
                                                  dir_okay=False)] = None,
    ) -> None:
        """Seller digests: preview them, or send the ones that are due."""
        if preview == send:
            fail("give exactly one of --preview or --send", ExitCode.USAGE)
        import asyncio

        from trackmon.clock import make_owner, utcnow
        from trackmon.db import make_engine

        settings = state(ctx).settings()
        engine = make_engine(settings.database_url)
        now = utcnow()
        if send:
            from trackmon.digest.runner import run_due_digests  # delivery (apprise) only when sending

            count = asyncio.run(run_due_digests(engine, settings, now, owner=make_owner()))
            out_console.print(f"{count} digest(s) sent", markup=False)
            return
        from trackmon.digest.channels import _safe
        from trackmon.digest.render import render_html, render_rich
        from trackmon.digest.runner import list_stores

        stores = [store] if store else list_stores(engine, settings)
        if not stores:
            raise InputError("no store to preview: no orders yet and no [stores] in the config", field="store")
        period: Period = "weekly" if weekly else "daily"
        for name in stores:
            digest = preview_digest(engine, settings, name, period, now)
            if html is None:
                out_console.print(render_rich(digest))
                continue
            path = html if len(stores) == 1 else html.with_name(f"{html.stem}-{_safe(name)}{html.suffix}")
            try:
                write_private(path, render_html(digest))
            except OSError as exc:
                raise InputError(f"cannot write {path}: {exc.strerror or exc}", field="html") from None
            out_console.print(f"wrote {path}", markup=False)
