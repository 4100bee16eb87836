"""Issue 10's attacks, run against a real `trackmon` (CLI and daemon subprocesses) and measured.

    .venv/bin/python -m bench.attacks                       # this tree
    .venv/bin/python -m bench.attacks --tree /path/of/other  # another checkout (before/after)

Imports nothing from trackmon: every attack drives `python -m trackmon` (with PYTHONPATH set
to `--tree`) over HTTP, the CLI and the files it writes, so the same script measures any
version. Prints one line per attack: finding, attack, what happened. PostgreSQL (for the
outage attack) comes from TRACKMON_BENCH_POSTGRES_URL like every bench (bench.POSTGRES_URL).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import POSTGRES_URL

TOKEN = "attack-token-123"
ROWS = ("order_id,tracking_number,buyer_email,buyer_name,buyer_language\n"
        "A-1,RR123456785CN,anna@example.com,Anna K,en\n"
        "BOMB-1,RR123456799CN,bomb@example.com,B,en\n"
        "LOOP-1,RR123456808CN,loop@example.com,L,en\n")


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Env:
    def __init__(self, tree: Path, work: Path) -> None:
        self.tree, self.work = tree, work

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKMON_")}
        env.update(PYTHONPATH=str(self.tree), TRACKMON_LOG_FORMAT="json",
                   TRACKMON_17TRACK_API_KEY="k", TRACKMON_17TRACK_BASE_URL="http://127.0.0.1:9",
                   TRACKMON_17TRACK_MAX_ATTEMPTS="1", TRACKMON_POLLING_TICK_SECONDS="3600")
        env.update(extra)
        return env

    def cli(self, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "trackmon", *args], cwd=self.work, env=self.env(**extra),
                              capture_output=True, text=True, timeout=timeout)

    def seeded(self, name: str, **extra: str) -> str:
        folder = self.work / name
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{folder / 'trackmon.db'}"
        (folder / "orders.csv").write_text(ROWS, encoding="utf-8")
        self.cli("import", str(folder / "orders.csv"), TRACKMON_DATABASE_URL=url, **extra)
        return url

    @contextlib.contextmanager
    def daemon(self, url: str, **extra: str) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
        port = _port()
        log = self.work / f"daemon-{port}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "trackmon", "run"], cwd=self.work,
                                    env=self.env(TRACKMON_DATABASE_URL=url, TRACKMON_API_PORT=str(port), **extra),
                                    stdout=out, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(400):
                if proc.poll() is not None:
                    break
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                time.sleep(0.25)
            yield base, proc, log
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def stream_post(url: str, path: str, total: int, headers: dict[str, str], chunk: bytes,
                payload: bytes | None = None) -> dict[str, Any]:
    """POST `total` bytes (`payload`, or `chunk` repeated) announced by Content-Length, sending
    until the server answers."""
    host, port = url.removeprefix("http://").split(":")
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {total}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sent, started, answer = 0, time.monotonic(), b""
    with socket.create_connection((host, int(port)), timeout=120) as conn:
        conn.sendall(head.encode())
        conn.setblocking(False)
        while sent < total:
            with contextlib.suppress(BlockingIOError):
                answer += conn.recv(65536)
            if answer:
                break
            try:
                conn.setblocking(True)
                piece = payload[sent:sent + len(chunk)] if payload is not None else chunk[: total - sent]
                conn.sendall(piece)
                sent += len(piece)
                conn.setblocking(False)
            except OSError:
                break
        conn.setblocking(True)
        conn.settimeout(120)
        with contextlib.suppress(OSError):
            while not _complete(answer):
                data = conn.recv(1 << 20)
                if not data:
                    break
                answer += data
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return {"status": status, "sent_mb": round(sent / 2**20, 1), "seconds": round(time.monotonic() - started, 1),
            "answer_bytes": len(answer)}


def _complete(answer: bytes) -> bool:
    head, sep, body = answer.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def peak_rss_mb(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def healthz_watch(base: str, stop: threading.Event, worst: list[float]) -> None:
    while not stop.is_set():
        started = time.monotonic()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base + "/healthz", timeout=30)
        worst[0] = max(worst[0], time.monotonic() - started)
        time.sleep(0.2)


# ---------------------------------------------------------------------------------- attacks


def finding2(env: Env) -> list[tuple[str, str, str]]:
    url = env.seeded("f2")
    rows = []
    with env.daemon(url, TRACKMON_API_TOKEN=TOKEN) as (base, proc, _):
        stop, worst = threading.Event(), [0.0]
        watcher = threading.Thread(target=healthz_watch, args=(base, stop, worst), daemon=True)
        watcher.start()
        r = stream_post(base, "/webhooks/17track", 400 * 2**20, {"Content-Type": "application/json"},
                        b"{" * 2**20)
        stop.set()
        watcher.join()
        rows.append(("2", "400 MB unsigned POST /webhooks/17track",
                     f"{r['status']} when the client had sent {r['sent_mb']} MB, {r['seconds']} s; daemon peak RSS "
                     f"{peak_rss_mb(proc.pid)} MB; slowest /healthz {worst[0]:.1f} s"))
        r = stream_post(base, "/orders", 50 * 2**20, {"Content-Type": "application/json"}, b" " * 2**20)
        rows.append(("2", "50 MB POST /orders without a token",
                     f"{r['status']} when the client had sent {r['sent_mb']} MB, {r['seconds']} s"))
        body = json.dumps({"order_id": "X", "buyer_email": "x" * (50 * 2**20),
                           "tracking_numbers": ["RR123456785CN"]}).encode()
        r = stream_post(base, "/orders", len(body), {"Authorization": f"Bearer {TOKEN}",
                                                     "Content-Type": "application/json"}, b" " * 2**20, body)
        rows.append(("2", "50 MB POST /orders with the token",
                     f"{r['status']} when the client had sent {r['sent_mb']} MB, answer {r['answer_bytes']} bytes"))
        body = json.dumps({"order_id": "X", "buyer_email": "x@example.com", "buyer_timezone": "x" * 900_000,
                           "tracking_numbers": ["RR123456785CN"]}).encode()
        status, answer = http("POST", base + "/orders", body, {"Authorization": f"Bearer {TOKEN}",
                                                                "Content-Type": "application/json"})
        rows.append(("2", "900 KB invalid field in POST /orders (token)", f"{status}, answer {len(answer)} bytes"))
    return rows


def finding3(env: Env) -> list[tuple[str, str, str]]:
    url = env.seeded("f3")
    rows = []
    with env.daemon(url) as (base, _, _):
        for path in ("/orders/default/A-1", "/shipments", "/alerts"):
            status, answer = http("GET", base + path)
            rows.append(("3", f"GET {path}, no token configured",
                         f"{status}; buyer email in answer: {b'anna@example.com' in answer}"))
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "trackmon", "run"], cwd=env.work,
                            env=env.env(TRACKMON_DATABASE_URL=url, TRACKMON_API_HOST="0.0.0.0",
                                        TRACKMON_API_PORT=str(port)),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=25)
        result = f"exit {proc.returncode}: {out.strip().splitlines()[-1][:160]}"
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.communicate(timeout=30)
        result = "still serving on 0.0.0.0 after 25 s (stopped by the test)"
    rows.append(("3", "trackmon run on 0.0.0.0 without a token", result))
    return rows


SECRETS = ("pw-db-123", "tok-456", "AAHbot-789")


def finding5(env: Env) -> list[tuple[str, str, str]]:
    config = env.work / "f5.toml"
    config.write_text('[stores.shop]\napprise_urls = ["tgram://123456:AAHbot-789/42"]\n', encoding="utf-8")
    r = env.cli("config", "show", TRACKMON_CONFIG=str(config),
                TRACKMON_DATABASE_URL="postgresql://app:pw-db-123@db.internal/trackmon",
                TRACKMON_MESSAGING_WEBHOOK_URL="https://hooks.example.com/in?token=tok-456")
    shown = [s for s in SECRETS if s in r.stdout + r.stderr]
    rows = [("5", "config show with a DB password, a webhook token, a bot token",
             f"secrets printed: {len(shown)} of 3 ({', '.join(shown) or 'none'})")]
    for bad in ("postgresql://u:pw-db-123@host:notaport/db", "postgres//u:pw-db-123@db/x"):
        r = env.cli("db", "current", TRACKMON_DATABASE_URL=bad)
        rows.append(("5", f"malformed TRACKMON_DATABASE_URL {bad}",
                     f"exit {r.returncode}; password in the error: {'pw-db-123' in r.stdout + r.stderr}"))
    return rows


LOG_SNIPPET = r"""
import io, logging, structlog
from trackmon.logs import configure_logging
configure_logging("json", "info")
log = structlog.get_logger("attack")
for a in ("ivy(comment)@example.test", "a@b.c", "名前@example.jp"):
    log.info("intake.row", buyer_email=a, note=f"to {a}")
log.info("nested", recipients=["nested1@example.com", {"cc": "nested2@example.com"}])
try:
    raise RuntimeError("refused <trace@example.com>")
except RuntimeError:
    log.exception("send.failed")
try:
    raise ValueError("uvicorn-side uvi@example.com")
except ValueError as exc:
    logging.getLogger("uvicorn.error").error("Exception in ASGI application", exc_info=exc)
"""
LEAKS = ("ivy(comment)@example.test", "a@b.c", "名前@example.jp", "nested1@example.com", "nested2@example.com",
         "trace@example.com", "uvi@example.com")


class Cuttable:
    """A TCP forwarder to PostgreSQL that can be cut (a database outage on demand)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.up = True
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        with contextlib.suppress(OSError):
            b.close()

    def cut(self) -> None:
        self.up = False
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.close()


def finding6(env: Env, outage_seconds: float) -> list[tuple[str, str, str]]:
    r = subprocess.run([sys.executable, "-c", LOG_SNIPPET], env=env.env(), capture_output=True, text=True,
                       timeout=120, cwd=env.work)
    text = r.stdout + r.stderr
    leaked = [a for a in LEAKS if a in text]
    rows = [("6", "log: 3 odd address forms, 2 nested, 1 in a traceback, 1 via uvicorn's logger",
             f"addresses in clear: {len(leaked)} of {len(LEAKS)}")]
    from urllib.parse import urlsplit

    import psycopg  # the bench's own client, to make and drop a schema

    schema = f"attack_{os.getpid()}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    parts = urlsplit(POSTGRES_URL)
    proxy = Cuttable((parts.hostname or "127.0.0.1", parts.port or 5432))
    url = (f"postgresql://{parts.username or 'postgres'}@127.0.0.1:{proxy.port}{parts.path}"
           f"?options=-csearch_path%3D{schema}")
    try:
        with env.daemon(url, TRACKMON_POLLING_TICK_SECONDS="5", TRACKMON_POLLING_JITTER_FRACTION="0") as (_, _, log):
            time.sleep(5)
            before = log.stat().st_size
            proxy.cut()
            time.sleep(outage_seconds)
            grown = log.read_bytes()[before:]
        events: dict[str, int] = {}
        for line in grown.splitlines():
            with contextlib.suppress(ValueError, AttributeError):
                record = json.loads(line)
                if record.get("level") in ("warning", "error", "critical"):
                    events[record["event"]] = events.get(record["event"], 0) + 1
        rows.append(("6", f"database outage, {outage_seconds:.0f} s at a 5 s tick",
                     f"{len(grown) / 1024:.0f} KB of log, {grown.count(b'Traceback')} tracebacks; "
                     + ", ".join(f"{k}×{v}" for k, v in sorted(events.items()))))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return rows


def finding7(env: Env) -> list[tuple[str, str, str]]:
    url = env.seeded("f7")
    rows = []
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with env.daemon(url, TRACKMON_API_TOKEN=TOKEN) as (base, _, _):
        for cursor in ("%C2%B2", "99999999999999999999999999"):
            status, _ = http("GET", f"{base}/shipments?cursor={cursor}", headers=auth)
            status2, _ = http("GET", f"{base}/alerts?cursor={cursor}", headers=auth)
            rows.append(("7", f"?cursor={urllib.request.unquote(cursor)}", f"/shipments {status}, /alerts {status2}"))
        status, _ = http("POST", base + "/orders", b"NaN", {**auth, "Content-Type": "application/json"})
        rows.append(("7", "POST /orders with body NaN", str(status)))
    return rows


def _messages(url: str) -> list[tuple[str, str, int, str]]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        return [(o, s, len(subj or ""), (err or "").split(".j2:1: ")[-1][:80]) for o, s, subj, err in db.execute(
            "SELECT orders.order_id, messages.state, messages.subject, messages.last_error FROM messages "
            "JOIN orders ON orders.id = messages.order_pk ORDER BY messages.id")]


def finding8(env: Env) -> list[tuple[str, str, str]]:
    url = env.seeded("f8")
    ro = f"sqlite:///file:{url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    r = env.cli("run", "--once", TRACKMON_DATABASE_URL=ro)
    rows = [("8", "run --once on a read-only database", f"exit {r.returncode}")]
    r = env.cli("run", "--once", TRACKMON_DATABASE_URL=url, TRACKMON_MESSAGING_CHANNEL="smtp",
                TRACKMON_MESSAGING_SEND_WINDOW_START="00:00", TRACKMON_MESSAGING_SEND_WINDOW_END="23:59")
    states = sorted({s for _, s, _, _ in _messages(url)})
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    rows.append(("8", "run --once, channel smtp without smtp.host",
                 f"exit {r.returncode}; {len(lines)} stderr lines; traceback: {'Traceback' in r.stderr}; "
                 f"messages: {', '.join(states) or 'none queued or claimed'}"))
    return rows


BOMB = ("{% if order_id == 'BOMB-1' %}{{ 'A' * 10**8 }}{% elif order_id == 'LOOP-1' %}"
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}{% endif %}"
        "Your order {{ order_id }} has shipped")


def finding9(env: Env, timeout: float) -> list[tuple[str, str, str]]:
    url = env.seeded("f9")
    templates = env.work / "f9" / "templates" / "en"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "shipped.subject.j2").write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    try:
        r = env.cli("run", "--once", timeout=timeout, TRACKMON_DATABASE_URL=url,
                    TRACKMON_MESSAGING_TEMPLATES_DIR=str(templates.parent),
                    TRACKMON_MESSAGING_FILE_DIR=str(env.work / "f9" / "outbox"),
                    TRACKMON_MESSAGING_SEND_WINDOW_START="00:00", TRACKMON_MESSAGING_SEND_WINDOW_END="23:59")
        outcome = f"exit {r.returncode} after {time.monotonic() - started:.1f} s"
    except subprocess.TimeoutExpired:
        outcome = f"still rendering after {timeout:.0f} s (killed)"
    per = "; ".join(f"{o}: {s}, subject {n} chars{' (' + e + ')' if e else ''}" for o, s, n, e in _messages(url))
    return [("9", "operator template: 'A'*10**8 for one order, range(100000)² for another",
             f"{outcome}; {per or 'no message left the queue'}")]


def finding10(env: Env) -> list[tuple[str, str, str]]:
    url = env.seeded("f10")
    env.cli("run", "--once", TRACKMON_DATABASE_URL=url, TRACKMON_MESSAGING_FILE_DIR=str(env.work / "f10" / "outbox"),
            TRACKMON_MESSAGING_SEND_WINDOW_START="00:00", TRACKMON_MESSAGING_SEND_WINDOW_END="23:59")
    folder = env.work / "f10"
    db = sqlite3.connect(folder / "trackmon.db")  # keeps -wal/-shm present while stat'ing
    db.execute("SELECT count(*) FROM orders").fetchall()
    modes = []
    for path in sorted(folder.rglob("*")):
        if path.name.startswith("trackmon.db") or path.suffix == ".eml" or path.name == "outbox":
            modes.append(f"{path.relative_to(folder)} {stat.S_IMODE(path.stat().st_mode):o}")
    db.close()
    return [("10", "files after run --once (database, WAL/SHM, outbox)", ", ".join(modes))]


def finding11(env: Env) -> list[tuple[str, str, str]]:
    source = (env.tree / "bench" / "faultkit.py").read_text(encoding="utf-8")
    return [("11", "bench/faultkit.py PostgreSQL URL",
             "hard-coded" if "postgresql://postgres@" in source else "from TRACKMON_BENCH_POSTGRES_URL")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--only", default="2,3,5,6,7,8,9,10,11")
    parser.add_argument("--outage-seconds", type=float, default=30.0)
    parser.add_argument("--render-timeout", type=float, default=60.0)
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="attacks-") as tmp:
        env = Env(args.tree.resolve(), Path(tmp))
        steps = {"2": lambda: finding2(env), "3": lambda: finding3(env), "5": lambda: finding5(env),
                 "6": lambda: finding6(env, args.outage_seconds), "7": lambda: finding7(env),
                 "8": lambda: finding8(env), "9": lambda: finding9(env, args.render_timeout),
                 "10": lambda: finding10(env), "11": lambda: finding11(env)}
        for key, step in steps.items():
            if key in wanted:
                for finding, attack, result in step():
                    print(f"| {finding} | {attack} | {result} |", flush=True)


if __name__ == "__main__":
    main()
