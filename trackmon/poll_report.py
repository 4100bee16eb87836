"""What a poll did: per carrier and in all (printed by `run --once`, logged, measured)."""

from __future__ import annotations

from dataclasses import dataclass, field

from trackmon.errors import StoreError


@dataclass(slots=True)
class CarrierFigures:
    polled: int = 0
    new_events: int = 0
    problems: int = 0
    failures: int = 0
    rate_limited: bool = False


@dataclass(slots=True)
class PollReport:
    claimed: int = 0
    polled: int = 0
    new_events: int = 0
    failures: int = 0
    retired: int = 0
    lost_leases: int = 0
    rounds: int = 0
    by_carrier: dict[str, CarrierFigures] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)  # failure reason → shipments

    def carrier(self, name: str) -> CarrierFigures:
        return self.by_carrier.setdefault(name, CarrierFigures())


def failure_reason(exc: BaseException, doing: str) -> str:
    """A short human reason for `last_error` (never a traceback, SQL or a stored value): a
    StoreError already carries one (`trackmon.store_reasons`); anything else is named by type."""
    if isinstance(exc, StoreError):
        return str(exc)[:200]
    return f"{doing} failed unexpectedly ({type(exc).__name__}); details are in the log"
