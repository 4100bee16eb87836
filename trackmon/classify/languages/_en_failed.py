# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""English failed deliveries, by their reason: refused, address, nobody there, other failed attempts.

Entries of the English table (`en.RULES`), folded patterns (see `text.fold`)."""

from __future__ import annotations

from trackmon.classify.rules import F

FAILED = [
    (F.refused, [
        r"refused", r"rejected by (?:(?:the|a|an|your|this) )?(?:recipient|addressee|consignee)", r"declined by", r"customer rejected",
        r"refuses to accept", r"\b(?:rejected|declined) (?:the )?(?:delivery|package|parcel|shipment|item)\b",
        r"^(?:shipment|package|parcel|item|consignment) (?:rejected|declined)\b(?! by (?:the )?(?:\w+ )?(?:carrier|courier|post))",
        r"\brefus(?:al|ing)\b", r"(?:recipient|receiver|addressee|consignee|customer)\b.{0,30}\b(?:refused|rejected|declined|did not accept|would not accept)",
    ], (r"entry was rejected", r"refused by the (?!(?:\w+ and the )?(?:consignee|recipient|receiver|addressee|customer)\b)", r"refused .*(?:pin|release code)")),
    (F.address, [
        # an address the carrier does not deliver to (a rural route, a P.O. box, a military APO/FPO)
        r"\brural route\b|\b(?:cannot|can't|not) (?:be )?deliver\w* to (?:a |an )?(?:p\.?o\.? box|post office box|apo|fpo)\b|\bapo or fpo\b",
        # the address is wrong or incomplete, however it is worded
        r"\b(?:incorrect|insufficient|incomplete|bad|wrong|invalid|unknown|illegible|inaccurate|non-?existent)\b.{0,25}\baddress\b|\baddress\b.{0,30}\b(?:incorrect|incomplete|insufficient|wrong|invalid|unknown|illegible|inaccurate|missing|not found|could not be found|does not exist|doesn't exist)\b|\bno such (?:number|street|address|house|building)\b|\bundeliverable as addressed\b|\baddress related\b",
        # a part of it: a number, a name, the postal code
        r"\b(?:apartment|suite|floor|street|room|house|building|unit) (?:number|name|type|prefix|suffix)\b.{0,25}\b(?:incorrect|missing|incomplete|wrong|invalid|needed|required)\b|\b(?:receiver|recipient|consignee|addressee|company|street|building)(?: or (?:receiver|recipient|consignee))? name (?:is |was )?(?:incorrect|missing|incomplete|wrong|invalid)\b|\b(?:city|state|company|receiver) name in the address\b|\b(?:postal|zip|post) ?code\b.{0,30}\b(?:incorrect|invalid|wrong|missing)\b|\b(?:missing|incorrect|invalid|wrong|no) (?:postal|zip|post) ?code\b|\b(?:city|state|borough)\b.{0,30}\bincorrect\b",
        # the addressee unknown or gone (moved, deceased, out of business, forwarding expired)
        r"\b(?:addressee|recipient|receiver|consignee|customer|company|business)\b(?: (?:is|was|has))? (?:unknown|moved|relocated|deceased|no longer (?:in business|at (?:this|the) address|there))\b|\b(?:unknown|incomplete)(?:/(?:unknown|incomplete))? (?:consignee|addressee|recipient|receiver)\b|\bno longer in business\b|^deceased$|\bmoved,? left no (?:forwarding )?address\b|\bforward(?:ing)? (?:order |period )?(?:has )?expired\b",
        # the address or the addressee cannot be found
        r"\b(?:can't|cannot|can not|could not|couldn't|unable to|not able to) (?:find|locate)\b.{0,20}\b(?:address|recipient|consignee|receiver|addressee|premises|street|house|building|residence|property)\b|\b(?:address|addressee|recipient|receiver|consignee|premises)\b (?:was |is |could )?(?:not|unable to) (?:be )?(?:located|found)\b",
        # what the carrier still needs to deliver (address details, directions, a code, a phone number)
        r"\b(?:delivery|address) (?:information|details)\b.{0,20}\b(?:incomplete|incorrect|missing|insufficient|wrong|invalid|needed|required|requested)\b|\b(?:unable to|could not|cannot) obtain (?:complete |additional |correct |a )?(?:\w+ )?(?:address|delivery (?:information|details))|\baddress (?:correction|verification|clarification|update) (?:is )?(?:required|needed|requested)\b|\b(?:require|need)s? (?:a |the )?(?:phone|telephone|contact) number\b|\b(?:directions|gate code|entry code|door code|access code|buzzer (?:code|number)) (?:to (?:the )?(?:address|property|building) )?(?:are |is |was )?(?:required|needed|missing)\b|\battempting to (?:obtain|correct|verify|update) (?:the |a |an )?(?:\w+ ){0,3}address",
        # the driver cannot get to the door
        r"\bno access to (?:the )?(?:delivery )?(?:location|address|premises|building|property)\b|\b(?:location|address|premises|building|property) (?:is |was )?inaccessible\b|\binaccessible to (?:the )?(?:carrier|driver|courier)\b|\bissues? (?:with )?accessing\b|\bsecurity access\b|\b(?:unable to|could not|cannot) (?:access|enter|get into) (?:the )?(?:address|building|property|premises|location)\b",
        r"\bvacant\b", r"not in the building directory", r"damaged by fire",
    ]),
    (F.nobody, [
        # nobody there to take it
        r"\bno(?:body| one| authori[sz]ed (?:recipient|addressee|receiver|person|adult))\b(?: (?:was|is))? (?:at home|home|available|present|there|to (?:accept|receive|sign))\b|\bno authori[sz]ed (?:recipient|addressee|receiver|person)\b",
        r"\bnot (?:at )?home\b|^not in\.?$|\b(?:receiver|recipient|customer|consignee|addressee) (?:was |is )?not in\b",
        r"\b(?:unavailable|absent|missing|not present) (?:client|addressee|recipient|receiver|consignee|customer)\b",
        r"(?:recipient|receiver|addressee|consignee|customer|client)\b.{0,30}\b(?:not available|unavailable|not present|not (?:at )?home|unable to receive|absent|on vacation|could not be reached|cannot be reached|can not being reached|not reachable|unreachable)",
        # closed when the driver came
        r"\b(?:business|premises|office|shop|store|company|receiver|recipient|customer|consignee)(?:'s)?\b(?: (?:business|location|office|premises))?(?: (?:was|is|were|has been))?(?: (?:temporarily|permanently))? closed\b|\bclosed (?:early|on arrival|upon arrival|at (?:the )?time of (?:the )?delivery)\b",
        # a notice left, a redelivery to arrange
        r"\b(?:notice|card|note|slip|calling card|delivery card)s? (?:was |has been )?left\b|\bleft (?:a |an )?(?:notice|card|note|delivery slip|calling card)\b|\b(?:contact|calling) card\b",
        r"\bredelivery\b|\bmissed (?:you|your delivery)\b|\bmissed delivery\b",
        # the recipient could not be reached
        r"does not answer the phone|\b(?:unable to|could not|cannot|can't|couldn't) (?:contact|reach|call) (?:the|a) (?:receiver|recipient|consignee|addressee|customer)\b|\b(?:could|can) ?not (?:be )?(?:reached|contacted)\b",
        # the recipient could not pay, sign or identify
        r"\b(?:unable to|not able to|could not|couldn't|cannot|can't) (?:receive|collect|obtain|take) (?:the )?(?:payment|funds|cod|c\.o\.d\.)|\b(?:payment|funds|cod|c\.o\.d\.?)\b.{0,20}\b(?:could not|couldn't|cannot) be (?:collected|received|taken)\b",
        r"adult signature|\bvalid pin\b|\bunable to provide (?:a |the )?(?:valid )?(?:pin|id|identification|code|proof)\b",
    ], (r"\b(?:retained|held|detained) by (?:the )?(?:\w+ )?customs", r"\bout for (?:re-?)?delivery\b", r"\bmissed delivery cycle\b", r"\bcustoms clearance\b")),
    (F.failed, [
        r"(?:delivery )?attempted", r"\b(?:first|second|third|final|last|1st|2nd|3rd) (?:delivery )?attempt\b", r"delivery attempt",
        r"(?:unable|could not|couldn't|cannot|can't|(?:(?:have|has|had|were|was|we've|we have|i've) )?not (?:been )?able) (?:to )?(?:\w+ ){0,3}deliver", r"could not be delivered", r"cannot be delivered",
        r"undeliver|\bnon[- ]?del", r"not delivered", r"\bdelivery failure\b", r"delivery (?:failed|unsuccessful|exception)", r"failed (?:delivery|attempt)",
        r"unsuccessful (?:\(physical\) )?delivery", r"delivery was not made",
        r"tried to deliver", r"we tried", r"(?:re-?)?attempt (?:delivery|to deliver)", r"no money\b",
        r"\b(?:haven'?t|hasn'?t|has no|have no|had no|doesn'?t have|don'?t have|didn'?t have|did not have) (?:the |enough |any )?(?:money|cash|funds)\b",
        # the letterbox, locker or access point could not take it
        r"\b(?:receptacle|mailbox|letterbox|letter box|locker)s? (?:is |was )?(?:full|blocked)\b|\b(?:does not|doesn't|did not|didn't|would not|won't) fit\b|\b(?:access point|location) (?:closed|(?:was )?unable to accept|could not accept|cannot accept)",
        r"\bno (?:secure|safe) (?:location|place)\b", r"\bdelivery (?:was )?missed\b",
        r"delivery to ups access point\S* location (?:was|has been) unsuccessful", r"(?:was|has been) unsuccessful", r"not (?:able to|be) deliver", r"re-?attempt delivery",
        r"deliver(?:y|ies)?\b.{0,20}\b(?:not possible|impossible|unsuccessful|failed|was not completed|could not be completed)",
        r"\bdeliver(?:y|ies)? (?:couldn't|could not|cannot|can't|wasn't|was not) (?:be )?(?:completed|made)\b",
    ], (r"attempted to pick up", r"no delivery attempt", r"attempt in progress", r"on schedule\b")),
    # "is not able to be delivered" states the failure ("to be delivered" would otherwise read as a plan)
    (F.failed, [r"\b(?:is|was|were|are) not able to be delivered\b"], (), ""),
]

__all__ = ["FAILED"]
