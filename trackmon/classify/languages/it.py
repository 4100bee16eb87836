# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Italian carrier wording: Poste Italiane, BRT, GLS Italy, SDA, SEND postal operators, DHL's Italian.

Patterns are folded (see `text.fold`): no accents, lower case. They are written by family, each
phrase one concept with its forms (participles in both genders and numbers, noun and verb, both word
orders) and its close synonyms: "mancata consegna" / "non consegnato" / "non recapitata"; "reso
mittente" / "resa al mittente" / "restituita al mittente"; an address element wrong ("indirizzo
errato", "INDIRIZ.INESISTENTE", "ZIP CODE ERRATO"); kinds of disruption (snow, flood, road blocked,
strike) stay separate concepts. `bench.loo_rules` measures how the table reads wordings it was not
written from. Italian futures ("sara'", "verra'") and negations ("non", "non ancora") are read by
the engine's clause guards; "essere consegnata" and "non ancora" are still to happen.

BRT writes terse event names,
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
        contestazione consegnate consegnati spedizioni firmato firmata
        esportazione importazione completata completato"""

# The pickup places a buyer collects from, by network and by kind (one concept: a pickup point).
_POINT = (r"(?:(?:brt|gls|sda|inpost|poste)[- ]?)?(?:fermopoint|parcel ?shop|punto (?:di )?ritiro|punto poste|punto (?:gls|brt|sda|inpost)"
          r"|pick ?up point|access point|punto convenzionato)")

# A parcel still travelling to a pickup place, not waiting there yet.
_ON_ITS_WAY = (r"\bverso (?:il|la|lo|un|una|l')\b", r"\bdirett[ao] (?:al|alla|verso|a)\b", r"\bin (?:arrivo|transito|viaggio)\b", r"\bin consegna (?:al|presso)\b")

# Within a family the concepts are tried in the order written: the one read by more carriers first.
RULES = table("it", [
    # back with the sender (final): the return handed to the sender
    (F.returned, [r"(?:consegnat|recapitat|riconsegnat|rientrat)[aoie] (?:al|presso il) mittente|\breso (?:consegnato|ricevuto)"]),
    # the sender's side: a collection booked, awaited or missed
    (F.sender_attempt, [r"a seguito di acquisto", r"ritiro (?:prenotato|programmato|richiesto dal mittente)|prenotazione (?:del )?ritiro",
                        r"(?:in attesa (?:del |di )?|pront[ao] per il )ritiro (?:da parte del (?:corriere|vettore|autista)|presso il mittente)|ritiro (?:non effettuato|mancato) presso il mittente"]),
    (F.sender_collected, [r"ritirat[ao] (?:presso|dal) (?:il )?mittente|ritiro effettuato presso il mittente"]),
    # out for delivery *back to the sender*
    (F.return_trip, [r"in (?:ri)?consegna (?:al|verso il) mittente"]),
    # handed to a carrier, a branch or customs: an ordinary scan, not a delivery
    (F.neutral_early, [r"consegnat[ao] (?:al|a|alla) (?:corriere|vettore|spedizioniere|dogana|filiale|hub|corrispondente|partner)"], (), ""),
    # a locker or pickup point that could not take the parcel (full, broken): an exception, before any locker rule of any language
    (F.pickup_problem, [r"(?:locker|" + _POINT + r") (?:e'? )?(?:pieno|saturo|guasto|fuori servizio|non (?:disponibile|operativo|funzionante))|anomalia (?:al|del|nel) (?:locker|punto)"]),
    # a parcel waiting in a locker or pickup point
    (F.locker, [r"\blocker\b|armadiett\w* (?:automatic|intelligent)\w*"], (r"pieno|saturo|guasto|fuori servizio|ritirat|non disponibile|anomalia", *_ON_ITS_WAY)),
    (F.point, [_POINT], (r"ritirat|reindirizzat|rifiutat|mancata consegna", *_ON_ITS_WAY)),
    (F.post_office, [
        # held in storage for the buyer: "in giacenza", "giacente", "fermo deposito", "depositata presso l'ufficio"
        r"\bfermo deposito|\bin giacenza|\bgiacenza presso|\bgiacent[ei]\b|\bdepositat[aoie] (?:presso|in|nel|nell'|all')\s?(?:l'|la |il |lo |un |una )?(?:ufficio|punto|sportello|sede|filiale|deposito|negozio|tabaccheria|edicola)",
        # to be collected at the office, branch or depot
        r"ritiro (?:della spedizione |del (?:pacco|collo) )?presso (?:la |il |l'|lo )?(?:sede|filiale|ufficio|punto|deposito|magazzino|sportello)",
        # ready or waiting to be collected by the recipient, any wording and tense
        r"disponibile (?:per il|al|per|presso il) ritiro|pront[ao] (?:per il|al) ritiro|\bda ritirare|ritirabile|(?:puo|potra) essere ritirat"
        r"|in attesa (?:di (?:essere )?ritirat|(?:del |di )ritiro)"],
     (r"attesa di istruzioni|se urgente|cassetta",)),
    # the parcel goes back (a reason inside does not make it a failed attempt); a future return is a decided return
    (F.returning, [
        # back to the sender, noun or participle: "reso mittente", "resa al mittente", "restituita", "rispedito al mittente"
        r"\b(?:res[ao]|restituzione|ritorno|rientro|rinvio)(?: al| all')? (?:mittente|origine)|\b(?:restituit|rispedit|rimandat|ritornat|rinviat|respint)[aoie] (?:al |all')?(?:mittente|origine)|\brestituit[aoie]\b",
        # the return under way
        r"\bin (?:fase di )?(?:restituzione|rientro|reso|ritorno)\b|\b(?:reso|restituzione|rientro) in corso|avviat[ao] (?:al|il) (?:reso|rientro)",
        # the storage or pickup period is over, in either word order
        r"(?:scadut|terminat|decors|esaurit)[aoie] (?:i |il )?(?:termini|periodo|tempo)(?: (?:di|per il|massimo di) (?:ritiro|giacenza))?"
        r"|(?:termini|periodo|tempo) (?:di|per il|massimo di) (?:ritiro|giacenza) (?:\w+ )?(?:scadut|terminat|decors|esaurit)|giacenza (?:scaduta|terminata)|compiuta giacenza"]),
    # not collected in time: the negation is the point, so the rule is guarded against hypothesis only
    (F.returning, [r"\bnon (?:e'? stat[ao] )?ritirat[aoie] (?:[\w']+ ){0,4}?(?:entro|nei|nel) (?:i |il )?(?:termini|tempi|periodo|giorni)"], (), "h"),
    (F.lost, [
        # stolen: theft, robbery, taken
        r"\bfurt[oi]\b|\bfurtat\w*|\brapin\w*|\brubat[aoie]\b|sottratt\w*|sottrazione",
        # lost or missing: nobody can find the parcel
        r"smarri\w*|\bpers[aoie]\b|\bdispers[aoie]\b|non (?:piu )?(?:localizzat|rintracciat|rintracciabil)\w*|coll[oi].{0,4}mancant\w*|conferma mancanza"]),
    (F.prohibited, [
        # destroyed or disposed of
        r"distrutt\w*|distruzione|smaltit\w*|smaltiment\w*|macerat[aoie]",
        # seized, abandoned, forbidden goods
        r"requisit\w*|sequestr\w*|confiscat\w*", r"abbandonat\w*", r"merce (?:pericolosa|vietata|proibita)|(?:merce|contenuto) (?:non consentit|vietat|proibit)\w*"]),
    (F.refused, [
        # refused or turned back by the recipient (a sender's posting refused at the counter is not this)
        r"\b(?:rifiut|respint)(?!\w* (?:all'|in |dall')?accettazione)\w*",
        # the recipient does not pay, accept or want it
        r"\bnon (?:accetta|vuole|paga|riceve)\b"]),
    (F.address, [
        # an address element wrong, missing or not found: "indirizzo errato", "INDIRIZ.INESISTENTE", "ZIP CODE ERRATO"
        r"\b(?:indiriz\w*|cap|zip code|civico|numero civico|nominativo)\.?\W?(?:[\w.']+ ){0,3}?(?:inesatt|inesistent|insufficient|errat|incomplet|sbagliat|mancant|illeggibil|non (?:corrett|trovat|valid|esatt|complet))"
        r"|\b(?:errat|sbagliat|inesatt|incomplet)[oa] (?:indirizzo|cap|civico)",
        # the recipient unknown there, moved or deceased; BRT's and GLS's causes given alone
        r"(?:destinatar\w*\.?\s?(?:e'? |risulta |ha )?|^)(?:sconosc\w*|trasferit[oa]|decedut[oa])|destinatar\w*\.?\s?non (?:trovat|conosciut|identificat|reperibile all)",
        r"consegna ad altro indirizzo"]),
    # "si e' trasferito" is reflexive, not the Spanish "si" (if) that marks a clause hypothetical
    (F.address, [
        # the business ceased or no longer operating: "cessata attivita'", "esercizio non in attivita'"
        r"\bcessat[oa]\b(?: (?:l')?attivita)?|\b(?:attivita|esercizio|ditta|azienda|negozio)'? (?:\w+ )?(?:cessat|non (?:piu )?(?:in )?attivit|chius\w* definitivamente)",
        r"si e'? trasferit"], (), ""),
    (F.nobody, [
        # nobody there: absent, not at home
        r"\bassent[ei]\b|assenza (?:del )?destinatario|nessuno (?:in casa|present[ei]|al domicilio)|non (?:ha )?trovat[ao] nessuno|\bnon (?:e'? )?(?:presente|in casa)\b",
        # the recipient's premises closed (not for good)
        r"destinatario (?:e'? |era )?chius[oa]|\bchius[oa] per (?:turno|ferie|inventario|lutto|riposo)|\bchiusura (?:esercizio|negozio|azienda|per (?:ferie|turno))",
        r"irreperibil\w*",
        # a notice left for the recipient
        r"(?:lasciat|immess|rilasciat)[ao] (?:l')?avviso|avviso di (?:passaggio|giacenza|mancata consegna)"]),
    # the recipient could not be reached by phone (a customs agent who cannot reach them is a customs stage)
    (F.nobody, [r"(?:telefono|citofono|cellulare|numero (?:di telefono|telefonico)|recapito telefonico)(?: del destinatario)? (?:errato|inesistente|sbagliato|spento|non (?:raggiungibile|funzionante|risponde|attivo|valido))"
                r"|(?:mancato|nessun) contatto(?: telefonico)?|(?:impossibile|non (?:e'? )?possibile) contattare (?:il )?destinatario|destinatario non (?:risponde|raggiungibile|contattabile)|\bnon risponde\b|nessuna risposta"],
     (r"dogan|sdogan",)),
    # not delivered: "mancata consegna", "non consegnato", "non recapitata", "inesitata" (a next attempt
    # announced after it, "sara' effettuato un nuovo tentativo", does not make it a plan)
    (F.failed, [r"mancat[ao] (?:consegna|recapito)|\bnon (?:(?:e'|e) )?(?:stat[ao] )?(?:consegnat|recapitat)\w*|inesitat\w*|\binesito\b"], (), ""),
    (F.failed, [
        # the delivery did not succeed: "consegna non riuscita", "non siamo riusciti a consegnare"
        r"consegna (?:non (?:riuscita|effettuata|avvenuta|eseguita|possibile|completata|andata a buon fine)|fallita)|impossibile (?:effettuare la )?consegn\w*"
        r"|non (?:(?:e'|e) )?stato possibile (?:effettuare la )?consegn\w*|non (?:\w+ ){0,2}riusc\w* a consegnar\w*|esito negativo",
        # an attempt made
        r"tentativo di (?:consegna|recapito)|tentat[ao] (?:la )?consegna|(?:primo|secondo|terzo|1|2|3)'? (?:tentativo|passaggio)",
        # the cash on delivery not available
        r"importo (?:del )?(?:contrassegno |c/?assegno )?non disponibile|(?:contrassegno|c/?assegno) non (?:pagato|disponibile)",
        # the goods cannot be unloaded at the recipient's
        r"non (?:attrezzat[ao] per lo scarico|sbancalabil\w*|scaricabil\w*)|scarico (?:non possibile|impossibile)"],
     (r"effettueremo un tentativo|a causa di un (?:ritardo|evento)",)),
    (F.out_for_delivery, [
        # on the round now, with the courier who delivers it: "in consegna", "in distribuzione", "consegna in corso",
        # "uscita per la consegna", Poste's "affidata al portalettere" / "affidata al corriere"
        r"\bin (?:consegna|distribuzione)\b(?! (?:domani|dal|il giorno))|consegna in corso|in fase di consegna|uscit[ao] per (?:la )?consegna|in viaggio verso (?:il )?destinatario"
        r"|affidat[ao] al (?:corriere|portalettere|postino|fattorino)|in carico al (?:corriere|portalettere|postino)"],
     (r"problemi in distribuzione|non in consegna",)),
    # GLS Italy's out-for-delivery line names today's delivery as "prevista": today is not a plan
    (F.out_for_delivery, [r"consegna prevista (?:nel corso della giornata odierna|in giornata|per oggi|in data odierna)"], (), ""),
    (F.delivered, [
        # the delivered participle ("e' stata consegnata", "Consegnato - pre-esito"); "essere consegnata" is still to happen
        r"(?<!essere )\b(?:consegnat|recapitat)[aoie]\b",
        # a delivery that succeeded
        r"con successo|consegna (?:effettuata|avvenuta|eseguita|completata|riuscita)|consegna a persona abilitata|firmat[ao] da",
        # left in the letterbox
        r"(?:lasciat|depositat|immess|inserit)[aoie] (?:nella|in) cassetta (?:postale|delle lettere)",
        # collected by the recipient at a point, locker or office
        r"ritirata al\b|ritirat[ao] (?:al|dal|presso il|nel|in) (?:\w+-)?(?:fermopoint|punto|locker|ufficio|parcel ?shop|sede)|ritirat[ao] dal destinatario"]),
    (F.damaged, [r"danneggiat\w*|\bdann[oi]\b|deterioramento|deteriorat\w*|scondizionat\w*|ammaccat\w*|\brott[oa]\b|rottura", r"manomess\w*|manomission\w*", r"bagnat\w*"]),
    (F.exception, [
        # checks on the shipment itself
        r"(?:verific|controll)\w* (?:in corso )?(?:sulla|sul|della|del) (?:spedizione|pacco|collo|merce|contenuto)|in verifica\b|verifica (?:merce|contenuto|peso)",
        r"forza maggiore",
        # the road closed, blocked or obstructed by an accident on the route
        r"\bstrad\w* (?:\w+ )?(?:chius|bloccat|interrott|impraticabil|inaccessibil)|incident[ei] (?:stradal[ei]|sul percorso|sulla strada|in autostrada|sul tragitto)|blocco (?:stradale|della circolazione|circolazione|del traffico)|(?:circolazione|viabilita|traffico) (?:\w+ )?(?:bloccat|interrott|paralizzat)|lavori (?:stradali|in corso)|\bfrana\b",
        # held by the carrier (not by customs)
        r"\bblocco\b(?! dogan)|bloccat[aoie]\b(?! (?:in |dalla |presso la )?dogana)|sospes[ao]|trattenut[ao](?! (?:in |dalla |presso la )?dogana)|\bfermo (?:merce|amministrativo|tecnico|per)(?!.{0,20}dogan)",
        # the carrier's handling error: a wrong destination, driver or waybill, a sorting mistake, parcels swapped
        r"(?:errat|sbagliat)[ao] (?:destinazione|instradamento|smistamento|filiale|sede|autista|linea)|(?:destinazione|instradamento|smistamento|autista|lettera (?:di )?vettura|bollettazione) (?:\w+ )?(?:errat|sbagliat)"
        r"|errore (?:di|nel|nello|nella|in) (?:\w+ )?(?:spedizione|smistamento|instradamento|trasferimento|bollettazione|lavorazione|destinazione)|disguid\w*|inversione (?:coll|etichett|spedizion)",
        # public order, strikes, holidays
        r"manifestazion\w*|\bcorte[oi]\b|disordini|ordine pubblico", r"\bdisagi\b", r"scioper\w*|agitazion\w* sindacal\w*", r"festiv\w*|festa (?:patronale|nazionale|locale)",
        # power and other interruptions
        r"(?:interruzione|mancanza|assenza|calo)(?: di| della)? (?:energia|corrente|elettricita)|black ?out", r"interruzion\w*|interrott\w*",
        # weather, each kind with its forms
        r"\bnev(?:e|ica|icat\w*)\b", r"alluvion\w*|allagament\w*|allagat\w*|esondazion\w*|inondazion\w*|acqua alta", r"mare (?:molto )?(?:mosso|agitato|grosso)|mareggiat\w*|traghett\w*|porto chiuso|collegamenti marittimi",
        r"maltempo|condizioni (?:meteo|atmosferiche)|eventi atmosferici|allerta meteo", r"nebbia", r"ghiaccio|\bgelo\b", r"\bvento\b", r"grandin\w*", r"temporal\w*|bufera",
        r"incendi\w*", r"terremoto|\bsisma\b|eruzion\w*", r"emergenza|quarantena|zona rossa|ordinanza|calamita",
        r"traffico|viabilita", r"elezioni", r"evento (?:sportivo|eccezionale|imprevisto)|eventi eccezionali",
        r"accesso (?:vietato|non consentito)|inagibil\w*|inaccessibil\w*|impraticabil\w*",
        r"\bincident[ei]\b|sinistro", r"avaria|guasto|problem[ai] tecnic\w*",
        r"\bproblem[ai] (?:in|di|nella|nel|durante|con)\b|anomali[ae]",
        r"annullat\w*|annullament\w*|cancellat\w*",
        # the sender's parcel refused at the counter when posted
        r"\brifiut\w* (?:all'|in |dall')?accettazione",
        r"manca(?:nza di)? spazio|(?:furgone|mezzo|veicolo) (?:pieno|saturo)",
        # the record and the goods: data, labels, packaging, size
        r"dati (?:\w+ )?(?:mancant|incomplet|errat|insufficient)\w*", r"mancanza \d avviso",
        r"illeggibil\w*", r"etichett\w* (?:mancant|errat|illeggibil|danneggiat|staccat)\w*", r"imball\w* (?:rott|danneggiat|non idone|insufficient)\w*",
        r"segnacollo", r"sovrappeso", r"fuori (?:misura|sagoma)", r"non conform\w*", r"spedizione incomplet\w*", r"merce (?:mancante|non conforme)",
        r"(?<!doganali )\bmancant[ei]\b(?!.{0,20}dogan)", r"\bsbagliat\w*",
        r"richiest[ao] (?:di )?inform\w*|rich\.? ?info|contestazion\w*|\breclamo\b|apertura pratica"]),
    # held for someone's instructions or action, or kept off the round (customs papers and a forwarding are not this)
    (F.exception, [r"(?:in )?attesa (?:di |delle |dell')?(?:istruzioni|disposizioni|indicazioni)|attesa azione",
                   r"\bnon (?:e'? )?(?:uscit[ao]|in consegna|in distribuzione)\b"],
     (r"dogan|inoltrat",)),
    # export clearance at origin is the departure side; import clearance stays customs
    (F.export_clearance, [r"(?:sdoganament\w*|dogana|pratic\w* doganal\w*|operazioni doganali|controll\w* doganal\w*) (?:\w+ )?(?:di |in |all'|per l')?(?:esportazione|export|partenza)|esportazione in corso|dogana di (?:origine|partenza)"],
     (r"importazione|\bimport\b|completat|conclus|terminat|sdoganat|svincolat",)),
    (F.departed, [r"(?:(?:sdoganamento|pratic\w* doganal\w*|operazioni doganali|dogana) (?:\w+ )?(?:di |in |all'|per l')?)?(?:esportazione|export) (?:\w+ )?(?:completat|conclus|autorizzat|effettuat|terminat)\w*"
                  r"|sdoganat[ao] (?:all'|in |per l')?(?:esportazione|export)|(?:uscit|partit)[ao] dal paese di origine"],
     (r"importazione|\bimport\b",)),
    # released by customs ("svincolata", "sdoganata", "verifica per lo svincolo" completed); awaiting release is not released
    (F.customs_released, [r"(?<!essere )\b(?:svincolat|sdoganat)[aoie]\b|(?:svincolo|sdoganamento) (?:\w+ )?(?:avvenuto|effettuato|completato|concluso)|(?:completat|conclus|terminat)[aoie] (?:la )?(?:fase di )?(?:verifica per lo )?(?:svincolo|sdoganamento)"]),
    # duties and taxes to pay
    (F.customs_duties, [r"\bdazi\b|(?:oneri|diritti|tasse|spese|imposte) (?:doganal\w*|di (?:importazione|sdoganamento))|\biva (?:all'|di |d')?importazione"]),
    (F.customs_info, [r"documenti doganali|documentazione doganale|(?:fattura|documenti|documentazione) (?:\w+ )?(?:mancant|richiest|necessari)\w*(?=.{0,40}dogan)"]),
    (F.customs_held, [r"controlli doganali|(?:trattenut|bloccat|ferm)[ao] (?:in |dalla |presso la )?dogana|fermo doganale|in attesa (?:di |dello |del )?(?:svincolo|sdoganamento)"]),
    (F.customs, [r"dogan|sdogan|importazione"]),
    # late: a delay or slowdown, a delivery moved on
    (F.delayed, [r"ritard\w*|rallent\w*",
                 r"posticipat\w*|rinviat\w*|(?:consegna|spedizione) (?:e'? )?(?:stata )?(?:riprogrammat|spostat|rimandat)[ao]"]),
    # GLS's notice for a day lost on the line: tomorrow, or collect it today at the depot if urgent
    (F.delayed, [r"se urgente disponibile per il ritiro", r"a causa di un (?:ritardo|evento imprevisto)"], (r"zona servita",)),
    # the shipment's record created or its data sent: "spedizione creata", "dati spediz. trasmessi", "ordine elaborato"
    (F.label, [r"(?:spedizione|ordine|etichetta|lettera di vettura)(?: e'? stat[ao])? (?:creat|registrat|inserit|elaborat|generat|stampat|emess)\w*"
               r"|dati (?:della )?(?:spediz\w*\.? )?(?:trasmess|ricevut)\w*|registrat[ao] (?:nei|nel) (?:nostri )?sistem\w*"]),
    (F.picked_up, [r"presa in carico|accettat[aoie]|accettazione", r"ufficio postale", r"^ritirata$"]),
])

__all__ = ["RULES", "VOCAB"]
