from __future__ import annotations

from datetime import UTC, datetime

import pytest

from trackmon.digest.channels import RenderedDigest, deliver, send_apprise, send_email, write_html
from trackmon.errors import DeliveryError, TransientDeliveryError
from trackmon.settings import DigestSettings, Settings, SmtpSettings, StoreSettings

NOW = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)
R = RenderedDigest(store="acme", period="weekly", period_key="2026-W47", subject="[trackmon] Weekly review — acme",
                   text="Held at customs (1)\n- A-1001", html="<html><body><h2>Held at customs (1)</h2></body></html>")


def smtp(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="none", mail_from="trackmon@shop.example",
                        timeout_seconds=5)


async def test_email_html_and_text(smtp_sink) -> None:
    await send_email(smtp(smtp_sink.port), R, "owner@shop.example", now=NOW)
    [(rcpts, msg)] = smtp_sink.messages
    assert rcpts == ["owner@shop.example"]
    assert msg["Subject"] == R.subject and msg["From"] == "trackmon@shop.example"
    assert msg["Message-ID"].startswith("<digest.acme-weekly-2026-W47.")
    parts = {p.get_content_type(): p.get_payload(decode=True).decode() for p in msg.walk() if not p.is_multipart()}
    assert "Held at customs (1)" in parts["text/plain"] and "<h2>Held at customs (1)</h2>" in parts["text/html"]


async def test_email_unreachable_is_transient_and_unset_host_is_permanent() -> None:
    from .servers import free_port
    with pytest.raises(TransientDeliveryError):
        await send_email(smtp(free_port()), R, "owner@shop.example", now=NOW)
    with pytest.raises(DeliveryError, match=r"smtp\.host"):
        await send_email(SmtpSettings(), R, "owner@shop.example", now=NOW)


async def test_apprise_json_webhook(http_sink) -> None:
    await send_apprise(f"json://127.0.0.1:{http_sink.port}/hooks/digest", R)
    [(path, body)] = http_sink.posts
    assert path == "/hooks/digest"
    assert body["title"] == R.subject and "A-1001" in body["message"]


async def test_apprise_refused_and_bad_url(http_sink) -> None:
    http_sink.status = 500
    with pytest.raises(TransientDeliveryError):
        await send_apprise(f"json://127.0.0.1:{http_sink.port}/x", R)
    with pytest.raises(DeliveryError, match="not a valid apprise URL") as info:
        await send_apprise("nosuchscheme://token@host", R)
    assert "token" not in str(info.value)


async def test_deliver_several_recipients_skip_and_file(smtp_sink, http_sink, tmp_path) -> None:
    settings = Settings(smtp=smtp(smtp_sink.port), digest=DigestSettings(output_dir=str(tmp_path / "out")))
    store = StoreSettings(emails=("a@shop.example", "b@shop.example"),
                          apprise_urls=(f"json://127.0.0.1:{http_sink.port}/d",))
    out = await deliver(settings, store, R, now=NOW, skip=frozenset({"email:a@shop.example"}))
    assert out.ok
    assert [r for r, _ in smtp_sink.messages] == [["b@shop.example"]]
    assert len(http_sink.posts) == 1
    assert (tmp_path / "out" / "acme-weekly-2026-W47.html").read_text() == R.html
    assert set(out.delivered) >= {"email:b@shop.example", "file:html"} and len(out.delivered) == 3


async def test_deliver_collects_failures(http_sink, tmp_path) -> None:
    http_sink.status = 503
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = Settings(digest=DigestSettings(output_dir=str(blocker / "sub")))
    store = StoreSettings(emails=("a@shop.example",), apprise_urls=(f"json://127.0.0.1:{http_sink.port}/d",))
    out = await deliver(settings, store, R, now=NOW)
    assert not out.ok and out.delivered == [] and out.transient
    assert set(out.errors) == {"email:a@shop.example", next(k for k in out.errors if k.startswith("apprise:")),
                               "file:html"}
    with pytest.raises(DeliveryError, match="cannot write"):
        write_html(str(blocker / "sub"), R)
