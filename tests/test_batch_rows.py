"""The batch store's plain rows (`trackmon.batch.rows`) hold what the ORM would load, and the
code written for the models reads and cuts them alike."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from tests.fakes import seed_order
from trackmon.batch.rows import read_rows, row_type
from trackmon.models import Alert, Order, Shipment, fit_instance, model_of


def test_a_row_holds_every_column_with_the_values_the_orm_loads(engine, now) -> None:
    with Session(engine) as session:
        seed_order(session, now, ["RB715296045CN", "LB123456789CN"])
        session.commit()
    with Session(engine) as session:
        for model in (Shipment, Order):
            loaded = session.execute(select(model).order_by(model.id)).scalars().all()
            rows = read_rows(session, model, order_by=(model.id,))
            names = [c.name for c in model.__table__.columns]
            assert len(rows) == len(loaded) > 0
            for row, orm in zip(rows, loaded, strict=True):
                assert type(row).__slots__ == tuple(names)
                assert {n: getattr(row, n) for n in names} == {n: getattr(orm, n) for n in names}
        ship = read_rows(session, Shipment, Shipment.tracking_number == "LB123456789CN")[0]
        assert ship.created_at.tzinfo is not None  # aware UTC, as the column type gives it


def test_a_row_is_cut_to_its_columns_like_a_model_instance() -> None:
    row = object.__new__(row_type(Shipment))
    assert model_of(row) is Shipment and model_of(Alert()) is Alert
    for name in type(row).__slots__:
        setattr(row, name, None)
    row.last_event_location, row.status = "Guangzhou " * 50, "in_transit"
    fit_instance(row)
    assert len(row.last_event_location) == Shipment.__table__.c.last_event_location.type.length == 200
    assert row.status == "in_transit"
