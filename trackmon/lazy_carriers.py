"""A carrier set built when a poll first needs it.

`trackmon run --once` on a database with nothing due never routes a number: building the
`CarrierSet` (every adapter, their code tables and the event-text classifier) would be
start-up cost for nothing. `LazyCarriers` builds it on first use (and then logs the skipped
carriers, as start-up does) and is the same router from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class LazyCarriers:
    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._built: Any = None

    @property
    def built(self) -> bool:
        return self._built is not None

    def get(self) -> Any:
        if self._built is None:
            self._built = self._build()
        return self._built

    @property
    def adapters(self) -> Any:
        return self.get().adapters

    def route(self, number: str, carrier: str | None = None) -> Any:
        return self.get().route(number, carrier)

    def __getattr__(self, name: str) -> Any:  # everything else a CarrierSet offers
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.get(), name)
