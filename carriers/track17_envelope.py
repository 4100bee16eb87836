"""17TRACK's envelope: the `{"code": 0, "data": {...}}` around every answer, its error codes,
and the per-number refusals (help article "Error Codes and Troubleshooting", api.17track.net)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import orjson

from trackmon.domain import CarrierProblem
from trackmon.errors import CarrierAuthError, CarrierResponseError, TransientCarrierError

NAME = "17track"  # the adapter's registry name (carriers/track17.py MANIFEST)

# Envelope / per-item error codes (help article "Error Codes and Troubleshooting").
AUTH_CODES = frozenset({-18010001, -18010002, -18010004, -18010005})  # IP, key, disabled, unauthorized
TRANSIENT_CODES = frozenset({-18010003})                                # internal error, retry
ALREADY_REGISTERED = -18019901
NOT_REGISTERED = -18019902
CARRIER_NOT_DETECTED = -18019903


def bad(message: str) -> CarrierResponseError:
    return CarrierResponseError(NAME, message)


def decode(name: str, body: bytes) -> dict[str, Any]:
    """JSON body of one call → its checked `data`; raises the right CarrierError (orjson; what
    it refuses, e.g. NaN, goes through the standard decoder)."""
    try:
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        snippet = body[:80].decode("utf-8", "replace").strip()
        raise bad(f"{name} response is not JSON (body starts {snippet!r})") from None
    return check_envelope(name, doc)


def check_envelope(name: str, doc: Any) -> dict[str, Any]:
    """`{"code": 0, "data": {...}}` → data; a non-zero code raises auth/transient/response errors."""
    if not isinstance(doc, dict) or not isinstance(doc.get("code"), int):
        raise bad(f"{name} response has no integer 'code' (got {type(doc).__name__} "
                   f"with keys {sorted(doc)[:6] if isinstance(doc, dict) else '-'})")
    code = doc["code"]
    if code != 0:
        data = doc.get("data") if isinstance(doc.get("data"), dict) else {}
        errors = data.get("errors") if isinstance(data.get("errors"), list) else []
        first = errors[0] if errors and isinstance(errors[0], dict) else {}
        ecode = first.get("code") if isinstance(first.get("code"), int) else code
        message = str(first.get("message") or doc.get("message") or "no message")
        text = f"{name} refused: {message} (code {ecode})"
        if ecode in AUTH_CODES or code in AUTH_CODES:
            raise CarrierAuthError(NAME, text + "; check TRACKMON_17TRACK_API_KEY and the IP whitelist")
        if ecode in TRANSIENT_CODES or code in TRANSIENT_CODES:
            raise TransientCarrierError(NAME, text)
        raise bad(text)
    data = doc.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("accepted", []), list) or not isinstance(
            data.get("rejected", []), list):
        raise bad(f"{name} response has no data.accepted/data.rejected lists")
    return data


def rejections(data: Mapping[str, Any]) -> list[tuple[str, int | None, str]]:
    out = []
    for item in data.get("rejected") or []:
        if not isinstance(item, dict) or not item.get("number"):
            raise bad(f"rejected item without a number: {str(item)[:80]}")
        err = item.get("error") if isinstance(item.get("error"), dict) else {}
        code = err.get("code") if isinstance(err.get("code"), int) else None
        out.append((str(item["number"]), code, str(err.get("message") or "rejected")))
    return out


def problem(number: str, code: int | None, message: str) -> CarrierProblem:
    if code == CARRIER_NOT_DETECTED:
        kind = "invalid"
    elif code == NOT_REGISTERED:
        kind = "not_found"
    else:
        kind = "rejected"
    return CarrierProblem(tracking_number=number, kind=kind, message=message,
                          code=None if code is None else str(code))
