"""Buyer messages: templates, rendering, planning (transactional outbox), dispatch, channels.

- `render`   — Jinja2 sandbox over the built-in `messages/` templates and the seller's overrides.
- `context`  — the template context of one message, built from database rows.
- `kinds`    — message kinds, their priority and the alert kinds that cause them.
- `window`   — the buyer's sending window (time zone, quiet hours) and daily cap.
- `planner`  — `plan_for_order()`: queue due messages idempotently.
- `dispatch` — `dispatch_due()`: claim due rows with a lease, render, send, record.
- `channels` — SMTP, webhook, dry-run file.
"""
