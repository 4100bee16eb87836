"""The classifier's decision: the first rule (by family, then table order) that matches a clause
its guards allow, among the tables of the languages the text is written in. Pure."""

from __future__ import annotations

import functools
import re

import ahocorasick

from trackmon.classify.lang import languages
from trackmon.classify.rules import Rule
from trackmon.classify.tables import TABLES
from trackmon.classify.text import Clause, Moods, fold

_WIDE = 1 << 12  # more phrases than any rule has


class _Index:
    """Rules of a set of languages in decision order, and one pass to find which phrases may match.

    Every phrase knows up to two sets of fixed texts such that each of its matches contains one
    text of each set (its anchors, see `rules.Rule.anchors`). One Aho-Corasick pass over the
    text lists every anchor present (overlapping ones included); only the phrases all of whose
    sets are present are then tried, rule by rule in decision order. (rule, phrase) pairs are
    kept as one int, rule * _WIDE + phrase, so they sort in decision order.
    """

    __slots__ = ("always", "automaton", "needs", "rules")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        always: list[int] = []
        needs: dict[int, int] = {}                  # phrase code → bit mask of its anchor sets
        owners: dict[str, dict[int, int]] = {}      # anchor → {phrase code: bits of its sets holding it}
        for i, rule in enumerate(rules):
            if len(rule.alternatives) >= _WIDE:
                raise ValueError(f"{rule.name}: too many phrases")
            for j, sets in enumerate(rule.anchors):
                code = i * _WIDE + j
                if not sets:
                    always.append(code)
                    continue
                needs[code] = (1 << len(sets)) - 1
                for bit, anchors in enumerate(sets):
                    for anchor in anchors:
                        held = owners.setdefault(anchor, {})
                        held[code] = held.get(code, 0) | 1 << bit
        self.always = tuple(always)
        self.needs = needs
        self.automaton: ahocorasick.Automaton | None = None
        if owners:
            automaton = ahocorasick.Automaton()
            for anchor, codes in owners.items():  # one-set phrases apart: they need no counting
                automaton.add_word(anchor, (tuple(c for c in codes if needs[c] == 1),
                                            tuple((c, b) for c, b in codes.items() if needs[c] != 1)))
            automaton.make_automaton()
            self.automaton = automaton

    def candidates(self, folded: str) -> list[tuple[int, int]]:
        """(rule index, phrase index) pairs, in decision order, of the phrases whose fixed texts
        (one of each of their anchor sets) all occur."""
        found = set(self.always)
        if self.automaton is not None:
            seen: dict[int, int] = {}
            for _end, (single, shared) in self.automaton.iter(folded):
                found.update(single)
                for code, bits in shared:
                    seen[code] = seen.get(code, 0) | bits
            if seen:
                needs = self.needs
                found.update(code for code, bits in seen.items() if bits == needs[code])
        return [divmod(code, _WIDE) for code in sorted(found)]


@functools.lru_cache(maxsize=256)
def index_for(langs: frozenset[str]) -> _Index:
    """The tables of these languages merged in decision order (stable within a family)."""
    merged: list[Rule] = [rule for lang in sorted(langs) for rule in TABLES.get(lang, ())]
    return _Index(tuple(sorted(merged, key=lambda rule: rule.family)))


def rules_for(langs: frozenset[str]) -> tuple[Rule, ...]:
    return index_for(langs).rules


def _allowed(rule: Rule, clause: Clause) -> bool:
    return not ((clause.negated and "n" in rule.guard) or (clause.hypothetical and "h" in rule.guard))


_SEGMENT = re.compile(r"\s[-–—]\s")


def decide(text: str) -> tuple[Rule, str] | None:
    """The deciding rule and the phrase it matched, or None (empty, unknown language, no rule).

    A label with a place or code added after " - " ("Not in. - LONDON GB") that no rule reads
    whole is read a segment at a time, first segment first.
    """
    found = _decide(text)
    if found is None and _SEGMENT.search(text):
        for segment in _SEGMENT.split(text):
            if segment.strip() and (found := _decide(segment)) is not None:
                return found
    return found


def _decide(text: str) -> tuple[Rule, str] | None:
    folded = fold(text)
    if not folded:
        return None
    langs = languages(folded)
    if not langs:
        return None
    moods: Moods | None = None
    index = index_for(langs)
    rules = index.rules
    excluded = -1
    for n, j in index.candidates(folded):
        if n == excluded:
            continue
        rule = rules[n]
        match = rule.alternatives[j].search(folded)
        if match is None:
            continue
        if rule.exclude is not None and rule.exclude.search(folded):
            excluded = n
            continue
        if not rule.guard:
            return rule, match.group(0)
        if moods is None:
            moods = Moods(folded)
        if _allowed(rule, moods.at(match.start())):
            return rule, match.group(0)
        for later in rule.alternatives[j].finditer(folded, match.end()):
            if _allowed(rule, moods.at(later.start())):
                return rule, later.group(0)
    return None
