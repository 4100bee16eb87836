"""Sign-in to the seller console: the API token or `api.console_password`, a signed
session cookie (HttpOnly, SameSite=Strict), a CSRF token on every form.

Both the cookie and the CSRF token are signed with the installation's secret
(`trackmon.installation.sign`) for their own purposes, so any replica accepts them. The
session carries when it was issued and a random nonce; the CSRF token is the nonce signed
for the purpose `console-csrf` (it changes with every sign-in). The sign-in form is
protected the same way by a short-lived pre-session cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from trackmon.console.web import engine_of, first, form_of, now_of, page, settings_of
from trackmon.installation import installation_secret, sign, verify
from trackmon.settings import Settings

router = APIRouter(include_in_schema=False)

SESSION_COOKIE = "trackmon_session"
SIGNIN_COOKIE = "trackmon_signin"
SESSION_AGE = timedelta(hours=12)
HINT = ("set api.console_password (env TRACKMON_API_CONSOLE_PASSWORD) or api.token "
        "(env TRACKMON_API_TOKEN) and restart")


class SignInRequired(Exception):
    """Raised by `require_user`: answered with a redirect to the sign-in page."""


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    nonce: str
    csrf: str


def _secret(request: Request) -> bytes:
    return installation_secret(engine_of(request), now_of(request))


def accepted_secrets(settings: Settings) -> list[str]:
    """What signs in: the API token and the console password, when set."""
    out = []
    for secret in (settings.api.token, settings.api.console_password):
        value = secret.get_secret_value() if secret is not None else ""
        if value:
            out.append(value)
    return out


def _fingerprint(settings: Settings) -> str:
    """Changes when the password or the token changes: sessions signed in with the old ones end."""
    return hashlib.sha256("\0".join(accepted_secrets(settings)).encode()).hexdigest()[:16]


class _Throttle:
    """Failed sign-ins per client address: after `limit` in `window`, refused until they age out."""

    def __init__(self, limit: int = 10, window: timedelta = timedelta(minutes=15)) -> None:
        self.limit, self.window = limit, window.total_seconds()
        self.failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, client: str, now: float) -> bool:
        seen = self.failures[client]
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if not seen:
            self.failures.pop(client, None)
        return len(seen) >= self.limit

    def failed(self, client: str, now: float) -> None:
        self.failures[client].append(now)


THROTTLE = _Throttle()


def session_of(request: Request) -> ConsoleSession | None:
    """The signed-in session of this request, or None (missing, forged or expired)."""
    cached = getattr(request.state, "console_session", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    found: ConsoleSession | None = None
    value = verify(_secret(request), "console-session", request.cookies.get(SESSION_COOKIE, ""))
    if value is not None and accepted_secrets(settings_of(request)):
        issued, _, rest = value.partition(":")
        nonce, _, fingerprint = rest.partition(":")
        age = now_of(request).timestamp() - int(issued) if issued.isdigit() else -1
        current = hmac.compare_digest(fingerprint, _fingerprint(settings_of(request)))
        if nonce and current and 0 <= age <= SESSION_AGE.total_seconds():
            found = ConsoleSession(nonce, sign(_secret(request), "console-csrf", nonce))
    request.state.console_session = found
    return found


def csrf_token_of(request: Request) -> str:
    session = session_of(request)
    return session.csrf if session is not None else ""


def require_user(request: Request) -> ConsoleSession:
    """Dependency of every console page: the session, or off to the sign-in page."""
    session = session_of(request)
    if session is None:
        raise SignInRequired
    return session


def check_csrf(request: Request, form: dict[str, list[str]]) -> None:
    """Every state-changing console request carries the session's CSRF token (form field
    `csrf` or header `X-CSRF-Token`, which htmx sends)."""
    session = require_user(request)
    given = first(form, "csrf") or request.headers.get("x-csrf-token", "")
    if not given or verify(_secret(request), "console-csrf", given) != session.nonce:
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") and "\\" not in value else "/"


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    secure = request.url.scheme == "https" or (settings_of(request).public_base_url or "").startswith("https")
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict", secure=secure, path="/")


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = "/", error: str = "") -> Response:
    nonce = secrets.token_urlsafe(16)
    configured = bool(accepted_secrets(settings_of(request)))
    response = page(request, "signin.html", status_code=200 if configured else 503,
                    next=_safe_next(next), form_token=sign(_secret(request), "console-signin", nonce),
                    error=error, configured=configured, hint=HINT)
    _cookie(response, request, SIGNIN_COOKIE, nonce, 600)
    return response


@router.post("/signin")
async def signin(request: Request) -> Response:
    form = await form_of(request)
    nxt = _safe_next(first(form, "next", "/"))
    nonce = request.cookies.get(SIGNIN_COOKIE, "")
    if not nonce or verify(_secret(request), "console-signin", first(form, "form_token")) != nonce:
        return RedirectResponse(f"/signin?next={quote(nxt)}&error=expired", status_code=303)
    client, moment = request.client.host if request.client else "?", now_of(request).timestamp()
    if THROTTLE.blocked(client, moment):
        return RedirectResponse(f"/signin?next={quote(nxt)}&error=throttled", status_code=303)
    given = first(form, "password").encode()
    if not any(hmac.compare_digest(given, s.encode()) for s in accepted_secrets(settings_of(request))):
        THROTTLE.failed(client, moment)
        request.app.state.log.warning("console.signin_refused", client=client)
        return RedirectResponse(f"/signin?next={quote(nxt)}&error=wrong", status_code=303)
    value = f"{int(now_of(request).timestamp())}:{secrets.token_urlsafe(16)}:{_fingerprint(settings_of(request))}"
    response = RedirectResponse(nxt, status_code=303)
    _cookie(response, request, SESSION_COOKIE, sign(_secret(request), "console-session", value),
            int(SESSION_AGE.total_seconds()))
    response.delete_cookie(SIGNIN_COOKIE, path="/")
    return response


@router.post("/signout")
async def signout(request: Request) -> Response:
    check_csrf(request, await form_of(request))
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def install(app: FastAPI) -> None:
    """Answer `SignInRequired` with the sign-in page (htmx: a full-page redirect)."""

    async def _to_signin(request: Request, exc: Exception) -> Response:
        target = f"/signin?next={quote(request.url.path)}"
        if request.headers.get("hx-request") == "true":
            return JSONResponse({"detail": "sign in first"}, status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    app.add_exception_handler(SignInRequired, _to_signin)
