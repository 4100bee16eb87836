"""The daemon: scheduled cycles, graceful stop (finish or release), API in the same loop."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass

import httpx
import pytest
from sqlmodel import Session, select

from trackmon.daemon import Daemon, bind_api_socket, make_owner, release_leases
from trackmon.errors import ConfigError
from trackmon.intake import apply_row, validate_row
from trackmon.models import Shipment
from trackmon.settings import load


@dataclass
class Report:
    polled: int


def settings(**api):
    return load(env={}, overrides={"polling": {"tick_seconds": 0.05, "jitter_fraction": 0},
                                   "api": {"enabled": bool(api), **api}})


def seed(engine, now) -> None:
    with Session(engine) as s, s.begin():
        apply_row(s, validate_row({"order_id": "A-1", "tracking_number": "RR123456785CN",
                                   "buyer_email": "a@example.com"}), now)


async def wait_for(predicate, timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


async def test_cycles_run_and_stop_cleanly(engine) -> None:
    calls = []

    async def cycle(engine_, carriers, settings_, now, *, owner):
        calls.append((now, owner))
        return Report(polled=0)

    daemon = Daemon(engine, settings(), None, owner="test-1", cycle=cycle)
    task = asyncio.create_task(daemon.run(install_signal_handlers=False))
    await wait_for(lambda: len(calls) >= 2)
    assert daemon.state.running
    daemon.request_stop()
    await asyncio.wait_for(task, 10)
    assert not daemon.state.running
    assert all(owner == "test-1" for _, owner in calls)
    count = len(calls)
    await asyncio.sleep(0.2)
    assert len(calls) == count  # nothing runs after the stop


async def test_failing_cycle_is_logged_and_the_next_one_runs(engine) -> None:
    calls = 0

    async def cycle(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("carrier exploded")
        return Report(polled=1)

    daemon = Daemon(engine, settings(), None, owner="test-2", cycle=cycle)
    task = asyncio.create_task(daemon.run(install_signal_handlers=False))
    await wait_for(lambda: calls >= 2 and daemon.state.last_cycle_error is None)
    daemon.request_stop()
    await asyncio.wait_for(task, 10)


async def test_stop_lets_the_in_flight_cycle_finish(engine) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    finished = []

    async def cycle(*args, **kwargs):
        started.set()
        await release.wait()
        finished.append(True)

    daemon = Daemon(engine, settings(), None, owner="test-3", cycle=cycle, shutdown_grace_seconds=30)
    task = asyncio.create_task(daemon.run(install_signal_handlers=False))
    await asyncio.wait_for(started.wait(), 10)
    daemon.request_stop()
    await asyncio.sleep(0.1)
    assert not task.done()  # waiting for the cycle
    release.set()
    await asyncio.wait_for(task, 10)
    assert finished == [True]


async def test_stuck_cycle_is_cancelled_and_its_leases_released(engine, now) -> None:
    seed(engine, now)
    started = asyncio.Event()

    async def cycle(engine_, carriers, settings_, now_, *, owner):
        with Session(engine_) as s, s.begin():
            shipment = s.exec(select(Shipment)).one()
            shipment.lease_owner, shipment.lease_expires_at = owner, now_
        started.set()
        await asyncio.Event().wait()  # never finishes by itself

    daemon = Daemon(engine, settings(), None, owner="test-4", cycle=cycle, shutdown_grace_seconds=0.2)
    task = asyncio.create_task(daemon.run(install_signal_handlers=False))
    await asyncio.wait_for(started.wait(), 10)
    daemon.request_stop()
    await asyncio.wait_for(task, 10)
    with Session(engine) as s:
        shipment = s.exec(select(Shipment)).one()
        assert (shipment.lease_owner, shipment.lease_expires_at) == (None, None)


def test_release_leases_only_touches_the_owner(engine, now) -> None:
    seed(engine, now)
    with Session(engine) as s, s.begin():
        s.exec(select(Shipment)).one().lease_owner = "someone-else"
    assert release_leases(engine, "me") == 0
    assert release_leases(engine, "someone-else") == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_api_is_served_in_the_same_loop(engine) -> None:
    async def cycle(*args, **kwargs):
        return Report(polled=0)

    port = _free_port()
    daemon = Daemon(engine, settings(host="127.0.0.1", port=port), None, owner="test-5", cycle=cycle)
    task = asyncio.create_task(daemon.run(install_signal_handlers=False))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        async with asyncio.timeout(10):
            while True:
                try:
                    r = await client.get("/readyz")
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
        assert r.status_code == 200 and r.json()["checks"]["scheduler"] == "running"
        assert (await client.get("/metrics")).status_code == 200
    daemon.request_stop()
    await asyncio.wait_for(task, 15)


def test_busy_port_is_a_config_error_naming_the_key() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(ConfigError) as info:
            bind_api_socket("127.0.0.1", taken.getsockname()[1])
    assert info.value.key == "api.port"


def test_owner_is_host_pid_random() -> None:
    a, b = make_owner(), make_owner()
    assert a != b and len(a) <= 80
    import os
    assert f"-{os.getpid()}-" in a
