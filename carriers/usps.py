"""USPS Tracking API v3 (`GET /tracking/v3/tracking/{n}?expand=DETAIL`), OAuth client credentials.

One number per call. An unknown number is HTTP 404 (or 400) with
`{"apiVersion", "error": {"code", "message", "errors": [{"status", "code", "title", "detail"}]}}`.

Status: `eventCode` (USPS Pub 199 App. G-4/G-5 scan event codes) per event; the summary
`statusCategory` for the parcel, falling back to the newest event. Generic codes are refined
with the event text.

Times: `GMTTimestamp` (UTC, "...Z") is used; `GMTOffset` gives the scan's offset. When only the
local `eventTimestamp` is present it is shifted by `GMTOffset`, or taken as UTC if that is
missing too (documented guess; USPS always sent both in recorded responses).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, timedelta, timezone
from typing import Any

from carriers.aggregator_codes import aftership, track17
from carriers.base import (
    CarrierProblem,
    ParseResult,
    RawResponse,
    Status,
    StatusTable,
    SubStatus,
    TrackingEvent,
    TrackingSnapshot,
    TrackRequest,
    invert,
    parse_ts,
    sort_dedupe,
)
from carriers.classifying import refine
from carriers.manifest import CarrierManifest, NumberFormat
from carriers.oauth import OAuthCarrierAdapter
from carriers.reading import MAX_OFFSET_MINUTES, member

PRODUCTION_TOKEN_URL = "https://apis.usps.com/oauth2/v3/token"
TOKEN_PATH = "/oauth2/v3/token"
TRACK_PATH = "/tracking/{number}"

#: Summary `statusCategory`. Source: the OpenAPI spec (reference/specs/usps_tracking_v3_openapi
#: _3.2.6.yaml) only points to USPS Pub 199 App. G-4/G-5; "Delivered" is seen in recorded
#: responses (reference/status-enums.json "usps_tracking_v3"); the other values are the
#: progress categories USPS.com shows, not verified against a published list. Unknown ones
#: are logged as `carrier.unmapped_code` and the newest event's code decides.
CATEGORIES: StatusTable = {
    Status.info_received: ("Pre-Shipment", "Label Created, not yet in system"),  # [UNV] USPS.com progress
    Status.in_transit: ("Accepted", "In Transit", "USPS in possession of item"),  # [UNV] USPS.com progress
    Status.out_for_delivery: ("Out for Delivery",),        # [UNV] USPS.com progress category
    Status.available_for_pickup: ("Available for Pickup",),  # [UNV] USPS.com progress category
    Status.delivery_failed: ("Delivery Attempt",),         # [UNV] USPS.com progress category
    Status.delivered: ("Delivered",),                      # [OBS] recorded answers
    Status.exception: ("Alert",),                          # [UNV] USPS.com progress category
    Status.returning: ("Return to Sender",),               # [UNV] USPS.com progress category
}
_CATEGORIES = {k.casefold(): v for k, v in invert(CATEGORIES).items()}

# Sources of EVENT_CODES (each row cites one):
# [P199] USPS Pub 199 Appendix G-4 domestic scan event codes, as the public Perl module
#        USPS::WebTools::Tracking::Codes lists them, codes with USPS's names (code-index files
#        15200146383, 15202452615): its return-to-sender group (09, 21-29, 31), attempted /
#        notice-left group (02, 52-56) and the other codes.
# [OBS]  Seen with this meaning in recorded Tracking v3 answers (reference/status-enums.json
#        "usps_tracking_v3" "eventCode_observed").
# [UNV]  Used by the project's own fixture; no published list we could read names it. Kept so a
#        known answer keeps its meaning; to be checked against Pub 199 itself.
# Codes of the return-to-sender group are returns with their reason ("Return to Sender - No
# Such Number"): the parcel goes back, so `returning` (the reason is the sub-status's business).

#: `eventCode` → Status.
EVENT_CODES: StatusTable = {
    Status.info_received: (
        "GX",  # [OBS] Shipping Label Created, USPS Awaiting Item
        "MA",  # [P199] Manifest Acknowledgement
    ),
    Status.in_transit: (
        "03",  # [P199] Accept or Pickup (by carrier) / [OBS] USPS in possession of item
        "TM",  # [P199] Truck manifest, provided as "Shipment Acceptance"
        "PA",  # [P199] Passive Acceptance, provided as "Shipment Acceptance"
        "OA",  # [UNV] Accepted at USPS Origin Facility
        "10",  # [P199] Processed / [OBS] Arrived at USPS Regional Origin Facility
        "PC",  # [P199] Sorting / Processing Complete
        "T1",  # [OBS] Departed USPS Regional Facility
        "TL",  # [OBS] In Transit to Next Facility
        "A1",  # [OBS] Arrived at USPS Regional Facility
        "EF",  # [P199] Departed Sort Facility
        "07",  # [P199] Arrival at Unit / [OBS] Arrived at Post Office
        "SF",  # [P199] Departed Post Office
        "06",  # [P199] Forwarded
        "08",  # [P199] Missent
        "15",  # [P199] Mis-shipped
        "19",  # [P199] DC eVS Arrive
        "41",  # [P199] Received at Opening Unit
        "42",  # [P199] USPS Handoff to Shipping Partner
        "80",  # [P199] Picked Up by Shipping Partner
        "81",  # [P199] Arrived Shipping Partner Facility
        "82",  # [P199] Departed Shipping Partner Facility
    ),
    Status.out_for_delivery: (
        "OF",  # [P199] Out for Delivery
    ),
    Status.available_for_pickup: (
        "16",  # [P199] Available for Pickup
        "14",  # [P199] Arrival at Pickup Point
    ),
    Status.delivered: (
        "01",  # [P199] Delivered
        "17",  # [P199] Picked Up By Agent
        "43",  # [P199] Picked Up
    ),
    Status.delivery_failed: (
        "02",  # [P199] Attempted / Notice Left
        "52",  # [P199] Notice Left
        "53",  # [P199] Receptacle Blocked
        "54",  # [P199] Receptacle Full / Item Oversized
        "55",  # [P199] No Secure Location Available
        "56",  # [P199] No Authorized Recipient Available
        "30",  # [P199] Delivery Attempted - No Access to Delivery Location
        "51",  # [P199] Business Closed
        "04",  # [P199] Refused
        "05",  # [P199] Undeliverable as Addressed
    ),
    Status.returning: (
        "09",  # [P199] Return to Sender
        "21",  # [P199] Return to Sender - No Such Number
        "22",  # [P199] Return to Sender - Insufficient Address
        "23",  # [P199] Return to Sender - Moved, Left No Address
        "24",  # [P199] Return to Sender - Forward Expired
        "25",  # [P199] Return to Sender - Addressee Unknown
        "26",  # [P199] Return to Sender - Vacant
        "27",  # [P199] Return to Sender - Unclaimed
        "28",  # [P199] Return to Sender - Deceased
        "29",  # [P199] Return to Sender - Other
        "31",  # [P199] Return to Sender - Not Picked Up
        "44",  # [P199] Customer Recall (the sender called the parcel back)
    ),
    Status.exception: (
        "11",  # [P199] Dead Letter
        "71",  # [P199] Rescheduled to Next Delivery Day
    ),
    Status.unknown: (
        "DX",  # [P199] Delivery Status Not Updated: USPS itself does not say whether it was delivered
    ),
}
_EVENTS = invert(EVENT_CODES)

SUB_STATUS: dict[str, SubStatus] = {
    "GX": SubStatus.label_created, "MA": SubStatus.label_created,
    "03": SubStatus.picked_up, "OA": SubStatus.picked_up, "TM": SubStatus.picked_up, "PA": SubStatus.picked_up,
    "16": SubStatus.pickup_post_office, "14": SubStatus.pickup_post_office,
    "02": SubStatus.nobody_home, "52": SubStatus.nobody_home, "56": SubStatus.nobody_home,
    "51": SubStatus.nobody_home,
    "04": SubStatus.refused,
    "05": SubStatus.bad_address,
    **dict.fromkeys(("09", "21", "22", "23", "24", "25", "26", "27", "28", "29", "31", "44"), SubStatus.returning),
    "11": SubStatus.lost,
    "71": SubStatus.delayed,
}


_JKEEN = "jkeen/tracking_number_data couriers/usps.json (MIT, carriers/number_formats.LICENSE.txt)"
MANIFEST = CarrierManifest(
    name="usps", label="USPS", kind="direct", adapter="carriers.usps:Usps",
    credentials=("client_id", "client_secret"), base_url="https://apis.usps.com/tracking/v3", max_batch=1,
    formats=(
        NumberFormat(id="usps_impb", examples=("9400111206206406260787",), service="USPS IMpb", rank=90, strong=True,
                     matcher="carriers.numbers:usps_impb",
                     source=f"{_JKEEN}: IMpb 9[1-5] + 20/24/28 digits, mod-10 check digit"),
        NumberFormat(id="usps_20", service="USPS 20-digit", rank=35, strong=False,
                     matcher="carriers.numbers:usps_20", source=f"{_JKEEN}: 20 digits, mod-10 check digit"),
    ),
    codes={"17track": track17(21051, "USPS"), "aftership": aftership("usps", "USPS")},
    setup=("developers.usps.com → Apps (OAuth consumer key/secret); new apps get a low hourly quota"),
)


class Usps(OAuthCarrierAdapter):
    manifest = MANIFEST
    token_path = TOKEN_PATH
    production_token_url = PRODUCTION_TOKEN_URL  # outside the /tracking/v3 prefix
    oauth_form = {"scope": "tracking"}

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        if len(requests) > self.max_batch:
            raise ValueError(f"USPS takes {self.max_batch} number per call, got {len(requests)}")
        number = requests[0].number
        response = await self.oauth.request(
            "GET", self.base_url + TRACK_PATH.format(number=number),
            attempts=self.settings.max_attempts, params={"expand": "DETAIL"},
            headers={"Accept": "application/json"}, passthrough=(400, 404))
        return RawResponse(requested=(number,), parts={number: response.content},
                           status_codes={number: response.status_code})

    def parse(self, raw: RawResponse) -> ParseResult:
        snapshots: list[TrackingSnapshot] = []
        problems: list[CarrierProblem] = []
        for number, body in raw.parts.items():
            data = self.load_json_object(body)
            if "error" in data:
                problems.append(_problem(number, data["error"], raw.status_codes.get(number)))
                continue
            if raw.status_codes.get(number, 200) >= 400:
                raise self.bad_response(
                    f"HTTP {raw.status_codes[number]} for {number} without an error object")
            events = data.get("trackingEvents")
            if not isinstance(events, list) or not (events or data.get("statusCategory")):
                raise self.bad_response(f"no trackingEvents list or statusCategory for {number}")
            outcome = self.read_one(number, lambda number=number, data=data, events=events: self._snapshot(
                number, data, events))
            (problems if isinstance(outcome, CarrierProblem) else snapshots).append(outcome)  # type: ignore[arg-type]
        return ParseResult(snapshots=tuple(snapshots), problems=tuple(problems))

    def _snapshot(self, number: str, data: dict[str, Any], raw_events: list[Any]) -> TrackingSnapshot:
        events = []
        for ev in raw_events:
            if not isinstance(ev, dict):
                raise self.bad_response(f"a tracking event of {number} is not an object")
            events.append(self._event(number, ev))
        ordered = sort_dedupe(events)
        category = data.get("statusCategory")
        text = str(member(data, "status", str, "status") or member(data, "statusSummary", str, "statusSummary") or "")
        if isinstance(category, str) and category.strip():
            status = _CATEGORIES.get(category.strip().casefold())
            if status is None:
                status = self.map_code({}, category, number=number)
            sub = ordered[-1].sub_status if ordered and ordered[-1].status == status else None
            if sub is None and text:
                result = refine(status, None, text)
                if result is not None:
                    status, sub = result.status, result.sub_status
        elif ordered:
            status, sub = ordered[-1].status, ordered[-1].sub_status
        else:
            status, sub = Status.info_received, None
        raw_status = "/".join(str(x) for x in (category, data.get("status")) if x) or None
        return TrackingSnapshot(
            carrier="usps", tracking_number=number, status=status, sub_status=sub,
            raw_status=raw_status, events=ordered, origin_country="US" if data.get("originZIP") else None,
            destination_country="US" if data.get("destinationZIP") else None, source=self.name)

    def _event(self, number: str, ev: dict[str, Any]) -> TrackingEvent:
        offset = _offset(ev.get("GMTOffset"))
        try:
            when = parse_ts(ev.get("GMTTimestamp"))
            if when is None:
                tz = timezone(timedelta(minutes=offset)) if offset is not None else UTC
                when = parse_ts(ev.get("eventTimestamp"), assume=tz)
        except ValueError as exc:
            raise self.bad_response(f"a tracking event of {number}: {exc}") from None
        if when is None:
            raise self.bad_response(f"a tracking event of {number} has no time")
        code = member(ev, "eventCode", str, "eventCode")
        text = str(member(ev, "eventType", str, "eventType") or "")
        status = self.map_code(_EVENTS, code, number=number)
        sub = SUB_STATUS.get(code) if isinstance(code, str) else None
        if sub is None and text:
            result = refine(status, None, text)
            if result is not None:
                status, sub = result.status, result.sub_status
        country = ev.get("eventCountry")
        place = ", ".join(str(ev[k]) for k in ("eventCity", "eventState", "eventZIP", "eventCountry")
                          if ev.get(k)) or None
        return TrackingEvent(
            time=when, description=text, location=place, status=status, sub_status=sub,
            raw_code=code, utc_offset_minutes=offset,
            country=country.upper() if isinstance(country, str) and len(country) == 2 else (
                "US" if ev.get("eventZIP") or ev.get("eventState") else None))


def _offset(value: Any) -> int | None:
    """Minutes from "-05:00" or "-7:00"; None when absent or unreadable."""
    if not isinstance(value, str) or ":" not in value:
        return None
    text = value.strip()
    sign = -1 if text.startswith("-") else 1
    hours, _, minutes = text.lstrip("+-").partition(":")
    try:
        total = sign * (int(hours) * 60 + int(minutes))
    except ValueError:
        return None
    return total if abs(total) <= MAX_OFFSET_MINUTES else None


def _problem(number: str, error: Any, http_status: int | None) -> CarrierProblem:
    if not isinstance(error, dict):
        return CarrierProblem(tracking_number=number, kind="rejected", message=str(error))
    details = [e for e in error.get("errors") or [] if isinstance(e, dict)]
    first = details[0] if details else {}
    message = str(first.get("detail") or first.get("title") or error.get("message") or "USPS error")
    code = first.get("code") or error.get("code")
    kind = "not_found" if http_status == 404 or "not found" in message.lower() else (
        "invalid" if http_status == 400 else "rejected")
    return CarrierProblem(tracking_number=number, kind=kind, message=message,
                          code=str(code) if code else None)
