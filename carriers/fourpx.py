"""4PX (递四方): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="4px", label="4PX", kind="offline",
    formats=(NumberFormat(
        id="fourpx", service="4PX", regex=r"4PX\d{10,16}(?:CN)?", rank=33, confidence="observed",
        examples=("4PX3000123456789CN", "4PX3001234567890"), not_examples=("4PX12345",),
        source="trackmon reference carrier-apis.md (tracking-number formats: 4PX '4PX' + digits, marked "
               "unverified); the 'CN' ending is how 4PX prints its own numbers on labels"),),
    codes={"17track": track17(190094, "4PX"), "aftership": aftership("4px", "4PX")},
)
