"""English rule families on real UPS / USPS / FedEx wordings from the corpus' TRAIN split
(data/corpus/events/en.csv), and import vs export customs as issue 11 words it."""

from __future__ import annotations

import pytest

from tests.test_classify_families import check
from trackmon.classify import classify_description, explain, refine
from trackmon.classify.lang import languages
from trackmon.classify.text import fold
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


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
