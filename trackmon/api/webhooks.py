"""Push intake: one route, `POST /webhooks/{provider}`, for every carrier whose manifest
declares a `webhook` (today `/webhooks/17track` and `/webhooks/aftership`); another name is 404.

The signature is checked on the raw bytes before anything is parsed: missing or wrong →
401; a body already accepted (same provider and SHA-256) → 409; a signed body that cannot be
used → 400 naming what is wrong (parsing is total, carriers/webhooks.py), or 422 when a value
cannot be stored - never a 5xx, which the provider would retry for ever. An accepted push is
processed like a poll result: `ingest_snapshot` for every active parcel with that number
(all orders), in one transaction together with the receipt, so a push that fails to
process can be retried by the provider.
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from carriers import registry
from carriers.manifest import CarrierManifest
from carriers.numbers import normalize_number
from trackmon import metrics
from trackmon.errors import InputError
from trackmon.ingest import ingest_snapshot
from trackmon.models import Shipment, WebhookReceipt
from trackmon.settings import Settings, env_var_for

router = APIRouter(tags=["webhooks"])
MAX_BODY_BYTES = 5 * 1024 * 1024


def _secret(settings: Settings, provider: CarrierManifest) -> str | None:
    assert provider.webhook is not None
    value = getattr(settings.carrier(provider.name), provider.webhook.secret_key)
    raw = value.get_secret_value() if value is not None else ""
    return raw or None


def _refuse(provider: str, outcome: str, code: int, detail: str) -> HTTPException:
    metrics.webhooks.labels(provider=provider, outcome=outcome).inc()
    return HTTPException(code, detail)


async def _receive(request: Request, provider: CarrierManifest) -> dict[str, Any]:
    app = request.app
    hook = provider.webhook
    assert hook is not None
    log = app.state.log.bind(provider=provider.name)
    secret = _secret(app.state.settings, provider)
    if secret is None:
        raise _refuse(provider.name, "not_configured", status.HTTP_503_SERVICE_UNAVAILABLE,
                      f"{provider.name} pushes are not accepted: set "
                      f"{env_var_for(provider.name, hook.secret_key)}")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise _refuse(provider.name, "too_large", status.HTTP_413_CONTENT_TOO_LARGE, "body too large")
    signature = request.headers.get(hook.header)
    if not signature:
        log.warning("webhook.unsigned")
        raise _refuse(provider.name, "unsigned", status.HTTP_401_UNAUTHORIZED,
                      f"missing signature header {hook.header!r}")
    if not hook.verify_fn()(body, signature, secret):
        log.warning("webhook.bad_signature", signature_valid=False)
        raise _refuse(provider.name, "bad_signature", status.HTTP_401_UNAUTHORIZED, "signature does not match")
    try:
        result = hook.parse_fn()(body)
    except InputError as exc:
        log.warning("webhook.malformed", error=str(exc))
        raise _refuse(provider.name, "malformed", status.HTTP_400_BAD_REQUEST, str(exc)) from None
    digest = hashlib.sha256(body).hexdigest()
    try:
        summary = await run_in_threadpool(_process, app, provider.name, digest, result)
    except IntegrityError:
        log.info("webhook.replayed", body_sha256=digest)
        raise _refuse(provider.name, "replayed", status.HTTP_409_CONFLICT,
                      "this push was already accepted") from None
    except DataError as exc:  # a value the database refuses: retrying the same body cannot help
        log.warning("webhook.unstorable", error_type=type(exc.orig).__name__)
        raise _refuse(provider.name, "malformed", status.HTTP_422_UNPROCESSABLE_CONTENT,
                      "this push carries a value that cannot be stored") from None
    metrics.webhooks.labels(provider=provider.name, outcome="accepted").inc()
    log.info("webhook.accepted", push_event=result.event, **summary)
    return {"accepted": True, "event": result.event, **summary}


def _process(app: Any, provider: str, digest: str, result: Any) -> dict[str, Any]:
    now = app.state.clock()
    settings = app.state.settings
    matched = 0
    unknown: list[str] = []
    with Session(app.state.engine) as session, session.begin():
        session.add(WebhookReceipt(provider=provider, body_sha256=digest, received_at=now))
        session.flush()  # a replay fails here, before any work
        for snapshot in result.snapshots:
            number = normalize_number(snapshot.tracking_number)
            shipments = session.exec(select(Shipment).where(
                Shipment.tracking_number == number, Shipment.active.is_(True)  # type: ignore[attr-defined]
            ).order_by(Shipment.id)).all()
            if not shipments:
                unknown.append(number)
            for shipment in shipments:
                ingest_snapshot(session, shipment, snapshot, now, settings)
                shipment.last_polled_at = now
                matched += 1
    return {"parcels_updated": matched, "unknown_numbers": unknown}


@router.post("/webhooks/{provider}",
             summary="Push of a tracking provider, signed as its carrier manifest declares "
                     "(`trackmon carrier list` shows each provider's header and secret)")
async def push(provider: str, request: Request) -> dict[str, Any]:
    manifest = registry.webhook_providers().get(provider)
    if manifest is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND,
                            f"no push provider {provider!r}; known: {', '.join(registry.webhook_providers())}")
    return await _receive(request, manifest)
