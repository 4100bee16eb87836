"""A real uvicorn server on 127.0.0.1 in a thread, for attacks that need a socket."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve `app` on a free loopback port; yields the base URL; stops the server on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off"))
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def raw_request(base_url: str, head: bytes, body_chunks: Iterator[bytes] = iter(()), *,
                timeout: float = 5.0) -> tuple[int, bytes, int]:
    """Send `head` then body chunks until the server answers; returns (status, response,
    body bytes sent). Sending stops at the first byte of the answer."""
    host, port = base_url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=timeout) as conn:
        conn.sendall(head)
        conn.setblocking(False)
        response = b""
        deadline = time.monotonic() + timeout
        for chunk in body_chunks:
            with contextlib.suppress(BlockingIOError):
                response += conn.recv(65536)
            if response or time.monotonic() > deadline:
                break
            try:
                conn.setblocking(True)
                conn.settimeout(timeout)
                conn.sendall(chunk)
                sent += len(chunk)
                conn.setblocking(False)
            except OSError:  # the server answered and closed
                break
        conn.setblocking(True)
        conn.settimeout(timeout)
        with contextlib.suppress(TimeoutError, OSError):
            while not _complete(response):
                data = conn.recv(65536)
                if not data:
                    break
                response += data
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, response, sent


def _complete(response: bytes) -> bool:
    head, sep, body = response.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return True
