"""The bench's statement counter counts what reaches the cursor (executemany once)."""

from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select

from bench.statements import StatementCounter


def test_counts_cursor_executions_and_executemany_once() -> None:
    engine = create_engine("sqlite://")
    table = Table("t", MetaData(), Column("x", Integer))
    table.metadata.create_all(engine)
    with StatementCounter(engine) as counter, engine.begin() as conn:
        conn.execute(insert(table), [{"x": i} for i in range(50)])
        conn.execute(select(table)).all()
        conn.execute(select(table.c.x).where(table.c.x > 3)).all()
    assert counter.count == 3
    assert counter.by_verb == {"INSERT": 1, "SELECT": 2}
    assert counter.per(3) == 1.0
    with engine.begin() as conn:  # removed on exit
        conn.execute(select(table)).all()
    assert counter.count == 3
