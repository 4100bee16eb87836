"""Bearer-token protection of the API (`api.token`, env TRACKMON_API_TOKEN).

Writes need a configured token: without one they answer 503 naming the setting. Reads are
open when no token is configured (the server listens on 127.0.0.1 by default) and need
the token as soon as one is set. Health endpoints and signed webhooks never need it.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request, status

from trackmon.settings import Settings

TOKEN_HINT = "set api.token in the config file or the TRACKMON_API_TOKEN environment variable"


def _configured_token(settings: Settings) -> str | None:
    token = settings.api.token
    value = token.get_secret_value() if token is not None else ""
    return value or None


def _check(request: Request, expected: str) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token (Authorization: Bearer ...)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong bearer token",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def require_read(request: Request) -> None:
    expected = _configured_token(request.app.state.settings)
    if expected is not None:
        _check(request, expected)


def require_write(request: Request) -> None:
    expected = _configured_token(request.app.state.settings)
    if expected is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            f"the write API is disabled until a token is configured: {TOKEN_HINT}")
    _check(request, expected)
