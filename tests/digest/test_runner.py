from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from trackmon.digest.runner import run_due_digests
from trackmon.models import DigestRun
from trackmon.settings import DigestSettings, Settings, SmtpSettings, StoreSettings

from .conftest import Seed

SAT = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)  # Saturday 10:00 in Shanghai: daily and weekly are due


def make_settings(smtp_port: int, http_port: int, **digest) -> Settings:
    return Settings(
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_port, security="none", mail_from="t@shop.example",
                          timeout_seconds=5),
        digest=DigestSettings(**digest),
        stores={"acme": StoreSettings(emails=("owner@shop.example",),
                                      apprise_urls=(f"json://127.0.0.1:{http_port}/digest",)),
                "quiet": StoreSettings(apprise_urls=(f"json://127.0.0.1:{http_port}/quiet",))})


def runs(engine) -> dict[tuple[str, str, str], DigestRun]:
    with Session(engine) as s:
        return {(r.store, r.period, r.period_key): r for r in s.exec(select(DigestRun)).all()}


async def test_once_per_period_across_two_runs(engine, seeded: Seed, smtp_sink, http_sink) -> None:
    settings = make_settings(smtp_sink.port, http_sink.port)
    assert await run_due_digests(engine, settings, SAT, owner="a") == 2
    assert await run_due_digests(engine, settings, SAT + timedelta(hours=3), owner="a") == 0
    subjects = sorted(m["Subject"] for _, m in smtp_sink.messages)
    assert subjects == ["[trackmon] Daily digest — acme: 4 open exceptions (0 new) on 4 orders, 2 at risk",
                        "[trackmon] Weekly review — acme: 4 open exceptions (3 new) on 4 orders, 2 at risk"]
    assert sorted(p for p, _ in http_sink.posts) == ["/digest", "/digest"]
    rows = runs(engine)
    assert set(rows) == {("acme", "daily", "2026-11-21"), ("acme", "weekly", "2026-W47"),
                         ("quiet", "daily", "2026-11-21"), ("quiet", "weekly", "2026-W47")}
    weekly = rows[("acme", "weekly", "2026-W47")]
    assert weekly.state == "sent" and weekly.sent_at == SAT and weekly.summary["open"] == 4
    assert weekly.window_end == datetime(2026, 11, 21, 1, 0, tzinfo=UTC)  # Sat 09:00 Shanghai
    assert rows[("quiet", "daily", "2026-11-21")].state == "empty"  # nothing to say, all_quiet off

    # the next day: a new daily key whose window starts where the last one ended
    assert await run_due_digests(engine, settings, SAT + timedelta(days=1), owner="b") == 1
    nxt = runs(engine)[("acme", "daily", "2026-11-22")]
    assert nxt.window_start == rows[("acme", "daily", "2026-11-21")].window_end
    assert len(smtp_sink.messages) == 3


async def test_two_concurrent_owners_send_once(engine, seeded: Seed, smtp_sink, http_sink) -> None:
    settings = make_settings(smtp_sink.port, http_sink.port)
    results = await asyncio.gather(*(run_due_digests(engine, settings, SAT, owner=o) for o in ("a", "b", "c")))
    assert sum(results) == 2
    assert len(smtp_sink.messages) == 2 and len(http_sink.posts) == 2


async def test_all_quiet_only_when_configured(engine, smtp_sink, http_sink) -> None:
    settings = make_settings(smtp_sink.port, http_sink.port, all_quiet=True)
    assert await run_due_digests(engine, settings, SAT, owner="a") == 4  # acme and quiet, daily and weekly
    quiet = [body for path, body in http_sink.posts if path == "/quiet"]
    assert len(quiet) == 2 and all("All quiet" in b["message"] for b in quiet)


async def test_transient_failure_retries_only_the_failed_destination(engine, seeded: Seed, smtp_sink,
                                                                     http_sink) -> None:
    settings = make_settings(smtp_sink.port, http_sink.port, weekly_cron="0 9 1 1 *")  # no weekly fire this week
    http_sink.status = 500
    assert await run_due_digests(engine, settings, SAT, owner="a") == 0
    row = runs(engine)[("acme", "daily", "2026-11-21")]
    assert row.state == "claimed" and "did not accept" in (row.error or "")
    assert row.summary["delivered"] == ["email:owner@shop.example"] and row.summary["attempts"] == 1
    assert await run_due_digests(engine, settings, SAT + timedelta(minutes=5), owner="b") == 0  # not yet
    http_sink.status = 200
    assert await run_due_digests(engine, settings, SAT + timedelta(minutes=16), owner="b") == 1
    row = runs(engine)[("acme", "daily", "2026-11-21")]
    assert row.state == "sent" and row.error is None and row.lease_owner == "b"
    assert len(smtp_sink.messages) == 1  # the email was not sent twice
    assert [p for p, _ in http_sink.posts] == ["/digest", "/digest"]  # failed post, then the retry


async def test_expired_claim_is_taken_over(engine, seeded: Seed, smtp_sink, http_sink) -> None:
    settings = make_settings(smtp_sink.port, http_sink.port, weekly_cron="0 9 1 1 *")
    with Session(engine) as s:  # a replica claimed it and died
        s.add(DigestRun(store="acme", period="daily", period_key="2026-11-21", window_start=SAT - timedelta(days=1),
                        window_end=SAT - timedelta(hours=2), lease_owner="dead", lease_expires_at=SAT + timedelta(
                            minutes=5), created_at=SAT))
        s.commit()
    assert await run_due_digests(engine, settings, SAT, owner="a") == 0
    assert await run_due_digests(engine, settings, SAT + timedelta(minutes=6), owner="a") == 1
    assert runs(engine)[("acme", "daily", "2026-11-21")].lease_owner == "a"


async def test_bad_timezone_is_logged_not_fatal(engine, seeded: Seed, smtp_sink, http_sink) -> None:
    base = make_settings(smtp_sink.port, http_sink.port)
    stores = dict(base.stores)
    stores["broken"] = StoreSettings(timezone="Mars/Olympus", emails=("x@shop.example",))
    settings = base.model_copy(update={"stores": stores})
    assert await run_due_digests(engine, settings, SAT, owner="a") == 2
