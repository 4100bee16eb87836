# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Polish carrier wording: InPost, Poczta Polska, DPD Polska, Orlen Paczka.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """przesylka przesylki doreczona doreczenia doreczenie odebrana kuriera kurierowi nadana nadanie wydana
        wydanie odmowa przyjecia przyjecie oddziale sortowni zarejestrowano dane paczkomat paczkopunkt odbior
        dostarczenie zaladunek rozwoz paczka paczke przygotowania trakcie doreczyl odbiorcy przesylke twoja
        przygotowana nadawce przekazano doreczeniu umieszczona paczkomacie przypomnienie czekajacej dostarczona
        uplynal termin brak mozliwosci przekazanie magazynu niedoreczalnych nieodebrana czeka oddziale
        odbiorcy oczekuje punkcie przekazanie przeladunek granica paczki zwrocona nadawcy"""

RULES = table("pl", [
    (F.sender_attempt, [r"zarejestrowano dane", r"powiadomienie mail", r"przygotowana przez nadawce"]),
    (F.locker, [r"umieszczona w paczkomacie"]),
    (F.point, [r"oczekuje na odbior", r"w punkcie (?:odbioru|pickup)", r"\bdhl pop\b", r"czeka na odbior", r"czekajacej paczce",
               r"czeka w oddziale"], (r"^nadanie",)),
    (F.returning, [r"zwrot", r"zwrocona"]),
    (F.refused, [r"odmowa przyjecia"]),
    (F.failed, [r"nieudana proba doreczenia", r"awizo", r"brak mozliwosci doreczenia"]),
    (F.out_for_delivery, [r"wydan[ao] do doreczenia", r"wydanie przesylki do doreczenia", r"w doreczeniu", r"zaladunek na rozwoz",
                          r"przekazano do doreczenia"]),
    (F.delivered, [r"\bdoreczon[ao]\b", r"odebrana przez adresata", r"^dostarczenie$", r"dostarczon[ao]\b", r"doreczyl"]),
    (F.exception, [r"uplynal termin odbioru", r"niedoreczaln"]),
    (F.picked_up, [r"nadana", r"nadanie", r"odebrana przez kuriera", r"przyjecie przesylki", r"przekazanie przesylki kurierowi"]),
])

__all__ = ["RULES", "VOCAB"]
