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
    text lists the anchors of the best sets present (overlapping ones included); of their
    phrases, those whose second set is present too are then tried, rule by rule in decision
    order. (rule, phrase) pairs are
    kept as one int, rule * _WIDE + phrase, so they sort in decision order.
    """

    __slots__ = ("always", "automaton", "codes", "rules", "second")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        always: list[int] = []
        shared: dict[str, int] = {}                # anchor → how many phrases' sets name it
        for rule in rules:
            if len(rule.alternatives) >= _WIDE:
                raise ValueError(f"{rule.name}: too many phrases")
            for sets in rule.anchors:
                for anchor in {a for texts in sets for a in texts}:
                    shared[anchor] = shared.get(anchor, 0) + 1
        ids: dict[str, int] = {}                   # every anchor looked for → its number
        first: dict[int, set[int]] = {}            # anchor number → phrases whose first set holds it
        second: dict[int, frozenset[int]] = {}     # phrase code → the anchor numbers of its second set
        for i, rule in enumerate(rules):
            for j, sets in enumerate(rule.anchors):
                code = i * _WIDE + j
                if not sets:
                    always.append(code)
                    continue
                # the set whose texts the fewest other phrases share first ("weather" before "deliver")
                best = sorted(sets, key=lambda texts: (sum(shared[a] for a in texts), -min(map(len, texts))))
                for anchor in best[0]:
                    first.setdefault(ids.setdefault(anchor, len(ids)), set()).add(code)
                if len(best) > 1:
                    second[code] = frozenset(ids.setdefault(anchor, len(ids)) for anchor in best[1])
        self.always = frozenset(always)
        self.second = second
        self.codes: list[frozenset[int]] = [frozenset(first.get(n, ())) for n in range(len(ids))]
        self.automaton: ahocorasick.Automaton | None = None
        if ids:
            automaton = ahocorasick.Automaton()
            for anchor, n in ids.items():
                automaton.add_word(anchor, n)
            automaton.make_automaton()
            self.automaton = automaton

    def candidates(self, folded: str) -> list[tuple[int, int]] | tuple[tuple[int, int], ...]:
        """(rule index, phrase index) pairs, in decision order, of the phrases one text of each of
        whose two anchor sets occurs (the list depends only on the anchors found)."""
        if self.automaton is None:
            return self._ordered(frozenset())
        return self._ordered(frozenset(n for _end, n in self.automaton.iter(folded)))

    @functools.lru_cache(maxsize=8192)  # noqa: B019 (one index per language set, kept for the process)
    def _ordered(self, hits: frozenset[int]) -> tuple[tuple[int, int], ...]:
        found = self.always.union(*[self.codes[n] for n in hits])
        second = self.second
        return tuple(divmod(code, _WIDE) for code in sorted(found)
                     if code not in second or not second[code].isdisjoint(hits))


@functools.lru_cache(maxsize=256)
def index_for(langs: frozenset[str]) -> _Index:
    """The tables of these languages merged in decision order (stable within a family)."""
    merged: list[Rule] = [rule for lang in sorted(langs) for rule in TABLES.get(lang, ())]
    return _Index(tuple(sorted(merged, key=lambda rule: rule.family)))


def clear_caches() -> None:
    """Forget the candidate lists kept per set of anchors found (benchmarks: every text cold)."""
    _Index._ordered.cache_clear()


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
