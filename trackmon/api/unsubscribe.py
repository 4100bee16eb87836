"""`/unsubscribe/{token}`: the buyer's opt-out link (public: no API token; the token is signed).

- `POST` opts the buyer out at once: the RFC 8058 one-click request a mail provider sends
  (body `List-Unsubscribe=One-Click`), or the button of the confirmation page.
- `GET` only shows a small confirmation page with that button (a link scanner that follows
  every URL of an email must not unsubscribe anybody), in the buyer's language.

A token that is malformed, forged or made for another purpose is refused with 404, and so is
one whose order no longer exists. Opting out twice is harmless.
"""

from __future__ import annotations

from html import escape

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from trackmon import locales
from trackmon.installation import installation_secret
from trackmon.models import Order
from trackmon.optout import order_of_token, record_opt_out

router = APIRouter(tags=["unsubscribe"])
log = structlog.get_logger("trackmon.api.unsubscribe")

def _texts(language: str | None) -> tuple[str, str, str, str, str]:
    """(page title, question, button, done, invalid link) in the buyer's language: the
    `[unsubscribe]` table of `messages/<lang>/locale.toml`."""
    words = locales.table(language, "unsubscribe")
    return (words["title"], words["question"], words["button"], words["done"], words["invalid"])


def _page(language: str, title: str, body: str, status_code: int = 200) -> HTMLResponse:
    html = (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{escape(title)}</title></head>'
            '<body style="font-family:Arial,Helvetica,sans-serif;max-width:32em;margin:3em auto;padding:0 1em">'
            f"{body}</body></html>")
    return HTMLResponse(html, status_code=status_code, headers={"Cache-Control": "no-store"})


def _order(request: Request, token: str) -> Order | None:
    engine = request.app.state.engine
    order_pk = order_of_token(installation_secret(engine, request.app.state.clock()), token)
    if order_pk is None:
        return None
    with Session(engine) as session:
        return session.get(Order, order_pk)


def _store_name(request: Request, order: Order) -> str:
    settings = request.app.state.settings
    return settings.store(order.store).display_name or settings.messaging.store_name


def _invalid(request: Request) -> HTMLResponse:
    lang = locales.language_of((request.headers.get("accept-language") or "en")[:2])
    text = _texts(lang)[4]
    return _page(lang, text, f"<p>{escape(text)}</p>", status_code=404)


@router.get("/unsubscribe/{token}", response_class=HTMLResponse,
            summary="Confirmation page of a buyer's opt-out link (nothing changes until its button is pressed)")
def confirm_page(token: str, request: Request) -> HTMLResponse:
    order = _order(request, token)
    if order is None:
        return _invalid(request)
    lang = locales.language_of(order.buyer_language)
    title, question, button, _, _ = _texts(lang)
    store = escape(_store_name(request, order))
    body = (f"<h1>{escape(title)}</h1><p>{escape(question).format(store=store)}</p>"
            '<form method="post">'  # no action: posts to this very URL, whatever prefix serves it
            '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
            '<input type="hidden" name="via" value="page">'
            f'<button type="submit" style="font-size:1.1em;padding:.4em 1.2em">{escape(button)}</button>'
            "</form>")
    return _page(lang, title, body)


@router.post("/unsubscribe/{token}", response_class=HTMLResponse,
             summary="Opt the buyer out of the store's proactive updates (RFC 8058 one-click)")
async def unsubscribe(token: str, request: Request) -> HTMLResponse:
    order = _order(request, token)
    if order is None:
        log.info("unsubscribe.refused")
        return _invalid(request)
    body = await request.body()
    via = "page" if b"via=page" in body[:1000] else "one-click"
    now = request.app.state.clock()
    with Session(request.app.state.engine) as session, session.begin():
        new = record_opt_out(session, order, now, via=via)
    log.info("unsubscribe.recorded", order_id=order.order_id, store=order.store, via=via, new=new)
    lang = locales.language_of(order.buyer_language)
    title, _, _, done, _ = _texts(lang)
    store = escape(_store_name(request, order))
    return _page(lang, title, f"<p>{escape(done).format(store=store)}</p>")
