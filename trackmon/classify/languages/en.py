# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English carrier wording: UPS, FedEx, USPS, DHL, Royal Mail, postal (UPU) and consolidator texts.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

_CARRIERS = r"(?:ups|fedex|dhl|usps|gls|dpd|brt|post|carrier|courier|driver)"

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """the has have been was were is are your item items package packages parcel parcels shipment delivered delivery deliver arrived arrival departed departure processed picked pickup facility customs
        clearance received returned return sender shipper recipient receiver attempt attempted exception scan origin destination transit label information available ready collection collected held
        hold office post courier driver vehicle notice left refused posted address damaged lost delay delayed accepted acceptance posting dispatch dispatched export import airline flight sorting sort
        center centre hub depot station order created shipping tendered carrier route our you will not unable successful successfully complete completed signed signature missed reached business closed
        redelivery consignee addressee handed over shipment's package's inbound outbound warehouse service cleared released charges duties payment awaiting waiting expected scheduled loaded van truck
        today tomorrow agent locker point collect investigation rescheduled upgrade intercept merchandise receiver's incorrect incomplete missing ups usps dhl fedex tnt gls dpd ems network trailer
        disruption hazardous material prohibited restricted commodity international contents shortage discovered reported fallout weather flight plane aircraft train railroad mechanical failure late
        early scheduled tendered route routed misrouted destroyed seized counterfeit postage alcohol security inspection government agency paid due charge billing label voided void manifest processing
        process sorted center facility approved submitted electronic partner agent final attempt attempts unsuccessful failure rejected refuse refusal consignee apartment suite floor street city state
        country postal code zip directions building directory vacant rural residence residential commercial front back door porch mailbox reception mail room desk garage neighbor neighbour left safe
        place signed proof pod released clearance broker importer exporter documents documentation invoice information required needed missing additional details contact requested request arranged
        assigned available unavailable closed holiday strike vacation moved unknown insufficient illegible damaged damage broken lost missing stolen delayed delay arrive arriving depart departing
        leaving left reached transfer transferred forwarded forward sent send shipped ship ships with without they their them this that these those and for from into onto upon via over under after
        before while during then than also only just still yet soon now today tonight item's parcel's consolidated consolidation export exported imported bond presented inward outward exchange
        dispatched despatch despatched landed departed arrived handover handed formalities progress such number undeliverable notification customer collect forwarding abroad vacant letter dead started
        clearing declaration driver ready pick deceased missent misdirected missorted receptacle acknowledgement redirected redirection concierge superintendent mailroom lodged parcelshop unclaimed
        being location access may because day next foreign time update made notify retained failed way second confirmed days accept airport working obtain updated upgraded original corrected saturday
        sunday future found once caused discarded make within contains contained cannot secure goods alternate new can provided off issues reasons consignment call assistance preference its release
        pending which must schedule either further instructions expired preferred ground duty severe correct tracking exceeds authorized circumstances incorrectly tried receive receiving does check
        emergency postman doorstep arrives coming going resolved problem issue recall recalled oversized overweight blocked full notified collecting attempting dropped drop reaching unloaded backlog
        downgrade aircraft traffic pallet collapsed discrepancy excursion temperature equipment malfunction accident bumped passenger perishables booking honored honoured lading vessel pier forwarder
        error derailment crew door desk person rear inside met majeure cut-off overage disposition cnee miscode disposed dispose locate stored timeframe"""

RULES = table("en", [
    (F.returned, [
        r"\bdelivered[,:]?(?: -)? (?:back )?to (?:(?:the|a|an|your|this) )?(?:original )?(?:sender|shipper)",
        r"\bdelivered to original sender", r"return (?:was |has been )?delivered", r"returned,? delivered",
        r"returned to (?:(?:the|a|an|your|this) )?(?:sender|shipper),? delivered",
        r"(?:package|item|parcel|return|shipment) (?:was |has been )?(?:received|accepted) by (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
        r"return (?:package|parcel|shipment|item|consignment) (?:has been|was) successfully received", r"\bpackage delivered to (?:(?:the|a|an|your|this) )?original sender",
        r"\breturned to (?:(?:the|a|an|your|this) )?(?:sender|shipper) via",
        r"(?:sender|shipper|merchant|seller) (?:has )?(?:successfully )?(?:received|accepted|collected) (?:the |your |a )?return(?:ed)? (?:package|parcel|item|shipment|consignment)",
    ]),
    (F.sender_attempt, [
        r"tried to pick[- ]?up", r"not ready for (?:pick[- ]?up|collection)", r"attempted to pick up the parcel", r"pick[- ]?up attempt(?:ed)?\b",
        r"collection attempt(?:ed)?\b", r"unable to collect (?:the (?:package|parcel|shipment) )?from (?:(?:the|a|an|your|this) )?(?:sender|shipper)",
        r"collection (?:failed|was unsuccessful)", r"pick[- ]?up (?:failed|was unsuccessful)", r"shipper not ready",
        r"(?:scheduled|requested|request) for (?:pick[- ]?up|collection)", r"scheduled for pickup", r"\benroute to pickup",
        r"preparing to pick up", r"(?:pick[- ]?up|collection) (?:is |was |has been )?(?:scheduled|requested|cancell?ed)",
        r"\b(?:sender|shipper|seller|merchant) (?:couldn't|could not|did not|didn't|has not|hasn't) (?:yet )?(?:hand(?:ed)? (?:it |the \w+ |your \w+ )?over|tender|drop)",
        r"\btry to collect (?:it|the (?:package|parcel|shipment)) again\b", r"awaiting (?:carrier|courier) pick[- ]?up",
        r"has not received the (?:package|parcel)", r"not (?:yet )?(?:been )?(?:handed|tendered) (?:over )?to",
        r"awaiting item\b", r"ready for (?:ups|fedex|dhl|usps|shipment)\b",
        r"order (?:processed|created|confirmed)", r"preparing (?:your )?(?:shipment|order)",
        r"\bshipment (?:is )?(?:ready|being prepared)(?! for (?:pick|transport))", r"will (?:shortly )?be handed over to",
        r"recorded by the (?:foreign )?sender", r"data delivered\)?", r"confirmation of preparation", r"\bis announced\b",
        r"received the information", r"\bout (?:to|for) (?:p/u|pick[- ]?up|collection)\b",
        r"\b(?:collection|pick[- ]?up) (?:request )?(?:\w+ )?(?:booked|arranged)\b",
    ], (r"picked[- ]up", r"hold for pick[- ]?up", r"(?:customer|recipient|receiver|consignee|addressee)")),
    # the sender-side pickup service (GLS Pickup-Service, pickup requests), whatever happened to the request
    (F.sender_attempt, [r"\bcould not be picked up as\b", r"\b(?:data|order|request) for (?:the )?pick-?up[- ]service\b", r"\b(?:label|order) (?:for|to) (?:the )?pick ?up\b",
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
        r"\bnot yet released\b", r"redirect\w*", r"will be delivered", r"will deliver",
        r"upgrade(?:d)?\b", r"delivery (?:date|information|instructions?) (?:was |has been )?(?:updated|changed)",
        r"updated (?:(?:the|a|an|your|this) )?delivery information", r"\bforwarded to (?:the |a )?(?:addressee's |new |correct |recipient's )?address\b", r"delivery change", r"re-?route (?:to|d to)", r"not eligible for .{0,40}delivery",
        r"delivery attempt (?:has been|was) requested", r"held for a future delivery date", r"cancell?ed the will call",
        r"will redeliver", r"address corrected", r"directions found", r"requested a delayed delivery", r"alternate delivery address (?:has been|was) provided",
        r"out for delivery to (?:ups )?access point", r"\bhold (?:for|at) .{0,40}\b(?:requested|confirmed)\b", r"information sent to (?:(?:the|a|an|your|this) )?(?:usps|u\.?s\.? postal service|postal service)",
    ], (r"later than expected", r"after (?:the|a) scheduled time", r"(?:could not|cannot|can't|unable to) (?:be )?re-?(?:direct|rout)", r"one business day later", r"unavailable", r"will contact",
        r"damage"), ""),
    # a locker that could not take the parcel: an exception, before any language's locker rule
    (F.pickup_problem, [r"\blocker (?:is |was )?(?:full|out of (?:order|service)|unavailable|malfunction)"]),
    (F.locker, [
        r"(?:parcel |delivered to (?:a |the )?)?locker\b", r"packstation", r"parcel machine", r"paczkomat", r"mypost24",
    ], (r"(?:collected|picked[- ]up|retrieved|removed)\b.{0,30}\b(?:from|at|by)", r"does not fit", r"not fit in locker",
        r"taken from the packstation", r"posted by the sender", r"\b(?:posting|posted|dropped off|lodged) (?:at|in)\b",
        r"^delivered(?:,| -) (?:in |to |at )?(?:a |the )?parcel locker",  # USPS "Delivered, <where>": the mailbox's parcel locker
        # a locker that is full or has a problem holds nothing for the buyer (also where Spanish and
        # Italian lines borrow the English word: "INCIDENCIA EN LOCKER", "LOCKER PIENO")
        r"\blocker (?:is )?(?:full|pieno|lleno)\b", r"\bincident|\bincidencia\b",
        r"community mailbox", r"\blocker (?:pick.?up|collection|retention) (?:period )?(?:expired|has expired)")),
    (F.point, [
        r"(?:available|ready|awaiting|waiting)\b.{0,40}\b(?:pick.?up point|access point|parcel ?shop|service point|collection point)",
        r"(?:delivered|arrived) (?:to|at) (?:(?:the|a|an|your|this) )?(?:destination |local )?(?:ups )?(?:access point|pick.?up point|parcel ?shop|service point|collection point|retail outlet)",
        r"(?:at|in) (?:a |the )?(?:ups )?access point\S* (?:location )?and awaiting",
        r"arriv(?:ed|al) (?:at|in) (?:(?:the|a|an|your|this) )?(?:collection|pick.?up) point", r"available (?:at|for pick.?up from) the retail outlet",
        r"\bremains at the ups access point", r"ready for pick-?up at the packstation",
        r"arrived at \w+[- ]?fermopoint", r"delivered to (?:the |a )?(?:\w+ )?access point",
        r"\breached (?:the |a )?(?:\w+ )?(?:parcel ?shop|pick.?up point|service point|collection point|pick.?up location)\b",
        r"^(?:item|parcel|package|shipment|consignment)s? (?:is )?(?:now )?(?:at|in) (?:the |a |your )?(?:pick.?up|collection|service|parcel) ?(?:point|shop|location|place)\b",
    ], (r"\bcollected at\b", r"picked[- ]up at ups access point")),
    (F.post_office, [
        r"(?:available|ready)\b.{0,40}\b(?:for|or) (?:pick.?up|collection)", r"ready for (?:recipient )?(?:pick.?up|collection)",
        r"awaiting (?:customer |cnee |consignee |recipient |receiver )?(?:collection|pick.?up)", r"waiting (?:for|to be) (?:collected|collection|picked[- ]up|pick.?up)",
        r"held at (?:(?:the|a|an|your|this) )?(?:post office|postal facility|ups facility)", r"\bto be collected\b", r"collect (?:it|your (?:item|parcel))",
        r"\bhold at location\b", r"held for (?:(?:customer|receiver|recipient|consignee)(?:'s)? )?(?:pick.?up|collection)", r"being held for collection",
        r"delivered to (?:the |a )?(?:local )?post office for (?:pick.?up|collection)",
        r"arranged to pick up (?:the|a|this|your) (?:package|parcel|shipment|item)s?", r"requested (?:this|the) (?:package|parcel|shipment|item|consignment) (?:to )?be held for (?:pick.?up|collection)",
        r"must be (?:picked[- ]up|collected) within", r"requires? (?:pick.?up|collection) (?:from|at) (?:the |a )?(?:post office|postal|counter|branch|depot)", r"ready to collect\b", r"held at (?:the |a )?(?:customer service point|post office|depot|counter|branch)", r"ready for pick-?up at the post office", r"reminder to pick up",
        r"held for pickup", r"held in a ups store", r"registered for (?:collection|pick.?up)", r"retention period (?:was |has been )?extended",
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
    (F.post_office, [r"will pick ?up (?:(?:the|a|this|your) (?:package|parcel|shipment|item)s? )?at", r"will[- ]call\b", r"(?:held|hold) for pick-?up at"], (r"cancel",), "n"),
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
        r"\breturn (?:item|parcel|package|shipment|consignment) (?:was |has been )?(?:accepted|posted|dropped off|lodged)",
        r"\b(?:preparing|processing|initiat\w*) (?:the |a )?(?:package |parcel |shipment |item )?return\b",
        r"\bwill (?:be )?return\b(?! to (?:the )?(?:delivery|recipient|receiver|address|depot|facility))",
        r"\bsent back\b(?! to (?:the |a )?(?:post office|postal outlet|delivery|depot|facility|hub|courier|driver|sorting))",
    ], (r"return label", r"pre-authorized return", r"remaining content will", r"\bmay (?:be|cause|result in)\b.{0,25}\breturn", r"(?:returned|sent back) (?:to|from) (?:\w+ ){0,2}customs\b",
        r"returned to (?:the )?post from", r"\bto inventory\b")),
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
    (F.refused, [
        r"refused", r"rejected by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee)", r"declined by", r"customer rejected",
        r"refuses to accept", r"\b(?:rejected|declined) (?:the )?(?:delivery|package|parcel|shipment|item)\b",
        r"^(?:shipment|package|parcel|item|consignment) (?:rejected|declined)\b(?! by (?:the )?(?:\w+ )?(?:carrier|courier|post))",
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
        r"(?:unable to|could not|cannot) obtain (?:complete |additional )?address", r"\b(?:addressee|recipient|receiver|consignee) (?:was |is )?(?:unable to|could not) be (?:located|found)", r"address label is illegible",
        r"(?:incomplete|unknown)/?(?:incomplete )?consignee", r"delivery address is incorrect",
        r"no access to delivery location", r"\b(?:delivery )?(?:location|address|premises) (?:is |was )?inaccessible to (?:the )?(?:carrier|driver|courier)|\bdelivery location (?:is |was )?inaccessible\b", r"delivery location is vacant", r"^vacant$", r"apo or fpo",
        r"no longer in business", r"damaged by fire", r"address related", r"(?:company|receiver|recipient|consignee) (?:or (?:receiver|recipient|consignee) )?name is incorrect",
        r"\baddress\b.{0,30}\b(?:incorrect|incomplete|insufficient|wrong|invalid|unknown|illegible|not found|could not be found)\b",
        r"\b(?:incorrect|incomplete|insufficient|wrong|invalid|illegible|inaccurate)\b.{0,25}\baddress\b",
        r"(?:receiver|recipient|consignee|addressee|customer) (?:has )?(?:moved|relocated)\b",
        r"(?:postal|zip|post) ?code\b.{0,30}\b(?:incorrect|invalid|wrong|missing)\b",
        r"attempting to (?:obtain|correct|verify|update) (?:the |a |an )?(?:\w+ ){0,3}address",
        r"(?:can't|cannot|can not|could not|couldn't|unable to) (?:find|locate) (?:the |your )?(?:delivery )?(?:address|recipient|consignee|receiver|addressee|premises)",
        r"\baddress (?:correction|verification|clarification|update) (?:is )?(?:required|needed|requested)\b",
        r"\bforward(?:ing)? (?:order |period )?(?:has )?expired\b", r"\baddress (?:information|details) (?:is )?(?:needed|required|requested)\b", r"\bmissing (?:postal|zip|post) ?code\b", r"\b(?:addressee|recipient|receiver|consignee)? ?(?:is )?deceased\b",
        r"\b(?:receiver|recipient|consignee|addressee|company|street|building) name (?:is |was )?(?:incorrect|missing|incomplete|wrong|invalid)\b",
        r"\b(?:directions|gate code|entry code|door code|access code|buzzer (?:code|number)) (?:to (?:the )?(?:address|property|building) )?(?:are |is |was )?(?:required|needed|missing)\b",
    ]),
    (F.nobody, [
        r"no(?:body| one) (?:was )?(?:at )?home", r"no authori[sz]ed recipient", r"not at home",
        r"(?:recipient|receiver|addressee|consignee|customer) (?:was |is )?"
        r"(?:not available|unavailable|not present|not (?:at )?home|unable to receive|on vacation|absent)",
        r"redelivery", r"business (?:was |has been |is )?closed", r"notice left", r"no one available", r"nobody available",
        r"(?:receiving )?business (?:was|has been) closed", r"\bmissed you\b", r"does not answer the phone", r"unable to contact (?:the|a) (?:receiver|recipient|consignee|addressee|customer)",
        r"can not being reached|cannot be reached", r"adult signature", r"unable to (?:receive payment|collect (?:funds|payment))",
        r"not able to (?:receive|collect) payment", r"require a phone number", r"valid pin", r"\bunable to provide (?:a |the )?(?:valid )?(?:pin|id|identification|code|proof)\b", r"security access", r"left a notice", r"missed delivery", r"card left",
        r"(?:recipient|receiver|addressee|consignee|customer)\b.{0,30}\b(?:not available|unavailable|not present|not (?:at )?home|absent|on vacation|could not be reached|not reachable|unreachable)",
        r"(?:premises|business|office|shop|store|company) (?:was |is |has been )?(?:temporarily |permanently )?closed", r"no(?:body| one) (?:was )?(?:available|present|there)",
        r"(?:receiver|recipient|customer|consignee)'?s? (?:business |location |office |premises )?(?:was |is |were )?closed",
        r"(?:receiver|recipient|customer|consignee|addressee) (?:was |is )?not in\b", r"no(?:body| one) (?:was )?(?:available )?to (?:accept|receive|sign)",
        r"(?:could|can) ?not (?:be )?(?:reached|contacted)",
        r"\bclosed early\b", r"\bclosed (?:on|upon) arrival\b", r"\bnot home\b", r"no authori[sz]ed (?:recipient|addressee|receiver|person)",
    ], (r"\b(?:retained|held|detained) by (?:the )?(?:\w+ )?customs", r"\bout for (?:re-?)?delivery\b", r"\bmissed delivery cycle\b", r"\bcustoms clearance\b")),
    (F.failed, [
        r"(?:delivery )?attempted", r"delivery attempt", r"unable to deliver", r"could not be delivered", r"cannot be delivered",
        r"undeliver", r"not delivered", r"\bdelivery failure\b", r"delivery (?:failed|unsuccessful|exception)", r"failed (?:delivery|attempt)",
        r"unsuccessful (?:\(physical\) )?delivery", r"not been able to deliver", r"delivery was not made",
        r"tried to deliver", r"we tried", r"(?:re-?)?attempt (?:delivery|to deliver)", r"second attempt",
        r"final (?:delivery )?attempt", r"\b(?:first|second|third|final|1st|2nd|3rd) (?:delivery )?attempt (?:was )?made\b", r"non-?del", r"no money\b", r"^not in\.?$", r"other non delivery",
        r"does not fit in locker", r"\b(?:receptacle|mailbox|letterbox|letter box) (?:is )?(?:full|blocked)\b", r"\bno (?:secure|safe) (?:location|place)\b", r"\bdelivery (?:was )?missed\b", r"(?:access point|location) (?:closed|unable to accept|could not accept|cannot accept)",
        r"delivery to ups access point\S* location (?:was|has been) unsuccessful", r"(?:was|has been) unsuccessful", r"not (?:able to|be) deliver", r"re-?attempt delivery",
        r"(?:unable|could not|couldn't|cannot|can't|not able|were not able|was not able) (?:to )?(?:\w+ ){0,3}deliver",
        r"deliver(?:y|ies)?\b.{0,20}\b(?:not possible|impossible|unsuccessful|failed|was not completed|could not be completed)",
        r"\bdeliver(?:y|ies)? (?:couldn't|could not|cannot|can't|wasn't|was not) (?:be )?(?:completed|made)\b",
    ], (r"attempted to pick up", r"no delivery attempt", r"attempt in progress", r"on schedule\b")),
    # "is not able to be delivered" states the failure ("to be delivered" would otherwise read as a plan)
    (F.failed, [r"\b(?:is|was|were|are) not able to be delivered\b"], (), ""),
    (F.out_for_delivery, [
        r"out[- ]for[- ](?:physical )?delivery", r"on (?:(?:the|a|an|your|this) )?(?:\w+ )?vehicle for delivery", r"with (?:(?:the|a|an|your|this) )?(?:delivery )?courier",
        r"loaded on (?:(?:the|a|an|your|this) )?delivery vehicle", r"loaded onto the delivery vehicle", r"on its way to (?:you|the recipient)",
        r"on board (?:for delivery|the courier vehicle)", r"onboard for delivery", r"^for delivery$", r"enroute to delivery",
        r"delivery in progress", r"delivery attempt in progress", r"being delivered", r"on board for delivery",
        r"parcel is expected to be delivered during the day", r"out for delivery today",
        r"\bin delivery\b(?!\s+(?:fail|problem|issue|exception|facility|centre|center|depot|office|station|hub))",
        r"\bwith (?:the |a |our )?delivering (?:courier|driver|agent)\b", r"gone out on a delivery route", r"loaded (?:on|onto|into) (?:(?:the|a|an|your|this) )?(?:van|truck|courier van)", r"delivery round", r"loaded (?:on|onto|into) (?:(?:the|a|an|your|this) )?delivery vehicle",
        r"(?:with|handed to|assigned to) (?:the |a |our )?(?:local )?(?:driver|courier|postman|mail carrier|delivery agent) for delivery",
        r"(?:on (?:the|its) way|en ?route|out) (?:to|for) (?:final )?delivery", r"on (?:(?:the|a|an|your|this) )?(?:delivery )?(?:van|truck) for delivery",
        r"on (?:the|its) way to (?:the |your )?(?:delivery (?:address|location)|receiver|recipient|consignee|destination address)",
        r"(?:on ?board|en ?route|on route) (?:to|for) delivery", r"with (?:the |our )?(?:delivery )?(?:courier|driver|postman)\b(?! for pick)",
    ], (), "n"),
    (F.out_for_delivery, [r"(?:expected|due) to (?:be delivered|arrive) (?:today|during the day)", r"\b(?:coming|arriving) today\b"], (), ""),
    (F.out_for_delivery, [r"\bdriver is (?:arriving|nearby|close by|on (?:the|their|his|her) way)\b"], (), "n"),  # "arriving soon" is now
    (F.delivered, [
        r"(?<!be )(?<!being )\bdelivered\b(?!,? (?:to|at) (?:(?:the|a|an|your|this) )?(?:customs|carrier|airline|local|post office|postal|"
        r"destination|partner|courier|hub|facility|warehouse|sorting|airport|delivery|operator|usps|ups|dhl|"
        r"ups access point))",
        r"(?:picked[- ]up|collected) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|customer|consignee|receiver)",
        r"individual picked[- ]up", r"picked[- ]up (?:by \w+(?: or \w+)? )?at (?:(?:the|a|an|your|this) )?(?:post office|postal facility)", r"(?<!for )final delivery",
        r"delivery complete", r"delivery completed", r"receiver acknowledges receipt", r"acknowledged receipt",
        r"receiver has picked[- ]up", r"recipient has picked[- ]up", r"collected at (?:(?:the|a|an|your|this) )?(?:post office|postal outlet|pick-?up point|counter|\w+ locker|\w+-fermopoint)",
        r"item is collected at the pick-?up point", r"signature obtained", r"signed by", r"proof of delivery",
        r"left (?:at|with|in) (?:(?:the|a|an|your|this) )?(?:front|back|side|individual|neighbou?r|reception|mailbox|safe)",
        r"delivered successfully", r"successfully delivered", r"\bdelivery with signature\b", r"\bdelivery completed\b", r"^successful\.?$",
        r"left with individual", r"neighbor - by request", r"other location at address", r"chose to keep",
        r"delivery (?:was|has been) made", r"complete the delivery", r"left in a delivery bag", r"delivered to a meter box",
        r"after the delivery (?:was|has been) made", r"(?:receiver|recipient|consignee|addressee|customer) reported (?:the|a|this|your) (?:package|parcel|shipment|item)s? (?:was|were|has been|is) damaged", r"pick-?up by (?:the|a) (?:recipient|receiver|consignee|addressee)",
        r"(?:received|signed for|accepted) by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver|customer)",
        r"handed (?:over )?to (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee|receiver)",
        r"\b(?:handed|given) (?:over )?to (?:(?:the|a|an|your|this) )?(?:resident|householder|occupant|neighbou?r|family member|customer|concierge|reception(?:ist)?)\b",
        r"\bsignature (?:received|captured|recorded|collected)\b",
        r"(?:receiver|recipient|customer|consignee|addressee) (?:has |have )?(?:picked[- ]up|collected|retrieved)\b",
        r"delivered (?:successfully|in full)",
        r"\bpicked[- ]up (?:by \w+(?: or \w+)? )?at (?:(?:the|a|an|your|this) )?(?:ups |usps )?(?:post office|postal facility|access point|usps facility|ups facility|counter|pick-?up point|collection point|parcel ?shop|service point|locker)",
        r"\b(?:consignee|recipient|receiver|addressee|customer) (?:has )?received (?:the )?(?:shipment|package|parcel|item|goods|freight)\b",
        r"^(?:(?:front|rear|back|side) door|front desk|door ?person|receiving office|met customer|inside delivery|mail ?room|management office)$", r"\bsign(?:ed)? by (?:the )?(?:customer|recipient|receiver|consignee|addressee)\b",
        r"(?:picked[- ]up|collected|retrieved|removed) from (?:(?:the|a|an|your|this) )?(?:\w+ ){0,2}(?:parcel )?(?:locker|packstation|parcel machine|parcel terminal|pick-?up point|parcel ?shop|service point|collection point)",
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
        r"\b(?:inventory|stock) allocated\b", r"\belectronic (?:notification|advice|manifest|pre-?alert)\b", r"\bpre-?alert\b",
        r"\b(?:information|data|details) (?:about|for|on|of) (?:the |your |this )?(?:package|parcel|shipment|item|consignment|order) (?:was |has been )?(?:received|sent|submitted|transmitted)", r"\bmanifest (?:acknowledg\w*|created|submitted|transmitted)\b", r"^(?:shipment |order |label |parcel |consignment )?created\.?$",
        r"\b(?:sender|shipper|seller|merchant|retailer) (?:is )?preparing\b",
        r"\b(?:label|manifest|parcel|package|consignment) (?:information|info|data|details) (?:was |were |has been |have been )?(?:electronically )?(?:received|sent|submitted|transmitted|approved|uploaded)",
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
