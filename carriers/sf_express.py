"""SF Express (顺丰): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="sf-express", label="SF Express", kind="offline",
    formats=(NumberFormat(
        id="sf_express", service="SF Express", regex=r"SF\d{13}", rank=33, confidence="observed",
        examples=("SF1234567890123", "SF1400123456789"), not_examples=("SF123456789012",),
        source="BF-zh/Courier-Validation src/pattern/SF.ts (public courier-format table): 'SF' + 13 digits"),),
    # 17TRACK lists SF Express (international, intl.sf-express.com) as 100012 and the mainland
    # domestic network as 190766 "SF Express(CN)"; cross-border parcels are the former.
    codes={"17track": track17(100012, "SF Express"), "aftership": aftership("sf-express", "SF Express")},
)
