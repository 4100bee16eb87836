"""Buyer emails never reach the logs in clear, whatever the field they travel in."""

from __future__ import annotations

import io

import structlog

from trackmon.logs import configure_logging


def test_buyer_emails_are_redacted_in_every_field() -> None:
    stream = io.StringIO()
    configure_logging("json", "info", stream=stream)
    try:
        log = structlog.get_logger("trackmon.test")
        log.info("message.queued", buyer_email="anna.k@example.com",
                 error="refused recipient <boris@mail.example.ru> by the server", api_key="sk-123")
        log.warning("intake.rejected", reason="buyer_email 'x@y.example' in row 3")
    finally:
        configure_logging("console", "info")
    text = stream.getvalue()
    assert "anna.k@example.com" not in text and "boris@mail.example.ru" not in text and "x@y.example" not in text
    assert "a***@example.com" in text and "sk-123" not in text
