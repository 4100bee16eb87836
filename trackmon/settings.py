"""Settings: a TOML file overridden by TRACKMON_* environment variables.

This is the only module that reads `os.environ`. `load()` is called once by the CLI and
the frozen result is passed to constructors.

Environment names (a contract):
- `TRACKMON_CONFIG`: path of the TOML file (same as `--config`).
- `TRACKMON_<KEY>` for a top-level key, e.g. `TRACKMON_DATABASE_URL`.
- `TRACKMON_<SECTION>_<KEY>` for a key of a section, e.g. `TRACKMON_SMTP_HOST`,
  `TRACKMON_POLLING_JITTER_SECONDS`.
- `TRACKMON_<CARRIER>_<KEY>` for a carrier with an API, e.g. `TRACKMON_17TRACK_API_KEY`,
  `TRACKMON_UPS_CLIENT_ID`, `TRACKMON_FEDEX_BASE_URL`. The carriers are those of the
  manifests (carriers/registry.py; a dash in a name is `_` here); each carrier's section is
  validated by its manifest's settings model (`CarrierSettings` or a subclass).
- `TRACKMON_MAIL_FROM` is `smtp.mail_from`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from trackmon.errors import ConfigError
from trackmon.redact import SECRET_KEYS, mask_text


def carrier_names() -> tuple[str, ...]:
    """The carriers with settings: every registered carrier with an API (carriers/registry.py)."""
    from carriers import registry
    return registry.api_names()


def __getattr__(name: str) -> Any:
    if name == "CARRIER_NAMES":
        return carrier_names()
    raise AttributeError(f"module 'trackmon.settings' has no attribute {name!r}")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CarrierSettings(_Frozen):
    """Credentials and limits of one carrier or aggregator API (a manifest may subclass it to
    add its carrier's own keys). Which credentials a carrier needs is in its manifest."""

    api_key: SecretStr | None = Field(None, description="API key")
    client_id: str | None = Field(None, description="OAuth client id")
    client_secret: SecretStr | None = Field(None, description="OAuth client secret")
    base_url: str | None = Field(None, description="replaces the production origin and prefix")
    webhook_secret: SecretStr | None = Field(None, description="secret that signs this provider's push webhooks")
    rate_limit_per_second: float = Field(3.0, gt=0, description="requests per second at most")
    concurrency: int = Field(2, ge=1, description="requests in flight at most")
    timeout_seconds: float = Field(20.0, gt=0, description="per-request timeout")
    max_attempts: int = Field(4, ge=1, description="tries per request on transient failures")
    enabled: bool = Field(True, description="false skips this carrier even with credentials")

    @property
    def has_api_key(self) -> bool:
        return self.api_key is not None and bool(self.api_key.get_secret_value())

    @property
    def has_oauth(self) -> bool:
        return bool(self.client_id) and self.client_secret is not None and bool(
            self.client_secret.get_secret_value())


class DetectionSettings(_Frozen):
    """Thresholds of the exception detector (days)."""

    stalled_international_days: float = Field(10, gt=0, description="no news in international transit")
    stalled_destination_days: float = Field(7, gt=0, description="no news after arrival in the destination country")
    not_picked_up_days: float = Field(5, gt=0, description="only label/info-received for this long")
    customs_stall_days: float = Field(7, gt=0, description="customs processing with no news")
    lost_days: float = Field(30, gt=0, description="no news at all for this long: presumed lost")
    partial_delivery_days: float = Field(3, gt=0, description="days after the first parcel of an order is delivered")
    default_transit_days: int = Field(30, gt=0, description="usual transit time when a lane has no history")
    lane_min_samples: int = Field(20, ge=1, description="delivered parcels before a lane's own figures are used")
    pickup_hold_days: int = Field(15, gt=0, description="days a post office holds a parcel before returning it")


class PollingSettings(_Frozen):
    """How often each status is polled (minutes) and how work is claimed."""

    interval_out_for_delivery_minutes: float = Field(60, gt=0)
    interval_available_for_pickup_minutes: float = Field(360, gt=0)
    interval_in_transit_minutes: float = Field(240, gt=0)
    interval_exception_minutes: float = Field(180, gt=0)
    interval_pending_minutes: float = Field(720, gt=0, description="not_found and info_received")
    jitter_fraction: float = Field(0.1, ge=0, le=0.5, description="± share of the interval")
    final_grace_days: float = Field(3, ge=0, description="keep polling delivered/returned this long")
    max_active_days: float = Field(120, gt=0, description="stop polling after this many days")
    lease_seconds: float = Field(300, gt=0, description="a claim expires after this long")
    claim_batch_size: int = Field(200, ge=1, description="shipments claimed per cycle step")
    tick_seconds: float = Field(30, gt=0, description="how often the daemon looks for due work")
    failure_backoff_max_minutes: float = Field(1440, gt=0)


class MessagingSettings(_Frozen):
    """Buyer messages."""

    channel: Literal["smtp", "webhook", "file"] = Field("file", description="where buyer messages go")
    file_dir: str = Field("outbox", description="folder of the dry-run file channel")
    webhook_url: str | None = Field(None, description="HTTPS endpoint of the seller's system")
    webhook_secret: SecretStr | None = Field(None, description="HMAC-SHA256 key that signs webhook posts")
    templates_dir: str | None = Field(None, description="folder whose templates override the built-ins")
    send_window_start: str = Field("09:00", description="buyer local time, HH:MM")
    send_window_end: str = Field("20:00", description="buyer local time, HH:MM")
    max_per_day: int = Field(2, ge=1, description="messages per buyer per local day at most")
    max_per_week: int = Field(3, ge=1, description="routine messages (on its way, weekly check-in) per "
                                                   "buyer in any 7 days at most; exception messages may exceed it")
    default_language: str = Field("en")
    enabled_kinds: tuple[str, ...] = Field(
        (
            "shipped", "on_its_way", "weekly_checkin", "pickup_waiting", "pickup_reminder",
            "customs_hold", "customs_duties", "customs_information", "stalled",
            "delivery_failed", "returning", "split_package", "partial_delivery", "delivered",
            "lost", "late",
        ),
        description="message kinds that are sent")
    tracking_url: str = Field("https://t.17track.net/{language}#nums={tracking_number}",
                              description="link given to buyers; {tracking_number} and {language} are replaced")
    max_attempts: int = Field(6, ge=1, description="tries before a message is marked failed")
    store_name: str = Field("our shop", description="signature when the order names no store")


class SmtpSettings(_Frozen):
    host: str | None = Field(None, description="SMTP server; unset disables email")
    port: int = Field(587, gt=0)
    username: str | None = None
    password: SecretStr | None = None
    mail_from: str | None = Field(None, description="From: address (TRACKMON_MAIL_FROM)")
    security: Literal["starttls", "tls", "none"] = Field("starttls")
    timeout_seconds: float = Field(30, gt=0)
    ca_file: str | None = Field(None, description="PEM file of the CA that signed the SMTP server's certificate "
                                                  "(a private server); unset: the system trust store")


class StoreSettings(_Frozen):
    """A seller's store: where its digests go."""

    display_name: str | None = None
    timezone: str = Field("Asia/Shanghai", description="seller's time zone for digests")
    emails: tuple[str, ...] = Field((), description="digest recipients")
    apprise_urls: tuple[str, ...] = Field((), description="apprise URLs (Slack, Telegram, ...)")
    support_email: str | None = Field(
        None, description="the store's support address: Reply-To of buyer emails, shown on the buyer's "
                          "tracking page (unset: smtp.mail_from), and the mailto: unsubscribe when "
                          "public_base_url is unset")

    @field_validator("support_email")
    @classmethod
    def _support_email(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from trackmon.addresses import address_problem
        problem = address_problem(value)
        if problem:
            raise ValueError(f"support_email {value!r} is not an email address: {problem}")
        return value.strip()
    hide_origin: bool = Field(False, description="buyer emails never name origin cities or the origin "
                                                 "country (dropshipping)")
    lost_policy: Literal["reship", "refund", "ask"] = Field(
        "ask", description="what a buyer whose parcel is lost is told happens next: a new parcel, "
                           "a refund, or that the shop will write to agree on one")


class DigestSettings(_Frozen):
    daily_cron: str = Field("0 8 * * *", description="daily digest, seller's local time (cron)")
    weekly_cron: str = Field("0 9 * * sat", description="weekly review, seller's local time (cron)")
    all_quiet: bool = Field(False, description="send a short note when a period had nothing")
    output_dir: str | None = Field(None, description="also write each digest here as HTML")


class ApiSettings(_Frozen):
    host: str = Field("127.0.0.1", description="listen address; a non-loopback one needs api.token")
    port: int = Field(8080, gt=0)
    token: SecretStr | None = Field(
        None, description="bearer token; unset: only health, metrics, webhooks and signed buyer links are served")
    token_file: str | None = Field(
        None, description="file holding the bearer token (a Docker/Kubernetes secret); used when api.token is unset")
    allow_anonymous_read: bool = Field(
        False, description="serve order, shipment and alert reads without a token (and allow a public address)")
    max_body_bytes: int = Field(1_048_576, ge=1024, description="largest request body accepted (bytes); more is 413")
    console_password: SecretStr | None = Field(
        None, description="password of the seller console at / (the API token also signs in)")
    enabled: bool = True


class LogSettings(_Frozen):
    format: Literal["auto", "json", "console"] = Field("auto", description="auto: console in a terminal")
    level: str = Field("info")


# ---- intake (issue 15: order exports of shops) -------------------------------------------
class IntakeSettings(_Frozen):
    """Reading order exports: `trackmon import`."""

    preset: str | None = Field(None, description="column preset when not detected: shopify, woocommerce, "
                               "aliexpress, amazon, ebay or trackmon")
    date_format: Literal["dmy", "mdy"] | None = Field(
        None, description="order of 03/04/2026-style dates (day/month or month/day)")
    columns: dict[str, str] = Field(default_factory=dict,
                                    description="field = header name, e.g. tracking_number = \"Sendungsnummer\"")


class Settings(_Frozen):
    database_url: str = Field("sqlite:///trackmon.db", description="SQLAlchemy URL")
    public_base_url: str | None = Field(
        None, description="https:// address where buyers reach this server (https://track.example.com): "
                          "emails link to its tracking page /t/... instead of messaging.tracking_url, and "
                          "carry signed unsubscribe links; unset: List-Unsubscribe is a mailto: to the "
                          "store's support_email, or left out")
    carriers: dict[str, CarrierSettings] = Field(default_factory=dict)
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    polling: PollingSettings = Field(default_factory=PollingSettings)
    messaging: MessagingSettings = Field(default_factory=MessagingSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    stores: dict[str, StoreSettings] = Field(default_factory=dict)
    api: ApiSettings = Field(default_factory=ApiSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    intake: IntakeSettings = Field(default_factory=IntakeSettings)

    @field_validator("public_base_url")
    @classmethod
    def _public_base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"public_base_url {value!r} must be an http(s):// address without query "
                             "or fragment (e.g. https://track.example.com)")
        return value.strip().rstrip("/")

    def carrier(self, name: str) -> CarrierSettings:
        """A carrier's settings; without a section, the defaults of its manifest's settings model."""
        found = self.carriers.get(name)
        if found is not None:
            return found
        from carriers import registry
        manifest = registry.manifest(name)
        return manifest.settings_model()() if manifest is not None and manifest.has_api else CarrierSettings()

    def store(self, name: str) -> StoreSettings:
        return self.stores.get(name) or StoreSettings()


SECTIONS: dict[str, type[_Frozen]] = {
    "detection": DetectionSettings, "polling": PollingSettings, "messaging": MessagingSettings,
    "smtp": SmtpSettings, "digest": DigestSettings, "api": ApiSettings, "log": LogSettings,
    "intake": IntakeSettings,
}
_ALIASES = {"MAIL_FROM": ("smtp", "mail_from")}


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    # longest first, so a carrier whose name begins with another's is never cut short
    prefixes = sorted(((_env_name(c) + "_", c) for c in carrier_names()), key=lambda p: -len(p[0]))
    for name, value in env.items():
        if not name.startswith("TRACKMON_") or name == "TRACKMON_CONFIG":
            continue
        rest = name[len("TRACKMON_"):]
        if rest in _ALIASES:
            section, key = _ALIASES[rest]
            out.setdefault(section, {})[key] = value
            continue
        if rest.lower() in Settings.model_fields and rest.lower() not in SECTIONS:
            out[rest.lower()] = value
            continue
        carrier = next(((prefix, c) for prefix, c in prefixes if rest.startswith(prefix)), None)
        head, _, tail = rest.partition("_")
        if carrier is not None and rest[len(carrier[0]):]:
            out.setdefault("carriers", {}).setdefault(carrier[1], {})[rest[len(carrier[0]):].lower()] = value
        elif head.lower() in SECTIONS and tail:
            out.setdefault(head.lower(), {})[tail.lower()] = _maybe_list(value)
        # other TRACKMON_* names (TRACKMON_TEST_POSTGRES_URL, ...) are not settings
    return out


def _maybe_list(value: str) -> Any:
    return [v.strip() for v in value.split(",") if v.strip()] if "," in value else value


def _merge(base: dict[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def read_toml(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist", key="config") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}", key="config") from None


def load(path: str | Path | None = None, *, env: Mapping[str, str] | None = None,
         overrides: Mapping[str, Any] | None = None) -> Settings:
    """Build Settings from the TOML file (if any), then environment, then `overrides`."""
    env = os.environ if env is None else env
    path = path or env.get("TRACKMON_CONFIG") or None
    data: dict[str, Any] = read_toml(path) if path else {}
    data = _merge(data, _env_overrides(env))
    if overrides:
        data = _merge(data, overrides)
    source = f" in {path}" if path else ""
    try:
        if "carriers" in data:
            data = {**data, "carriers": _carrier_sections(data["carriers"])}
        return _with_token_file(Settings.model_validate(data))
    except _CarrierInvalid as bad:
        raise _config_error(bad.error, source, prefix=("carriers", bad.carrier)) from None
    except ValidationError as exc:
        raise _config_error(exc.errors()[0], source) from None


class _CarrierInvalid(Exception):
    def __init__(self, carrier: str, error: Any) -> None:
        super().__init__(carrier)
        self.carrier, self.error = carrier, error


def _carrier_sections(sections: Any) -> Any:
    """Each carrier's section validated by its manifest's settings model; unknown names refused."""
    from carriers import registry
    if not isinstance(sections, Mapping):
        return sections  # the model reports the wrong type
    known = carrier_names()
    unknown = set(sections) - set(known)
    if unknown:
        raise ConfigError(f"unknown carrier section(s): {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(known)}", key="carriers")
    out: dict[str, Any] = {}
    for name, section in sections.items():
        model = registry.manifests()[name].settings_model()
        if isinstance(section, BaseModel) and not isinstance(section, model):
            section = section.model_dump()
        try:
            out[name] = section if isinstance(section, model) else model.model_validate(section)
        except ValidationError as exc:
            raise _CarrierInvalid(name, exc.errors()[0]) from None
    return out


def _config_error(first: Any, source: str, prefix: tuple[str, ...] = ()) -> ConfigError:
    key = ".".join(str(p) for p in (*prefix, *first["loc"]))
    got = "***" if SECRET_KEYS.search(key) else mask_text(repr(first.get("input")))
    return ConfigError(f"setting {key!r}{source}: {first['msg']} (got {got})", key=key)


def _with_token_file(settings: Settings) -> Settings:
    """`api.token` read from `api.token_file` when no token is given directly. A missing or
    empty file leaves the API without a token (the API then serves only its anonymous routes
    and refuses a public address, naming the file); an unreadable one is an error."""
    api = settings.api
    if not api.token_file or (api.token is not None and api.token.get_secret_value()):
        return settings
    try:
        token = Path(api.token_file).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return settings
    except OSError as exc:
        raise ConfigError(f"api.token_file {api.token_file}: {exc.strerror or exc}", key="api.token_file") from None
    if not token:
        return settings
    return settings.model_copy(update={"api": api.model_copy(update={"token": SecretStr(token)})})


def _env_name(carrier: str) -> str:
    return carrier.upper().replace("-", "_")


def env_var_for(carrier: str, key: str) -> str:
    """The environment variable that sets `key` of `carrier` (for error messages)."""
    return f"TRACKMON_{_env_name(carrier)}_{key.upper()}"
