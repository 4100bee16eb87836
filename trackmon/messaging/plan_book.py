"""What planning reads and writes for a set of orders: one query per table, one insert.

`PlanBook.load(orders)` reads, for all of them at once, the message keys that exist, the
buyers' messages around now (for the daily and weekly caps; shared by orders of the same
buyer) and each order's latest message (what it said, rendered only when compared, and only
up to the first difference: `repeats`). The
planner (`planner.plan_order`) adds the messages it decides on to the book; `write()`
inserts them in one statement (INSERT … ON CONFLICT DO NOTHING, so a key that another
writer stored meanwhile is kept as it is) and writes the orders' next review times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import bindparam, or_, select, update
from sqlmodel import Session, col

from trackmon.errors import TemplateError
from trackmon.messaging.channels.manual import recipient_for
from trackmon.messaging.render import Renderer, load_renderer
from trackmon.messaging.states import ACTIVE_STATES
from trackmon.messaging.text_stream import same_text
from trackmon.models import Message, Order
from trackmon.settings import Settings
from trackmon.store import insert_ignore

log = structlog.get_logger("trackmon.messaging.planner")



@dataclass(slots=True)
class Slot:
    """A buyer message as the caps see it (no need to load its context). `row`: planned in
    this book, not written yet (a supersede changes the row, not the database)."""

    id: int | None
    kind: str
    state: str
    at: datetime  # sent_at when sent, else next_attempt_at
    row: dict[str, Any] | None = None


@dataclass(slots=True)
class Previous:
    """The order's latest message: when it was queued and what it said."""

    at: datetime
    text: str | None = None                              # None: not rendered; "": its template failed
    source: tuple[str, str, dict[str, Any]] | None = None  # kind, language, context: to render


def _guarded(make: Callable[[], Iterator[str]], failed: list[TemplateError]) -> Iterator[str]:
    """The pieces of a text; a template failure ends them and is noted in `failed`."""
    try:
        yield from make()
    except TemplateError as exc:
        failed.append(exc)


@dataclass(slots=True)
class PlanBook:
    session: Session
    settings: Settings
    now: datetime
    renderer: Renderer = field(init=False)
    existing: dict[int, set[str]] = field(default_factory=dict)
    slots: dict[str, list[Slot]] = field(default_factory=dict)
    previous: dict[int, Previous | None] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    reviews: dict[int, datetime] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.renderer = load_renderer(self.settings)

    def load(self, orders: Iterable[Order]) -> None:
        """Read what planning needs for `orders` (those not read yet): 3 queries in all, 2 when
        none of them has a message yet."""
        todo = [o for o in orders if o.id is not None and o.id not in self.existing]
        if not todo:
            return
        pks = [o.id for o in todo]
        for pk in pks:
            self.existing[pk or 0] = set()
            self.previous[pk or 0] = None
        m = Message
        for order_pk, key in self.session.execute(
                select(m.order_pk, m.idempotency_key).where(col(m.order_pk).in_(pks))):
            self.existing[order_pk].add(key)
        having = [pk for pk in pks if self.existing[pk or 0]]  # an order with no message has no latest one
        if having:
            latest = self.session.execute(
                select(m.order_pk, m.kind, m.language, m.context, m.created_at)
                .where(col(m.order_pk).in_(having), col(m.state).in_(ACTIVE_STATES))
                .order_by(col(m.order_pk), col(m.created_at).desc(), col(m.id).desc()))
            for order_pk, kind, language, context, created_at in latest:
                if self.previous.get(order_pk) is None:
                    self.previous[order_pk] = Previous(created_at, None, (kind, language, context))
        recipients = sorted({recipient_for(o) for o in todo} - set(self.slots))
        for recipient in recipients:
            self.slots[recipient] = []
        if recipients:
            lo, hi = self.now - timedelta(days=8), self.now + timedelta(days=30)
            rows = self.session.execute(select(m.id, m.kind, m.state, m.next_attempt_at, m.sent_at, m.recipient).where(
                col(m.recipient).in_(recipients), col(m.state).in_(ACTIVE_STATES),
                or_(col(m.next_attempt_at).between(lo, hi), col(m.sent_at).between(lo, hi))))
            for pk, kind, state, due, sent_at, recipient in rows:
                self.slots[recipient].append(Slot(pk, kind, state, sent_at if state == "sent" and sent_at else due))

    def repeats(self, prev: Previous, order_pk: int, kind: str, language: str, context: dict[str, Any]) -> bool | None:
        """Whether message `kind` with `context` says word for word what `prev` said: the two
        texts are rendered side by side only up to their first difference. None when this
        message's template fails (logged; it is queued all the same: the send step fails it
        with the reason). A previous message whose template fails (one of an older release)
        is compared with nothing, and never rendered again."""
        mine_failed: list[TemplateError] = []
        theirs_failed: list[TemplateError] = []
        mine = _guarded(lambda: self.renderer.text_pieces(kind, language, context), mine_failed)
        if prev.text is not None:
            theirs: Iterator[str] = iter([prev.text])
        elif prev.source is not None:
            source = prev.source
            theirs = _guarded(lambda: self.renderer.text_pieces(*source), theirs_failed)
        else:
            theirs = iter(())
        same = same_text(mine, theirs)
        if theirs_failed:
            prev.text, prev.source = "", None
        if mine_failed:
            log.warning("message.render_failed", order_pk=order_pk, kind=kind, error=str(mine_failed[0])[:200])
            return None
        return same and not theirs_failed

    def supersede(self, slot: Slot, why: str) -> None:
        """A queued routine message gives way (in the book if planned here, else in the database)."""
        if slot.row is not None:
            slot.row["state"], slot.row["last_error"] = "superseded", why
        else:
            self.session.execute(update(Message).where(col(Message.id) == slot.id, col(Message.state) == "queued")
                                 .values(state="superseded", last_error=why))
        slot.state = "superseded"

    def drop_routine(self, order_pk: int, kinds: frozenset[str], why: str) -> None:
        """Every queued message of `kinds` of the order is superseded (stored and planned ones)."""
        self.session.execute(update(Message).where(
            col(Message.order_pk) == order_pk, col(Message.state) == "queued",
            col(Message.kind).in_(kinds)).values(state="superseded", last_error=why))
        for row in self.rows:
            if row["order_pk"] == order_pk and row["state"] == "queued" and row["kind"] in kinds:
                row["state"], row["last_error"] = "superseded", why
        for slots in self.slots.values():
            for slot in slots:
                if slot.row is not None and slot.row["order_pk"] == order_pk:
                    slot.state = slot.row["state"]

    def add(self, row: dict[str, Any]) -> Slot:
        self.rows.append(row)
        self.existing.setdefault(row["order_pk"], set()).add(row["idempotency_key"])
        slot = Slot(None, row["kind"], row["state"], row["next_attempt_at"], row)
        self.slots.setdefault(row["recipient"], []).append(slot)
        return slot

    def write(self) -> dict[int, int]:
        """Insert the planned messages (one statement) and the orders' review times (one);
        returns how many new queued messages each order got."""
        queued: dict[int, int] = {}
        if self.rows:
            stmt = insert_ignore(self.session.get_bind().dialect.name, Message, ("idempotency_key",),
                                 returning=("idempotency_key",))
            inserted = set(self.session.connection().execute(stmt, self.rows).scalars())
            info = log.info  # bound once for the batch, not once per row
            for row in self.rows:
                if row["idempotency_key"] not in inserted:
                    continue
                if row["state"] == "queued":
                    queued[row["order_pk"]] = queued.get(row["order_pk"], 0) + 1
                    info("message.queued", order_pk=row["order_pk"], kind=row["kind"], cause=row["cause"],
                         at=row["next_attempt_at"].isoformat())
                else:
                    info("message.superseded", order_pk=row["order_pk"], kind=row["kind"], cause=row["cause"],
                         why=row["last_error"])
            self.rows = []
        if self.reviews:
            self.session.connection().execute(
                update(Order).where(col(Order.id) == bindparam("pk")).values(plan_after=bindparam("at")),
                [{"pk": pk, "at": at} for pk, at in self.reviews.items()])
            self.reviews = {}
        return queued
