"""`trackmon db upgrade` and `trackmon db current`: the database schema."""

from __future__ import annotations

import typer

from trackmon.cli.common import ExitCode, handle_errors, out_console, state

db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)


@db_app.command("upgrade")
@handle_errors
def upgrade_cmd(ctx: typer.Context) -> None:
    """Bring the database schema to the newest revision (harmless when already there)."""
    settings = state(ctx).settings()
    from trackmon.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        from trackmon import schema

        before = schema.current(engine)
        after = schema.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        out_console.print(f"database already at revision {after}")
    else:
        out_console.print(f"database upgraded from {before or '(empty)'} to {after}")


@db_app.command("current")
@handle_errors
def current_cmd(ctx: typer.Context) -> None:
    """Print the schema revision of the database; exit 8 when it is behind the code."""
    settings = state(ctx).settings()
    from trackmon.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        from trackmon import schema

        rev = schema.current(engine)
    finally:
        engine.dispose()
    head = schema.head_revision()
    out_console.print(f"current: {rev or '(empty)'}\nhead:    {head}")
    if rev != head:
        out_console.print("run `trackmon db upgrade` (trackmon run/import upgrade automatically)")
        raise typer.Exit(int(ExitCode.DATABASE_ERROR))


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
