"""Templates: every message kind × language, each previewed with a real order."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, select

from trackmon.console.auth import require_user
from trackmon.console.web import engine_of, now_of, page, settings_of
from trackmon.errors import TrackmonError
from trackmon.messaging.context import build_context
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.render import load_renderer
from trackmon.models import Order, Shipment

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])


@router.get("/console/templates", response_class=HTMLResponse)
def templates_page(request: Request, kind: str = "", language: str = "", order: str = "") -> Response:
    settings = settings_of(request)
    renderer = load_renderer(settings)
    languages = renderer.languages()
    matrix = {k: {lang: renderer.source_of(f"{lang}/{k}.txt.j2") if k in renderer.kinds(lang) else None
                  for lang in languages} for k in ALL_KINDS}
    kind = kind if kind in ALL_KINDS else ""
    language = language if language in languages else ""
    rendered, error, chosen = None, "", None
    with Session(engine_of(request)) as session:
        recent = list(session.exec(select(Order).where(col(Order.id).in_(select(Shipment.order_pk)))
                                   .order_by(col(Order.id).desc()).limit(30)).all())
        chosen = next((o for o in recent if str(o.id) == order), recent[0] if recent else None)
        if kind and language and chosen is not None:
            shipments = list(session.exec(select(Shipment).where(Shipment.order_pk == chosen.id)).all())
            context = build_context(session, chosen, shipments, kind=kind, cause="preview", settings=settings,
                                    now=now_of(request))
            try:
                rendered = renderer.render(kind, language, context)
            except TrackmonError as exc:
                error = str(exc)
    return page(request, "templates.html", matrix=matrix, languages=languages, kind=kind, language=language,
                orders=recent, chosen=chosen, rendered=rendered, error=error,
                enabled=set(settings.messaging.enabled_kinds), builtin_dir=str(renderer.source_of("layout.html.j2")))
