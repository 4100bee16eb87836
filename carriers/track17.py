"""17TRACK Tracking API v2.2 (aggregator): register + gettrackinfo, 40 numbers per request.

Facts: reference/carrier-apis.md §1. Every endpoint is `POST {base}/<name>` with a JSON array
body and the header `17token`; the answer is `{"code": 0, "data": {"accepted": [...],
"rejected": [{"number", "error": {"code", "message"}}]}}`. `fetch` registers the numbers
(already registered is not an error) then asks for their track info; `parse` is pure and
reports register and gettrackinfo rejections per number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import structlog

from carriers import registry
from carriers.answer_parts import parser_salt, part_digest
from carriers.base import (
    CarrierAdapter,
    RawResponse,
    TrackRequest,
    batches,
    invert,
    offset_minutes,
    parse_ts,
    sort_dedupe,
)
from carriers.classifying import classify_description, refine
from carriers.manifest import CarrierManifest, Webhook
from carriers.reading import TEXT_CACHE_SIZE, member, parse_day
from carriers.track17_envelope import (
    ALREADY_REGISTERED,
    NAME,
    bad,
    check_envelope,
    decode,
    problem,
    rejections,
)
from trackmon.domain import CarrierProblem, ParseResult, Status, SubStatus, TrackingEvent, TrackingSnapshot, Unchanged
from trackmon.http import json_body, send

log = structlog.get_logger("trackmon.carriers").bind(carrier=NAME)

MANIFEST = CarrierManifest(
    name=NAME, label="17TRACK", kind="aggregator", adapter="carriers.track17:Track17", priority=10,
    credentials=("api_key",), base_url="https://api.17track.net/track/v2.2", max_batch=40,
    webhook=Webhook(header="sign", secret_key="api_key",
                    verify="carriers.webhooks:verify_17track_signature", parse="carriers.webhooks:parse_17track_push",
                    scheme="lowercase hex SHA-256 of the body + '/' + the API key"),
    setup="17TRACK API dashboard → Settings → Security key (api.17track.net); the WebHook URL is set there too",
)


def __getattr__(name: str) -> Any:
    if name == "CARRIER_KEYS":  # trackmon carrier name → 17TRACK key, from each carrier's manifest
        return dict(registry.codes_for(NAME))
    raise AttributeError(f"module 'carriers.track17' has no attribute {name!r}")

# Sources (each row cites one):
# [T17-S] 17TRACK Tracking API v2.2, "Package status and sub-status"
#         (help.17track.net/hc/en-us/articles/37471096573337: 9 main statuses, 30 sub-statuses;
#         reference/status-enums.json "17track_v2"). Every published value is a row below.
# [T17-K] the `milestone.key_stage` list of the v2.2 docs (carrier-apis.md §1.5;
#         status-enums.json "17track_v2" "milestone_key_stage").

#: Main status → trackmon Status, used when the sub-status is missing or unknown.
MAIN_STATUS: Mapping[Status, tuple[str, ...]] = {
    Status.not_found: ("NotFound",),  # [T17-S]
    Status.info_received: ("InfoReceived",),  # [T17-S]
    Status.in_transit: ("InTransit",),  # [T17-S]
    Status.expired: ("Expired",),  # [T17-S]
    Status.available_for_pickup: ("AvailableForPickup",),  # [T17-S]
    Status.out_for_delivery: ("OutForDelivery",),  # [T17-S]
    Status.delivery_failed: ("DeliveryFailure",),  # [T17-S]
    Status.delivered: ("Delivered",),  # [T17-S]
    Status.exception: ("Exception",),  # [T17-S]
}
_MAIN = invert(MAIN_STATUS)

#: Sub-status → (Status, SubStatus); all 30 values of the v2.2 enumeration (§1.5).
#: A None sub-status is generic: the latest event's text may refine it.
SUB_STATUS: Mapping[Status, Mapping[str, SubStatus | None]] = {
    Status.not_found: {
        "NotFound_Other": None,                          # [T17-S] no information yet
        "NotFound_InvalidCode": SubStatus.invalid_number,  # [T17-S] number not valid for the carrier
    },
    Status.info_received: {"InfoReceived": SubStatus.label_created},  # [T17-S] carrier has the data, not the parcel
    Status.in_transit: {
        "InTransit_PickedUp": SubStatus.picked_up,  # [T17-S]
        "InTransit_Other": None,  # [T17-S]
        "InTransit_Departure": SubStatus.departed_origin,         # [T17-S] left the origin country port
        "InTransit_Arrival": SubStatus.arrived_destination,       # [T17-S] arrived at the destination country port
        "InTransit_CustomsProcessing": SubStatus.customs_processing,  # [T17-S]
        "InTransit_CustomsReleased": SubStatus.customs_released,  # [T17-S]
        "InTransit_CustomsRequiringInformation": SubStatus.customs_information_required,  # [T17-S]
    },
    Status.expired: {"Expired_Other": None},                   # [T17-S] in transit too long, no delivery
    Status.available_for_pickup: {"AvailableForPickup_Other": None},  # [T17-S]
    Status.out_for_delivery: {"OutForDelivery_Other": None},  # [T17-S]
    Status.delivery_failed: {
        "DeliveryFailure_Other": None,  # [T17-S]
        "DeliveryFailure_NoBody": SubStatus.nobody_home,          # [T17-S] recipient unreachable
        "DeliveryFailure_Security": SubStatus.security,           # [T17-S] security/customs/fee issue
        "DeliveryFailure_Rejected": SubStatus.refused,  # [T17-S]
        "DeliveryFailure_InvalidAddress": SubStatus.bad_address,  # [T17-S]
    },
    Status.delivered: {"Delivered_Other": None},  # [T17-S]
    Status.returning: {"Exception_Returning": SubStatus.returning},  # [T17-S] being returned to sender
    Status.returned: {"Exception_Returned": SubStatus.returned},     # [T17-S] sender received the return
    Status.exception: {
        "Exception_Other": None,  # [T17-S]
        "Exception_NoBody": SubStatus.nobody_home,  # [T17-S]
        "Exception_Security": SubStatus.security,  # [T17-S]
        "Exception_Damage": SubStatus.damaged,  # [T17-S]
        "Exception_Rejected": SubStatus.refused,  # [T17-S]
        "Exception_Delayed": SubStatus.delayed,  # [T17-S]
        "Exception_Lost": SubStatus.lost,  # [T17-S]
        "Exception_Destroyed": SubStatus.damaged,   # [T17-S] destroyed (e.g. by customs): damaged beyond delivery
        "Exception_Cancel": SubStatus.cancelled,  # [T17-S]
    },
}
_SUB: dict[str, tuple[Status, SubStatus | None]] = {
    code: (status, sub) for status, subs in SUB_STATUS.items() for code, sub in subs.items()}

#: Key stage of an event (`stage`) → (Status, SubStatus).
STAGES: Mapping[str, tuple[Status, SubStatus | None]] = {
    "InfoReceived": (Status.info_received, SubStatus.label_created),  # [T17-K]
    "PickedUp": (Status.in_transit, SubStatus.picked_up),  # [T17-K]
    "Departure": (Status.in_transit, SubStatus.departed_origin),  # [T17-K]
    "Arrival": (Status.in_transit, SubStatus.arrived_destination),  # [T17-K]
    "AvailableForPickup": (Status.available_for_pickup, None),  # [T17-K]
    "OutForDelivery": (Status.out_for_delivery, None),  # [T17-K]
    "Delivered": (Status.delivered, None),  # [T17-K]
    "Returning": (Status.returning, SubStatus.returning),  # [T17-K]
    "Returned": (Status.returned, SubStatus.returned),  # [T17-K]
}

_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


def _country(address: Any) -> str | None:
    value = address.get("country") if isinstance(address, dict) else None
    return _country_code(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _country_code(value: str) -> str | None:
    """A two-letter country code, upper-cased, or None (memoised: a few codes, read per event)."""
    return value.upper() if _TWO_LETTERS.fullmatch(value) else None


def _classify(stage: Any, sub_code: Any, text: str) -> tuple[Status, SubStatus | None] | None:
    """An event's status: its own sub-status (v2.2), else its key stage, else its text."""
    return _classify_known(sub_code if isinstance(sub_code, str) and sub_code in _SUB else None,
                           stage if isinstance(stage, str) and stage in STAGES else None, text)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _classify_known(sub_code: str | None, stage: str | None, text: str) -> tuple[Status, SubStatus | None] | None:
    """`_classify` of a known sub-status and stage (or None), memoised: the classifier is pure
    and a carrier's wordings repeat from parcel to parcel."""
    found: tuple[Status, SubStatus | None] | None = None
    if sub_code is not None:
        found = _SUB[sub_code]
    elif stage is not None:
        found = STAGES[stage]
    if found is None:
        cls = classify_description(text) if text else None
        return None if cls is None else (cls.status, cls.sub_status)
    if text:
        return tuple(refine(found[0], found[1], text))
    return found


def _event(raw: Any, number: str) -> TrackingEvent | None:
    if not isinstance(raw, dict):
        raise bad(f"{number}: event is not an object")
    get = raw.get
    text = str(member(raw, "description", str, "event description") or "").strip()
    time_utc, time_iso = get("time_utc"), get("time_iso")
    try:
        when = parse_ts(time_utc) or parse_ts(time_iso)
    except ValueError:
        when = None
    if when is None:
        log.warning("carrier.event_skipped", tracking_number=number, reason="no usable time",
                    time_utc=time_utc, time_iso=time_iso, description=text[:80])
        return None
    stage, sub_code = get("stage"), get("sub_status")
    status, sub = _classify(stage, sub_code, text) or _NO_CLASS
    raw_code = sub_code or stage
    return TrackingEvent(
        time=when, description=text, location=(str(get("location") or "").strip() or None),
        status=status, sub_status=sub, raw_code=str(raw_code) if raw_code else None,
        utc_offset_minutes=offset_minutes(time_iso), country=_country(get("address")))


_NO_CLASS: tuple[Status, SubStatus | None] = (Status.in_transit, None)


def _map_status(main: Any, sub: Any, number: str) -> tuple[Status, SubStatus | None]:
    if isinstance(sub, str) and sub in _SUB:
        return _SUB[sub]
    if isinstance(main, str) and main in _MAIN:
        if sub:
            log.warning("carrier.unmapped_code", code=f"{main}/{sub}", tracking_number=number)
        return _MAIN[main], None
    log.warning("carrier.unmapped_code", code=f"{main}/{sub}", tracking_number=number)
    return Status.unknown, None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40]


def parse_track_info(item: dict[str, Any]) -> TrackingSnapshot:
    """One accepted gettrackinfo item (or a webhook's `data`) → a snapshot. Pure."""
    if not isinstance(item, dict) or not isinstance(item.get("number"), str) or not item["number"]:
        raise bad(f"track item without a number: {str(item)[:80]}")
    number = item["number"]
    info = item.get("track_info")
    if not isinstance(info, dict):
        raise bad(f"{number}: track_info is missing or not an object")
    latest = member(info, "latest_status", dict, "track_info.latest_status") or {}
    main, sub = latest.get("status"), latest.get("sub_status")
    status, sub_status = _map_status(main, sub, number)

    tracking = member(info, "tracking", dict, "track_info.tracking") or {}
    providers = member(tracking, "providers", list, "track_info.tracking.providers") or []
    if not all(isinstance(p, dict) for p in providers):
        raise bad("a provider in track_info.tracking.providers is not an object")
    events: list[TrackingEvent] = []
    for provider in providers:
        for raw in member(provider, "events", list, "a provider's events") or []:
            ev = _event(raw, number)
            if ev is not None:
                events.append(ev)
    ordered = sort_dedupe(events)

    latest_event = member(info, "latest_event", dict, "track_info.latest_event") or {}
    latest_text = str(member(latest_event, "description", str, "track_info.latest_event.description")
                      or "").strip() or (ordered[-1].description if ordered else "")
    if latest_text and status not in (Status.unknown, Status.not_found):
        status, sub_status = refine(status, sub_status, latest_text)

    metrics = member(info, "time_metrics", dict, "track_info.time_metrics") or {}
    eta = member(metrics, "estimated_delivery_date", dict, "time_metrics.estimated_delivery_date") or {}
    shipping = member(info, "shipping_info", dict, "track_info.shipping_info") or {}
    last_provider = (member(providers[-1], "provider", dict, "a provider's provider") or {}) if providers else {}
    first_provider = (member(providers[0], "provider", dict, "a provider's provider") or {}) if providers else {}
    key = item.get("carrier")
    first_name = str(member(first_provider, "name", str, "provider name") or "")
    last_name = member(last_provider, "name", str, "provider name")
    carrier = registry.carrier_for_code(NAME).get(key) if isinstance(key, int) else None
    return TrackingSnapshot(
        carrier=carrier or _slug(first_name) or (f"17track-{key}" if key else "unknown"),
        tracking_number=number,
        status=status,
        sub_status=sub_status,
        raw_status="/".join(str(x) for x in (main, sub) if x) or None,
        events=ordered,
        eta_from=parse_day(eta.get("from")),
        eta_to=parse_day(eta.get("to")),
        origin_country=_country(shipping.get("shipper_address")),
        destination_country=_country(shipping.get("recipient_address")),
        last_mile_carrier=(last_name or "").strip() or None,
        source=NAME,
    )


class Track17(CarrierAdapter):
    manifest = MANIFEST

    def _headers(self) -> dict[str, str]:
        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        return {"17token": key, "Content-Type": "application/json"}

    @staticmethod
    def _items(requests: Sequence[TrackRequest]) -> list[dict[str, Any]]:
        items = []
        for req in requests:
            item: dict[str, Any] = {"number": req.number}
            key = registry.codes_for(NAME).get(req.carrier_hint or "")
            if key is not None:
                item["carrier"] = key
            items.append(item)
        return items

    async def _post(self, endpoint: str, items: list[dict[str, Any]]) -> tuple[bytes, int, dict[str, Any]]:
        """One call; returns the body, the HTTP status and the checked `data`."""
        response = await send(self.client, self.name, "POST", f"{self.base_url}/{endpoint}",
                              limiter=self.limiter, attempts=self.settings.max_attempts,
                              sleep=self.sleep, timeout=self.timeout, json=items, headers=self._headers())
        data = check_envelope(endpoint, json_body(self.name, response))
        return response.content, response.status_code, data

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        """register (all numbers) then gettrackinfo (those not refused): one call of ≤40 numbers
        each (`track` cuts the batches)."""
        if len(requests) > self.max_batch:
            raise ValueError(f"17TRACK takes at most {self.max_batch} numbers per call, got {len(requests)}")
        parts: dict[str, bytes] = {}
        codes: dict[str, int] = {}
        decoded: dict[str, dict[str, Any]] = {}
        body, code, data = await self._post("register", self._items(requests))
        parts["register"], codes["register"], decoded["register"] = body, code, data
        refused = {n for n, c, _ in rejections(data) if c != ALREADY_REGISTERED}
        ask = [r for r in requests if r.number not in refused]
        if ask:
            body, code, data = await self._post("gettrackinfo", self._items(ask))
            parts["gettrackinfo"], codes["gettrackinfo"], decoded["gettrackinfo"] = body, code, data
        self.log.debug("carrier.fetched", numbers=len(requests), calls=len(parts))
        return RawResponse(requested=tuple(r.number for r in requests), parts=parts, status_codes=codes,
                           decoded=decoded)

    def parse(self, raw: RawResponse) -> ParseResult:
        register_problems: dict[str, CarrierProblem] = {}
        info_problems: dict[str, CarrierProblem] = {}
        snapshots: dict[str, TrackingSnapshot] = {}
        unchanged: dict[str, Unchanged] = {}
        salt = parser_salt(__name__)
        for part, body in raw.parts.items():
            kind = part.split(":", 1)[0]
            if kind not in ("register", "gettrackinfo"):
                raise self.bad_response(f"unexpected response part {part!r}")
            data = raw.decoded.get(part) or decode(kind, body)
            for number, code, message in rejections(data):
                if kind == "register" and code != ALREADY_REGISTERED:
                    register_problems[number] = problem(number, code, message)
                elif kind == "gettrackinfo":
                    info_problems[number] = problem(number, code, message)
            if kind == "gettrackinfo":
                for item in data.get("accepted") or []:
                    number = item.get("number") if isinstance(item, dict) else None
                    if not isinstance(number, str) or not number:
                        raise self.bad_response(f"gettrackinfo accepted an item without a number: {str(item)[:80]}")
                    if item.get("track_info") is None:
                        info_problems[number] = CarrierProblem(
                            tracking_number=number, kind="not_found",
                            message="17TRACK has no tracking information for this number yet")
                        continue
                    digest = part_digest(salt, item)
                    if digest is not None and raw.known.get(number) == digest:
                        unchanged[number] = Unchanged(number, digest)
                        continue
                    outcome = self.read_one(number, lambda item=item: parse_track_info(item))
                    if isinstance(outcome, CarrierProblem):
                        info_problems[number] = outcome
                    else:
                        snapshots[number] = replace(outcome, raw_digest=digest)
        problems = {**info_problems, **register_problems}  # the register refusal is the cause
        return ParseResult(
            snapshots=tuple(s for n, s in snapshots.items() if n not in problems),
            problems=tuple(problems.values()),
            unchanged=tuple(u for n, u in unchanged.items() if n not in problems))

    async def stop_tracking(self, numbers: Sequence[TrackRequest]) -> None:
        """POST {base}/stoptrack, ≤40 per call; per-number refusals are logged, not raised."""
        for chunk in batches(numbers, self.max_batch):
            _, _, data = await self._post("stoptrack", self._items(chunk))
            for number, code, message in rejections(data):
                self.log.warning("carrier.stop_refused", tracking_number=number, code=code, message=message)


__all__ = ["MAIN_STATUS", "MANIFEST", "STAGES", "SUB_STATUS", "Track17", "check_envelope", "decode",
           "parse_track_info"]
