"""Fault injection for the simulated carrier: what goes wrong with one request.

A `FaultPlan` answers `next_fault(endpoint)` per request: first from its script (consumed in
order; `None` = answer normally), then by probability with a seeded generator, so a run is
reproducible. Faults: a long delay (client timeout), a connection reset, 429 with or without
`Retry-After`, 500/502/503, a truncated JSON body, an HTML body, reworded event descriptions.
"""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from trackmon.errors import ConfigError


class FaultKind(StrEnum):
    delay = "delay"                         # answer only after `delay_seconds` (client times out)
    reset = "reset"                         # close the connection with a TCP RST, no answer
    rate_limited = "429"                    # HTTP 429 with `Retry-After: N`
    rate_limited_bare = "429_bare"          # HTTP 429 without Retry-After
    server_error = "500"
    bad_gateway = "502"
    unavailable = "503"
    truncated = "truncated"                 # HTTP 200, JSON cut in the middle
    html = "html"                           # HTTP 200, an HTML page instead of JSON
    reword = "reword"                       # normal answer, event descriptions reworded


HTTP_STATUS = {FaultKind.rate_limited: 429, FaultKind.rate_limited_bare: 429, FaultKind.server_error: 500,
               FaultKind.bad_gateway: 502, FaultKind.unavailable: 503}


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    delay_seconds: float = 30.0
    retry_after: int | None = None          # only for `rate_limited`


def _kind(value: FaultKind | str) -> FaultKind:
    try:
        return FaultKind(value)
    except ValueError:
        raise ConfigError(f"unknown fault kind {value!r}; known: {', '.join(FaultKind)}", key="faults") from None


class FaultPlan:
    """Which requests fail, and how. `endpoints` limits faults to some endpoints
    (e.g. {"gettrackinfo"}); other endpoints are always answered normally."""

    def __init__(self, *, probabilities: Mapping[FaultKind | str, float] | None = None,
                 script: Iterable[Fault | FaultKind | str | None] = (), seed: int = 0,
                 endpoints: Iterable[str] | None = None, delay_seconds: float = 30.0,
                 retry_after: int = 2) -> None:
        self.probabilities = {_kind(k): float(p) for k, p in (probabilities or {}).items()}
        for kind, p in self.probabilities.items():
            if not 0.0 <= p <= 1.0:
                raise ConfigError(f"fault probability for {kind} must be within 0..1, got {p}", key="faults")
        if sum(self.probabilities.values()) > 1.0 + 1e-9:
            raise ConfigError("fault probabilities add up to more than 1", key="faults")
        self.delay_seconds = delay_seconds
        self.retry_after = retry_after
        self._script: deque[Fault | None] = deque(self._fault(item) for item in script)
        self._rng = random.Random(seed)
        self.endpoints = frozenset(endpoints) if endpoints is not None else None
        self.injected: Counter[FaultKind] = Counter()

    def _fault(self, item: Fault | FaultKind | str | None) -> Fault | None:
        if item is None or isinstance(item, Fault):
            return item
        kind = _kind(item)
        return Fault(kind, self.delay_seconds, self.retry_after if kind is FaultKind.rate_limited else None)

    def add(self, *items: Fault | FaultKind | str | None) -> None:
        """Append to the script (the next requests get these, in order)."""
        self._script.extend(self._fault(item) for item in items)

    @property
    def pending(self) -> int:
        return len(self._script)

    def next_fault(self, endpoint: str) -> Fault | None:
        if self.endpoints is not None and endpoint not in self.endpoints:
            return None
        if self._script:
            fault = self._script.popleft()
        else:
            fault = None
            roll = self._rng.random()
            for kind, p in self.probabilities.items():
                if roll < p:
                    fault = self._fault(kind)
                    break
                roll -= p
        if fault is not None:
            self.injected[fault.kind] += 1
        return fault
