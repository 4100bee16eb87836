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

    Every phrase knows fixed texts one of which each of its matches contains (its anchors, see
    `rules.Rule.anchors`). One Aho-Corasick pass over the text lists every anchor present
    (overlapping ones included); only the phrases they belong to are then tried, rule by rule
    in decision order. (rule, phrase) pairs are kept as one int, rule * _WIDE + phrase, so
    they sort in decision order.
    """

    __slots__ = ("always", "automaton", "rules")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        always: list[int] = []
        owners: dict[str, set[int]] = {}
        for i, rule in enumerate(rules):
            if len(rule.alternatives) >= _WIDE:
                raise ValueError(f"{rule.name}: too many phrases")
            for j, anchors in enumerate(rule.anchors):
                if anchors is None:
                    always.append(i * _WIDE + j)
                for anchor in anchors or ():
                    owners.setdefault(anchor, set()).add(i * _WIDE + j)
        self.always = tuple(always)
        self.automaton: ahocorasick.Automaton | None = None
        if owners:
            automaton = ahocorasick.Automaton()
            for anchor, codes in owners.items():
                automaton.add_word(anchor, tuple(codes))
            automaton.make_automaton()
            self.automaton = automaton

    def candidates(self, folded: str) -> list[tuple[int, int]]:
        """(rule index, phrase index) pairs, in decision order, of the phrases whose fixed text occurs."""
        found = set(self.always)
        if self.automaton is not None:
            for _end, codes in self.automaton.iter(folded):
                found.update(codes)
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
