"""Every language has every message, and no English (nor carrier text) is left in the others.

The samples' event lines are written by trackmon in the reader's language, as the planner
writes them, so the check covers the templates and the event lines together.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from trackmon.locales import languages
from trackmon.messaging.context import sample_contexts
from trackmon.messaging.event_lines import EventFacts, event_line
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.places import readable_place
from trackmon.messaging.render import Renderer

BUILTIN = Renderer()
LANGUAGES = languages()
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
ENGLISH = re.compile(r"\b(the|and|we|your|you|is|has|have|will|of|to|it|this|please|hello|regards|"
                     r"parcel|carrier|expect|since|days?)\b", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
T = datetime(2026, 11, 18, 9, tzinfo=UTC)


def localized(kind: str, lang: str) -> list[dict[str, object]]:
    """The samples, with lines and places as trackmon writes them for `lang`."""
    def line(status: str, sub: str | None, place: str | None, country: str) -> str:
        return event_line(EventFacts(T, status, sub, place, country), lang, origin="CN", destination="RU")
    out = []
    for ctx in sample_contexts(kind):
        out.append({**ctx,
                    "last_event": line("in_transit", "picked_up", "深圳邮区中心", "CN") if ctx["last_event"] else "",
                    "changes": [line("in_transit", "customs_released", None, "RU"),
                                line("available_for_pickup", None, "Казань 420111", "RU")] if ctx["changes"] else [],
                    "pickup_location": readable_place("Казань 420111", lang) if ctx["pickup_location"] else "",
                    "carrier": "Почта России" if ctx["carrier"] else "",
                    "store_name": "Lotus", "buyer_name": "Anna"})
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_kind(lang: str) -> None:
    assert set(BUILTIN.kinds(lang)) - {"_parts"} == set(ALL_KINDS)


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_no_english_left(lang: str, kind: str) -> None:
    for ctx in localized(kind, lang):
        out = BUILTIN.render(kind, lang, ctx)
        for part in (out.subject, out.text):
            words = ENGLISH.findall(URL.sub(" ", part))
            assert not words, f"{lang}/{kind}: English left: {words} in\n{part}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_no_foreign_script(lang: str, kind: str) -> None:
    for ctx in localized(kind, lang):
        text = BUILTIN.render(kind, lang, ctx).text
        assert not re.search(r"[\u3400-\u9fff]", text), f"{lang}/{kind}"
        if lang != "ru":
            assert not re.search(r"[\u0400-\u04ff]", text.replace("Почта России", "")), f"{lang}/{kind}"


def test_the_english_check_catches_english() -> None:
    assert ENGLISH.findall("Hallo, the parcel is here")
    assert not ENGLISH.findall("Das Paket ist angekommen. Sendungsnummer: LP1CN")
