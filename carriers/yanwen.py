"""Yanwen (燕文物流): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="yanwen", label="Yanwen", kind="offline",
    formats=(NumberFormat(
        id="yanwen", service="Yanwen", regex=r"(?:UG|UF|YW)\d{9}[A-Z]{2}", rank=31, confidence="observed",
        examples=("UG123456789YP", "YW123456789YP"), not_examples=("UG123456785CN",),
        source="trackmon reference carrier-apis.md (tracking-number formats: Yanwen 'mostly S10 ...CN or "
               "UG/UF/YW...', marked unverified). A Yanwen number with an S10 country ending is an S10 number "
               "and is decided by the S10 check digit, never by this rule"),),
    codes={"17track": track17(190012, "YANWEN"), "aftership": aftership("yanwen", "Yanwen")},
)
