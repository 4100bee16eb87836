"""Prometheus metrics of the daemon (served at /metrics). One registry, named here only."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

polls = Counter("trackmon_polls_total", "Tracking numbers polled, by carrier and outcome",
                ["carrier", "outcome"], registry=REGISTRY)  # outcome: ok|not_found|error|rate_limited
carrier_latency = Histogram("trackmon_carrier_request_seconds", "Carrier API request latency",
                            ["carrier"], registry=REGISTRY,
                            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30))
rate_limit_wait = Counter("trackmon_rate_limit_wait_seconds_total",
                          "Seconds spent waiting for a carrier's rate limit", ["carrier"],
                          registry=REGISTRY)
open_alerts = Gauge("trackmon_open_alerts", "Open alerts by kind", ["kind"], registry=REGISTRY)
outbox = Gauge("trackmon_outbox_messages", "Buyer messages by state", ["state"], registry=REGISTRY)
messages_sent = Counter("trackmon_messages_total", "Buyer message send attempts by outcome",
                        ["channel", "outcome"], registry=REGISTRY)  # sent|retry|failed
digest_runs = Counter("trackmon_digest_runs_total", "Seller digests by period and outcome",
                      ["period", "outcome"], registry=REGISTRY)
cycles = Counter("trackmon_cycles_total", "Daemon cycles run", ["outcome"], registry=REGISTRY)
webhooks = Counter("trackmon_webhooks_total", "Push webhooks received by provider and outcome",
                   ["provider", "outcome"], registry=REGISTRY)
