"""English rule families on real UPS / USPS / FedEx wordings from the corpus' TRAIN split
(data/corpus/events/en.csv), and import vs export customs as issue 11 words it."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.classify import classify_description, explain, refine
from trackmon.classify.lang import languages
from trackmon.classify.text import fold
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus
check = checker("en")


@pytest.mark.parametrize(("text", "status", "sub"), [
    ("Notice Left", S.delivery_failed, U.nobody_home),
    ("Insufficient Address", S.delivery_failed, U.bad_address),
    ("Addressee Unknown", S.delivery_failed, U.bad_address),
    ("Vacant", S.delivery_failed, U.bad_address),
    ("Unclaimed/Being Returned to Sender", S.returning, U.returning),
    ("Return to Sender Processed", S.returning, U.returning),
    ("Available for Redelivery or Pickup", S.available_for_pickup, U.pickup_post_office),
    ("Delivered to Agent", S.delivered, None),
    ("Out-for-Delivery", S.out_for_delivery, None),
])
def test_usps_wordings(text, status, sub) -> None:
    check(text, status, sub)


@pytest.mark.parametrize(("text", "status"), [
    # a hold that is not customs and not a pickup is a problem; "held for a future delivery date" is not
    ("Package held; UPS will contact customer for further instructions", S.exception),
    ("The shipment is being held in the logistics location for a future delivery date.", S.in_transit),
    # delays, whatever caused them ("export gateway hold" is a delay, not customs)
    ("Your package has been delayed due to an export gateway hold.", S.exception),
    ("A late UPS trailer arrival has caused a delay. We're adjusting plans to deliver your package as quickly "
     "as possible.", S.exception),
    # what UPS says it will do after a failed attempt does not undo the attempt
    ("The receiver was not available at the time of the delivery attempt.", S.delivery_failed),
])
def test_holds_delays_and_attempts(text, status) -> None:
    check(text, status)


# Import vs export customs, in the words issue 11 uses: export clearance at origin belongs to the
# departure side and is never "customs in your country"; import/export formalities are customs.
@pytest.mark.parametrize(("text", "status", "sub", "rule"), [
    ("Export clearance started", S.in_transit, None, "en.export_clearance"),
    ("Export customs clearance", S.in_transit, None, "en.export_clearance"),
    ("Export customs clearance completed", S.in_transit, U.departed_origin, "en.departed"),
    ("Import/export formalities in progress", S.in_transit, U.customs_processing, "en.customs"),
    ("Import customs clearance started", S.in_transit, U.customs_processing, "en.customs"),
])
def test_import_vs_export_customs(text, status, sub, rule) -> None:
    got = classify_description(text)
    assert got is not None and (got.status, got.sub_status, got.rule) == (status, sub, rule)


def test_export_clearance_overrules_a_carrier_code_that_only_says_customs() -> None:
    assert refine(S.in_transit, U.customs_processing, "Export clearance started") == (S.in_transit, None)
    assert refine(S.in_transit, U.customs_processing, "Export customs clearance completed") == (
        S.in_transit, U.departed_origin)
    # import formalities keep the carrier's customs stage
    assert refine(S.in_transit, U.customs_processing, "Import/export formalities in progress") == (
        S.in_transit, U.customs_processing)


def test_a_shared_word_does_not_pull_an_english_sentence_into_french() -> None:
    # "transit" is French too; the sentence is English and only English rules read it
    assert languages(fold("Damage Is Being Held At Transit Hub")) == frozenset({"en"})
    assert explain("Damage Is Being Held At Transit Hub").rule.startswith("en.")
    # a line written in two languages keeps both
    assert {"zh", "en"} <= languages(fold("到达【广州国际】 Arrival at Guangzhou International"))


# Families written from the first train misses of new carriers (Canada Post, Australia Post, Royal Mail,
# Evri, Purolator, Canpar, Blue Dart, USPS event codes, AfterShip / 17TRACK / ShipEngine sub-status texts).
@pytest.mark.parametrize(("text", "status"), [
    # the sender side: a collection booked or not yet handed over is not the parcel moving
    ("Collection Request Succesfully booked for item", S.info_received),
    ("Pickup Employee Is Out To P/U Shipment", S.info_received),
    ("Your shipment pickup has been scheduled.", S.info_received),
    ("The sender couldn't hand over your shipment. The delivery company will try to collect it again.",
     S.info_received),
    ("Sender preparing item", S.info_received),
    ("Created", S.info_received),
    ("Label information electronically submitted", S.info_received),
    ("Manifest Acknowledgement", S.info_received),
    # due today is out for delivery
    ("It's coming today", S.out_for_delivery),
    ("Due to be delivered today by", S.out_for_delivery),
    # picked up from a locker or point is delivered; a community mailbox's compartment is a delivery
    ("Item picked up from automated parcel locker", S.delivered),
    ("Your package has been picked up from the collection point.", S.delivered),
    ("Delivered to community mailbox or parcel locker", S.delivered),
    ("Delivered to automated parcel locker", S.available_for_pickup),
    ("Sign by customer", S.delivered),
    ("Shipment at pick-up point (Parcel shop / pick-up place)", S.available_for_pickup),
    # "rescheduled for delivery" is a delay, not a scheduled delivery
    ("Item rescheduled for delivery next business day.", S.exception),
    ("Package was sorted to the incorrect terminal", S.exception),
    ("Missent", S.exception),
    ("Dead Letter", S.exception),
    ("Carrier label error", S.exception),
    ("Item held. Recipient outside partner service area", S.exception),
    ("Item could not be redirected", S.exception),
    ("Package available for the pickup but not collected by the customer", S.exception),
    ("Undelivered shipment - damaged", S.exception),
    # a return that only may happen is no return
    ("Incorrect shipment dimensions. Delivery may be delayed or returned. We'll update you.", S.exception),
    # failed attempts by their reason
    ("Business temporarily closed; item on hold", S.delivery_failed),
    ("Can't Find the Address-Checking Again!", S.delivery_failed),
    ("Address correction required - resolution in progress", S.delivery_failed),
    ("Forward Expired", S.delivery_failed),
    ("Deceased", S.delivery_failed),
    ("Receptacle Full / Item Oversized", S.delivery_failed),
    ("Package encountered security, customs clearance, or fee issues during delivery, resulting in delivery "
     "failure.", S.delivery_failed),
    ("Delivery couldn't be completed due to issues with accessing address. Please follow carrier instructions.",
     S.delivery_failed),
    # returns: a return parcel posted is on its way back; the sender receiving it is the end
    ("Return item accepted at Post Office", S.returning),
    ("Sender has successfully received the returned package.", S.returned),
])
def test_new_carrier_families(text, status) -> None:
    check(text, status)


def test_returned_to_or_from_customs_is_a_customs_stage() -> None:
    check("Item returned to Post from Customs", S.in_transit)
    check("Item being returned to Canadian Customs for appeal of duties", S.in_transit)
    # a parcel dropped off by its sender at a shop is on its way, not waiting for the buyer
    check("Accepted at Parcelshop", S.in_transit)


# UPS freight / Mail Innovations / delivery-location codes and DHL Express checkpoint codes (train rows):
# short cause words decide, wherever they sit in the line.
@pytest.mark.parametrize(("text", "status"), [
    ("Airline backlog", S.exception),
    ("Aircraft downgrade", S.exception),
    ("Aircraft rerouted", S.exception),
    ("Truck mechanical", S.exception),
    ("Vehicle accident", S.exception),
    ("Bad traffic", S.exception),
    ("Train derailment", S.exception),
    ("Missed established cut-off", S.exception),
    ("Late documents from shipper", S.exception),
    ("Lost/missing/late documents", S.exception),
    ("Awaiting documents from carrier", S.exception),
    ("Weight discrepancy", S.exception),
    ("Data entry error", S.exception),
    ("Airline booking not honored", S.exception),
    ("Equipment not available", S.exception),
    ("Held for security reasons", S.exception),
    ("Dead Mail: Sent to Mail Recovery Center", S.exception),
    ("The address is in a remote area and deliveries are not made daily", S.exception),
    ("Incorrect route", S.exception),
    ("Miscode", S.exception),
    ("Not arrived", S.exception),
    ("Missed delivery cycle", S.exception),
    ("Recipient did not collect the package; UPS Access Point™ returned package to inventory.", S.exception),
    # customs words keep a delay or hold a customs stage
    ("Held at customs", S.in_transit),
    ("Uncontrollable clearance delay", S.in_transit),
    ("Import clearance delay: Inspection", S.in_transit),
    ("Shipment held - Available upon receipt of payment", S.in_transit),
    # deliveries by where they were made
    ("Front Desk", S.delivered),
    ("Rear Door", S.delivered),
    ("Met Customer", S.delivered),
    ("Package Picked Up At UPS Access Point", S.delivered),
    ("Damage noted at delivery; consignee received shipment", S.delivered),
    ("With delivering courier", S.out_for_delivery),
    ("Out for Delivery or Out for Redelivery", S.out_for_delivery),
    ("Awaiting cnee collection", S.available_for_pickup),
    ("As requested, the receiver will pickup at a TForce Freight facility.", S.available_for_pickup),
    ("Hold for Pickup at UPS Mail Innovations facility", S.available_for_pickup),
    ("Closed on arrival", S.delivery_failed),
    ("Not home", S.delivery_failed),
    ("Closed early.", S.delivery_failed),
    ("Missing Postal Code", S.delivery_failed),
    ("No authorized addressee is available at destination", S.delivery_failed),
    ("International carrier is preparing package return", S.returning),
    ("Delivery failure: The receiver fails to pick up the package as agreed, will return", S.returning),
])
def test_freight_and_checkpoint_codes(text, status) -> None:
    check(text, status)


def test_in_a_delivery_facility_is_no_delivery_round() -> None:
    check("Arrival in delivery facility", S.in_transit)


# GLS status descriptions (train rows): the cause decides between a failed attempt, a delay and a customs stage.
@pytest.mark.parametrize(("text", "status"), [
    ("The parcel could not be delivered as the consignee was absent.", S.delivery_failed),
    ("The parcel could not be delivered as the consignee refused to pay charges.", S.delivery_failed),
    ("The parcel is stored in the parcel center. It cannot be delivered as the reception is closed.",
     S.delivery_failed),
    ("The parcel could not be delivered due to traffic problems.", S.exception),
    ("The parcel could not be delivered due to exceeded time frame.", S.exception),
    ("The parcel is stored in the parcel center. It cannot be delivered as the consignment is not complete.",
     S.exception),
    ("The parcel has reached the parcel center, the parcel label is not readable.", S.exception),
    ("Parcel is not to locate.", S.exception),
    ("Disposed", S.exception),
    ("Customs clearance is delayed as the consignee's phone number is not available.", S.in_transit),
    ("Customs data must be recorded.", S.in_transit),
    ("The parcel has reached the ParcelShop.", S.available_for_pickup),
    ("The parcel has been delivered at the ParcelShop (see ParcelShop information).", S.available_for_pickup),
    ("The parcel has been delivered at the neighbour´s (see signature)", S.delivered),
    ("The recipient has picked up the shipment from the retail outlet", S.delivered),
    # the sender-side pickup service
    ("The parcel data for Pickup-Service was entered into the GLS system.", S.info_received),
    ("The driver has received the order to pick up the parcel during the day.", S.info_received),
    ("The parcel could not be picked up as the customer was not informed about the pickup.", S.info_received),
    ("The pickup request has been cancelled as the goods were sent by other means.", S.info_received),
])
def test_gls_status_descriptions(text, status) -> None:
    check(text, status)
