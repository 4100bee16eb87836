"""Issue 10, findings 2, 3 and 7: request bodies are bounded before anything reads them, the
API serves no buyer data without a token, and hostile query strings and JSON get 4xx."""

from __future__ import annotations

import asyncio
import json

import pytest
from fastapi.testclient import TestClient

from tests.hostile.server import raw_request, serve
from trackmon.api import SchedulerState, create_app
from trackmon.api.limits import BodyLimitMiddleware, json_depth_exceeds
from trackmon.settings import load

TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ORDER = {"order_id": "A-1", "buyer_email": "anna@example.com", "buyer_name": "Anna K",
         "tracking_numbers": ["RR123456785CN"]}


def _app(engine, now, **api):
    settings = load(env={}, overrides={"api": api,
                                       "carriers": {"17track": {"api_key": "k"}}})
    return create_app(engine, settings, scheduler_state=SchedulerState(running=True), clock=lambda: now)


# ------------------------------------------------------------------ finding 2: body size


def test_content_length_over_the_limit_is_413_before_the_body_is_read(engine, now) -> None:
    """400 MB announced, 64 KB sent: the answer comes at once (before: read in full first)."""
    with serve(_app(engine, now, token=TOKEN)) as url:
        for path in ("/webhooks/17track", "/orders"):
            head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    f"Authorization: Bearer {TOKEN}\r\nContent-Length: {400 * 1024 * 1024}\r\n\r\n").encode()
            status, response, _ = raw_request(url, head, iter([b"{" * 65536]), timeout=5)
            assert status == 413, response
            assert b"api.max_body_bytes" in response


def test_chunked_body_is_cut_while_streaming(engine, now) -> None:
    """No Content-Length: the server stops at the limit and never reads the rest."""
    with serve(_app(engine, now, token=TOKEN, max_body_bytes=64 * 1024)) as url:
        head = (b"POST /webhooks/17track HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"8000\r\n" + b"a" * 0x8000 + b"\r\n"
        status, _, sent = raw_request(url, head, iter([chunk] * 3000), timeout=10)  # up to 96 MB
    assert status == 413
    assert sent < 8 * 1024 * 1024  # stopped long before the 96 MB


def test_middleware_pulls_no_chunk_past_the_limit() -> None:
    pulled = 0

    async def receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        raise AssertionError("the route ran")

    middleware = BodyLimitMiddleware(app, max_bytes=10_000)
    asyncio.run(middleware({"type": "http", "method": "POST", "path": "/orders", "headers": []}, receive, send))
    assert sent[0]["status"] == 413 and pulled == 11


def test_unauthenticated_write_is_401_before_its_body_is_read(engine, now) -> None:
    with serve(_app(engine, now, token=TOKEN)) as url:
        head = b"POST /orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n"
        status, _, sent = raw_request(url, head, iter([b" " * 1000] * 900), timeout=5)
    assert status == 401 and sent < 900_000


def test_validation_error_never_echoes_a_large_input(engine, now) -> None:
    client = TestClient(_app(engine, now, token=TOKEN))
    big = "x" * 500_000
    r = client.post("/orders", json={**ORDER, "buyer_name": big}, headers=AUTH)
    assert r.status_code == 422
    assert len(r.content) < 5_000 and big[:1000] not in r.text
    r = client.post("/orders", json=[big] * 1, headers=AUTH)
    assert r.status_code == 422 and len(r.content) < 5_000


def test_deep_json_is_refused(engine, now) -> None:
    client = TestClient(_app(engine, now, token=TOKEN))
    r = client.post("/orders", content=b"[" * 5000 + b"]" * 5000, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 400 and "nested" in r.json()["detail"]
    assert json_depth_exceeds(b'{"a": [[[1]]], "s": "[[[[[[[[["}', max_depth=4) is False
    assert json_depth_exceeds(b'{"a": [[[[1]]]]}', max_depth=4) is True


# ------------------------------------------------------------------ finding 3: no token


def test_without_a_token_no_buyer_data_is_served(engine, now) -> None:
    writer = TestClient(_app(engine, now, token=TOKEN))
    assert writer.post("/orders", json=ORDER, headers=AUTH).status_code == 201
    client = TestClient(_app(engine, now))
    for path in ("/orders/default/A-1", "/shipments", "/shipments/RR123456785CN", "/alerts",
                 "/docs", "/openapi.json"):
        r = client.get(path)
        assert r.status_code == 503, path
        assert "anna" not in r.text.lower() and "TRACKMON_API_TOKEN" in r.text
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/metrics").status_code == 200
    assert client.post("/webhooks/17track", content=b"{}").status_code == 401  # reached: unsigned


def test_anonymous_reads_only_when_explicitly_allowed(engine, now) -> None:
    writer = TestClient(_app(engine, now, token=TOKEN))
    writer.post("/orders", json=ORDER, headers=AUTH)
    client = TestClient(_app(engine, now, allow_anonymous_read=True))
    assert client.get("/orders/default/A-1").json()["buyer_email"] == "anna@example.com"
    assert client.post("/orders", json=ORDER).status_code == 503  # writes never without a token


# ------------------------------------------------------------------ finding 7: 500s on reads


@pytest.mark.parametrize("cursor", ["²", "99999999999999999999999999", "-1", "1e3", " 1", "١٢"])
def test_hostile_cursors_are_422(engine, now, cursor) -> None:
    client = TestClient(_app(engine, now, token=TOKEN))
    for path in ("/shipments", "/alerts"):
        r = client.get(path, params={"cursor": cursor}, headers=AUTH)
        assert r.status_code == 422, (path, cursor, r.text)


@pytest.mark.parametrize("body", [b"NaN", b"Infinity", b"-Infinity", b'{"order_id": NaN}',
                                  b'{"tracking_numbers": [Infinity]}'])
def test_non_json_numbers_are_422(engine, now, body) -> None:
    client = TestClient(_app(engine, now, token=TOKEN), raise_server_exceptions=False)
    r = client.post("/orders", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "not a JSON number" in r.json()["detail"]


def test_valid_order_still_accepted_through_every_guard(engine, now) -> None:
    client = TestClient(_app(engine, now, token=TOKEN))
    r = client.post("/orders", content=json.dumps(ORDER).encode(), headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 201
    assert client.get("/shipments", params={"cursor": "0"}, headers=AUTH).json()["items"]


def test_console_has_its_own_sign_in_behind_the_gate(engine, now) -> None:
    """The console is reachable with or without an API token, but shows nothing before its
    own sign-in; with a token, its form posts (cookie + CSRF, no bearer) are not refused."""
    from tests.console.helpers import form_token

    writer = TestClient(_app(engine, now, token=TOKEN))
    assert writer.post("/orders", json=ORDER, headers=AUTH).status_code == 201
    for api in ({"token": TOKEN}, {"console_password": "pw-for-the-console"}):
        client = TestClient(_app(engine, now, **api), base_url="http://127.0.0.1")
        home = client.get("/", follow_redirects=False)
        assert home.status_code == 303 and home.headers["location"].startswith("/signin"), api
        signin = client.get("/signin")
        assert signin.status_code == 200 and "anna" not in signin.text.lower()
        assert client.get("/console/search?q=A-1", follow_redirects=False).status_code == 303
        token = form_token(signin.text)
        secret = api.get("token") or api["console_password"]
        done = client.post("/signin", data={"form_token": token, "password": secret, "next": "/"},
                           follow_redirects=False)
        assert done.status_code == 303 and "trackmon_session" in client.cookies, api
        assert "anna@example.com" in client.get("/console/search?q=A-1").text
        if "console_password" in api:  # without a token the JSON API still serves no buyer data
            assert client.get("/orders/default/A-1").status_code == 503
