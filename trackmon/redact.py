"""Masking what must never be printed: credentials in URLs, buyer email addresses, secrets.

One place for every printer: `trackmon config show`, CLI error lines, the log pipeline
(`trackmon.logs`) and the `run --once` report all call these functions.

- `mask_url(url)`: `postgresql://app:s3cret@db/x` → `postgresql://app:***@db/x`; every query
  value → `***`; a URL of any other scheme (apprise: `tgram://BOTTOKEN/CHAT`,
  `slack://A/B/C`, `mailto://user:pass@host`) keeps only its scheme: `tgram://***`.
- `mask_text(text)`: every URL in a free text masked as above and every email address the
  importer accepts (`trackmon.intake`: any local part without spaces, quotes, `<>`, `,` or
  `;`, e.g. `ivy(comment)@example.test`, `名前@example.jp`, `a@b.c`) cut to `i***@example.test`.
- `redact(value)`: the same through nested dicts, lists and tuples; keys that name a secret
  (token, password, api_key, ...) have their whole value replaced by `***`.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "***"
SECRET_KEYS = re.compile(r"(api_?key|token|secret|password|passwd|authorization|17token|^sign$|signature$|cookie)",
                         re.I)
#: Schemes whose URLs are shown with their host and path (only credentials and query values
#: are masked). Any other scheme (apprise's tgram://, slack://, discord://, mailto://, ...)
#: carries its secrets in the host and path, so only the scheme is shown.
STRUCTURED_SCHEMES = frozenset({"http", "https", "postgresql", "postgres", "sqlite", "mysql", "redis", "rediss",
                                "smtp", "smtps", "amqp", "amqps", "ws", "wss", "ftp", "file"})

_URL_IN_TEXT = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s\"'<>]*")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)", re.S)
_QUERY_VALUE = re.compile(r"([?&;][^=&#;]*=)[^&#;]*")
_MASKED_VALUE = rf"\1{MASK}"
# The importer's address rule (trackmon.intake) with any Unicode in the domain too, found
# anywhere in a text: the local part is whatever non-separator run precedes the "@".
_EMAIL = re.compile(r"([^@\s<>\"',;:=/\\\[\]{}])[^@\s<>\"',;=/\\\[\]{}]*@((?:[^\W_](?:[\w-]*[^\W_])?)(?:\.[\w-]+)+)")


def mask_url(url: str, *, opaque: bool = False) -> str:
    """`url` with its credentials masked (see the module docstring). `opaque`: the whole URL
    is a credential (an apprise URL, whatever its scheme): only the scheme is kept."""
    match = _SCHEME.match(url)
    if match is None:  # not a URL (a mistyped one): still no password through
        head, at, tail = url.rpartition("@")
        if not at or ":" not in head:
            return url
        prefix, slash, userinfo = head.rpartition("/")
        if ":" in userinfo:
            return f"{prefix}{slash}{userinfo.partition(':')[0]}:{MASK}@{tail}"
        return f"{head.partition(':')[0]}:{MASK}@{tail}"
    scheme, rest = match.groups()
    base = scheme.lower().split("+", 1)[0]
    if opaque or base not in STRUCTURED_SCHEMES:
        return f"{scheme}://{MASK}" if rest else url
    query_at = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    at = rest.rfind("@", 0, query_at)
    if at >= 0:
        user, colon, _ = rest[:at].partition(":")
        rest = f"{user}:{MASK}{rest[at:]}" if colon else rest
        query_at = rest.find("?") if "?" in rest else len(rest)
    return f"{scheme}://{rest[:query_at]}" + _QUERY_VALUE.sub(_MASKED_VALUE, rest[query_at:])


def redact_email(text: str) -> str:
    """`anna.k@example.com` → `a***@example.com` for every address in `text`."""
    return _EMAIL.sub(rf"\1{MASK}@\2", text)


def mask_text(text: str) -> str:
    """Every URL and email address in `text` masked."""
    if "://" in text:
        text = _URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), text)
    return redact_email(text) if "@" in text else text


def redact(value: Any, *, key: str | None = None, depth: int = 0) -> Any:
    """`value` with secrets and addresses masked, through nested dicts, lists and tuples."""
    if key is not None and SECRET_KEYS.search(key) and value not in (None, "", False):
        return MASK
    if isinstance(value, str):
        return mask_text(value)
    if depth > 20:
        return MASK
    if isinstance(value, dict):
        return {k: redact(v, key=str(k), depth=depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return type(value)(redact(v, depth=depth + 1) for v in value) if not isinstance(value, set | frozenset) \
            else [redact(v, depth=depth + 1) for v in value]
    return value
