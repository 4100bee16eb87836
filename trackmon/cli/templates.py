"""`trackmon templates list` and `trackmon templates preview <kind> --lang ru [--order ID]`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from trackmon.cli.common import handle_errors, out_console, state
from trackmon.errors import InputError
from trackmon.messaging.kinds import ALL_KINDS

templates_app = typer.Typer(help="Buyer message templates.", no_args_is_help=True)


@templates_app.command("list")
@handle_errors
def list_cmd(ctx: typer.Context) -> None:
    """Every message kind, its languages, and whether a custom template overrides it."""
    from trackmon.messaging.render import builtin_dir, load_renderer

    settings = state(ctx).settings()
    renderer = load_renderer(settings)  # validates every template: a typo stops here
    enabled = set(settings.messaging.enabled_kinds)
    table = Table(title="Message templates")
    for name in ("Kind", "Enabled", "Languages", "Overridden"):
        table.add_column(name)
    builtin = str(builtin_dir())
    for kind in ALL_KINDS:
        langs = [lang for lang in renderer.languages() if kind in renderer.kinds(lang)]
        overridden = sorted({f"{lang}/{kind}.{part}.j2" for lang in langs for part in ("subject", "txt", "html")
                             if _source(renderer, f"{lang}/{kind}.{part}.j2") not in ("", builtin)})
        table.add_row(kind, "yes" if kind in enabled else "no", ", ".join(langs), ", ".join(overridden) or "—")
    out_console.print(table)
    if renderer.override_dir:
        out_console.print(f"custom templates: {renderer.override_dir}")


def _source(renderer: object, name: str) -> str:
    try:
        path = renderer.source_of(name)  # type: ignore[attr-defined]
    except Exception:
        return ""
    return str(path).rsplit("/", 2)[0]


@templates_app.command("preview")
@handle_errors
def preview_cmd(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(ALL_KINDS)}.")],
    lang: Annotated[str | None, typer.Option("--lang", help="Language (default: the order's, else en).")] = None,
    order: Annotated[str | None, typer.Option("--order", help="Render with this order's real data.")] = None,
    store: Annotated[str | None, typer.Option("--store", help="Store of --order, when ids repeat.")] = None,
    html: Annotated[bool, typer.Option("--html", help="Print the HTML part instead of the text.")] = False,
) -> None:
    """Render one message kind with sample data, or with a real order's data."""
    if kind not in ALL_KINDS:
        raise InputError(f"unknown message kind {kind!r}; known: {', '.join(ALL_KINDS)}", field="kind")
    from sqlmodel import Session, select

    from trackmon.clock import utcnow
    from trackmon.db import make_engine, upgrade_schema
    from trackmon.messaging.context import build_context, sample_contexts
    from trackmon.messaging.render import FALLBACK_LANGUAGE, load_renderer
    from trackmon.models import Alert, Order, Shipment

    settings = state(ctx).settings()
    renderer = load_renderer(settings)
    if order is None:
        context = sample_contexts(kind, settings)[0]
        language = lang or FALLBACK_LANGUAGE
    else:
        engine = make_engine(settings.database_url)
        try:
            upgrade_schema(engine)
            with Session(engine) as session:
                q = select(Order).where(Order.order_id == order)
                if store:
                    q = q.where(Order.store == store)
                row = session.exec(q).first()
                if row is None:
                    raise InputError(f"no order {order!r}" + (f" in store {store!r}" if store else ""),
                                     field="order")
                shipments = list(session.exec(select(Shipment).where(Shipment.order_pk == row.id)).all())
                alert = session.exec(select(Alert).where(Alert.order_pk == row.id, Alert.resolved_at.is_(None))
                                     .order_by(Alert.opened_at.desc())).first()  # type: ignore[union-attr]
                cause = "first_movement" if kind == "on_its_way" else ""
                context = build_context(session, row, shipments, kind=kind, cause=cause, settings=settings,
                                        now=utcnow(), alert=alert)
                language = lang or row.buyer_language or settings.messaging.default_language
        finally:
            engine.dispose()
    rendered = renderer.render(kind, language, context)
    out_console.print(f"[bold]Subject:[/] {rendered.subject}  [dim]({rendered.language})[/]", markup=True)
    out_console.print()
    typer.echo(rendered.html if html else rendered.text)


def register(app: typer.Typer) -> None:
    app.add_typer(templates_app, name="templates")
