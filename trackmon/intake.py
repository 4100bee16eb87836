"""Intake: validate order rows and upsert orders and shipments (shared by CSV and the API).

One row = one parcel of one order: `order_id`, `tracking_number` and `buyer_email` are
required. Several rows with one (store, order_id) are one order shipped in several parcels.
Upserts are idempotent: applying the same row twice changes nothing the second time.
Empty optional values never erase what is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import available_timezones

import structlog
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from carriers.numbers import detect_carrier
from trackmon.addresses import check_address
from trackmon.errors import InputError, InvalidTrackingNumber
from trackmon.models import Order, Shipment

log = structlog.get_logger("trackmon.intake")

REQUIRED_COLUMNS = ("order_id", "tracking_number", "buyer_email")
OPTIONAL_COLUMNS = ("carrier", "buyer_name", "buyer_language", "buyer_country", "buyer_timezone",
                    "shipped_at", "promised_delivery", "store")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
DEFAULT_STORE = "default"

_LANGUAGE = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})?$")
_CARRIER = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_LIMITS = {"store": 100, "order_id": 100, "buyer_name": 200, "buyer_email": 320}


class Outcome(StrEnum):
    added = "added"          # a new parcel (and maybe a new order)
    updated = "updated"      # the order or parcel existed and something changed
    unchanged = "unchanged"  # nothing to do: already stored as given


@dataclass(frozen=True, slots=True)
class IntakeRow:
    """A validated row: normalized values, ready to upsert."""

    order_id: str
    tracking_number: str
    buyer_email: str
    store: str = DEFAULT_STORE
    carrier: str | None = None
    buyer_name: str | None = None
    buyer_language: str | None = None
    buyer_country: str | None = None
    buyer_timezone: str | None = None
    shipped_at: datetime | None = None
    promised_delivery: date | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int | None
    reason: str


@dataclass
class IntakeReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": len(self.rejected),
                "rejections": [{"line": r.line, "reason": r.reason} for r in self.rejected]}


# ------------------------------------------------------------------ validation (pure)

@cache
def _countries() -> frozenset[str]:
    text = (resources.files("tzdata.zoneinfo") / "iso3166.tab").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines()
                     if line and not line.startswith("#"))


@cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def _text(raw: Mapping[str, Any], name: str, line: int | None) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    if "\r" in value or "\n" in value or "\x00" in value:
        raise InputError(f"{name} contains a line break or NUL character", line=line, field=name)
    value = value.strip()
    if name in _LIMITS and len(value) > _LIMITS[name]:
        raise InputError(f"{name} is {len(value)} characters long, at most {_LIMITS[name]} allowed",
                         line=line, field=name)
    return value or None


def parse_shipped_at(value: str) -> datetime:
    """ISO 8601 date or date-time; no zone means UTC."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"shipped_at {value!r} is not an ISO 8601 date or time "
                         "(e.g. 2026-11-20 or 2026-11-20T08:30:00+08:00)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def validate_row(raw: Mapping[str, Any], *, line: int | None = None) -> IntakeRow:
    """Check and normalize one row; raises InputError naming the field and the problem."""
    values = {name: _text(raw, name, line) for name in COLUMNS}
    for key in raw:
        if key not in values and isinstance(raw[key], str) and ("\r" in raw[key] or "\n" in raw[key]):
            raise InputError(f"{key} contains a line break", line=line, field=str(key))
    for name in REQUIRED_COLUMNS:
        if not values[name]:
            raise InputError(f"{name} is empty (required)", line=line, field=name)
    email = check_address(values["buyer_email"] or "", field="buyer_email", line=line).normalized
    carrier = values["carrier"].lower() if values["carrier"] else None
    if carrier is not None and not _CARRIER.match(carrier):
        raise InputError(f"carrier {carrier!r} is not a carrier name (letters, digits, dashes: "
                         "ups, usps, china-post...)", line=line, field="carrier")
    try:
        ident = detect_carrier(values["tracking_number"] or "")
    except InvalidTrackingNumber as exc:
        raise InputError(f"tracking_number {exc.number!r}: {exc.reason}", line=line,
                         field="tracking_number") from None
    language = values["buyer_language"]
    if language is not None:
        m = _LANGUAGE.match(language)
        if not m:
            raise InputError(f"buyer_language {language!r} is not a 2-letter language code (en, de, ru...)",
                             line=line, field="buyer_language")
        language = m.group(1).lower()
    country = values["buyer_country"]
    if country is not None:
        country = country.upper()
        if country not in _countries():
            raise InputError(f"buyer_country {values['buyer_country']!r} is not an ISO 3166 alpha-2 "
                             "country code (US, DE, BR...)", line=line, field="buyer_country")
    tz = values["buyer_timezone"]
    if tz is not None and tz not in _timezones():
        raise InputError(f"buyer_timezone {tz!r} is not a time zone name (e.g. Europe/Berlin)",
                         line=line, field="buyer_timezone")
    shipped_at = None
    if values["shipped_at"]:
        try:
            shipped_at = parse_shipped_at(values["shipped_at"])
        except ValueError as exc:
            raise InputError(str(exc), line=line, field="shipped_at") from None
    promised = None
    if values["promised_delivery"]:
        try:
            promised = date.fromisoformat(values["promised_delivery"])
        except ValueError:
            raise InputError(f"promised_delivery {values['promised_delivery']!r} is not a date "
                             "(YYYY-MM-DD)", line=line, field="promised_delivery") from None
    return IntakeRow(
        order_id=values["order_id"] or "", tracking_number=ident.number, buyer_email=email,
        store=values["store"] or DEFAULT_STORE, carrier=carrier or ident.carrier,
        buyer_name=values["buyer_name"], buyer_language=language, buyer_country=country,
        buyer_timezone=tz, shipped_at=shipped_at, promised_delivery=promised,
    )


# ------------------------------------------------------------------ upsert (database)

_ORDER_FIELDS = tuple(f.name for f in fields(IntakeRow)
                      if f.name not in {"order_id", "store", "tracking_number", "carrier"})


def apply_row(session: Session, row: IntakeRow, now: datetime) -> tuple[Outcome, Order, Shipment]:
    """Upsert the order and the parcel of one validated row (no commit)."""
    order = session.exec(select(Order).where(Order.store == row.store,
                                             Order.order_id == row.order_id)).first()
    outcome = Outcome.unchanged
    if order is None:
        order = Order(store=row.store, order_id=row.order_id, created_at=now, updated_at=now,
                      **{name: getattr(row, name) for name in _ORDER_FIELDS})
        session.add(order)
        session.flush()
        outcome = Outcome.added
    else:
        changed = False
        for name in _ORDER_FIELDS:
            value = getattr(row, name)
            if value is not None and getattr(order, name) != value:
                setattr(order, name, value)
                changed = True
        if changed:
            order.updated_at = now
            outcome = Outcome.updated
    assert order.id is not None
    shipment = session.exec(select(Shipment).where(
        Shipment.order_pk == order.id, Shipment.tracking_number == row.tracking_number)).first()
    if shipment is None:
        shipment = Shipment(order_pk=order.id, tracking_number=row.tracking_number,
                            carrier=row.carrier, next_poll_at=now, created_at=now)
        session.add(shipment)
        session.flush()
        outcome = Outcome.added
    elif row.carrier and shipment.carrier != row.carrier:
        shipment.carrier = row.carrier
        if outcome is Outcome.unchanged:
            outcome = Outcome.updated
    return outcome, order, shipment


def import_rows(engine: Engine, rows: Iterable[tuple[int | None, Mapping[str, Any]]], now: datetime,
                *, chunk_size: int = 500, report: IntakeReport | None = None) -> IntakeReport:
    """Validate and upsert numbered rows: one transaction per chunk, a savepoint per row.

    A bad row is rejected with its line number and reason; it never aborts the others.
    """
    report = report or IntakeReport()
    chunk: list[tuple[int | None, Mapping[str, Any]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= chunk_size:
            _import_chunk(engine, chunk, now, report)
            chunk = []
    if chunk:
        _import_chunk(engine, chunk, now, report)
    log.info("intake.imported", added=report.added, updated=report.updated,
             unchanged=report.unchanged, rejected=len(report.rejected))
    return report


def _import_chunk(engine: Engine, chunk: list[tuple[int | None, Mapping[str, Any]]], now: datetime,
                  report: IntakeReport) -> None:
    valid: list[tuple[int | None, IntakeRow]] = []
    for line, raw in chunk:
        try:
            valid.append((line, validate_row(raw, line=line)))
        except InputError as exc:
            report.rejected.append(Rejection(line, _reason(exc)))
    if not valid:
        return
    outcomes: list[Outcome] = []
    with Session(engine) as session, session.begin():
        for line, row in valid:
            try:
                with session.begin_nested():
                    outcome, _, _ = apply_row(session, row, now)
                outcomes.append(outcome)
            except SQLAlchemyError as exc:
                log.warning("intake.row_failed", line=line, error=str(exc.__cause__ or exc)[:200])
                report.rejected.append(Rejection(line, f"the database refused it: "
                                                       f"{str(exc.__cause__ or exc).splitlines()[0][:200]}"))
    for outcome in outcomes:  # counted only once the chunk is committed
        report.count(outcome)


def _reason(exc: InputError) -> str:
    text = str(exc)
    prefix = f"line {exc.line}: "
    return text[len(prefix):] if exc.line is not None and text.startswith(prefix) else text


__all__ = [
    "COLUMNS", "DEFAULT_STORE", "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "IntakeReport", "IntakeRow",
    "Outcome", "Rejection", "apply_row", "import_rows", "parse_shipped_at", "validate_row",
]
