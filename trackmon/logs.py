"""structlog configuration: JSON in production, console in a terminal; secrets redacted.

The pipeline, in order: context → level → time → repeat limit → exception formatting →
redaction (`trackmon.redact`, so tracebacks are redacted too, after they became text) →
renderer. The standard library's loggers (uvicorn's errors and tracebacks, APScheduler,
httpx) are routed into the same pipeline by `StructlogHandler`.

Repeated identical errors are logged once per `REPEAT_WINDOW_SECONDS`: a line at warning
level or above that carries an error (`exc_info` or `error=`) with the same event and the
same error text as one logged inside the window is dropped, and the next line that gets
through carries `repeats_suppressed=N`. A database outage thus writes one traceback a minute,
not one per cycle step per tick.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import structlog

from trackmon.redact import redact, redact_email

REPEAT_WINDOW_SECONDS = 60.0
_LIMITED_LEVELS = frozenset({"warning", "error", "critical", "exception"})
_NOT_SECRET = frozenset({"event", "signature_valid", "level", "timestamp", "logger"})

__all__ = ["REPEAT_WINDOW_SECONDS", "RepeatLimiter", "StructlogHandler", "configure_logging", "redact_email"]


def _redact(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key, value in list(event_dict.items()):
        if key in _NOT_SECRET:
            event_dict[key] = redact(value) if isinstance(value, str) else value
        else:
            event_dict[key] = redact(value, key=key)
    return event_dict


class RepeatLimiter:
    """A structlog processor: the same (event, error) at warning level or above at most once
    per `window` seconds; the next one through says how many were dropped."""

    def __init__(self, window: float = REPEAT_WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._seen: dict[tuple[str, str], tuple[float, int]] = {}

    @staticmethod
    def _key(event_dict: dict[str, Any]) -> tuple[str, str] | None:
        """(event, error) of a line that reports an error; None for other lines."""
        exc = event_dict.get("exc_info")
        if exc is True:
            exc = sys.exc_info()[1]
        elif isinstance(exc, tuple):
            exc = exc[1]
        if isinstance(exc, BaseException):
            error = f"{type(exc).__name__}: {exc}"
        elif event_dict.get("error"):
            error = str(event_dict["error"])
        else:
            return None
        return str(event_dict.get("event", "")), error[:300]

    def __call__(self, _: Any, method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
        if method not in _LIMITED_LEVELS and event_dict.get("level") not in _LIMITED_LEVELS:
            return event_dict
        key = self._key(event_dict)
        if key is None:
            return event_dict
        now = self.clock()
        first, dropped = self._seen.get(key, (None, 0))
        if first is not None and now - first < self.window:
            self._seen[key] = (first, dropped + 1)
            raise structlog.DropEvent
        if len(self._seen) > 1000:
            self._seen.clear()
        self._seen[key] = (now, 0)
        if dropped:
            event_dict["repeats_suppressed"] = dropped
        return event_dict


class StructlogHandler(logging.Handler):
    """Sends standard-library log records (uvicorn, APScheduler, httpx...) through structlog."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            logger = structlog.get_logger(record.name)
            kw: dict[str, Any] = {"logger": record.name}
            if record.exc_info:
                kw["exc_info"] = record.exc_info
            logger.log(record.levelno, record.getMessage(), **kw)
        except Exception:  # a broken log line must never break the caller
            self.handleError(record)


def route_stdlib_logging(level: int) -> None:
    """Every standard-library logger writes through structlog (and nothing else writes)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, StructlogHandler):
            root.removeHandler(handler)
    root.addHandler(StructlogHandler())
    root.setLevel(max(level, logging.WARNING))
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
        logger.setLevel(max(level, logging.INFO))


class _StderrLogger:
    """Writes each line to whatever `sys.stderr` is at that moment (test runners swap it)."""

    def msg(self, message: str) -> None:
        # stderr closed under us (end of a CLI test): the line is dropped
        with contextlib.suppress(ValueError):
            print(message, file=sys.stderr, flush=True)

    log = debug = info = warn = warning = error = critical = exception = failure = fatal = msg


def configure_logging(fmt: str = "auto", level: str = "info", *, stream: Any = None,
                      limiter: RepeatLimiter | None = None) -> None:
    """JSON when `fmt` is json (or auto and not a terminal), console otherwise.

    Without `stream`, lines go to the current `sys.stderr` at write time.
    """
    factory: Any = (structlog.PrintLoggerFactory(file=stream) if stream is not None
                    else (lambda *_: _StderrLogger()))
    stream = stream or sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    renderer: Any = (structlog.processors.JSONRenderer() if use_json
                     else structlog.dev.ConsoleRenderer(colors=stream.isatty()))
    numeric = logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            limiter or RepeatLimiter(),
            structlog.processors.format_exc_info,
            _redact,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=factory,
        cache_logger_on_first_use=False,
    )
    route_stdlib_logging(numeric)
