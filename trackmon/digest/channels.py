"""Digest delivery: email (HTML + plain text, through the one SMTP transport `trackmon.smtp` and
`settings.smtp`), apprise URLs (Slack, Telegram, Discord, Teams, json:// webhooks, ...), and an HTML
copy in `digest.output_dir`.

Each destination has a stable key (`email:<address>`, `apprise:<sha1 of the URL>`,
`file:<name>`) so a retry skips the destinations that already got the digest. A failure raises
`DeliveryError` (permanent: bad address, bad URL, 5xx) or `TransientDeliveryError` (retry later).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import structlog

from trackmon.errors import DeliveryError, TransientDeliveryError
from trackmon.files import private_dir, write_private
from trackmon.mail import MAIL_POLICY, sender_domain
from trackmon.redact import mask_url
from trackmon.settings import Settings, SmtpSettings, StoreSettings
from trackmon.smtp import send_email as smtp_send

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    store: str
    period: str
    period_key: str
    subject: str
    text: str
    html: str

    @property
    def slug(self) -> str:
        return "-".join(_safe(p) for p in (self.store, self.period, self.period_key))


@dataclass(frozen=True, slots=True)
class Destination:
    key: str       # stable, secret-free: kept on the DigestRun row
    kind: str      # "email" | "apprise" | "file"
    target: str    # address, URL or folder


@dataclass
class DeliveryOutcome:
    delivered: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    transient: bool = False  # at least one failure is worth retrying

    @property
    def ok(self) -> bool:
        return not self.errors


def _safe(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", value).strip("._") or "_"


def destinations(store: StoreSettings, settings: Settings) -> list[Destination]:
    out = [Destination(f"email:{addr.strip().lower()}", "email", addr.strip()) for addr in store.emails]
    out += [Destination("apprise:" + hashlib.sha1(url.encode()).hexdigest()[:12], "apprise", url)
            for url in store.apprise_urls]
    if settings.digest.output_dir:
        out.append(Destination("file:html", "file", settings.digest.output_dir))
    return out


def build_email(rendered: RenderedDigest, *, mail_from: str, to: str,
                sent_at: datetime) -> EmailMessage:
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = rendered.subject
    msg["From"] = mail_from
    msg["To"] = to
    msg["Date"] = format_datetime(sent_at)
    to_hash = hashlib.sha1(to.lower().encode()).hexdigest()[:8]
    msg["Message-ID"] = f"<digest.{rendered.slug}.{to_hash}@{sender_domain(mail_from)}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg


async def send_email(smtp: SmtpSettings, rendered: RenderedDigest, to: str, *, now: datetime) -> None:
    if not smtp.host:
        raise DeliveryError("email", "smtp.host is not set (TRACKMON_SMTP_HOST): cannot email digests")
    if not smtp.mail_from:
        raise DeliveryError("email", "smtp.mail_from is not set (TRACKMON_MAIL_FROM): cannot email digests")
    msg = build_email(rendered, mail_from=smtp.mail_from, to=to, sent_at=now)
    await smtp_send(smtp, msg, to, channel="email")


async def send_apprise(url: str, rendered: RenderedDigest) -> None:
    """Post the plain-text digest to one apprise URL."""
    import apprise  # 0.4 s of imports: only when a digest goes to a chat

    app = apprise.Apprise()
    if not app.add(url):
        raise DeliveryError("apprise", f"{mask_url(url, opaque=True)} is not a valid apprise URL "
                            "(see https://github.com/caronc/apprise/wiki)")
    ok = await app.async_notify(body=rendered.text, title=rendered.subject,
                                body_format=apprise.NotifyFormat.TEXT)
    if not ok:
        raise TransientDeliveryError("apprise", f"{mask_url(url, opaque=True)} did not accept the digest")


def write_html(folder: str, rendered: RenderedDigest) -> Path:
    """Write the HTML digest atomically as `<folder>/<store>-<period>-<key>.html`."""
    path = Path(folder) / f"{rendered.slug}.html"
    try:
        private_dir(path.parent)
        write_private(path, rendered.html)
    except OSError as exc:
        raise DeliveryError("file", f"cannot write {path}: {exc.strerror or exc}") from None
    return path


async def deliver(settings: Settings, store: StoreSettings, rendered: RenderedDigest, *, now: datetime,
                  skip: frozenset[str] = frozenset()) -> DeliveryOutcome:
    """Send to every destination not in `skip`; failures are collected, never lost."""
    outcome = DeliveryOutcome()
    for dest in destinations(store, settings):
        if dest.key in skip:
            continue
        try:
            if dest.kind == "email":
                await send_email(settings.smtp, rendered, dest.target, now=now)
            elif dest.kind == "apprise":
                await send_apprise(dest.target, rendered)
            else:
                await asyncio.to_thread(write_html, dest.target, rendered)
        except DeliveryError as exc:
            outcome.errors[dest.key] = str(exc)
            outcome.transient = outcome.transient or isinstance(exc, TransientDeliveryError)
            log.warning("digest.delivery_failed", store=rendered.store, destination=dest.key,
                        error=str(exc), transient=isinstance(exc, TransientDeliveryError))
        else:
            outcome.delivered.append(dest.key)
            log.info("digest.delivered", store=rendered.store, destination=dest.key)
    return outcome
