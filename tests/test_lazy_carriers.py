"""`run --once` builds the carrier set only when a poll routes a number, and only once."""

from __future__ import annotations

import asyncio

from sqlmodel import Session

from tests.fakes import FakeAdapter, FakeCarrierSet, seed_order
from trackmon.lazy_carriers import LazyCarriers
from trackmon.poller import poll_due
from trackmon.settings import Settings


def test_nothing_due_builds_nothing_and_a_due_parcel_builds_once(engine, now) -> None:
    built: list[FakeCarrierSet] = []

    def build() -> FakeCarrierSet:
        built.append(FakeCarrierSet(FakeAdapter(script={})))
        return built[-1]

    lazy = LazyCarriers(build)
    report = asyncio.run(poll_due(engine, lazy, Settings(), now, owner="r1"))
    assert report.claimed == 0 and not lazy.built and built == []
    with Session(engine) as session:
        seed_order(session, now, ["LB1CN", "LB2CN"])
    asyncio.run(poll_due(engine, lazy, Settings(), now, owner="r1"))
    assert lazy.built and len(built) == 1 and lazy.adapters is built[0].adapters
