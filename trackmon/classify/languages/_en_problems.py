# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English problems that stop a parcel: damage, loss, prohibited goods (before any failed attempt is read),
and later, after delivery is read, damage, delays and other exceptions.

Entries of the English table (`en.RULES`), folded patterns (see `text.fold`)."""

from __future__ import annotations

from trackmon.classify.rules import F

# Conditions outside the carrier's hands that hold a parcel up (the corpus reads them as delays, also
# when a line says the parcel "could not be delivered" because of them).
CONDITIONS = (r"(?:(?:bad|severe|adverse|extreme|local) )?weather|natural disaster|force majeure|act of god|(?:bad |heavy )?traffic|(?:labou?r )?strikes?|civil (?:demonstration|unrest)|"
              r"emergency|(?:snow|rain|wind|ice)?storms?|flood(?:s|ing|ed)?|snow(?:fall|s)?|hurricane|typhoon|earthquake|wildfires?|(?:network |service |labou?r )?(?:disruption|interruption)|loss of visibility|extraordinary circumstances|circumstances beyond (?:our|the carrier's) control|operating conditions")
# A means of transport and what went wrong with it ("Aircraft downgrade", "Train derailment", "Truck mechanical").
_VEHICLE = r"(?:aircraft|airline|flight|plane|vessel|ship|truck|tractor trailer|trailer|train|rail|vehicle|van|equipment)s?"
_TROUBLE = r"(?:backlog|downgrade\w*|rerouted|diverted|cancell?(?:ed|ation)|cancel(?:ed|ation)|crew\b.{0,20}|weight and balance|derail\w*|mechanical|malfunction\w*|breakdown|broke down|accident|out of hours)"

# damage, loss, prohibited or seized goods: read before a failed attempt, whatever else the line says
STOPPED = [
    (F.damaged_early, [
        r"\bdetails of the damage\b",  # the sender is told of a damage, whatever was done with the goods
        # damaged before it could be delivered, or the contents no longer all there
        r"\b(?:undeliver\w*|not delivered|attempted)\b.{0,30}\b(?:damaged|broken)\b",
        r"\b(?:consignment|shipment|contents?|package|parcel) (?:is |was )?(?:not complete|incomplete)\b|\b(?:all |some |part of the )?(?:merchandise|contents?|goods) (?:is |are |was |were )?missing\b|\bcontents? shortage\b|\bempty (?:carton|box|package)\b",
        r"damaged merchandise", r"(?<!contained )(?<!contains )\bincomplete (?:shipment|consignment|contents?)\b"], (r"has been delivered to the receiver",)),
    (F.lost, [r"\b(?:lost|theft|stolen|pilfer\w*)\b", r"presumed missing",
              # nobody can find the parcel (an address or a recipient that cannot be found is a failed attempt)
              r"\b(?:not (?:able )?to locate|(?:could|can) ?not (?:be )?(?:located|found)|not (?:be )?located|unable to locate|attempting to locate)\b(?! (?:the |a |your |their )?(?:delivery |consignee'?s? |recipient'?s? |receiver'?s? )?(?:address|receiver|recipient|consignee|addressee|premises|building|house|street|location|residence|property|home|apartment|company|business))",
              r"\b(?:item|parcel|package|shipment|consignment|cargo)s? (?:is |was |are |were |has been |reported )?missing\b"],
     (r"(?:addressee|recipient|receiver|consignee|address) could not be (?:located|found)",)),
    (F.prohibited, [r"alcohol", r"s(?:ei|ie)zed", r"confiscat", r"counterfeit", r"prohibit", r"hazardous|dangerous goods",
                    r"(?<!air-)(?<!air )\b(?:restricted|unauthori[sz]ed) (?:\w+ )?(?:items?|commodit\w*|goods|products?|animals?|substances?)\b|\bcommodity restricted\b",
                    # the parcel destroyed, disposed of or thrown away, whatever the reason
                    r"\b(?:destroy\w*|disposed|disposal|discarded)\b",
                    r"cannot be shipped internationally", r"embargo", r"lithium batter",
                    r"\b(?:import|export) (?:terminated|cancell?ation)\b",
                    # not delivered because of the carrier's conditions (traffic, weather, strikes, time): a delay, no failed attempt
                    r"\b(?:(?:not|could ?n[o']t|cannot|unable to) (?:be )?deliver\w*|deliver(?:y|ies)\b.{0,20}\bfailed)\b.{0,30}\b(?:due to|because of|owing to)\b.{0,20}\b(?:" + CONDITIONS + r"|lack of time|exceeded time ?frame|(?:some |a |an )?(?:shipping |operational |carrier )?exception)",
                    r"\black of time\b|\bexceeded time ?frame\b",
                    r"\bheld for security\b|\bsecurity reasons\b", r"\bdead (?:letter|mail)\b|\b(?:postal |mail )recovery (?:site|cent(?:er|re))\b|\bmail recovery\b"]),  # undeliverable mail
]

# damage, delays and other exceptions of a line that states no delivery, attempt or pickup
PROBLEMS = [
    (F.damaged, [r"damage", r"\bbroken\b", r"merchandise (?:is )?missing", r"contents shortage"]),
    (F.delayed, [
        r"\bdelay", r"rescheduled", r"reschedule",
        # sent the wrong way
        r"\bmis-?(?:sent|shipped|directed|sorted|sort|coded?|routed)\b|\b(?:incorrectly|wrongly) (?:sorted|routed|sent|forwarded)\b|\b(?:sorted|sent|routed|forwarded|delivered|transferred) to (?:the |an? )?(?:wrong|incorrect)\b|\b(?:wrong|incorrect) (?:post office|facility|location|hub|destination|terminal|depot|station|branch|route|routing|sort(?:ing)? (?:centre|center|facility))\b",
        # late against the plan
        r"\blater than (?:expected|planned|scheduled|originally)|\bafter (?:the|a|its) scheduled (?:time|date|day)|\bbehind schedule\b|\brunning late\b|\barriving late\b|\barrived late\b|\bbusiness days? later\b|\bno delivery attempt on (?:the )?scheduled day\b|\bnot (?:on|at) (?:the )?scheduled (?:time|day|date)\b",
        # a planned connection or arrival that did not happen
        r"\b(?:missed|not (?:yet )?arrived|did not arrive|didn't arrive|failed to arrive)\b|\bnot received at the \w+ facility",
        r"left the package (?:on|in)", r"\blate\b",
        r"\b(?:" + CONDITIONS + r")\b",
        r"\bflight cancel", r"unable to (?:load|dispatch)",
        r"working to deliver", r"holiday closure", r"on schedule\b",
        # where or when the carrier cannot deliver every day
        r"\bremote (?:area|address|location)\b|\boutside (?:the |our |partner )?(?:delivery|service) (?:zone|area)\b|\binaccessible\b|\b(?:only accept|accepts? only|accept) deliver(?:y|ies) (?:only )?during\b",
        r"held to verify", r"postponed", r"adjusting (?:our |delivery )?plans", r"update the delivery date", r"new delivery date",
        r"as (?:quickly|soon) as (?:possible|conditions allow)",
        # a means of transport and its trouble
        r"\b" + _VEHICLE + r"\b.{0,20}\b" + _TROUBLE + r"|\b(?:backlog|derailment|accident|breakdown|malfunction)\b.{0,30}\b" + _VEHICLE + r"\b",
        r"\b(?:backlog|downgrade|derail\w*|mechanical|malfunction\w*|breakdown|accident|bumped)\b",
        r"\bflight crew\b",
    ]),
    (F.exception, [
        r"exception",
        # waiting for someone's instructions
        r"\b(?:waiting|awaiting|pending|request(?:ing|ed)?|for)\b (?:for )?(?:(?:additional|further|more|the) )?(?:disposition|instructions)\b",
        # the carrier is looking into it or will get in touch
        r"\b(?:we'll|we will|ups will|will|we're attempting to|we are attempting to) contact (?:the )?(?:customer|recipient|receiver|consignee|addressee)\b",
        r"\b(?:we're|we are|ups is) (?:attempting|trying|working) to (?:verify|update|confirm|correct|resolve|obtain)\b",
        r"\b(?:investigation|claim (?:in progress|opened|filed|issued|submitted)|trace (?:opened|initiated|requested|in progress)|(?:inquiry|enquiry|search) (?:opened|initiated|in progress))\b",
        # label problems
        r"\bmislabel\w*|\b(?:label|barcode|tracking numbers?|tracking label)\b.{0,30}\b(?:missing|unreadable|not readable|invalid|illegible|detached|damaged|error|problem|issue|fault)\b|\b(?:duplicate|missing|unreadable|illegible|invalid|no) (?:\w+ )?(?:label|barcode|tracking numbers?)\b|\bmissing from the label\b|\blabel(?:ling|ing)? (?:error|problem|issue|fault)|lacks the appropriate tracking label",
        r"hazardous|dangerous goods", r"prohibit", r"(?<!air-)(?<!air )restricted", r"embargo",
        r"\bexceeds? (?:(?:the|a|an|your|this) )?(?:maximum|limit)|exceed size|dimensions exceed", r"overweight|oversized?|\bover ?dimension\w*|\bexcess (?:of )?(?:weight|measures?|dimensions?|size|volume)\b",
        r"seized", r"on hold\b", r"held;", r"package held",
        r"billing option", r"cancell?ed|\bcancell?ation\b",
        # stopped on the way, or a problem in the carrier's own handling
        r"\b(?:shipment|object|item|parcel|package|consignment)s? (?:has been |was |is )?stopped\b",
        r"\b(?:distribution|operational|transport|transportation|sorting|processing|routing|handling|line ?haul) (?:problem|issue|incident|error)s?\b",
        # the recipient did not collect it
        r"\b(?:unclaimed|uncollected)\b|^not (?:picked[- ]up|collected|claimed)\.?$|\bnot (?:been )?(?:collected|picked[- ]up|claimed) by (?:the )?(?:customer|recipient|receiver|consignee|addressee)|\b(?:recipient|receiver|customer|consignee|addressee) (?:did not|didn't|has not|hasn't|failed to) (?:collect|pick (?:it )?up|claim)",
        r"resolve the issue", r"preferences are not available", r"irregularity",
        r"alcohol", r"commodity", r"not available\. we'll contact", r"is not available for delivery",
        r"instructions and may return", r"do not currently serve", r"not available to this destination",
        r"\bvoid(?:ed)?\b",
    ], (r"customs", r"clearance")),
    (F.exception, [
        r"\b(?:is being|was being|was|has been|have been|being) held\b", r"^(?:item|package|parcel|shipment|consignment)s? held\b(?! (?:at|in|by|for)\b)",
        r"(?:could not|cannot|can't|unable to) (?:be )?re-?(?:direct|rout|forward)",
        r"(?:we'll|we will|ups will|will|we're unable to deliver.{0,40}) (?:contact|notify) (?:(?:the|a|an|your|this) )?(?:sender|shipper)\b",
        r"\bunable to (?:process|complete|transport|ship|accept|forward)\b", r"\bcannot be (?:processed|transported|shipped|accepted|forwarded)\b",
        # freight not as declared or not in condition
        r"\b(?:discrepanc\w*|overage|shortage|excursion|collapsed)\b",
        # no room or no equipment for it
        r"\bnot (?:booked|honou?red|confirmed)\b|\b(?:equipment|vehicle|space|capacity) (?:not available|unavailable)\b|\bexceeds? (?:the )?(?:allocation|capacity)\b",
        r"\bexceed", r"\birregular", r"\bduplicate\b", r"rejected by (?:the )?(?:\w+ )?(?:carrier|courier|post)\b", r"\b(?:a |an )?(?:problem|issue) (?:with|occurred|has occurred)\b",
        r"\b(?:waiting|awaiting|pending|request(?:ing|ed)?)\b (?:for )?(?:(?:additional|further|more|the) )?information\b",
        r"\berror\b", r"\b(?:is |was )?not valid\b",
        r"\b(?:lost|late|missing|incorrect|awaiting|pending|pending corrected|no|no ocean)(?:/(?:missing|late))* (?:documents?|documentation|bill of lading|information)\b|\b(?:lack of|lacking) (?:\w+ )?(?:documents?|documentation|paperwork)\b",
        r"\bpayment (?:(?:was |has )?not (?:been )?received|refused|declined|failed|overdue|outstanding)\b|\bunpaid\b",
    ], (r"\b(?:addressee|receiver|recipient|consignee|customer) requested\b", r"\breceipt of payment\b", r"\bdut(?:y|ies)\b|\btax(?:es)?\b", r"customs", r"clearance", r"\bbroker", r"\bduties\b", r"\bimport\b", r"\bexport\b", r"for (?:pick.?up|collection)", r"held for",
        r"will call", r"at (?:the |a )?(?:post office|access point|counter|retail)", r"\bhold at location\b", r"\bcollect",
        r"future delivery", r"(?:customer|receiver|recipient|consignee|sender|shipper)'?s? request", r"requested by",
        r"onward|overnight|pending (?:dispatch|departure|transport)|awaiting (?:transport|dispatch|departure)",
        r"next (?:available )?(?:flight|truck|trailer|vehicle)")),
    # last resort before the ordinary scans: something could not be done
    (F.exception, [r"\b(?:unable to|cannot|can ?not|can't|could not|couldn't|failed to|not able to|impossible to)\b"],
     (r"customs", r"clearance", r"\bbroker", r"\bdut(?:y|ies)\b", r"\bimport\b", r"\bexport\b", r"\bpick ?up\b", r"\bcollect")),
]

__all__ = ["CONDITIONS", "PROBLEMS", "STOPPED"]
