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
        zugangscode erforderlich weiterleitung verzogert fehlerhafte fehlende dokumente abgebrochen bestimmungsland ablieferung falschzustellung verladen entsorgt vernichtet"""

# Shared place words: where a recipient collects a parcel (a counter, a shop, a locker).
_COUNTER = r"(?:post)?filiale|poststelle|postamt|post-?geschaftsstelle|geschaftsstelle|postpartner|post partner|postagentur|abholstelle|schalter"
_SHOP = r"paketshop|packshop|paket ?shop|parcelshop|pickup[- ]?(?:point|shop)|access point|annahmestelle"
_LOCKER = r"packstation|paketstation|poststation|abholstation|paketbox|paketkasten|my ?post ?24|pickpost"
_SENDER = r"(?:absender|versender|auftraggeber)(?:\*?in)?"

RULES = table("de", [
    (F.returned, [rf"wurde (?:dem|an den) {_SENDER} (?:zuruck)?(?:zugestellt|ubergeben|ausgeliefert|ausgehandigt)", r"(?:rucksendung|retoure) wurde .{0,30}zugestellt",
                  rf"(?:an den|dem) {_SENDER} zuruckgegeben", r"ruckzustellung (?:domizil|schalter|postfach)",
                  rf"(?:beim|an den|zum) {_SENDER} (?:eingegangen|eingetroffen|angekommen|zuruckgeliefert|zugestellt)"]),
    (F.sender_attempt, [r"auftragsdaten", r"elektronisch (?:angekundigt|ubermittelt|avisiert|angemeldet)", r"(?:sendungs|paket|versand|auftrags)daten .{0,60}(?:ubermittelt|erhalten|erfasst|eingegangen)",
                        r"abholauftrag", r"abholung wird durchgefuhrt", rf"{_SENDER} (?:wurde )?nicht angetroffen", r"(?:erfolgloser|vergeblicher) abholversuch", r"\babholversuch (?:beim|durch)",
                        r"noch nicht (?:an .{0,20})?(?:ubergeben|eingeliefert|erhalten|eingetroffen|aufgegeben)", r"bereitet die sendung .{0,20}vor", r"fur den versand vorbereitet",
                        r"daten(?:ubermittlung|einlieferung)", rf"auslandischen? {_SENDER}", r"auftrag pick@home", r"daten ubertragen",
                        r"anmeldung der sendung", r"sendung (?:wurde )?(?:elektronisch )?(?:angemeldet|angekundigt)", r"(?:sendungs|versand)informationen (?:eingegangen|erhalten|ubermittelt)"],
     (r"\bstorniert", r"annulliert", r"\bgeloscht", r"fehlerhaft")),
    (F.sender_collected, [rf"(?:vom|beim|durch(?: den)?) {_SENDER} .{{0,40}}(?:eingeliefert|aufgegeben|ubergeben|abgegeben)", r"einlieferung in (?:die |der )?(?:" + _LOCKER + ")",
                          r"zum weitertransport aus der packstation entnommen", r"transport zum start-paketzentrum",
                          r"im (?:\w+ )?paketshop abgeholt", r"im (?:\w+ )?paketshop eingegangen", r"\beinlieferung\b"],
     (r"klarung", r"(?:vom|durch(?: den)?) empfanger", r"empfanger hat")),
    (F.neutral_early, [r"auf dem weg zur (?:" + _LOCKER + "|" + _COUNTER + "|" + _SHOP + ")", r"zur abholung in die (?:" + _COUNTER + ") .{0,40}gebracht", r"geplant fur (?:die )?zustellung",
                       r"vorubergehend bis zur zustellung", r"umadressiert",
                       r"wunscht (?:terminvereinbarung|avis) vor zustellversuch"], (r"zustellfahrzeug",), ""),
    # a planned delivery ("wird ... zugestellt") is not one, unless the text also reports a failure or a delay
    (F.neutral_early, [r"wird .{0,40}zugestellt"], (r"zustellfahrzeug", r"^(?:(?:die |ihre |deine )?(?:sendung|paket) )?wird zugestellt\.?$", r"nochmals", r"erneut",
                                                  r"noch einmal", r"nicht angetroffen", r"nicht .{0,20}zugestellt", r"verweiger", r"beschadig", r"verzoger",
                                                  r"verspat", r"zuruckgestellt", r"adress", r"nicht moglich"), ""),
    (F.locker, [_LOCKER], (r"abgeholt", r"entnommen", r"eingeliefert", r"nicht moglich", r"picked up", r"taken from", r"posted by")),
    (F.point, [_SHOP], (r"durch (?:den )?empfanger", r"lagerfrist", r"abholfrist", r"abgeholt")),
    (F.post_office, [r"zur abholung", r"abholbereit", r"bereit zur abholung", r"kann .{0,40}abgeholt werden", r"liegt .{0,40}(?:" + _COUNTER + r"|bereit)",
                     r"zur aufbewahrung", r"aufbewahrungsfrist", r"abholfrist (?:wurde )?verlangert", r"avisiert ins postfach", r"abholungseinladung",
                     r"(?:" + _COUNTER + r") .{0,20}(?:hinterlegt|eingetroffen)", r"hinterlegt (?:in|bei|im|am) (?:der |dem )?(?:\w+ )?(?:" + _COUNTER + ")"],
     (r"zur bezahlung", r"frist .{0,30}(?:abgelaufen|uberschritten)")),
    # present passive ("wird ... bereitgehalten / aufbewahrt") states a fact: unguarded
    # ... and so is "liegt ... zur Abholung bereit" / "... hinterlegt" after a failed attempt in the same clause
    # ("konnte nicht zugestellt werden und liegt ..."): the clause's "nicht" belongs to the other verb
    (F.locker, [r"(?:" + _LOCKER + r")[^.;]{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt|zur abholung bereit|hinterlegt)",
                r"liegt [^.;]{0,40}(?:" + _LOCKER + r")[^.;]{0,10}bereit"], (r"frist .{0,30}(?:abgelaufen|uberschritten)", r"noch nicht", r"nicht (?:mehr )?(?:in der|im|zur|abholbereit|hinterlegt)"), ""),
    (F.point, [r"(?:" + _SHOP + r")[^.;]{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt)"], (r"frist .{0,30}(?:abgelaufen|uberschritten)",), ""),
    (F.post_office, [r"da selbstabholung", r"zur abholung (?:bereit)?gehalten", r"zur abholung aufbewahrt",
                     r"(?:" + _COUNTER + r") .{0,30}(?:aufbewahrt|bereitgehalten|bereitgestellt)"], (r"frist .{0,30}(?:abgelaufen|uberschritten)",), ""),
    (F.post_office, [r"(?:" + _COUNTER + r")[^.;]{0,20}hinterlegt", r"liegt [^.;]{0,40}zur abholung [^.;]{0,40}bereit", r"liegt [^.;]{0,10}zur abholung bereit"],
     (r"frist .{0,30}(?:abgelaufen|uberschritten)", r"noch nicht", r"nicht (?:mehr )?(?:in der|im|zur|abholbereit|hinterlegt)"), ""),
    (F.returning, [r"rucksendung", r"ruckversand", r"ruckfuhrung", r"ruckgabe an", r"zuruck(?:gesendet|geschickt|gesandt|gefuhrt|geleitet|gegeben|transportiert)",
                   r"\bretour", r"\brucklauf", rf"zuruck (?:an|zum) (?:den )?{_SENDER}", rf"an den {_SENDER} zuruck", r"ruckweg", r"auf dem weg zuruck"],
     (r"zur nachverpackung",)),
    # "... nicht abgeholt und geht an den Absender zurück": the negation belongs to the first verb
    (F.returning, [rf"\bgeht (?:an den {_SENDER} |zum {_SENDER} )?zuruck"], (), ""),
    (F.damaged_early, [r"fehlenden inhalt", r"inhalt (?:fehlt|unvollstandig)", r"sendung (?:ist )?unvollstandig"]),
    (F.lost, [r"\bverloren\b", r"verlust", r"gestohlen|diebstahl", r"\bvermisst\b", r"sendung .{0,20}(?:nicht (?:mehr )?auffindbar|unauffindbar)", r"verschollen"]),
    (F.prohibited, [r"verbotene[rs]? (?:artikel|gegenstand|inhalt|ware)", r"eingeschrankte artikel", r"\b(?:entsorgt|vernichtet|zerstort)\b", r"beschlagnahmt", r"konfisziert"]),
    (F.refused, [r"verweiger", r"annahme .{0,20}(?:verweigert|abgelehnt)", r"nicht angenommen"], (r"\bzoll", r"verzoll", r"einfuhr")),
    (F.address, [r"(?:adresse|anschrift) (?:ist )?(?:unvollstandig|fehlerhaft|falsch|unzureichend|ungultig|ungenugend|unklar|unbekannt|nicht korrekt)",
                 r"(?:falsche|fehlerhafte|unvollstandige|ungenugende|unzureichende|ungultige|unklare|unbekannte)[rns]? (?:\w+)?(?:adresse|anschrift|hausnummer|postleitzahl|plz|orts|strassen|turcode|empfangername)",
                 r"empfanger (?:ist )?(?:unbekannt|verzogen)", r"unbekannt verzogen", r"adressfehler", r"adressklarung", r"\b(?:anschrifts?|adress)problem",
                 r"postfachadresse", r"zugangscode erforderlich", r"(?:adresse|anschrift) .{0,20}nicht (?:ermittelt|gefunden|auffindbar)", r"nicht (?:ermittelt|gefunden|auffindbar) .{0,20}(?:adresse|anschrift)",
                 r"\bweggezogen\b", r"\berloschen\b", r"unstimmigkeit bei (?:der )?\w*adresse", r"(?:briefkasten|klingel|namensschild|klingelschild) .{0,30}nicht (?:angeschrieben|beschriftet|vorhanden|auffindbar)",
                 r"empfanger (?:ist )?nicht (?:im|auf dem|am) \w+ (?:enthalten|verzeichnet|aufgefuhrt|vermerkt)", r"wegbeschreibung (?:ist )?erforderlich"]),
    (F.nobody, [r"nicht angetroffen", r"benachrichtigungskarte", r"nicht zu hause", r"\bgeschlossen", r"\burlaub\b", r"niemand (?:angetroffen|zu hause|anwesend)",
                r"empfanger .{0,40}nicht erreich(?:bar|t)", r"keine annahme", r"benachrichtigung(?:skarte)? (?:wurde )?hinterlassen", r"infonotice", r"verstandigung hinterlegt", r"\babwesend\b", r"abwesenheit", r"nicht anwesend"], (r"beim nachbarn zugestellt", r"geloscht")),
    (F.failed, [r"zustellversuch", r"zustellung (?:war |ist |in packstation )?(?:nicht moglich|fehlgeschlagen|erfolglos)", r"nicht (?:erfolgreich )?zugestellt", r"konnte .{0,30}nicht .{0,20}zugestellt",
                r"nicht erfolgreiche zustellung", r"zustellung nicht erfolgt", r"nicht (?:aus)?geliefert", r"(?:lieferung|auslieferung) (?:war |ist )?nicht moglich", r"\b(?:ge|ver)storben\b", r"ausweisdokument", r"kuriersendung erfolglos", r"unzustellbar", r"nicht zustellbar",
                r"zustellhindernis"],
     (r"nachforschung", r"verkehrsproblem", r"lagerfrist", r"beseitigt")),
    (F.failed, [r"konnte nicht wie geplant zugestellt", r"nicht (?:mehr )?geleert", r"(?:nochmals|erneut|noch einmal) zugestellt"], (), ""),
    # past tense states a fact even in a clause that also says what "wird" happen next
    (F.refused, [r"verweigert wurde", r"(?:annahme|empfang) wurde verweigert", r"hat die annahme verweigert"], (r"\bzoll", r"verzoll", r"einfuhr"), ""),
    (F.nobody, [r"nicht angetroffen wurde", r"wurde nicht angetroffen"], (r"beim nachbarn zugestellt",), ""),
    (F.failed, [r"konnte .{0,30}nicht .{0,20}zugestellt", r"nicht zugestellt werden konnte"], (r"nachforschung", r"verkehrsproblem"), ""),
    (F.out_for_delivery, [r"in (?:der )?zustellung", r"(?:zustell|auslieferungs?|liefer)(?:fahrzeug|wagen|tour)", r"\bauf tour\b", r"(?:sendung|paket|lieferung)[^.;]{0,30}auf dem weg zu (?:ihnen|dir|dem empfanger)",
                          r"\bin auslieferung\b", r"zusteller .{0,20}unterwegs"],
     (r"verzogerung", r"fehlleitung")),
    # the bare progressive ("Sendung wird zugestellt", UPS "Wird zugestellt") is the out-for-delivery scan, not a plan
    (F.out_for_delivery, [r"^(?:(?:die |ihre |deine )?(?:sendung|paket) )?wird zugestellt\.?$"], (), ""),
    (F.delivered, [r"zugestellt", r"ausgeliefert", r"empfanger .{0,40}abgeholt", r"an (?:den )?empfanger ubergeben", r"zustellung erfolgreich", r"nachnahme-betrags",
                   r"abholung (?:im|in der|aus der) .{0,30}durch (?:den )?empfanger", r"ablieferung an", r"an (?:eine )?dritte person", r"ersatzempfanger", r"\bdeponiert\b",
                   r"(?:empfangs|zustell)bestatigung(?! ausstehend)", r"hinterlegung der sendung an", r"ausgehandigt",
                   r"(?:beim|bei (?:ihrem|deinem|einem)|an (?:den|die|einen|eine|ihren|deinen)) nachbar(?:n|in)? (?:\w+ )?(?:abgegeben|ubergeben)", r"\beingeworfen\b", r"am (?:vereinbarten |gewunschten )?(?:ablageort|wunschort) (?:abgelegt|abgestellt|hinterlegt)",
                   r"dem empfanger .{0,20}(?:ubergeben|ausgehandigt)", r"\bquittiert\b", r"\b(?:geliefert|personlich ubergeben)\b", r"ubergabe an (?:den )?empfanger", r"\b(?:abgelegt|abgestellt)\b",
                   r"empfanger hat .{0,30}(?:erhalten|entgegengenommen|empfangen)", r"vom empfanger (?:entgegengenommen|empfangen)",
                   r"abholung durch (?:den )?empfanger", r"(?:von|aus) (?:der |dem |einer )?(?:" + _LOCKER + r") abgeholt", r"(?:von ihnen|von dir) abgeholt", r"\b(?:sie haben|du hast) (?:die|das|ihre|deine|ihr|dein) \w+ .{0,20}abgeholt"],
     (r"in klarung",)),
    (F.delivered, [r"(?:beim|an (?:den|die)) nachbar(?:n|in)? (?:\w+ )?zugestellt"], (r"nicht beim nachbarn", r"konnte"), ""),  # a fact even beside "..., da ... nicht angetroffen"
    (F.damaged, [r"beschadigt", r"beschadigung", r"\bbruch im\b"]),
    (F.delayed, [r"verzoger(?!ung in der verzollung)", r"zuruckgestellt", r"verspat", r"verzogert sich",
                 r"nicht termingerecht", r"verkehrsproblem", r"wochenende nicht moglich", r"(?:platz|zeit|kapazitats)mangel", r"\bstreiks?\b", r"unwetter",
                 r"sendungsaufkommen", r"(?:zustellung|lieferung|liefertermin|zustelltermin) .{0,40}verschoben"], (r"auf wunsch",)),
    (F.exception, [r"daten liegen nicht vor", r"entgeltsicherung", r"\bfalsch(?:e[nmr]? (?:standort|empfanger|depot|zielort|sortierung)|zustellung|sortierung|leitung)", r"fehl(?:leitung|geleitet|sortier|verladen)",
                   r"\bfehler\b", r"\bprobleme?\b", r"nicht abgeholt", r"^ausnahme\b", r"(?:lager|abhol|aufbewahrungs)frist .{0,40}(?:uberschritten|abgelaufen|erreicht)",
                   r"nicht lesbar", r"unleserlich", r"\bgeloscht\b", r"\bstorniert\b", r"annulliert", r"nachforschung", r"abgebrochen", r"nicht versandfahig",
                   r"sendungsdaten fehlerhaft", r"fehlerhafte kontaktdaten", r"gefahrgut", r"wartet auf .{0,30}(?:verfugung|anweisung|weisung|entscheidung)", r"(?:absender|versender)verfugung", rf"(?:durch den|vom) {_SENDER} verfugt"]),
    (F.exception, [r"\b(?:angehalten|gestoppt)\b"], (r"\bzoll", r"verzoll", r"einfuhr")),
    (F.exception, [r"\bfehlt\b", r"\bfehlen\b"], (r"\bzoll", r"verzoll", r"dokumente", r"unterlagen")),
    (F.exception, [r"bitte kontaktieren sie", r"(?:vorgang )?in klarung"], (r"\bzoll", r"verzoll", r"beschau", r"verzogerung", r"verspatung"), ""),
    (F.departed, [r"hat das (?:ursprungs|abgangs|absender)land verlassen", r"exportiert", r"export-paketzentrum"]),
    (F.customs_released, [r"(?<!wird )\bverzollt\b", r"(?:zollabfertigungs|verzollungs)prozess .{0,60}abgeschlossen", r"zoll(?:abfertigung)? (?:ist )?(?:abgeschlossen|erledigt)",
                          r"vom zoll freigegeben", r"zollfreigabe", r"verzollung abgeschlossen"], (r"verweiger",)),
    (F.customs_duties, [r"(?:zoll|einfuhr)(?:gebuhr|abgabe)", r"zoll .{0,20}(?:zahlen|bezahlen)", r"einfuhrumsatzsteuer", r"zur bezahlung"]),
    (F.customs_info, [r"(?:unterlagen|dokumente|informationen) (?:fehlen|benotigt|erforderlich|angefordert)", r"fehlende (?:unterlagen|dokumente)"],
     (r"weiterleitung verzogert",)),
    (F.customs_held, [r"vom zoll (?:zuruckgehalten|einbehalten)", r"zoll.{0,20}(?:zuruckgehalten|einbehalten|gestoppt|festgehalten|aufgehalten)", r"beschau .{0,30}festgehalten"]),
    (F.customs, [r"\bzoll", r"verzollung", r"wird verzollt", r"\bbeschau\b", r"\beinfuhr"]),  # "Beschau": a customs inspection (Swiss usage)
    (F.arrived, [r"im zielland (?:angekommen|eingetroffen)", r"in deutschland (?:angekommen|eingetroffen)", r"import-paketzentrum"]),
    (F.label, [r"(?:versand)?(?:label|etikett) .{0,20}(?:erstellt|gedruckt)", r"(?:paketschein|paketmarke|versandmarke) .{0,20}erstellt"]),
    (F.picked_up, [r"eingeliefert", rf"vom {_SENDER} (?:ubergeben|abgeholt)"]),
])

__all__ = ["RULES", "VOCAB"]
