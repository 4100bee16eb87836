"""Every language's rule table, by language code (see `lang.LANGUAGES`)."""

from __future__ import annotations

from trackmon.classify.rules import Rule
from trackmon.classify.rules_cjk import JA, KO, ZH
from trackmon.classify.rules_en import EN
from trackmon.classify.rules_other import DE, NL, PL, RU, TR
from trackmon.classify.rules_romance import ES, FR, IT, PT

TABLES: dict[str, tuple[Rule, ...]] = {
    "en": EN, "es": ES, "pt": PT, "fr": FR, "de": DE, "it": IT, "pl": PL, "nl": NL, "tr": TR,
    "ru": RU, "zh": ZH, "ja": JA, "ko": KO,
}

__all__ = ["TABLES"]
