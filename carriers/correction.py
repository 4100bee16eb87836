"""Carrier correction at the aggregators: tell 17TRACK or AfterShip which carrier a number is.

An aggregator that guessed a number's carrier wrong keeps tracking it at the wrong carrier
(no events, or someone else's). `change_carrier` fixes the guess:

* 17TRACK v2.2 (reference/carrier-apis.md §1.2): `gettrackinfo` tells the carrier key the
  number is registered under; `changecarrier` `[{"number", "carrier_old", "carrier_new"}]`
  moves it (17TRACK allows a few changes per number and re-tracks by itself); a number
  17TRACK does not know yet is registered with the new key instead.
* AfterShip (2024-04, §2): the tracking is looked up (`GET /trackings?tracking_numbers=`);
  its slug is changed with `PUT /trackings/{id}` `{"slug": ...}`; if AfterShip refuses the
  update, the tracking is deleted (`DELETE /trackings/{id}`) and created again with the
  slug (`POST /trackings`). A number AfterShip does not track yet is created with the slug.

Network only; the caller stores the result and schedules the re-poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from carriers import aftership, registry, track17, track17_envelope
from carriers.base import CarrierAdapter
from trackmon.errors import CarrierResponseError, ConfigError, InputError


@dataclass(frozen=True, slots=True)
class Correction:
    """What the aggregator was told: `action` is "changed", "registered", "recreated" or "unchanged"."""

    provider: str
    number: str
    carrier: str
    code: str
    previous_code: str | None
    action: str


def aggregator_code(provider: str, carrier: str) -> str:
    """The aggregator's code for a trackmon carrier name (from the carrier's manifest);
    InputError naming the gap if none."""
    if provider not in _CORRECTORS:
        raise ConfigError(f"{provider} is not an aggregator trackmon can correct: carrier correction is for "
                          f"{' and '.join(_CORRECTORS)}", key="carrier")
    codes = registry.codes_for(provider)
    code = codes.get(carrier)
    if code is None:
        what = "carrier key" if provider == track17.NAME else "slug"
        raise InputError(f"{registry.label(provider)}'s {what} for {carrier!r} is not known to trackmon "
                         f"(known: {', '.join(sorted(codes))})", field="carrier")
    return str(code)


_CORRECTORS = (track17.NAME, aftership.NAME)  # the aggregators whose API can change a carrier


async def change_carrier(adapter: CarrierAdapter, number: str, carrier: str) -> Correction:
    """Make the aggregator track `number` as `carrier`. Raises CarrierError / ConfigError."""
    code = aggregator_code(adapter.name, carrier)
    if isinstance(adapter, track17.Track17):
        return await _track17(adapter, number, carrier, int(code))
    if isinstance(adapter, aftership.AfterShip):
        return await _aftership(adapter, number, carrier, code)
    raise ConfigError(f"{adapter.name} is not an aggregator", key="carrier")


def _refusal(data: dict[str, Any], number: str) -> tuple[int | None, str] | None:
    for item in data.get("rejected") or []:
        if isinstance(item, dict) and item.get("number") == number:
            err = item.get("error") if isinstance(item.get("error"), dict) else {}
            code = err.get("code") if isinstance(err.get("code"), int) else None
            return code, str(err.get("message") or "rejected")
    return None


async def _track17(adapter: track17.Track17, number: str, carrier: str, key: int) -> Correction:
    _, _, info = await adapter._post("gettrackinfo", [{"number": number}])
    old = next((item.get("carrier") for item in info.get("accepted") or []
                if isinstance(item, dict) and item.get("number") == number), None)
    refused = _refusal(info, number)
    if old is None and refused is not None and refused[0] == track17_envelope.NOT_REGISTERED:
        _, _, data = await adapter._post("register", [{"number": number, "carrier": key}])
        problem = _refusal(data, number)
        if problem is not None and problem[0] != track17_envelope.ALREADY_REGISTERED:
            raise CarrierResponseError(adapter.name, f"register {number} as {carrier}: {problem[1]} "
                                                     f"(code {problem[0]})")
        return Correction(adapter.name, number, carrier, str(key), None, "registered")
    if refused is not None and old is None:
        raise CarrierResponseError(adapter.name, f"gettrackinfo {number}: {refused[1]} (code {refused[0]})")
    if old == key:
        return Correction(adapter.name, number, carrier, str(key), str(old), "unchanged")
    item: dict[str, Any] = {"number": number, "carrier_new": key}
    if isinstance(old, int):
        item["carrier_old"] = old
    _, _, data = await adapter._post("changecarrier", [item])
    problem = _refusal(data, number)
    if problem is not None:
        raise CarrierResponseError(adapter.name, f"changecarrier {number} to {carrier} ({key}): {problem[1]} "
                                                 f"(code {problem[0]})")
    return Correction(adapter.name, number, carrier, str(key), None if old is None else str(old), "changed")


async def _aftership(adapter: aftership.AfterShip, number: str, carrier: str, slug: str) -> Correction:
    body, status = await adapter._call("GET", "/trackings", params={"tracking_numbers": number})
    meta, data = aftership.decode("get", body, status)
    found = [t for t in aftership._trackings(data) if t.get("tracking_number") == number]
    if not found:
        await _create(adapter, number, slug)
        return Correction(adapter.name, number, carrier, slug, None, "registered")
    tracking = found[0]
    old = str(tracking.get("slug") or "") or None
    if old == slug:
        return Correction(adapter.name, number, carrier, slug, old, "unchanged")
    ident = tracking.get("id")
    if not ident:
        raise CarrierResponseError(adapter.name, f"tracking of {number} has no id to update")
    body, status = await adapter._call("PUT", f"/trackings/{ident}", json={"slug": slug})
    meta, data = aftership.decode("update", body, status)
    if status < 300 and all(t.get("slug") in (None, slug) for t in aftership._trackings(data)):
        return Correction(adapter.name, number, carrier, slug, old, "changed")
    adapter.log.info("carrier.correction_recreate", tracking_number=number, http_status=status,
                     message=meta.get("message"))
    body, status = await adapter._call("DELETE", f"/trackings/{ident}")
    meta, _ = aftership.decode("delete", body, status)
    if status >= 300 and status != 404:
        raise CarrierResponseError(adapter.name, f"delete {number}: {meta.get('message') or status}")
    await _create(adapter, number, slug)
    return Correction(adapter.name, number, carrier, slug, old, "recreated")


async def _create(adapter: aftership.AfterShip, number: str, slug: str) -> None:
    body, status = await adapter._call("POST", "/trackings", json={"tracking_number": number, "slug": slug})
    meta, _ = aftership.decode("create", body, status)
    if status >= 300 and meta.get("code") != aftership.ALREADY_EXISTS_META:
        raise CarrierResponseError(adapter.name, f"create {number} with slug {slug}: "
                                                 f"{meta.get('message') or status}")


__all__ = ["Correction", "aggregator_code", "change_carrier"]
