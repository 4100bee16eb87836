# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English carrier wording: UPS, FedEx, USPS, DHL, Royal Mail, postal (UPU) and consolidator texts.

Patterns are folded (see `text.fold`): no accents, lower case. Phrases are written by family (one phrase
reads every wording of "nobody home", "a label created" …), general phrases first. The failed attempts
are in `_en_failed`, damage, loss, delays and other problems in `_en_problems`, the words that mark a
text as English in `_en_vocab`."""

from __future__ import annotations

from trackmon.classify.languages._en_failed import FAILED
from trackmon.classify.languages._en_problems import PROBLEMS, STOPPED
from trackmon.classify.languages._en_vocab import VOCAB
from trackmon.classify.rules import F, table

RULES = table("en", [
    (F.returned, [
        r"\bdelivered[,:]?(?: -)? (?:back )?to (?:(?:the|a|an|your|this) )?(?:original )?(?:sender|shipper)",
        r"\bdelivered to original sender", r"return (?:was |has been )?delivered", r"returned,? delivered",
        r"returned to (?:(?:the|a|an|your|this) )?(?:sender|shipper),? delivered",
        # the sender received the return back, in either voice
        r"\b(?:package|item|parcel|return|shipment|consignment)s? (?:was |has been )?(?:successfully )?(?:received|accepted|collected) by (?:(?:the|a|an|your|this) )?(?:original )?(?:sender|shipper|merchant|seller)|\b(?:sender|shipper|merchant|seller) (?:has )?(?:successfully )?(?:received|accepted|collected) (?:the |your |a )?return(?:ed)? (?:package|parcel|item|shipment|consignment)",
        r"\bpackage delivered to (?:(?:the|a|an|your|this) )?original sender",
        r"\breturned to (?:(?:the|a|an|your|this) )?(?:sender|shipper) via",
        # a return to origin (RTO) completed, delivered to a returns centre, or "successfully returned"
        r"\brto delivered\b|\breturn(?:ed)? to origin (?:delivered|completed?)\b",
        r"\b(?:delivered|returned|arrived) (?:back )?(?:to|at) (?:(?:the|a|an|our|your) )?returns? (?:centre|center|warehouse|depot|department|facility)\b",
        r"\bsucc?ess?fully returned (?:back )?to (?:(?:the|a|an|your|this) )?(?:original )?(?:sender|shipper|consignor|seller|merchant)\b",
    ]),
    (F.sender_attempt, [
        # a collection tried, failed, booked or cancelled
        r"\b(?:tried|attempted|trying|attempting) to (?:pick[- ]?up|collect)\b(?! (?:the )?(?:payment|funds|cod|c\.o\.d|duties|charges))|\b(?:pick[- ]?up|collection) attempt(?:ed)?\b|\b(?:collection|pick[- ]?up)(?: attempt)? (?:has )?(?:failed|was unsuccessful|unsuccessful|not possible|exception|error)\b",
        r"\b(?:collection|pick[- ]?up)(?: request)? (?:is |was |has been )?(?:\w+ly )?(?:booked|arranged|scheduled|re-?scheduled|queued|requested|cancell?ed|confirmed)\b|\b(?:scheduled|requested|request|booked|arranged) for (?:pick[- ]?up|collection)\b",
        # the carrier on its way to collect
        r"\b(?:en ?route|on (?:the|its|their|my) way|out|heading|driving) (?:to|for) (?:the )?(?:p/u|pick[- ]?up|collection)\b(?! (?:point|location|station|shop|place|centre|center))",
        r"not ready for (?:pick[- ]?up|collection)", r"unable to collect (?:the (?:package|parcel|shipment) )?from (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
        r"shipper not ready", r"preparing to pick up",
        r"\b(?:sender|shipper|seller|merchant) (?:couldn't|could not|did not|didn't|has not|hasn't) (?:yet )?(?:hand(?:ed)? (?:it |the \w+ |your \w+ )?over|tender|drop)",
        r"\btry to collect (?:it|the (?:package|parcel|shipment)) again\b", r"awaiting (?:carrier|courier) pick[- ]?up",
        r"has not received the (?:package|parcel)",
        # not yet handed to the carrier
        r"\b(?:will (?:shortly |soon )?be|not(?: yet)?(?: been)?|yet to be|to be) (?:handed|tendered|dropped off) (?:over )?(?:to|at)\b",
        r"awaiting item\b", r"ready for (?:ups|fedex|dhl|usps|shipment)\b",
        # the sender preparing the parcel
        r"\b(?:(?:sender|shipper|seller|merchant|retailer) (?:is )?)?(?:preparing|confirmation of preparation of) (?:your |the |an? )?(?:shipment|order|item|parcel|package)s?\b(?! return)|\bshipment (?:is )?(?:ready|being prepared)(?! for (?:pick|transport|collection))",
        r"\b(?:sender|shipper|seller|merchant|retailer) (?:is )?(?:despatching|dispatching|packing|preparing to (?:despatch|dispatch|send|ship))\b",
        r"\bnot (?:yet )?(?:physically )?(?:with|in the hands of) (?:the )?(?:carrier|courier)\b",
        r"recorded by the (?:foreign )?sender", r"data delivered\)?", r"\bis announced\b",
        r"received the information",
    ], (r"picked[- ]up", r"hold for pick[- ]?up", r"(?:customer|recipient|receiver|consignee|addressee)", r"shipping partner facility")),
    # the sender-side pickup service (GLS Pickup-Service, pickup requests), whatever happened to the request
    (F.sender_attempt, [r"\bcould not be picked up as\b", r"\b(?:data|order|request|label)s? (?:for|to) (?:the )?pick[- ]?up(?:[- ]service)?\b",
                        r"\bpick-?up request (?:has been |was )?cancell?ed\b"]),
    (F.sender_collected, [
        r"(?:collected|picked[- ]up|received) from (?:(?:the|a|an|your|this) )?(?:sender|shipper|merchant|seller)",
        r"received from (?:ups )?access point", r"picked[- ]up by (?:(?:the|a|an|your|this) )?(?:shipping partner|carrier|courier|ups|fedex|dhl)",
        r"\bpick[- ]?up scan\b", r"\bpickup by ups", r"\bpackage reported picked[- ]up", r"taken from the packstation",
        r"^(?:item |parcel |package |shipment )?(?:accepted|dropped off|posted|posting|lodged|handed in) (?:at|in) (?:(?:the|a|an|your|this) )?(?:\w+ )?(?:parcel ?shop|post office|service point|pick-?up point|access point|counter|branch|drop[- ]?off point|packstation|parcel locker|locker|parcel machine)",
    ]),
    (F.return_trip, [r"out for delivery (?:back )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
                     r"on (?:its|the) way (?:back )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)"]),
    (F.neutral_early, [
        r"delivered to (?:an? )?(?:agent|local post office|post office) for (?:final )?delivery",
        r"delivered to (?:(?:the|a|an|your|this) )?destination post\b", r"tendered to (?:an? )?(?:authorized )?agent for final delivery",
        r"transferred to (?:a|the) postal provider", r"sent back to the post office for delivery",
        r"delivery (?:to (?:ups )?access point[^ ]* (?:location )?)?(?:is )?pending", r"\bdelivery scheduled\b",
        r"(?<!re)scheduled for (?:ups )?delivery", r"in transit.{0,20}delivery (?:scheduled|rescheduled)",
        r"\bnot yet released\b", r"redirect\w*",
        r"\bwill (?:be )?deliver(?:ed)?\b|\b(?:will|to) (?:be )?re-?deliver(?:ed)?\b",  # a delivery announced or another one planned
        r"\bdelivery preferences? (?:-|:|set|saved|updated|changed)",  # what the receiver chose, not where it was left
        r"upgrade(?:d)?\b", r"delivery (?:date|information|instructions?) (?:was |has been )?(?:updated|changed)",
        r"updated (?:(?:the|a|an|your|this) )?delivery information", r"\bforwarded to (?:the |a )?(?:addressee's |new |correct |recipient's )?address\b", r"delivery change", r"re-?route (?:to|d to)", r"not eligible for .{0,40}delivery",
        # a delivery the receiver or sender asked for
        r"\b(?:requested|provided|arranged) (?:a |an |the )?(?:delayed |alternate |new |later |different |second )?delivery\b|\b(?:delivery attempt|alternate delivery address|delivery address|delivery date|delivery) (?:has been|was|is) (?:requested|provided|arranged)\b",
        r"held for a future delivery date", r"cancell?ed the will call", r"address corrected", r"directions found",
        r"out for delivery to (?:ups )?access point", r"\bhold (?:for|at) .{0,40}\b(?:requested|confirmed)\b", r"information sent to (?:(?:the|a|an|your|this) )?(?:usps|u\.?s\.? postal service|postal service)",
    ], (r"later than expected", r"after (?:the|a) scheduled time", r"(?:could not|cannot|can't|unable to) (?:be )?re-?(?:direct|rout)", r"one business day later", r"unavailable|\bnot available\b", r"will contact",
        r"damage"), ""),
    # a locker that could not take the parcel: an exception, before any language's locker rule
    (F.pickup_problem, [r"\blocker (?:is |was )?(?:full|out of (?:order|service)|unavailable|malfunction)"]),
    (F.locker, [
        r"(?:parcel |delivered to (?:a |the )?)?locker\b|packstation|parcel (?:machine|terminal)|paczkomat|mypost24|\b(?:deposited|placed|stored) in (?:the |a )?\w+ machine\b",
    ], (r"(?:collected|picked[- ]up|retrieved|removed)\b.{0,30}\b(?:from|at|by)", r"does not fit", r"not fit in locker",
        r"taken from the packstation", r"posted by the sender", r"\b(?:posting|posted|dropped off|lodged) (?:at|in)\b",
        r"^delivered(?:,| -) (?:in |to |at )?(?:a |the )?parcel locker",  # USPS "Delivered, <where>": the mailbox's parcel locker
        # a locker that is full or has a problem holds nothing for the buyer (also where Spanish and
        # Italian lines borrow the English word: "INCIDENCIA EN LOCKER", "LOCKER PIENO")
        r"\blocker (?:is )?(?:full|pieno|lleno)\b", r"\bincident|\bincidencia\b",
        r"community mailbox", r"\blocker (?:pick.?up|collection|retention) (?:period )?(?:expired|has expired)")),
    (F.point, [
        r"(?:available|ready|awaiting|waiting)\b.{0,40}\b(?:pick.?up point|access point|parcel ?shop|service point|collection point)",
        # arrived at, reached or delivered to a pickup point
        r"\b(?:arriv(?:ed|al|es)|reached|delivered|deposited|placed|held|kept|stored) (?:at |to |in )?(?:(?:the|a|an|your|this) )?(?:destination |local |nearest )?(?:\w+[- ])?(?:access point|pick.?up point|parcel ?shop|service point|collection point|retail outlet|fermopoint|pick.?up location)|^(?:item|parcel|package|shipment|consignment)s? (?:is )?(?:now )?(?:at|in) (?:the |a |your )?(?:pick.?up|collection|service|parcel) ?(?:point|shop|location|place)\b",
        r"(?:at|in) (?:a |the )?(?:ups )?access point\S* (?:location )?and awaiting",
        r"available (?:at|for pick.?up from) the retail outlet",
        r"\bremains at the ups access point", r"ready for pick-?up at the packstation",
    ], (r"\bcollected at\b", r"picked[- ]up at ups access point")),
    (F.post_office, [
        # it must be collected within a time limit
        r"\b(?:must|should|needs? to) be (?:picked[- ]up|collected) within\b|\b(?:pick.?up|collection) must be made within\b",
        r"(?:available|ready)\b.{0,40}\b(?:for|or) (?:pick.?up|collection)",
        r"\b(?:awaiting|waiting for|ready for|available for) (?:(?:the|a|an|your|this) )?(?:(?:customer|cnee|consignee|recipient|receiver|addressee)(?:'s)? )?(?:pick.?up|collection)\b",
        r"waiting (?:for|to be) (?:collected|collection|picked[- ]up|pick.?up)",
        r"\bready for (?:the )?(?:recipient|receiver|customer|consignee|addressee) to (?:come (?:and |to )?)?(?:pick|collect)",
        # at the post office (or a depot, a counter) for the recipient
        r"\b(?:delivered|sent|taken|transferred) to (?:the |a )?(?:local )?(?:post office|postal outlet|branch|depot)\b.{0,10}\bfor (?:pick.?up|collection)\b|\brequires? (?:pick.?up|collection) (?:from|at) (?:the |a )?(?:post office|postal|counter|branch|depot)|\bheld at (?:(?:the|a|an|your|this) )?(?:post office|postal facility|ups facility|customer service point|depot|counter|branch)\b",
        # it can, must or may now be collected
        r"\b(?:can|may|ready to|waiting to) (?:now )?be (?:picked[- ]up|collected)\b|\bto be collected\b", r"collect (?:it|your (?:item|parcel))",
        # held or registered for collection, the holding period extended
        r"\b(?:held|kept|stored|registered|reserved) for (?:(?:the )?(?:customer|receiver|recipient|consignee)(?:'s)? )?(?:pick.?up|collection)\b|\bhold at location\b|\bretention period (?:was |has been )?extended\b",
        r"requested (?:this|the) (?:package|parcel|shipment|item|consignment) (?:to )?be held for (?:pick.?up|collection)",
        r"ready to collect\b", r"ready for pick-?up at the post office", r"reminder to pick up", r"held in a ups store",
        r"(?:customer|receiver|recipient|consignee) (?:can|may|must|should|needs to) (?:now )?(?:pick (?:it |the package )?up|collect)",
        r"held (?:at|in) (?:the |a |our )?(?:\w+ ){0,2}(?:facility|location|store|office|counter|branch|depot|center|centre) (?:for|awaiting|until) (?:pick.?up|collection|the (?:customer|receiver|recipient))",
    ], (r"(?:carrier|courier|driver) (?:pick.?up|collection)", r"from (?:(?:the|a|an|your|this) )?(?:sender|shipper|merchant|seller)",
        r"by the sender only", r"\bnot (?:been )?(?:collected|picked[- ]up|claimed)\b")),
    (F.point, [
        r"(?:^|\b(?:is|now|arrived|deposited|placed|stored|waiting|available)\b.{0,12})\b(?:at|in) (?:the |a |your |our )?(?:pick.?up|collection|service|parcel) (?:point|shop|location)\b",
    ], (r"\bon (?:the|its) way\b", r"\b(?:collected|picked[- ]up) (?:at|from)\b", r"sender")),
    (F.post_office, [
        r"\bavailable (?:to collect|at (?:the |a |your )?(?:local )?(?:post office|postal outlet|counter|branch|depot))\b",
        r"\bwaiting for (?:the )?(?:recipient|receiver|customer|consignee|addressee) to (?:pick (?:it )?up|collect)\b",
        r"\b(?:stored|kept) at (?:the |a )?(?:\w+ )?(?:depot|branch|office|counter) for (?:collection|pick.?up)\b",
    ], (r"sender", r"shipper")),
    (F.post_office, [r"\bready to (?:collect|be collected|be picked[- ]up)\b", r"\bwaiting to be (?:collected|picked[- ]up)\b"],
     (r"sender", r"shipper", r"courier", r"driver"), "n"),
    (F.post_office, [r"\b(?:will|arranged to|is going to) pick ?up (?:(?:the|a|this|your) (?:package|parcel|shipment|item)s? )?at\b", r"will[- ]call\b", r"(?:held|hold) for pick-?up at"], (r"cancel",), "n"),
    (F.returning, [r"return(?:ed|ing)? (?:the |this |your |it |a )?(?:(?:package|parcel|shipment|item)s? )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
                   r"process of returning"], (r"remaining content will",), "n"),
    (F.returning, [r"\band returned (?:it|the \w+) to (?:(?:the|a|an|your|this) )?(?:sender|shipper)"], (), ""),
    (F.returning, [
        r"return(?:ing|ed)? to (?:(?:the|a|an|your|this) )?(?:sender|shipper|seller|merchant|consignor)", r"being returned",
        # return to origin (RTO): requested, in transit, out for delivery back ...; in transit back to the sender
        r"^rto\b|\breturn to origin\b",
        r"\bin transit (?:back )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper|consignor|seller|merchant|origin)\b", r"will be returned", r"returning to",
        # a return under way: started, posted, being prepared
        r"\breturn (?:is )?(?:in progress|initiated|started)\b|\breturn (?:item|parcel|package|shipment|consignment) (?:was |has been )?(?:accepted|posted|dropped off|lodged)\b|\b(?:preparing|processing|initiat\w*) (?:the |a )?(?:package |parcel |shipment |item )?return\b",
        r"returned to origin", r"\breturn to shipper",
        r"being sent back", r"returned to (?:(?:the|a|an|your|this) )?(?:warehouse|export location)", r"on its way to the sender",
        r"\brts\b", r"marked rto", r"is returned\b", r"will be returned\b", r"(?:contents?|merchandise|balance).{0,20}(?:being )?returned",
        r"returned (?:to the sender )?at a different service level", r"awaiting customs authorization before returning",
        r"shipper requested return", r"\breturned\b(?! (?:from|by|goods|to (?:ups|the carrier|fedex|dhl|usps|inventory)\b))",
        r"sent back to (?:(?:the|a|an|your|this) )?(?:sender|shipper|origin)", r"return(?:ed|ing)? (?:\w+ ){1,3}to (?:(?:the|a|an|your|this) )?(?:sender|shipper|origin)\b",
        r"\bwill (?:be )?return\b(?! to (?:the )?(?:delivery|recipient|receiver|address|depot|facility))",
        r"\bsent back\b(?! to (?:the |a )?(?:post office|postal outlet|delivery|depot|facility|hub|courier|driver|sorting))",
    ], (r"return label", r"pre-authorized return", r"remaining content will", r"\bmay (?:be|cause|result in)\b.{0,25}\breturn", r"(?:returned|sent back) (?:to|from) (?:\w+ ){0,2}customs\b",
        r"returned to (?:the )?post from", r"\bto inventory\b")),
    *STOPPED,
    *FAILED,
    (F.out_for_delivery, [
        r"out[- ]for[- ](?:physical )?delivery|^for delivery$",
        # on or loaded into the delivery vehicle
        r"\b(?:on|onto|into|in|aboard) (?:(?:the|a|an|your|this|our) )?(?:\w+ )?(?:vehicle|van|truck) for delivery\b|\b(?:loaded |placed )?(?:on|onto|into|aboard|on ?board) (?:(?:the|a|an|your|this|our) )?(?:delivery|courier) (?:vehicle|van|truck)\b",
        # with the courier who delivers it
        r"\bwith (?:(?:the|a|an|your|this|our) )?(?:local )?(?:delivery |delivering )?(?:courier|driver|postman|mail carrier)\b(?! for pick)|\bwith (?:the |a |our )?delivering agent\b|\b(?:with|handed (?:over )?to|assigned to|given to) (?:the |a |our )?(?:local )?(?:driver|courier|postman|mail carrier|delivery agent) for delivery",
        # the delivery under way
        r"\bdelivery (?:attempt )?(?:is )?(?:in progress|under ?way)\b|\b(?:is |now )?being delivered\b|(?<!delay )(?<!delays )(?<!delayed )\bin delivery\b(?!\s+(?:fail|problem|issue|exception|facility|centre|center|depot|office|station|hub))|\bdelivery round\b|\b(?:gone )?out on (?:a |the |its )?delivery (?:route|round|run)\b",
        r"on its way to (?:you|the recipient)\b", r"on ?board for delivery", r"enroute to delivery",
        r"parcel is expected to be delivered during the day", r"out for delivery today",
        r"loaded (?:on|onto|into) (?:(?:the|a|an|your|this) )?(?:van|truck|courier van)",
        r"(?:on (?:the|its) way|en ?route|out) (?:to|for) (?:final )?delivery",
        r"on (?:the|its) way to (?:the |your )?(?:delivery (?:address|location)|receiver|recipient|consignee|destination address)",
        r"(?:on ?board|en ?route|on route) (?:to|for) delivery",
    ], (), "n"),
    # due today, or the driver nearly there: out for delivery now (no guard: "will be delivered today" is today's round)
    (F.out_for_delivery, [r"\b(?:expected|due) to (?:be delivered|arrive) (?:today|during the day)\b|\b(?:coming|arriving) today\b|\bdelivery is expected today\b|\bdriver is (?:arriving|nearby|close by|on (?:the|their|his|her) way)\b"], (), ""),
    (F.delivered, [
        r"(?<!be )(?<!being )\bdelivered\b(?!,? (?:to|at) (?:(?:the|a|an|your|this) )?(?:customs|carrier|airline|local|post office|postal|"
        r"destination|partner|courier|hub|facility|warehouse|sorting|airport|delivery|operator|usps|ups|dhl|"
        r"ups access point))",
        r"(?:picked[- ]up|pick-?up|collected) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|customer|consignee|receiver)",
        r"individual picked[- ]up", r"(?<!for )final delivery",
        # picked up or collected by the recipient at a post office, point or locker
        r"\b(?:picked[- ]up|collected)\b(?: by \w+(?: or \w+)?)? at (?:(?:the|a|an|your|this) )?(?:ups |usps |\w+ )?(?:post office|postal (?:facility|outlet)|access point|usps facility|ups facility|counter|pick-?up point|collection point|parcel ?shop|service point|locker|\w+-fermopoint)",
        r"delivery complete", r"delivery completed", r"\bdelivery (?:success|successful|succeeded)\b", r"receiver acknowledges receipt", r"acknowledged receipt",
        r"item is collected at the pick-?up point",
        # signed for: a signature or a proof of delivery
        r"\b(?:signature (?:obtained|received|captured|recorded|collected)|signed (?:for )?by|sign by (?:the )?(?:customer|recipient|receiver|consignee|addressee)|(?:delivery|delivered) with signature|proof of delivery)\b",
        r"left (?:at|with|in) (?:(?:the|a|an|your|this) )?(?:front|back|side|individual|neighbou?r|reception|mailbox|safe)",
        r"delivered successfully", r"successfully delivered", r"^successful\.?$",
        r"left with individual", r"neighbor - by request", r"other location at address",
        r"delivery (?:was|has been) made", r"complete the delivery", r"left in a delivery bag", r"delivered to a meter box",
        # a damage found by the receiver or at delivery: it was delivered
        r"\b(?:receiver|recipient|consignee|addressee|customer) (?:has )?(?:reported|noted|claimed|found)\b.{0,30}\b(?:damaged?|broken)\b|\bdamage (?:was )?(?:noted|reported|found) (?:at|on|upon|after) delivery\b|\bafter the delivery (?:was|has been) made\b",
        r"(?:received|signed for|accepted) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver|customer)",
        r"handed (?:over )?to (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver)",
        r"\b(?:handed|given) (?:over )?to (?:(?:the|a|an|your|this) )?(?:resident|householder|occupant|neighbou?r|family member|customer|concierge|reception(?:ist)?)\b",
        # the receiver has it: picked up, collected, received, accepted or kept
        r"\b(?:consignee|recipient|receiver|addressee|customer) (?:has |have )?(?:(?:picked[- ]up|collected|retrieved)\b|(?:received|accepted|kept|chose to keep) (?:the |their |his |her )?(?:shipment|package|parcel|item|goods|freight|consignment)s?\b)",
        r"delivered (?:successfully|in full)",
        r"(?:picked[- ]up|collected|retrieved|removed) from (?:(?:the|a|an|your|this) )?(?:\w+ ){0,2}(?:parcel )?(?:locker|packstation|parcel machine|parcel terminal|pick-?up point|parcel ?shop|service point|collection point)",
        # where it was left: a door, the porch, the mailroom, with a neighbour (UPS names the place alone: "Front Desk")
        r"left (?:at|with|in|on|behind|inside) (?:the |a )?(?:\w+ ){0,2}(?:door|porch|mailbox|mail ?room|garage|reception|neighbou?r|delivery bag|safe place|front desk)|^(?:(?:front|rear|back|side) door|front desk|door ?person|receiving office|met customer|inside delivery|mail ?room|management office)$",

    ]),
    *PROBLEMS,
    (F.export_clearance, [
        r"\bexport\b.{0,30}\b(?:clearance|customs|declaration|formalities|inspection)",
        r"\b(?:clearance|customs)\b.{0,20}\b(?:export|at origin|in the origin country|of origin)\b",
    ], (r"\bimport\b", r"\b(?:complete|completed|cleared|released|approved|finished|finalized)\b")),
    (F.departed, [
        r"depart\w* (?:from )?(?:(?:the|a|an|your|this) )?(?:origin country|country of origin|outward office|origin airport|port of origin|usa|hk|departure country)",
        r"left (?:(?:the|a|an|your|this) )?(?:origin country|country of origin)", r"left china", r"departed china", r"\bexport (?:scan|approved|facility)",
        r"(?:dispatch\w*|despatch\w*) (?:from|to) (?:(?:the|a|an|your|this) )?(?:outward|origin|destination country|export)",
        r"handed over to (?:(?:the|a|an|your|this) )?(?:airline|air carrier|line ?haul)", r"(?:flight|airline) (?:has )?departed",
        r"international shipment release - export", r"export customs clearance completed", r"processed (?:at|through) export",
        r"leaving from departure country", r"departure from (?:(?:the|a|an|your|this) )?outward office", r"departing origin",
        r"cleared and awaiting international departure",
        r"\bexport\b.{0,30}\b(?:complete|completed|cleared|released|finished|finalized)\b", r"\bcleared (?:for )?export\b",
    ], (r"\bimport\b",)),
    (F.customs_released, [
        r"(?:customs|import|clearance)\w*.{0,20}(?:released|cleared|completed|complete|finished|finalized)",
        r"(?:released|cleared) (?:from|by|through) (?:(?:the|a|an|your|this) )?(?:customs|clearing agency)", r"cleared customs",
        r"customs (?:status )?(?:updated to )?released", r"out of customs", r"released by (?:(?:the|a|an|your|this) )?(?:customs|clear agency)",
        r"international shipment release - import", r"item cleared by customs", r"has cleared customs",
        r"(?:item|package|shipment|parcel)s? (?:has |have )?cleared (?:by |through )?customs",
    ]),
    (F.customs_duties, [
        r"(?:import |customs )?(?:duties|duty|taxes|tax) (?:and taxes )?(?:are )?(?:due|payable|owed|unpaid|required|to be paid)",
        r"(?:import|customs|icod|value of goods) (?:c\.o\.d\. \(icod\) )?charges", r"pay(?:ment of)? (?:(?:the|a|an|your|this) )?(?:import |customs )?(?:duties|taxes|duty|fees)",
        r"awaiting payment", r"(?:duties|taxes) (?:must|need to) be paid", r"\bavailable (?:upon|after|on) receipt of payment\b", r"charges (?:are due|have been paid)",
    ]),
    (F.customs_info, [
        r"(?:information|documents?|documentation|paperwork|invoice|id) (?:is |are )?(?:required|needed|missing|requested)",
        r"(?:additional|missing|further) (?:information|documents?|documentation|details)", r"clearance information",
        r"request(?:ed)? (?:for )?(?:documents?|information)", r"has not assigned a broker", r"missing (?:commercial invoice|duty information|clearance)",
        r"more government documents", r"pre-clearance impossible",
    ]),
    (F.customs_held, [
        r"held (?:in|by|at) (?:\w+ )?customs", r"(?:retention|retained|detained) (?:by|in|at) customs",
        r"customs (?:hold|held|delay|detention|inspection|reject)", r"(?:clearance|import|export) delay",
        r"held for inspection", r"seized by customs", r"pending release from a government agency", r"general order",
        r"detained by customs", r"not yet released by customs", r"entry was rejected", r"hold pend clearance",
        r"requires custom'?s inspection", r"pre-inspection",
        r"(?:detained|retained|held|stopped) (?:by|in|at) (?:(?:the|a|an|your|this) )?customs", r"pending (?:release|clearance) (?:from|by) (?:a |the )?(?:government|customs|agency)",
    ]),
    (F.customs, [
        r"customs", r"(?:import|export) clearance", r"clearance (?:processing|in progress|event)", r"inbound into customs",
        r"presented to (?:import )?customs", r"clearance", r"\bbroker\b", r"in bond", r"formalit",
    ], (r"\bpre-?clearance info",)),
    (F.arrived, [
        r"arriv\w* (?:in|at|to) (?:(?:the|a|an|your|this) )?destination country", r"arriv\w* (?:in|at) (?:(?:the|a|an|your|this) )?country of destination",
        r"arrival at (?:(?:the|a|an|your|this) )?inward office", r"arrived at (?:(?:the|a|an|your|this) )?(?:destination|inward) (?:office of exchange|country)",
        r"import scan", r"\(inbound\)", r"inbound office of exchange", r"\bimport(?:ed)?\b",
        r"handed over to (?:(?:the|a|an|your|this) )?(?:local|last.?mile|destination) (?:carrier|courier|post)",
        r"received (?:by|at) (?:(?:the|a|an|your|this) )?(?:destination|local) (?:post|postal|carrier)", r"arrived (?:in|at) (?:(?:the|a|an|your|this) )?destination country",
        r"landed, the package has arrived", r"arrived in (?:new zealand|the us)", r"arrived at destination country",
        r"arrival at destination airport", r"at destination country airport",
    ]),
    (F.label, [
        # a label, a tracking number or the shipment created
        r"\b(?:label|tracking number|waybill|air ?waybill)s?\b.{0,20}\b(?:created|generated|printed|allocated|issued|assigned)\b|\b(?:shipment|order|consignment|parcel|package|packet|record|booking)s?\b.{0,20}\bcreated\b|\bcreated (?:shipment|order|consignment|parcel|package|packet|record)\b|\border (?:was |has been )?(?:processed|confirmed|placed)\b|\bcreated (?:a |the )?(?:shipping )?label\b|^created\.?$|\b(?:inventory|stock) allocated\b",
        # the shipment's data sent to the carrier
        r"\b(?:(?:electronic|shipment|shipping|order|pre.?shipment|billing|item|label|manifest|parcel|package|packet|consignment|cod) (?:information|info|data|details)|information|info|data)\b(?: (?:about|for|on|of) (?:the |your |this )?(?:package|parcel|shipment|item|consignment|order))? (?:was |were |has been |have been )?(?:electronically )?(?:received|sent|submitted|transmitted|approved|uploaded|entered|saved|stored|recorded|registered|captured)\b",
        r"\b(?:received|saved|stored|recorded|registered|captured) (?:the |your |all )?(?:shipment|shipping|order|parcel|package|packet|item|consignment|electronic|label|manifest) (?:data|information|info|details)\b",
        # a manifest or a pre-advice
        r"\bmanifest(?:ed)? (?:acknowledg\w*|created|generated|prepared|completed|submitted|transmitted|processed|received|uploaded)\b|\b(?:information|data|details|shipment|order|consignment|parcel|package|item)s? (?:was |were |has been |have been )?manifested\b(?! for)|\belectronic (?:notification|advice|manifest|pre-?alert)\b|\bpre-?(?:advice|advised|alert|load(?:ed)?)\b|\bnotified (?:to \w+ )?electronically\b",
        r"electronic (?:information|data)", r"awaiting item", r"shipment information", r"order data transmitted",
        r"data (?:was )?entered into the", r"^(?:new|incoming) order\b", r"order processed by shipper", r"\b(?:sender|shipper|seller|merchant|retailer) (?:is )?preparing\b",
    ], (r"\bvoided\b", r"\bnew tracking number\b", r"shipping partner facility")),
    (F.picked_up, [
        r"picked[- ]up", r"posting/collection", r"^posting\b", r"\baccepted\b", r"acceptance", r"\bposted\b", r"origin scan",
        r"received by (?:(?:the|a|an|your|this) )?(?:carrier|courier|post|australia post)", r"shipment received", r"item received",
        r"received item from sender", r"collected from (?:(?:the|a|an|your|this) )?(?:sender|shipper)", r"\bcollected$", r"drop off",
        r"handed (?:over )?to (?:(?:the|a|an|your|this) )?(?:carrier|ups|fedex|dhl|gls|dpd)", r"tendered to ups", r"dropped off",
        r"package collected from sender", r"received into postal network",
    ]),
])

__all__ = ["RULES", "VOCAB"]
