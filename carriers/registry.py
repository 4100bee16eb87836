"""The carriers trackmon knows, and every list derived from them.

One loader finds them: every module of the `carriers` package that declares a `MANIFEST`
(the built-in carriers: adding one is adding its module), and every `CarrierManifest`
registered by an installed package in the `trackmon.carriers` entry-point group::

    [project.entry-points."trackmon.carriers"]
    mycarrier = "my_package.mycarrier:MANIFEST"

An entry point's name must be its manifest's name; two carriers with one name are an error.
Everything here is computed once and cached; `reload()` looks again (tests that install a
carrier at run time).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib.metadata import entry_points
from typing import Any, TypeVar

from carriers.manifest import CarrierManifest

GROUP = "trackmon.carriers"
_KIND_ORDER = {"aggregator": 0, "direct": 1, "offline": 2}
_caches: list[Any] = []
F = TypeVar("F", bound=Callable[..., Any])


def derived(fn: F) -> F:
    """Cache `fn` until the next `reload()` (for lists derived from the manifests)."""
    cached = cache(fn)
    _caches.append(cached)
    return cached  # type: ignore[return-value]


def reload() -> None:
    """Forget every derived list; the next call reads the entry-point group again."""
    for cached in _caches:
        cached.cache_clear()


def builtin() -> Iterator[tuple[str, CarrierManifest]]:
    """(module, manifest) for every module of the `carriers` package with a `MANIFEST`."""
    import carriers
    for info in pkgutil.iter_modules(carriers.__path__):
        module = f"carriers.{info.name}"
        manifest = getattr(importlib.import_module(module), "MANIFEST", None)
        if isinstance(manifest, CarrierManifest):
            yield f"{module}:MANIFEST", manifest


def installed() -> Iterator[tuple[str, CarrierManifest]]:
    """(entry point, manifest) for every carrier another package registers in the group."""
    for ep in entry_points(group=GROUP):
        manifest = ep.load()
        if not isinstance(manifest, CarrierManifest):
            raise TypeError(f"entry point {ep.name} = {ep.value} is a {type(manifest).__name__}, "
                            "not a carriers.manifest.CarrierManifest")
        if manifest.name != ep.name:
            raise ValueError(f"entry point {ep.name} = {ep.value} declares the carrier {manifest.name!r}")
        yield f"{ep.name} = {ep.value}", manifest


@derived
def manifests() -> Mapping[str, CarrierManifest]:
    """name → manifest: aggregators by priority, then direct carriers, then offline ones, by name."""
    found: dict[str, tuple[str, CarrierManifest]] = {}
    for where, manifest in (*builtin(), *installed()):
        seen = found.get(manifest.name)
        if seen is not None and seen[1] is not manifest:
            raise ValueError(f"two carriers are named {manifest.name!r}: {seen[0]} and {where}")
        found[manifest.name] = (where, manifest)
    ordered = sorted(found.values(), key=lambda wm: (_KIND_ORDER[wm[1].kind], wm[1].priority, wm[1].name))
    return {m.name: m for _, m in ordered}


def manifest(name: str | None) -> CarrierManifest | None:
    return manifests().get(name.strip().lower()) if name else None


@derived
def with_api() -> tuple[CarrierManifest, ...]:
    """Carriers with an adapter (aggregators first, by priority): the ones with settings."""
    return tuple(m for m in manifests().values() if m.has_api)


@derived
def api_names() -> tuple[str, ...]:
    return tuple(m.name for m in with_api())


@derived
def aggregators() -> tuple[CarrierManifest, ...]:
    return tuple(m for m in manifests().values() if m.aggregator)


@derived
def codes_for(aggregator: str) -> Mapping[str, int | str]:
    """carrier name → the code `aggregator` knows it by (17TRACK key, AfterShip slug)."""
    return {m.name: m.codes[aggregator].code for m in manifests().values() if aggregator in m.codes}


@derived
def carrier_for_code(aggregator: str) -> Mapping[int | str, str]:
    """The aggregator's code → trackmon carrier name (the first carrier declaring it)."""
    out: dict[int | str, str] = {}
    for name, code in codes_for(aggregator).items():
        out.setdefault(code, name)
    return out


@derived
def served_by(name: str) -> frozenset[str]:
    """The carrier names an adapter tracks: a direct carrier itself and what it `serves`; an
    aggregator, every carrier that declares a code for it."""
    m = manifests()[name]
    if m.aggregator:
        return frozenset(codes_for(name))
    return frozenset({m.name}) | m.serves


@derived
def webhook_providers() -> Mapping[str, CarrierManifest]:
    """Carriers that push: served at POST /webhooks/<name>."""
    return {m.name: m for m in manifests().values() if m.webhook is not None}


def label(name: str | None) -> str:
    """A carrier's label ("UPS", "Cainiao"); an unknown name is given back as it is."""
    m = manifest(name)
    return m.label if m else (name or "")


def known_names() -> frozenset[str]:
    return frozenset(manifests())


__all__ = [
    "GROUP",
    "aggregators",
    "api_names",
    "carrier_for_code",
    "codes_for",
    "derived",
    "known_names",
    "label",
    "manifest",
    "manifests",
    "reload",
    "served_by",
    "webhook_providers",
    "with_api",
]
