from __future__ import annotations

import json

import pytest
import structlog
from sqlmodel import Session
from typer.testing import CliRunner

from trackmon.cli import app
from trackmon.models import Alert

from .digest.conftest import seed_store


@pytest.fixture(autouse=True)
def _reset_logging():
    """The CLI points structlog at CliRunner's stderr, which is closed after each invoke."""
    yield
    structlog.reset_defaults()


def run(url: str, *args: str):
    return CliRunner().invoke(app, list(args), env={"TRACKMON_DATABASE_URL": url, "TRACKMON_LOG_LEVEL": "error"})


def test_lists_open_exceptions_with_filters(engine, database_url) -> None:
    seed = seed_store(engine)
    res = run(database_url, "alerts", "--json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {r["kind"] for r in rows} == {"customs_hold", "pickup_waiting", "stalled", "late"}
    assert len(rows) == 5  # the resolved one is not listed; store "other" is
    customs = next(r for r in rows if r["kind"] == "customs_hold")
    assert (customs["order_id"], customs["store"], customs["tracking_number"], customs["carrier"]) == (
        "A-1001", "acme", "LX111111111CN", "usps")

    stalled = json.loads(run(database_url, "alerts", "--json", "--kind", "stalled", "--store", "acme").output)
    assert [r["id"] for r in stalled] == [seed.alerts["stalled"]]
    dhl = json.loads(run(database_url, "alerts", "--json", "--carrier", "dhl").output)
    assert [r["order_id"] for r in dhl] == ["A-1003"]
    everything = json.loads(run(database_url, "alerts", "--json", "--all").output)
    assert len(everything) == 6 and any(r["resolved_by"] == "auto" for r in everything)

    table = run(database_url, "alerts", "--store", "acme")
    assert table.exit_code == 0 and "A-1002" in table.output and "B-1" not in table.output


def test_bad_kind_is_named(engine, database_url) -> None:
    res = run(database_url, "alerts", "--kind", "stuck")
    assert res.exit_code == 7 and "'stuck' is not an alert kind" in res.output


def test_resolve_by_hand(engine, database_url) -> None:
    seed = seed_store(engine)
    alert_id = seed.alerts["stalled"]
    res = run(database_url, "alerts", "resolve", str(alert_id))
    assert res.exit_code == 0 and f"resolved alert {alert_id} (stalled)" in res.output
    with Session(engine) as s:
        alert = s.get(Alert, alert_id)
        assert alert is not None and alert.resolved_by == "manual" and alert.resolved_at is not None
    again = run(database_url, "alerts", "resolve", str(alert_id))
    assert again.exit_code == 7 and "already resolved (manual" in again.output
    missing = run(database_url, "alerts", "resolve", "99999")
    assert missing.exit_code == 7 and "no alert with id 99999" in missing.output
    rows = json.loads(run(database_url, "alerts", "--json").output)
    assert alert_id not in {r["id"] for r in rows}


def test_flags_agree_with_the_digest(engine, database_url) -> None:
    """`trackmon alerts` and the digest use one definition of new and at risk."""
    from datetime import timedelta

    from trackmon.digest.build import build_digest
    from trackmon.models import DigestRun
    from trackmon.settings import Settings

    seed = seed_store(engine)
    since = seed.now - timedelta(days=2, hours=12)
    with Session(engine) as s:  # the last daily digest of "acme" ended 2.5 days ago
        s.add(DigestRun(store="acme", period="daily", period_key="2026-11-17", window_start=since - timedelta(days=1),
                        window_end=since, state="sent", created_at=since))
        s.commit()
        digest = build_digest(s, "acme", period="daily", period_key="x", window_start=since, window_end=seed.now,
                              now=seed.now, settings=Settings())
    from trackmon.alert_listing import AlertFilter, iter_alerts
    rows = {r["id"]: r for r in iter_alerts(engine, AlertFilter(store="acme"), now=seed.now, settings=Settings())}
    digest_rows = {r.alert_id: r for g in digest.groups for r in g.rows}
    assert set(rows) == set(digest_rows) and len(rows) == digest.open_total
    for alert_id, row in rows.items():
        assert (row["new"], row["at_risk"]) == (digest_rows[alert_id].new, digest_rows[alert_id].at_risk), row
    assert sum(r["new"] for r in rows.values()) == digest.new_open == 2  # customs (2 d) and late (2 d)
    assert {r["order_id"] for r in rows.values() if r["at_risk"]} == {"A-1003", "A-1004"}


def test_cli_and_api_list_the_same_alerts_in_the_same_order_and_shape(engine, database_url) -> None:
    """One listing: `trackmon alerts --json` and `GET /alerts` agree item for item (newest first)."""
    from .test_api import AUTH, make_client

    seed = seed_store(engine)
    cli = json.loads(run(database_url, "alerts", "--json").output)
    api = make_client(engine, seed.now).get("/alerts", headers=AUTH).json()["items"]
    assert [r["id"] for r in cli] == [r["id"] for r in api] == sorted((r["id"] for r in cli), reverse=True)
    assert set(cli[0]) == set(api[0])
    assert len(cli) == 5 and seed.alerts["stalled"] in {r["id"] for r in cli}
