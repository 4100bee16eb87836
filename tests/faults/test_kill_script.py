"""`bench.faults` (kill -9 trials) keeps working: 2 trials of a 3-order scenario on SQLite.

Real subprocesses of `trackmon run --once`, a real stand-in and a real aiosmtpd recorder on
127.0.0.1; the long runs (100 trials, PostgreSQL, 3 replicas) are in RELIABILITY.md.
"""

from __future__ import annotations

import json

import structlog

from bench.faults import main
from bench.replicas import LEASE_SECONDS, double_polls


def test_two_kill_trials_on_sqlite_lose_nothing(tmp_path):
    out = tmp_path / "figures.json"
    try:
        code = main(["--trials", "2", "--backend", "sqlite", "--orders", "3", "--seed", "3",
                     "--json", str(out)])
    finally:
        structlog.reset_defaults()
    [figures] = json.loads(out.read_text())
    assert figures["failures"] == [] and code == 0
    assert figures["trials"] == 2
    assert figures["kills_landed"] + figures["exited_before_kill"] == 2
    assert figures["reference_messages"] > 0 and figures["reference_events"] > 0
    assert figures["missing_messages"] == figures["missing_events"] == figures["duplicate_events"] == 0
    assert figures["stuck_sending"] == 0 and figures["max_deliveries"] <= 2
    assert figures["duplicates"] <= figures["kills_landed"]


def test_double_polls_counts_two_replicas_within_a_lease_only():
    polls = [
        (0.0, "r0", ("A", "B")),
        (LEASE_SECONDS / 2, "r1", ("A",)),          # another replica, inside the lease: double
        (LEASE_SECONDS / 2 + 0.1, "r1", ("B",)),    # same rule for B
        (100.0, "r2", ("A",)),                      # long after: an ordinary re-poll
        (100.5, "r2", ("A",)),                      # same replica soon after: early, not double
    ]
    result = double_polls(polls)
    assert result["double_polls"] == 2
    assert result["early_repolls"] == 3
    assert (result["fetches"], result["numbers"]) == (6, 2)
