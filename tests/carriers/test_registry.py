"""Every adapter module in carriers/ is registered under its own name with the class vars set."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import carriers
from carriers import REGISTRY, adapter_class
from carriers.base import CarrierAdapter
from trackmon.settings import CARRIER_NAMES, CarrierSettings


def _adapter_classes_in_package() -> dict[str, type[CarrierAdapter]]:
    """module:Class → class, for every concrete CarrierAdapter subclass defined in carriers/."""
    found: dict[str, type[CarrierAdapter]] = {}
    for info in pkgutil.iter_modules(carriers.__path__):
        module = importlib.import_module(f"carriers.{info.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (issubclass(obj, CarrierAdapter) and obj is not CarrierAdapter
                    and obj.__module__ == module.__name__ and not inspect.isabstract(obj)):
                found[f"{module.__name__}:{obj.__name__}"] = obj
    return found


def test_every_adapter_module_is_registered() -> None:
    defined = _adapter_classes_in_package()
    assert defined, "no adapter classes found in carriers/"
    missing = sorted(set(defined) - set(REGISTRY.values()))
    assert missing == [], f"adapters not in carriers.REGISTRY: {missing}"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_registered_class_matches_its_name_and_has_class_vars(name: str) -> None:
    cls = adapter_class(name)
    assert cls.name == name
    assert name in CARRIER_NAMES  # settings know it (TRACKMON_<NAME>_...)
    assert isinstance(cls.label, str) and cls.label
    assert cls.default_base_url.startswith("https://") and not cls.default_base_url.endswith("/")
    assert isinstance(cls.max_batch, int) and cls.max_batch >= 1
    assert cls.credentials and all(k in CarrierSettings.model_fields for k in cls.credentials)
    assert isinstance(cls.carriers_served, frozenset) and cls.carriers_served
    assert cls.aggregator == (name in carriers.AGGREGATORS)


@pytest.mark.parametrize("name, batch, creds", [
    ("dhl", 1, ("api_key",)),
    ("ups", 1, ("client_id", "client_secret")),
    ("usps", 1, ("client_id", "client_secret")),
    ("fedex", 30, ("client_id", "client_secret")),
])
def test_direct_carrier_limits_and_credentials(name: str, batch: int, creds: tuple[str, ...]) -> None:
    cls = adapter_class(name)
    assert cls.max_batch == batch
    assert cls.credentials == creds
    assert name in cls.carriers_served
    assert cls.missing_credentials(CarrierSettings()) == list(creds)
