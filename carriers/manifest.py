"""What a carrier declares about itself: one `CarrierManifest` per carrier, in that carrier's module.

A manifest is plain data (no I/O, nothing imported at declaration time): trackmon derives from
the manifests every list that used to be kept by hand — the settings sections and their
`TRACKMON_<CARRIER>_<KEY>` variables, the credential messages, the labels, the generated
configuration reference, the `/webhooks/{provider}` route, routing by what an adapter
serves, the codes sent to the aggregators and the offline number formats. Manifests are
found by `carriers/registry.py`: every module of `carriers/` with a `MANIFEST`, and the
`trackmon.carriers` entry-point group, so a carrier can also come from another installed
package.

Kinds:
- ``direct``: a carrier's own tracking API (UPS, FedEx...): an adapter, credentials.
- ``aggregator``: tracks many carriers' numbers (17TRACK, AfterShip); an adapter, credentials.
  What it serves is every carrier that declares a code for it (`AggregatorCode`).
- ``offline``: a carrier trackmon recognises from its numbers and names to the aggregators
  (Cainiao, YunExpress...), with no API of its own here.

Code that is not data (an adapter class, a webhook's verify/parse functions, a check-digit
matcher) is named as ``"module:attribute"`` (or given directly) and imported when first used,
so reading the manifests stays cheap and free of import cycles.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from trackmon.settings import CarrierSettings

Kind = Literal["direct", "aggregator", "offline"]
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
#: Setting keys that are secrets or identities a carrier may require.
CREDENTIAL_KEYS = ("api_key", "client_id", "client_secret", "webhook_secret")


def resolve(ref: Any) -> Any:
    """An object given directly, or named "module:attribute" (imported now)."""
    if not isinstance(ref, str):
        return ref
    module, _, attr = ref.partition(":")
    if not module or not attr:
        raise ValueError(f"{ref!r} is not a 'module:attribute' reference")
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True, slots=True)
class AggregatorCode:
    """The code an aggregator knows a carrier by (17TRACK's integer key, AfterShip's slug),
    with the public source it was read from."""

    code: int | str
    source: str


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """A tracking-number format a carrier issues.

    Either `regex` (a prefix and a count of characters, no check digit: a weak format that
    never wins over one with a check digit) or `matcher` ("module:function" yielding
    `carriers.numbers.Match` for a number, for formats with a check digit). `rank`: higher
    wins among valid candidates; `strong`: the shape alone names the carrier, so a failed
    check digit is a typo. `examples` must be recognised as this carrier and `not_examples`
    must not (tests/carriers/test_manifests.py checks both for every format).
    """

    id: str
    service: str
    rank: int
    source: str
    regex: str | None = None
    matcher: str | Callable[[str], Iterator[Any]] | None = None
    strong: bool = False
    confidence: Literal["published", "observed"] = "published"
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    @property
    def check_digit(self) -> bool:
        return self.matcher is not None


@dataclass(frozen=True, slots=True)
class Webhook:
    """A provider's push: the header carrying the signature, the settings key holding the secret,
    `verify(body, signature, secret) -> bool` and `parse(body) -> PushResult` (raises only
    `InputError`). Served at ``POST /webhooks/<carrier name>``; `scheme` says how the
    signature is made (shown in the generated docs)."""

    header: str
    secret_key: str
    verify: str | Callable[[bytes, str, str], bool]
    parse: str | Callable[[bytes], Any]
    scheme: str = ""  # how the signature is made, for people (generated docs)

    def verify_fn(self) -> Callable[[bytes, str, str], bool]:
        return resolve(self.verify)

    def parse_fn(self) -> Callable[[bytes], Any]:
        return resolve(self.parse)


@dataclass(frozen=True, slots=True)
class CarrierManifest:
    """Everything trackmon knows about one carrier, declared in one place."""

    name: str                                  # settings/DB/route name: "ups", "17track", "cainiao"
    label: str                                 # what people read: "UPS", "17TRACK", "Cainiao"
    kind: Kind
    adapter: str | type | None = None          # "carriers.ups:Ups" (direct and aggregator kinds)
    credentials: tuple[str, ...] = ()          # settings keys that must be set to use the adapter
    base_url: str | None = None                # the production API origin and prefix
    max_batch: int = 1                         # numbers per request
    priority: int = 100                        # aggregators: lower is tried first
    serves: frozenset[str] = frozenset()       # direct: the carrier names its API tracks (itself implied)
    formats: tuple[NumberFormat, ...] = ()
    codes: Mapping[str, AggregatorCode] = field(default_factory=dict)  # aggregator name → code
    webhook: Webhook | None = None
    settings: str | type | None = None         # a CarrierSettings subclass with this carrier's own keys
    setup: str = ""                            # where the credentials come from (generated docs)

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"carrier name {self.name!r}: lower-case letters, digits and dashes")
        if self.kind not in ("direct", "aggregator", "offline"):
            raise ValueError(f"carrier {self.name}: kind {self.kind!r} is not direct, aggregator or offline")
        if (self.adapter is None) != (self.kind == "offline"):
            raise ValueError(f"carrier {self.name}: a {self.kind} carrier "
                             f"{'needs' if self.adapter is None else 'has no'} adapter")
        if self.max_batch < 1:
            raise ValueError(f"carrier {self.name}: max_batch must be at least 1")
        unknown = set(self.credentials) - set(CREDENTIAL_KEYS)
        if unknown:
            raise ValueError(f"carrier {self.name}: unknown credential keys {sorted(unknown)}")
        for fmt in self.formats:
            if (fmt.regex is None) == (fmt.matcher is None):
                raise ValueError(f"format {fmt.id}: give exactly one of regex and matcher")

    @property
    def aggregator(self) -> bool:
        return self.kind == "aggregator"

    @property
    def has_api(self) -> bool:
        return self.adapter is not None

    def adapter_class(self) -> type:
        if self.adapter is None:
            raise LookupError(f"{self.name} has no adapter (known offline only)")
        return resolve(self.adapter)

    def settings_model(self) -> type[CarrierSettings]:
        if self.settings is not None:
            return resolve(self.settings)
        from trackmon.settings import CarrierSettings
        return CarrierSettings


__all__ = ["CREDENTIAL_KEYS", "AggregatorCode", "CarrierManifest", "Kind", "NumberFormat", "Webhook", "resolve"]
