"""The configuration reference cannot drift from the code."""

from __future__ import annotations

import tomllib
from pathlib import Path

from carriers import registry
from carriers.manifest import CREDENTIAL_KEYS
from trackmon import settings
from trackmon.config_doc import example_toml
from trackmon.settings import SECTIONS, CarrierSettings, Settings, carrier_names, env_var_for

EXAMPLE = Path(__file__).parent.parent / "config" / "trackmon.example.toml"


def test_example_file_is_the_generated_reference():
    assert EXAMPLE.read_text() == example_toml(), (
        "config/trackmon.example.toml is stale: run `trackmon config example > config/trackmon.example.toml`")


def test_example_file_loads_to_the_defaults():
    loaded = settings.load(EXAMPLE, env={})
    defaults = Settings()
    assert loaded.database_url == defaults.database_url
    for section in SECTIONS:
        assert getattr(loaded, section) == getattr(defaults, section), section
    assert set(loaded.carriers) == set(carrier_names())
    assert all(c == CarrierSettings() for c in loaded.carriers.values())


def test_every_setting_is_documented_with_its_env_var():
    text = example_toml()
    for name in Settings.model_fields:
        if name in SECTIONS:
            assert f"[{name}]" in text
            for key in SECTIONS[name].model_fields:
                assert f"TRACKMON_{name.upper()}_{key.upper()}" in text, (name, key)
    for manifest in registry.with_api():
        used = set(manifest.credentials) | ({manifest.webhook.secret_key} if manifest.webhook else set())
        for key in manifest.settings_model().model_fields:
            documented = env_var_for(manifest.name, key) in text
            assert documented == (key not in CREDENTIAL_KEYS or key in used), (manifest.name, key)


def test_each_carrier_section_names_what_it_needs_from_its_manifest():
    text = example_toml()
    for manifest in registry.with_api():
        assert f"[carriers.{manifest.name}]" in text
        assert f"# {manifest.label} ({manifest.kind}): needs {' and '.join(manifest.credentials)}." in text
        if manifest.webhook:
            assert f"POST /webhooks/{manifest.name}" in text


def test_every_documented_env_var_really_sets_its_key():
    data = tomllib.loads(example_toml())
    env = {}
    for section in SECTIONS:
        for key, value in data[section].items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                env[f"TRACKMON_{section.upper()}_{key.upper()}"] = str(value)
    loaded = settings.load(env=env)
    for section in SECTIONS:
        for key, value in data[section].items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                assert getattr(getattr(loaded, section), key) == value
