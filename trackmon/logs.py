"""structlog configuration: JSON in production, console in a terminal; secrets redacted."""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from typing import Any

import structlog

_SECRET_KEYS = re.compile(r"(api_?key|token|secret|password|authorization|17token|sign)", re.I)
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def redact_email(text: str) -> str:
    """`anna.k@example.com` → `a***@example.com`."""
    return _EMAIL.sub(r"\1***@\2", text)


def _redact(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key, value in list(event_dict.items()):
        if _SECRET_KEYS.search(key) and key not in {"event", "signature_valid"}:
            event_dict[key] = "***"
        elif isinstance(value, str) and "@" in value:
            event_dict[key] = redact_email(value)
    return event_dict


class _StderrLogger:
    """Writes each line to whatever `sys.stderr` is at that moment (test runners swap it)."""

    def msg(self, message: str) -> None:
        # stderr closed under us (end of a CLI test): the line is dropped
        with contextlib.suppress(ValueError):
            print(message, file=sys.stderr, flush=True)

    log = debug = info = warn = warning = error = critical = exception = failure = fatal = msg


def configure_logging(fmt: str = "auto", level: str = "info", *, stream: Any = None) -> None:
    """JSON when `fmt` is json (or auto and not a terminal), console otherwise.

    Without `stream`, lines go to the current `sys.stderr` at write time.
    """
    factory: Any = (structlog.PrintLoggerFactory(file=stream) if stream is not None
                    else (lambda *_: _StderrLogger()))
    stream = stream or sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    renderer: Any = (structlog.processors.JSONRenderer() if use_json
                     else structlog.dev.ConsoleRenderer(colors=stream.isatty()))
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.INFO)),
        logger_factory=factory,
        cache_logger_on_first_use=False,
    )
