"""Compare what two `trackmon demo` folders planned and sent: every outbox row, every .eml.

    .venv/bin/python -m trackmon demo --dir /tmp/demo-a      # one code version
    .venv/bin/python -m trackmon demo --dir /tmp/demo-b      # the other
    .venv/bin/python -m bench.demo_compare /tmp/demo-a /tmp/demo-b

What differs between two runs of the same code is masked first: the signatures of tracking and
unsubscribe links (a key per database), Message-IDs, MIME boundaries, the folder's own path and
the sub-second part of the demo clock. Everything else (kind, cause, state, schedule, context,
subject, last_error, headers, text and HTML parts) must be equal. Exit status 1 when not.
"""

from __future__ import annotations

import collections
import email
import re
import sqlite3
import sys
from email import policy
from pathlib import Path
from typing import Any

_LINK = re.compile(r"(/(?:t|unsubscribe)/[A-Za-z0-9]+)\.[A-Za-z0-9_-]+")
_MESSAGE_ID = re.compile(r"<[0-9a-f]{10,}\.[0-9a-f]{10,}@")
_BOUNDARY = re.compile(r"={15}\d+==")
_OUTBOX_FILE = re.compile(r"^/\S*/messages/(?=[^/]+\.eml$)")
_SUBSECOND = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.\d+$")
_COLUMNS = ("idempotency_key, order_pk, shipment_id, alert_id, kind, cause, priority, channel, recipient, "
            "language, context, state, next_attempt_at, attempts, lease_owner, lease_expires_at, message_id, "
            "provider_id, subject, last_error, created_at, sent_at")


def _masked(value: Any, folder: str) -> Any:
    if not isinstance(value, str):
        return value
    value = _LINK.sub(r"\1.SIGNED", value)
    value = _MESSAGE_ID.sub("<MESSAGE-ID@", value)
    value = _BOUNDARY.sub("BOUNDARY", _OUTBOX_FILE.sub("FOLDER/messages/", value.replace(folder, "FOLDER")))
    return _SUBSECOND.sub(r"\1", value)


def outbox(folder: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"{folder}/trackmon.db") as db:
        rows = db.execute(f"SELECT {_COLUMNS} FROM messages ORDER BY id").fetchall()
    return [tuple(_masked(v, folder) for v in row) for row in rows]


def mails(folder: str) -> dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    out = {}
    for path in sorted(Path(folder, "messages").rglob("*.eml")):
        mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        heads = [(k, _masked(str(v), folder)) for k, v in mail.items() if k.lower() != "date"]
        parts = [(p.get_content_type(), _masked(p.get_content(), folder)) for p in mail.walk() if not p.is_multipart()]
        out[path.name] = (heads, parts)
    return out


def main(argv: list[str] | None = None) -> int:
    a, b = (argv or sys.argv[1:])[:2]
    rows_a, rows_b = outbox(a), outbox(b)
    same_rows = rows_a == rows_b
    print(f"outbox rows: {len(rows_a)} / {len(rows_b)}, identical: {same_rows}")
    print("  states:", dict(collections.Counter(r[11] for r in rows_a)),
          "why superseded:", dict(collections.Counter(r[19] for r in rows_a if r[11] == "superseded")))
    for ra, rb in [(x, y) for x, y in zip(rows_a, rows_b, strict=False) if x != y][:3]:
        print("  differs:", [(i, p, q) for i, (p, q) in enumerate(zip(ra, rb, strict=True)) if p != q])
    mails_a, mails_b = mails(a), mails(b)
    same_mails = mails_a == mails_b
    print(f"emails: {len(mails_a)} / {len(mails_b)}, identical: {same_mails}")
    for name in [n for n in mails_a if mails_a[n] != mails_b.get(n)][:3]:
        print("  differs:", name)
    return 0 if same_rows and same_mails else 1


if __name__ == "__main__":
    raise SystemExit(main())
