"""Aggregator push webhooks: signatures over the raw bytes and body parsing."""

from __future__ import annotations

import base64
import hashlib
import hmac
from pathlib import Path

import pytest

from carriers.webhooks import (
    parse_17track_push,
    parse_aftership_push,
    verify_17track_signature,
    verify_aftership_signature,
)
from trackmon.domain import Status
from trackmon.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
KEY = "17-security-key"
SECRET = "as-webhook-secret"


def body17(name: str) -> bytes:
    return (FIXTURES / "17track" / name).read_bytes()


def body_as(name: str) -> bytes:
    return (FIXTURES / "aftership" / name).read_bytes()


def sign17(body: bytes, key: str = KEY) -> str:
    return hashlib.sha256((body.decode("utf-8") + "/" + key).encode()).hexdigest()


def sign_as(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


# ---------------------------------------------------------------- signatures


def test_17track_signature_good():
    body = body17("push_updated.json")
    assert verify_17track_signature(body, sign17(body), KEY)
    assert verify_17track_signature(body, sign17(body).upper(), KEY)  # hex case does not matter


@pytest.mark.parametrize("header", [None, "", "0" * 64, "not-hex"])
def test_17track_signature_bad_or_missing(header):
    assert not verify_17track_signature(body17("push_updated.json"), header, KEY)


def test_17track_signature_is_over_the_raw_bytes():
    body = body17("push_updated.json")
    header = sign17(body)
    assert not verify_17track_signature(body + b" ", header, KEY)    # one byte more
    assert not verify_17track_signature(body, header, "other-key")   # another key
    assert not verify_17track_signature(body, header, "")            # no key configured: refuse


def test_aftership_signature_good():
    body = body_as("webhook_tracking_update.json")
    assert verify_aftership_signature(body, sign_as(body), SECRET)


@pytest.mark.parametrize("header", [None, "", "not base64!", base64.b64encode(b"x" * 32).decode()])
def test_aftership_signature_bad_or_missing(header):
    assert not verify_aftership_signature(body_as("webhook_tracking_update.json"), header, SECRET)


def test_aftership_signature_wrong_secret_or_tampered_body():
    body = body_as("webhook_tracking_update.json")
    header = sign_as(body)
    assert not verify_aftership_signature(body, header, "another-secret")
    assert not verify_aftership_signature(body.replace(b"InTransit", b"Delivered", 1), header, SECRET)


# ---------------------------------------------------------------- bodies


def test_17track_tracking_updated():
    result = parse_17track_push(body17("push_updated.json"))
    assert (result.source, result.event, result.tracking_numbers) == ("17track", "TRACKING_UPDATED",
                                                                      ("RB715296045CN",))
    (snap,) = result.snapshots
    assert (snap.tracking_number, snap.status, snap.destination_country) == ("RB715296045CN",
                                                                             Status.in_transit, "RU")
    assert len(snap.events) == 4


def test_17track_tracking_stopped_has_no_snapshot():
    result = parse_17track_push(body17("push_stopped.json"))
    assert (result.event, result.snapshots, result.tracking_numbers) == ("TRACKING_STOPPED", (),
                                                                         ("LZ604127388CN",))


def test_aftership_tracking_update():
    result = parse_aftership_push(body_as("webhook_tracking_update.json"))
    assert (result.source, result.event, result.tracking_numbers) == ("aftership", "tracking_update",
                                                                      ("RB715296045CN",))
    assert result.snapshots[0].status is Status.in_transit


@pytest.mark.parametrize(("body", "text"), [
    (b"<html>nope</html>", "not JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"data": {"number": "X1"}}', "'event'"),
    (b'{"event": "TRACKING_UPDATED", "data": {}}', "data.number"),
    (b'{"event": "TRACKING_UPDATED", "data": {"number": "RB715296045CN"}}', "no track_info"),
    (b'{"event": "TRACKING_UPDATED", "data": {"number": "RB715296045CN", "track_info": "x"}}', "track_info"),
])
def test_17track_malformed_bodies(body, text):
    with pytest.raises(InputError, match=text):
        parse_17track_push(body)


@pytest.mark.parametrize(("body", "text"), [
    (b"\xff\xfe", "not JSON"),
    (b'{"event": "tracking_update"}', "'msg'"),
    (b'{"event": "tracking_update", "msg": {"tag": "InTransit"}}', "tracking_number"),
    (b'{"event": "tracking_update", "msg": {"tracking_number": "X1", "checkpoints": 5}}', "checkpoints"),
])
def test_aftership_malformed_bodies(body, text):
    with pytest.raises(InputError, match=text):
        parse_aftership_push(body)
