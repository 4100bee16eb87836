"""J&T Express (极兔, China): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="jtexpress", label="J&T Express", kind="offline",
    formats=(NumberFormat(
        id="jt_express", service="J&T Express", regex=r"JT\d{13}", rank=33, confidence="observed",
        examples=("JT5012345678901", "JT3123456789012"), not_examples=("JT12345678",),
        source="BF-zh/Courier-Validation src/pattern/JT.ts (public courier-format table of China's couriers): "
               "'JT' + 13 digits"),),
    # The JT + 13 digits numbers are J&T's mainland China network: 17TRACK 190442 "J&T Express (CN)"
    # (J&T International, 100295, is the cross-border line, jet-logistics.com). AfterShip's list has
    # no J&T China courier: its slug "jtexpress" is "J&T EXPRESS MALAYSIA", so none is sent and
    # AfterShip detects the courier itself.
    codes={"17track": track17(190442, "J&T Express (CN)")},
)
