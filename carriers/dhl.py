"""DHL Shipment Tracking - Unified API (`GET /track/shipments?trackingNumber=`).

One number per call, key in the `DHL-API-Key` header. An unknown number is HTTP 404 with
problem-JSON (`{"title": "No result found", "detail": ..., "status": 404}`).

Times: the shipment `status.timestamp` usually carries an offset or `Z`; event timestamps
are DHL's local time of the scan and often carry NO offset. Such naive times are taken as
UTC (the API gives no zone and we do not guess one from the country), so an event's time may
be off by the scan location's UTC offset; `utc_offset_minutes` is then left unknown (None).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from carriers.aggregator_codes import aftership, track17
from carriers.base import (
    CarrierAdapter,
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
from carriers.reading import checked_day, member
from trackmon.errors import CarrierAuthError
from trackmon.http import send
from trackmon.settings import env_var_for

#: Unified API `statusCode` (the only code it gives; the text says the rest). Source [DHL-U]: DHL
#: Shipment Tracking - Unified API, schema `supermodelIoLogisticsTrackingShipmentEventStatusCode`
#: (developer.dhl.com; reference/status-enums.json "dhl_unified").
STATUS_CODES: StatusTable = {
    Status.info_received: ("pre-transit",),  # [DHL-U] "pre-transit": label created / data received, not handed over
    Status.in_transit: ("transit",),         # [DHL-U] "transit": moving in DHL's network (customs is in the text)
    Status.delivered: ("delivered",),        # [DHL-U] "delivered"
    Status.delivery_failed: ("failure",),    # [DHL-U] "failure": delivery failed (the text may say returned or held)
    Status.unknown: ("unknown",),            # [DHL-U] "unknown": DHL itself does not know the stage
}
_STATUS = invert(STATUS_CODES)


_JKEEN = "jkeen/tracking_number_data couriers/dhl.json (MIT, carriers/number_formats.LICENSE.txt)"
MANIFEST = CarrierManifest(
    name="dhl", label="DHL", kind="direct", adapter="carriers.dhl:Dhl",
    credentials=("api_key",), base_url="https://api-eu.dhl.com/track", max_batch=1,
    serves=frozenset({"dhl-paket"}),
    formats=(
        NumberFormat(id="dhl_express", service="DHL Express", rank=40, strong=False,
                     matcher="carriers.numbers:dhl_express", source=f"{_JKEEN}: 10 or 11 digits, mod-7 check digit"),
    ),
    codes={"17track": track17(100001, "DHL Express"), "aftership": aftership("dhl", "DHL Express")},
    setup=("developer.dhl.com → My Apps → create an app with \"Shipment Tracking - Unified\" "
           "(starter plan: 250 calls/day, 1/s)"),
)


class Dhl(CarrierAdapter):
    manifest = MANIFEST

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        if len(requests) > self.max_batch:
            raise ValueError(f"DHL takes {self.max_batch} number per call, got {len(requests)}")
        number = requests[0].number
        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        if not key:
            raise CarrierAuthError(self.name, f"API key is not set; set {env_var_for(self.name, 'api_key')}")
        try:
            response = await send(
                self.client, self.name, "GET", f"{self.base_url}/shipments",
                limiter=self.limiter, attempts=self.settings.max_attempts, sleep=self.sleep, timeout=self.timeout,
                params={"trackingNumber": number, "language": "en"},
                headers={"DHL-API-Key": key, "Accept": "application/json"},
                passthrough=(404,))
        except CarrierAuthError as exc:
            raise CarrierAuthError(
                self.name, f"{exc.message}; check {env_var_for(self.name, 'api_key')}",
                status_code=exc.status_code) from None
        return RawResponse(requested=(number,), parts={number: response.content},
                           status_codes={number: response.status_code})

    def parse(self, raw: RawResponse) -> ParseResult:
        snapshots: list[TrackingSnapshot] = []
        problems: list[CarrierProblem] = []
        for number, body in raw.parts.items():
            data = self.load_json_object(body)
            if raw.status_codes.get(number) == 404 or ("shipments" not in data and "status" in data):
                problems.append(self._problem(number, data))
                continue
            shipments = data.get("shipments")
            if not isinstance(shipments, list) or not all(isinstance(s, dict) for s in shipments):
                raise self.bad_response(f"'shipments' is not a list of objects for {number}")
            if not shipments:
                problems.append(CarrierProblem(tracking_number=number, kind="not_found",
                                               message="DHL returned no shipment"))
                continue
            outcome = self.read_one(number, lambda shipments=shipments, number=number: self._snapshot(
                number, _pick(number, shipments)))
            (problems if isinstance(outcome, CarrierProblem) else snapshots).append(outcome)  # type: ignore[arg-type]
        return ParseResult(snapshots=tuple(snapshots), problems=tuple(problems))

    def _problem(self, number: str, data: dict[str, Any]) -> CarrierProblem:
        detail = data.get("detail") or data.get("title") or "no shipment found"
        status = data.get("status")
        kind = "not_found" if status in (404, "404", None) else "rejected"
        return CarrierProblem(tracking_number=number, kind=kind, message=str(detail),
                              code=None if status is None else str(status))

    def _classify(self, node: dict[str, Any], number: str) -> tuple[Status, SubStatus | None, str]:
        code = node.get("statusCode")
        status = self.map_code(_STATUS, code, number=number)
        text = _text(node)
        if status is Status.delivery_failed and text:
            # DHL's one failure code also covers customs holds and returns: a text that names
            # one of those decides; otherwise it is the failed delivery the code says
            named = refine(Status.exception, None, text)
            if named.status is not Status.exception or named.sub_status is not None:
                return named.status, named.sub_status, text
        result = refine(status, None, text) if text else None
        if result is not None:
            return result.status, result.sub_status, text
        return status, None, text

    def _snapshot(self, number: str, shp: dict[str, Any]) -> TrackingSnapshot:
        events = []
        for ev in member(shp, "events", list, "shipment events") or []:
            if not isinstance(ev, dict):
                raise self.bad_response(f"an event of {number} is not an object")
            events.append(self._event(number, ev))
        events_sorted = sort_dedupe(events)
        current = shp.get("status") if isinstance(shp.get("status"), dict) else None
        if current:
            status, sub, _ = self._classify(current, number)
            raw_status = "/".join(str(current.get(k)) for k in ("statusCode", "status") if current.get(k))
        elif events_sorted:
            status, sub = events_sorted[-1].status, events_sorted[-1].sub_status
            raw_status = events_sorted[-1].raw_code
        else:
            status, sub, raw_status = Status.info_received, None, None
        frame = member(shp, "estimatedDeliveryTimeFrame", dict, "estimatedDeliveryTimeFrame") or {}
        eta_from = self._date(frame.get("estimatedFrom") or shp.get("estimatedTimeOfDelivery"))
        eta_to = self._date(frame.get("estimatedThrough") or shp.get("estimatedTimeOfDelivery"))
        details = member(shp, "details", dict, "shipment details") or {}
        carrier = (member(details, "carrier", dict, "details.carrier") or {}).get("organizationName")
        return TrackingSnapshot(
            carrier="dhl", tracking_number=number, status=status, sub_status=sub,
            raw_status=raw_status, events=events_sorted, eta_from=eta_from, eta_to=eta_to,
            origin_country=_country(shp.get("origin")),
            destination_country=_country(shp.get("destination")),
            last_mile_carrier=carrier if isinstance(carrier, str) else None, source=self.name)

    def _event(self, number: str, ev: dict[str, Any]) -> TrackingEvent:
        stamp = ev.get("timestamp")
        try:
            when = parse_ts(stamp)
        except ValueError as exc:
            raise self.bad_response(f"an event of {number}: {exc}") from None
        if when is None:
            raise self.bad_response(f"an event of {number} has no timestamp")
        status, sub, text = self._classify(ev, number)
        return TrackingEvent(
            time=when, description=text or str(ev.get("statusCode") or ""),
            location=_place(ev.get("location")), status=status, sub_status=sub,
            raw_code=member(ev, "statusCode", str, "event statusCode"), utc_offset_minutes=offset_minutes(stamp),
            country=_country(ev.get("location")))

    def _date(self, value: Any) -> date | None:
        try:
            when = parse_ts(value)
        except ValueError:
            self.log.warning("carrier.bad_eta", value=value)
            return None
        return checked_day(when.date()) if when else None


def _pick(number: str, shipments: list[dict[str, Any]]) -> dict[str, Any]:
    """Several services may know the same id: prefer an exact id, then the latest status."""
    exact = [s for s in shipments if str(s.get("id", "")).replace(" ", "") == number] or shipments
    return max(exact, key=lambda s: str((s["status"] if isinstance(s.get("status"), dict) else {}).get("timestamp")
                                        or ""))


def _text(node: dict[str, Any]) -> str:
    """The event's words: description, then the short status unless it only repeats the code."""
    code = str(node.get("statusCode") or "").casefold()
    seen: list[str] = []
    for part in (node.get("description"), node.get("status"), node.get("remark")):
        if not isinstance(part, str) or not part.strip():
            continue
        text = part.strip()
        if text.casefold() == code or any(text.casefold() in s.casefold() for s in seen):
            continue
        seen.append(text)
    return ". ".join(seen[:2])


def _address(node: Any) -> dict[str, Any]:
    if isinstance(node, dict) and isinstance(node.get("address"), dict):
        return node["address"]
    return {}


def _place(node: Any) -> str | None:
    addr = _address(node)
    bits = [addr.get("addressLocality"), addr.get("postalCode"), addr.get("countryCode")]
    text = ", ".join(str(b) for b in bits if b)
    return text or None


def _country(node: Any) -> str | None:
    code = _address(node).get("countryCode")
    return code.upper() if isinstance(code, str) and len(code) == 2 else None
