# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Italian carrier wording: Poste Italiane, BRT, GLS Italy, SDA, SEND postal operators, DHL's Italian.

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
        restituita
        partita partenza arrivo scansione servita localita contattare pacchi colli magazzino lavorazione inviato tentato fallito
        riuscito mancato rifiuto civico citofono nominativo rotto manomesso bagnato rubato rallentamento pioggia sdoganamento
        doganale annullata annullato sospesa bloccata bloccato trattenuta oggi domani ieri nostro nostra nostri siamo abbiamo
        stato della dello degli effettuata effettuato eseguita avvenuta postino portalettere raccomandata pacchetto giorni
        lavorativi nebbia ghiaccio frana mareggiata grandine temporale esondazione eruzione sisma emergenza quarantena
        ordinanza traghetto traghetti viabilita traffico lavori interrotta interrotto impraticabile inaccessibile elezioni
        patronale vietato consentito inagibile tecnici calamita atmosferici allerta pieno
        illeggibile etichetta imballo imballaggio segnacollo sovrappeso mancante mancanti sbagliato sbagliata richiesta
        contestazione"""

RULES = table("it", [
    # back with the sender (final): the return handed to the sender
    (F.returned, [r"(?:consegnat|recapitat|riconsegnat)[ao] al mittente", r"reso consegnato", r"rientrat[ao] (?:al|presso il) mittente"]),
    (F.sender_attempt, [r"a seguito di acquisto", r"ritiro (?:prenotato|programmato|richiesto dal mittente)", r"prenotazione (?:del )?ritiro",
                        r"in attesa (?:del )?ritiro (?:da parte del corriere|presso il mittente)", r"ritiro (?:non effettuato|mancato) presso il mittente"]),
    (F.sender_collected, [r"ritirat[ao] (?:presso|dal) (?:il )?mittente", r"ritiro effettuato presso il mittente"]),
    # handed to a carrier, a branch or customs: an ordinary scan, not a delivery
    (F.neutral_early, [r"consegnat[ao] (?:al|a|alla) (?:corriere|vettore|spedizioniere|dogana|filiale|hub|corrispondente|partner)"], (), ""),
    # a locker that could not take the parcel (full, broken): an exception, before any locker rule of any language
    (F.pickup_problem, [r"locker (?:pieno|guasto|fuori servizio|non disponibile)", r"anomalia (?:al|del|nel) locker"]),
    # a parcel waiting in a locker or pickup point
    (F.locker, [r"\blocker\b"], (r"pieno|guasto|fuori servizio|ritirat|non disponibile|anomalia",)),
    (F.point, [r"fermopoint", r"parcel shop", r"punto (?:di )?ritiro", r"punto poste", r"punto (?:gls|brt|sda|inpost)"],
     (r"ritirata|reindirizzat|rifiutat|non ritirata",)),
    (F.post_office, [r"disponibile (?:per il|al|per|presso il) ritiro", r"in giacenza", r"pronta (?:per il|al) ritiro", r"fermo deposito", r"da ritirare",
                     r"ritiro della spedizione presso la sede", r"ritiro presso (?:la sede|l'ufficio|il punto)", r"ritirabile", r"(?:puo|potra) essere ritirat", r"in attesa di (?:essere )?ritirat",
                     r"depositat[ao] (?:presso|in|nel|nell')"],
     (r"attesa di istruzioni|se urgente",)),
    # the parcel goes back (a reason inside does not make it a failed attempt)
    (F.returning, [r"in restituzione", r"restituit", r"restituzione al mittente", r"in rientro", r"rientro al mittente", r"ritorno al mittente",
                   r"res[ao] (?:al )?mittente", r"in (?:fase di )?reso\b", r"rispedit[ao] al mittente", r"scadut[io] (?:i )?termini",
                   r"(?:termini|tempo|periodo) (?:di|per il) (?:ritiro|giacenza) (?:scadut|terminat)",
                   r"(?:termini|periodo) di giacenza (?:scadut|terminat)", r"giacenza scaduta"]),
    (F.lost, [r"\bfurto\b", r"\bfurtat", r"smarriment", r"smarrit", r"conferma mancanza", r"non localizzat", r"\brapina\b", r"coll[oi].{0,4}mancant",
              r"sottratt", r"\bpers[oa]\b"]),
    (F.prohibited, [r"distrutt", r"requisit", r"sequestrat", r"confiscat", r"abbandonat", r"smaltit", r"merce (?:pericolosa|vietata|proibita)"]),
    (F.refused, [r"rifiut", r"respint", r"non paga", r"non riceve", r"non (?:accetta|vuole)\b"]),
    (F.address, [r"indiriz\w*\.?\s?(?:\w+ )?(?:inesatt|inesistent|insufficient|errat|incomplet|sbagliat|non (?:corrett|trovat|valid|esatt))",
                 r"destinatar\w*\.?\s?(?:sconosc|trasferit|decedut|non (?:trovat|conosciut|identificat|reperibile all))",
                 r"indirizzo indicato.{0,30}(?:errato|inesistente)", r"esercizio non", r"^trasferito\b", r"^sconosciuto\b",
                 r"(?:zip code|cap|civico|numero civico) (?:errat|inesistent|mancant|sbagliat)", r"consegna ad altro indirizzo"]),
    # "si e' trasferito" is reflexive, not the Spanish "si" (if) that marks a clause hypothetical
    (F.address, [r"cessat[oa]", r"si e' trasferit", r"si e trasferit"], (), ""),
    (F.nobody, [r"irreperibil", r"destinatario assente", r"\bassent[ei]\b", r"lasciato avviso", r"avviso di passaggio", r"destinatario (?:e' )?chius[oa]",
                r"chius[oa] per (?:turno|ferie|inventario|lutto)", r"chiusura esercizio", r"nessuno (?:in casa|presente)", r"non (?:risponde|presente)\b",
                r"(?:telefono|citofono) (?:errato|inesistente|non (?:raggiungibile|funzionante|risponde))", r"mancato contatto"]),
    (F.failed, [r"consegna non andata a buon fine", r"mancat[ao] (?:consegna|recapito)", r"non consegnat", r"tentativo di consegna", r"non (?:\w+ ){0,2}riusc\w* a consegnar",
                r"(?:primo|secondo|terzo|1|2|3)'? (?:tentativo|passaggio)", r"non recapitat", r"non siamo riusciti a consegnare",
                r"consegna non (?:riuscita|effettuata|avvenuta|eseguita|possibile)", r"consegna fallita", r"impossibile (?:effettuare la )?consegn",
                r"non (?:e' |e )?stato possibile (?:effettuare la )?consegn", r"inesitat", r"\binesito\b", r"esito negativo",
                r"importo (?:contrassegno )?non disponibile", r"non attrezzato per lo scarico", r"non sbancalabile"],
     (r"effettueremo un tentativo|a causa di un (?:ritardo|evento)",)),
    (F.out_for_delivery, [r"in consegna", r"affidat[ao] al (?:corriere|portalettere|postino|fattorino)", r"in distribuzione", r"consegna in corso",
                          r"in fase di consegna", r"uscit[ao] per (?:la )?consegna", r"in viaggio verso (?:il )?destinatario"],
     (r"problemi in distribuzione|non in consegna",)),
    # GLS Italy's out-for-delivery line names today's delivery as "prevista": today is not a plan
    (F.out_for_delivery, [r"consegna prevista nel corso della giornata odierna"], (), ""),
    (F.delivered, [r"(?:e|e') stata consegnata", r"consegnat[ao]", r"con successo in data", r"consegna a persona abilitata",
                   r"ritirata al", r"ritirat[ao] (?:al|dal|presso il|nel) (?:\w+-)?(?:fermopoint|punto|locker|ufficio)", r"consegna (?:effettuata|avvenuta|eseguita|completata|riuscita)", r"recapitat[ao]",
                   r"ritirat[ao] dal destinatario", r"firmat[ao] da"]),
    (F.damaged, [r"deterioramento", r"danneggiat", r"preavviso di danno", r"scondizionat", r"manomess", r"\brott[oa]\b", r"bagnat"]),
    (F.delayed, [r"rallentament", r"\britardo\b", r"\bin ritardo\b", r"non uscita", r"manca spazio", r"posticipat", r"rinviat"]),
    # GLS's notice for a day lost on the line: tomorrow, or collect it today at the depot if urgent
    (F.delayed, [r"se urgente disponibile per il ritiro", r"a causa di un (?:ritardo|evento imprevisto)"], (r"zona servita",)),
    (F.exception, [r"verifiche sulla spedizione", r"forza maggiore", r"strada chiusa", r"maltempo", r"incendio", r"terremoto",
                   r"\bblocco\b", r"bloccat", r"manifestazione", r"disagi", r"festiv", r"interruzione", r"mare molto mosso", r"nevicata",
                   r"sciopero", r"alluvione", r"acqua alta", r"dati mancanti", r"guasto", r"attesa azione", r"lettera vettura errata",
                   r"errore nel trasferimento dei dati", r"disguido", r"mancanza \d avviso", r"incidente sul percorso",
                   r"inversione collo", r"autista sbagliato", r"errata destinazione", r"problemi in distribuzione", r"anomalia",
                   r"annullat", r"cancellat", r"sospes[ao]", r"trattenut[ao](?! (?:in |dalla |presso la )?dogana)",
                   r"locker (?:pieno|guasto|fuori servizio)", r"errore di (?:smistamento|instradamento|spedizione)",
                   # disruptions: weather, roads, public order, health, power and vehicles
                   r"nebbia", r"ghiaccio", r"\bgelo\b", r"\bvento\b", r"\bfrana\b", r"mareggiata", r"grandine", r"temporale", r"esondazion",
                   r"eruzion", r"\bsisma\b", r"emergenza", r"quarantena", r"zona rossa", r"ordinanza", r"traghett", r"porto chiuso",
                   r"viabilita", r"traffico", r"lavori (?:stradali|in corso)", r"interrott", r"impraticabil", r"inaccessibil", r"elezioni",
                   r"evento (?:sportivo|eccezionale|imprevisto)", r"festa patronale", r"accesso (?:vietato|non consentito)", r"inagibil",
                   r"avaria", r"problem[ai] tecnic", r"black ?out", r"mancanza (?:di )?(?:energia|corrente)", r"incidente stradale",
                   r"calamita", r"eventi atmosferici", r"condizioni meteo", r"allerta meteo",
                   # goods, labels and paperwork: something wrong with the parcel itself
                   r"illeggibil", r"etichett\w* (?:mancant|errat|illeggibil|danneggiat|staccat)", r"imball\w* (?:rott|danneggiat|non idone|insufficient)",
                   r"segnacollo", r"sovrappeso", r"fuori (?:misura|sagoma)", r"non conform", r"spedizione incomplet", r"merce (?:mancante|non conforme)",
                   r"(?<!doganali )\bmancant[ei]\b(?!.{0,20}dogan)", r"\bsbagliat", r"in verifica\b", r"verifica (?:merce|contenuto|peso)",
                   r"richiest[ao] (?:di )?inform", r"rich\.? ?info", r"contestazion", r"\breclamo\b", r"apertura pratica",
                   r"\bfermo (?:merce|amministrativo|tecnico|per)"]),
    (F.exception, [r"attesa di istruzioni", r"\bnon in consegna\b"], (r"dogan|inoltrat",)),
    (F.customs_released, [r"svincolo", r"svincolat", r"sdoganat"]),
    (F.customs_duties, [r"(?:pagamento|importo) (?:dei )?dazi", r"dazi"]),
    (F.customs_info, [r"documenti doganali"]),
    (F.customs_held, [r"controlli doganali", r"trattenut[ao] (?:in |dalla |presso la )?dogana"]),
    (F.customs, [r"dogan"]),
    (F.label, [r"spedizione creata", r"dati spediz\w*\.? trasmessi", r"registrata nei nostri sistemi", r"ordine elaborato",
               r"etichetta (?:creata|stampata|generata)", r"spedizione (?:registrata|inserita)", r"dati (?:della spedizione )?ricevuti",
               r"registrat[ao] (?:nei|nel) (?:nostri )?sistem", r"lettera di vettura (?:creata|emessa)"]),
    (F.picked_up, [r"presa in carico", r"accettat[ao]", r"ufficio postale", r"accettazione", r"^ritirata$"]),
])

__all__ = ["RULES", "VOCAB"]
