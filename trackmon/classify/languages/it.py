# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Italian carrier wording: Poste Italiane, BRT, SEND postal operators.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """spedizione stata consegnata consegna transito ritiro disponibile mittente restituzione presa carico
        ufficio postale verifica svincolo paese estero data successo operatore acquisto andata buon fine
        verifiche contatta assistenza giorno lavorativo successivo indicata corso consegnato giacenza mancata
        irreperibilita assoluta destinatario deceduto sconosciuto trasferito indirizzo inesatto inesistente
        insufficiente furto smarrimento deterioramento rapina strada chiusa maltempo forza maggiore esito fascicolo
        chiuso dematerializzazione abilitata persona punti recapitista accettazione avviato estero ingresso invio
        rifiutato causa"""

RULES = table("it", [
    (F.sender_attempt, [r"a seguito di acquisto"]),
    (F.post_office, [r"disponibile per il ritiro", r"in giacenza"]),
    (F.returning, [r"in restituzione al mittente", r"restituit"]),
    (F.lost, [r"\bfurto\b", r"smarriment", r"\brapina\b"]),
    (F.refused, [r"rifiutat"]),
    (F.address, [r"indirizzo (?:inesatto|inesistente|insufficiente|errato|incompleto)", r"destinatario (?:sconosciuto|trasferito|deceduto)"]),
    (F.nobody, [r"irreperibil", r"destinatario assente"]),
    (F.failed, [r"consegna non andata a buon fine", r"mancata consegna", r"non consegnat"]),
    (F.out_for_delivery, [r"in consegna"]),
    (F.delivered, [r"(?:e|e') stata consegnata", r"consegnat[ao]", r"con successo in data", r"consegna a persona abilitata"]),
    (F.damaged, [r"deterioramento", r"danneggiat"]),
    (F.exception, [r"verifiche sulla spedizione", r"forza maggiore", r"strada chiusa", r"maltempo", r"incendio", r"terremoto"]),
    (F.customs_released, [r"svincolo"]),
    (F.customs, [r"dogana"]),
    (F.picked_up, [r"presa in carico", r"ufficio postale", r"accettazione"]),
])

__all__ = ["RULES", "VOCAB"]
