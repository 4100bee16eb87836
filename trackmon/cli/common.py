"""Shared CLI plumbing: settings loading, exit codes, turning errors into clear messages."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from trackmon.errors import (
    CarrierError,
    ConfigError,
    InputError,
    InvalidTrackingNumber,
    StoreError,
    TemplateError,
    TrackmonError,
)
from trackmon.redact import mask_text

if TYPE_CHECKING:  # settings (pydantic) and logs (structlog) load when a command runs, not for --help
    from trackmon import settings as settings_mod


class ExitCode(IntEnum):
    """Documented exit codes of every `trackmon` command."""

    OK = 0
    ERROR = 1            # unexpected failure (a bug: please report it)
    USAGE = 2            # wrong options or arguments (Typer/Click)
    NOT_FOUND = 3        # the carrier does not know the number (yet)
    INVALID_NUMBER = 4   # the tracking number fails its format or check digit
    CARRIER_FAILURE = 5  # the carrier API failed: timeout, 5xx, 429, 401, garbage
    CONFIG_ERROR = 6     # a setting is missing or wrong
    INPUT_ERROR = 7      # a bad file, row or template
    DATABASE_ERROR = 8   # the database is unreachable or refused
    CYCLE_FAILED = 9     # `run --once`: a step of the cycle failed (named on stderr, details in the log)


err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


@dataclass
class AppState:
    config_path: Path | None = None
    log_format: str | None = None
    verbose: bool = False
    _settings: settings_mod.Settings | None = field(default=None, repr=False)

    def settings(self, **overrides: Any) -> settings_mod.Settings:
        from trackmon import settings as settings_mod
        from trackmon.logs import configure_logging

        if self._settings is None or overrides:
            loaded = settings_mod.load(self.config_path, overrides=overrides or None)
            if overrides:
                return loaded
            self._settings = loaded
            configure_logging(self.log_format or loaded.log.format,
                              "debug" if self.verbose else loaded.log.level)
        return self._settings


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppState):  # invoked without the root callback (tests)
        obj = AppState()
        ctx.find_root().obj = obj
    return obj


def fail(message: str, code: ExitCode) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {mask_text(message)}", markup=True, soft_wrap=True)
    raise typer.Exit(int(code))


def exit_code_for(exc: BaseException) -> ExitCode:
    match exc:
        case ConfigError():
            return ExitCode.CONFIG_ERROR
        case InvalidTrackingNumber():
            return ExitCode.INVALID_NUMBER
        case CarrierError():
            return ExitCode.CARRIER_FAILURE
        case InputError() | TemplateError():
            return ExitCode.INPUT_ERROR
        case StoreError():
            return ExitCode.DATABASE_ERROR
    return ExitCode.ERROR


F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn trackmon errors into one clear line and a documented exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except TrackmonError as exc:
            fail(_escape(str(exc)), exit_code_for(exc))
        except KeyboardInterrupt:
            err_console.print("interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # a database driver error, a bug: still no traceback
            from sqlalchemy.exc import OperationalError
            if isinstance(exc, OperationalError):
                fail(f"database error: {_escape(str(exc.orig))}", ExitCode.DATABASE_ERROR)
            if "--debug-traceback" in sys.argv:
                raise
            fail(f"unexpected {type(exc).__name__}: {_escape(str(exc))}", ExitCode.ERROR)

    return wrapper  # type: ignore[return-value]


def _escape(text: str) -> str:
    from rich.markup import escape
    return escape(text)
