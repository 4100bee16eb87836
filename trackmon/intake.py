"""Intake: validate order rows and upsert orders and shipments (shared by CSV and the API).

One row = one parcel of one order: `order_id` and `tracking_number` are required; the buyer's
email is optional (AliExpress and Amazon do not give it to sellers: such orders are tracked
and alerted like any other, their buyer messages go to the manual channel — see
`trackmon.messaging.channels.manual.has_no_email`). Several rows with one (store, order_id)
are one order shipped in several parcels. Values are read as shops write them (`trackmon.intake_formats`): country and
language names, dates in the shops' formats, Excel's `'…` and `="…"` guards.
Upserts are idempotent: applying the same row twice changes nothing the second time.
Empty optional values never erase what is stored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any
from zoneinfo import available_timezones

import structlog
from sqlalchemy import Engine, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from carriers.numbers import detect_carrier
from trackmon.addresses import check_address
from trackmon.errors import InputError, InvalidTrackingNumber
from trackmon.intake_formats import (
    clean_cell,
    iso_countries,
    normalize_carrier,
    parse_country,
    parse_day,
    parse_language,
    parse_when,
)
from trackmon.models import Order, Shipment

log = structlog.get_logger("trackmon.intake")

REQUIRED_COLUMNS = ("order_id", "tracking_number")
OPTIONAL_COLUMNS = ("buyer_email", "carrier", "buyer_name", "buyer_language", "buyer_country", "buyer_timezone",
                    "shipped_at", "promised_delivery", "store")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
DEFAULT_STORE = "default"

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
    buyer_email: str | None = None
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
    skipped: int = 0  # rows of an export with no tracking number yet (not shipped): not an error
    warnings: Counter[str] = field(default_factory=Counter)  # reason → rows

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    @property
    def processed(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.rejected) + self.skipped

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": len(self.rejected), "skipped": self.skipped,
                "rejections": [{"line": r.line, "reason": r.reason} for r in self.rejected],
                "warnings": [{"reason": k, "rows": n} for k, n in sorted(self.warnings.items())]}


# ------------------------------------------------------------------ validation (pure)

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
    value = clean_cell(value) or ""
    if name in _LIMITS and len(value) > _LIMITS[name]:
        raise InputError(f"{name} is {len(value)} characters long, at most {_LIMITS[name]} allowed",
                         line=line, field=name)
    return value or None


def parse_shipped_at(value: str, *, date_order: str | None = None) -> datetime:
    """A date or date-time as shops write it (ISO 8601, 20.11.2026, 11/20/2026, Excel serial);
    no zone means UTC."""
    return parse_when(value, date_order=date_order, field="shipped_at")


def validate_row(raw: Mapping[str, Any], *, line: int | None = None, date_order: str | None = None) -> IntakeRow:
    """Check and normalize one row; raises InputError naming the field and the problem.

    `date_order` ("dmy" or "mdy") reads 03/04/2026-style dates; without it such a date is
    refused as ambiguous (20/11/2026 and 11/20/2026 are read either way)."""
    values = {name: _text(raw, name, line) for name in COLUMNS}
    for key in raw:
        if key not in values and isinstance(raw[key], str) and ("\r" in raw[key] or "\n" in raw[key]):
            raise InputError(f"{key} contains a line break", line=line, field=str(key))
    for name in REQUIRED_COLUMNS:
        if not values[name]:
            raise InputError(f"{name} is empty (required)", line=line, field=name)
    email = check_address(values["buyer_email"], field="buyer_email", line=line).normalized \
        if values["buyer_email"] else None
    carrier = normalize_carrier(values["carrier"])  # "China Post" → china-post
    if carrier is not None and not _CARRIER.match(carrier):
        raise InputError(f"carrier {carrier!r} is not a carrier name (letters, digits, dashes: "
                         "ups, usps, china-post...)", line=line, field="carrier")
    try:
        ident = detect_carrier(values["tracking_number"] or "")
    except InvalidTrackingNumber as exc:
        raise InputError(f"tracking_number {exc.number!r}: {exc.reason}", line=line,
                         field="tracking_number") from None
    try:
        language = parse_language(values["buyer_language"]) if values["buyer_language"] else None
        country = parse_country(values["buyer_country"]) if values["buyer_country"] else None
    except ValueError as exc:
        name = "buyer_language" if str(exc).startswith("buyer_language") else "buyer_country"
        raise InputError(str(exc), line=line, field=name) from None
    if country is not None and country not in iso_countries():
        raise InputError(f"buyer_country {values['buyer_country']!r} is not an ISO 3166 country "
                         "(US, DE, BR...)", line=line, field="buyer_country")
    tz = values["buyer_timezone"]
    if tz is not None and tz not in _timezones():
        raise InputError(f"buyer_timezone {tz!r} is not a time zone name (e.g. Europe/Berlin)",
                         line=line, field="buyer_timezone")
    shipped_at = promised = None
    try:
        if values["shipped_at"]:
            shipped_at = parse_shipped_at(values["shipped_at"], date_order=date_order)
        if values["promised_delivery"]:
            promised = parse_day(values["promised_delivery"], date_order=date_order)
    except ValueError as exc:
        name = "promised_delivery" if str(exc).startswith("promised_delivery") else "shipped_at"
        raise InputError(str(exc), line=line, field=name) from None
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
    [(outcome, order_pk, shipment_pk)] = apply_rows(session, [row], now)
    order, shipment = session.get(Order, order_pk), session.get(Shipment, shipment_pk)
    assert order is not None and shipment is not None
    return outcome, order, shipment



def _insert_ids(session: Session, model: Any, rows: list[dict[str, Any]], *keys: str) -> dict[tuple[Any, ...], int]:
    """Insert `rows` into `model`'s table in one statement; their new ids by their key columns."""
    table = model.__table__
    result = session.execute(insert(table).returning(table.c.id, *(table.c[k] for k in keys)), rows)
    return {tuple(key): pk for pk, *key in result}

def apply_rows(session: Session, rows: list[IntakeRow], now: datetime) -> list[tuple[Outcome, int, int]]:
    """Upsert the orders and parcels of validated rows (no commit), as if applied one by one;
    returns (outcome, order pk, shipment pk) per row. One query loads the orders, one their
    parcels, one insert adds the new orders and one the new parcels."""
    keys = {(r.store, r.order_id) for r in rows}
    stored: dict[tuple[str, str], Order] = {}
    for order in session.exec(select(Order).where(col(Order.order_id).in_({k[1] for k in keys}))).all():
        if (order.store, order.order_id) in keys:
            stored[(order.store, order.order_id)] = order
    new: dict[tuple[str, str], dict[str, Any]] = {}  # orders first seen in these rows
    order_outcomes: list[Outcome] = []
    for row in rows:
        key = (row.store, row.order_id)
        target: Any = stored.get(key) or new.get(key)
        if target is None:
            new[key] = {"store": row.store, "order_id": row.order_id, "created_at": now, "updated_at": now,
                        **{name: getattr(row, name) for name in _ORDER_FIELDS}}
            order_outcomes.append(Outcome.added)
            continue
        changes = {name: value for name in _ORDER_FIELDS
                   if (value := getattr(row, name)) is not None and _get(target, name) != value}
        if changes:
            for name, value in {**changes, "updated_at": now}.items():
                _set(target, name, value)
        order_outcomes.append(Outcome.updated if changes else Outcome.unchanged)
    pks = {key: order.id for key, order in stored.items()}
    if new:
        pks.update(_insert_ids(session, Order, list(new.values()), "store", "order_id"))
    parcels: dict[tuple[int, str], Any] = {}
    if stored:
        for sh in session.exec(select(Shipment).where(col(Shipment.order_pk).in_(
                [o.id for o in stored.values()]))).all():
            parcels[(sh.order_pk, sh.tracking_number)] = sh
    new_parcels: dict[tuple[int, str], dict[str, Any]] = {}
    outcomes: list[Outcome] = []
    for row, outcome in zip(rows, order_outcomes, strict=True):
        pk = pks[(row.store, row.order_id)]
        found = parcels.get((pk, row.tracking_number)) or new_parcels.get((pk, row.tracking_number))
        if found is None:
            new_parcels[(pk, row.tracking_number)] = {
                "order_pk": pk, "tracking_number": row.tracking_number, "carrier": row.carrier,
                "next_poll_at": now, "created_at": now}
            outcome = Outcome.added
        elif row.carrier and _get(found, "carrier") != row.carrier:
            _set(found, "carrier", row.carrier)
            if outcome is Outcome.unchanged:
                outcome = Outcome.updated
        outcomes.append(outcome)
    session.flush()  # the changes to stored orders and parcels
    shipment_pks = {key: sh.id for key, sh in parcels.items()}
    if new_parcels:
        shipment_pks.update(_insert_ids(session, Shipment, list(new_parcels.values()), "order_pk", "tracking_number"))
    return [(outcome, pks[(r.store, r.order_id)], shipment_pks[(pks[(r.store, r.order_id)], r.tracking_number)])
            for r, outcome in zip(rows, outcomes, strict=True)]


def _get(target: Any, name: str) -> Any:
    return target[name] if isinstance(target, dict) else getattr(target, name)


def _set(target: Any, name: str, value: Any) -> None:
    if isinstance(target, dict):
        target[name] = value
    else:
        setattr(target, name, value)


Progress = Callable[[int], None]  # called with the number of rows handled so far


@dataclass(frozen=True, slots=True)
class RowOptions:
    """How rows are read: the date order for 03/04/2026, and the languages with templates
    (a buyer language outside them is stored and counted in a warning: messages fall back)."""

    date_order: str | None = None
    languages: Collection[str] | None = None
    fallback_language: str = "en"


def import_rows(engine: Engine, rows: Iterable[tuple[int | None, Mapping[str, Any]]], now: datetime,
                *, chunk_size: int = 500, report: IntakeReport | None = None,
                options: RowOptions | None = None, progress: Progress | None = None) -> IntakeReport:
    """Validate and upsert numbered rows: one transaction per chunk, a savepoint per row.

    A bad row is rejected with its line number and reason; it never aborts the others.
    `progress(n)` is called after each committed chunk with the rows handled so far.
    """
    report = report or IntakeReport()
    options = options or RowOptions()
    chunk: list[tuple[int | None, Mapping[str, Any]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= chunk_size:
            _import_chunk(engine, chunk, now, report, options)
            chunk = []
            if progress is not None:
                progress(report.processed)
    if chunk:
        _import_chunk(engine, chunk, now, report, options)
    if progress is not None:
        progress(report.processed)
    log.info("intake.imported", added=report.added, updated=report.updated,
             unchanged=report.unchanged, rejected=len(report.rejected), skipped=report.skipped)
    return report


def _import_chunk(engine: Engine, chunk: list[tuple[int | None, Mapping[str, Any]]], now: datetime,
                  report: IntakeReport, options: RowOptions) -> None:
    valid: list[tuple[int | None, IntakeRow]] = []
    for line, raw in chunk:
        try:
            row = validate_row(raw, line=line, date_order=options.date_order)
        except InputError as exc:
            report.rejected.append(Rejection(line, _reason(exc)))
            continue
        valid.append((line, row))
        lang = row.buyer_language
        if lang and options.languages is not None and lang not in options.languages:
            report.warnings[f"buyer language {lang!r} has no message templates: "
                            f"these buyers are written to in {options.fallback_language}"] += 1
    if not valid:
        return
    outcomes: list[Outcome] = []
    try:  # the whole chunk at once; if the database refuses something, row by row below
        with Session(engine) as session, session.begin():
            outcomes = [o for o, _, _ in apply_rows(session, [row for _, row in valid], now)]
    except SQLAlchemyError as exc:
        log.info("intake.chunk_row_by_row", rows=len(valid), error=str(exc.__cause__ or exc)[:200])
        outcomes = []
    else:
        for outcome in outcomes:
            report.count(outcome)
        return
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
    "COLUMNS",
    "DEFAULT_STORE",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "IntakeReport",
    "IntakeRow",
    "Outcome",
    "Rejection",
    "RowOptions",
    "apply_row",
    "apply_rows",
    "import_rows",
    "parse_shipped_at",
    "validate_row",
]
