"""Bearer-token protection of the API (`api.token`, env TRACKMON_API_TOKEN).

- With a token, every route outside `ANONYMOUS_PATHS`/`ANONYMOUS_PREFIXES` needs it.
- Without one, the API serves only those (health, metrics, the signed push webhooks, the
  buyer routes that carry their own signed token, and the seller console behind its own
  sign-in); order, shipment and alert routes answer 503 naming the setting.
  `api.allow_anonymous_read = true` opens the reads (never writes).
- `check_exposure()` refuses (exit 6) to listen on a non-loopback address without a token
  unless anonymous reads were explicitly allowed.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import HTTPException, Request, status
from starlette.types import ASGIApp, Receive, Scope, Send

from trackmon.api.limits import json_error
from trackmon.errors import ConfigError
from trackmon.settings import Settings

TOKEN_HINT = "set api.token in the config file or the TRACKMON_API_TOKEN environment variable"

#: The one allow-list of routes served without the API token (they need none or carry their
#: own signature). Buyer routes with a signed link are added here as prefixes. The seller
#: console (`/`, `/signin`, `/signout`, `/console/...`, its `/static/...` assets) has its own
#: sign-in (api.token or api.console_password, session cookie, CSRF on every form) and shows
#: nothing before it: with neither set, nobody can sign in.
ANONYMOUS_PATHS: frozenset[str] = frozenset({"/healthz", "/readyz", "/metrics", "/", "/signin", "/signout"})
ANONYMOUS_PREFIXES: tuple[str, ...] = ("/webhooks/", "/t/", "/unsubscribe/", "/console/", "/static/")


def is_anonymous_path(path: str) -> bool:
    return path in ANONYMOUS_PATHS or path.startswith(ANONYMOUS_PREFIXES)


def configured_token(settings: Settings) -> str | None:
    token = settings.api.token
    value = token.get_secret_value() if token is not None else ""
    return value or None


def is_loopback(host: str) -> bool:
    if host.strip().lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or 0.0.0.0-like wildcard: reachable from elsewhere


def check_exposure(settings: Settings) -> None:
    """ConfigError when the API would listen beyond this machine with nothing protecting it."""
    api = settings.api
    if configured_token(settings) is None and not api.allow_anonymous_read and not is_loopback(api.host):
        missing = f" (api.token_file {api.token_file} is missing or empty)" if api.token_file else ""
        raise ConfigError(
            f"api.host {api.host} is reachable from other machines and no API token is set{missing}: "
            f"{TOKEN_HINT} (or set api.host = 127.0.0.1, or api.allow_anonymous_read = true "
            "to serve order data to anyone who can connect)", key="api.token")


def anonymous_notice(settings: Settings) -> str | None:
    """What the start-up log line says when no token is configured (None with a token)."""
    if configured_token(settings) is not None:
        return None
    served = ", ".join(sorted(ANONYMOUS_PATHS)) + ", " + ", ".join(p + "..." for p in ANONYMOUS_PREFIXES)
    if settings.api.allow_anonymous_read:
        return f"no API token: order, shipment and alert reads are open to anyone (api.allow_anonymous_read); " \
               f"writes are disabled; {TOKEN_HINT}"
    return f"no API token: only {served} are served; order, shipment and alert routes answer 503; {TOKEN_HINT}"


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
    settings = request.app.state.settings
    expected = configured_token(settings)
    if expected is not None:
        _check(request, expected)
    elif not settings.api.allow_anonymous_read:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            f"order, shipment and alert data are not served without a token: {TOKEN_HINT}")


def require_write(request: Request) -> None:
    expected = configured_token(request.app.state.settings)
    if expected is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            f"the write API is disabled until a token is configured: {TOKEN_HINT}")
    _check(request, expected)


class AnonymousGate:
    """In front of every route, before a body is read:

    - without a token (and without `allow_anonymous_read`), 503 for every path outside the
      allow-list: the API then serves nothing else, its docs included;
    - with a token, a write (POST, PUT, PATCH, DELETE) to a path outside the allow-list
      without the right bearer token is answered 401 before its body is read.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.token = configured_token(settings)
        self.closed = self.token is None and not settings.api.allow_anonymous_read

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_anonymous_path(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        if self.closed:
            await json_error(send, 503, f"not served without an API token: {TOKEN_HINT}")
            return
        if self.token is not None and scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            header = dict(scope.get("headers") or ()).get(b"authorization", b"").decode("latin-1")
            scheme, _, given = header.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("latin-1"),
                                                                      self.token.encode()):
                await json_error(send, 401, "missing or wrong bearer token (Authorization: Bearer ...)",
                                 ((b"www-authenticate", b"Bearer"),))
                return
        await self.app(scope, receive, send)
