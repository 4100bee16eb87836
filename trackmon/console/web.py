"""What every console page shares: the template environment, form parsing, the app state."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import Engine

from trackmon import __version__
from trackmon.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAX_FORM_BYTES = 64 * 1024

env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["html"]),
                  undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _when(value: datetime | date | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime(fmt) + (" UTC" if "%H" in fmt else "")
    return value.strftime("%Y-%m-%d")


def _day(value: datetime | date | None) -> str:
    return _when(value, "%Y-%m-%d")


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")


env.filters["when"] = _when
env.filters["day"] = _day
env.filters["label"] = _label
env.globals["version"] = __version__


def engine_of(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def now_of(request: Request) -> datetime:
    return request.app.state.clock()  # type: ignore[no-any-return]


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a console template with the signed-in user's CSRF token and the current page."""
    from trackmon.console.auth import csrf_token_of
    csrf = csrf_token_of(request)
    html = env.get_template(name).render(request=request, csrf=csrf, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


#: Every console and buyer page: nothing loads from elsewhere, no framing, no referrer leaks.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; "
                               "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


async def form_of(request: Request) -> dict[str, list[str]]:
    """A url-encoded form body (bounded), as lists of values per field."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        from fastapi import HTTPException
        raise HTTPException(413, f"form larger than {MAX_FORM_BYTES} bytes")
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def first(form: dict[str, list[str]], name: str, default: str = "") -> str:
    values = form.get(name) or [default]
    return values[0].strip()


def back(request: Request, fallback: str = "/") -> RedirectResponse:
    """After a plain (non-htmx) form post: back to the page it came from (same site only)."""
    target = fallback
    ref = request.headers.get("referer", "")
    host = request.headers.get("host", "")
    for prefix in (f"http://{host}", f"https://{host}"):
        if host and ref.startswith(prefix + "/"):
            target = ref[len(prefix):]
    return RedirectResponse(target, status_code=303)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def message_status(m: Any, now: datetime) -> str:
    """Where a buyer message stands, in plain words (sent, why it waits, why it failed)."""
    if m.state == "sent":
        how = "by hand (marked sent in the console)" if m.channel == "manual" else f"via {m.channel}"
        return f"sent {_when(m.sent_at)} {how}"
    if m.state == "queued" and m.channel == "manual":
        return "waiting for you to send it by hand: the order has no buyer email (see Manual)"
    if m.state == "queued" and m.last_error:
        return f"queued, retry at {_when(m.next_attempt_at)} after: {m.last_error}"
    if m.state == "queued" and m.next_attempt_at > now:
        return (f"queued until {_when(m.next_attempt_at)}: the buyer's daytime window "
                "or the daily limit per buyer")
    if m.state == "queued":
        return "queued: goes out with the next cycle, inside the buyer's daytime window"
    if m.state == "sending":
        return f"being sent (claimed by {m.lease_owner})"
    return f"{m.state}: {m.last_error or 'no reason recorded'}"


env.globals["message_status"] = message_status
