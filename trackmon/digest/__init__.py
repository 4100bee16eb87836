"""Seller digests: daily and weekly exception reviews, sent once per store and period.

- `schedule` — which period is due (cron in the seller's time zone), pure.
- `build` — gathers the digest data from the database into frozen dataclasses.
- `figures` — the numbers on top (active, delivered, on-time rate, transit medians, ...).
- `render` / `charts` — plain text, HTML with inline SVG charts, and a Rich renderable.
- `channels` — email (SMTP) and apprise URLs, plus the HTML copy in `digest.output_dir`.
- `runner` — `run_due_digests()`: claim (exactly one replica wins), build, send, record.
"""
