"""The injectable clock (everything time-dependent takes `now` or a `Clock`), and the
process identity that leases and claims are taken under."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


def make_owner() -> str:
    """A lease owner id unique to this process: hostname-pid-random."""
    host = socket.gethostname().split(".")[0][:50] or "host"
    return f"{host}-{os.getpid()}-{secrets.token_hex(4)}"
