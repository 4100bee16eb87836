"""The API documentation (Swagger UI at /docs, ReDoc at /redoc) with packaged assets: they
render offline and from mainland China (FastAPI's defaults load them from a CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from trackmon.console.web import SECURITY_HEADERS

router = APIRouter(include_in_schema=False)

_SWAGGER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
<link rel="icon" href="/static/vendor/swagger-ui/favicon-32x32.png"></head>
<body><div id="swagger-ui" data-openapi="{openapi}"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/docs-swagger.js"></script></body></html>
"""

_REDOC = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · API</title><link rel="icon" href="data:,"></head>
<body><div id="redoc" data-openapi="{openapi}"></div>
<script src="/static/vendor/redoc/redoc.standalone.js"></script>
<script src="/static/docs-redoc.js"></script></body></html>
"""


def _html(request: Request, template: str) -> HTMLResponse:
    app = request.app
    return HTMLResponse(template.format(title=app.title, openapi=app.openapi_url), headers=SECURITY_HEADERS)


@router.get("/docs", response_class=HTMLResponse)
def swagger(request: Request) -> HTMLResponse:
    return _html(request, _SWAGGER)


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    return _html(request, _REDOC)
