# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English problems that stop a parcel: damage, loss, prohibited goods (before any failed attempt is read),
and later, after delivery is read, damage, delays and other exceptions.

Entries of the English table (`en.RULES`), folded patterns (see `text.fold`)."""

from __future__ import annotations

from trackmon.classify.rules import F

# damage, loss, prohibited or seized goods: read before a failed attempt, whatever else the line says
STOPPED = [
    (F.damaged_early, [r"\b(?:undeliver\w*|not delivered)\b.{0,20}\b(?:damaged|broken)\b", r"\battempted but (?:the )?\w+ (?:was|is) (?:damaged|broken)\b", r"\b(?:consignment|shipment) (?:is )?(?:not complete|incomplete)\b", r"merchandise (?:is )?missing", r"all merchandise", r"damaged merchandise", r"contents shortage",
                       r"details of the damage"], (r"has been delivered to the receiver",)),
    (F.lost, [r"\blost\b", r"presumed missing", r"\bnot (?:able )?to locate\b", r"\b(?:item|parcel|package|shipment|consignment|cargo)s? (?:is |was |are |were |has been |reported )?missing\b", r"could not be located", r"not (?:be )?located", r"\btheft\b|\bstolen\b",
              r"\b(?:shipment|package|parcel|item)\b[^.]{0,30}\b(?:can ?not|could not) be found",
              r"\battempting to locate\b(?! (?:the |a )?(?:address|receiver|recipient|consignee|addressee))"],
     (r"(?:addressee|recipient|receiver|consignee|address) could not be (?:located|found)",)),
    (F.prohibited, [r"alcohol", r"seized", r"confiscat", r"counterfeit", r"prohibit", r"hazardous|dangerous goods", r"restricted (?:item|commodit)",
                    r"commodity restricted", r"being disposed", r"cannot be shipped internationally", r"embargo",
                    r"lithium batter", r"unauthori[sz]ed animal", r"postal (?:disposal|recovery) site",
                    r"unauthori[sz]ed (?:\w+ )?(?:commodit|item|goods|product|animal)", r"\b(?:import|export) (?:terminated|cancell?ation)\b", r"\b(?:subsequently|then|and) (?:destroyed|disposed)\b", r"\black of time\b|\bexceeded time ?frame\b",
                    # not delivered because of the carrier's conditions (traffic, weather, strikes): a delay, no failed attempt
                    r"\b(?:not|could ?n[o']t|cannot|unable to) (?:be )?deliver\w*\b.{0,30}\b(?:due to|because of)\b.{0,20}\b(?:weather|traffic|strike|flood|snow|storm|natural disaster|force majeure)",
                    r"\bheld for security\b|\bsecurity reasons\b", r"\bdead (?:letter|mail)\b|\bmail recovery\b"]),
]

# damage, delays and other exceptions of a line that states no delivery, attempt or pickup
PROBLEMS = [
    (F.damaged, [r"damage", r"\bbroken\b", r"merchandise (?:is )?missing", r"contents shortage", r"discarded"]),
    (F.delayed, [
        r"\bdelay", r"rescheduled", r"reschedule", r"missed (?:(?:the|a|an|your|this) )?(?:scheduled|connection)", r"misrouted",
        r"incorrectly sorted", r"did not arrive", r"not received at the ups facility", r"left the package (?:on|in)",
        r"late (?:flight|trailer|arrival)", r"arrived late", r"weather", r"natural disaster", r"emergency",
        r"flight cancel", r"unable to (?:load|dispatch)", r"disruption", r"labor strike", r"civil demonstration",
        r"(?:was|has been) missed at (?:the|a) destination", r"working to deliver", r"one business day later", r"after (?:the|a) scheduled time",
        r"inaccessible", r"holiday closure", r"on schedule\b", r"to the wrong (?:post office|facility|location)",
        r"only accept delivery during", r"held to verify", r"no delivery attempt on scheduled day",
        r"postponed", r"later than (?:expected|planned|scheduled|originally)", r"behind schedule", r"running late",
        r"(?:late|delayed) (?:flight|trailer|arrival|departure|truck|train)", r"\bbusiness days? later\b",
        r"(?:wrong|incorrect) (?:post office|facility|location|hub|destination|terminal|depot|station|branch|route|routing|sort(?:ing)? (?:centre|center|facility))",
        r"(?:sorted|sent|routed|forwarded|delivered) to (?:the |an? )?(?:wrong|incorrect)\b", r"accept deliver(?:y|ies) (?:only )?during",
        r"\barriving late\b", r"\bmis-?(?:sent|shipped|directed|sorted|sort|coded?|routed)\b", r"\bnot (?:yet )?arrived\b", r"adjusting (?:our |delivery )?plans", r"update the delivery date", r"new delivery date",
        r"as (?:quickly|soon) as (?:possible|conditions allow)",
        r"\bmissed\b", r"\blate\b", r"\bbacklog\b", r"\bdowngrade\b", r"\bforce majeure\b|\bact of god\b", r"\btraffic\b",
        r"\bbumped\b", r"\bderail", r"\bmechanical\b", r"\bmalfunction", r"\baccident\b", r"\bbreakdown\b",
        r"\b(?:aircraft|flight|vessel|truck|airline|train)s? (?:was |were |has been )?(?:rerouted|diverted|cancell?ed)",
        r"\bflight crew\b", r"\bremote area\b", r"\boutside (?:the )?(?:delivery|service) (?:zone|area)\b",
    ]),
    (F.exception, [
        r"exception", r"hazardous|dangerous goods", r"prohibit", r"restricted", r"embargo", r"exceeds the maximum",
        r"exceeds (?:(?:the|a|an|your|this) )?(?:maximum|limit)|exceed size|dimensions exceed", r"overweight|oversized", r"destroyed",
        r"seized", r"disposed", r"on hold\b", r"held;", r"package held", r"verify (?:the|a|this|your) (?:package|parcel|shipment|item)s? (?:location|facility)",
        r"billing option", r"c\.?o\.?d\.? (?:tag|amount)", r"cancell?ed", r"lacks the appropriate tracking label",
        r"unclaimed", r"resolve the issue", r"investigation", r"preferences are not available", r"irregularity",
        r"tracking label", r"alcohol", r"commodity", r"not available\. we'll contact", r"is not available for delivery",
        r"instructions and may return", r"label became detached", r"do not currently serve", r"not available to this destination",
        r"attempting to contact the receiver", r"will contact (?:the )?(?:customer|recipient|receiver|consignee|addressee)", r"\bvoid(?:ed)?\b",
        r"\bclaim (?:in progress|opened|filed|issued|submitted)\b", r"\bdead letter\b", r"^not (?:picked[- ]up|collected|claimed)\.?$",
        r"\bnot (?:been )?(?:collected|picked[- ]up|claimed) by (?:the )?(?:customer|recipient|receiver|consignee|addressee)",
        r"\b(?:recipient|receiver|customer|consignee|addressee) (?:did not|didn't|has not|hasn't) (?:collect|pick up|claim)",
    ], (r"customs", r"clearance")),
    (F.exception, [
        r"\b(?:is being|was being|was|has been|have been|being) held\b", r"^(?:item|package|parcel|shipment|consignment)s? held\b(?! (?:at|in|by|for)\b)",
        r"(?:could not|cannot|can't|unable to) (?:be )?re-?(?:direct|rout|forward)",
        r"(?:we'll|we will|ups will|will|we're unable to deliver.{0,40}) (?:contact|notify) (?:(?:the|a|an|your|this) )?(?:sender|shipper)\b",
        r"\bunable to (?:process|complete|transport|ship|accept|forward)\b", r"\bcannot be (?:processed|transported|shipped|accepted|forwarded)\b",
        r"\b(?:label|barcode|tracking number|tracking label)\b.{0,30}\b(?:missing|unreadable|not readable|invalid|illegible|detached|damaged)\b",
        r"\bexceed", r"\birregular", r"\bmislabel", r"\blabel(?:ling|ing)? (?:error|problem|issue|fault)", r"rejected by (?:the )?(?:\w+ )?(?:carrier|courier|post)\b", r"\b(?:a |an )?(?:problem|issue) (?:with|occurred|has occurred)\b",
        r"request(?:ing|ed)? (?:additional |further |more )?(?:information|instructions)",
        r"\berror\b", r"\bdiscrepanc", r"\b(?:is |was )?not valid\b", r"\bduplicate\b", r"\bexcursion\b", r"\bdisposition\b", r"\binterruption\b|\bloss of visibility\b",
        r"\bcollapsed\b", r"\b(?:overage|shortage)\b", r"\bnot (?:booked|honou?red|confirmed)\b", r"\b(?:equipment|vehicle|space|capacity) not available\b",
        r"\b(?:lost|late|missing|incorrect|awaiting|pending|pending corrected|no|no ocean)(?:/(?:missing|late))* (?:documents?|documentation|bill of lading|information)\b",
        r"\bpayment (?:not received|refused|declined|failed)\b",
    ], (r"\b(?:addressee|receiver|recipient|consignee|customer) requested\b", r"\breceipt of payment\b", r"\bdut(?:y|ies)\b|\btax(?:es)?\b", r"customs", r"clearance", r"\bbroker", r"\bduties\b", r"\bimport\b", r"\bexport\b", r"for (?:pick.?up|collection)", r"held for",
        r"will call", r"at (?:the |a )?(?:post office|access point|counter|retail)", r"\bhold at location\b", r"\bcollect",
        r"future delivery", r"(?:customer|receiver|recipient|consignee|sender|shipper)'?s? request", r"requested by",
        r"onward|overnight|pending (?:dispatch|departure|transport)|awaiting (?:transport|dispatch|departure)",
        r"next (?:available )?(?:flight|truck|trailer|vehicle)")),
    # last resort before the ordinary scans: something could not be done
    (F.exception, [r"\b(?:unable to|cannot|can ?not|can't|could not|couldn't|failed to|not able to|impossible to)\b"],
     (r"customs", r"clearance", r"\bbroker", r"\bdut(?:y|ies)\b", r"\bimport\b", r"\bexport\b", r"\bpick ?up\b", r"\bcollect")),
]

__all__ = ["PROBLEMS", "STOPPED"]
