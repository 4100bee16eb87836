"""The one email-address check, used when an order is imported and when a message is sent.

`check_address()` gives the same verdict at both ends, so an address accepted at import is
never refused at send (and the other way round). It is `email-validator`'s syntax check
(RFC 5321/5322 without obsolete forms: no comments, no quoted local parts; internationalized
addresses allowed, RFC 6531) with deliverability not looked up (no DNS at import), plus one
rule of ours: the domain's last label must be at least two characters (no top-level domain
has one, so `a@b.c` is a typo, not an address). Special-use domains (`.invalid`, `.local`,
`.localhost`, `.onion`, `.arpa`) are refused; `.test` (RFC 6761, reserved for testing) is
accepted so test and benchmark data can be imported.

An address whose local part is not ASCII (`jöhn@…`, `名前@example.jp`) needs SMTPUTF8 to be
sent: `CheckedAddress.smtputf8` says so. A non-ASCII domain alone does not (it is sent in its
IDNA form, `ascii_domain`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from trackmon.errors import InputError

_BREAKS = re.compile(r"[\r\n\x00]")
MAX_LENGTH = 320


@dataclass(frozen=True, slots=True)
class CheckedAddress:
    normalized: str      # what is stored and sent: NFC local part, lower-case domain
    local: str
    domain: str          # Unicode form
    ascii_domain: str    # IDNA form, for headers and Message-IDs
    smtputf8: bool       # the local part is not ASCII: only an SMTPUTF8 server can take it

    @property
    def ascii_or_utf8(self) -> str:
        """The address as written in an envelope: ASCII domain, local part as is."""
        return f"{self.local}@{self.ascii_domain}"


@lru_cache(maxsize=4096)
def _verdict(value: str) -> CheckedAddress | str:
    if _BREAKS.search(value):
        return "contains a line break or NUL character"
    text = value.strip()
    if not text:
        return "is empty"
    if len(text) > MAX_LENGTH:
        return f"is {len(text)} characters long, at most {MAX_LENGTH} allowed"
    try:
        found = validate_email(text, check_deliverability=False, allow_smtputf8=True,
                               allow_quoted_local=False, allow_domain_literal=False,
                               allow_display_name=False, test_environment=True)
    except EmailNotValidError as exc:
        return str(exc).rstrip(".")
    domain = found.domain
    if len(domain.rsplit(".", 1)[-1]) < 2:
        return f"has no real top-level domain ({domain!r}: the last part has one character)"
    ascii_domain = found.ascii_domain or domain
    return CheckedAddress(normalized=found.normalized, local=found.local_part, domain=domain,
                          ascii_domain=ascii_domain, smtputf8=not found.local_part.isascii())


def address_problem(value: str) -> str | None:
    """Why `value` is not an address we can send to, or None when it is one."""
    verdict = _verdict(value)
    return verdict if isinstance(verdict, str) else None


def check_address(value: str, *, field: str = "buyer_email", line: int | None = None) -> CheckedAddress:
    """The checked address; InputError naming the field and the reason when it is not one."""
    verdict = _verdict(value)
    if isinstance(verdict, str):
        raise InputError(f"{field} {value.strip()!r} is not an email address: {verdict}",
                         line=line, field=field)
    return verdict


__all__ = ["CheckedAddress", "address_problem", "check_address"]
