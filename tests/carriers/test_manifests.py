"""Every carrier declares itself in one module (`MANIFEST`), registered in the `trackmon.carriers`
entry-point group under its name; adapters take their class variables from it; carriers/
uses only the named surface of trackmon."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import carriers
from carriers import adapter_class, registry
from carriers.base import CarrierAdapter
from carriers.manifest import CarrierManifest
from trackmon.settings import CarrierSettings, carrier_names

ROOT = Path(__file__).resolve().parents[2]
#: What carriers/ may import from trackmon (the surface named in carriers/__init__.py).
SURFACE: dict[str, set[str] | None] = {
    "trackmon.domain": None, "trackmon.errors": None, "trackmon.clock": None,
    "trackmon.http": {"send", "json_body"}, "trackmon.ratelimit": {"RateLimiter"}, "trackmon": {"metrics"},
    "trackmon.classify": {"classify_description", "refine"}, "trackmon.settings": {"CarrierSettings", "env_var_for"},
}


def _modules() -> list[str]:
    return [f"carriers.{info.name}" for info in pkgutil.iter_modules(carriers.__path__)]


def test_every_module_with_a_manifest_is_a_known_carrier() -> None:
    declared = {}
    for name in _modules():
        manifest = getattr(importlib.import_module(name), "MANIFEST", None)
        if isinstance(manifest, CarrierManifest):
            declared[manifest.name] = manifest
    assert len(declared) >= 17
    assert {n: registry.manifests()[n] for n in declared} == declared
    assert list(registry.manifests())[:2] == ["17track", "aftership"]  # aggregators first, by priority


def test_two_carriers_with_one_name_are_refused(monkeypatch) -> None:
    from carriers import yunexpress
    clone = CarrierManifest(name="yunexpress", label="Clone", kind="offline")
    monkeypatch.setattr(registry, "installed", lambda: iter([("clone = x:MANIFEST", clone)]))
    registry.reload()
    try:
        with pytest.raises(ValueError, match="two carriers are named 'yunexpress'"):
            registry.manifests()
    finally:
        monkeypatch.undo()
        registry.reload()
    assert registry.manifests()["yunexpress"] is yunexpress.MANIFEST


def test_every_adapter_class_belongs_to_a_registered_manifest() -> None:
    for name in _modules():
        module = importlib.import_module(name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (issubclass(obj, CarrierAdapter) and obj.__module__ == name and not inspect.isabstract(obj)
                    and obj is not CarrierAdapter):
                assert obj.manifest is not None, f"{name}:{obj.__name__} has no manifest"
                assert registry.manifest(obj.name) is obj.manifest
                assert obj.manifest.adapter_class() is obj


@pytest.mark.parametrize("name", registry.api_names())
def test_adapter_class_vars_come_from_its_manifest(name: str) -> None:
    cls, manifest = adapter_class(name), registry.manifests()[name]
    assert name in carrier_names()  # settings know it (TRACKMON_<NAME>_...)
    assert (cls.name, cls.label, cls.max_batch, cls.credentials, cls.aggregator) == (
        manifest.name, manifest.label, manifest.max_batch, manifest.credentials, manifest.aggregator)
    assert cls.default_base_url == manifest.base_url
    assert cls.default_base_url.startswith("https://") and not cls.default_base_url.endswith("/")
    assert cls.credentials and all(k in CarrierSettings.model_fields for k in cls.credentials)
    assert registry.served_by(name)
    assert cls.aggregator == (name in carriers.AGGREGATORS)


@pytest.mark.parametrize(("name", "batch", "creds", "served"), [
    ("dhl", 1, ("api_key",), {"dhl", "dhl-paket"}),
    ("ups", 1, ("client_id", "client_secret"), {"ups"}),
    ("usps", 1, ("client_id", "client_secret"), {"usps"}),
    ("fedex", 30, ("client_id", "client_secret"), {"fedex"}),
])
def test_direct_carrier_limits_credentials_and_what_it_serves(name, batch, creds, served) -> None:
    cls = adapter_class(name)
    assert cls.max_batch == batch
    assert cls.credentials == creds
    assert registry.served_by(name) == served
    assert cls.missing_credentials(CarrierSettings()) == list(creds)


def test_an_aggregator_serves_every_carrier_with_a_code_for_it() -> None:
    assert carriers.AGGREGATORS == ("17track", "aftership")
    assert registry.served_by("17track") == {m.name for m in registry.manifests().values() if "17track" in m.codes}
    assert "yunexpress" in registry.served_by("17track") and "jtexpress" not in registry.served_by("aftership")


def test_every_aggregator_code_cites_its_source() -> None:
    for m in registry.manifests().values():
        for aggregator, code in m.codes.items():
            assert registry.manifest(aggregator) is not None and registry.manifests()[aggregator].aggregator
            assert str(code.code) in code.source and code.source.strip(), (m.name, aggregator)


@pytest.mark.parametrize("path", sorted((ROOT / "carriers").glob("*.py")), ids=lambda p: p.name)
def test_carriers_use_only_the_named_surface_of_trackmon(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "trackmon":
            assert node.module in SURFACE, f"{path.name} imports {node.module}"
            allowed = SURFACE[node.module]
            names = {a.name for a in node.names}
            assert allowed is None or names <= allowed, f"{path.name}: {sorted(names - (allowed or set()))}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert not alias.name.startswith("trackmon") or alias.name in SURFACE, (path.name, alias.name)


def test_batches_are_cut_only_by_carriers_base_batches() -> None:
    users = [*(ROOT / "carriers").glob("*.py"), *(ROOT / "trackmon" / n for n in ("poller.py", "tracking.py")),
             ROOT / "trackmon" / "cli" / "check.py"]
    for path in users:
        if path.name != "base.py":
            assert "range(0, len(" not in path.read_text(), f"{path} cuts batches itself"
    assert "batches(" in (ROOT / "trackmon" / "poller.py").read_text()


def test_reading_the_manifests_does_not_load_the_classifier() -> None:
    import subprocess
    import sys
    code = ("import sys; from trackmon.settings import load; load(env={'TRACKMON_17TRACK_API_KEY': 'k'}); "
            "from carriers import registry; registry.manifests(); print('trackmon.classify' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"
