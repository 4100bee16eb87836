"""Carrier code tables against the carriers' own published lists (issue 11, item 3).

The published enumerations are restated here (codes only) with their source, so the test
runs anywhere: every published code must be a row of its adapter's table, and map to a real
status - `unknown` only where the carrier's own meaning is "not available". Then the codes
the issue names are checked to mean what the carrier says.
"""

from __future__ import annotations

import json

import pytest

from carriers import aftership, dhl, fedex, track17, ups_codes, usps
from carriers.base import RawResponse, invert
from tests.carriers.helpers import build_adapter
from trackmon.domain import Status, SubStatus

# 17TRACK v2.2 "Package status and sub-status" (help.17track.net/hc/en-us/articles/37471096573337)
T17_MAIN = ["NotFound", "InfoReceived", "InTransit", "Expired", "AvailableForPickup", "OutForDelivery",
            "DeliveryFailure", "Delivered", "Exception"]
T17_SUB = [
    "NotFound_Other", "NotFound_InvalidCode", "InfoReceived", "InTransit_PickedUp", "InTransit_Other",
    "InTransit_Departure", "InTransit_Arrival", "InTransit_CustomsProcessing", "InTransit_CustomsReleased",
    "InTransit_CustomsRequiringInformation", "Expired_Other", "AvailableForPickup_Other", "OutForDelivery_Other",
    "DeliveryFailure_Other", "DeliveryFailure_NoBody", "DeliveryFailure_Security", "DeliveryFailure_Rejected",
    "DeliveryFailure_InvalidAddress", "Delivered_Other", "Exception_Other", "Exception_Returning",
    "Exception_Returned", "Exception_NoBody", "Exception_Security", "Exception_Damage", "Exception_Rejected",
    "Exception_Delayed", "Exception_Lost", "Exception_Destroyed", "Exception_Cancel"]
T17_STAGES = ["InfoReceived", "PickedUp", "Departure", "Arrival", "AvailableForPickup", "OutForDelivery",
              "Delivered", "Returning", "Returned"]

# AfterShip "Delivery statuses" and "Delivery sub-statuses" (aftership.com/docs/tracking/enum/...)
AS_TAGS = ["Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
           "AvailableForPickup", "Exception", "Expired"]
AS_SUBTAGS = (
    [f"Delivered_00{i}" for i in range(1, 6)] + ["AvailableForPickup_001"]
    + [f"Exception_{i:03d}" for i in (*range(1, 14), *range(16, 22))]  # 016-021: help center, added 2026-03-27
    + [f"AttemptFail_00{i}" for i in range(1, 4)] + [f"InTransit_00{i}" for i in range(1, 10)]
    + ["InfoReceived_001", "OutForDelivery_001", "OutForDelivery_003", "OutForDelivery_004"]
    + [f"Pending_00{i}" for i in range(1, 7)] + ["Expired_001"])

# DHL Shipment Tracking - Unified API, event `statusCode`
DHL_CODES = ["pre-transit", "transit", "delivered", "failure", "unknown"]

# UPS "Package Activity Types" and "Status/Description Codes" (UPS Tracking API reference)
UPS_TYPES = ["D", "I", "M", "MV", "X", "DO", "DD", "W", "NA", "U"]
UPS_STATUS = [0, 3, 5, 6, 7, 10, 11, 12, 13, 14, *range(16, 31), *range(32, 150), *range(153, 170)]
#: Codes whose published meaning is itself "not available": they stay `unknown`.
UPS_NO_MEANING = {"0", "148", "163", "88"}  # Status Not Available, Package Information Unavailable (×2), Test

# FedEx Track API "Tracking Status Codes" (Movement and Regulatory), plus MD and RT (issue 11)
FEDEX_CODES = ["PF", "AA", "PL", "AC", "PM", "AD", "PU", "AF", "PX", "AO", "RR", "AP", "RM", "AR", "RC", "AX",
               "RS", "CA", "RP", "CH", "LP", "DD", "RG", "DE", "RD", "DL", "SE", "DP", "SF", "DR", "SP", "DS",
               "TR", "DY", "EA", "ED", "EO", "EP", "FD", "HL", "HP", "IT", "IX", "LO", "OC", "OD", "OF", "Ow",
               "OX", "PD", "CC", "CD", "CP", "MD", "RT"]

# USPS: the statusCategory and eventCodes seen in recorded Tracking v3 answers, and the Pub 199
# Appendix G-4 codes as the public USPS::WebTools::Tracking::Codes module lists them
USPS_CATEGORIES = ["Delivered"]
USPS_EVENT_CODES = [
    "01", "03", "07", "10", "A1", "GX", "OF", "SF", "T1", "TL",
    "09", "21", "22", "23", "24", "25", "26", "27", "28", "29", "31", "02", "52", "53", "54", "55", "56",
    "MA", "PC", "DX", "TM", "04", "05", "06", "08", "PA", "11", "14", "15", "16", "17", "19", "41", "42",
    "43", "44", "51", "80", "81", "82", "EF", "71", "30"]
#: USPS codes whose published meaning is itself "no status": "Delivery Status Not Updated".
USPS_NO_MEANING = {"DX"}


def _flat(table) -> dict[str, Status]:
    return invert(table)


@pytest.mark.parametrize(("name", "published", "table", "no_meaning"), [
    ("17track main", T17_MAIN, _flat(track17.MAIN_STATUS), set()),
    ("17track sub", T17_SUB, {c: st for st, subs in track17.SUB_STATUS.items() for c in subs}, set()),
    ("17track stage", T17_STAGES, {c: st for c, (st, _) in track17.STAGES.items()}, set()),
    ("aftership tag", AS_TAGS, _flat(aftership.TAGS), set()),
    ("aftership subtag", AS_SUBTAGS, {c: st for st, subs in aftership.SUBTAGS.items() for c in subs}, set()),
    ("dhl", DHL_CODES, _flat(dhl.STATUS_CODES), {"unknown"}),
    ("ups type", UPS_TYPES, _flat(ups_codes.TYPE_CODES), {"NA"}),
    ("ups status", [str(c) for c in UPS_STATUS], _flat(ups_codes.STATUS_CODES), UPS_NO_MEANING),
    ("fedex", FEDEX_CODES, _flat(fedex.STATUS_CODES), set()),
    ("usps category", USPS_CATEGORIES, {k.casefold(): v for k, v in _flat(usps.CATEGORIES).items()}, set()),
    ("usps event", USPS_EVENT_CODES, _flat(usps.EVENT_CODES), USPS_NO_MEANING),
])
def test_every_published_code_maps_to_a_status(name, published, table, no_meaning) -> None:
    missing = [c for c in published if (c.casefold() if name == "usps category" else c) not in table]
    assert missing == [], f"{name}: published codes without a row: {missing}"
    unknown = sorted(c for c in published if table[c.casefold() if name == "usps category" else c]
                     is Status.unknown)
    assert unknown == sorted(no_meaning), f"{name}: published codes mapped to unknown: {unknown}"


def test_ups_table_has_no_code_that_ups_does_not_publish() -> None:
    assert sorted(int(c) for c in _flat(ups_codes.STATUS_CODES)) == sorted(UPS_STATUS)


@pytest.mark.parametrize(("code", "status", "sub"), [
    ("72", Status.out_for_delivery, None),             # Loaded on Delivery Vehicle
    ("64", Status.delivery_failed, SubStatus.refused),  # Delivery Refused
    ("65", Status.info_received, None),                 # Pickup Attempted: at the sender, not a delivery
    ("82", Status.in_transit, None),                    # Delivery Instructions Received: no return
    ("68", Status.exception, SubStatus.lost),           # Sent to Lost and Found
    ("69", Status.delivery_failed, None),               # Unable to Deliver
    ("81", Status.returned, SubStatus.damaged),         # Returned - Damage Reported
    ("144", Status.available_for_pickup, SubStatus.pickup_post_office),  # Delivered to Post Office for Pickup
    ("147", Status.exception, SubStatus.other),         # Seized by Law Enforcement
    ("149", Status.exception, SubStatus.damaged),       # Prohibited Contents, Package Destroyed
])
def test_ups_status_codes_mean_what_ups_says(code, status, sub) -> None:
    assert _flat(ups_codes.STATUS_CODES)[code] is status
    assert ups_codes.SUB_STATUS.get(code) is sub


@pytest.mark.parametrize(("code", "status", "sub"), [
    ("MD", Status.info_received, SubStatus.label_created),
    ("RD", Status.exception, SubStatus.cancelled),
    ("RT", Status.returning, SubStatus.returning),
    ("EP", Status.info_received, None),   # Enroute to Pickup: the sender's side
    ("DE", Status.delivery_failed, None),
])
def test_fedex_codes_named_in_the_issue(code, status, sub) -> None:
    body = {"output": {"completeTrackResults": [{"trackingNumber": "794611122236", "trackResults": [{
        "scanEvents": [{"date": "2026-11-10T10:00:00-05:00", "eventType": code, "eventDescription": ""}]}]}]}}
    adapter = build_adapter(fedex.Fedex, client_id="i", client_secret="s")
    (snap,) = adapter.parse(RawResponse(requested=(), parts={"batch": json.dumps(body).encode()})).snapshots
    (event,) = snap.events
    assert (event.status, event.sub_status) == (status, sub)


def _dhl(status_code: str, description: str | None) -> tuple[Status, SubStatus | None]:
    node = {"timestamp": "2026-11-09T10:30:00+01:00", "statusCode": status_code, "status": status_code}
    if description:
        node["description"] = description
    body = {"shipments": [{"id": "4829105738", "status": node, "events": [node]}]}
    adapter = build_adapter(dhl.Dhl, api_key="k")
    (snap,) = adapter.parse(RawResponse(requested=("4829105738",), parts={"4829105738": json.dumps(body).encode()},
                                        status_codes={"4829105738": 200})).snapshots
    return snap.status, snap.sub_status


def test_dhl_failure_is_a_failed_delivery_not_a_generic_exception() -> None:
    assert _dhl("failure", None)[0] is Status.delivery_failed
    assert _dhl("failure", "Delivery attempted, recipient not at home")[0] is Status.delivery_failed


def test_dhl_failure_whose_text_names_a_customs_hold_is_that_hold() -> None:
    status, sub = _dhl("failure", "Shipment held by customs; clearance documents required")
    assert status is not Status.delivery_failed and sub is SubStatus.customs_information_required


@pytest.mark.parametrize(("subtag", "status", "sub"), [
    # AfterShip's own descriptions: "Delivery of the package failed as the customer relocated" …
    ("Exception_002", Status.delivery_failed, SubStatus.bad_address),
    ("Exception_003", Status.delivery_failed, SubStatus.refused),
    ("Exception_007", Status.delivery_failed, SubStatus.bad_address),
    ("Exception_008", Status.exception, None),        # Pick up missed: not collected, not a delay
    ("Exception_019", Status.exception, SubStatus.delayed),
    ("Exception_020", Status.exception, SubStatus.cancelled),
])
def test_aftership_subtags_mean_what_aftership_says(subtag, status, sub) -> None:
    table = {c: (st, s) for st, subs in aftership.SUBTAGS.items() for c, s in subs.items()}
    assert table[subtag] == (status, sub)


@pytest.mark.parametrize(("code", "status"), [
    ("21", Status.returning),        # Return to Sender - No Such Number: the parcel goes back
    ("31", Status.returning),        # Return to Sender - Not Picked Up
    ("56", Status.delivery_failed),  # No Authorized Recipient Available
    ("30", Status.delivery_failed),  # Delivery Attempted - No Access to Delivery Location
    ("71", Status.exception),        # Rescheduled to Next Delivery Day
])
def test_usps_codes_mean_what_pub_199_says(code, status) -> None:
    assert _flat(usps.EVENT_CODES)[code] is status
