"""Carrier adapters, one class per module, registered here by name.

`adapter_classes()` maps the settings/DB name ("17track", "ups") to the adapter class.
"""

from __future__ import annotations

import importlib
from functools import cache

from carriers.base import CarrierAdapter

#: settings name → "module:Class". Every module in this package with an adapter is listed
#: (tests/carriers/test_registry.py checks that none is forgotten).
REGISTRY: dict[str, str] = {
    "17track": "carriers.track17:Track17",
    "aftership": "carriers.aftership:AfterShip",
    "dhl": "carriers.dhl:Dhl",
    "ups": "carriers.ups:Ups",
    "usps": "carriers.usps:Usps",
    "fedex": "carriers.fedex:Fedex",
}
AGGREGATORS = ("17track", "aftership")


@cache
def adapter_class(name: str) -> type[CarrierAdapter]:
    try:
        target = REGISTRY[name]
    except KeyError:
        raise KeyError(f"no carrier adapter named {name!r}; known: {', '.join(REGISTRY)}") from None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert cls.name == name, (cls, name)
    return cls


def adapter_classes() -> dict[str, type[CarrierAdapter]]:
    return {name: adapter_class(name) for name in REGISTRY}


__all__ = ["AGGREGATORS", "REGISTRY", "CarrierAdapter", "adapter_class", "adapter_classes"]
