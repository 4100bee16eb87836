"""Which adapter tracks a number: built from settings, routed by what each adapter serves.

The adapters are those of the carrier manifests (carriers/registry.py). A number goes to a
configured direct adapter that serves its carrier (UPS for "ups", DHL for "dhl" and
"dhl-paket"...); otherwise to the first configured aggregator (by manifest priority) that
knows a code for the carrier, else the first configured aggregator (which detects the
carrier itself); if none is configured the error says exactly which variables to set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

import httpx
import structlog

import carriers
from carriers import registry
from carriers.base import CarrierAdapter, TrackRequest
from carriers.numbers import detect_carrier, normalize_number
from trackmon.clock import Clock, utcnow
from trackmon.domain import ParseResult
from trackmon.errors import CarrierError, ConfigError
from trackmon.settings import Settings, env_var_for

log = structlog.get_logger("trackmon.tracking")

@dataclass(frozen=True, slots=True)
class Routed:
    adapter: CarrierAdapter
    request: TrackRequest


class CarrierSet:
    """The configured adapters of one process, sharing one HTTP client."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient, *, clock: Clock = utcnow,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 extra: Mapping[str, CarrierAdapter] | None = None) -> None:
        self.settings = settings
        self.adapters: dict[str, CarrierAdapter] = {}
        self.skipped: dict[str, str] = {}
        for name, cls in carriers.adapter_classes().items():
            cs = settings.carrier(name)
            if not cs.enabled:
                self.skipped[name] = f"disabled (carriers.{name}.enabled = false)"
                continue
            missing = cls.missing_credentials(cs)
            if missing:
                names = " and ".join(env_var_for(name, key) for key in missing)
                self.skipped[name] = f"no credentials: set {names}"
                continue
            self.adapters[name] = cls(cs, client, clock=clock, sleep=sleep)
        for name, adapter in (extra or {}).items():
            self.adapters[name] = adapter
            self.skipped.pop(name, None)

    def log_skipped(self) -> None:
        for name, reason in self.skipped.items():
            log.warning("carrier.skipped", carrier=name, reason=reason)

    def aggregator(self) -> CarrierAdapter | None:
        for m in registry.aggregators():
            if m.name in self.adapters:
                return self.adapters[m.name]
        for adapter in self.adapters.values():
            if adapter.aggregator:
                return adapter
        return None

    def _serves(self, adapter: CarrierAdapter) -> frozenset[str]:
        if registry.manifest(adapter.name) is not None:
            return registry.served_by(adapter.name)
        return frozenset({adapter.name})  # an adapter given as `extra` (tests, the demo) serves itself

    def serving(self, carrier: str) -> CarrierAdapter | None:
        """The configured adapter for `carrier`: a direct one serving it, else an aggregator knowing it."""
        direct = [a for a in self.adapters.values() if not a.aggregator and carrier in self._serves(a)]
        if direct:
            return direct[0]
        order = {m.name: i for i, m in enumerate(registry.aggregators())}
        knowing = sorted((a for a in self.adapters.values() if a.aggregator and carrier in self._serves(a)),
                         key=lambda a: order.get(a.name, len(order)))
        return knowing[0] if knowing else None

    def route(self, number: str, carrier: str | None = None) -> Routed:
        """Pick the adapter for `number`; `carrier` (a trackmon carrier or adapter name) overrides detection.

        Raises InvalidTrackingNumber (bad format/check digit) or ConfigError (nothing configured).
        """
        normalized = normalize_number(number)
        carrier = carrier.strip().lower() if carrier else None
        if carrier is None:
            carrier = detect_carrier(normalized).carrier
        if carrier in self.adapters:  # an adapter named directly (`--carrier 17track`)
            adapter = self.adapters[carrier]
            hint = None if adapter.aggregator else carrier
            return Routed(adapter, TrackRequest(normalized, hint))
        named = registry.manifest(carrier)
        if named is not None and named.has_api and named.aggregator:
            needs = " and ".join(env_var_for(carrier, k) for k in named.credentials)
            raise ConfigError(f"{carrier} is not configured: set {needs}",
                              key=f"carriers.{carrier}.{named.credentials[0] if named.credentials else 'enabled'}")
        serving = self.serving(carrier) if carrier else None
        if serving is not None:
            return Routed(serving, TrackRequest(normalized, carrier))
        aggregator = self.aggregator()
        if aggregator is not None:
            return Routed(aggregator, TrackRequest(normalized, carrier))
        raise ConfigError(self._nothing_configured(normalized, carrier), key="carriers")

    def _nothing_configured(self, number: str, carrier: str | None) -> str:
        aggregators = " or ".join(" and ".join(env_var_for(m.name, k) for k in m.credentials)
                                  for m in registry.aggregators())
        direct = [m for m in registry.with_api() if not m.aggregator and carrier in registry.served_by(m.name)]
        if carrier and direct:
            needs = " or ".join(" and ".join(env_var_for(m.name, k) for k in m.credentials) for m in direct)
            return (f"no carrier API is configured for {number} ({carrier}): "
                    f"set {needs}, or an aggregator key: {aggregators}")
        what = f"({carrier})" if carrier else "(carrier not recognised from its format)"
        return f"no carrier API is configured for {number} {what}: set an aggregator key: {aggregators}"

    async def track(self, routed: Sequence[Routed]) -> list[TrackOutcome]:
        """Track routed numbers: one batch stream per adapter, adapters concurrently.

        A carrier failing as a whole is returned as that group's `error`, so the other
        carriers' answers are kept.
        """
        groups: dict[str, list[Routed]] = {}
        for item in routed:
            groups.setdefault(item.adapter.name, []).append(item)

        async def one(items: list[Routed]) -> TrackOutcome:
            try:
                result = await items[0].adapter.track([r.request for r in items])
            except CarrierError as exc:
                return TrackOutcome(tuple(items), None, exc)
            return TrackOutcome(tuple(items), result, None)

        return list(await asyncio.gather(*(one(items) for items in groups.values())))


@dataclass(frozen=True, slots=True)
class TrackOutcome:
    routed: tuple[Routed, ...]
    result: ParseResult | None
    error: CarrierError | None
