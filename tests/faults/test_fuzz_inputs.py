"""Bad input, fuzzed: CSV import and the push-webhook endpoints give clear errors only —
never a traceback (TestClient re-raises server errors), never a partial write."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from trackmon.api import SchedulerState, create_app
from trackmon.csv_import import import_stream
from trackmon.db import make_engine
from trackmon.errors import InputError
from trackmon.intake import COLUMNS
from trackmon.models import Order, Shipment, ShipmentEvent
from trackmon.settings import load

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
KEY = "fuzz-17track-key"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

cell = st.one_of(st.text(max_size=30), st.sampled_from(["RR123456785CN", "a@example.com", "2026-11-01", "ru", "US",
                                                         "", " ", "\"", "1Z999AA10123456784", "x@y", "a@b.c\r\nBcc:"]))
header = st.lists(st.one_of(st.sampled_from(COLUMNS), st.text(max_size=12)), min_size=1, max_size=8)


def _counts(engine) -> tuple[int, int]:
    with Session(engine) as s:
        return (s.execute(select(func.count()).select_from(Order)).scalar_one(),
                s.execute(select(func.count()).select_from(Shipment)).scalar_one())


def _engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fuzz.db'}")
    SQLModel.metadata.create_all(engine)
    return engine


@FUZZ
@given(names=header, rows=st.lists(st.lists(cell, max_size=9), max_size=6), delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_import_fuzz(tmp_path, names, rows, delimiter) -> None:
    engine = _engine(tmp_path)
    try:
        before = _counts(engine)
        text = "\n".join(delimiter.join(json.dumps(c) if delimiter in c or "\n" in c else c for c in line)
                         for line in [names, *rows])
        try:
            _, report = import_stream(engine, io.StringIO(text), NOW, delimiter=delimiter)
        except InputError as exc:
            assert str(exc)                                   # a clear message ...
            assert _counts(engine) == before                  # ... and nothing written
            return
        for rejection in report.rejected:
            assert rejection.reason
        orders, shipments = _counts(engine)
        accepted = report.added + report.updated + report.unchanged
        assert shipments - before[1] <= accepted              # a rejected row wrote nothing
        assert orders - before[0] <= accepted
    finally:
        engine.dispose()


def _client(engine) -> TestClient:
    settings_ = load(env={}, overrides={"carriers": {"17track": {"api_key": KEY},
                                                     "aftership": {"api_key": "k", "webhook_secret": "s"}}})
    return TestClient(create_app(engine, settings_, scheduler_state=SchedulerState(running=True), clock=lambda: NOW))


def _sign(body: bytes) -> str:
    return hashlib.sha256(body + b"/" + KEY.encode()).hexdigest()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                       max_size=4), max_leaves=12)
push = st.fixed_dictionaries({"event": st.sampled_from(["TRACKING_UPDATED", "TRACKING_STOPPED", "x"]),
                              "data": json_values})


@FUZZ
@given(body=st.one_of(st.binary(max_size=200), push.map(lambda d: json.dumps(d).encode()),
                      json_values.map(lambda d: json.dumps(d).encode())),
       signed=st.booleans(), endpoint=st.sampled_from(["/webhooks/17track", "/webhooks/aftership"]))
def test_webhook_fuzz(tmp_path, body, signed, endpoint) -> None:
    engine = _engine(tmp_path)
    try:
        client = _client(engine)
        headers = {"sign": _sign(body)} if signed and endpoint.endswith("17track") else {"sign": "forged"}
        response = client.post(endpoint, content=body, headers=headers)
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            assert response.content                           # says what is wrong
        with Session(engine) as s:
            assert s.execute(select(func.count()).select_from(ShipmentEvent)).scalar_one() == 0
    finally:
        engine.dispose()
