"""The answer digest: the same answer gives the same digest, any stored field changes it, and
it is kept only while the stored history is exactly the answer's events."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.fakes import event, snapshot
from trackmon.answer_digest import answer_digest, answer_history, covers
from trackmon.domain import Status, SubStatus

DAY = timedelta(days=1)


def _snap(now, **extra):
    return snapshot("LB1CN", [event(now - 3 * DAY, "Accepted", location="Shenzhen"),
                              event(now - 2 * DAY, "Departed", sub_status=SubStatus.departed_origin),
                              event(now - DAY, "Arrived", location="Madrid", country="ES")], **extra)


def test_the_same_answer_has_the_same_digest_and_every_stored_field_counts(now) -> None:
    base = _snap(now)
    assert answer_digest(base) == answer_digest(_snap(now))
    first = base.events[0]
    variants = [
        replace(base, events=(replace(first, description="ACCEPTED"), *base.events[1:])),  # same fingerprint
        replace(base, events=(replace(first, time=first.time + timedelta(microseconds=1)), *base.events[1:])),
        replace(base, events=(replace(first, raw_code="10"), *base.events[1:])),
        replace(base, events=(replace(first, utc_offset_minutes=480), *base.events[1:])),
        replace(base, events=base.events[:2]),
        replace(base, status=Status.exception),
        replace(base, eta_to=(now + 5 * DAY).date()),
        replace(base, last_mile_carrier="Correos"),
        replace(base, destination_country="ES"),
        replace(base, raw_status="InTransit/Other"),
    ]
    digests = {answer_digest(v) for v in variants}
    assert answer_digest(base) not in digests and len(digests) == len(variants)


def test_covers_only_the_exact_history(now) -> None:
    snap = _snap(now)
    history = answer_history(snap)
    assert covers(history, snap)
    extra = event(now - 4 * DAY, "Label created", status=Status.info_received)  # e.g. from a push
    assert not covers([extra, *history], snap)
    assert not covers(history[:-1], snap)
    reworded = [replace(history[0], description="ACCEPTED"), *history[1:]]  # stored under older wording
    assert not covers(reworded, snap)
    doubled = replace(snap, events=(*snap.events, snap.events[-1]))
    assert covers(history, doubled) and answer_history(doubled) == history
