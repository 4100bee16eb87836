"""The `trackmon` command line (Typer + Rich).

Each module in this package that defines `register(app)` adds its commands; they are
found by name so that adding a command never edits a shared list.
"""

from __future__ import annotations

import importlib
import pkgutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperOption

from trackmon import __version__
from trackmon.cli.common import AppState

app = typer.Typer(
    name="trackmon",
    help="Watches every shipped parcel and tells the buyer before the buyer has to ask.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


class LogFormat(StrEnum):
    auto = "auto"
    json = "json"
    console = "console"


_option_type = TyperOption.display_type_rich


def _flag_type(self: TyperOption, ctx: Any) -> str | None:
    """Help shows a value type only for options that take a value: `--json`, not `--json <bool>`."""
    return None if self.is_flag else _option_type(self, ctx)


TyperOption.display_type_rich = _flag_type  # type: ignore[method-assign]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trackmon {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", envvar="TRACKMON_CONFIG", help="TOML settings file.",
        dir_okay=False)] = None,
    log_format: Annotated[LogFormat | None, typer.Option(
        "--log-format", help="Log lines as JSON or for a console; auto: console in a terminal "
        "(overrides log.format).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logs.")] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    ctx.obj = AppState(config_path=config, log_format=str(log_format) if log_format else None, verbose=verbose)


def _register_all() -> None:
    package_dir = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(package_dir)]), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()


def main() -> None:
    app()


__all__ = ["app", "main"]
