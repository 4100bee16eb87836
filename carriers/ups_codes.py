"""UPS code tables: every published package activity type and status/description code.

Kept apart from the adapter (carriers/ups.py) because the tables are long; each row cites
its source and carries UPS's own wording.
"""

from __future__ import annotations

from carriers.base import StatusTable
from trackmon.domain import Status, SubStatus

# Sources (each row below is one published code; its comment is UPS's own wording):
# [ACT] UPS Tracking API reference, table "Package Activity Types"
#       (reference/specs/ups_package_activity_types.txt; ups_track_v1_openapi.yaml `status.type`).
# [SDC] UPS Tracking API reference, table "Status/Description Codes"
#       (reference/specs/ups_status_description_codes.txt; `status.statusCode` is that code
#       zero-padded to 3 digits, e.g. "072" = 72 "Loaded on Delivery Vehicle").
# [OLD] not in the v1 tables; seen from older UPS APIs and kept so they are not `unknown`.

#: `status.type` / `currentStatus.type`, the fallback when the statusCode is absent or unknown.
TYPE_CODES: StatusTable = {
    Status.delivered: (
        "D",   # [ACT] Delivered
    ),
    Status.in_transit: (
        "I",   # [ACT] In Transit, Out for Delivery (the statusCode / text says which)
        "DO",  # [ACT] Delivered Origin CFS (Freight Only): still moving
        "DD",  # [ACT] Delivered Destination CFS (Freight Only): still moving
        "W",   # [ACT] Warehousing (Freight Only)
        "U",   # [ACT] Updates (Track Alert API Only)
        "P",   # [OLD] Pickup
    ),
    Status.info_received: (
        "M",   # [ACT] Billing Information Received (label created)
    ),
    Status.exception: (
        "X",   # [ACT] Exception (the statusCode / text says which)
        "MV",  # [ACT] Billing Information Voided
    ),
    Status.returning: (
        "RS",  # [OLD] Returned to Shipper
    ),
    Status.out_for_delivery: (
        "O",   # [OLD] Out for Delivery
    ),
    Status.unknown: (
        "NA",  # [ACT] Not Available: UPS itself gives no stage
    ),
}

#: `statusCode` ([SDC], compared without leading zeros): every published code.
STATUS_CODES: StatusTable = {
    Status.info_received: (
        "3", "157",   # [SDC] Shipment Ready for UPS
        "166",        # [SDC] Shipment Ready for Roadie
        "44", "45",   # [SDC] On the Way to UPS (not yet handed over)
        "79",         # [SDC] Order Processed: In Transit to UPS
        "80",         # [SDC] Order Processed: Ready for UPS
        "43",         # [SDC] Voided Pickup (the sender's pickup, not a delivery)
        "65",         # [SDC] Pickup Attempted (at the sender)
        "77",         # [SDC] Scheduled for Pickup Today (from the sender)
        "131",        # [SDC] Final Pickup Attempted (at the sender)
        "135",        # [SDC] Second Pickup Attempted (at the sender)
    ),
    Status.in_transit: (
        "5", "10", "25", "39", "47", "87", "158", "159", "164", "165",  # [SDC] On the Way
        "38",         # [SDC] Picked Up by UPS
        "160",        # [SDC] We Have Your Package
        "167",        # [SDC] Dropped off at UPS Store by Customer
        "168",        # [SDC] Dropped off at Retail Location by Customer
        "169",        # [SDC] Dropped off at a UPS Access Point by Customer
        "12",         # [SDC] Clearance in Progress
        "92",         # [SDC] Customs Clearance in Progress
        "14",         # [SDC] Clearance Completed
        "84",         # [SDC] Cleared
        "134",        # [SDC] Cleared Import Customs
        "16",         # [SDC] In Warehouse
        "18",         # [SDC] Delivery Change Requested: Hold for Pickup
        "19",         # [SDC] Held for Future Delivery
        "20",         # [SDC] Held for Future Delivery Requested
        "27",         # [SDC] Delivery Address Change Requested
        "28",         # [SDC] Delivery Address Changed
        "32",         # [SDC] Adverse Weather May Cause Delay
        "41", "56",   # [SDC] Service Upgrade Requested
        "42",         # [SDC] Service Upgraded
        "46", "48", "86", "90",  # [SDC] Delay
        "51",         # [SDC] Delay: Emergency Situation or Severe Weather
        "52", "53",   # [SDC] Delay: Severe Weather
        "54",         # [SDC] Delivery Change Requested
        "55",         # [SDC] Rescheduled Delivery
        "57",         # [SDC] On the Way to a Local UPS Access Point
        "63",         # [SDC] Delivery Change Completed
        "70",         # [SDC] Package not at UPS Access Point yet
        "71",         # [SDC] Preparing for Delivery
        "73",         # [SDC] In Transit to UPS Delivery Partner
        "74",         # [SDC] UPS Delivery Partner has Shipment
        "75",         # [SDC] Scheduled for Delivery
        "82",         # [SDC] Delivery Instructions Received
        "93",         # [SDC] Premier Recovery In Progress
        "94",         # [SDC] Premier Recovery Completed
        "95",         # [SDC] Additional Attempt Requested
        "96",         # [SDC] Address Change Confirmed
        "97",         # [SDC] Address Change Requested
        "98",         # [SDC] Deliver to Original Address Requested
        "99",         # [SDC] Deliver to Original Address Confirmed
        "100",        # [SDC] Hold at UPS Access Point Confirmed (not there yet)
        "101",        # [SDC] Hold at UPS Access Point Requested
        "102",        # [SDC] Hold for Courier Requested
        "103",        # [SDC] Hold for Courier Confirmed
        "104",        # [SDC] Hold for Instructions Confirmed
        "105",        # [SDC] Hold for Instructions Requested
        "106",        # [SDC] Hold for Pickup Confirmed
        "107",        # [SDC] Hold for Pickup Requested
        "108",        # [SDC] Hold for Pickup Today Confirmed
        "109",        # [SDC] Hold for Pickup Today Requested
        "110",        # [SDC] Refrigeration Confirmed
        "111",        # [SDC] Refrigeration Requested
        "112",        # [SDC] Re-Ice Confirmed
        "113",        # [SDC] Re-Ice Requested
        "114",        # [SDC] Request Canceled
        "115",        # [SDC] Reschedule Delivery Confirmed
        "116",        # [SDC] Reschedule Delivery Requested
        "117",        # [SDC] Return by Saturday Confirmed
        "120",        # [SDC] Saturday Delivery Confirmed
        "121",        # [SDC] Saturday Delivery Requested
        "122",        # [SDC] Upgrade Confirmed
        "127",        # [SDC] Investigation Closed
        "128",        # [SDC] Investigation Canceled
        "132",        # [SDC] Airport Security Delay
        "133",        # [SDC] Return Label Left With Customer
        "136",        # [SDC] Delivery Rescheduled for Saturday
        "137",        # [SDC] Transferred to UPS Delivery Partner
        "138",        # [SDC] Awaiting Scheduled Departure
        "153",        # [SDC] Updated Delivery Time
        "154",        # [SDC] Updated Delivery Date
    ),
    Status.out_for_delivery: (
        "6", "21", "37", "89", "91", "146", "162",  # [SDC] Out for Delivery
        "72",         # [SDC] Loaded on Delivery Vehicle
        "78",         # [SDC] Your Driver is Arriving Soon!
    ),
    Status.available_for_pickup: (
        "17",         # [SDC] Held for Customer Pickup
        "40",         # [SDC] Ready for Customer Pickup
        "144",        # [SDC] Delivered to Post Office for Pickup
        "161",        # [SDC] Delivered to UPS Access Point
    ),
    Status.delivered: (
        "11",         # [SDC] Delivered
        "26",         # [SDC] Delivered by Local Post Office
        "143",        # [SDC] Delivered to Agent
        "155",        # [SDC] Delivery Photo (taken at delivery)
        "156",        # [SDC] Commercial Inside Release (left inside the business)
    ),
    Status.delivery_failed: (
        "22",         # [SDC] First Attempt Made
        "23",         # [SDC] Second Delivery Attempted
        "24",         # [SDC] Final Attempt Made
        "60", "145",  # [SDC] Delivery Attempted
        "61",         # [SDC] Delivery Attempted: Adult Signature Required
        "62",         # [SDC] Delivery Attempted: Funds Required
        "64",         # [SDC] Delivery Refused
        "66",         # [SDC] Post Office Delivery Attempted
        "69",         # [SDC] Unable to Deliver
    ),
    Status.exception: (
        "7",          # [SDC] Shipment Information Voided
        "13",         # [SDC] Exception
        "29",         # [SDC] Exception: Action Required
        "30",         # [SDC] Local Post Office Exception
        "49",         # [SDC] Delay: Action Required
        "50",         # [SDC] Address Information Required
        "58",         # [SDC] Clearance Information Required
        "124", "125",  # [SDC] Clearance Information Needed
        "141",        # [SDC] Incomplete Documentation Received
        "123",        # [SDC] Pending Release From Non-UPS Broker
        "126",        # [SDC] Pending Government Agency Release
        "59",         # [SDC] Damage Reported
        "68",         # [SDC] Sent to Lost and Found
        "76",         # [SDC] UPS Delivery Partner Exception
        "83",         # [SDC] Held
        "85",         # [SDC] Held for COD Payment
        "129",        # [SDC] Investigation Opened
        "130",        # [SDC] Claim in Progress
        "139",        # [SDC] Security Access Required
        "140",        # [SDC] Claim Paid - Claim Payment Has Been Processed
        "142",        # [SDC] Claim Voided
        "147",        # [SDC] Seized by Law Enforcement, No Longer in UPS possession
        "149",        # [SDC] Prohibited Contents, Package Destroyed No Longer in UPS possession
    ),
    Status.returning: (
        "33", "119",  # [SDC] Return to Sender Requested
        "118",        # [SDC] Return to Sender Confirmed
        "35",         # [SDC] Returning to Sender
        "36",         # [SDC] Returning to Sender: In Transit
    ),
    Status.returned: (
        "34",         # [SDC] Returned to Sender
        "67",         # [SDC] Returned to Sender by Post Office
        "81",         # [SDC] Returned - Damage Reported
    ),
    Status.unknown: (
        "0",          # [SDC] Status Not Available
        "148", "163",  # [SDC] Package Information Unavailable
        "88",         # [SDC] Test
    ),
}

#: Finer stage for a `statusCode` ([SDC] wording; absent: generic, the text may refine it).
SUB_STATUS: dict[str, SubStatus] = {
    "3": SubStatus.label_created, "157": SubStatus.label_created, "166": SubStatus.label_created,
    "80": SubStatus.label_created, "79": SubStatus.label_created,
    "38": SubStatus.picked_up, "160": SubStatus.picked_up,
    "167": SubStatus.picked_up, "168": SubStatus.picked_up, "169": SubStatus.picked_up,
    "12": SubStatus.customs_processing, "92": SubStatus.customs_processing,
    "14": SubStatus.customs_released, "84": SubStatus.customs_released, "134": SubStatus.customs_released,
    "58": SubStatus.customs_information_required, "124": SubStatus.customs_information_required,
    "125": SubStatus.customs_information_required, "141": SubStatus.customs_information_required,
    "123": SubStatus.customs_held, "126": SubStatus.customs_held,
    "32": SubStatus.delayed, "46": SubStatus.delayed, "48": SubStatus.delayed, "86": SubStatus.delayed,
    "90": SubStatus.delayed, "51": SubStatus.delayed, "52": SubStatus.delayed, "53": SubStatus.delayed,
    "49": SubStatus.delayed, "132": SubStatus.security, "139": SubStatus.security,
    "17": SubStatus.pickup_point, "40": SubStatus.pickup_point, "161": SubStatus.pickup_point,
    "144": SubStatus.pickup_post_office,
    "22": SubStatus.nobody_home, "23": SubStatus.nobody_home, "24": SubStatus.nobody_home,
    "64": SubStatus.refused, "50": SubStatus.bad_address,
    "59": SubStatus.damaged, "81": SubStatus.damaged, "149": SubStatus.damaged,
    "68": SubStatus.lost, "140": SubStatus.lost,
    "147": SubStatus.other,
    "7": SubStatus.cancelled,
    "33": SubStatus.returning, "35": SubStatus.returning, "36": SubStatus.returning,
    "118": SubStatus.returning, "119": SubStatus.returning,
    "34": SubStatus.returned, "67": SubStatus.returned,
}

__all__ = ["STATUS_CODES", "SUB_STATUS", "TYPE_CODES"]
