# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Polish carrier wording: InPost, Poczta Polska, DPD Polska, Orlen Paczka, FedEx and Geis PL.

Patterns are folded (see `text.fold`): no accents, "ł" → "l", lower case. Polish inflects, so
stems stand for their forms ("odebran[aoy]" = collected, "doreczon" = delivered). The sender's
side (a parcel posted in a locker, collected *from* the sender) is read before lockers and
pickup points; the way back ("w drogę powrotną do Nadawcy") before a failed attempt named in
the same text."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """przesylka przesylki doreczona doreczenia doreczenie odebrana kuriera kurierowi nadana nadanie wydana
        wydanie odmowa przyjecia przyjecie oddziale sortowni zarejestrowano dane paczkomat paczkopunkt odbior
        dostarczenie zaladunek rozwoz paczka paczke przygotowania trakcie doreczyl odbiorcy przesylke twoja
        przygotowana nadawce przekazano doreczeniu umieszczona paczkomacie przypomnienie czekajacej dostarczona
        uplynal termin brak mozliwosci przekazanie magazynu niedoreczalnych nieodebrana czeka oddziale
        odbiorcy oczekuje punkcie przekazanie przeladunek granica paczki zwrocona nadawcy nadawca zostala
        zostalo zostaly zostanie kurier doreczyciel doreczyciela automatu automacie paczkopunkcie paczkopunktu
        gotowa odbioru potwierdzona zareklamowana oferty ofert klient dostawa odbiorca odbiorce adresat
        wskazanym adresem przekierowana przekierowania przekierowanie oddzialu oddzialami nadawczego
        przyjeta wyslana podrozy powrotna powrotnej droge drodze skrytce miesci zastal dzisiejszym powod
        awizowana odebranie prosimy opozni utworzona przygotowane anulowana etykieta nadawcza placowce
        placowki odprawa celna celnej urzad"""

_SENDER = r"(?:nadawc\w*|klienta)"

RULES = table("pl", [
    (F.returned, [r"(?:doreczon[ao]|dostarczon[ao]|wydan[ao]) (?:z powrotem )?(?:do )?nadawc", r"odebran[ao] przez nadawce",
                  r"zwrot (?:zostal )?doreczony"]),
    (F.sender_attempt, [r"zarejestrowano dane", r"powiadomienie mail", r"przygotowana przez nadawce", r"w trakcie przygotowania",
                        r"nie jest gotowa do nadania", r"przygotowal\w* (?:przesylke|paczke) do nadania", r"zostala utworzona",
                        r"\boferty?\b|\bofert\b", r"^potwierdzona\.?$", r"dane przesylki", r"oczekuje na nadanie"]),
    (F.sender_collected, [rf"odebran[aoy]? (?:przez kuriera )?od {_SENDER}", rf"odebral\w* (?:paczke|przesylke) od {_SENDER}",
                          r"nadawca przekazal", r"oczekuje na wyjecie z automatu", r"z paczkopunktu nadawczego",
                          r"odebral\w* przesylke nadana", r"nadan[ao] (?:w|przez) (?:paczkomac|paczkopunk|punkcie|paczkomat)"]),
    (F.neutral_early, [r"przekierow"], (), ""),
    (F.locker, [r"umieszczona w paczkomacie", r"(?:czeka|oczekuje)\w*(?: na (?:odbior|ciebie))? w (?:\w+ )?(?:automacie|paczkomacie)"]),
    (F.point, [r"oczekuje na odbior", r"w punkcie (?:odbioru|pickup)", r"\bdhl pop\b", r"czeka na odbior", r"czekajacej paczce",
               r"czeka w oddziale", r"gotowa do odbioru", r"prosimy o odebranie", r"awizowana w", r"do odebrania w"], (r"^nadanie",)),
    (F.returning, [r"zwrot", r"zwrocon", r"(?:droge|podroz)\w* powrotn", r"wraca do nadawcy", r"wroci do nadawcy"],
     (r"potwierdzenie odbioru",)),
    (F.refused, [r"odmowa przyjecia", r"odmowil\w* przyjecia", r"odrzucon\w* przez odbiorc"]),
    (F.address, [r"(?:bledne|niepelne|niepoprawne|nieprawidlowe|niekompletne) dane adresowe", r"(?:odbiorca|adresat) nieznany",
                 r"nie mieszka pod wskazanym adresem", r"(?:zly|bledny|nieprawidlowy) adres"]),
    (F.nobody, [r"nie zastal", r"nieobecnosc (?:odbiorcy|adresata)"]),
    (F.failed, [r"nieudana proba doreczenia", r"\bawizo\b", r"brak mozliwosci doreczenia", r"nie (?:zostala )?(?:doreczon|dostarczon)",
                r"proba doreczenia", r"nie mial\w* gotowki"]),
    (F.out_for_delivery, [r"wydan[ao] do doreczenia", r"wydanie przesylki do doreczenia", r"w doreczeniu", r"na rozwoz", r"\brozwozi\b",
                          r"przekazan[ao] do doreczenia", r"przekazano do doreczenia", r"przekazana kurierowi w celu (?:dostarczenia|doreczenia)",
                          r"gotowa do doreczenia"]),
    (F.delivered, [r"\bdoreczon[ao]\b", r"odebrana przez (?:adresata|odbiorce)", r"^dostarczenie$", r"dostarczon[ao]\b", r"doreczyl",
                   r"(?:przesylka|paczka) zostala odebrana\.", r"odbiorca odebral"]),
    (F.damaged, [r"uszkodzon"]),
    (F.lost, [r"zaginion|zagubion"]),
    (F.exception, [r"uplynal termin odbioru", r"niedoreczaln", r"zareklamowan", r"reklamac", r"anulowan\w*", r"utracil\w* waznosc",
                   r"nie miesci sie", r"ponadgabaryt"]),
    (F.export_clearance, [r"odpraw\w* (?:celn\w* )?(?:eksportow|wywozow)"], (r"zakonczon", r"przywoz|importow")),
    (F.customs, [r"odpraw\w* celn", r"urzed\w* celn|urzad celny", r"\bclo\b"]),
    (F.delayed, [r"opozni"]),
    (F.picked_up, [r"nadana", r"nadanie", r"odebrana przez kuriera", r"przyjecie przesylki", r"przekazanie przesylki kurierowi"]),
])

__all__ = ["RULES", "VOCAB"]
