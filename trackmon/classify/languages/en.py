# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English carrier wording: UPS, FedEx, USPS, DHL, Royal Mail, postal (UPU) and consolidator texts.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

_CARRIERS = r"(?:ups|fedex|dhl|usps|gls|dpd|brt|post|carrier|courier|driver)"

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """the has have been was were is are your item items package packages parcel parcels shipment
        delivered delivery deliver arrived arrival departed departure processed picked pickup facility customs
        clearance received returned return sender shipper recipient receiver attempt attempted exception scan
        origin destination transit label information available ready collection collected held hold office post
        courier driver vehicle notice left refused posted address damaged lost delay delayed accepted acceptance
        posting dispatch dispatched export import airline flight sorting sort center centre hub depot station
        order created shipping tendered carrier route our you will not unable successful successfully complete
        completed signed signature missed reached business closed redelivery consignee addressee handed over
        shipment's package's inbound outbound warehouse service cleared released charges duties payment
        awaiting waiting expected scheduled loaded van truck today tomorrow agent locker point collect
        investigation rescheduled upgrade intercept merchandise receiver's incorrect incomplete missing
        ups usps dhl fedex tnt gls dpd ems network trailer disruption hazardous material prohibited restricted
        commodity international contents shortage discovered reported fallout weather flight plane aircraft
        train railroad mechanical failure late early scheduled tendered route routed misrouted destroyed
        seized counterfeit postage alcohol security inspection government agency paid due charge billing
        label voided void manifest processing process sorted center facility approved submitted electronic
        partner agent final attempt attempts unsuccessful failure rejected refuse refusal consignee apartment
        suite floor street city state country postal code zip directions building directory vacant rural
        residence residential commercial front back door porch mailbox reception mail room desk garage
        neighbor neighbour left safe place signed proof pod released clearance broker importer exporter
        documents documentation invoice information required needed missing additional details contact
        requested request arranged assigned available unavailable closed holiday strike vacation moved
        unknown insufficient illegible damaged damage broken lost missing stolen delayed delay arrive
        arriving depart departing leaving left reached transfer transferred forwarded forward sent send
        shipped ship ships with without they their them this that these those and for from into onto upon
        via over under after before while during then than also only just still yet soon now today tonight
        item's parcel's consolidated consolidation export exported imported bond presented inward outward
        exchange dispatched despatch despatched landed departed arrived handover handed formalities progress
        such number undeliverable notification customer collect forwarding abroad vacant letter dead
        started clearing declaration driver ready pick"""

RULES = table("en", [
    (F.returned, [
        r"\bdelivered[,:]?(?: -)? (?:back )?to (?:(?:the|a|an|your|this) )?(?:original )?(?:sender|shipper)",
        r"\bdelivered to original sender", r"return (?:was |has been )?delivered", r"returned,? delivered",
        r"returned to (?:(?:the|a|an|your|this) )?(?:sender|shipper),? delivered",
        r"(?:package|item|parcel|return|shipment) (?:was |has been )?(?:received|accepted) by (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
        r"return (?:package|parcel|shipment|item|consignment) (?:has been|was) successfully received", r"\bpackage delivered to (?:(?:the|a|an|your|this) )?original sender",
        r"\breturned to (?:(?:the|a|an|your|this) )?(?:sender|shipper) via",
    ]),
    (F.sender_attempt, [
        r"tried to pick[- ]?up", r"not ready for pick[- ]?up", r"attempted to pick up the parcel", r"pick[- ]?up attempt(?:ed)?\b",
        r"collection attempt(?:ed)?\b", r"unable to collect (?:the (?:package|parcel|shipment) )?from (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
        r"collection (?:failed|was unsuccessful)", r"pick[- ]?up (?:failed|was unsuccessful)", r"shipper not ready",
        r"(?:scheduled|requested|request) for pick[- ]?up", r"scheduled for pickup", r"\benroute to pickup",
        r"preparing to pick up", r"pick[- ]?up (?:is |was )?(?:scheduled|requested|cancell?ed)", r"awaiting (?:carrier|courier) pick[- ]?up",
        r"has not received the (?:package|parcel)", r"not (?:yet )?(?:been )?(?:handed|tendered) (?:over )?to",
        r"awaiting item\b", r"ready for (?:ups|fedex|dhl|usps|shipment)\b",
        r"order (?:processed|created|confirmed)", r"preparing (?:your )?(?:shipment|order)",
        r"\bshipment (?:is )?(?:ready|being prepared)(?! for (?:pick|transport))", r"will (?:shortly )?be handed over to",
        r"recorded by the (?:foreign )?sender", r"data delivered\)?", r"confirmation of preparation", r"\bis announced\b",
        r"received the information",
    ], (r"picked[- ]up", r"hold for pick[- ]?up")),
    (F.sender_collected, [
        r"(?:collected|picked[- ]up|received) from (?:(?:the|a|an|your|this) )?(?:sender|shipper|merchant|seller)",
        r"received from (?:ups )?access point", r"picked[- ]up by (?:(?:the|a|an|your|this) )?(?:shipping partner|carrier|courier|ups|fedex|dhl)",
        r"\bpick[- ]?up scan\b", r"\bpickup by ups", r"\bpackage reported picked[- ]up", r"taken from the packstation",
    ]),
    (F.return_trip, [r"out for delivery (?:back )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
                     r"on (?:its|the) way (?:back )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)"]),
    (F.neutral_early, [
        r"delivered to (?:an? )?(?:agent|local post office|post office) for (?:final )?delivery",
        r"delivered to (?:(?:the|a|an|your|this) )?destination post\b", r"tendered to (?:an? )?(?:authorized )?agent for final delivery",
        r"transferred to (?:a|the) postal provider", r"sent back to the post office for delivery",
        r"delivery (?:to (?:ups )?access point[^ ]* (?:location )?)?(?:is )?pending", r"\bdelivery scheduled\b",
        r"scheduled for (?:ups )?delivery", r"in transit.{0,20}delivery (?:scheduled|rescheduled)",
        r"\bnot yet released\b", r"redirect\w*", r"will be delivered", r"will deliver",
        r"upgrade(?:d)?\b", r"delivery (?:date|information|instructions?) (?:was |has been )?(?:updated|changed)",
        r"updated (?:(?:the|a|an|your|this) )?delivery information", r"\bforwarded to (?:the |a )?(?:addressee's |new |correct |recipient's )?address\b", r"delivery change", r"re-?route (?:to|d to)", r"not eligible for .{0,40}delivery",
        r"delivery attempt (?:has been|was) requested", r"held for a future delivery date", r"cancell?ed the will call",
        r"will redeliver", r"address corrected", r"directions found", r"requested a delayed delivery", r"alternate delivery address (?:has been|was) provided",
        r"out for delivery to (?:ups )?access point", r"\bhold (?:for|at) .{0,40}\b(?:requested|confirmed)\b", r"information sent to (?:(?:the|a|an|your|this) )?(?:usps|u\.?s\.? postal service|postal service)",
    ], (r"later than expected", r"after (?:the|a) scheduled time", r"one business day later", r"unavailable", r"will contact",
        r"damage"), ""),
    (F.locker, [
        r"(?:parcel |delivered to (?:a |the )?)?locker\b", r"packstation", r"parcel machine", r"paczkomat", r"mypost24",
    ], (r"(?:collected|picked[- ]up|retrieved|removed)\b.{0,30}\b(?:from|at|by)", r"does not fit", r"not fit in locker",
        r"taken from the packstation", r"posted by the sender",
        r"^delivered(?:,| -) (?:in |to |at )?(?:a |the )?parcel locker",  # USPS "Delivered, <where>": the mailbox's parcel locker
        # a locker that is full or has a problem holds nothing for the buyer (also where Spanish and
        # Italian lines borrow the English word: "INCIDENCIA EN LOCKER", "LOCKER PIENO")
        r"\blocker (?:is )?(?:full|pieno|lleno)\b", r"\bincident|\bincidencia\b")),
    (F.point, [
        r"(?:available|ready|awaiting|waiting)\b.{0,40}\b(?:pick.?up point|access point|parcel ?shop|service point|collection point)",
        r"(?:delivered|arrived) (?:to|at) (?:(?:the|a|an|your|this) )?(?:destination |local )?(?:ups )?(?:access point|pick.?up point|parcel ?shop|service point|collection point|retail outlet)",
        r"(?:at|in) (?:a |the )?(?:ups )?access point\S* (?:location )?and awaiting",
        r"arrived at (?:(?:the|a|an|your|this) )?collection point", r"available (?:at|for pick.?up from) the retail outlet",
        r"\bremains at the ups access point", r"ready for pick-?up at the packstation",
        r"arrived at \w+[- ]?fermopoint", r"delivered to (?:the |a )?(?:\w+ )?access point",
    ], (r"\bcollected at\b", r"picked[- ]up at ups access point")),
    (F.post_office, [
        r"(?:available|ready)\b.{0,40}\b(?:for|or) (?:pick.?up|collection)", r"ready for (?:recipient )?(?:pick.?up|collection)",
        r"awaiting (?:customer )?(?:collection|pick.?up)", r"waiting (?:for|to be) (?:collected|collection|picked[- ]up|pick.?up)",
        r"held at (?:(?:the|a|an|your|this) )?(?:post office|postal facility|ups facility)", r"\bto be collected\b", r"collect (?:it|your (?:item|parcel))",
        r"\bhold at location\b", r"held for (?:(?:customer|receiver|recipient|consignee)(?:'s)? )?(?:pick.?up|collection)", r"being held for collection",
        r"delivered to (?:the |a )?(?:local )?post office for (?:pick.?up|collection)",
        r"arranged to pick up (?:the|a|this|your) (?:package|parcel|shipment|item)s?", r"requested (?:this|the) (?:package|parcel|shipment|item|consignment) be held for pickup",
        r"must be picked[- ]up within", r"requires? pick.?up (?:from|at) (?:the |a )?(?:post office|postal|counter|branch|depot)", r"ready to collect\b", r"held at (?:the |a )?(?:customer service point|post office|depot|counter|branch)", r"ready for pick-?up at the post office", r"reminder to pick up",
        r"held for pickup", r"held in a ups store", r"registered for collection", r"retention period (?:was |has been )?extended",
        r"can (?:now )?be (?:collected|picked[- ]up)\b", r"ready to be (?:collected|picked[- ]up)",
        r"(?:awaiting|waiting for|ready for|available for) (?:(?:the|a|an|your|this) )?(?:customer|receiver|recipient|consignee)(?:'s)? (?:pick.?up|collection)",
        r"(?:customer|receiver|recipient|consignee) (?:can|may|must|should|needs to) (?:now )?(?:pick (?:it |the package )?up|collect)",
        r"held (?:at|in) (?:the |a |our )?(?:\w+ ){0,2}(?:facility|location|store|office|counter|branch|depot|center|centre) (?:for|awaiting|until) (?:pick.?up|collection|the (?:customer|receiver|recipient))",
    ], (r"(?:carrier|courier|driver) (?:pick.?up|collection)", r"from (?:(?:the|a|an|your|this) )?(?:sender|shipper|merchant|seller)",
        r"by the sender only")),
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
    (F.post_office, [r"will pick up (?:the|a|this|your) (?:package|parcel|shipment|item)s? at", r"will[- ]call\b", r"held for pick-?up at"], (r"cancel",), "n"),
    (F.returning, [r"return(?:ed|ing)? (?:the |this |your |it |a )?(?:(?:package|parcel|shipment|item)s? )?to (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
                   r"process of returning"], (r"remaining content will",), "n"),
    (F.returning, [r"\band returned (?:it|the \w+) to (?:(?:the|a|an|your|this) )?(?:sender|shipper)"], (), ""),
    (F.returning, [
        r"return(?:ing|ed)? to (?:(?:the|a|an|your|this) )?(?:sender|shipper)", r"being returned", r"will be returned", r"returning to",
        r"return (?:is )?in progress", r"return initiated", r"returned to origin", r"\breturn to shipper",
        r"being sent back", r"returned to (?:(?:the|a|an|your|this) )?(?:warehouse|export location)", r"on its way to the sender",
        r"\brts\b", r"marked rto", r"is returned\b", r"will be returned\b", r"(?:contents?|merchandise|balance).{0,20}(?:being )?returned",
        r"returned (?:to the sender )?at a different service level", r"awaiting customs authorization before returning",
        r"shipper requested return", r"\breturned\b(?! (?:from|by|goods|to (?:ups|the carrier|fedex|dhl|usps|inventory)\b))",
        r"sent back to (?:(?:the|a|an|your|this) )?(?:sender|shipper|origin)", r"return(?:ed|ing)? (?:\w+ ){1,3}to (?:(?:the|a|an|your|this) )?(?:sender|shipper|origin)\b",
    ], (r"return label", r"pre-authorized return", r"remaining content will")),
    (F.damaged_early, [r"merchandise (?:is )?missing", r"all merchandise", r"damaged merchandise", r"contents shortage",
                       r"details of the damage"], (r"has been delivered to the receiver",)),
    (F.lost, [r"\blost\b", r"presumed missing", r"could not be located", r"not (?:be )?located", r"\btheft\b|\bstolen\b",
              r"\b(?:shipment|package|parcel|item)\b[^.]{0,30}\b(?:can ?not|could not) be found",
              r"\battempting to locate\b(?! (?:the |a )?(?:address|receiver|recipient|consignee|addressee))"],
     (r"(?:addressee|recipient|receiver|consignee|address) could not be (?:located|found)",)),
    (F.prohibited, [r"alcohol", r"seized", r"confiscat", r"counterfeit", r"prohibit", r"hazardous|dangerous goods", r"restricted (?:item|commodit)",
                    r"commodity restricted", r"being disposed", r"cannot be shipped internationally", r"embargo",
                    r"lithium batter", r"unauthori[sz]ed animal", r"postal (?:disposal|recovery) site",
                    r"unauthori[sz]ed (?:\w+ )?(?:commodit|item|goods|product|animal)"]),
    (F.refused, [
        r"refused", r"rejected by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee)", r"declined by", r"customer rejected",
        r"refuses to accept",
        r"\brefus(?:al|ing)\b", r"(?:recipient|receiver|addressee|consignee|customer)\b.{0,30}\b(?:refused|rejected|declined|did not accept|would not accept)",
    ], (r"entry was rejected", r"refused by the", r"refused .*(?:pin|release code)")),
    (F.refused, [r"refused by (?:the )?(?:\w+ and the )?(?:consignee|recipient|receiver|addressee|customer)\b"]),
    (F.address, [
        r"(?:incorrect|insufficient|incomplete|bad|wrong|invalid|unknown|illegible) address",
        r"address (?:is |was )?(?:unknown|incorrect|incomplete|insufficient|wrong|invalid)",
        r"address (?:information )?(?:is )?(?:incomplete|missing)",
        r"(?:addressee|recipient|consignee|receiver) (?:unknown|moved|has moved)", r"no such (?:number|street|address)",
        r"unable to locate (?:(?:the|a|an|your|this) )?(?:address|recipient|addressee)", r"(?:addressee|recipient|receiver|consignee|address) could not be (?:located|found)",
        r"\b(?:delivery|address) information (?:is )?(?:incomplete|missing|insufficient)\b", r"moved,? left no address",
        r"undeliverable as addressed", r"(?:apartment|suite|floor|street|room|house) (?:number|name|type|prefix|suffix) (?:is |needed)",
        r"(?:city|state|company|receiver) name in the address", r"(?:city|state|borough|postal code).{0,30}(?:is )?incorrect",
        r"(?:postal|zip) code (?:for the receiver )?is incorrect", r"not in the building directory",
        r"directions to the address are required", r"rural route", r"cannot be delivered to a p\.?o\.? box",
        r"unable to obtain (?:complete |additional )?address", r"address label is illegible",
        r"(?:incomplete|unknown)/?(?:incomplete )?consignee", r"delivery address is incorrect",
        r"no access to delivery location", r"delivery location is vacant", r"^vacant$", r"apo or fpo",
        r"no longer in business", r"damaged by fire", r"address related", r"(?:company|receiver|recipient|consignee) (?:or (?:receiver|recipient|consignee) )?name is incorrect",
        r"\baddress\b.{0,30}\b(?:incorrect|incomplete|insufficient|wrong|invalid|unknown|illegible|not found|could not be found)\b",
        r"\b(?:incorrect|incomplete|insufficient|wrong|invalid|illegible|inaccurate)\b.{0,25}\baddress\b",
        r"(?:receiver|recipient|consignee|addressee|customer) (?:has )?(?:moved|relocated)\b",
        r"(?:postal|zip|post) ?code\b.{0,30}\b(?:incorrect|invalid|wrong|missing)\b",
        r"attempting to (?:obtain|correct|verify|update) (?:the |a |an )?(?:\w+ ){0,3}address",
    ]),
    (F.nobody, [
        r"no(?:body| one) (?:was )?(?:at )?home", r"no authori[sz]ed recipient", r"not at home",
        r"(?:recipient|receiver|addressee|consignee|customer) (?:was |is )?"
        r"(?:not available|unavailable|not present|not (?:at )?home|unable to receive|on vacation|absent)",
        r"redelivery", r"business (?:was |has been |is )?closed", r"notice left", r"no one available", r"nobody available",
        r"(?:receiving )?business (?:was|has been) closed", r"we missed you", r"does not answer the phone", r"unable to contact (?:the|a) (?:receiver|recipient|consignee|addressee|customer)",
        r"can not being reached|cannot be reached", r"adult signature", r"unable to (?:receive payment|collect (?:funds|payment))",
        r"not able to (?:receive|collect) payment", r"require a phone number", r"valid pin", r"security access", r"left a notice", r"missed delivery", r"card left",
        r"(?:recipient|receiver|addressee|consignee|customer)\b.{0,30}\b(?:not available|unavailable|not present|not (?:at )?home|absent|on vacation|could not be reached|not reachable|unreachable)",
        r"(?:premises|business|office|shop|store) (?:was |is )?closed", r"no(?:body| one) (?:was )?(?:available|present|there)",
        r"(?:receiver|recipient|customer|consignee)'?s? (?:business |location |office |premises )?(?:was |is |were )?closed",
        r"(?:receiver|recipient|customer|consignee|addressee) (?:was |is )?not in\b", r"no(?:body| one) (?:was )?(?:available )?to (?:accept|receive|sign)",
        r"(?:could|can) ?not (?:be )?(?:reached|contacted)",
    ], (r"\b(?:retained|held|detained) by (?:the )?(?:\w+ )?customs",)),
    (F.failed, [
        r"(?:delivery )?attempted", r"delivery attempt", r"unable to deliver", r"could not be delivered", r"cannot be delivered",
        r"undeliver", r"not delivered", r"delivery (?:failed|unsuccessful|exception)", r"failed (?:delivery|attempt)",
        r"unsuccessful (?:\(physical\) )?delivery", r"not been able to deliver", r"delivery was not made",
        r"tried to deliver", r"we tried", r"(?:re-?)?attempt (?:delivery|to deliver)", r"second attempt",
        r"final (?:delivery )?attempt", r"\b(?:first|second|third|final|1st|2nd|3rd) (?:delivery )?attempt (?:was )?made\b", r"non-?del", r"no money\b", r"^not in\.?$", r"other non delivery",
        r"does not fit in locker", r"\bdelivery (?:was )?missed\b", r"(?:access point|location) (?:closed|unable to accept)",
        r"delivery to ups access point\S* location (?:was|has been) unsuccessful", r"(?:was|has been) unsuccessful", r"not (?:able to|be) deliver", r"re-?attempt delivery",
        r"(?:unable|could not|couldn't|cannot|can't|not able|were not able|was not able) (?:to )?(?:\w+ ){0,3}deliver",
        r"deliver(?:y|ies)?\b.{0,20}\b(?:not possible|impossible|unsuccessful|failed|was not completed|could not be completed)",
    ], (r"attempted to pick up", r"no delivery attempt", r"attempt in progress", r"on schedule\b")),
    (F.out_for_delivery, [
        r"out[- ]for[- ](?:physical )?delivery", r"on (?:(?:the|a|an|your|this) )?(?:\w+ )?vehicle for delivery", r"with (?:(?:the|a|an|your|this) )?(?:delivery )?courier",
        r"loaded on (?:(?:the|a|an|your|this) )?delivery vehicle", r"loaded onto the delivery vehicle", r"on its way to (?:you|the recipient)",
        r"on board (?:for delivery|the courier vehicle)", r"onboard for delivery", r"^for delivery$", r"enroute to delivery",
        r"delivery in progress", r"delivery attempt in progress", r"being delivered", r"on board for delivery",
        r"parcel is expected to be delivered during the day", r"out for delivery today",
        r"\bin delivery\b", r"gone out on a delivery route", r"loaded (?:on|onto|into) (?:(?:the|a|an|your|this) )?(?:van|truck|courier van)", r"delivery round", r"loaded (?:on|onto|into) (?:(?:the|a|an|your|this) )?delivery vehicle",
        r"(?:with|handed to|assigned to) (?:the |a |our )?(?:local )?(?:driver|courier|postman|mail carrier|delivery agent) for delivery",
        r"(?:on (?:the|its) way|en ?route|out) (?:to|for) (?:final )?delivery", r"on (?:(?:the|a|an|your|this) )?(?:delivery )?(?:van|truck) for delivery",
        r"on (?:the|its) way to (?:the |your )?(?:delivery (?:address|location)|receiver|recipient|consignee|destination address)",
        r"(?:on ?board|en ?route|on route) (?:to|for) delivery", r"with (?:the |our )?(?:delivery )?(?:courier|driver|postman)\b(?! for pick)",
    ], (), "n"),
    (F.out_for_delivery, [r"expected to be delivered (?:today|during the day)"], (), ""),
    (F.out_for_delivery, [r"\bdriver is (?:arriving|nearby|close by|on (?:the|their|his|her) way)\b"], (), "n"),  # "arriving soon" is now
    (F.delivered, [
        r"(?<!be )(?<!being )\bdelivered\b(?!,? (?:to|at) (?:(?:the|a|an|your|this) )?(?:customs|carrier|airline|local|post office|postal|"
        r"destination|partner|courier|hub|facility|warehouse|sorting|airport|delivery|operator|usps|ups|dhl|"
        r"ups access point))",
        r"(?:picked[- ]up|collected) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|customer|consignee|receiver)",
        r"individual picked[- ]up", r"picked[- ]up (?:by \w+(?: or \w+)? )?at (?:(?:the|a|an|your|this) )?(?:post office|postal facility)", r"(?<!for )final delivery",
        r"delivery complete", r"delivery completed", r"receiver acknowledges receipt", r"acknowledged receipt",
        r"receiver has picked[- ]up", r"recipient has picked[- ]up", r"collected at (?:(?:the|a|an|your|this) )?(?:post office|pick-?up point|counter|\w+ locker|\w+-fermopoint)",
        r"item is collected at the pick-?up point", r"signature obtained", r"signed by", r"proof of delivery",
        r"left (?:at|with|in) (?:(?:the|a|an|your|this) )?(?:front|back|side|individual|neighbou?r|reception|mailbox|safe)",
        r"delivered successfully", r"successfully delivered", r"\bdelivery with signature\b", r"\bdelivery completed\b", r"^successful\.?$",
        r"left with individual", r"neighbor - by request", r"other location at address", r"chose to keep",
        r"delivery (?:was|has been) made", r"complete the delivery", r"left in a delivery bag", r"delivered to a meter box",
        r"after the delivery (?:was|has been) made", r"(?:receiver|recipient|consignee|addressee|customer) reported (?:the|a|this|your) (?:package|parcel|shipment|item)s? (?:was|were|has been|is) damaged", r"pick-?up by (?:the|a) (?:recipient|receiver|consignee|addressee)",
        r"(?:received|signed for|accepted) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver|customer)",
        r"handed (?:over )?to (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver)",
        r"(?:receiver|recipient|customer|consignee|addressee) (?:has |have )?(?:picked[- ]up|collected|retrieved)\b",
        r"delivered (?:successfully|in full)",
        r"left (?:at|with|in|on|behind|inside) (?:the |a )?(?:\w+ ){0,2}(?:door|porch|mailbox|mail ?room|garage|reception|neighbou?r|delivery bag|safe place|front desk)",

    ]),
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
        r"(?:wrong|incorrect) (?:post office|facility|location|hub|destination)", r"accept deliver(?:y|ies) (?:only )?during",
        r"\barriving late\b", r"adjusting (?:our |delivery )?plans", r"update the delivery date", r"new delivery date",
        r"as (?:quickly|soon) as (?:possible|conditions allow)",
    ]),
    (F.exception, [
        r"exception", r"hazardous|dangerous goods", r"prohibit", r"restricted", r"embargo", r"exceeds the maximum",
        r"exceeds (?:(?:the|a|an|your|this) )?(?:maximum|limit)|exceed size|dimensions exceed", r"overweight|oversized", r"destroyed",
        r"seized", r"disposed", r"on hold\b", r"held;", r"package held", r"verify (?:the|a|this|your) (?:package|parcel|shipment|item)s? (?:location|facility)",
        r"billing option", r"c\.?o\.?d\.? (?:tag|amount)", r"cancell?ed", r"lacks the appropriate tracking label",
        r"unclaimed", r"resolve the issue", r"investigation", r"preferences are not available", r"irregularity",
        r"tracking label", r"alcohol", r"commodity", r"not available\. we'll contact", r"is not available for delivery",
        r"instructions and may return", r"label became detached", r"do not currently serve", r"not available to this destination",
        r"attempting to contact the receiver", r"will contact customer", r"\bvoid(?:ed)?\b",
        r"\bclaim (?:in progress|opened|filed|issued|submitted)\b",
    ], (r"customs", r"clearance")),
    (F.exception, [
        r"\b(?:is being|was being|was|has been|have been|being) held\b",
        r"(?:we'll|we will|ups will|will|we're unable to deliver.{0,40}) (?:contact|notify) (?:(?:the|a|an|your|this) )?(?:sender|shipper)\b",
        r"\bunable to (?:process|complete|transport|ship|accept|forward)\b", r"\bcannot be (?:processed|transported|shipped|accepted|forwarded)\b",
        r"\b(?:label|barcode|tracking number|tracking label)\b.{0,30}\b(?:missing|unreadable|invalid|illegible|detached|damaged)\b",
        r"\bexceed", r"\birregular", r"\bmislabel", r"rejected by (?:the )?(?:\w+ )?(?:carrier|courier|post)\b", r"\b(?:a |an )?(?:problem|issue) (?:with|occurred|has occurred)\b",
        r"request(?:ing|ed)? (?:additional |further |more )?(?:information|instructions)",
    ], (r"customs", r"clearance", r"\bbroker", r"\bduties\b", r"\bimport\b", r"\bexport\b", r"for (?:pick.?up|collection)", r"held for",
        r"will call", r"at (?:the |a )?(?:post office|access point|counter|retail)", r"\bhold at location\b", r"\bcollect",
        r"future delivery", r"(?:customer|receiver|recipient|consignee|sender|shipper)'?s? request", r"requested by",
        r"onward|overnight|pending (?:dispatch|departure|transport)|awaiting (?:transport|dispatch|departure)",
        r"next (?:available )?(?:flight|truck|trailer|vehicle)")),
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
        r"awaiting payment", r"(?:duties|taxes) (?:must|need to) be paid", r"charges (?:are due|have been paid)",
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
    ]),
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
        r"label (?:created|printed)", r"created a (?:shipping )?label", r"shipping label created",
        r"(?:electronic|shipment|shipping|order|pre.?shipment|billing|item) (?:information|info|data|details) (?:received|sent|submitted|transmitted|approved)",
        r"electronic (?:information|data)",
        r"information (?:received|sent|submitted)", r"awaiting item", r"pre.?advice", r"manifest (?:processed|received)",
        r"\bdata received\b",
        r"shipment information", r"notified to \w+ electronically", r"tracking number allocated", r"order data transmitted",
        r"data (?:was )?entered into the", r"shipment created", r"mobile (?:package|parcel|shipment|item|consignment) (?:was|has been) created", r"order processed by shipper",
        r"\b(?:label|tracking number|waybill|air ?waybill)\b.{0,20}\b(?:created|generated|printed|allocated|issued|assigned)\b",
        r"(?:data|information|details) (?:was |were |has been |have been )?(?:entered|transmitted|uploaded) (?:electronically|into|to)",
        r"notified (?:to \w+ )?electronically",
        r"\b(?:shipment|order|parcel|package|electronic) (?:data|information|details) (?:was |were |has been |have been )?(?:entered|transmitted|uploaded)\b",
        r"\b(?:inventory|stock) allocated\b",
    ], (r"\bvoided\b", r"\bnew tracking number\b")),
    (F.picked_up, [
        r"picked[- ]up", r"posting/collection", r"^posting\b", r"\baccepted\b", r"acceptance", r"\bposted\b", r"origin scan",
        r"received by (?:(?:the|a|an|your|this) )?(?:carrier|courier|post|australia post)", r"shipment received", r"item received",
        r"received item from sender", r"collected from (?:(?:the|a|an|your|this) )?(?:sender|shipper)", r"\bcollected$", r"drop off",
        r"handed (?:over )?to (?:(?:the|a|an|your|this) )?(?:carrier|ups|fedex|dhl|gls|dpd)", r"tendered to ups", r"dropped off",
        r"package collected from sender", r"received into postal network",
    ]),
])

__all__ = ["RULES", "VOCAB"]
