"""OAuth 2 client-credentials tokens for the carriers that use them (UPS, USPS, FedEx).

`OAuthTokenCache` fetches a token, keeps it until shortly before `expires_in` runs out
(measured with the injected clock), lets one coroutine refresh at a time, and sends
tracking calls with `Authorization: Bearer`. A 401 on a tracking call means the token was
revoked or expired early: the cache drops it, fetches a new one and retries that call once.

How the client authenticates differs per carrier:
- UPS: `POST /security/v1/oauth/token`, HTTP Basic `client_id:client_secret`,
  form `grant_type=client_credentials`.
- FedEx: `POST /oauth/token`, form `grant_type`, `client_id`, `client_secret`.
- USPS: `POST /oauth2/v3/token`, form `grant_type`, `client_id`, `client_secret`.

The client secret is never logged and never put in an error message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar, Literal

import httpx
import structlog

from carriers.base import CarrierAdapter
from trackmon.clock import Clock, utcnow
from trackmon.errors import CarrierAuthError, CarrierResponseError
from trackmon.http import send
from trackmon.ratelimit import RateLimiter
from trackmon.settings import CarrierSettings, env_var_for

log = structlog.get_logger("trackmon.carriers.oauth")

#: A token is renewed this long before the carrier says it expires (clock skew, slow calls).
EXPIRY_MARGIN = timedelta(seconds=60)
#: Lifetime assumed when a token response gives no usable `expires_in`.
DEFAULT_LIFETIME = timedelta(minutes=30)
#: Token endpoint statuses whose body we read: RFC 6749 §5.2 errors come as 400 or 401.
_TOKEN_ERROR_STATUSES = (400, 401, 403)

AuthStyle = Literal["basic", "form"]


@dataclass(frozen=True, slots=True)
class _Token:
    value: str
    expires_at: datetime


class OAuthTokenCache:
    """One cached client-credentials token per adapter instance."""

    def __init__(self, *, carrier: str, token_url: str, settings: CarrierSettings,
                 client: httpx.AsyncClient, style: AuthStyle,
                 limiter: RateLimiter | None = None, clock: Clock = utcnow,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 extra_form: dict[str, str] | None = None) -> None:
        self.carrier = carrier
        self.token_url = token_url
        self.settings = settings
        self.client = client
        self.style = style
        self.limiter = limiter
        self.clock = clock
        self.sleep = sleep
        self.extra_form = dict(extra_form or {})
        self._token: _Token | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0  # tokens fetched so far (metrics, tests)
        self.log = log.bind(carrier=carrier)

    # -- credentials -------------------------------------------------------------------

    def _env_names(self) -> str:
        return (f"{env_var_for(self.carrier, 'client_id')} / "
                f"{env_var_for(self.carrier, 'client_secret')}")

    def _credentials(self) -> tuple[str, str]:
        client_id = self.settings.client_id or ""
        secret = (self.settings.client_secret.get_secret_value()
                  if self.settings.client_secret is not None else "")
        if not client_id or not secret:
            raise CarrierAuthError(
                self.carrier, f"client credentials are not set; set {self._env_names()}")
        return client_id, secret

    # -- tokens ------------------------------------------------------------------------

    def _valid(self, token: _Token | None) -> bool:
        return token is not None and self.clock() < token.expires_at

    async def token(self) -> str:
        """A valid access token, fetched if none is cached or the cached one is expiring."""
        if self._valid(self._token):
            return self._token.value  # type: ignore[union-attr]
        async with self._lock:
            # Another coroutine may have refreshed while this one waited for the lock.
            if not self._valid(self._token):
                self._token = await self._fetch()
            return self._token.value  # type: ignore[union-attr]

    def invalidate(self, value: str) -> None:
        """Forget `value` if it is still the cached token (a newer one is kept)."""
        if self._token is not None and self._token.value == value:
            self._token = None

    async def _fetch(self) -> _Token:
        client_id, secret = self._credentials()
        form = {"grant_type": "client_credentials", **self.extra_form}
        kwargs: dict[str, Any] = {"headers": {"Accept": "application/json"}}
        if self.style == "basic":
            kwargs["auth"] = httpx.BasicAuth(client_id, secret)
        else:
            form.update(client_id=client_id, client_secret=secret)
        kwargs["data"] = form
        response = await send(
            self.client, self.carrier, "POST", self.token_url, limiter=self.limiter,
            attempts=self.settings.max_attempts, sleep=self.sleep, timeout=self.settings.timeout_seconds,
            passthrough=_TOKEN_ERROR_STATUSES, **kwargs)
        if response.status_code in _TOKEN_ERROR_STATUSES:
            raise CarrierAuthError(
                self.carrier,
                f"token request refused (HTTP {response.status_code}"
                f"{_oauth_error(response)}); check {self._env_names()}",
                status_code=response.status_code)
        token = self._read(response)
        self.fetches += 1
        self.log.info("oauth.token_fetched", expires_at=token.expires_at.isoformat())
        return token

    def _read(self, response: httpx.Response) -> _Token:
        try:
            body = response.json()
        except ValueError:
            raise CarrierResponseError(
                self.carrier, "token response is not JSON "
                f"(content-type {response.headers.get('content-type', '?')})") from None
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str) \
                or not body["access_token"]:
            keys = sorted(body) if isinstance(body, dict) else type(body).__name__
            raise CarrierResponseError(
                self.carrier, f"token response has no access_token (got {keys})")
        lifetime = DEFAULT_LIFETIME
        try:
            seconds = float(body.get("expires_in"))  # UPS sends it as a string
            if seconds > 0:
                lifetime = timedelta(seconds=seconds)
        except (TypeError, ValueError):
            self.log.warning("oauth.no_expiry", expires_in=body.get("expires_in"))
        margin = min(EXPIRY_MARGIN, lifetime / 10)
        return _Token(value=body["access_token"], expires_at=self.clock() + lifetime - margin)

    # -- authorized calls --------------------------------------------------------------

    async def request(self, method: str, url: str, *, attempts: int,
                      headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
        """Send a tracking call with the bearer token; on 401 refresh once and retry once."""
        for retry in (False, True):
            value = await self.token()
            try:
                return await send(
                    self.client, self.carrier, method, url, limiter=self.limiter,
                    attempts=attempts, sleep=self.sleep, timeout=self.settings.timeout_seconds,
                    headers={**(headers or {}), "Authorization": f"Bearer {value}"}, **kwargs)
            except CarrierAuthError as exc:
                if exc.status_code != 401 or retry:
                    raise CarrierAuthError(
                        self.carrier, f"{exc.message}; check {self._env_names()}",
                        status_code=exc.status_code) from None
                self.log.info("oauth.token_rejected", status_code=exc.status_code)
                self.invalidate(value)
        raise AssertionError("unreachable")  # pragma: no cover


def _oauth_error(response: httpx.Response) -> str:
    """`: invalid_client (Client authentication failed.)` from an RFC 6749 error body."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    code = body.get("error")
    if isinstance(code, dict):  # some gateways nest {"error": {"code", "message"}}
        code = code.get("code") or code.get("message")
    desc = body.get("error_description") or body.get("message") or ""
    parts = [str(p) for p in (code, desc) if p]
    if not parts and isinstance(body.get("response"), dict):  # UPS {"response": {"errors": [...]}}
        errs = body["response"].get("errors") or []
        parts = [f"{e.get('code')} {e.get('message')}" for e in errs if isinstance(e, dict)]
    return (": " + " - ".join(parts))[:200] if parts else ""


class OAuthCarrierAdapter(CarrierAdapter):
    """Base of the adapters that authenticate with OAuth client credentials (UPS, USPS, FedEx).

    The token endpoint is `base_url + token_path` when a base URL is configured (a sandbox or
    a local stand-in), else `production_token_url` (or the default base URL + token_path).
    """

    credentials = ("client_id", "client_secret")
    token_path: ClassVar[str]
    production_token_url: ClassVar[str | None] = None
    oauth_style: ClassVar[AuthStyle] = "form"
    oauth_form: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.settings.base_url or self.production_token_url is None:
            token_url = self.base_url + self.token_path
        else:
            token_url = self.production_token_url
        self.oauth = OAuthTokenCache(
            carrier=self.name, token_url=token_url, settings=self.settings, client=self.client,
            style=self.oauth_style, limiter=self.limiter, clock=self.clock, sleep=self.sleep,
            extra_form=self.oauth_form)
