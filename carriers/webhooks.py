"""Push webhooks of the aggregators (pure): signature checks and body → snapshots. The
manifests of 17TRACK and AfterShip name these functions and their signature headers.

- 17TRACK: header `sign` = lowercase hex SHA-256 of `raw body text + "/" + security key`
  (a plain hash, not an HMAC); body `{"event": "TRACKING_UPDATED" | "TRACKING_STOPPED",
  "data": {number, carrier, param, tag, track_info?}}` (carrier-apis.md §1.6).
- AfterShip: header `aftership-hmac-sha256` = base64 HMAC-SHA256 of the raw body keyed with
  the webhook secret; body `{"ts", "event", "event_id", "msg": <tracking object>}` (§2).

Signatures are computed over the bytes received and compared in constant time. Parsing is
total: a body that cannot be used, however malformed (wrong types at any level, dates out of
range, nesting too deep), raises `InputError` naming what is wrong, never anything else
(the route answers 400, so the provider does not retry it for ever).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from carriers.aftership import parse_tracking
from carriers.reading import describe_failure, read_item
from carriers.track17 import parse_track_info
from trackmon.domain import CarrierProblem, TrackingSnapshot
from trackmon.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class PushResult:
    """What one push said: its event name, the parcels it updates and every number it names."""

    source: str                                   # "17track" | "aftership"
    event: str                                    # "TRACKING_UPDATED", "tracking_update", ...
    snapshots: tuple[TrackingSnapshot, ...] = ()
    tracking_numbers: tuple[str, ...] = ()


def verify_17track_signature(body: bytes, sign_header: str | None, key: str) -> bool:
    """True when `sign_header` is sha256(body text + "/" + key); False when missing or wrong."""
    if not sign_header or not key:
        return False
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    expected = hashlib.sha256(f"{text}/{key}".encode()).hexdigest()
    return hmac.compare_digest(expected, sign_header.strip().lower())


def verify_aftership_signature(body: bytes, header: str | None, secret: str) -> bool:
    """True when `header` is base64(HMAC-SHA256(secret, body)); False when missing or wrong."""
    if not header or not secret:
        return False
    try:
        given = base64.b64decode(header.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return hmac.compare_digest(expected, given)


def _total(parse: Callable[[bytes], PushResult]) -> Callable[[bytes], PushResult]:
    """Whatever `parse` meets in a body, it raises InputError with a short reason, nothing else."""
    @functools.wraps(parse)
    def wrapper(body: bytes) -> PushResult:
        try:
            return parse(body)
        except InputError:
            raise
        except Exception as exc:  # any shape of bad data: a 400 naming what was wrong
            raise InputError(f"webhook body cannot be read: {describe_failure(exc)}") from None
    return wrapper


def _snapshot(source: str, label: str, event: str, field: str, number: str,
              build: Callable[[], TrackingSnapshot]) -> TrackingSnapshot:
    outcome = read_item(label, number, build)
    if isinstance(outcome, CarrierProblem):
        raise InputError(f"{source} webhook {event}: {outcome.message}", field=field)
    return outcome


def _load(body: bytes, source: str) -> dict[str, Any]:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{source} webhook body is not JSON: {str(exc)[:120]}") from None
    except RecursionError:
        raise InputError(f"{source} webhook body is nested too deeply to read") from None
    if not isinstance(doc, dict):
        raise InputError(f"{source} webhook body must be a JSON object, got {type(doc).__name__}")
    event = doc.get("event")
    if not isinstance(event, str) or not event:
        raise InputError(f"{source} webhook body has no 'event' name", field="event")
    return doc


@_total
def parse_17track_push(body: bytes) -> PushResult:
    """TRACKING_UPDATED carries track_info (→ a snapshot); TRACKING_STOPPED only names the number."""
    doc = _load(body, "17track")
    event = doc["event"]
    data = doc.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("number"), str) or not data["number"].strip():
        raise InputError(f"17track webhook {event}: 'data.number' is missing", field="data.number")
    number = data["number"].strip()
    if data.get("track_info") is None:
        if event == "TRACKING_UPDATED":
            raise InputError(f"17track webhook TRACKING_UPDATED for {number} has no track_info",
                             field="data.track_info")
        return PushResult(source="17track", event=event, tracking_numbers=(number,))
    snapshot = _snapshot("17track", "17TRACK", event, "data.track_info", number, lambda: parse_track_info(data))
    return PushResult(source="17track", event=event, snapshots=(snapshot,), tracking_numbers=(number,))


@_total
def parse_aftership_push(body: bytes) -> PushResult:
    """`msg` is a tracking object (→ a snapshot)."""
    doc = _load(body, "aftership")
    event = doc["event"]
    msg = doc.get("msg")
    if not isinstance(msg, dict):
        raise InputError(f"aftership webhook {event}: 'msg' is missing or not an object", field="msg")
    if not isinstance(msg.get("tracking_number"), str) or not msg["tracking_number"].strip():
        raise InputError(f"aftership webhook {event}: 'msg.tracking_number' is missing",
                         field="msg.tracking_number")
    snapshot = _snapshot("aftership", "AfterShip", event, "msg", msg["tracking_number"].strip(),
                         lambda: parse_tracking(msg))
    return PushResult(source="aftership", event=event, snapshots=(snapshot,),
                      tracking_numbers=(snapshot.tracking_number,))


__all__ = [
    "PushResult", "parse_17track_push",
    "parse_aftership_push", "verify_17track_signature", "verify_aftership_signature",
]
