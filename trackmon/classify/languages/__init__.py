"""The classifier's languages: one module each, discovered (``<code>.py`` with ``RULES`` and,
for Latin-script languages, the ``VOCAB`` that tells the language apart; see `lang.languages`).

Adding a language to the classifier is adding its module here and its rows to
``data/corpus/events/<code>.csv``; nothing else names it.
"""

from __future__ import annotations

import importlib
import pkgutil

from trackmon.classify.rules import Rule

_MODULES = {info.name: importlib.import_module(f"{__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
            if not info.name.startswith("_")}

LANGUAGES: tuple[str, ...] = tuple(_MODULES)
TABLES: dict[str, tuple[Rule, ...]] = {code: module.RULES for code, module in _MODULES.items()}
VOCABS: dict[str, str] = {code: module.VOCAB for code, module in _MODULES.items() if hasattr(module, "VOCAB")}

__all__ = ["LANGUAGES", "TABLES", "VOCABS"]
