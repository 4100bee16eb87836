"""`trackmon check` results as data: JSON-ready dicts and the exit code they imply (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from trackmon.advice import NextMessage
from trackmon.classify import explain
from trackmon.domain import AlertCandidate, CarrierProblem, TrackingEvent, TrackingSnapshot


@dataclass
class CheckResult:
    """One number's answer: a snapshot with alerts, or an error."""

    tracking_number: str
    carrier: str | None = None
    source: str | None = None
    snapshot: TrackingSnapshot | None = None
    alerts: list[AlertCandidate] = field(default_factory=list)
    next_message: NextMessage | None = None
    error_kind: str | None = None   # not_found | invalid_number | carrier_failure | config_error
    error: str | None = None
    # the aggregator tracks the number as another carrier than the offline one (carrier_check)
    carrier_mismatch: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        snap = self.snapshot
        out: dict[str, Any] = {
            "tracking_number": self.tracking_number,
            "carrier": self.carrier,
            "source": self.source,
            "status": snap.status.value if snap else ("not_found" if self.error_kind == "not_found" else None),
            "sub_status": snap.sub_status.value if snap and snap.sub_status else None,
            "raw_status": snap.raw_status if snap else None,
            "origin_country": snap.origin_country if snap else None,
            "destination_country": snap.destination_country if snap else None,
            "last_mile_carrier": snap.last_mile_carrier if snap else None,
            "carrier_mismatch": self.carrier_mismatch,
            "eta": _eta(snap),
            "events": [event_json(e) for e in snap.events] if snap else [],
            "alerts": [alert_json(a) for a in self.alerts],
            "next_message": ({"kind": self.next_message.kind, "summary": self.next_message.summary}
                             if self.next_message else None),
        }
        if self.error_kind:
            out["error"] = {"kind": self.error_kind, "message": self.error}
        return out


def _eta(snap: TrackingSnapshot | None) -> dict[str, str | None] | None:
    if not snap or not (snap.eta_from or snap.eta_to):
        return None
    return {"from": snap.eta_from.isoformat() if snap.eta_from else None,
            "to": snap.eta_to.isoformat() if snap.eta_to else None}


def local_time(event: TrackingEvent) -> datetime | None:
    if event.utc_offset_minutes is None:
        return None
    return event.time.astimezone(timezone(timedelta(minutes=event.utc_offset_minutes)))


def why(event: TrackingEvent) -> dict[str, Any]:
    """Why an event has its status: the text rule and phrase that read it, or the carrier's code.

    The adapters keep a specific carrier code and let the text decide a generic one (see
    `classify.refine`); the text decided when its reading is the event's status.
    """
    reading = explain(event.description) if event.description else None
    code = event.raw_code or "its status code"
    if reading is not None and reading.status is event.status and (
            reading.sub_status is event.sub_status or reading.sub_status is None):
        return {"source": "text", "rule": reading.rule, "phrase": reading.phrase,
                "text": f"text «{reading.phrase}» ({reading.rule})"}
    if reading is None:
        note = "the text names no specific event or is in a language not read"
    elif reading.status is None:
        note = f"the text reads as an ordinary scan («{reading.phrase}», {reading.rule})"
    else:
        note = f"kept over the text, which reads as {reading.status.value} («{reading.phrase}», {reading.rule})"
    return {"source": "carrier", "code": event.raw_code, "rule": reading.rule if reading else None,
            "phrase": reading.phrase if reading else None, "text": f"carrier code {code}; {note}"}


def event_json(event: TrackingEvent) -> dict[str, Any]:
    local = local_time(event)
    return {
        "time": event.time.isoformat().replace("+00:00", "Z"),
        "local_time": local.isoformat() if local else None,
        "location": event.location,
        "description": event.description,
        "status": event.status.value,
        "sub_status": event.sub_status.value if event.sub_status else None,
        "raw_code": event.raw_code,
        "why": why(event),
    }


def alert_json(alert: AlertCandidate) -> dict[str, Any]:
    return {
        "kind": alert.kind.value,
        "reason": alert.reason,
        "since": alert.since.isoformat().replace("+00:00", "Z") if alert.since else None,
        "details": alert.details,
    }


def problem_result(problem: CarrierProblem, source: str, carrier: str | None) -> CheckResult:
    kind = {"invalid": "invalid_number", "malformed": "carrier_failure"}.get(problem.kind, "not_found")
    return CheckResult(problem.tracking_number, carrier=carrier, source=source,
                       error_kind=kind, error=problem.message)


#: error kind → exit code; the worst (highest rank) across numbers wins.
_RANK = ["not_found", "carrier_failure", "invalid_number", "config_error"]


def worst_error(results: list[CheckResult]) -> str | None:
    kinds = [r.error_kind for r in results if r.error_kind]
    return max(kinds, key=_RANK.index) if kinds else None
