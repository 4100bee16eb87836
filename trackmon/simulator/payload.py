"""17TRACK v2.2-shaped JSON for simulated journeys (pure).

Shapes follow the public v2.2 documentation and recorded payloads: the `{"code", "data":
{"accepted", "rejected"}}` envelope, whole-request errors as `data.errors`, and `track_info`
with `latest_status`, `latest_event`, `time_metrics`, all nine `milestone` stages and
`tracking.providers[].events` newest first.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from trackmon.simulator import texts
from trackmon.simulator.journeys import Journey, SimEvent, reword_text

KEY_STAGES = ("InfoReceived", "PickedUp", "Departure", "Arrival", "AvailableForPickup",
              "OutForDelivery", "Delivered", "Returning", "Returned")

#: 17TRACK error codes used by the simulator, with the documented messages.
ERR_INVALID_KEY = -18010002
ERR_TOO_MANY_NUMBERS = -18010014
ERR_INVALID_DATA = -18010013
ERR_ALREADY_REGISTERED = -18019901
ERR_NOT_REGISTERED = -18019902
ERR_CARRIER_NOT_DETECTED = -18019903
ERR_ONLY_STOPPED = -18019904
ERR_ALREADY_STOPPED = -18019906

MESSAGES = {
    ERR_INVALID_KEY: "The security key is invalid.",
    ERR_TOO_MANY_NUMBERS: "Tracking numbers exceed the 40 limit.",
    ERR_INVALID_DATA: "Invalid submitted data.",
    ERR_ALREADY_REGISTERED: "Tracking number {0} is already registered.",
    ERR_NOT_REGISTERED: "Tracking number {0} is not registered yet. Register first.",
    ERR_CARRIER_NOT_DETECTED: "The carrier of tracking number {0} cannot be detected.",
    ERR_ONLY_STOPPED: "Only stopped numbers can be retracked: {0}.",
    ERR_ALREADY_STOPPED: "Tracking number {0} has already stopped tracking.",
}

PROVIDER = {"key": 3011, "name": "China Post", "alias": "China Post", "tel": "11183",
            "homepage": "http://yjcx.ems.com.cn/", "country": "CN"}


def envelope(accepted: list[dict[str, Any]], rejected: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": 0, "data": {"accepted": accepted, "rejected": rejected}}


def request_error(code: int) -> dict[str, Any]:
    """A whole-request failure: HTTP 200, `code` != 0 and the reason in `data.errors`."""
    return {"code": code, "data": {"errors": [{"code": code, "message": MESSAGES[code]}]}}


def rejection(number: str, code: int) -> dict[str, Any]:
    return {"number": number, "error": {"code": code, "message": MESSAGES[code].format(number)}}


def _address(country: str | None, city: str | None = None) -> dict[str, Any]:
    return {"country": country or None, "state": None, "city": city, "street": None, "postal_code": None,
            "coordinates": {"longitude": None, "latitude": None}}


def event_json(event: SimEvent, *, reword: bool = False) -> dict[str, Any]:
    return {
        "time_iso": event.time_iso, "time_utc": event.time_utc_text,
        "description": reword_text(event.description) if reword else event.description,
        "location": event.location, "stage": event.stage, "address": _address(event.country),
    }


def _signed_hash(value: str) -> int:
    """A signed 32-bit hash, as 17TRACK's `events_hash` / `providers_hash`."""
    crc = zlib.crc32(value.encode())
    return crc - (1 << 32) if crc >= 1 << 31 else crc


def _local_iso(moment: datetime | None, tz: str) -> str | None:
    return None if moment is None else moment.astimezone(ZoneInfo(tz)).isoformat(timespec="seconds")


EVENTS_MARK = "@@events@@"
LATEST_MARK = "@@latest@@"


def dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def encode_events(journey: Journey, *, reword: bool = False) -> tuple[str, ...]:
    """Each event of the journey as JSON text, oldest first (computed once per journey)."""
    return tuple(dumps(event_json(e, reword=reword)) for e in journey.events)


def track_info(journey: Journey, now: datetime, *, reword: bool = False, encoded: bool = False) -> dict[str, Any]:
    """The `track_info` object 17TRACK would return for `journey` at `now`.

    With `encoded=True` the events and latest event are left as markers for
    `accepted_item_text` to fill with pre-encoded event texts."""
    visible = journey.visible_at(now)
    events: list[Any] = [] if encoded else [event_json(e, reword=reword) for e in reversed(visible.events)]
    reached: dict[str, SimEvent] = {}
    for event in visible.events:
        if event.stage and event.stage not in reached:
            reached[event.stage] = event
    first = visible.events[0] if visible.events else None
    last = visible.events[-1] if visible.events else None
    done = journey.final_main_status == "Delivered" and last is journey.events[-1]
    dest = texts.DESTINATIONS[journey.destination]

    def days(since: SimEvent | None) -> int:
        return max(0, (now - since.time_utc).days) if since else 0

    if encoded:
        latest: Any = LATEST_MARK if visible.events else None
        events_value: Any = EVENTS_MARK
    else:
        latest, events_value = (events[0] if events else None), events
    return {
        "shipping_info": {"shipper_address": _address(journey.origin),
                          "recipient_address": _address(journey.destination, journey.recipient_city)},
        "latest_status": {"status": visible.main_status, "sub_status": visible.sub_status,
                          "sub_status_descr": None},
        "latest_event": latest,
        "time_metrics": {
            "days_after_order": days(first), "days_of_transit": days(first),
            "days_of_transit_done": (last.time_utc - first.time_utc).days if done and first and last else 0,
            "days_after_last_update": days(last),
            "estimated_delivery_date": {
                "source": "Official" if journey.eta_from else None,
                "from": _local_iso(journey.eta_from, dest.gateway.tz) if first else None,
                "to": _local_iso(journey.eta_to, dest.gateway.tz) if first else None,
            },
        },
        "milestone": [{"key_stage": stage,
                       "time_iso": reached[stage].time_iso if stage in reached else None,
                       "time_utc": reached[stage].time_utc_text if stage in reached else None}
                      for stage in KEY_STAGES],
        "misc_info": {"risk_factor": 0, "service_type": "China Post Registered Air Mail", "weight_raw": None,
                      "weight_kg": None, "pieces": None, "dimensions": None, "customer_number": None,
                      "reference_number": None, "local_number": None, "local_provider": None, "local_key": 0},
        "tracking": {
            "providers_hash": _signed_hash(journey.number),
            "providers": [{
                "provider": PROVIDER, "service_type": None, "latest_sync_status": "Success",
                "latest_sync_time": now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                "events_hash": _signed_hash(f"{journey.number}|{len(visible.events)}|{reword}"),
                "events": events_value,
            }] if visible.events else [],
        },
    }


def not_found_item(number: str, carrier: int | None, tag: str | None = None) -> dict[str, Any]:
    """What 17TRACK answers for a number asked at a carrier that does not know it."""
    return {"number": number, "carrier": carrier, "param": None, "tag": tag,
            "track_info": {"shipping_info": {"shipper_address": {}, "recipient_address": {}},
                           "latest_status": {"status": "NotFound", "sub_status": "NotFound_Other",
                                             "sub_status_descr": None},
                           "latest_event": None, "time_metrics": {}, "milestone": [],
                           "tracking": {"providers_hash": 0, "providers": []}}}


def accepted_item(journey: Journey, now: datetime, *, carrier: int | None, reword: bool = False,
                  tag: str | None = None) -> dict[str, Any]:
    return {"number": journey.number, "carrier": carrier or journey.carrier_key, "param": None, "tag": tag,
            "track_info": track_info(journey, now, reword=reword)}



def accepted_item_text(journey: Journey, now: datetime, events: tuple[str, ...], *, carrier: int | None,
                       reword: bool = False, tag: str | None = None) -> str:
    """`accepted_item` as JSON text, built from `events` = `encode_events(journey, reword=...)`."""
    document = {"number": journey.number, "carrier": carrier or journey.carrier_key, "param": None, "tag": tag,
                "track_info": track_info(journey, now, reword=reword, encoded=True)}
    text = dumps(document)
    shown = len(journey.visible_at(now).events)
    if not shown:
        return text
    newest_first = events[shown - 1::-1]
    text = text.replace(f'"{LATEST_MARK}"', newest_first[0], 1)
    return text.replace(f'"{EVENTS_MARK}"', "[" + ",".join(newest_first) + "]", 1)


def envelope_text(accepted: list[str], rejected: list[dict[str, Any]]) -> str:
    """`envelope()` as JSON text from already-encoded accepted items."""
    return '{"code":0,"data":{"accepted":[' + ",".join(accepted) + '],"rejected":' + dumps(rejected) + "}}"
