"""The email policy every trackmon email is written with.

CPython's default folding of a long non-ASCII header (3.11) puts the space between two words
at the fold between encoded-words, where RFC 2047 says readers must drop it: "вас в пункте"
arrives as "вас впункте". Subjects are therefore folded with `email.header.Header`, which
keeps each space inside an encoded-word; so are the non-ASCII display names of addresses.
Everything else is the standard SMTP policy.
"""

from __future__ import annotations

from email.header import Header
from email.message import EmailMessage
from email.policy import EmailPolicy
from typing import Any

_TEXT_HEADERS = frozenset({"subject"})
_ADDRESS_HEADERS = frozenset({"to", "from", "cc", "reply-to", "sender"})


class _MailPolicy(EmailPolicy):
    def _fold(self, name: str, value: Any, refold_binary: bool = False) -> str:  # type: ignore[override]
        text = str(value)
        lname = name.lower()
        if not text.isascii() and lname in _TEXT_HEADERS:
            return f"{name}: {self._encode(name, text)}{self.linesep}"
        if not text.isascii() and lname in _ADDRESS_HEADERS and hasattr(value, "addresses"):
            return self._fold_addresses(name, value.addresses)
        return super()._fold(name, value, refold_binary)  # type: ignore[misc]

    def _fold_addresses(self, name: str, addresses: Any) -> str:
        """Each non-ASCII display name as encoded-words, folded between whole tokens."""
        limit = self.max_line_length or 78
        tokens: list[str] = []
        for i, a in enumerate(addresses):
            sep = "," if i < len(addresses) - 1 else ""
            if a.display_name and not a.display_name.isascii():
                tokens.extend(self._encode(name, a.display_name).split(self.linesep))
                tokens[-1] = tokens[-1].strip()
                tokens.append(f"<{a.addr_spec}>{sep}")
            else:
                tokens.append(f"{a}{sep}")
        lines = [f"{name}:"]
        for token in (t.strip() for t in tokens):
            if len(lines[-1]) + 1 + len(token) > limit and lines[-1] != f"{name}:":
                lines.append(" " + token)
            else:
                lines[-1] += " " + token
        return self.linesep.join(lines) + self.linesep

    def _encode(self, name: str, text: str) -> str:
        header = Header(text, "utf-8", header_name=name, maxlinelen=self.max_line_length or 78)
        return header.encode(linesep=self.linesep)


#: SMTP line endings, 78-character lines, UTF-8 subjects that survive folding.
MAIL_POLICY = _MailPolicy(linesep="\r\n")


def mail_policy(*, utf8: bool = False) -> _MailPolicy:
    """MAIL_POLICY, or its SMTPUTF8 variant (raw UTF-8 headers) for a non-ASCII address."""
    return MAIL_POLICY.clone(utf8=True) if utf8 else MAIL_POLICY


def sender_domain(mail_from: str | None) -> str:
    """The ASCII (IDNA) domain of `mail_from`: the right-hand side of our Message-IDs."""
    from trackmon.addresses import address_problem, check_address
    if mail_from and address_problem(mail_from) is None:
        return check_address(mail_from, field="smtp.mail_from").ascii_domain
    return "localhost.localdomain"


def needs_smtputf8(email: EmailMessage) -> bool:
    """True when an address of the email has a non-ASCII local part (RFC 6531)."""
    return any(not str(email.get(name, "")).isascii() and any(
        not a.username.isascii() for a in getattr(email[name], "addresses", ()))
        for name in ("From", "To", "Reply-To"))


def email_bytes(email: EmailMessage, *, seven_bit: bool = False) -> bytes:
    """The email as sent or written: UTF-8 headers (SMTPUTF8) only when an address needs them."""
    policy = mail_policy(utf8=needs_smtputf8(email))
    if seven_bit:
        policy = policy.clone(cte_type="7bit")
    return email.as_bytes(policy=policy)
