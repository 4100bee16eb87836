"""Routing a number to an adapter: direct carrier first, then an aggregator, else a clear error."""

from __future__ import annotations

import httpx
import pytest

from trackmon import settings
from trackmon.errors import ConfigError, InvalidTrackingNumber
from trackmon.tracking import CarrierSet

UPS_NO = "1Z999AA10123456784"
S10_NO = "RB123456785CN"


def carrier_set(env: dict[str, str]) -> CarrierSet:
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    return CarrierSet(settings.load(env=env), client)


def test_nothing_configured_names_the_variables():
    cs = carrier_set({})
    assert not cs.adapters
    assert "TRACKMON_17TRACK_API_KEY" in cs.skipped["17track"]
    assert "TRACKMON_UPS_CLIENT_ID and TRACKMON_UPS_CLIENT_SECRET" in cs.skipped["ups"]
    with pytest.raises(ConfigError) as info:
        cs.route(UPS_NO)
    msg = str(info.value)
    assert "TRACKMON_UPS_CLIENT_ID and TRACKMON_UPS_CLIENT_SECRET" in msg
    assert "TRACKMON_17TRACK_API_KEY" in msg and "TRACKMON_AFTERSHIP_API_KEY" in msg
    with pytest.raises(ConfigError, match="TRACKMON_17TRACK_API_KEY"):
        cs.route(S10_NO)


def test_direct_adapter_wins_when_configured():
    cs = carrier_set({"TRACKMON_UPS_CLIENT_ID": "i", "TRACKMON_UPS_CLIENT_SECRET": "s",
                      "TRACKMON_17TRACK_API_KEY": "k"})
    routed = cs.route(UPS_NO.lower())
    assert routed.adapter.name == "ups"
    assert routed.request.number == UPS_NO
    assert cs.route(S10_NO).adapter.name == "17track"
    assert cs.route(S10_NO).request.carrier_hint == "china-post"


def test_aggregator_used_for_unconfigured_direct_carrier():
    cs = carrier_set({"TRACKMON_AFTERSHIP_API_KEY": "k"})
    routed = cs.route(UPS_NO)
    assert routed.adapter.name == "aftership"
    assert routed.request.carrier_hint == "ups"


def test_carrier_option_overrides_detection():
    cs = carrier_set({"TRACKMON_17TRACK_API_KEY": "k", "TRACKMON_AFTERSHIP_API_KEY": "k2"})
    assert cs.route(UPS_NO, "aftership").adapter.name == "aftership"
    assert cs.route("LP00123456789012", "cainiao").request.carrier_hint == "cainiao"
    with pytest.raises(ConfigError, match="TRACKMON_DHL_API_KEY"):
        carrier_set({}).route("1234567890", "dhl")


def test_bad_check_digit_is_reported_before_any_network():
    cs = carrier_set({"TRACKMON_17TRACK_API_KEY": "k"})
    with pytest.raises(InvalidTrackingNumber, match="check digit"):
        cs.route("RB123456784CN")


def test_disabled_carrier_is_skipped_with_reason():
    cs = carrier_set({"TRACKMON_17TRACK_API_KEY": "k", "TRACKMON_17TRACK_ENABLED": "false"})
    assert "17track" not in cs.adapters
    assert "disabled" in cs.skipped["17track"]
