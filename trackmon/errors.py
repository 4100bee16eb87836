"""The one exception tree of trackmon.

Constructors take explicit fields and never log; callers log with context.

    TrackmonError
    ├─ ConfigError                     a setting is missing or wrong (names the key)
    ├─ TemplateError                   a message template is broken (names file and line)
    ├─ InvalidTrackingNumber           a number that fails its format or check digit
    ├─ StoreError                      the database refused or is unreachable
    ├─ InputError                      a CSV row, an API body or a webhook is malformed
    ├─ CarrierError(carrier)           a whole call to a carrier failed
    │  ├─ TransientCarrierError        worth retrying: timeout, connection reset, 5xx
    │  │  └─ RateLimited(retry_after)  HTTP 429 (or the carrier's own "too fast")
    │  ├─ CarrierAuthError             401/403, bad key
    │  └─ CarrierResponseError         2xx with a body that is not what the API promises
    └─ DeliveryError(channel)          a message could not be delivered, permanently
       └─ TransientDeliveryError       worth retrying later
"""

from __future__ import annotations


class TrackmonError(Exception):
    """Root of every error trackmon raises on purpose."""


class ConfigError(TrackmonError):
    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class TemplateError(TrackmonError):
    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class InvalidTrackingNumber(TrackmonError):
    def __init__(self, number: str, reason: str) -> None:
        super().__init__(f"invalid tracking number {number!r}: {reason}")
        self.number = number
        self.reason = reason


class StoreError(TrackmonError):
    pass


class InputError(TrackmonError):
    def __init__(self, message: str, *, line: int | None = None, field: str | None = None) -> None:
        prefix = f"line {line}: " if line is not None else ""
        super().__init__(f"{prefix}{message}")
        self.line = line
        self.field = field


class TransientError(Exception):
    """Mixin: the operation may succeed if tried again later."""


#: How much of a carrier error's message is kept: it names what is wrong, and the carrier's
#: own values in it (a 50,000-character "tracking number") must not flood logs or `last_error`.
CARRIER_MESSAGE_MAX = 300


def _cut(message: str) -> str:
    return message if len(message) <= CARRIER_MESSAGE_MAX else message[:CARRIER_MESSAGE_MAX - 1] + "…"


class CarrierError(TrackmonError):
    def __init__(self, carrier: str, message: str, *, status_code: int | None = None) -> None:
        message = _cut(message)
        super().__init__(f"{carrier}: {message}")
        self.carrier = carrier
        self.message = message
        self.status_code = status_code


class TransientCarrierError(CarrierError, TransientError):
    pass


class RateLimited(TransientCarrierError):
    def __init__(
        self, carrier: str, message: str = "rate limited (HTTP 429)", *,
        retry_after: float | None = None, status_code: int | None = 429,
    ) -> None:
        super().__init__(carrier, message, status_code=status_code)
        self.retry_after = retry_after


class CarrierAuthError(CarrierError):
    pass


class CarrierResponseError(CarrierError):
    pass


class DeliveryError(TrackmonError):
    def __init__(self, channel: str, message: str) -> None:
        super().__init__(f"{channel}: {message}")
        self.channel = channel
        self.message = message


class TransientDeliveryError(DeliveryError, TransientError):
    pass
