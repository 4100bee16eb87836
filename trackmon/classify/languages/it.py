# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Italian carrier wording: Poste Italiane, BRT, SEND postal operators.

Patterns are folded (see `text.fold`): no accents, lower case. BRT writes terse event names,
often abbreviated ("DESTINAT.SCONOSC./INCOMPLETO", "RIFIUTA:NON PAGA TRASPORTO"); its storage
causes (giacenza) given alone read as the failed attempt they name (see data/corpus/README.md)."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
# Only words Spanish, Portuguese, French and English do not share ("fermopoint" and "brt" stay out:
# BRT's English wordings carry them too).
VOCAB = """spedizione stata consegnata consegna transito ritiro disponibile mittente restituzione presa carico
        ufficio postale verifica svincolo paese estero data successo operatore acquisto andata buon fine
        verifiche contatta assistenza giorno lavorativo successivo indicata corso consegnato giacenza mancata
        irreperibilita assoluta destinatario deceduto sconosciuto trasferito indirizzo inesatto inesistente
        insufficiente furto smarrimento deterioramento rapina strada chiusa maltempo forza maggiore esito fascicolo
        chiuso dematerializzazione abilitata persona punti recapitista accettazione avviato estero ingresso invio
        rifiutato causa
        alla allagamento alluvione altra arrivata assegno assente attivita blocco cessata cessato chiede
        circolazione collo consegnabile consegnare controllo dal dalle dati dazi delle distrutta documenti dogana
        doganali dopo eccezionale elettrica energia errato esercizio ferie festiva festivita giornata inoltro
        interruzione lasciato mancante mancanti manifestazione merce molto mosso motivazione motivo nel nevicata
        operativi ordinata presso pubblica rallentamenti reindirizzata requisita reso riceve ricevuta rifiuta
        rifiutata ritardo ritirare ritirata scaduti sciopero senza specificare spedita spese sportiva stradale
        sulla tassativa termini trasmessi trasporto sconosc
        pacco corriere affidata tentativo recapito recapitata recapitato avviso rientro smarrito smarrita
        danneggiato danneggiata sdoganata accettata pronta smistamento distribuzione respinta
        abbandonati abbandonata smaltita uscita lettera vettura resa fermo azione attesa svincolata
        giornata odierna riusciti istruzioni richiesto errore trasferimento registrata sistemi elaborato ordine
        disguido sbancalabile sagoma scondizionato mancanza furtata percorso inversione autista sbagliato errata
        bollettazione spazio furgone localizzato chiusura importo contrassegno riuscita creata problemi riconsegna
        attrezzato scarico prenotare prenotata concordata destinataria inoltrata distributore riapertura effettuabile
        restituita"""

RULES = table("it", [
    (F.sender_attempt, [r"a seguito di acquisto"]),
    (F.point, [r"fermopoint", r"parcel shop", r"punto (?:di )?ritiro", r"punto poste"], (r"ritirata|reindirizzat|rifiutat|non ritirata",)),
    (F.post_office, [r"disponibile (?:per il|al) ritiro", r"in giacenza", r"pronta per il ritiro", r"fermo deposito",
                     r"ritiro della spedizione presso la sede"], (r"attesa di istruzioni|se urgente",)),
    (F.returning, [r"in restituzione al mittente", r"restituit", r"in rientro", r"res[ao] (?:al )?mittente", r"scaduti termini per il ritiro"]),
    (F.lost, [r"\bfurto\b", r"\bfurtat", r"smarriment", r"smarrit", r"conferma mancanza", r"non localizzat", r"\brapina\b", r"coll[oi].{0,4}mancant"]),
    (F.prohibited, [r"distrutta", r"requisita", r"abbandonat", r"smaltit"]),
    (F.refused, [r"rifiut", r"respint", r"non paga", r"non riceve"]),
    (F.address, [r"indirizzo (?:inesatto|inesistente|insufficiente|errato|incompleto)", r"destinatario (?:sconosciuto|trasferito|deceduto)",
                 r"destinatar\w*\.?\s?sconosc", r"indiriz\w*\.?\s?(?:inesistente|inesatto|errato|incompleto)",
                 r"indirizzo indicato.{0,30}(?:errato|inesistente)", r"esercizio non", r"^trasferito\b", r"^sconosciuto\b",
                 r"zip code errato"]),
    # "si e' trasferito" is reflexive, not the Spanish "si" (if) that marks a clause hypothetical
    (F.address, [r"cessat[oa]"], (), ""),
    (F.nobody, [r"irreperibil", r"destinatario assente", r"\bassente\b", r"lasciato avviso", r"destinatario (?:e' )?chiuso",
                r"chiuso per (?:turno|ferie)", r"chiusura esercizio"]),
    (F.failed, [r"consegna non andata a buon fine", r"mancata consegna", r"non consegnat", r"tentativo di consegna",
                r"mancato recapito", r"non recapitat", r"non siamo riusciti a consegnare",
                r"consegna non riuscita", r"importo (?:contrassegno )?non disponibile", r"non attrezzato per lo scarico",
                r"non sbancalabile"], (r"effettueremo un tentativo",)),
    (F.out_for_delivery, [r"in consegna", r"affidata al corriere", r"in distribuzione"], (r"problemi in distribuzione",)),
    # GLS Italy's out-for-delivery line names today's delivery as "prevista": today is not a plan
    (F.out_for_delivery, [r"consegna prevista nel corso della giornata odierna"], (), ""),
    (F.delivered, [r"(?:e|e') stata consegnata", r"consegnat[ao]", r"con successo in data", r"consegna a persona abilitata",
                   r"ritirata al"]),
    (F.damaged, [r"deterioramento", r"danneggiat", r"preavviso di danno", r"scondizionat"]),
    (F.delayed, [r"rallentament", r"\britardo\b", r"non uscita", r"manca spazio"]),
    # GLS's notice for a day lost on the line: tomorrow, or collect it today at the depot if urgent
    (F.delayed, [r"se urgente disponibile per il ritiro"], (r"zona servita",)),
    (F.exception, [r"verifiche sulla spedizione", r"forza maggiore", r"strada chiusa", r"maltempo", r"incendio", r"terremoto",
                   r"\bblocco\b", r"manifestazione", r"disagi", r"festiv", r"interruzione", r"mare molto mosso", r"nevicata",
                   r"sciopero", r"alluvione", r"acqua alta", r"dati mancanti", r"guasto", r"attesa azione", r"lettera vettura errata",
                   r"errore nel trasferimento dei dati", r"disguido", r"mancanza \d avviso", r"incidente sul percorso",
                   r"inversione collo", r"autista sbagliato", r"errata destinazione", r"problemi in distribuzione"]),
    (F.exception, [r"attesa di istruzioni", r"\bnon in consegna\b"], (r"dogan|inoltrat",)),
    (F.customs_released, [r"svincolo", r"sdoganat"]),
    (F.customs_info, [r"documenti doganali"]),
    (F.customs_held, [r"controlli doganali"]),
    (F.customs, [r"dogan"]),
    (F.label, [r"spedizione creata", r"dati spediz\w*\.? trasmessi", r"registrata nei nostri sistemi", r"ordine elaborato"]),
    (F.picked_up, [r"presa in carico", r"accettat[ao]", r"ufficio postale", r"accettazione", r"^ritirata$"]),
])

__all__ = ["RULES", "VOCAB"]
