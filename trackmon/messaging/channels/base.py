"""What a channel receives, the email it builds, and the channel protocol."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Protocol

from trackmon.addresses import CheckedAddress, check_address
from trackmon.domain import ensure_utc
from trackmon.errors import DeliveryError, InputError
from trackmon.mail import MAIL_POLICY, sender_domain

_CRLF = re.compile(r"[\r\n\x00]+")
#: RFC 8058: the body of the one-click POST a mail provider sends for the buyer.
ONE_CLICK = "List-Unsubscribe=One-Click"


def message_id_for(idempotency_key: str, *, install_id: str, domain: str) -> str:
    """The RFC 5322 Message-ID of a message: stable for one key at one installation (a resend
    is recognised as the same message), different at another installation (two trackmon
    installations never send the same id), in the domain of the sender address."""
    digest = hashlib.sha256(f"{install_id}:{idempotency_key}".encode()).hexdigest()[:20]
    return f"<{digest}.{install_id}@{domain}>"


def one_line(value: str) -> str:
    """A header value with CR, LF and NUL removed (header injection is impossible)."""
    return " ".join(_CRLF.sub(" ", value).split())


def checked_address(value: str, *, what: str = "recipient") -> CheckedAddress:
    """The shared address check (`trackmon.addresses`); a refused address is a permanent
    DeliveryError naming it and the reason."""
    try:
        return check_address(value, field=what)
    except InputError as exc:
        raise DeliveryError("email", str(exc)) from None


__all__ = ["ONE_CLICK", "Channel", "OutgoingMessage", "build_email", "checked_address",
           "message_id_for", "one_line", "sender_domain"]


@dataclass(frozen=True, slots=True, kw_only=True)
class OutgoingMessage:
    idempotency_key: str
    message_id: str
    kind: str
    language: str
    recipient: str
    recipient_name: str
    subject: str
    text: str
    html: str
    order_id: str
    store: str
    tracking_numbers: tuple[str, ...] = field(default_factory=tuple)
    date: datetime | None = None          # the Date: header (the send time)
    reply_to: str | None = None           # the store's support address
    unsubscribe_url: str | None = None    # signed https one-click opt-out (RFC 8058)
    unsubscribe_mailto: str | None = None  # mailto: fallback (the support address)


def _list_unsubscribe(msg: OutgoingMessage) -> tuple[str | None, bool]:
    """The List-Unsubscribe value and whether the one-click POST header goes with it
    (RFC 8058 requires an HTTPS URI for one-click)."""
    uris = []
    if msg.unsubscribe_url:
        uris.append(f"<{msg.unsubscribe_url}>")
    if msg.unsubscribe_mailto:
        uris.append(f"<mailto:{msg.unsubscribe_mailto}?subject=unsubscribe>")
    one_click = bool(msg.unsubscribe_url and msg.unsubscribe_url.startswith("https://"))
    return (", ".join(uris) or None), one_click


def build_email(msg: OutgoingMessage, mail_from: str) -> EmailMessage:
    """A multipart/alternative email; names and subject cannot carry extra headers."""
    email = EmailMessage(policy=MAIL_POLICY)
    sender = checked_address(mail_from, what="sender (smtp.mail_from)")
    recipient = checked_address(msg.recipient)
    email["From"] = Address(username=sender.local, domain=sender.ascii_domain)
    email["To"] = Address(display_name=one_line(msg.recipient_name), username=recipient.local,
                          domain=recipient.ascii_domain)
    if msg.reply_to:
        reply = checked_address(msg.reply_to, what="reply-to (stores.<name>.support_email)")
        email["Reply-To"] = Address(username=reply.local, domain=reply.ascii_domain)
    email["Subject"] = one_line(msg.subject)
    email["Date"] = format_datetime(ensure_utc(msg.date or datetime.now(UTC)))
    email["Message-ID"] = msg.message_id
    unsubscribe, one_click = _list_unsubscribe(msg)
    if unsubscribe:
        email["List-Unsubscribe"] = unsubscribe
        if one_click:
            email["List-Unsubscribe-Post"] = ONE_CLICK
    email["X-Trackmon-Kind"] = one_line(msg.kind)
    email.set_content(msg.text)
    email.add_alternative(msg.html, subtype="html")
    email["Content-Language"] = one_line(msg.language)  # after: set_content drops Content-*
    return email


class Channel(Protocol):
    name: str

    async def send(self, msg: OutgoingMessage) -> str:
        """Deliver one message; returns the provider's id. Raises DeliveryError
        (permanent) or TransientDeliveryError (retry later)."""
        ...

    async def aclose(self) -> None: ...
