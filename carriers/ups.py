"""UPS Track API v1 (`GET /api/track/v1/details/{inquiryNumber}`), OAuth client credentials.

One number per call. An unknown number is either HTTP 200 with a `TW0001` warning on the
shipment or HTTP 404 with `{"response": {"errors": [...]}}`; a malformed one is HTTP 400
with `TV1002`.

Status: the 3-digit `statusCode` (the "Status/Description Codes" of the UPS tracking
reference, zero-padded: "011" is code 11) is the most specific and is tried first; the
one-letter `type` is the fallback; generic codes are refined with the activity text. The
tables, every published code with its source, are in carriers/ups_codes.py.

Times: `gmtDate` + `gmtTime` (UTC, time not always zero-padded) are used when present, with
`gmtOffset` as the scan's offset; otherwise the local `date` + `time`, shifted by
`gmtOffset` when given. Local times with no offset at all are taken as UTC (documented guess).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from carriers.aggregator_codes import aftership, track17
from carriers.base import (
    CarrierProblem,
    ParseResult,
    RawResponse,
    Status,
    SubStatus,
    TrackingEvent,
    TrackingSnapshot,
    TrackRequest,
    invert,
    sort_dedupe,
)
from carriers.classifying import refine
from carriers.manifest import CarrierManifest, NumberFormat
from carriers.oauth import OAuthCarrierAdapter
from carriers.reading import MAX_OFFSET_MINUTES, MAX_YEAR, MIN_YEAR, checked_day, member, to_utc
from carriers.ups_codes import STATUS_CODES, SUB_STATUS, TYPE_CODES  # every published code, with sources

PRODUCTION_TOKEN_URL = "https://onlinetools.ups.com/security/v1/oauth/token"
TOKEN_PATH = "/security/v1/oauth/token"
TRACK_PATH = "/track/v1/details/{number}"

_TYPES = invert(TYPE_CODES)
_CODES = invert(STATUS_CODES)

#: Warning / error codes meaning "no such number" (others are "invalid" or "rejected").
NOT_FOUND_CODES = frozenset({"TW0001", "TW0003", "TV1001"})
INVALID_CODES = frozenset({"TV1002"})


_JKEEN = "jkeen/tracking_number_data couriers/ups.json (MIT, carriers/number_formats.LICENSE.txt)"
MANIFEST = CarrierManifest(
    name="ups", label="UPS", kind="direct", adapter="carriers.ups:Ups",
    credentials=("client_id", "client_secret"), base_url="https://onlinetools.ups.com/api", max_batch=1,
    formats=(
        NumberFormat(id="ups_1z", examples=("1Z5R89390357567127",), service="UPS", rank=100, strong=True,
                     matcher="carriers.numbers:ups_1z", source=f"{_JKEEN}: '1Z' + 16 characters, mod-10 check digit"),
        NumberFormat(id="ups_waybill", service="UPS waybill", rank=50, strong=False,
                     matcher="carriers.numbers:ups_waybill",
                     source=f"{_JKEEN}: letter + 9 digits + mod-10 check digit"),
    ),
    codes={"17track": track17(100002, "UPS"), "aftership": aftership("ups", "UPS")},
    setup=("developer.ups.com → Apps → add the Tracking product (OAuth client credentials)"),
)


class Ups(OAuthCarrierAdapter):
    manifest = MANIFEST
    token_path = TOKEN_PATH
    production_token_url = PRODUCTION_TOKEN_URL  # outside the /api prefix
    oauth_style = "basic"

    async def fetch(self, requests: Sequence[TrackRequest]) -> RawResponse:
        if len(requests) > self.max_batch:
            raise ValueError(f"UPS takes {self.max_batch} number per call, got {len(requests)}")
        number = requests[0].number
        response = await self.oauth.request(
            "GET", self.base_url + TRACK_PATH.format(number=number),
            attempts=self.settings.max_attempts,
            params={"locale": "en_US", "returnSignature": "false",
                    "returnMilestones": "false", "returnPOD": "false"},
            headers={"transId": uuid.uuid4().hex, "transactionSrc": "trackmon",
                     "Accept": "application/json"},
            passthrough=(400, 404))
        return RawResponse(requested=(number,), parts={number: response.content},
                           status_codes={number: response.status_code})

    # -- parsing ---------------------------------------------------------------------------

    def parse(self, raw: RawResponse) -> ParseResult:
        snapshots: list[TrackingSnapshot] = []
        problems: list[CarrierProblem] = []
        for number, body in raw.parts.items():
            data = self.load_json_object(body)
            errors = (data.get("response") or {}).get("errors") if isinstance(
                data.get("response"), dict) else None
            if errors:
                problems.append(_problem(number, errors[0], raw.status_codes.get(number)))
                continue
            track = data.get("trackResponse")
            shipments = track.get("shipment") if isinstance(track, dict) else None
            if not isinstance(shipments, list) or not shipments or not isinstance(shipments[0], dict):
                raise self.bad_response(f"no trackResponse.shipment list for {number}")
            if not all(isinstance(s, dict) for s in shipments):
                raise self.bad_response(f"a shipment of {number} is not an object")
            packages = [p for s in shipments for p in (member(s, "package", list, "shipment package") or [])]
            if not packages:
                warnings = [w for s in shipments for w in (member(s, "warnings", list, "shipment warnings") or [])]
                if warnings:
                    problems.append(_problem(number, warnings[0], raw.status_codes.get(number)))
                else:
                    problems.append(CarrierProblem(tracking_number=number, kind="not_found",
                                                   message="UPS returned no package"))
                continue
            if not all(isinstance(p, dict) for p in packages):
                raise self.bad_response(f"a package of {number} is not an object")
            outcome = self.read_one(number, lambda number=number, packages=packages: self._snapshot(
                number, _pick(number, packages)))
            (problems if isinstance(outcome, CarrierProblem) else snapshots).append(outcome)  # type: ignore[arg-type]
        return ParseResult(snapshots=tuple(snapshots), problems=tuple(problems))

    def _classify(self, st: dict[str, Any], number: str) -> tuple[Status, SubStatus | None, str | None]:
        code = _code(st.get("statusCode"))
        kind = st.get("type")
        text = member(st, "description", str, "status description") or member(
            st, "simplifiedTextDescription", str, "status simplifiedTextDescription") or ""
        if code in _CODES:
            status, sub = _CODES[code], SUB_STATUS.get(code)
        else:
            status, sub = self.map_code(_TYPES, kind, number=number), None
        if sub is None and text:
            result = refine(status, None, text)
            if result is not None:
                status, sub = result.status, result.sub_status
        raw = "/".join(str(x) for x in (kind, st.get("statusCode"), st.get("code")) if x) or None
        return status, sub, raw

    def _snapshot(self, number: str, pkg: dict[str, Any]) -> TrackingSnapshot:
        events = []
        for act in member(pkg, "activity", list, "package activity") or []:
            if not isinstance(act, dict):
                raise self.bad_response(f"an activity of {number} is not an object")
            events.append(self._event(number, act))
        ordered = sort_dedupe(events)
        current = pkg.get("currentStatus")
        if isinstance(current, dict) and (current.get("type") or current.get("statusCode")):
            status, sub, raw_status = self._classify(current, number)
        elif ordered:
            status, sub, raw_status = ordered[-1].status, ordered[-1].sub_status, ordered[-1].raw_code
        else:
            status, sub, raw_status = Status.info_received, None, None
        eta = self._eta(pkg.get("deliveryDate"))
        origin = dest = None
        for addr in member(pkg, "packageAddress", list, "packageAddress") or []:
            if isinstance(addr, dict):
                cc = _country(member(addr, "address", dict, "packageAddress address") or {})
                if str(addr.get("type", "")).upper() == "ORIGIN":
                    origin = cc
                elif str(addr.get("type", "")).upper() == "DESTINATION":
                    dest = cc
        return TrackingSnapshot(
            carrier="ups", tracking_number=number, status=status, sub_status=sub,
            raw_status=raw_status, events=ordered, eta_from=eta, eta_to=eta,
            origin_country=origin, destination_country=dest, source=self.name)

    def _eta(self, dates: Any) -> date | None:
        for entry in dates if isinstance(dates, list) else []:
            if isinstance(entry, dict) and entry.get("type") in ("SDD", "RDD"):
                try:
                    return checked_day(datetime.strptime(str(entry.get("date")), "%Y%m%d").date())
                except ValueError:
                    self.log.warning("carrier.bad_eta", value=entry.get("date"))
        return None

    def _event(self, number: str, act: dict[str, Any]) -> TrackingEvent:
        when, offset = self._when(number, act)
        st = act.get("status") if isinstance(act.get("status"), dict) else {}
        status, sub, raw = self._classify(st, number)
        addr = member(member(act, "location", dict, "activity location"), "address", dict,
                      "activity location address") or {}
        place = ", ".join(str(addr[k]) for k in ("city", "stateProvince", "countryCode")
                          if addr.get(k)) or None
        return TrackingEvent(
            time=when, description=member(st, "description", str, "status description") or member(
                st, "simplifiedTextDescription", str, "status simplifiedTextDescription") or "",
            location=place, status=status, sub_status=sub, raw_code=raw,
            utc_offset_minutes=offset, country=_country(addr))

    def _when(self, number: str, act: dict[str, Any]) -> tuple[datetime, int | None]:
        offset = _offset(act.get("gmtOffset"))
        try:
            if act.get("gmtDate") and act.get("gmtTime"):
                return _stamp(act["gmtDate"], act["gmtTime"], UTC), offset
            tz = timezone(timedelta(minutes=offset)) if offset is not None else UTC
            return _stamp(act.get("date"), act.get("time") or "0", tz), offset
        except (TypeError, ValueError):
            raise self.bad_response(
                f"activity time {str(act.get('date'))[:20]!r} {str(act.get('time'))[:20]!r} of {number} is not "
                f"a real YYYYMMDD HHMMSS time ({MIN_YEAR}-{MAX_YEAR})") from None


def _stamp(day: Any, clock: Any, tz: timezone) -> datetime:
    text = str(clock).strip().replace(":", "").zfill(6)
    return to_utc(datetime.strptime(f"{day}{text}", "%Y%m%d%H%M%S"), assume=tz)


def _offset(value: Any) -> int | None:
    """Minutes from "-05:00" / "-5:00" / "+0530"; None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    hours, _, minutes = digits.partition(":") if ":" in digits else (digits[:-2] or "0", "", digits[-2:])
    try:
        total = sign * (int(hours) * 60 + int(minutes or 0))
    except ValueError:
        return None
    return total if abs(total) <= MAX_OFFSET_MINUTES else None


def _code(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip().lstrip("0") or "0"


def _country(addr: dict[str, Any]) -> str | None:
    cc = addr.get("countryCode") or addr.get("country")
    return cc.upper() if isinstance(cc, str) and len(cc) == 2 else None


def _pick(number: str, packages: list[dict[str, Any]]) -> dict[str, Any]:
    for pkg in packages:
        if str(pkg.get("trackingNumber", "")).replace(" ", "").upper() == number.upper():
            return pkg
    return packages[0]


def _problem(number: str, err: Any, http_status: int | None) -> CarrierProblem:
    code = str(err.get("code")) if isinstance(err, dict) and err.get("code") else None
    message = str(err.get("message")) if isinstance(err, dict) and err.get("message") else \
        f"UPS refused the number (HTTP {http_status})"
    if code in INVALID_CODES:
        kind = "invalid"
    elif code in NOT_FOUND_CODES or http_status == 404:
        kind = "not_found"
    else:
        kind = "rejected"
    return CarrierProblem(tracking_number=number, kind=kind, message=message, code=code)
