"""Database tables (SQLModel). They persist state only; domain logic never imports them.

Idempotency lives in unique keys: events (shipment + fingerprint), alerts (dedupe_key),
messages (idempotency_key), digest runs (store + period + period_key), webhook receipts.
All datetimes are stored as UTC and come back aware (`UTCDateTime`).

Strings from outside (carrier answers) are cut to their column's length with a marker by
`fit` / `fit_row` / `fit_instance`, which read the length from the table itself: PostgreSQL
refuses an over-long value where SQLite would store it, so nothing longer is ever sent.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import Any

import structlog
from sqlalchemy import JSON, Column, DateTime, Index, String, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

log = structlog.get_logger("trackmon.models")

#: Marks a value cut to fit its column.
CUT_MARKER = "…"


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC (naive in SQLite) and always returns aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_column(*, index: bool = False, nullable: bool = True) -> Any:
    return Field(default=None, sa_type=UTCDateTime, index=index, nullable=nullable)


def json_field() -> Any:
    return Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Order(SQLModel, table=True):
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("store", "order_id", name="uq_orders_store_order"),)

    id: int | None = Field(default=None, primary_key=True)
    store: str = Field(default="default", max_length=100)
    order_id: str = Field(max_length=100)
    buyer_name: str | None = Field(default=None, max_length=200)
    buyer_email: str | None = Field(default=None, max_length=320)  # None: no address (AliExpress, Amazon)
    buyer_language: str | None = Field(default=None, max_length=10)
    buyer_country: str | None = Field(default=None, max_length=2)
    buyer_timezone: str | None = Field(default=None, max_length=64)
    shipped_at: datetime | None = utc_column()
    promised_delivery: date | None = None
    # when the planner must look at this order again with no new tracking (the next weekly
    # check-in, a pickup reminder); None: at the next cycle
    plan_after: datetime | None = utc_column(index=True)
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class Shipment(SQLModel, table=True):
    __tablename__ = "shipments"
    __table_args__ = (
        UniqueConstraint("order_pk", "tracking_number", name="uq_shipments_order_number"),
        Index("ix_shipments_due", "active", "next_poll_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_pk: int = Field(foreign_key="orders.id", index=True)
    tracking_number: str = Field(max_length=60, index=True)
    carrier: str | None = Field(default=None, max_length=40)   # detected or given
    source: str | None = Field(default=None, max_length=40)    # adapter that tracks it
    status: str = Field(default="not_found", max_length=30)
    sub_status: str | None = Field(default=None, max_length=40)
    raw_status: str | None = Field(default=None, max_length=120)
    status_changed_at: datetime | None = utc_column()
    first_event_at: datetime | None = utc_column()
    last_event_at: datetime | None = utc_column()
    last_event_description: str | None = None
    last_event_location: str | None = Field(default=None, max_length=200)
    first_movement_at: datetime | None = utc_column()  # first event past label/info-received
    departed_origin_at: datetime | None = utc_column()
    arrived_destination_at: datetime | None = utc_column()
    delivered_at: datetime | None = utc_column()
    origin_country: str | None = Field(default=None, max_length=2)
    destination_country: str | None = Field(default=None, max_length=2)
    last_mile_carrier: str | None = Field(default=None, max_length=80)
    # the carrier the aggregator (17TRACK, AfterShip) says it tracks the number as; differs
    # from `carrier` (offline identification or the seller's) → flagged (trackmon/carrier_check.py)
    aggregator_carrier: str | None = Field(default=None, max_length=40)
    # digest of the last answer when the stored history is exactly that answer's events
    # (`trackmon.answer_digest`): the same answer again needs no history read and no diff
    answer_digest: str | None = Field(default=None, max_length=32)
    # what detection reads of that history (`trackmon.detect_basis`), kept with the digest:
    # an unchanged answer is checked for exceptions without reading the events
    detection_basis: str | None = None
    eta_from: date | None = None
    eta_to: date | None = None
    active: bool = Field(default=True)
    next_poll_at: datetime | None = utc_column()
    last_polled_at: datetime | None = utc_column()
    poll_failures: int = Field(default=0)
    last_error: str | None = None
    lease_owner: str | None = Field(default=None, max_length=80)
    lease_expires_at: datetime | None = utc_column()
    registered_at: datetime | None = utc_column()  # with an aggregator that needs registering
    retired_at: datetime | None = utc_column()
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ShipmentEvent(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("shipment_id", "fingerprint", name="uq_events_fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipments.id", index=True)
    fingerprint: str = Field(max_length=40)
    time: datetime = Field(sa_type=UTCDateTime, nullable=False)
    description: str = ""
    location: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=30)
    sub_status: str | None = Field(default=None, max_length=40)
    raw_code: str | None = Field(default=None, max_length=80)
    utc_offset_minutes: int | None = None
    country: str | None = Field(default=None, max_length=2)
    first_seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class Alert(SQLModel, table=True):
    __tablename__ = "alerts"

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=200, unique=True)  # order:shipment:kind:cause
    order_pk: int = Field(foreign_key="orders.id", index=True)
    shipment_id: int | None = Field(default=None, foreign_key="shipments.id", index=True)
    kind: str = Field(max_length=30, index=True)
    cause: str = Field(default="", max_length=120)
    reason: str = ""
    since: datetime | None = utc_column()
    details: dict[str, Any] = json_field()
    opened_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    last_seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    resolved_at: datetime | None = utc_column(index=True)
    resolved_by: str | None = Field(default=None, max_length=40)  # "auto" | "manual"
    snoozed_until: datetime | None = utc_column()  # hidden from the console's exceptions until then
    seller_action: str | None = Field(default=None, max_length=20)  # "reshipped" | "refunded"
    seller_action_at: datetime | None = utc_column()


class Message(SQLModel, table=True):
    """The transactional outbox of buyer messages."""

    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_due", "state", "next_attempt_at"),
        Index("ix_messages_recipient", "recipient", "next_attempt_at"),  # per-buyer daily cap
    )

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(max_length=200, unique=True)  # order:kind:cause
    order_pk: int = Field(foreign_key="orders.id", index=True)
    shipment_id: int | None = Field(default=None, foreign_key="shipments.id")
    alert_id: int | None = Field(default=None, foreign_key="alerts.id")
    kind: str = Field(max_length=40)
    cause: str = Field(default="", max_length=120)
    priority: int = Field(default=0)  # exception messages outrank routine ones
    channel: str = Field(max_length=20)
    recipient: str = Field(max_length=320)
    language: str = Field(default="en", max_length=10)
    context: dict[str, Any] = json_field()
    state: str = Field(default="queued", max_length=20, index=True)
    # queued | sending | sent | failed | superseded | disabled
    next_attempt_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    attempts: int = Field(default=0)
    lease_owner: str | None = Field(default=None, max_length=80)
    lease_expires_at: datetime | None = utc_column()
    message_id: str | None = Field(default=None, max_length=200)  # RFC 5322 Message-ID
    provider_id: str | None = Field(default=None, max_length=200)
    subject: str | None = None
    last_error: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    sent_at: datetime | None = utc_column()


class DigestRun(SQLModel, table=True):
    """One seller digest per store, period and period key: sent exactly once."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("store", "period", "period_key", name="uq_digest_period"),)

    id: int | None = Field(default=None, primary_key=True)
    store: str = Field(max_length=100)
    period: str = Field(max_length=10)      # "daily" | "weekly"
    period_key: str = Field(max_length=20)  # "2026-11-27" | "2026-W48"
    window_start: datetime = Field(sa_type=UTCDateTime, nullable=False)
    window_end: datetime = Field(sa_type=UTCDateTime, nullable=False)
    state: str = Field(default="claimed", max_length=20)  # claimed | sent | failed | empty
    lease_owner: str | None = Field(default=None, max_length=80)
    lease_expires_at: datetime | None = utc_column()
    summary: dict[str, Any] = json_field()
    error: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    sent_at: datetime | None = utc_column()


class LaneStat(SQLModel, table=True):
    """Learned transit figures per lane (carrier, destination country, stage)."""

    __tablename__ = "lane_stats"
    __table_args__ = (UniqueConstraint("carrier", "destination_country", "stage", name="uq_lane"),)

    id: int | None = Field(default=None, primary_key=True)
    carrier: str = Field(max_length=40)
    destination_country: str = Field(max_length=2)
    stage: str = Field(max_length=30)  # "total" | "international" | "destination"
    samples: int = 0
    median_days: float = 0.0
    p90_days: float = 0.0
    p95_days: float = 0.0
    updated_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class WebhookReceipt(SQLModel, table=True):
    """Pushes already accepted: a replay of the same body is refused."""

    __tablename__ = "webhook_receipts"
    __table_args__ = (UniqueConstraint("provider", "body_sha256", name="uq_webhook_body"),)

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=20)
    body_sha256: str = Field(max_length=64)
    received_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)


class JobRun(SQLModel, table=True):
    """Singleton jobs: one row per job and period, claimed by exactly one replica."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "period_key", name="uq_job_period"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=60)
    period_key: str = Field(max_length=40)
    owner: str = Field(max_length=80)
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    finished_at: datetime | None = utc_column()


class Installation(SQLModel, table=True):
    """This installation's secret (one row, id 1): signs buyer links, names Message-IDs."""

    __tablename__ = "installation"

    id: int = Field(primary_key=True)
    secret: str = Field(max_length=64)  # 32 random bytes, hex
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class BuyerOptOut(SQLModel, table=True):
    """A buyer who asked for no more proactive updates from one store (RFC 8058 one-click,
    or the confirmation page). One row per store and address."""

    __tablename__ = "buyer_opt_outs"
    __table_args__ = (UniqueConstraint("store", "email", name="uq_opt_out_store_email"),)

    id: int | None = Field(default=None, primary_key=True)
    store: str = Field(max_length=100)
    email: str = Field(max_length=320)          # the buyer address as stored on orders
    order_pk: int | None = Field(default=None)  # the order whose email carried the link
    via: str = Field(default="one-click", max_length=20)  # "one-click" | "page"
    opted_out_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


def cut(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, the last one being `CUT_MARKER`."""
    if len(value) <= limit:
        return value
    return value[:max(limit - len(CUT_MARKER), 0)] + CUT_MARKER[:limit]


@functools.cache
def column_length(model: type[SQLModel], name: str) -> int | None:
    """The declared length of a string column (None: unbounded or not a string); read once."""
    return _string_length(model.__table__.c[name])  # type: ignore[attr-defined]


@functools.cache
def _bounded_columns(model: type[SQLModel]) -> tuple[tuple[str, int], ...]:
    """(attribute, length) of every string column with a length."""
    return tuple((column.key, limit) for column in model.__table__.c  # type: ignore[attr-defined]
                 if (limit := _string_length(column)))


def _string_length(column: Column[Any]) -> int | None:
    kind = column.type
    impl = getattr(kind, "impl", kind)  # SQLModel's AutoString decorates String
    return kind.length if isinstance(impl, String) and getattr(kind, "length", None) else None  # type: ignore[attr-defined]


def fit(model: type[SQLModel], name: str, value: str | None) -> str | None:
    """`value` cut to the length of `model`'s column `name` (a cut is logged)."""
    if value is None:
        return None
    limit = column_length(model, name)
    if limit is None or len(value) <= limit:
        return value
    log.warning("value.cut", table=model.__tablename__, column=name, length=len(value), limit=limit)
    return cut(value, limit)


def fit_row(model: type[SQLModel], row: dict[str, Any]) -> dict[str, Any]:
    """A copy of `row` (column → value) with every string cut to its column's length."""
    return {k: fit(model, k, v) if isinstance(v, str) else v for k, v in row.items()}


def model_of(obj: Any) -> type[SQLModel]:
    """The table model of a model instance, or of a plain row object of the batch store
    (`trackmon.batch.rows`, whose class names its model in `__model__`)."""
    return getattr(type(obj), "__model__", type(obj))


def fit_instance(obj: Any) -> None:
    """Cut every string attribute of a table row object to its column's length, in place."""
    model = model_of(obj)
    for key, limit in _bounded_columns(model):
        value = getattr(obj, key, None)
        if isinstance(value, str) and len(value) > limit:
            setattr(obj, key, fit(model, key, value))
