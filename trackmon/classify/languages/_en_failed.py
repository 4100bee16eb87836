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
]

__all__ = ["FAILED"]
