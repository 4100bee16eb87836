"""Place names a buyer can read (pure): kept, romanized, or left out.

Every reader reads Latin, and the script of their own language (CLDR's likely script for
the language, `locales.script`): a Russian reader reads Cyrillic and Latin. A place
written in another script is romanized: Chinese with pypinyin, syllables grouped two by
two, the usual length of a Chinese word (深圳邮区中心 → "Shenzhen Youqu Zhongxin");
Russian with a simple transliteration. A place in any other script gives None, and the
caller names it generically ("a sorting centre in China").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from trackmon import locales

_BRACKETS = re.compile(r"[【】\[\]（）]")

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def script_of(char: str) -> str:
    """latin | cyrillic | han | other (for a letter); "" for digits, spaces and punctuation."""
    if not unicodedata.category(char).startswith("L"):
        return ""
    if char.isascii():
        return "latin"
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("CJK UNIFIED") or name.startswith("CJK COMPATIBILITY IDEOGRAPH"):
        return "han"
    return "other"


def scripts(text: str) -> set[str]:
    return {s for s in map(script_of, text) if s}


def readable_scripts(language: str) -> frozenset[str]:
    return frozenset({"latin", locales.script(language)})


def romanize_chinese(text: str) -> str:
    from pypinyin import lazy_pinyin  # imported here: its dictionaries take a moment to load

    out: list[str] = []
    for run in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text):
        if not run:
            continue
        if scripts(run) == {"han"}:
            syllables = lazy_pinyin(run)
            words = ["".join(syllables[i:i + 2]).capitalize() for i in range(0, len(syllables), 2)]
            out.append(" " + " ".join(words) + " ")
        else:
            out.append(run)
    return " ".join("".join(out).split())


def transliterate_cyrillic(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            latin = _CYRILLIC[low]
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def readable_place(location: str | None, language: str) -> str | None:
    """`location` as the reader of `language` can read it, or None when it cannot be shown
    (pure: kept per process, as places repeat from parcel to parcel)."""
    text = " ".join(_BRACKETS.sub(" ", location or "").split()).strip(" ,;-")
    if not text:
        return None
    allowed = readable_scripts(language)
    found = scripts(text)
    if found <= allowed:
        return text
    if "han" in found:
        text = romanize_chinese(text)
    if "cyrillic" in scripts(text) and "cyrillic" not in allowed:
        text = transliterate_cyrillic(text)
    return text if scripts(text) <= allowed and text else None
