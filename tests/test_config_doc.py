"""The configuration reference cannot drift from the code."""

from __future__ import annotations

import tomllib
from pathlib import Path

from trackmon import settings
from trackmon.config_doc import example_toml
from trackmon.settings import CARRIER_NAMES, SECTIONS, CarrierSettings, Settings

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
    assert set(loaded.carriers) == set(CARRIER_NAMES)
    assert all(c == CarrierSettings() for c in loaded.carriers.values())


def test_every_setting_is_documented_with_its_env_var():
    text = example_toml()
    for name in Settings.model_fields:
        if name in SECTIONS:
            assert f"[{name}]" in text
            for key in SECTIONS[name].model_fields:
                assert f"TRACKMON_{name.upper()}_{key.upper()}" in text, (name, key)
    for carrier in CARRIER_NAMES:
        for key in CarrierSettings.model_fields:
            assert f"TRACKMON_{carrier.upper()}_{key.upper()}" in text


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
