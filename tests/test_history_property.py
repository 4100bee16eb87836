"""Property: whatever order prefixes of one journey arrive in, the state never goes back and
ends where the in-order sequence ends (pure `derive_state`, as ingest chains it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes import event, snapshot
from trackmon.domain import Status
from trackmon.history import PROGRESS, Previous, State, derive_state, ordered

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
FORWARD = [Status.info_received, Status.in_transit, Status.in_transit, Status.out_for_delivery,
           Status.delivered]
RETRY = [Status.delivery_failed, Status.out_for_delivery]  # a failed attempt, out again


def _run(journey, answers) -> list[State]:
    stored: dict[str, object] = {}
    prev = Previous(status="not_found", sub_status=None, last_event_at=None, last_event_description=None,
                    last_event_location=None, delivered_at=None)
    states = []
    for answer in answers:
        for ev in answer.events:
            stored.setdefault(ev.fingerprint, ev)
        state = derive_state(ordered(stored.values()), answer, NOW, prev)
        last = state.last_event
        prev = Previous(status=state.status.value, sub_status=None,
                        last_event_at=last.time if last else None,
                        last_event_description=last.description if last else None,
                        last_event_location=last.location if last else None, delivered_at=state.delivered_at)
        states.append(state)
    return states


@settings(max_examples=300, deadline=None)
@given(length=st.integers(1, len(FORWARD)), data=st.data(), same_minute=st.booleans(), retry=st.booleans())
def test_out_of_order_prefixes_never_roll_back(length, data, same_minute, retry) -> None:
    step = timedelta(minutes=0 if same_minute else 90)
    statuses = FORWARD[:length]
    if retry and length >= 4:
        statuses = [*FORWARD[:4], *RETRY, *FORWARD[4:length]]
    journey = [event(NOW - timedelta(days=2) + i * step, f"step {i}", status=s)
               for i, s in enumerate(statuses)]
    length = len(journey)
    prefixes = [snapshot("X", journey[:n]) for n in range(1, length + 1)]
    order = data.draw(st.permutations(range(length)))
    extra = data.draw(st.lists(st.integers(0, length - 1), max_size=4))
    answers = [prefixes[i] for i in [*order, *extra]]
    states = _run(journey, answers)
    expected = _run(journey, prefixes)[-1]
    assert (states[-1].status, states[-1].delivered_at) == (expected.status, expected.delivered_at)
    if journey[-1].status is Status.delivered:
        delivered = [i for i, s in enumerate(states) if s.status is Status.delivered]
        assert delivered and all(s.status is Status.delivered for s in states[delivered[0]:])
        assert all(s.delivered_at == journey[-1].time for s in states[delivered[0]:]) or same_minute
    if not retry:  # a journey that only moves forward is never seen going back
        ranks = [PROGRESS[s.status] for s in states]
        assert ranks == sorted(ranks)
