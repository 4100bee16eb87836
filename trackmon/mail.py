"""The email policy every trackmon email is written with.

CPython's default folding of a long non-ASCII header (3.11) puts the space between two words
at the fold between encoded-words, where RFC 2047 says readers must drop it: "вас в пункте"
arrives as "вас впункте". Subjects are therefore folded with `email.header.Header`, which
keeps each space inside an encoded-word. Everything else is the standard SMTP policy.
"""

from __future__ import annotations

from email.header import Header
from email.policy import EmailPolicy
from typing import Any

_ENCODED_BY_HEADER = frozenset({"subject"})


class _MailPolicy(EmailPolicy):
    def _fold(self, name: str, value: Any, refold_binary: bool = False) -> str:  # type: ignore[override]
        text = str(value)
        if name.lower() in _ENCODED_BY_HEADER and not text.isascii():
            encoded = Header(text, "utf-8", header_name=name,
                             maxlinelen=self.max_line_length or 78).encode(linesep=self.linesep)
            return f"{name}: {encoded}{self.linesep}"
        return super()._fold(name, value, refold_binary)  # type: ignore[misc]


#: SMTP line endings, 78-character lines, UTF-8 subjects that survive folding.
MAIL_POLICY = _MailPolicy(linesep="\r\n")
