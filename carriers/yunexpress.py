"""YunExpress (云途物流): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="yunexpress", label="YunExpress", kind="offline",
    formats=(NumberFormat(
        id="yunexpress_yt", service="YunExpress", regex=r"YT\d{16}", rank=34, confidence="published",
        examples=("YT2229521272164446", "YT2229521272164447"), not_examples=("YT123456789012345",),
        source="jkeen/tracking_number_data couriers/yunexpress.json (MIT), commit "
               "b79ce4bfc04519ef4bc85bf7c6f321795aadf3d3: 'YT' + 16 digits, no check digit"),),
    codes={"17track": track17(190008, "YunExpress"), "aftership": aftership("yunexpress", "YunExpress")},
)
