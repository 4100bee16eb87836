"""Text preparation for the classifier: folding, clauses and their mood, and the languages present.

Pure and fast (one pass of a few compiled patterns per text). Patterns elsewhere are written
in the folded form produced here: HTML tags and entities removed, NFKC (full-width → ASCII),
case-folded, whitespace collapsed, and accents stripped from Latin letters only ("livré" →
"livre"; Cyrillic "й" and CJK are kept).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import NamedTuple

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]{0,200}>")


def normalize_text(text: str) -> str:
    """Decode HTML entities, collapse whitespace, case-fold: " Out&nbsp;for\\nDelivery" → "out for delivery"."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split()).casefold()


def _latin_table() -> dict[int, str]:
    """Latin letters with diacritics → their base letters (é→e, ç→c, ß kept as ss by casefold)."""
    table: dict[int, str] = {ord("’"): "'", ord("‘"): "'", ord("ł"): "l", ord("ø"): "o", ord("đ"): "d",
                              ord("ı"): "i", 0x307: ""}  # Turkish dotless ı; "İ".casefold() is "i" + U+0307
    for code in range(0xC0, 0x250):
        base = "".join(ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch))
        if base != chr(code) and base.isascii() and base:
            table[code] = base
    return table


_LATIN = _latin_table()
#: Invisible characters carrier pages leave in texts: a zero-width space separates words, the
#: others (soft hyphen, joiners, BOM, word joiner) join nothing and are dropped.
_INVISIBLE = {0x200B: " ", 0x00AD: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: ""}


def fold(text: str) -> str:
    """`normalize_text` after NFKC, then accents stripped from Latin letters (é→e, ç→c, ü→u).

    Cyrillic ("й") and CJK are left as they are; full-width forms become ASCII.
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    base = normalize_text(text)
    return base if base.isascii() else base.translate(_LATIN)


class Clause(NamedTuple):
    start: int
    end: int
    negated: bool      # "not", "pas", "nicht", "не", "未" … in this clause
    hypothetical: bool  # future, plan, condition, expectation: "will", "if", "sera", "wird", "将" …


#: Sentence and clause boundaries. Latin commas do not split: "Delivered, Left at front door" is one fact.
_BOUNDARY = re.compile(r"[.;:!?。；：！？|]+(?:\s|$)|\s[-–—]\s|(?<=[a-z])/(?=[a-z])"
                       # a CJK comma or semicolon (folded to ASCII by NFKC) ends a clause: "已签收，如您未收到…"
                       r"|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[,;]\s*|[,;]\s*(?=[\u3040-\u30ff\u3400-\u9fff])"
                       r"|\s(?:but|mais|pero|mas|aber|ma|maar)\s|(?<=[。；，])"
                       r"|,?\s(?:and|et|y|und|e)\s(?=(?:will|is|was|has|it|sera|est|il|wird|ist|foi|vai)\b)"
                       r"|\s?,\s(?=(?:il|elle|ils|it|he|she|they|we|el|ele|er|sie|es)(?:\s|'))")

_NEG_WORDS = frozenset("""
    not never unable cannot can't couldn't wasn't isn't hasn't haven't won't didn't doesn't unsuccessful without
    impossible nie nao sem nunca pas n'a n'ont n'est ne non aucun aucune nicht kein keine keinen nie niet geen nein
    не нет ни без""".split())  # noqa: SIM905
_NEG_EXTRA = re.compile(r"\bno (?:se|ha|han|fue|pudo|puede|es|esta|entregad\w*|recogid\w*|disponible)\b"
                        r"|未|不|没有|无法|無法|失敗|失败|ない|できません|않|못|실패")
_HYP_WORDS = frozenset("""
    will would shall should expected scheduled estimated planned plan plans if once unless until
    upon tomorrow next soon later before prior pending eta sera seran seria serao seront va vont pourra pourrait
    doit devra devera prevu prevue prevus prevues prevista previstas previsto previstos prevision sujeito
    programado programada agendado agendada concertada proxima proximamente proximo prochain prochaine
    prochainement bientot manana amanha demain si cuando quando caso lorsque sobald falls wenn wird
    voraussichtlich geplant morgen demnachst spater sara saranno verra zostanie zostana wordt zal zullen verwacht
    bedzie beda nastapi jesli jezeli gdy gdyby wkrotce niebawem
    будет будут ожидается если после заказана заказан назначено назначена""".split())  # noqa: SIM905
_HYP_EXTRA = re.compile(r"\b(?:going to|ready to|(?<!able )to be|des que)\b"  # "unable to be delivered" is not a plan
                        r"|планир|将|预计|預計|预约|計画|予定|如果|若|准备派|준비|예정")
_HYP_ASCII = ("going to", "ready to", "to be ", "des que")
_TOKEN = re.compile(r"[^\W\d_][\w']*")


def clauses(folded: str) -> list[Clause]:
    """The text cut into clauses, each with its mood flags."""
    whole = _clause(folded, 0, len(folded))
    if not (whole.negated or whole.hypothetical):
        return [whole]  # no marker anywhere: one plain clause is enough
    out: list[Clause] = []
    start = 0
    for m in _BOUNDARY.finditer(folded):
        if m.start() > start:
            out.append(_clause(folded, start, m.start()))
        start = m.end()
    if start < len(folded):
        out.append(_clause(folded, start, len(folded)))
    return out or [Clause(0, len(folded), False, False)]


def _clause(folded: str, start: int, end: int) -> Clause:
    part = folded[start:end]
    words = _TOKEN.findall(part)
    negated = not _NEG_WORDS.isdisjoint(words)
    hypothetical = not _HYP_WORDS.isdisjoint(words)
    if part.isascii():
        negated = negated or ("no " in part and bool(_NEG_EXTRA.search(part)))
        hypothetical = hypothetical or (any(marker in part for marker in _HYP_ASCII)
                                        and bool(_HYP_EXTRA.search(part)))
    else:
        negated = negated or bool(_NEG_EXTRA.search(part))
        hypothetical = hypothetical or bool(_HYP_EXTRA.search(part))
    return Clause(start, end, negated, hypothetical)


class Moods:
    """The clause flags of one text, computed only where a guarded rule matched (lazily)."""

    __slots__ = ("_bounds", "_cache", "_folded", "_plain")

    def __init__(self, folded: str) -> None:
        self._folded = folded
        whole = _clause(folded, 0, len(folded))
        self._plain = not (whole.negated or whole.hypothetical)
        self._bounds: list[tuple[int, int]] | None = None
        self._cache: dict[int, Clause] = {}

    def at(self, pos: int) -> Clause:
        """The clause around position `pos`."""
        if self._plain:
            return Clause(0, len(self._folded), False, False)
        if self._bounds is None:
            self._bounds = [(m.start(), m.end()) for m in _BOUNDARY.finditer(self._folded)]
        start, end = 0, len(self._folded)
        for b_start, b_end in self._bounds:
            if b_end <= pos:
                start = b_end
            elif b_start > pos:
                end = b_start
                break
        found = self._cache.get(start)
        if found is None:
            found = self._cache[start] = _clause(self._folded, start, end)
        return found


def clause_at(parts: list[Clause], pos: int) -> Clause:
    for part in parts:
        if part.start <= pos < part.end:
            return part
    return parts[-1]
