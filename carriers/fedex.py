"""FedEx Track API v1 (`POST /track/v1/trackingnumbers`), OAuth client credentials.

Up to 30 numbers per call (the spec's limit on `trackingInfo`). Each number comes back as a
`completeTrackResults[]` entry whose `trackResults[]` may hold several shipments that share
the number (FedEx reuses numbers): the one with the newest scan is kept. A per-number
`error` (`TRACKING.TRACKINGNUMBER.NOTFOUND`, ...) is a `CarrierProblem`.

Status: a scan's `eventType` (FedEx tracking status codes) is the most specific; the
`derivedStatusCode` is the fallback; the parcel's status is `latestStatusDetail.code`
(then `derivedCode`). Generic codes are refined with the scan text.

Times: FedEx scan `date`s carry the local offset ("2024-04-26T07:50:00-07:00"); a value
without an offset would be taken as UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
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
    offset_minutes,
    parse_ts,
    sort_dedupe,
)
from carriers.classifying import refine
from carriers.manifest import CarrierManifest, NumberFormat
from carriers.oauth import OAuthCarrierAdapter
from carriers.reading import member, parse_day

TOKEN_PATH = "/oauth/token"
TRACK_PATH = "/track/v1/trackingnumbers"
BATCH_PART = "batch"

# Sources:
# [FTS] FedEx Track API, "Tracking Status Codes" (developer.fedex.com API reference; copied in
#       reference/specs/fedex_tracking_status_codes.txt): Movement and Regulatory codes. Its
#       "Possession" codes (CA carrier, RC recipient, SH shipper, CU customs, BR broker, TP
#       transfer partner) name who holds the parcel, not an event, and are not statuses.
# [KAR] Not in that table; meaning from karrio's FedEx connector (its TrackingStatus, which cites
#       the same API reference page): MD "Manifest Data", RT "Return to Shipper Requested".
# [DRV] Derived codes seen in `derivedCode` / `derivedStatusCode` of real answers.

#: Scan `eventType`, `latestStatusDetail.code` and `derivedStatusCode` values.
STATUS_CODES: StatusTable = {
    Status.info_received: (
        "OC",  # [FTS] Order Created
        "MD",  # [KAR] Manifest Data (shipment data received, no parcel yet)
        "IN",  # [DRV] Initiated
        "EP",  # [FTS] Enroute to Pickup (the courier is on the way to the sender)
        "AP",  # [FTS] At Pickup (at the sender's)
        "PD",  # [FTS] Pickup Delay (collection from the sender delayed)
        "RP",  # [FTS] Return label link emailed to return sender (a label, no parcel yet)
        "RG",  # [FTS] Return label link expiring soon
    ),
    Status.in_transit: (
        "PU",  # [FTS] Picked Up
        "PX",  # [FTS] Picked up (see Details)
        "IT",  # [FTS] In Transit
        "IX",  # [FTS] In transit (see Details)
        "OW", "Ow",  # [FTS] On the way (printed "Ow" in the table)
        "AR",  # [FTS] Arrived at FedEx location
        "AF",  # [FTS] At local FedEx Facility
        "DP",  # [FTS] Departed
        "LO",  # [FTS] Left Origin
        "OF",  # [FTS] At FedEx origin facility
        "FD",  # [FTS] At FedEx Destination
        "SF",  # [FTS] At Sort Facility
        "AA",  # [FTS] At Airport
        "PL",  # [FTS] Plane Landed
        "PF",  # [FTS] Plane in Flight
        "PM",  # [FTS] In Progress
        "AO",  # [FTS] Shipment arriving On-time
        "AC",  # [FTS] At Canada Post facility
        "AX",  # [FTS] At USPS facility
        "OX",  # [FTS] Shipment information sent to USPS (SmartPost hand-over)
        "TR",  # [FTS] Transfer
        "EA",  # [FTS] Enroute to Airport (Movement) / Export Approved (Regulatory)
        "EO",  # [FTS] Enroute to Origin Airport
        "CH",  # [FTS] Location Changed
        "SP",  # [FTS] Split Status
        "CC",  # [FTS] Cleared Customs
        "CP",  # [FTS] Clearance in Progress
        "CD",  # [FTS] Clearance Delay
        "DY",  # [FTS] Delay
        "DD",  # [FTS] Delivery Delay
        "RL",  # [DRV] Running Late
        "RR",  # [FTS] CDO requested (delivery options)
        "RM",  # [FTS] CDO Modified
        "RC",  # [FTS] CDO Cancelled
        "DS",  # [FTS] Vehicle Dispatched
        "DR",  # [FTS] Vehicle furnished but not used
    ),
    Status.out_for_delivery: (
        "OD",  # [FTS] Out for Delivery
        "ED",  # [FTS] Enroute to Delivery
        "AD",  # [FTS] At Delivery
    ),
    Status.available_for_pickup: (
        "HL",  # [FTS] Hold at Location
        "HP",  # [FTS] Ready for Recipient Pickup
    ),
    Status.delivered: (
        "DL",  # [FTS] Delivered
    ),
    Status.delivery_failed: (
        "DE",  # [FTS] Delivery Exception
    ),
    Status.exception: (
        "SE",  # [FTS] Shipment Exception
        "CA",  # [FTS] Shipment Cancelled
        "LP",  # [FTS] Return label link cancelled by shipment originator
        "RD",  # [FTS] Return label link expired
    ),
    Status.returning: (
        "RS",  # [FTS] Return to Shipper
        "RT",  # [KAR] Return to Shipper Requested
    ),
}
_CODES = invert(STATUS_CODES)

SUB_STATUS: dict[str, SubStatus] = {
    "OC": SubStatus.label_created, "IN": SubStatus.label_created, "MD": SubStatus.label_created,
    "RP": SubStatus.label_created, "RG": SubStatus.label_created,
    "PU": SubStatus.picked_up, "PX": SubStatus.picked_up,
    "CC": SubStatus.customs_released, "CP": SubStatus.customs_processing,
    "CD": SubStatus.customs_held,
    "DY": SubStatus.delayed, "DD": SubStatus.delayed, "PD": SubStatus.delayed,
    "RL": SubStatus.delayed,
    "HL": SubStatus.pickup_point, "HP": SubStatus.pickup_point,
    "CA": SubStatus.cancelled, "LP": SubStatus.cancelled, "RD": SubStatus.cancelled,
    "RS": SubStatus.returning, "RT": SubStatus.returning,
}

#: Per-number error codes meaning "FedEx knows nothing of this number".
NOT_FOUND_ERRORS = frozenset({"TRACKING.TRACKINGNUMBER.NOTFOUND", "TRACKING.DATA.NOTFOUND"})
INVALID_ERRORS = frozenset({"TRACKING.TRACKINGNUMBER.INVALID", "TRACKING.TRACKINGNUMBER.EMPTY"})


_JKEEN = "jkeen/tracking_number_data couriers/fedex.json (MIT, carriers/number_formats.LICENSE.txt)"
MANIFEST = CarrierManifest(
    name="fedex", label="FedEx", kind="direct", adapter="carriers.fedex:Fedex",
    credentials=("client_id", "client_secret"), base_url="https://apis.fedex.com", max_batch=30,
    formats=(
        NumberFormat(id="fedex_96", service="FedEx Ground", rank=90, strong=True,
                     matcher="carriers.numbers:fedex_96", source=f"{_JKEEN}: '96' + 20 digits, mod-10 check digit"),
        NumberFormat(id="fedex_gsn", service="FedEx Ground", rank=85, strong=True,
                     matcher="carriers.numbers:fedex_gsn",
                     source=f"{_JKEEN}: '96' + 32 digits (GSN), mod-11 check digit"),
        NumberFormat(id="fedex_34", service="FedEx Express", rank=60, strong=False,
                     matcher="carriers.numbers:fedex_34", source=f"{_JKEEN}: 34 digits, mod-11 check digit"),
        NumberFormat(id="fedex_astra", service="FedEx Express", rank=60, strong=False,
                     matcher="carriers.numbers:fedex_astra", source=f"{_JKEEN}: ASTRA barcode, mod-11 check digit"),
        NumberFormat(id="fedex_12", examples=("986578788855",), service="FedEx Express", rank=45, strong=False,
                     matcher="carriers.numbers:fedex_12", source=f"{_JKEEN}: 12 digits, mod-11 check digit"),
        NumberFormat(id="fedex_15", service="FedEx Ground", rank=45, strong=False,
                     matcher="carriers.numbers:fedex_15", source=f"{_JKEEN}: 15 digits, mod-10 check digit"),
        NumberFormat(id="fedex_sscc18", service="FedEx Ground (SSCC-18)", rank=30, strong=False,
                     matcher="carriers.numbers:fedex_sscc18", source=f"{_JKEEN}: SSCC-18, mod-10 check digit"),
    ),
    codes={"17track": track17(100003, "FedEx"), "aftership": aftership("fedex", "FedEx®")},
    setup=("developer.fedex.com → My Projects → Track API (API key = client id, secret key = client "
           "secret)"),
)


class Fedex(OAuthCarrierAdapter):
    manifest = MANIFEST
    token_path = TOKEN_PATH

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        if not requests or len(requests) > self.max_batch:
            raise ValueError(f"FedEx takes 1 to {self.max_batch} numbers per call, got {len(requests)}")
        numbers = tuple(r.number for r in requests)
        body = {"includeDetailedScans": True,
                "trackingInfo": [{"trackingNumberInfo": {"trackingNumber": n}} for n in numbers]}
        response = await self.oauth.request(
            "POST", self.base_url + TRACK_PATH, attempts=self.settings.max_attempts, json=body,
            headers={"Accept": "application/json", "X-locale": "en_US"})
        return RawResponse(requested=numbers, parts={BATCH_PART: response.content},
                           status_codes={BATCH_PART: response.status_code})

    def parse(self, raw: RawResponse) -> ParseResult:
        data = self.load_json_object(raw.parts.get(BATCH_PART, b""))
        output = data.get("output")
        results = output.get("completeTrackResults") if isinstance(output, dict) else None
        if not isinstance(results, list):
            errors = data.get("errors")
            if isinstance(errors, list) and errors and isinstance(errors[0], dict):
                raise self.bad_response(f"FedEx refused the request: {errors[0].get('code')} "
                                        f"{errors[0].get('message')}")
            raise self.bad_response("no output.completeTrackResults list")
        snapshots: list[TrackingSnapshot] = []
        problems: list[CarrierProblem] = []
        for entry in results:
            if not isinstance(entry, dict) or not isinstance(entry.get("trackResults"), list):
                raise self.bad_response("a completeTrackResults entry has no trackResults list")
            number = str(entry.get("trackingNumber") or "")
            good, errors = [], []
            for res in entry["trackResults"]:
                if not isinstance(res, dict):
                    raise self.bad_response(f"a trackResult of {number} is not an object")
                info = res.get("trackingNumberInfo") if isinstance(res.get("trackingNumberInfo"), dict) else {}
                number = number or str(info.get("trackingNumber") or "")
                (errors if isinstance(res.get("error"), dict) and not res.get("scanEvents")
                 else good).append(res)
            if not number:
                raise self.bad_response("a completeTrackResults entry names no tracking number")
            if good:
                outcome = self.read_one(number, lambda number=number, good=good: self._best(number, good))
                (problems if isinstance(outcome, CarrierProblem) else snapshots).append(outcome)  # type: ignore[arg-type]
            elif errors:
                problems.append(_problem(number, errors[0]["error"]))
            else:
                problems.append(CarrierProblem(tracking_number=number, kind="not_found",
                                               message="FedEx returned no result"))
        return ParseResult(snapshots=tuple(snapshots), problems=tuple(problems))

    def _best(self, number: str, results: list[dict[str, Any]]) -> TrackingSnapshot:
        snaps = [self._snapshot(number, r) for r in results]
        if len(snaps) > 1:
            self.log.info("carrier.shared_number", tracking_number=number, shipments=len(snaps))
        return max(snaps, key=lambda s: (s.last_event.time.timestamp() if s.last_event else 0.0))

    def _classify(self, code: Any, fallback: Any, text: str,
                  number: str) -> tuple[Status, SubStatus | None]:
        if code in _CODES:
            status, sub = _CODES[code], SUB_STATUS.get(code)
        else:
            status = self.map_code(_CODES, fallback, number=number)
            sub = SUB_STATUS.get(fallback) if isinstance(fallback, str) else None
        if sub is None and text:
            result = refine(status, None, text)
            if result is not None:
                status, sub = result.status, result.sub_status
        return status, sub

    def _snapshot(self, number: str, res: dict[str, Any]) -> TrackingSnapshot:
        events = []
        for ev in member(res, "scanEvents", list, "scanEvents") or []:
            if not isinstance(ev, dict):
                raise self.bad_response(f"a scan event of {number} is not an object")
            events.append(self._event(number, ev))
        ordered = sort_dedupe(events)
        latest = res.get("latestStatusDetail") if isinstance(res.get("latestStatusDetail"), dict) else {}
        if latest.get("code") or latest.get("derivedCode"):
            text = " ".join(str(x) for x in (latest.get("description"),
                                             _ancillary(latest)) if x)
            status, sub = self._classify(latest.get("code"), latest.get("derivedCode"), text, number)
            raw_status = "/".join(str(x) for x in (latest.get("code"), latest.get("derivedCode")) if x)
        elif ordered:
            status, sub, raw_status = ordered[-1].status, ordered[-1].sub_status, ordered[-1].raw_code
        else:
            status, sub, raw_status = Status.info_received, None, None
        eta_from, eta_to = self._eta(res)
        return TrackingSnapshot(
            carrier="fedex", tracking_number=number, status=status, sub_status=sub,
            raw_status=raw_status or None, events=ordered, eta_from=eta_from, eta_to=eta_to,
            origin_country=_country(
                (member(res, "shipperInformation", dict, "shipperInformation") or {}).get("address")),
            destination_country=_country(
                (member(res, "recipientInformation", dict, "recipientInformation") or {}).get("address")),
            source=self.name)

    def _event(self, number: str, ev: dict[str, Any]) -> TrackingEvent:
        stamp = ev.get("date")
        try:
            when = parse_ts(stamp)
        except ValueError as exc:
            raise self.bad_response(f"a scan of {number}: {exc}") from None
        if when is None:
            raise self.bad_response(f"a scan event of {number} has no date")
        description = str(member(ev, "eventDescription", str, "eventDescription")
                          or member(ev, "derivedStatus", str, "derivedStatus") or "")
        extra = str(member(ev, "exceptionDescription", str, "exceptionDescription") or "")
        text = f"{description}. {extra}" if extra else description
        status, sub = self._classify(ev.get("eventType"), ev.get("derivedStatusCode"), text, number)
        loc = ev.get("scanLocation") if isinstance(ev.get("scanLocation"), dict) else {}
        place = ", ".join(str(loc[k]) for k in ("city", "stateOrProvinceCode", "countryCode")
                          if loc.get(k)) or None
        code = member(ev, "eventType", str, "eventType") or member(ev, "derivedStatusCode", str, "derivedStatusCode")
        if ev.get("exceptionCode"):
            code = f"{code}/{member(ev, 'exceptionCode', str, 'exceptionCode')}"
        return TrackingEvent(
            time=when, description=text, location=place, status=status, sub_status=sub,
            raw_code=code, utc_offset_minutes=offset_minutes(stamp), country=_country(loc))

    def _eta(self, res: dict[str, Any]) -> tuple[date | None, date | None]:
        frame = member(res, "estimatedDeliveryTimeWindow", dict, "estimatedDeliveryTimeWindow") or {}
        window = member(frame, "window", dict, "estimatedDeliveryTimeWindow.window") or {}
        begins, ends = window.get("begins"), window.get("ends")
        if not begins and not ends:
            for item in member(res, "dateAndTimes", list, "dateAndTimes") or []:
                if isinstance(item, dict) and item.get("type") == "ESTIMATED_DELIVERY":
                    begins = ends = item.get("dateTime")
        return _local_date(begins), _local_date(ends or begins)


def _local_date(value: Any) -> date | None:
    """The calendar date FedEx states (local to the recipient), not its UTC date."""
    return parse_day(value)


def _ancillary(latest: dict[str, Any]) -> str:
    details = member(latest, "ancillaryDetails", list, "ancillaryDetails") or []
    if details and isinstance(details[0], dict):
        return str(details[0].get("reasonDescription") or "")
    return ""


def _country(addr: Any) -> str | None:
    cc = addr.get("countryCode") if isinstance(addr, dict) else None
    return cc.upper() if isinstance(cc, str) and len(cc) == 2 else None


def _problem(number: str, error: dict[str, Any]) -> CarrierProblem:
    code = str(error.get("code") or "")
    kind = "not_found" if code in NOT_FOUND_ERRORS else (
        "invalid" if code in INVALID_ERRORS else "rejected")
    return CarrierProblem(tracking_number=number, kind=kind,
                          message=str(error.get("message") or code or "FedEx error"),
                          code=code or None)
