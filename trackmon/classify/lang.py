"""Which of the classifier's languages a text is written in (script first, then vocabulary).

A Latin-script text with none of the words below is in a language the classifier does not
read: it gets no classification, so the carrier's own code status stands (never a guess).
Each language's words are its module's ``VOCAB`` (see `languages`), folded (see `text.fold`);
only words of three letters or more count. Latin-script languages are voted for by their words:
the ones with at least a third of the votes of the best are read (a mixed line keeps both).
"""

from __future__ import annotations

import re

from trackmon.classify.languages import LANGUAGES, VOCABS

WORDS: dict[str, frozenset[str]] = {lang: frozenset(w for w in text.split() if len(w) >= 3)
                                    for lang, text in VOCABS.items()}
_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in WORDS.items():
    for _w in _words:
        _INDEX[_w] = (*_INDEX.get(_w, ()), _lang)

_EN_SHORT = re.compile(r"\b(?:in|on|at|to|by|of|is|it|be|we|up|an|or|as|out)\b")
_ALL = frozenset(_INDEX)
_WORD = re.compile(r"[a-z]{3,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def languages(folded: str) -> frozenset[str]:
    """The classifier's languages found in a folded text (empty: a language it does not read)."""
    found: set[str] = set()
    if not folded.isascii():
        if _CYRILLIC.search(folded):
            found.add("ru")
        if _HANGUL.search(folded):
            found.add("ko")
        if _KANA.search(folded):
            found.add("ja")
        if _HAN.search(folded):
            found.add("zh")
            if "ja" not in found and "ko" not in found:
                found.add("ja")  # kanji-only Japanese labels ("配達完了") read with both tables
    words = set(_WORD.findall(folded))
    votes: dict[str, int] = {}
    for word in _ALL.intersection(words):
        for lang in _INDEX[word]:
            votes[lang] = votes.get(lang, 0) + 1
    if len(votes) + len(found) < 2:  # plural forms ("packages", "parcels") when little else was found
        for word in _ALL.intersection(w[:-1] for w in words if w[-1] == "s"):
            for lang in _INDEX[word]:
                votes[lang] = votes.get(lang, 0) + 1
    if votes:
        # A Latin-script text is read in the languages it is largely written in: one shared word
        # ("transit", "service") does not pull a whole English sentence into French rules, while a
        # line that mixes two ("AFFIDATA A PARCEL SHOP/ POST OFFICE") keeps both.
        top = max(votes.values())
        found.update(lang for lang, n in votes.items() if 3 * n >= top)
    if not found and folded.isascii() and _EN_SHORT.search(folded):
        found.add("en")  # "In Customs", "Out for delivery": short English function words
    return frozenset(found)


__all__ = ["LANGUAGES", "WORDS", "languages"]
