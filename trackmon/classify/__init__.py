"""Multilingual tracking-event text classifier. Pure and deterministic.

`classify_description()` maps one scan's text to a normalized (status, sub-status), or None
for an ordinary scan ("Processed through facility") and for a language it does not read (the
carrier's own code status then stands). Each answer names the rule and the phrase that
decided it, so `trackmon check` can say why an event got its status.

How a text is read (see the modules):
- `text`: HTML, entities, full-width forms and odd spacing folded away; the text cut into
  clauses, each flagged when it is negated ("not yet", "pas", "не", "未") or hypothetical
  ("will be delivered tomorrow", "if nobody is home", "sera", "wird", "将");
- `lang`: the languages present (script, then vocabulary); mixed lines such as
  "到达【广州国际】 Arrival at …" are read with both tables;
- `rules` + `rules_*`: per-language tables of rule families tried in a fixed order (returns to
  the sender before delivered, sender-side pickups before anything about the recipient,
  lockers and pickup points before delivered, export before customs, …);
- `engine`: the first rule that matches in a clause its guards allow decides.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from trackmon.classify.engine import decide
from trackmon.classify.text import normalize_text
from trackmon.domain import Status, SubStatus


@dataclass(frozen=True, slots=True)
class Classification:
    """What a text says. `rule` and `phrase` explain it and take no part in equality."""

    status: Status
    sub_status: SubStatus | None
    rule: str = field(default="", compare=False)
    phrase: str = field(default="", compare=False)


class Refined(NamedTuple):
    """Result of `refine`: a (status, sub_status) tuple that also has named fields."""

    status: Status
    sub_status: SubStatus | None


class Explanation(NamedTuple):
    """Which rule read a text and the phrase it matched; `status` None: an ordinary scan."""

    rule: str
    phrase: str
    status: Status | None
    sub_status: SubStatus | None


@functools.lru_cache(maxsize=65536)
def explain(text: str) -> Explanation | None:
    """The deciding rule for a text, or None (empty, a language not read, or no rule matched)."""
    found = decide(text or "")
    if found is None:
        return None
    rule, phrase = found
    return Explanation(rule.name, phrase, rule.status, rule.sub_status)


def classify_description(text: str) -> Classification | None:
    """The (status, sub_status) an event text states, or None for an ordinary scan or an unread language."""
    why = explain(text)
    if why is None or why.status is None:
        return None
    return Classification(why.status, why.sub_status, why.rule, why.phrase)


#: Carrier statuses that are specific enough to keep whatever the text says.
_SPECIFIC = frozenset({
    Status.delivered, Status.returned, Status.returning, Status.delivery_failed,
    Status.available_for_pickup, Status.out_for_delivery, Status.expired,
})

#: Carrier sub-statuses that a customs text may make more specific.
_CUSTOMS_REFINABLE = frozenset({SubStatus.security, SubStatus.customs_processing})
_CUSTOMS_SPECIFIC = frozenset({SubStatus.customs_held, SubStatus.customs_duties,
                               SubStatus.customs_information_required})
#: Rule families (by name, `rules.table` names rules "<lang>.<family>[.n]") that read export
#: clearance at origin: they overrule a carrier code that only says "customs".
_EXPORT_RULES = frozenset({"export_clearance", "departed"})


def refine(status: Status, sub_status: SubStatus | None, description: str) -> Refined:
    """Make a generic carrier status more specific with the event text.

    A specific carrier status (delivered, returned, delivery_failed, …) is kept; only its
    missing sub-status may be filled from the text when the text agrees on the status. A
    generic status (in transit, unknown, not found, info received or exception without a
    sub-status) takes the text's classification when the text has one.
    """
    cls = classify_description(description) if description else None
    if cls is None:
        return Refined(status, sub_status)
    if sub_status in _CUSTOMS_REFINABLE and cls.sub_status in _CUSTOMS_SPECIFIC:
        return Refined(cls.status, cls.sub_status)
    if sub_status in _CUSTOMS_REFINABLE and cls.rule.split(".")[1] in _EXPORT_RULES:
        return Refined(cls.status, cls.sub_status)  # export clearance at origin is not the destination's customs
    if status in _SPECIFIC:
        if sub_status is None and cls.status == status:
            return Refined(status, cls.sub_status)
        return Refined(status, sub_status)
    if status in (Status.unknown, Status.not_found) or sub_status in (None, SubStatus.other):
        return Refined(cls.status, cls.sub_status)
    return Refined(status, sub_status)


__all__ = ["Classification", "Explanation", "Refined", "classify_description", "explain", "normalize_text", "refine"]
