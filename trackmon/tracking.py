"""Which adapter tracks a number: built from settings, routed by the number's carrier.

A direct adapter (UPS, FedEx...) is used when it is configured for the detected carrier;
otherwise an aggregator (17TRACK, then AfterShip); if none is configured the error says
exactly which variable to set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

import httpx
import structlog

import carriers
from carriers.base import CarrierAdapter, TrackRequest
from carriers.numbers import detect_carrier, normalize_number
from trackmon.clock import Clock, utcnow
from trackmon.domain import ParseResult
from trackmon.errors import CarrierError, ConfigError
from trackmon.settings import Settings, env_var_for

log = structlog.get_logger("trackmon.tracking")

_DIRECT_CREDENTIALS = {
    "dhl": ("api_key",),
    "ups": ("client_id", "client_secret"),
    "usps": ("client_id", "client_secret"),
    "fedex": ("client_id", "client_secret"),
}


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
        for name in carriers.AGGREGATORS:
            if name in self.adapters:
                return self.adapters[name]
        for adapter in self.adapters.values():
            if adapter.aggregator:
                return adapter
        return None

    def route(self, number: str, carrier: str | None = None) -> Routed:
        """Pick the adapter for `number`; `carrier` (a trackmon carrier or adapter name) overrides detection.

        Raises InvalidTrackingNumber (bad format/check digit) or ConfigError (nothing configured).
        """
        normalized = normalize_number(number)
        carrier = carrier.strip().lower() if carrier else None
        if carrier is None:
            carrier = detect_carrier(normalized).carrier
        if carrier in self.adapters:
            adapter = self.adapters[carrier]
            hint = None if adapter.aggregator else carrier
            return Routed(adapter, TrackRequest(normalized, hint))
        if carrier in carriers.AGGREGATORS:
            raise ConfigError(f"{carrier} is not configured: set {env_var_for(carrier, 'api_key')}",
                              key=f"carriers.{carrier}.api_key")
        aggregator = self.aggregator()
        if aggregator is not None:
            return Routed(aggregator, TrackRequest(normalized, carrier))
        raise ConfigError(self._nothing_configured(normalized, carrier), key="carriers")

    def _nothing_configured(self, number: str, carrier: str | None) -> str:
        aggregators = " or ".join(env_var_for(a, "api_key") for a in carriers.AGGREGATORS)
        if carrier in _DIRECT_CREDENTIALS:
            direct = " and ".join(env_var_for(carrier, k) for k in _DIRECT_CREDENTIALS[carrier])
            return (f"no carrier API is configured for {number} ({carrier}): "
                    f"set {direct}, or an aggregator key: {aggregators}")
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
