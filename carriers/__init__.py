"""Carriers: one module per carrier, each declaring a `MANIFEST` (carriers/manifest.py) and
registered in the `trackmon.carriers` entry-point group (carriers/registry.py).

What carriers may use of trackmon (a test keeps it to this, tests/carriers/test_manifests.py):
`trackmon.domain` (types), `trackmon.errors` (the exception tree), `trackmon.clock`,
`trackmon.http` (`send`, `json_body`), `trackmon.ratelimit` (`RateLimiter`), `trackmon.metrics`,
`trackmon.classify` (`classify_description`, `refine`, through `carriers/classifying.py`, which
loads the classifier on first use) and `trackmon.settings` (`CarrierSettings`, `env_var_for`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from carriers import registry

if TYPE_CHECKING:
    from carriers.base import CarrierAdapter


def adapter_class(name: str) -> type[CarrierAdapter]:
    """The adapter class of a carrier with an API ("17track", "ups"...)."""
    manifest = registry.manifest(name)
    if manifest is None or not manifest.has_api:
        raise KeyError(f"no carrier adapter named {name!r}; known: {', '.join(registry.api_names())}")
    cls = manifest.adapter_class()
    assert cls.name == manifest.name, (cls, manifest.name)
    return cls


def adapter_classes() -> dict[str, type[CarrierAdapter]]:
    return {name: adapter_class(name) for name in registry.api_names()}


def __getattr__(name: str) -> Any:
    if name == "AGGREGATORS":  # aggregator names, the first tried first
        return tuple(m.name for m in registry.aggregators())
    raise AttributeError(f"module 'carriers' has no attribute {name!r}")


__all__ = ["AGGREGATORS", "adapter_class", "adapter_classes", "registry"]
