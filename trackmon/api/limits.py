"""Bounded request input, enforced in front of every route (ASGI middleware).

- A body larger than `api.max_body_bytes` is refused with 413 before any route, parser or
  auth check sees it: a `Content-Length` above the limit is answered without reading a byte;
  a body sent without one (chunked) is counted while it streams and refused as soon as the
  count passes the limit, so at most `max_body_bytes` are ever held in memory.
- A JSON body (content type `application/json` or none) is checked before it reaches the
  route: nested deeper than `MAX_JSON_DEPTH` → 400; `NaN`/`Infinity` (not JSON numbers,
  but accepted by Python's parser) → 422.
- Validation errors (422) never echo large inputs: `input` is cut to `MAX_ECHO_CHARS`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_JSON_DEPTH = 64
MAX_ECHO_CHARS = 200
_EMPTY_PAIR = re.compile(rb"\[\s*\]|\{\s*\}")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_SCALAR = re.compile(rb"[^\[\]{}]+")


class _TooLarge(Exception):
    pass


def json_depth_exceeds(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text nests arrays/objects deeper than `max_depth` (strings ignored).

    Each pass removes the innermost empty pairs, one level at a time, in C (re.sub): after
    `max_depth` passes a body within the limit has no bracket pair left.
    """
    skeleton = _SCALAR.sub(b"", _STRING.sub(b"", body))
    for _ in range(max_depth):
        reduced = _EMPTY_PAIR.sub(b"", skeleton)
        if reduced == skeleton:
            return False
        skeleton = reduced
    return _EMPTY_PAIR.search(skeleton) is not None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def non_json_constant(body: bytes) -> str | None:
    """The first `NaN`/`Infinity`/`-Infinity` in a parsable JSON body, else None."""
    try:
        json.loads(body, parse_constant=_reject_constant)
    except ValueError as exc:
        text = str(exc)
        return text if text.endswith("is not a JSON number") else None
    except RecursionError:
        return None
    return None


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers") or ():
        if name == b"content-type":
            return b"json" in value.lower()
    return True  # FastAPI reads a body without a content type as JSON


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value.decode("ascii").strip())
            except ValueError:
                return None
    return None


async def json_error(send: Send, status: int, detail: str,
                     headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    """Answer `{"detail": ...}` straight from ASGI middleware (no route, no body read)."""
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """413 for bodies over `max_bytes`; JSON depth and NaN checks (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        too_large = f"request body larger than {self.max_bytes} bytes (api.max_body_bytes)"
        length = _content_length(scope)
        if length is not None and length > self.max_bytes:
            await json_error(send, 413, too_large)
            return
        try:
            chunks, pending = await self._read(receive)
        except _TooLarge:
            await json_error(send, 413, too_large)
            return
        body = b"".join(chunks)
        if body and _is_json(scope):
            # a large body is checked in a worker thread: the event loop keeps serving
            problem = (await run_in_threadpool(self._json_problem, body) if len(body) > 65536
                       else self._json_problem(body))
            if problem is not None:
                await json_error(send, *problem)
                return
        queue: list[Message] = [{"type": "http.request", "body": body, "more_body": False}]
        if pending is not None:
            queue.append(pending)

        async def replay() -> Message:
            return queue.pop(0) if queue else await receive()

        await self.app(scope, replay, send)

    def _json_problem(self, body: bytes) -> tuple[int, str] | None:
        if json_depth_exceeds(body, self.max_depth):
            return 400, f"JSON nested deeper than {self.max_depth} levels"
        constant = non_json_constant(body)
        return (422, constant) if constant is not None else None

    async def _read(self, receive: Receive) -> tuple[list[bytes], Message | None]:
        """The whole body (at most max_bytes), counted chunk by chunk as it arrives; and a
        disconnect met on the way (handed to the app after the body)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return chunks, message
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return chunks, None


def _short(value: Any) -> Any:
    """A JSON-safe, short stand-in for an input echoed in a validation error."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value if len(value) <= MAX_ECHO_CHARS else value[:MAX_ECHO_CHARS] + f"… ({len(value)} chars)"
    if isinstance(value, dict | list | tuple):
        text = json.dumps(jsonable_encoder(value, custom_encoder={float: _finite}), ensure_ascii=False,
                          default=str)
        return value if len(text) <= MAX_ECHO_CHARS else text[:MAX_ECHO_CHARS] + f"… ({len(text)} chars)"
    return value if isinstance(value, int | bool | float | type(None)) else _short(str(value))


def _finite(value: float) -> Any:
    return value if math.isfinite(value) else str(value)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for error in exc.errors():
        if "input" in error:
            error["input"] = _short(error["input"])
        errors.append(error)
    return JSONResponse({"detail": jsonable_encoder(errors, custom_encoder={float: _finite})}, status_code=422)


def install(app: FastAPI, max_body_bytes: int) -> None:
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    app.add_exception_handler(RequestValidationError, _validation_error)
