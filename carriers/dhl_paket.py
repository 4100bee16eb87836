"""DHL Paket (Germany, JJD… numbers): recognised offline; the DHL adapter serves it, else the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="dhl-paket", label="DHL Paket", kind="offline",
    formats=(NumberFormat(
        id="dhl_paket_jjd", service="DHL Paket", regex=r"JJD\d{17,21}", rank=32, confidence="observed",
        examples=("JJD14999020001234567", "JJD000390012345678901"),
        not_examples=("JJD0099999999", "JJD0002257639032011"),
        source="DHL 'Shipment tracking labels' page: DHL Parcel IDs start with 3S, JVGL or JJD (and DHL Express "
               "piece IDs with JJD00/JJD01 + about 10 digits, jkeen/tracking_number_data dhl.json 'DHL Express "
               "(Piece ID)'); length 17-21 digits after JJD from public parcel-number patterns. JJD + 16 digits "
               "is Yodel's format in jkeen/tracking_number_data couriers/yodel.json and is deliberately not "
               "matched"),),
    codes={"17track": track17(7041, "DHL Paket"), "aftership": aftership("dhl-germany", "Deutsche Post DHL")},
)
