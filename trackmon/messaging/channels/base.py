"""What a channel receives, the email it builds, and the channel protocol."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Protocol

from trackmon.errors import DeliveryError
from trackmon.mail import MAIL_POLICY

_CRLF = re.compile(r"[\r\n\x00]+")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$")


def message_id_for(idempotency_key: str, domain: str = "trackmon") -> str:
    """The stable RFC 5322 Message-ID of a message: the same key gives the same id."""
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def one_line(value: str) -> str:
    """A header value with CR, LF and NUL removed (header injection is impossible)."""
    return " ".join(_CRLF.sub(" ", value).split())


def checked_address(value: str, *, what: str = "recipient") -> str:
    address = value.strip()
    if _CRLF.search(value) or not _EMAIL.match(address):
        raise DeliveryError("email", f"{what} address {address!r} is not a valid email address")
    return address


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


def build_email(msg: OutgoingMessage, mail_from: str) -> EmailMessage:
    """A multipart/alternative email; names and subject cannot carry extra headers."""
    email = EmailMessage(policy=MAIL_POLICY)
    sender = checked_address(mail_from, what="sender (smtp.mail_from)")
    recipient = checked_address(msg.recipient)
    local, _, domain = recipient.rpartition("@")
    email["From"] = sender
    email["To"] = Address(display_name=one_line(msg.recipient_name), username=local, domain=domain)
    email["Subject"] = one_line(msg.subject)
    email["Message-ID"] = msg.message_id
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
