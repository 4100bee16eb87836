"""DHL eCommerce (GM… numbers, formerly DHL Global Mail): recognised offline, tracked through the aggregators."""

from carriers.aggregator_codes import aftership, track17
from carriers.manifest import CarrierManifest, NumberFormat

MANIFEST = CarrierManifest(
    name="dhl-ecommerce", label="DHL eCommerce", kind="offline",
    formats=(NumberFormat(
        id="dhl_ecommerce_gm", service="DHL eCommerce", regex=r"GM(?=[0-9A-Z]*\d)[0-9A-Z]{10,37}", rank=32,
        confidence="published",
        examples=("GM2951173225174494", "GM295117494011169042", "GM9E44608A27984866BA2D"),
        not_examples=("GMABCDEFGHIJKL", "GM12345"),
        source="DHL 'Shipment tracking labels' page (dhl.com/.../tracking/id-labels.html): DHL eCommerce IDs "
               "typically start with GM, 10 to 39 characters; jkeen/tracking_number_data couriers/dhl.json "
               "'DHL E-Commerce' (examples)"),),
    # GM numbers are DHL eCommerce's US network (ex Global Mail): 17TRACK 7047 "DHL eCommerce US",
    # AfterShip "dhl-global-mail" ("DHL eCommerce", other name "DHL Global Mail").
    codes={"17track": track17(7047, "DHL eCommerce US"),
           "aftership": aftership("dhl-global-mail", "DHL eCommerce")},
)
