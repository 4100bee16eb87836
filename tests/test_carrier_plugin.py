"""Done-when of issue 13 (carriers): a carrier built at test time — its own package, installed by
writing a distribution with a `trackmon.carriers` entry point into a folder on sys.path — is
recognised from its numbers, routed, configured from environment variables (its own typed
setting included), documented in the generated configuration and served by the webhook route,
with no file of trackmon touched."""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from carriers import registry, track17
from carriers.numbers import detect_carrier
from trackmon.api import SchedulerState, create_app
from trackmon.config_doc import example_toml
from trackmon.errors import ConfigError
from trackmon.http import make_client
from trackmon.intake import apply_row, validate_row
from trackmon.models import Shipment, ShipmentEvent
from trackmon.settings import carrier_names, load
from trackmon.tracking import CarrierSet

ROOT = Path(__file__).resolve().parents[1]
NUMBER = "PG120034005600"
SECRET = "pigeon-webhook-secret"

PACKAGE = '''
"""Pigeon Post: a carrier that lives in its own package."""
from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime

from pydantic import Field

from carriers.base import CarrierAdapter, RawResponse, TrackingEvent, TrackingSnapshot
from carriers.manifest import AggregatorCode, CarrierManifest, NumberFormat, Webhook
from carriers.webhooks import PushResult
from trackmon.domain import ParseResult, Status
from trackmon.http import send
from trackmon.settings import CarrierSettings


class PigeonSettings(CarrierSettings):
    loft: str | None = Field(None, description="the loft the pigeons fly from")


MANIFEST = CarrierManifest(
    name="pigeon", label="Pigeon Post", kind="direct", adapter="pigeon_carrier:Pigeon",
    credentials=("api_key",), base_url="https://api.pigeon.example/v1", max_batch=5,
    settings="pigeon_carrier:PigeonSettings", setup="the loft master hands out keys",
    formats=(NumberFormat(id="pigeon_pg", service="Pigeon", regex=r"PG\\d{12}", rank=30, source="test carrier",
                          examples=("PG120034005600",), not_examples=("PG1",)),),
    codes={"17track": AggregatorCode(990001, "test carrier: key 990001")},
    webhook=Webhook(header="x-pigeon-signature", secret_key="webhook_secret",
                    verify="pigeon_carrier:verify", parse="pigeon_carrier:parse"),
)


def _snapshot(number: str, text: str) -> TrackingSnapshot:
    event = TrackingEvent(time=datetime.fromisoformat("2026-11-19T08:00:00+00:00"), status=Status.in_transit,
                          description=text, location="Loft 7")
    return TrackingSnapshot(carrier="pigeon", tracking_number=number, status=Status.in_transit,
                            events=(event,), source="pigeon")


class Pigeon(CarrierAdapter):
    manifest = MANIFEST

    async def fetch(self, requests):
        numbers = ",".join(r.number for r in requests)
        response = await send(self.client, self.name, "GET", f"{self.base_url}/track", limiter=self.limiter,
                              attempts=self.settings.max_attempts, sleep=self.sleep, timeout=self.timeout,
                              params={"n": numbers, "loft": self.settings.loft or ""})
        return RawResponse(requested=tuple(r.number for r in requests), parts={"track": response.content})

    def parse(self, raw):
        doc = self.load_json_object(raw.body)
        return ParseResult(snapshots=tuple(_snapshot(n, doc[n]) for n in raw.requested))


def verify(body: bytes, signature: str, secret: str) -> bool:
    return hmac.compare_digest(hmac.new(secret.encode(), body, hashlib.sha256).hexdigest(), signature)


def parse(body: bytes) -> PushResult:
    doc = json.loads(body)
    return PushResult(source="pigeon", event="landed", snapshots=(_snapshot(doc["number"], doc["text"]),),
                      tracking_numbers=(doc["number"],))
'''


def _tree_state() -> str:
    out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    return out.stdout if out.returncode == 0 else ""


@pytest.fixture
def pigeon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install the throwaway package (module + dist-info with its entry point) for this test only."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "pigeon_carrier.py").write_text(textwrap.dedent(PACKAGE))
    dist = site / "pigeon_carrier-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: pigeon-carrier\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{registry.GROUP}]\npigeon = pigeon_carrier:MANIFEST\n")
    before = _tree_state()
    monkeypatch.syspath_prepend(str(site))
    registry.reload()
    yield
    sys.modules.pop("pigeon_carrier", None)
    monkeypatch.undo()
    registry.reload()
    assert _tree_state() == before, "the test carrier must not touch any file of the repository"


def test_without_the_package_the_carrier_is_unknown() -> None:
    assert "pigeon" not in registry.manifests()
    assert detect_carrier(NUMBER).carrier is None
    with pytest.raises(ConfigError, match="unknown carrier section"):
        load(env={}, overrides={"carriers": {"pigeon": {"api_key": "k"}}})


async def test_a_carrier_from_another_package_is_recognised_configured_and_routed(pigeon) -> None:
    assert detect_carrier(NUMBER).carrier == "pigeon"
    assert "pigeon" in carrier_names()
    settings = load(env={"TRACKMON_PIGEON_API_KEY": "pk", "TRACKMON_PIGEON_TIMEOUT_SECONDS": "7.5",
                         "TRACKMON_PIGEON_LOFT": "north", "TRACKMON_17TRACK_API_KEY": "k17"})
    pigeon_settings = settings.carrier("pigeon")
    assert pigeon_settings.api_key.get_secret_value() == "pk"
    assert (pigeon_settings.timeout_seconds, pigeon_settings.loft) == (7.5, "north")
    assert load(env={}).carrier("pigeon").loft is None  # no section: the manifest's model, defaults

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={NUMBER: "Landed at the loft"})

    async with make_client(transport=httpx.MockTransport(handler)) as client:
        carrier_set = CarrierSet(settings, client)
        routed = carrier_set.route(NUMBER)
        assert routed.adapter.name == "pigeon" and routed.request.carrier_hint == "pigeon"
        [outcome] = await carrier_set.track([routed])
    assert outcome.error is None and outcome.result.snapshots[0].events[0].description == "Landed at the loft"
    assert seen[0].url.params["loft"] == "north"
    assert seen[0].extensions["timeout"]["read"] == 7.5  # the carrier's timeout_seconds reaches the request


async def test_without_its_own_api_the_carrier_goes_to_the_aggregator_with_its_code(pigeon) -> None:
    settings = load(env={"TRACKMON_17TRACK_API_KEY": "k17"})
    async with make_client(transport=httpx.MockTransport(lambda r: httpx.Response(500))) as client:
        carrier_set = CarrierSet(settings, client)
        assert "TRACKMON_PIGEON_API_KEY" in carrier_set.skipped["pigeon"]
        routed = carrier_set.route(NUMBER)
    assert routed.adapter.name == "17track" and routed.request.carrier_hint == "pigeon"
    assert track17.Track17._items([routed.request]) == [{"number": NUMBER, "carrier": 990001}]
    bare = load(env={})
    async with make_client() as client:
        with pytest.raises(ConfigError, match="TRACKMON_PIGEON_API_KEY"):
            CarrierSet(bare, client).route(NUMBER)


def test_the_generated_configuration_documents_the_carrier(pigeon) -> None:
    text = example_toml()
    assert "[carriers.pigeon]\n# Pigeon Post (direct): needs api_key." in text
    for variable in ("TRACKMON_PIGEON_API_KEY", "TRACKMON_PIGEON_WEBHOOK_SECRET", "TRACKMON_PIGEON_LOFT",
                     "TRACKMON_PIGEON_TIMEOUT_SECONDS"):
        assert f"Env: {variable}" in text
    assert "the loft the pigeons fly from" in text and "POST /webhooks/pigeon" in text


def test_the_webhook_route_serves_the_carrier(pigeon, engine, now) -> None:
    settings = load(env={"TRACKMON_PIGEON_API_KEY": "pk", "TRACKMON_PIGEON_WEBHOOK_SECRET": SECRET})
    with Session(engine) as s, s.begin():
        apply_row(s, validate_row({"order_id": "P-1", "tracking_number": NUMBER, "buyer_email": "p@example.com"}),
                  now)
    client = TestClient(create_app(engine, settings, scheduler_state=SchedulerState(running=True),
                                   clock=lambda: now))
    body = json.dumps({"number": NUMBER, "text": "Landed at the loft"}).encode()
    signature = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert client.post("/webhooks/pigeon", content=body, headers={"x-pigeon-signature": "0" * 64}).status_code == 401
    accepted = client.post("/webhooks/pigeon", content=body, headers={"x-pigeon-signature": signature})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["parcels_updated"] == 1
    with Session(engine) as s:
        ship = s.exec(select(Shipment).where(Shipment.tracking_number == NUMBER)).one()
        assert ship.carrier == "pigeon" and ship.status == "in_transit"
        assert len(s.exec(select(ShipmentEvent).where(ShipmentEvent.shipment_id == ship.id)).all()) == 1
    assert client.post("/webhooks/no-such-provider", content=body).status_code == 404
