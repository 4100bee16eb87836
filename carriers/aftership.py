"""AfterShip Tracking API (aggregator), dated version 2024-04, one number per request.

Facts: reference/carrier-apis.md §2. Header `as-api-key`; envelope `{"meta": {"code", "message",
"type"}, "data": ...}`. `fetch` looks the number up (`GET {base}/trackings?tracking_numbers=`)
and creates the tracking (`POST {base}/trackings`) when AfterShip does not know it yet; `parse`
is pure. The legacy v4 shape (`data.tracking`, `*_iso3` fields) is read too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import structlog

from carriers import registry
from carriers.base import (
    CarrierAdapter,
    RawResponse,
    TrackRequest,
    invert,
    offset_minutes,
    parse_ts,
    sort_dedupe,
)
from carriers.classifying import classify_description, refine
from carriers.manifest import CarrierManifest, Webhook
from carriers.reading import member, parse_day
from trackmon.domain import CarrierProblem, ParseResult, Status, SubStatus, TrackingEvent, TrackingSnapshot
from trackmon.errors import CarrierAuthError, CarrierResponseError, RateLimited, TransientCarrierError
from trackmon.http import json_body, send

NAME = "aftership"
log = structlog.get_logger("trackmon.carriers").bind(carrier=NAME)

MANIFEST = CarrierManifest(
    name=NAME, label="AfterShip", kind="aggregator", adapter="carriers.aftership:AfterShip", priority=20,
    credentials=("api_key",), base_url="https://api.aftership.com/tracking/2024-04", max_batch=1,
    webhook=Webhook(header="aftership-hmac-sha256", secret_key="webhook_secret",
                    verify="carriers.webhooks:verify_aftership_signature",
                    parse="carriers.webhooks:parse_aftership_push",
                    scheme="base64 HMAC-SHA256 of the raw body, keyed with the webhook secret"),
    setup="AfterShip admin → Settings → API keys; Notifications → Webhooks for the webhook secret",
)


def __getattr__(name: str) -> Any:
    if name == "SLUGS":  # trackmon carrier name → AfterShip courier slug, from each carrier's manifest
        return dict(registry.codes_for(NAME))
    raise AttributeError(f"module 'carriers.aftership' has no attribute {name!r}")

# Sources of TAGS and SUBTAGS (each row cites one; the comment quotes the source's meaning):
# [AS-T]  AfterShip Tracking API "Delivery statuses" (aftership.com/docs/tracking/enum/delivery-statuses;
#         reference/status-enums.json "aftership" "tags").
# [AS-S]  AfterShip Tracking API "Delivery sub-statuses" table, subtag message and description
#         (aftership.com/docs/tracking/enum/delivery-sub-statuses; status-enums.json "subtags").
# [AS-N]  AfterShip help center "Learn about delivery sub-status", the sub-statuses added on
#         2026-03-27 (tracking-helpcenter.aftership.com/en/article/learn-about-delivery-sub-status-1b0hdlx).
# [AS-U]  Published as a code without a meaning we could verify (Pending_002..006): kept `not_found`
#         like Pending_001, never a guess.

#: Tag → Status, used when the subtag is missing or unknown.
TAGS: Mapping[Status, tuple[str, ...]] = {
    Status.not_found: ("Pending",),            # [AS-T] new shipment pending to track, no information yet
    Status.info_received: ("InfoReceived",),   # [AS-T] carrier has the shipper's request, about to pick up
    Status.in_transit: ("InTransit",),         # [AS-T] accepted or picked up from the shipper, on the way
    Status.out_for_delivery: ("OutForDelivery",),  # [AS-T] about to be delivered
    Status.delivery_failed: ("AttemptFail",),  # [AS-T] attempted to deliver but failed
    Status.delivered: ("Delivered",),          # [AS-T] delivered successfully
    Status.available_for_pickup: ("AvailableForPickup",),  # [AS-T] at a pickup point, available for pickup
    Status.exception: ("Exception",),          # [AS-T] custom hold, undelivered, returned or other exception
    Status.expired: ("Expired",),              # [AS-T] no tracking information for 30 days
}
_TAG = invert(TAGS)

#: Subtag → (Status, SubStatus), keyed by Status. None = generic (text may refine it).
SUBTAGS: Mapping[Status, Mapping[str, SubStatus | None]] = {
    Status.not_found: {
        "Pending_001": None,                                 # [AS-S] Pending
        **{f"Pending_00{i}": None for i in range(2, 7)},     # [AS-U] Pending variants, meaning not published
    },
    Status.info_received: {"InfoReceived_001": SubStatus.label_created},  # [AS-S] Info Received
    Status.in_transit: {
        "InTransit_001": None,                               # [AS-S] In Transit
        "InTransit_002": SubStatus.picked_up,                # [AS-S] Acceptance scan
        "InTransit_003": None,                               # [AS-S] Arrival scan (any facility)
        "InTransit_004": SubStatus.arrived_destination,      # [AS-S] Arrived at the destination country
        "InTransit_005": SubStatus.customs_released,         # [AS-S] Customs clearance completed
        "InTransit_006": SubStatus.customs_processing,       # [AS-S] Customs clearance started
        "InTransit_007": None,                               # [AS-S] Departure Scan (any facility)
        "InTransit_008": None,                               # [AS-S] Problem resolved
        "InTransit_009": None,                               # [AS-S] Forwarded to a different delivery address
        "Exception_004": SubStatus.customs_held,             # [AS-S] Delayed (Customs clearance): a customs stage
        "Exception_006": SubStatus.customs_duties,           # [AS-S] Held for payment
        "Exception_018": SubStatus.customs_information_required,  # [AS-N] Incorrect / missing documents
    },
    Status.out_for_delivery: {
        "OutForDelivery_001": None,                          # [AS-S] Out for Delivery
        "OutForDelivery_003": None,                          # [AS-S] Customer contacted
        "OutForDelivery_004": None,                          # [AS-S] Delivery appointment scheduled
    },
    Status.delivery_failed: {
        "AttemptFail_001": None,                             # [AS-S] Failed Attempt
        "AttemptFail_002": SubStatus.nobody_home,            # [AS-S] Addressee not available
        "AttemptFail_003": SubStatus.nobody_home,            # [AS-S] Business Closed
        "Exception_002": SubStatus.bad_address,              # [AS-S] Customer moved: delivery failed, relocated
        "Exception_003": SubStatus.refused,                  # [AS-S] Customer refused delivery: delivery failed
        "Exception_007": SubStatus.bad_address,              # [AS-S] Incorrect Address: not delivered
    },
    Status.delivered: {
        "Delivered_001": None,                               # [AS-S] Delivered
        "Delivered_002": None,                               # [AS-S] Picked up by the customer
        "Delivered_003": None,                               # [AS-S] Sign by customer
        "Delivered_004": None,                               # [AS-S] Delivered and received cash on delivery
        "Delivered_005": None,                               # [AS-S] Delivered to neighbor
    },
    Status.available_for_pickup: {"AvailableForPickup_001": None},  # [AS-S] Available for pickup
    Status.returning: {"Exception_010": SubStatus.returning},  # [AS-S] Returning to sender: on its way back
    Status.returned: {"Exception_011": SubStatus.returned},    # [AS-S] Returned to sender: received by the sender
    Status.exception: {
        "Exception_001": None,                               # [AS-S] Exception (generic: the text may say more)
        "Exception_005": SubStatus.delayed,                  # [AS-S] Delayed (External factors)
        "Exception_008": None,                               # [AS-S] Pick up missed: not collected by the customer
        "Exception_009": SubStatus.other,                    # [AS-S] Rejected by carrier (noncompliance)
        "Exception_012": SubStatus.damaged,                  # [AS-S] Shipment damage
        "Exception_013": SubStatus.lost,                     # [AS-S] Shipment lost
        "Exception_016": SubStatus.delayed,                  # [AS-N] Delayed (Processing issue)
        "Exception_017": SubStatus.delayed,                  # [AS-N] Delayed (Extreme weather)
        "Exception_019": SubStatus.delayed,                  # [AS-N] Delayed (Late flight)
        "Exception_020": SubStatus.cancelled,                # [AS-N] Shipment cancelled by the sender or carrier
        "Exception_021": SubStatus.other,                    # [AS-N] Shipment disposed (destroyed, discarded)
    },
    Status.expired: {"Expired_001": None},                   # [AS-S] Expired
}
_SUBTAG: dict[str, tuple[Status, SubStatus | None]] = {
    code: (status, sub) for status, subs in SUBTAGS.items() for code, sub in subs.items()}

#: ISO 3166 alpha-3 → alpha-2 for the lanes trackmon serves (legacy v4 sends alpha-3).
_ISO3: dict[str, str] = {
    "CHN": "CN", "USA": "US", "RUS": "RU", "DEU": "DE", "FRA": "FR", "GBR": "GB", "ESP": "ES", "ITA": "IT",
    "NLD": "NL", "BEL": "BE", "POL": "PL", "PRT": "PT", "SWE": "SE", "AUT": "AT", "CHE": "CH", "CZE": "CZ",
    "DNK": "DK", "FIN": "FI", "NOR": "NO", "IRL": "IE", "GRC": "GR", "HUN": "HU", "ROU": "RO", "BGR": "BG",
    "UKR": "UA", "BLR": "BY", "KAZ": "KZ", "TUR": "TR", "ISR": "IL", "JPN": "JP", "KOR": "KR", "HKG": "HK",
    "TWN": "TW", "SGP": "SG", "MYS": "MY", "THA": "TH", "VNM": "VN", "IDN": "ID", "PHL": "PH", "IND": "IN",
    "AUS": "AU", "NZL": "NZ", "CAN": "CA", "MEX": "MX", "BRA": "BR", "ARG": "AR", "CHL": "CL", "COL": "CO",
    "PER": "PE", "URY": "UY", "ECU": "EC", "ARE": "AE", "SAU": "SA", "ZAF": "ZA",
}

NOT_FOUND_META = frozenset({4004})  # tracking does not exist
ALREADY_EXISTS_META = 4003          # create: tracking already exists


def _bad(message: str) -> CarrierResponseError:
    return CarrierResponseError(NAME, message)


def _country(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip().upper()
    if re.fullmatch(r"[A-Z]{2}", value):
        return value
    return _ISO3.get(value)


def _date(*values: Any) -> date | None:
    """The first usable calendar date among `values`."""
    for value in values:
        day = parse_day(value) if isinstance(value, str) and value else None
        if day is not None:
            return day
    return None


def _map(tag: Any, subtag: Any, number: str) -> tuple[Status, SubStatus | None]:
    if isinstance(subtag, str) and subtag in _SUBTAG:
        return _SUBTAG[subtag]
    if isinstance(tag, str) and tag in _TAG:
        if subtag:
            log.warning("carrier.unmapped_code", code=f"{tag}/{subtag}", tracking_number=number)
        return _TAG[tag], None
    log.warning("carrier.unmapped_code", code=f"{tag}/{subtag}", tracking_number=number)
    return Status.unknown, None


def _checkpoint(raw: Any, number: str) -> TrackingEvent | None:
    if not isinstance(raw, dict):
        raise _bad(f"{number}: checkpoint is not an object")
    text = str(member(raw, "message", str, "checkpoint message")
               or member(raw, "subtag_message", str, "checkpoint subtag_message") or "").strip()
    try:
        when = parse_ts(raw.get("checkpoint_time"))
    except ValueError:
        when = None
    if when is None:
        log.warning("carrier.event_skipped", tracking_number=number, reason="no usable time",
                    checkpoint_time=raw.get("checkpoint_time"), description=text[:80])
        return None
    tag, subtag = raw.get("tag"), raw.get("subtag")
    if (isinstance(subtag, str) and subtag in _SUBTAG) or (isinstance(tag, str) and tag in _TAG):
        status, sub = _map(tag, subtag, number)
        if sub is None and text:
            status, sub = refine(status, None, text)
    else:
        cls = classify_description(text) if text else None
        status, sub = (cls.status, cls.sub_status) if cls else (Status.in_transit, None)
    place = member(raw, "location", str, "checkpoint location") or ", ".join(
        str(p) for p in (raw.get("city"), raw.get("state"), raw.get("country_name")) if isinstance(p, str) and p)
    return TrackingEvent(
        time=when, description=text, location=str(place).strip() or None, status=status, sub_status=sub,
        raw_code=str(raw.get("raw_tag") or subtag or tag or "") or None,
        utc_offset_minutes=offset_minutes(raw.get("checkpoint_time")),
        country=_country(raw.get("country_region") or raw.get("country_iso3")))


def parse_tracking(obj: dict[str, Any]) -> TrackingSnapshot:
    """One AfterShip tracking object (API answer or webhook `msg`) → a snapshot. Pure."""
    if not isinstance(obj, dict) or not isinstance(obj.get("tracking_number"), str) or not obj["tracking_number"]:
        raise _bad(f"tracking object without a tracking_number: {str(obj)[:80]}")
    number = obj["tracking_number"]
    tag, subtag = obj.get("tag"), obj.get("subtag")
    status, sub_status = _map(tag, subtag, number)
    checkpoints = obj.get("checkpoints") or []
    if not isinstance(checkpoints, list):
        raise _bad(f"{number}: checkpoints is not a list")
    events = sort_dedupe(ev for ev in (_checkpoint(c, number) for c in checkpoints) if ev is not None)
    if sub_status is None and events and status not in (Status.unknown, Status.not_found):
        status, sub_status = refine(status, None, events[-1].description)

    def block(name: str) -> dict[str, Any]:
        value = obj.get(name)
        return value if isinstance(value, dict) else {}

    latest, courier, aftership = (block("latest_estimated_delivery"), block("courier_estimated_delivery_date"),
                                  block("aftership_estimated_delivery_date"))
    eta_from = _date(latest.get("datetime_min"), courier.get("estimated_delivery_date_min"),
                     aftership.get("estimated_delivery_date_min"), latest.get("datetime"),
                     courier.get("estimated_delivery_date"), aftership.get("estimated_delivery_date"),
                     obj.get("expected_delivery"))
    eta_to = _date(latest.get("datetime_max"), courier.get("estimated_delivery_date_max"),
                   aftership.get("estimated_delivery_date_max")) or eta_from
    slug = str(member(obj, "slug", str, "slug") or "")
    last_mile = member(block("last_mile"), "slug", str, "last_mile.slug") or next(
        (c["slug"] for c in reversed(checkpoints) if isinstance(c, dict) and isinstance(c.get("slug"), str)
         and c["slug"]), None) or slug
    return TrackingSnapshot(
        carrier=registry.carrier_for_code(NAME).get(slug, slug or "unknown"),
        tracking_number=number,
        status=status,
        sub_status=sub_status,
        raw_status="/".join(str(x) for x in (tag, subtag) if x) or None,
        events=events,
        eta_from=eta_from,
        eta_to=eta_to,
        origin_country=_country(obj.get("origin_country_region") or obj.get("origin_country_iso3")),
        destination_country=_country(obj.get("destination_country_region") or obj.get("destination_country_iso3")),
        last_mile_carrier=str(last_mile) or None,
        source=NAME,
    )


def decode(part: str, body: bytes, http_status: int | None = None) -> tuple[dict[str, Any], Any]:
    """Body → (meta, data). Auth and server errors raise; per-number 4xx are left to the caller."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        snippet = body[:80].decode("utf-8", "replace").strip()
        raise _bad(f"{part} response is not JSON (body starts {snippet!r})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("meta"), dict):
        raise _bad(f"{part} response has no 'meta' object")
    meta = doc["meta"]
    code = meta.get("code") if isinstance(meta.get("code"), int) else http_status or 0
    message = str(meta.get("message") or meta.get("type") or "no message")
    if code in (401, 403) or http_status in (401, 403):
        raise CarrierAuthError(NAME, f"{part} refused: {message} ({code}); check TRACKMON_AFTERSHIP_API_KEY")
    if code == 429:
        raise RateLimited(NAME, f"{part}: {message}")
    if 500 <= code < 600:
        raise TransientCarrierError(NAME, f"{part}: {message} ({code})")
    return meta, doc.get("data")


def _problem_from(number: str, meta: Mapping[str, Any], http_status: int | None) -> CarrierProblem | None:
    code = meta.get("code")
    message = str(meta.get("message") or meta.get("type") or "refused")
    if code in NOT_FOUND_META or http_status == 404:
        return CarrierProblem(tracking_number=number, kind="not_found", message=message, code=str(code))
    if isinstance(code, int) and code >= 400:
        return CarrierProblem(tracking_number=number, kind="invalid" if code >= 4000 or code == 422 else "rejected",
                              message=message, code=str(code))
    return None


def _trackings(data: Any) -> list[dict[str, Any]]:
    """The tracking objects in `data`, whatever the API version put them under."""
    if not isinstance(data, dict):
        return []
    if isinstance(data.get("trackings"), list):
        return [t for t in data["trackings"] if isinstance(t, dict)]
    if isinstance(data.get("tracking"), dict):
        return [data["tracking"]]
    return [data] if data.get("tracking_number") else []


class AfterShip(CarrierAdapter):
    manifest = MANIFEST

    def _headers(self) -> dict[str, str]:
        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        return {"as-api-key": key, "Content-Type": "application/json"}

    async def _call(self, method: str, path: str, **kwargs: Any) -> tuple[bytes, int]:
        response = await send(self.client, self.name, method, f"{self.base_url}{path}", limiter=self.limiter,
                              attempts=self.settings.max_attempts, sleep=self.sleep, timeout=self.timeout,
                              passthrough=(400, 404, 409, 422), headers=self._headers(), **kwargs)
        json_body(self.name, response)  # a non-JSON answer is refused here, with its content-type
        return response.content, response.status_code

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        parts: dict[str, bytes] = {}
        codes: dict[str, int] = {}
        for req in requests:
            slug = registry.codes_for(NAME).get(req.carrier_hint or "")
            params = {"tracking_numbers": req.number, **({"slug": slug} if slug else {})}
            body, status = await self._call("GET", "/trackings", params=params)
            parts[f"get:{req.number}"], codes[f"get:{req.number}"] = body, status
            _, data = decode("get", body, status)
            if status == 200 and not any(t.get("tracking_number") == req.number for t in _trackings(data)):
                payload = {"tracking_number": req.number, **({"slug": slug} if slug else {})}
                body, status = await self._call("POST", "/trackings", json=payload)
                parts[f"create:{req.number}"], codes[f"create:{req.number}"] = body, status
        return RawResponse(requested=tuple(r.number for r in requests), parts=parts, status_codes=codes)

    def parse(self, raw: RawResponse) -> ParseResult:
        snapshots: dict[str, TrackingSnapshot] = {}
        problems: dict[str, CarrierProblem] = {}
        for part, body in raw.parts.items():
            kind, _, number = part.partition(":")
            if kind not in ("get", "create") or not number:
                raise self.bad_response(f"unexpected response part {part!r}")
            http_status = raw.status_codes.get(part)
            meta, data = decode(kind, body, http_status)
            if kind == "create" and meta.get("code") == ALREADY_EXISTS_META:
                continue  # created meanwhile by someone else: the next poll reads it
            problem = _problem_from(number, meta, http_status)
            if problem is not None:
                problems[number] = problem
                continue
            found = [t for t in _trackings(data) if t.get("tracking_number") == number]
            if found:
                outcome = self.read_one(number, lambda obj=found[0]: parse_tracking(obj))
                if isinstance(outcome, CarrierProblem):
                    problems[number] = outcome
                else:
                    snapshots[number] = outcome
                    problems.pop(number, None)
            elif kind == "get" and f"create:{number}" not in raw.parts:
                problems[number] = CarrierProblem(tracking_number=number, kind="not_found",
                                                  message="AfterShip does not track this number")
        return ParseResult(snapshots=tuple(s for n, s in snapshots.items() if n not in problems),
                           problems=tuple(problems.values()))


__all__ = ["MANIFEST", "SUBTAGS", "TAGS", "AfterShip", "decode", "parse_tracking"]
