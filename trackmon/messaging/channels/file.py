"""Dry-run channel: every message becomes an .eml file in `messaging.file_dir`."""

from __future__ import annotations

import re
from pathlib import Path

from trackmon.errors import TransientDeliveryError
from trackmon.files import private_dir, write_private
from trackmon.mail import email_bytes
from trackmon.messaging.channels.base import OutgoingMessage, build_email


class FileChannel:
    name = "file"

    def __init__(self, directory: str | Path, mail_from: str | None = None) -> None:
        self.directory = Path(directory)
        self.mail_from = mail_from or "trackmon@localhost.localdomain"

    def path_for(self, msg: OutgoingMessage) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", msg.idempotency_key)[:150]
        return self.directory / f"{safe}.eml"

    async def send(self, msg: OutgoingMessage) -> str:
        email = build_email(msg, self.mail_from)
        target = self.path_for(msg)
        try:  # same key, same file: a resend overwrites, never duplicates; 0600 in a 0700 folder
            private_dir(self.directory)
            write_private(target, email_bytes(email))  # UTF-8 headers for a non-ASCII address
        except OSError as exc:
            raise TransientDeliveryError("file", f"cannot write {target}: {exc.strerror or exc}") from None
        return str(target)

    async def aclose(self) -> None:
        return None
