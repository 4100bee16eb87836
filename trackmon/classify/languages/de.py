# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""German carrier wording: DHL, Deutsche Post, Hermes, DPD, GLS, UPS, Amazon, Austrian Post,
Swiss Post (and the TNT Express events it shows).

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """die der das sendung wurde wird ist zugestellt zustellung empfanger absender filiale packstation
        abholung paketzentrum zielland zoll verzollung zustellfahrzeug geladen bearbeitet eingetroffen
        eingeliefert abgeholt angetroffen nicht konnte rucksendung auftragsdaten elektronisch ubermittelt
        angekundigt zustellbasis zustellversuch empfangsadresse geschlossen lagert benachrichtigt verlassen
        weitergeleitet transportiert zustellorganisation ubergeben vorbereitet auslandssendung sendungsdaten
        einlieferung weitertransport zurck zuruckgesandt eingeleitet station aufbewahrung beschadigt
        verzogerung heute erfolgreich nachnahme geplant umschlagbasis abholstandort zustellstandort paket
        auslieferung kurier durch fur bei aus nach von unterwegs nachbar briefkasten
        annahme verweigert annahmeverweigerung weggezogen nachsendefrist gestorben erloschen beschadigung
        beschadigte ruckzustellung schalter postfach deponiert empfangsbestatigung ausweisdokument
        kuriersendung abholversuch erfolgloser bote nachforschung bitte kontaktieren vorgang klarung
        urlaub versender paketshop lagerfrist aufbewahrungsfrist verspatet verspatung sortierung
        ankunft abgang ankunfts abfahrts ziel aufgabeland bestimmungsland grenzstelle nachsendung nachsendeauftrag
        verzollungsprozess verzollungsstatus zollabfertigung importkosten bezahlt aktualisiert abgeschlossen
        zustellpartner zusteller zustellstelle zustellniederlassung niederlassung logistik verarbeitung spezialzustellung
        uebergabe ubergabe beginn liefertermin bestatigt fallige zahlungen steuern direkt anweisung gemass
        sich ihr ihre ihrem ihres ihnen dem den des einer eines einem zur zum vom beim wurden werden konnten
        auftrag ausgelost grund empfangers versand lieferung lieferadresse mogliche umgeleitet sortiert standort
        unzustellbar abwesend ausgehandigt hinterlegt zuruckgefuhrt versanddaten
        paketzustellzentrum zustellzentrum warenannahme kunde kunden geschaft abholstation poststation postfiliale
        poststelle paketstation annahmestelle kundenservice ermachtigung vollmacht nachbarn hausbewohner ablageort
        abstellgenehmigung abgestellt eingeworfen zustellbar ruckversand storniert vermisst beschlagnahmt verpackung
        inhalt streik unwetter feiertag werktag zufahrt klingel klingelschild namensschild hausnummer postleitzahl
        paketschein erstellt registriert angehalten gestoppt verschollen verlustmeldung lieferverzogerung verzogerung verzogerungen
        sendungsinformationen versandinformationen moglich hohes sendungsaufkommen einfuhr unvollstandig
        anschrift anschriftsproblem adressproblem nochmals erneut abholstation empfangsbox mitbewohner
        zoll zollgebuhr zollgebuhren fallig eingelangt ubernommen avisiert ausnahme infonotice verstandigung verschoben
        eingegangen aufgabe postaufgabe paketabholung exportverzollung importverzollung postverzollungsprozess auslandspaket
        einfuhrabgaben abgaben zahlen sind transitland versandt verschickt geliefert erhalten entgegengenommen empfangen
        abgelegt abgestellt haustur wunschort nachbar ruckweg voraussichtlich verteilzentrum umgeleitet aufgehalten festgehalten
        freigegeben sendungen pakete paketes pakets paketen zollamt zollbehorde gebuhren abholstelle abholschein wartet
        eingelegt hinterlegung hinterlegungsanzeige benachrichtigt verzollt verzollung zustellversuche liegt bereitgelegt
        angekommen befindet ihre deine dein unser unsere wird werden wurde worden konnte kann
        eingelagert platzmangel zeitmangel retourniert selbstabholung geloscht fehlsortierung fehlleitung
        strasse empfangerin absenderin versenderin paketankundigung benachrichtigung abholschein hinterlegungsanzeige
        unbekannt mitbewohner versandauftrag angelegt transportverzogerung zustellverzogerung erreicht
        ausgeliefert abgeliefert behoben zustellhindernis paketautomat abholpunkt zulauf betriebsferien transportschaden schaden festgestellt gescheitert zugang gebaude ausfuhr
        zugangscode erforderlich weiterleitung verzogert fehlerhafte fehlende dokumente abgebrochen bestimmungsland ablieferung falschzustellung verladen entsorgt vernichtet
        frachtbrief bereitgestellt verkehrte ausrollung einrollung ausrollretoure systemretoure konsilidierung konsolidierung
        fehlmenge teilfehlmenge messpunkt verladung entladung durchlauf ausgang abgefertigt selbstabholer"""

# Shared place words: where a recipient collects a parcel (a counter, a shop, a locker).
_COUNTER = r"(?:post)?filiale|poststelle|postamt|post-?geschaftsstelle|geschaftsstelle|post-? ?partner|postagentur|abholstelle|schalter"
_SHOP = r"paketshop|packshop|paket ?shop|parcelshop|pickup[- ]?(?:point|shop)|access point|annahmestelle|abholpunkt|ausgabestelle"
_LOCKER = r"packstation|paketstation|poststation|abholstation|paketautomat|abholautomat|pickup[- ]station|\blocker\b|my ?post ?24|pickpost"
_PLACE = rf"(?:{_LOCKER}|{_COUNTER}|{_SHOP})"
_SENDER = r"(?:absender|versender|auftraggeber)(?:\*?in)?"
_EXPIRED = r"frist .{0,30}(?:abgelaufen|uberschritten)"  # a pickup period that ran out is no parcel waiting
_CUSTOMS = (r"\bzoll", r"verzoll", r"einfuhr")  # customs stages read later, whatever else the text says
_DELIVERED_BUT = r"^(?:(?:die |ihre )?sendung )?zugestellt\s*(?:,\s*aber\b|[-–])"  # "Zugestellt - mit Beschädigung": delivered, with a remark
# what holds parcels up on the carrier's side: traffic, weather, strikes, lack of room or time, volume
_HOLDUP = (r"verkehrsproblem|\bstau\b|(?:un|schlecht)wetter|witterung|wetter(?:bedingt|verhaltnisse|lage)|naturkatastroph|hochwasser|hohere gewalt"
           r"|\bstreiks?\b|(?:platz|zeit|kapazitats|personal)mangel|wochenende nicht moglich|sendungsaufkommen|\bfeiertag")

# One phrase per meaning, written in the forms carriers use (noun and participle, word orders):
# each reads the texts of several carriers, and wordings no corpus row has.
RULES = table("de", [
    # back with the sender: "Rückzustellung", "dem Absender zugestellt", "beim Versender eingegangen"
    (F.returned, [rf"\bruckzustellung\b|zustellung an (?:den )?{_SENDER}\b|(?:dem|an den|beim|zum) {_SENDER} (?:zuruck ?|wieder )?(?:zugestellt|ubergeben|ausgeliefert|ausgehandigt|eingegangen|eingetroffen|angekommen|zuruckgeliefert|zuruckgegeben)",
                  r"(?:rucksendung|retoure)\w* (?:wurde |ist )?(?:\w+ ){0,4}(?:zugestellt|ausgeliefert)"], (r"abholauftrag", r"auftragsdaten")),
    (F.sender_attempt, [
        # the sender registered the parcel: order data transmitted, the parcel announced electronically or being prepared
        r"auftragsdaten|daten(?:ubermittlung|einlieferung)|\bdaten (?:wurden |an (?:das |den |die )?[\w-]+ )?(?:ubertragen|ubermittelt)|\bdfu\b|\bversand (?:ist |wird |wurde )?geplant|bereitet die sendung .{0,20}vor|(?:fur den|zum) versand vorbereitet|(?:sendungs|paket|versand)daten .{0,60}(?:ubermittelt|erhalten|empfangen|erfasst|eingegangen|angelegt)"
        r"|elektronisch (?:angekundigt|ubermittelt|avisiert|angemeldet)|(?:an|vor)meldung der sendung|sendung (?:wurde )?(?:elektronisch )?(?:angemeldet|angekundigt)|(?:sendungs|versand)informationen (?:wurden |sind )?(?:eingegangen|erhalten|ubermittelt)",
        # "Sendungsinformationen eingegangen", "bpost hat Information erhalten" (not "Informationen erhalten Sie ...")
        r"information(?:en)? (?:\w+ ){0,2}(?:erhalten|eingegangen|empfangen|ubermittelt)\b(?! sie\b)",
        # a pickup from the sender ordered or under way, or failed
        rf"abholauftrag|abholung (?:wird|ist) (?:durchgefuhrt|beauftragt|geplant)|abholung (?:beim|vom) {_SENDER} (?:ist |wurde |wird )?(?:geplant|beauftragt|angefordert|vereinbart)|{_SENDER} (?:wurde )?nicht angetroffen|(?:beim|vom) {_SENDER} .{{0,20}}nicht (?:abgeholt|abholen)|abholung (?:beim|vom) {_SENDER} (?:\w+ ){{0,2}}(?:fehlgeschlagen|erfolglos|nicht moglich)",
        r"(?:erfolglose|vergebliche)[rn]? abholversuch", r"\babholversuch (?:beim|durch)",
        r"noch nicht (?:(?:an|vom|von|durch) .{0,25})?(?:ubergeben|eingeliefert|erhalten|eingetroffen|eingegangen|aufgegeben)",
        rf"auslandischen? {_SENDER}", r"auftrag pick@home"],
     (r"\bstorniert", r"annulliert", r"\bgeloscht", r"fehlerhaft", r"\bzoll", r"verzoll", r"zahlung")),
    (F.sender_collected, [rf"(?:(?:vom|beim|durch(?: den)?) {_SENDER}|{_SENDER} hat) .{{0,40}}(?:eingeliefert|aufgegeben|ubergeben|abgegeben)",
                          # posted at a shop or a locker: "Einlieferung in PACKSTATION", "im PaketShop eingegangen", "aus der PACKSTATION entnommen"
                          rf"\beinlieferung\b|(?:im|in (?:der|die|den|einem|einer)) (?:\w+ )?(?:{_SHOP}) (?:abgeholt|eingegangen|eingeliefert)|in (?:die|der|eine) (?:{_LOCKER}) eingeliefert|aus (?:der|dem|einer) (?:\w+ )?(?:{_LOCKER}|{_SHOP}) entnommen",
                          r"transport zum start-paketzentrum"],
     (r"klarung", r"(?:vom|durch(?: den)?) empfanger", r"empfanger hat", r"\b(?:sie haben|du hast)\b", r"von (?:ihnen|dir)\b", r"zuruckge|rucksendung|\bretour", r"\bnicht\b", r"abgeholt werden")),
    # a delivery still ahead: on the way to a pickup place, planned for, kept until, arranged before, notified the day before
    (F.neutral_early, [rf"(?:auf dem weg|unterwegs|im zulauf) (?:zur|zum|in die|ins) (?:\w+ )?{_PLACE}|wird zur abholung in die (?:{_COUNTER}) .{{0,40}}gebracht|(?:wurde|ist) noch nicht (?:zugestellt|ausgeliefert)"
                       r"|(?:geplant fur (?:die )?|bis zur |am vortag der |vor (?:dem )?)(?:zustellung|zustellversuch|auslieferung)\b"], (r"zustellfahrzeug",), ""),
    # a locker or pickup shop that cannot take the parcel: full, out of order, closed
    (F.pickup_problem, [rf"(?:{_LOCKER}|{_SHOP})\w* (?:ist |war )?(?:voll|belegt|uberfullt|defekt|gestort|ausser betrieb|(?:vorubergehend )?geschlossen)|kein(?:e|en)? (?:freies|freien|passendes|passenden|verfugbares) fach|fach (?:ist |war )?(?:belegt|voll)"], (), "h"),
    # a new address: readdressed, forwarded by a forwarding order
    (F.neutral_early, [r"umadressiert|an (?:eine )?neue (?:\w*adresse|anschrift)|nachsendeauftrag"], (r"abgelaufen", r"unbekannt", r"nicht moglich"), ""),
    # a planned delivery ("wird ... zugestellt") is not one, unless the text also reports a failure or a delay
    (F.neutral_early, [r"(?:wird|soll|sollte) .{0,40}zugestellt"], (r"zustellfahrzeug", r"wird (?:gerade|jetzt|soeben) zugestellt", r"^(?:(?:die |ihre |deine )?(?:sendung|paket) )?wird zugestellt\.?$", r"nochmals", r"erneut",
                                                  r"noch einmal", r"nicht angetroffen", r"nicht .{0,20}zugestellt", r"verweiger", r"beschadig", r"verzoger",
                                                  r"verspat", r"zuruckgestellt", r"adress", r"nicht moglich"), ""),
    (F.locker, [_LOCKER], (r"abgeholt", r"entnommen", r"eingeliefert", r"nicht moglich", r"picked up", r"taken from", r"posted by", r"auf dem weg", r"unterwegs", r"im zulauf")),
    (F.locker, [rf"(?:in|an) (?:der |die |einer |eine )?(?:\w+ )?(?:{_LOCKER})\w* (?:eingelangt|eingetroffen|angekommen)"], (_EXPIRED, r"noch nicht", r"abgeholt", r"entnommen")),
    (F.point, [_SHOP], (r"durch (?:den )?empfanger", r"lagerfrist", r"abholfrist", r"abgeholt(?! werden)", r"auf dem weg", r"unterwegs", r"im zulauf")),
    (F.post_office, [r"\bavisiert (?:ins|in die|in der|im|zur|bei)\b|(?:ins|in das|im) postfach avisiert", r"zur abholung|abholbereit|bereit zur abholung|abholungseinladung", r"(?:kann|konnen|kannst) .{0,50}(?:abgeholt werden|abholen)", r"liegt .{0,40}(?:" + _COUNTER + r"|bereit)",
                     r"aufbewahrungsfrist", r"(?:aufbewahrungs|abhol|lager)frist\b[^.;]{0,40}\bverlangert|aufbewahrung (?:wurde )?(?:\w+ )?verlangert", r"\bpostlagernd\b",
                     r"(?:" + _COUNTER + r") .{0,20}(?:hinterlegt|eingetroffen|eingelangt)|(?:wurde|ist) (?:in|zu) (?:die|der|eine|einer|den|einen|ihre|ihrer) (?:\w+ )?(?:" + _COUNTER + r") (?:\w+ )?(?:gebracht|geliefert|zugestellt|weitergeleitet|umgeleitet)", r"hinterlegt (?:in|bei|im|am) (?:der |dem )?(?:\w+ )?(?:" + _COUNTER + ")"],
     (r"zur bezahlung", _EXPIRED)),
    # present passive ("wird ... bereitgehalten / aufbewahrt") states a fact: unguarded
    # ... and so is "liegt ... zur Abholung bereit" / "... hinterlegt" after a failed attempt in the same clause
    # ("konnte nicht zugestellt werden und liegt ..."): the clause's "nicht" belongs to the other verb
    (F.locker, [r"(?:" + _LOCKER + r")[^.;]{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt|zur abholung bereit|hinterlegt)",
                r"liegt [^.;]{0,40}(?:" + _LOCKER + r")[^.;]{0,10}bereit"], (_EXPIRED, r"noch nicht", r"nicht (?:mehr )?(?:in der|im|zur|abholbereit|hinterlegt)"), ""),
    (F.point, [r"(?:" + _SHOP + r")[^.;]{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt)"], (_EXPIRED,), ""),
    # delivered to a shop or a locker (a fact beside "Empfänger nicht angetroffen"), unless that delivery is what is negated
    (F.point, [rf"(?:zustellung|zugestellt|gebracht|abgegeben|geliefert) (?:an|in|im) (?:den |das |die |einen |ein )?(?:\w+ )?(?:{_SHOP})|(?:an|in|im) (?:den |das |die |einen |ein )?(?:\w+ )?(?:{_SHOP}) (?:zugestellt|gebracht|abgegeben|geliefert)"],
     (_EXPIRED, r"abgeholt", rf"(?:nicht|kein\w*) (?:\w+ ){{0,2}}(?:an|in|im) (?:den |das |die |einen |ein )?(?:\w+ )?(?:{_SHOP})", r"nicht (?:moglich|zugestellt|gebracht|abgegeben|geliefert)\b(?! werden)"), "h"),
    (F.locker, [rf"(?:zustellung|zugestellt|gebracht|eingelegt|geliefert) (?:an|in|im) (?:den |das |die |eine |einen |ein )?(?:\w+ )?(?:{_LOCKER})|(?:an|in|im) (?:den |das |die |eine |einen |ein )?(?:\w+ )?(?:{_LOCKER}) (?:zugestellt|gebracht|eingelegt|geliefert)"],
     (_EXPIRED, r"abgeholt", r"entnommen", rf"(?:nicht|kein\w*) (?:\w+ ){{0,2}}(?:an|in|im) (?:den |das |die |eine |einen |ein )?(?:\w+ )?(?:{_LOCKER})", r"nicht (?:moglich|zugestellt|gebracht|eingelegt|geliefert)\b(?! werden)"), "h"),
    # kept for the recipient to collect ("zur Aufbewahrung", "da Selbstabholung"): a fact even in "Nicht in Zustellung da ..."
    (F.post_office, [r"selbstabhol|zur aufbewahrung|zur abholung (?:bereit)?gehalten|zur abholung aufbewahrt",
                     r"(?:" + _COUNTER + r") .{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt)"], (_EXPIRED, r"nicht moglich"), ""),
    (F.post_office, [r"(?:" + _COUNTER + r")[^.;]{0,20}hinterlegt", r"liegt [^.;]{0,40}zur abholung [^.;]{0,40}bereit", r"liegt [^.;]{0,10}zur abholung bereit|liegt (?:\w+ ){0,3}in (?:der|einer|ihrer) (?:\w+ )?(?:" + _COUNTER + ")",
                     # "... konnte nicht in die PACKSTATION eingestellt werden und wurde in eine Filiale weitergeleitet"
                     r"(?:wurde|ist) (?:in|an|zu) (?:die|eine|der|einer|ihre|ihrer) (?:\w+ )?(?:" + _COUNTER + r") (?:weitergeleitet|umgeleitet|gebracht)"],
     (_EXPIRED, r"noch nicht", r"nicht (?:mehr )?(?:in der|im|zur|abholbereit|hinterlegt)"), ""),
    # going back: "Rücksendung", "Rücklauf", "Retoure", "zurückgesandt", "zurück an den Absender", "auf dem Rückweg"
    (F.returning, [r"rucksendung|ruckversand|ruckfuhrung|rucktransport|ruckgabe an|\bretour|systemretour|\brucklauf",
                   r"zuruck(?:gesendet|geschickt|gesandt|gefuhrt|geleitet|gegeben|transportiert)",
                   rf"zuruck (?:an|zum) (?:den )?{_SENDER}|an (?:den )?{_SENDER} zuruck|ruckweg|auf dem weg zuruck"],
     (r"zur nachverpackung",)),
    # on the way to the sender (not a courier on the way to collect from the sender)
    (F.returning, [rf"(?:auf dem weg|unterwegs) (?:zuruck )?(?:zum|an den) {_SENDER}|(?:zum|an den) {_SENDER} (?:\w+ )?unterwegs"], (r"abhol(?:er|ung|auftrag)",)),
    # "... nicht abgeholt und geht an den Absender zurück": the negation belongs to the first verb
    (F.returning, [rf"\bgeht (?:an den {_SENDER} |zum {_SENDER} )?zuruck"], (), ""),
    (F.damaged_early, [r"fehlenden inhalt", r"inhalt (?:fehlt|unvollstandig)", r"sendung (?:ist )?unvollstandig"], (_DELIVERED_BUT,)),
    (F.lost, [r"\bverloren\b", r"verlust", r"gestohlen|diebstahl", r"\bvermisst\b", r"(?:sendung|paket)\w* .{0,20}(?:nicht (?:mehr )?auffindbar|unauffindbar)", r"verschollen",
               r"komplett-?fehlmenge|(?:ganze|gesamte|komplette) sendung fehlt"], (_DELIVERED_BUT,)),
    # goods not allowed, seized or disposed of
    (F.prohibited, [r"(?:verbotene|eingeschrankte|unzulassige|gefahrliche)[rns]? (?:artikel|gegenstand|gegenstande|inhalt|ware|waren|guter)|gefahrgut|\b(?:entsorgt|vernichtet|zerstort)\b|beschlagnahmt|konfisziert"]),
    (F.refused, [r"verweiger|^av\s*[-–:]", r"annahme .{0,20}(?:verweigert|abgelehnt)", r"nicht (?:angenommen|annehmen|entgegennehmen|entgegengenommen)\b|(?:vom|durch den) empfanger (?:\w+ )?abgelehnt|empfanger hat .{0,30}abgelehnt|\blehnt? .{0,40}annahme .{0,40}\bab\b|\b(?:nimmt|nahm|nehmen)\b.{0,40}nicht an\b"], _CUSTOMS),
    (F.address, [
        # the address wrong, incomplete or unknown, the adjective before or after it
        r"(?:adresse|anschrift|hausnummer|postleitzahl|plz|strasse|strassenname) (?:ist )?(?:unvollstandig|fehlerhaft|falsch|unzureichend|ungultig|ungenugend|unklar|unbekannt|nicht korrekt)"
        r"|(?:hausnummer|postleitzahl|plz|strasse|strassenname|adresse|anschrift) fehlt|fehlende[rn]? (?:hausnummer|postleitzahl|strasse|adresse|anschrift)"
        r"|(?:falsche|fehlerhafte|unvollstandige|ungenugende|unzureichende|ungultige|unklare|unbekannte|verkehrte)[rns]? (?:\w+)?(?:adresse|anschrift|hausnummer|postleitzahl|plz|orts|strassen|turcode|empfangername)",
        # the recipient moved away, is unknown, deceased, the company no longer exists
        r"empfanger (?:ist )?(?:unbekannt|verzogen)|unbekannt verzogen|\b(?:weg|um)gezogen\b|\bverzogen\b", r"\b(?:ge|ver)storben\b|\berloschen\b",
        r"nicht mehr .{0,30}wohnhaft|wohnt nicht mehr", r"nachsende(?:auftrag|frist) .{0,20}abgelaufen",
        # an address problem named as a noun
        r"adress(?:fehler|klarung|problem)|adresskorrektur (?:ist )?(?:erforderlich|notwendig)|anschrifts?(?:fehler|klarung|problem)|postfachadresse|unstimmigkeit bei (?:der )?\w*adresse",
        # the recipient or the address not found (in a directory, at the address given)
        r"(?:adresse|anschrift|empfanger|strasse|hausnummer|gebaude)\b.{0,40}nicht (?:\w+ ){0,2}(?:zu ermitteln|ermittelt|zu finden|gefunden|auffindbar|enthalten|verzeichnet|aufgefuhrt|bekannt|existent)|(?:adresse|anschrift|strasse|hausnummer|empfanger|firma)\w* (?:\w+ )?existiert nicht|nicht existierende[rn]? (?:adresse|anschrift|strasse|hausnummer)|nicht (?:ermittelt|gefunden|auffindbar) .{0,20}(?:adresse|anschrift)",
        # access needs a code or directions
        r"(?:zugangs|tur|tor)code (?:ist )?(?:erforderlich|notwendig|benotigt|fehlt)|kein (?:zugang|zutritt)|nicht zuganglich|(?:wegbeschreibung|zufahrtsbeschreibung) (?:ist )?(?:erforderlich|notwendig|benotigt)",
        # no name on the letterbox or the bell
        r"(?:briefkasten|klingel|namensschild|klingelschild|name)\w* .{0,30}(?:nicht (?:angeschrieben|beschriftet|vorhanden|auffindbar)|\bfehl(?:t|en)\b)"]),
    # the address given does not lead to the recipient ("unter angegebener Adresse nicht ermittelt", "angegebene Anschrift ... nicht gefunden")
    (F.address, [r"(?:unter|an) (?:der )?angegebenen? (?:adresse|anschrift)[^.;]{0,40}\b(?:nicht|unbekannt)\b|angegebene (?:adresse|anschrift)[^.;]{0,40}\b(?:nicht|unbekannt)\b"], (r"angetroffen",)),
    (F.nobody, [
        # nobody there: not met, not at home, away, on holiday, not reached by phone
        r"nicht angetroffen|\b(?:sie|dich) (?:leider )?nicht (?:erreicht|angetroffen)|nicht zu hause|\bwar(?:en|st)? (?:leider )?nicht da\b|(?:niemand|keiner|keine person|kein empfanger) (?:angetroffen|zu hause|anwesend|da\b)|\burlaub\b|\babwesen(?:d|heit)\b|nicht anwesend|nicht vor ort|empfanger .{0,40}nicht (?:erreich(?:bar|t)|verfugbar)",
        # closed, no acceptance that day
        r"\bgeschlossen|keine annahme|(?:betriebs|werks)ferien|\bruhetag",
        # a notice left for the recipient
        r"benachrichtigungskarte|(?:benachrichtigung|karte|abholschein|hinterlegungsanzeige) (?:\w+ ){0,3}(?:hinterlassen|eingeworfen)|infonotice|verstandigung hinterlegt"],
     (r"beim nachbarn zugestellt", r"geloscht", r"nachforschung|vorgang|reklamation")),
    # another attempt announced ("wird nochmals zugestellt", "ein 2. / weiterer Zustellversuch") reads as the failed one it implies
    (F.failed, [r"(?:nochmals|erneut|noch einmal|wieder) zugestellt|(?:weitere|neue|zweite|dritte|nochmalige|erneute)[rn]? zustellversuch|\d\. zustellversuch|\bstellen? .{0,40}(?:erneut|nochmals|noch einmal) zu\b|\bversuchen? .{0,50}(?:erneut|nochmals|noch einmal)\b",
                r"konnte nicht wie geplant zugestellt",
                # the letterbox cannot take it: full, too small, out of reach, no longer emptied
                r"(?:briefkasten|postfach)\w*\W.{0,25}(?:voll|uberfullt|zu klein|nicht zuganglich|nicht (?:mehr )?geleert)|passt nicht in den briefkasten|zu gross fur (?:den )?briefkasten"], (r"beseitigt", r"wunscht", r"(?<!nicht )\berfolgreich\b"), ""),
    (F.failed, [
        # an identity or age check failed
        r"(?:ungultig|falsch|fehlend|abgelaufen)e[rns]? (?:\w+ )?ausweis|kein(?:en)? ausweis|negative[nrs]? (?:alters|identitats)prufung|(?:alters|identitats)prufung (?:war |ist )?(?:negativ|fehlgeschlagen|nicht bestanden)",
        # an unsuccessful delivery, in any wording
        r"nicht erfolgreich(?:e zustellung| zugestellt)|(?:zustellung|kuriersendung|lieferung|auslieferung|zustellversuch) (?:\w+ ){0,2}(?:nicht moglich|nicht erfolgreich|fehlgeschlagen|erfolglos|gescheitert)|erfolglose[rn]? (?:zustellung|zustellversuch)|keine (?:zustellung|auslieferung) moglich",
        r"nachnahme\w* .{0,30}nicht (?:bereit|bezahlt|vorhanden)",
        r"zustell\S{0,8}versuch", r"nicht zugestellt|konnten? .{0,30}nicht .{0,20}(?:zugestellt|zustellen|ausliefern|ubergeben|ausgehandigt)|zustellung nicht erfolgt|nicht (?:aus)?geliefert|(?:lieferung|auslieferung) (?:war |ist )?nicht moglich",
        r"unzustellbar|nicht zustellbar|zustellhindernis|ausroll-?retoure",
        r"\bvorladung\b"],  # the Swiss summons to collect a parcel that could not be delivered
     (r"nachforschung", _HOLDUP, r"lagerfrist", r"beseitigt", r"wunscht", r"(?<!nicht )\berfolgreich\b")),
    # past tense states a fact even in a clause that also says what "wird" happen next
    (F.refused, [r"verweigert wurde", r"(?:annahme|empfang) wurde verweigert", r"hat die annahme verweigert"], _CUSTOMS, ""),
    (F.nobody, [r"nicht angetroffen wurde", r"wurde nicht angetroffen"], (r"beim nachbarn zugestellt",), ""),
    (F.failed, [r"konnten? .{0,30}nicht .{0,20}zugestellt", r"nicht zugestellt werden konnte"], (r"nachforschung", _HOLDUP), ""),
    # the bare status line ("Sendung wird zugestellt", UPS "Wird zugestellt", "In Zustellung") is the out-for-delivery scan, not a plan
    (F.out_for_delivery, [r"^(?:(?:die |ihre |deine )?(?:sendung|paket) )?(?:wird zugestellt|(?:ist )?in (?:der )?(?:zustellung|auslieferung))\.?$|wird (?:gerade|jetzt|soeben) zugestellt"], (), ""),
    (F.out_for_delivery, [r"in (?:der )?(?:zustellung|auslieferung)\b",
                          # on the delivery round: in the van, "auf Tour"
                          r"(?:zustell|auslieferungs?|liefer)(?:fahrzeug|wagen|tour)|\bauf tour\b|(?:zusteller|fahrer|kurier|bote)(?:in)? .{0,30}unterwegs",
                          r"(?:sendung|paket|lieferung|zusteller|fahrer|kurier|bote)[^.;]{0,30}auf dem weg (?:zu (?:ihnen|dir|dem empfanger)|zum empfanger)"],
     (r"verzogerung", r"fehlleitung", r"\b(?:fehler|probleme?)\b|storung|beschadig", r"nicht in (?:der )?zustellung|keine zustellung", _HOLDUP)),
    (F.out_for_delivery, [r"(?:zustellung|auslieferung) durch (?:den |einen |die )?(?:kurier|zusteller|fahrer|boten)"], (r"erfolg", r"zugestellt", r"\bnicht\b", r"versuch", _HOLDUP)),
    (F.delivered, [
        r"zugestellt|ausgeliefert|abgeliefert|\bgeliefert\b|^zustellung\.?$|(?:zustellung|auslieferung|lieferung|ubergabe) (?:war |ist |wurde )?erfolgreich",
        # ... with words between: "Die Zustellung durch den Kurier war erfolgreich"
        r"(?:zustellung|auslieferung|ubergabe)\b[^.;]{0,40}\b(?:war|ist|wurde|erfolgte) erfolgreich\b",
        # handed to the recipient, or the recipient confirmed receipt
        r"(?:an|dem) (?:den )?empfanger .{0,20}(?:ubergeben|ausgehandigt)|ubergabe an (?:den )?empfanger|ausgehandigt|\bquittiert\b|personlich ubergeben|(?:empfangs|zustell)bestatigung(?! ausstehend)",
        r"bestatigung (?:des|vom) empfangers?\b|(?:empfangs|zustell)bestatigung (?:\w+ )?(?:erhalten|eingegangen|liegt vor)"
        r"|empfanger hat .{0,30}(?:erhalten|entgegengenommen|empfangen)|(?:beim|bei dem) empfanger (?:angekommen|eingetroffen|eingegangen)|(?:vom|durch den) empfanger (?:\w+ )?(?:entgegengenommen|empfangen|angenommen)",
        # collected by the recipient (from a counter, a shop, a locker)
        r"empfanger .{0,40}abgeholt|abholung (?:im|in der|aus der) .{0,30}durch (?:den )?empfanger|abholung durch (?:den )?empfanger",
        rf"(?:von|aus) (?:der |dem |einer )?(?:\w+ )?(?:{_LOCKER}) abgeholt|(?:am|an der|in der|im|aus der) (?:\w+ )?(?:{_COUNTER}) abgeholt",
        r"(?:sendung|paket)\w* (?:wurde )?(?:(?:in|aus|von) (?:der |dem )?\w+ )?behoben|(?:von ihnen|von dir) abgeholt|\b(?:sie haben|du hast) (?:die|das|ihre|deine|ihr|dein) \w+ .{0,20}abgeholt",
        # left at an agreed place or with someone else: deposited, a third person, a neighbour, a letterbox
        r"\bdeponiert\b|hinterlegung der sendung an|ablieferung an (?:den |die |eine |einen )?(?:empfanger|nachbar|dritte|\w*person)|(?:in den|in deinen|in ihren|im) (?:\w+)?briefkasten (?:gelegt|gesteckt|eingeworfen)|(?:zustellung|abgabe|ubergabe) (?:an|beim|bei) (?:den |dem |einen |ihren |deinen )?(?:wunsch)?nachbar|(?:gemass|laut) abstellgenehmigung|\bablage (?:an|am|auf|in|im|vor)\b|ersatzempfanger|an (?:einen?|den|die) (?:\w+ )?(?:mitbewohner|hausbewohner|bevollmachtigte|familienangehorige|person)\w* (?:\w+ ){0,3}(?:ubergeben|ausgehandigt|zugestellt|abgegeben)|\beingeworfen\b|\b(?:abgelegt|abgestellt)\b"
        r"|nachbar(?:n|in|schaft)?\b.{0,30}\b(?:abgegeben|ubergeben|ausgehandigt)|(?:an der|bei der|beim|am|im|an den) (?:rezeption|empfang|pforte|hausmeister|concierge|sekretariat) (?:\w+ )?(?:abgegeben|ubergeben|hinterlegt|zugestellt)",
        r"(?:dritte|empfangsberechtigte|berechtigte) person", r"nachnahme-betrags"],
     (r"in klarung", r"falsche[nmr]? (?:ort|empfanger|adresse|standort)", r"(?:falsch|fehl)zustellung", r"\bfalsch (?:zugestellt|ausgeliefert)")),
    (F.delivered, [r"(?:beim|an (?:den|die)) nachbar(?:n|in)? (?:\w+ )?zugestellt"], (r"nicht beim nachbarn", r"konnte"), ""),  # a fact even beside "..., da ... nicht angetroffen"
    (F.damaged, [r"beschadigt", r"beschadigung", r"\bbruch im\b|schaden\b|schadens(?:meldung|protokoll|fall|aufnahme)"]),
    (F.delayed, [
        # late or put off: "Verzögerung", "verspätet", "nicht termingerecht", "zurückgestellt", "verschoben"
        r"verzoger(?!ung in der verzollung)|verspat|spater als (?:geplant|erwartet|angekundigt)|\bkommt .{0,30}spater an\b|nicht (?:termingerecht|rechtzeitig|fristgerecht)|zuruckgestellt|(?:zustellung|lieferung|liefertermin|zustelltermin) .{0,40}(?:verschoben|neu geplant|neu terminiert)",
        # what holds parcels up: traffic, weather, strikes, lack of room or time, the weekend, volume
        _HOLDUP],
     (r"wunsch",)),  # put off at someone's wish ("auf Wunsch", "Kundenwunsch") is no delay
    (F.exception, [
        r"entgeltsicherung", r"^ausnahme\b",
        # sent the wrong way: misrouted, missorted, to a wrong place or person
        r"\bfalsche[nmr]? (?:standort|empfanger|depot|niederlassung|zielort|ort|sortierung)",
        r"\bfalsch(?:zustellung|sortierung|leitung| (?:verladen|sortiert|geleitet|zugeordnet|zugestellt))|fehl(?:leitung|geleitet|sortier|verladen)",
        r"\b(?:fehler|probleme?)\b|technische storung",
        # not collected in time
        r"(?<!noch )nicht (?:abgeholt|behoben)|(?:lager|abhol|aufbewahrungs)frist .{0,40}(?:uberschritten|abgelaufen|erreicht)",
        # label or data unreadable, wrong or missing
        r"nicht lesbar|unleserlich|(?:erforderlichen )?daten liegen nicht vor|sendungsdaten (?:sind )?fehlerhaft|(?:falsche|fehlerhafte|unvollstandige|unzureichende)[rn]? (?:kontakt|sendungs|versand|paket|empfanger)?(?:daten|angaben)\b",
        # cancelled, deleted, aborted
        r"\bgeloscht\b|\bstorniert\b|annulliert|abgebrochen|zuruckgezogen|zuruckgerufen|\bruckzug\b",
        # packaging not fit for shipping
        r"nicht versandfahig|(?:unzureichende|mangelhafte|schlechte) verpackung|schlecht verpackt",
        # held for the sender's instructions
        r"wartet auf .{0,30}(?:verfugung|anweisung|weisung|entscheidung)", rf"{_SENDER}verfugung|(?:durch den|vom) {_SENDER} verfugt"]),
    (F.exception, [r"\b(?:angehalten|gestoppt)\b"], _CUSTOMS),
    (F.exception, [r"\bfehl(?:t|en)\b"], (r"\bzoll", r"verzoll", r"dokumente", r"unterlagen")),
    # an investigation, a case being cleared up, "please contact us"
    (F.exception, [r"nachforschung|bitte kontaktieren sie|(?:vorgang )?in klarung"], (r"\bzoll", r"verzoll", r"beschau", r"verzogerung", r"verspatung"), ""),
    # export clearance at origin ("Ausfuhr", "Export"), not the destination's customs ("Einfuhr", "Import")
    (F.export_clearance, [r"(?:ausfuhr|export)-?(?:zoll)?(?:verzollung|abfertigung|anmeldung)|zoll(?:abfertigung)? (?:im|des) (?:ursprungs|abgangs|aufgabe|export|ausfuhr)land"]),
    (F.departed, [r"hat das (?:ursprungs|abgangs|absender|aufgabe|export|ausfuhr)land verlassen", r"exportiert", r"export-paketzentrum"]),
    (F.customs_released, [r"(?<!wird )\bverzollt\b", r"(?:zollabfertigungs|verzollungs)prozess .{0,60}abgeschlossen", r"zoll(?:abfertigung)? (?:ist )?(?:abgeschlossen|erledigt)",
                          r"vom zoll freigegeben|zoll\b[^.;]{0,40}freigegeben", r"zollfreigabe", r"verzollung abgeschlossen"], (r"verweiger",)),
    (F.customs_duties, [r"(?:zoll|einfuhr)(?:gebuhr|abgabe)", r"zoll .{0,20}(?:zahlen|bezahlen)", r"einfuhrumsatzsteuer", r"zur bezahlung"]),
    (F.customs_info, [r"(?:unterlagen|dokumente|informationen) (?:fehlen|benotigt|erforderlich|angefordert)", r"fehlende (?:unterlagen|dokumente)"],
     (r"weiterleitung verzogert",)),
    (F.customs_held, [r"vom zoll (?:zuruckgehalten|einbehalten)", r"zoll.{0,20}(?:zuruckgehalten|einbehalten|gestoppt|festgehalten|aufgehalten)", r"beschau .{0,30}festgehalten"]),
    (F.customs, [r"\bzoll", r"verzollung", r"wird verzollt", r"\bbeschau\b", r"\beinfuhr"]),  # "Beschau": a customs inspection (Swiss usage)
    (F.arrived, [r"im zielland (?:angekommen|eingetroffen)", r"in deutschland (?:angekommen|eingetroffen)", r"import-paketzentrum"]),
    (F.label, [r"(?:versand)?(?:label|etikett) .{0,20}(?:erstellt|gedruckt)|(?:versand|sendungs)?auftrag (?:wurde )?(?:verarbeitet|erstellt|angelegt|erfasst)|bereit fur ups", r"(?:paketschein|paketmarke|versandmarke|frachtbrief) .{0,20}(?:erstellt|bereitgestellt|erzeugt)"]),
    (F.picked_up, [r"eingeliefert", rf"vom {_SENDER} (?:ubergeben|abgeholt)"]),
])

__all__ = ["RULES", "VOCAB"]
