"""The installation's own secret, kept in the database so every replica and every later
process shares it, and the signed tokens made with it.

One row (id 1) in `installation`, created by whichever process first needs it (insert, ignore
on conflict, read back: two replicas starting at once end with the same secret). Tokens are
`<value>.<mac>` in URL-safe base64, the MAC an HMAC-SHA256 over the purpose and the value,
so a token made for one purpose (a tracking page) is refused for another (an unsubscribe).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import Connection, Engine, select

from trackmon.models import Installation
from trackmon.store import insert_ignore

_SECRETS: dict[str, bytes] = {}
#: bytes of MAC kept in a token: 128 bits, unguessable, short enough for a URL
MAC_BYTES = 16


def installation_secret(bind: Engine | Connection, now: datetime) -> bytes:
    """This installation's secret (created on first use), cached per database.

    Given a Connection (e.g. `session.connection()` inside a transaction that already holds
    SQLite's write lock), the row is created in that transaction instead of a second one.
    """
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = engine.url.render_as_string(hide_password=False)
    if key in _SECRETS:
        return _SECRETS[key]
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            secret_hex = _ensure_row(conn, now)
    else:
        found = bind.execute(select(Installation.secret).where(Installation.id == 1)).scalar_one_or_none()
        if found is None:  # created in the caller's transaction: cached only once it is committed
            return bytes.fromhex(_ensure_row(bind, now))
        secret_hex = str(found)
    _SECRETS[key] = bytes.fromhex(secret_hex)
    return _SECRETS[key]


def _ensure_row(conn: Connection, now: datetime) -> str:
    conn.execute(insert_ignore(conn.dialect.name, Installation, ("id",))
                 .values(id=1, secret=secrets.token_hex(32), created_at=now))
    return str(conn.execute(select(Installation.secret).where(Installation.id == 1)).scalar_one())


def installation_id(secret: bytes) -> str:
    """A public, stable name of this installation (never the secret): 16 hex characters."""
    return hashlib.sha256(b"trackmon-installation-id:" + secret).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, purpose: str, value: str) -> bytes:
    msg = purpose.encode() + b"\x00" + value.encode()
    return hmac.new(secret, msg, hashlib.sha256).digest()[:MAC_BYTES]


def sign(secret: bytes, purpose: str, value: str) -> str:
    """A URL-safe token carrying `value`, valid only for `purpose` at this installation."""
    return f"{_b64(value.encode())}.{_b64(_mac(secret, purpose, value))}"


def verify(secret: bytes, purpose: str, token: str) -> str | None:
    """The value a token carries, or None when it is malformed, forged or for another purpose."""
    if not isinstance(token, str) or token.count(".") != 1 or len(token) > 512:
        return None
    value_part, mac_part = token.split(".")
    try:
        value = _unb64(value_part).decode()
        mac = _unb64(mac_part)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return value if hmac.compare_digest(mac, _mac(secret, purpose, value)) else None


def sign_order(secret: bytes, purpose: str, order_pk: int) -> str:
    """A token naming one order, for one purpose (a tracking page, an unsubscribe link)."""
    return sign(secret, purpose, str(order_pk))


def order_of(secret: bytes, purpose: str, token: str) -> int | None:
    """The order a token names, or None when it is malformed, forged or for another purpose."""
    value = verify(secret, purpose, token)
    return int(value) if value is not None and value.isascii() and value.isdigit() else None
