"""Languages besides English (pt, fr, de, it, pl): present, carry the same facts as English,
dates written by CLDR and days counted by the language's plural rule."""

from __future__ import annotations

import pytest

from trackmon.messaging.context import sample_contexts
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.render import Renderer

BUILTIN = Renderer()
NEW = ("pt", "fr", "de", "it", "pl")
# the shipped/expected window, as each language writes the last day
WINDOW_END = {"pt": "27 de novembro de 2026", "fr": "27 novembre 2026", "de": "27. November 2026",
              "it": "27 novembre 2026", "pl": "27 listopada 2026"}
RETURN_DAY = {"pt": "1 de dezembro de 2026", "fr": "1 décembre 2026", "de": "1. Dezember 2026",
              "it": "1 dicembre 2026", "pl": "1 grudnia 2026"}
LAST_SCAN_DAY = {"pt": "18 de novembro de 2026", "fr": "18 novembre 2026", "de": "18. November 2026",
                 "it": "18 novembre 2026", "pl": "18 listopada 2026"}
SIGN_OFF = {"pt": "Atenciosamente,", "fr": "Bien cordialement,", "de": "Viele Grüße", "it": "Cordiali saluti,",
            "pl": "Pozdrawiamy"}
ENGLISH_LEFTOVERS = ("Hello", "Best regards", "Tracking number", "We expect", "Please ")


def render(kind: str, lang: str, **changes: object):
    return BUILTIN.render(kind, lang, {**sample_contexts(kind)[0], **changes})


def test_new_languages_are_discovered_and_chosen_from_locales() -> None:
    assert set(NEW) <= set(BUILTIN.languages())
    for lang in NEW:
        assert set(BUILTIN.kinds(lang)) - {"_parts"} == set(ALL_KINDS)
        assert BUILTIN.source_of(f"{lang}/shipped.txt.j2").endswith(f"messages/{lang}/shipped.txt.j2")
    assert BUILTIN.resolve_language("pt-BR") == "pt"
    assert BUILTIN.resolve_language("fr_FR") == "fr"
    assert BUILTIN.resolve_language("de-DE") == "de"


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_no_english_left_and_signed(lang: str, kind: str) -> None:
    for ctx in sample_contexts(kind):
        out = BUILTIN.render(kind, lang, ctx)
        for phrase in ENGLISH_LEFTOVERS:
            assert phrase not in out.text, f"{lang}/{kind}: {phrase!r} left in English"
        assert out.text.rstrip().endswith(SIGN_OFF[lang] + "\n" + ctx["store_name"])
        assert "None" not in out.text and "  " not in out.text


@pytest.mark.parametrize("lang", NEW)
def test_shipped_has_every_number_link_window_and_causes(lang: str) -> None:
    ctx = sample_contexts("shipped")[0]
    out = render("shipped", lang)
    for t in ctx["tracking_numbers"]:
        assert t["number"] in out.text and t["url"] in out.text
    assert "12" in out.text and "25" in out.text and WINDOW_END[lang] in out.text
    assert "11.11" in out.text and "Black Friday" in out.text
    sparse = BUILTIN.render("shipped", lang, sample_contexts("shipped")[1])
    assert "11.11" not in sparse.text  # causes only when the window has them


@pytest.mark.parametrize("lang", NEW)
def test_pickup_says_where_since_and_days_left(lang: str) -> None:
    out = render("pickup_waiting", lang)
    assert "Post office 101000, Moscow" in out.text and RETURN_DAY[lang] in out.text
    assert "11" in out.text
    last_day = render("pickup_reminder", lang, pickup_days_left=0)
    assert " 0 " not in last_day.text  # "the last day", not "0 days left"


@pytest.mark.parametrize(("lang", "days", "said"), [
    ("pt", 1, "há 1 dia ("), ("pt", 9, "há 9 dias ("),
    ("fr", 1, "depuis 1 jour ("), ("fr", 9, "depuis 9 jours ("),
    ("de", 1, "seit einem Tag nicht"), ("de", 9, "seit 9 Tagen nicht"),
    ("it", 1, "da 1 giorno ("), ("it", 9, "da 9 giorni ("),
    ("pl", 1, "przez 1 dzień ("), ("pl", 3, "przez 3 dni ("), ("pl", 9, "przez 9 dni ("),
    ("ru", 1, "уже 1 день"), ("ru", 3, "уже 3 дня"), ("ru", 9, "уже 9 дней"),
])
def test_day_counts_agree_with_the_number(lang: str, days: int, said: str) -> None:
    assert said in render("stalled", lang, days_without_update=days).text


@pytest.mark.parametrize(("lang", "days", "said"), [
    ("it", 1, "(tra 1 giorno)"), ("it", 11, "(tra 11 giorni)"),
    ("pl", 1, "(za 1 dzień)"), ("pl", 2, "(za 2 dni)"), ("pl", 11, "(za 11 dni)"),
    ("de", 1, "(in 1 Tag)"), ("de", 11, "(in 11 Tagen)"),
])
def test_days_left_to_collect_agree_with_the_number(lang: str, days: int, said: str) -> None:
    assert said in render("pickup_reminder", lang, pickup_days_left=days).text


@pytest.mark.parametrize("lang", NEW)
def test_customs_duties_amount_and_split_and_partial_numbers(lang: str) -> None:
    assert "12.50 EUR" in render("customs_duties", lang).text
    split = render("split_package", lang)
    assert "LP00123456789CN" in split.text and "UA987654321CN" in split.text and "2 kg" in split.text
    partial = render("partial_delivery", lang)
    assert "LP00123456789CN" in partial.text and "UA987654321CN" in partial.text


@pytest.mark.parametrize("lang", NEW)
def test_weekly_checkin_says_what_changed_or_since_when_nothing_did(lang: str) -> None:
    ctx = {**sample_contexts("weekly_checkin")[0], "stage": "destination"}
    changed = BUILTIN.render("weekly_checkin", lang, {**ctx, "changes": ["LINE-A", "LINE-B"]})
    quiet = BUILTIN.render("weekly_checkin", lang, {**ctx, "changes": []})
    assert "- LINE-A" in changed.text and "- LINE-B" in changed.text and "LINE-A" not in quiet.text
    assert LAST_SCAN_DAY[lang] in quiet.text and "9" in quiet.text  # since when, and for how long
    assert WINDOW_END[lang] in quiet.text and WINDOW_END[lang] in changed.text
    later = BUILTIN.render("weekly_checkin", lang, {**ctx, "changes": [], "days_without_update": 16})
    assert later.text != quiet.text  # a week on, the same facts are not sent word for word
