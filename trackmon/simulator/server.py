"""A small HTTP/1.1 server (asyncio streams) for the simulated carrier, on 127.0.0.1.

Raw asyncio rather than an ASGI stack so faults can act on the socket itself (a TCP reset, a
response that never comes) and so a benchmark is not limited by the stand-in. Keep-alive,
`Content-Length` and chunked request bodies are supported.

    async with serve(carrier) as server:      # on the running loop
        ...server.base_url...                  # http://127.0.0.1:PORT/track/v2.2
    server = run_in_thread(carrier)            # its own loop in a daemon thread
    server.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from http import HTTPStatus

import structlog

from trackmon.errors import ConfigError
from trackmon.simulator.carrier import Reply, SimulatedCarrier

log = structlog.get_logger("trackmon.simulator")

PREFIX = "/track/v2.2/"
MAX_HEADER = 64 * 1024
MAX_BODY = 4 * 1024 * 1024


class _BadRequest(Exception):
    """Malformed HTTP from the client; the connection is closed after a 400."""


@dataclass
class RunningServer:
    base_url: str
    carrier: SimulatedCarrier
    _stop: Callable[[], None] | None = field(default=None, repr=False)

    def stop(self) -> None:
        """Stop the server (for `run_in_thread`; `serve()` stops on leaving its block)."""
        if self._stop is not None:
            self._stop()


class _Http:
    def __init__(self, carrier: SimulatedCarrier) -> None:
        self.carrier = carrier
        self.tasks: set[asyncio.Task[None]] = set()

    async def connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self.tasks.add(task)
        try:
            while await self._one(reader, writer):
                pass
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass        # the server is stopping: this connection task was cancelled on purpose
        except _BadRequest as exc:
            with contextlib.suppress(ConnectionError):
                await _write(writer, Reply(400, str(exc).encode(), content_type="text/plain"), keep_alive=False)
        finally:
            if task is not None:
                self.tasks.discard(task)
            writer.close()

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEADER:
            raise _BadRequest("header too large")
        request_line, *lines = head[:-4].decode("latin-1").split("\r\n")
        try:
            method, target, version = request_line.split(" ", 2)
        except ValueError:
            raise _BadRequest(f"bad request line {request_line!r}") from None
        headers: dict[str, str] = {}
        for line in lines:
            name, sep, value = line.partition(":")
            if not sep:
                raise _BadRequest(f"bad header line {line!r}")
            headers[name.strip().lower()] = value.strip()
        body = await _body(reader, headers)
        path = target.split("?", 1)[0]
        endpoint = path[len(PREFIX):] if path.startswith(PREFIX) else path
        reply = await self.carrier.respond(method.upper(), endpoint, headers, body)
        if reply.reset:
            _reset(writer)
            return False
        keep_alive = headers.get("connection", "").lower() != "close" and version != "HTTP/1.0"
        await _write(writer, reply, keep_alive=keep_alive)
        return keep_alive


async def _body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        parts = []
        while True:
            size_line = await reader.readuntil(b"\r\n")
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise _BadRequest("bad chunk size") from None
            if size == 0:
                await reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
            if sum(map(len, parts)) > MAX_BODY:
                raise _BadRequest("body too large")
    try:
        length = int(headers.get("content-length", "0"))
    except ValueError:
        raise _BadRequest("bad Content-Length") from None
    if not 0 <= length <= MAX_BODY:
        raise _BadRequest("bad Content-Length")
    return await reader.readexactly(length) if length else b""


async def _write(writer: asyncio.StreamWriter, reply: Reply, *, keep_alive: bool) -> None:
    reason = HTTPStatus(reply.status).phrase if reply.status in HTTPStatus._value2member_map_ else ""
    lines = [f"HTTP/1.1 {reply.status} {reason}", f"Content-Type: {reply.content_type}",
             f"Content-Length: {len(reply.body)}", f"Connection: {'keep-alive' if keep_alive else 'close'}"]
    lines += [f"{name}: {value}" for name, value in reply.headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + reply.body)
    await writer.drain()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Abort the connection so the peer sees a reset (SO_LINGER 0 → RST), not a clean close."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


@contextlib.asynccontextmanager
async def serve(carrier: SimulatedCarrier, *, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[RunningServer]:
    """Run the simulated carrier on the current loop for the duration of the block."""
    http = _Http(carrier)
    server = await asyncio.start_server(http.connection, host, port, limit=MAX_HEADER)
    bound = server.sockets[0].getsockname()
    running = RunningServer(f"http://{bound[0]}:{bound[1]}{PREFIX.rstrip('/')}", carrier)
    log.info("simulator.started", base_url=running.base_url)
    try:
        yield running
    finally:
        server.close()
        for task in list(http.tasks):
            task.cancel()
        await asyncio.gather(*http.tasks, return_exceptions=True)
        await server.wait_closed()
        log.info("simulator.stopped", base_url=running.base_url)


def run_in_thread(carrier: SimulatedCarrier, *, host: str = "127.0.0.1", port: int = 0,
                  startup_timeout: float = 10.0) -> RunningServer:
    """Start the server on its own event loop in a daemon thread; `stop()` shuts it down."""
    ready = threading.Event()
    holder: dict[str, object] = {}

    async def main() -> None:
        stop = asyncio.Event()
        holder["loop"], holder["stop"] = asyncio.get_running_loop(), stop
        try:
            async with serve(carrier, host=host, port=port) as running:
                holder["running"] = running
                ready.set()
                await stop.wait()
        except BaseException as exc:
            holder["error"] = exc
            ready.set()
            raise

    thread = threading.Thread(target=asyncio.run, args=(main(),), name="trackmon-simulator", daemon=True)
    thread.start()
    if not ready.wait(startup_timeout) or "error" in holder:
        raise ConfigError(f"simulated carrier did not start on {host}:{port}: {holder.get('error')!r}", key="port")
    running = holder["running"]
    assert isinstance(running, RunningServer)
    loop, stop = holder["loop"], holder["stop"]
    assert isinstance(loop, asyncio.AbstractEventLoop) and isinstance(stop, asyncio.Event)

    def shutdown() -> None:
        if thread.is_alive():
            loop.call_soon_threadsafe(stop.set)
            thread.join(startup_timeout)

    running._stop = shutdown
    return running
