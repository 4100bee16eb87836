"""Cainiao (AliExpress's logistics): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="cainiao", label="Cainiao", kind="offline",
    formats=(NumberFormat(
        id="cainiao_lp", service="Cainiao", regex=r"LP\d{14}", rank=32, confidence="observed",
        examples=("LP00512345678901",), not_examples=("LP123456785CN",),
        source="trackmon reference carrier-apis.md (tracking-number formats: Cainiao 'LP' + 14 digits, marked "
               "unverified); LP + 9 digits + CN is a UPU S10 number (China Post) and stays with the S10 rule"),),
    codes={"17track": track17(190271, "Cainiao"), "aftership": aftership("cainiao", "Cainiao")},
)
