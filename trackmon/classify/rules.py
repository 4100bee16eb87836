"""Rule families, their order, and the compiled rule type the language tables are written in.

A rule belongs to one language and one family. Families are tried in the order below and the
first rule whose pattern matches decides, so the specific comes first: a return delivered back
to the sender before "delivered", a pickup from the *sender* before anything about the
recipient, a locker before "delivered", "not delivered" before "delivered", export before
customs, customs released before customs held.

Export clearance at origin ("Export clearance started", "export customs clearance") is the
departure side of the journey: it is read as an ordinary in-transit scan at origin (no customs
sub-status, so no "customs in your country"), and export clearance *completed* as the departure
from origin. "Import/export formalities" name the destination's customs and stay `customs`.

Guards read the clause a match sits in (see `text.clauses`): a rule guarded against negation
does not fire in "not yet available for pickup"; one guarded against hypothesis does not fire
in "will be delivered tomorrow" or "if nobody is home, the parcel will be taken to the post
office". A future return ("will be returned to the sender") is a decided return: the returning
family is guarded against negation only.
"""

from __future__ import annotations

import re
import re._parser as _sre  # the standard parser of `re`; used to find each pattern's fixed text
from dataclasses import dataclass
from enum import IntEnum

from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


class Family(IntEnum):
    returned = 0            # back with the sender (final)
    sender_attempt = 1      # the carrier tried / plans to collect from the sender
    sender_collected = 2    # collected from the sender
    return_trip = 3         # out for delivery *back to the sender*
    neutral_early = 4       # ordinary scans that mention delivery words ("delivered to the agent")
    pickup_problem = 5  # a locker or pickup point that could not take the parcel (full, broken)
    locker = 6
    point = 7
    post_office = 8
    returning = 9
    damaged_early = 10       # goods missing or damaged, whatever happens to the rest
    lost = 11
    prohibited = 12         # seized, prohibited, dangerous goods: no delivery attempt is the point
    refused = 13
    address = 14
    nobody = 15
    failed = 16
    out_for_delivery = 17
    delivered = 18
    damaged = 19
    exception = 20
    export_clearance = 21    # export customs at origin: the departure side, not the destination's customs
    departed = 22
    customs_released = 23
    customs_duties = 24
    customs_info = 25
    customs_held = 26
    customs = 27
    delayed = 28            # after customs: a customs delay is a customs stage
    arrived = 29
    label = 30
    picked_up = 31
    neutral = 32            # an ordinary scan: stops the search, no classification


#: family → (status, sub-status, default guard). Status None: an ordinary scan.
FAMILY: dict[Family, tuple[Status | None, SubStatus | None, str]] = {
    Family.returned: (S.returned, U.returned, "nh"),
    Family.sender_attempt: (S.info_received, U.label_created, ""),
    Family.sender_collected: (S.in_transit, U.picked_up, ""),
    Family.return_trip: (S.returning, U.returning, "n"),
    Family.neutral_early: (None, None, ""),
    Family.pickup_problem: (S.exception, U.other, "n"),
    Family.locker: (S.available_for_pickup, U.pickup_locker, "nh"),
    Family.point: (S.available_for_pickup, U.pickup_point, "nh"),
    Family.post_office: (S.available_for_pickup, U.pickup_post_office, "nh"),
    Family.returning: (S.returning, U.returning, "n"),
    Family.damaged_early: (S.exception, U.damaged, ""),
    Family.lost: (S.exception, U.lost, ""),
    Family.prohibited: (S.exception, U.other, ""),
    Family.refused: (S.delivery_failed, U.refused, "h"),
    Family.address: (S.delivery_failed, U.bad_address, "h"),
    Family.nobody: (S.delivery_failed, U.nobody_home, "h"),
    Family.failed: (S.delivery_failed, None, "h"),
    Family.out_for_delivery: (S.out_for_delivery, None, "nh"),
    Family.delivered: (S.delivered, None, "nh"),
    Family.damaged: (S.exception, U.damaged, "n"),
    Family.delayed: (S.exception, U.delayed, ""),
    Family.exception: (S.exception, U.other, ""),
    Family.export_clearance: (S.in_transit, None, "n"),  # still at origin: an origin scan, no customs
    Family.departed: (S.in_transit, U.departed_origin, "n"),
    Family.customs_released: (S.in_transit, U.customs_released, "n"),
    Family.customs_duties: (S.in_transit, U.customs_duties, ""),
    Family.customs_info: (S.in_transit, U.customs_information_required, ""),
    Family.customs_held: (S.in_transit, U.customs_held, ""),
    Family.customs: (S.in_transit, U.customs_processing, ""),
    Family.arrived: (S.in_transit, U.arrived_destination, "n"),
    Family.label: (S.info_received, U.label_created, ""),
    Family.picked_up: (S.in_transit, U.picked_up, "nh"),
    Family.neutral: (None, None, ""),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One family's phrases in one language. `name` ("fr.delivered") is what `trackmon check` shows."""

    name: str
    family: Family
    status: Status | None
    sub_status: SubStatus | None
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None
    guard: str  # "n": not in a negated clause, "h": not in a hypothetical clause
    alternatives: tuple[re.Pattern[str], ...]  # the phrases one by one (the pattern is their union)
    # per phrase: sets of fixed texts; each of its matches contains one text of each set
    anchors: tuple[tuple[tuple[str, ...], ...], ...]


def _longest_run(items) -> str:
    """The longest run of fixed characters in a parsed sequence (mandatory groups read through)."""
    best, run = "", []

    def walk(seq) -> None:
        nonlocal best
        for op, av in seq:
            if op is _sre.LITERAL:
                run.append(chr(av))
            elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                continue  # zero-width: the run goes on
            elif op is _sre.SUBPATTERN and not any(o is _sre.BRANCH for o, _ in av[3]):
                walk(av[3])
            else:
                text = "".join(run)
                best = text if len(text) > len(best) else best
                run.clear()
    walk(items)
    text = "".join(run)
    return text if len(text) > len(best) else best


def _anchor_options(items) -> list[tuple[str, ...]]:
    """Sets of texts such that every match of the parsed sequence contains one text of each set:
    the longest fixed run, and each mandatory group of alternatives (one text per alternative)."""
    options: list[tuple[str, ...]] = []
    run = _longest_run(items)
    if len(run.strip()) >= 2:
        options.append((run,))
    for op, av in items:
        branches = None
        if op is _sre.BRANCH:
            branches = av[1]
        elif op is _sre.SUBPATTERN and len(av[3]) == 1 and av[3][0][0] is _sre.BRANCH:
            branches = av[3][0][1][1]
        if branches:
            parts = [_anchor_set(list(branch)) for branch in branches]
            if all(parts):
                options.append(tuple(text for part in parts for text in part))  # type: ignore[union-attr]
    return sorted(set(options), key=lambda texts: (-min(len(t.strip()) for t in texts), len(texts), texts))


def _anchor_set(items) -> tuple[str, ...] | None:
    """The best set of `_anchor_options` (its shortest text longest), or None (cannot tell)."""
    options = _anchor_options(items)
    return options[0] if options else None


def required_text(pattern: str) -> str:
    """The longest run of fixed characters every match of `pattern` contains ("" when none)."""
    return _longest_run(_sre.parse(pattern))


def _anchors(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Up to four anchor sets of a phrase, best first (none: it is tried on every text). Each
    match contains a text of EACH set, so the engine may look for any two of them:
    "(?:not|never) … deliver" need not be tried on every text that says "deliver"."""
    return tuple(_anchor_options(list(_sre.parse(pattern)))[:4])


def _join(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def table(lang: str, spec: list[tuple]) -> tuple[Rule, ...]:
    """Compile one language's table: entries are (family, patterns[, exclusions[, guard]])."""
    out: list[Rule] = []
    for n, entry in enumerate(spec):
        family, patterns = entry[0], entry[1]
        exclude = entry[2] if len(entry) > 2 else ()
        if isinstance(patterns, str) or isinstance(exclude, str):
            raise TypeError(f"{lang} {family.name}: patterns and exclusions are lists, not one string")
        status, sub, guard = FAMILY[family]
        if len(entry) > 3:
            guard = entry[3]
        name = f"{lang}.{family.name}" + ("" if all(e[0] != family for e in spec[:n]) else f".{n}")
        out.append(Rule(name, family, status, sub, re.compile(_join(patterns)),
                        re.compile(_join(exclude)) if exclude else None, guard,
                        tuple(re.compile(p) for p in patterns), tuple(_anchors(p) for p in patterns)))
    return tuple(out)


F = Family
__all__ = ["FAMILY", "F", "Family", "Rule", "required_text", "table"]
