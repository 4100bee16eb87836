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
        eingelagert platzmangel zeitmangel retourniert selbstabholung geloscht fehlsortierung fehlleitung
        strasse empfangerin absenderin versenderin paketankundigung benachrichtigung abholschein hinterlegungsanzeige
        zugangscode erforderlich weiterleitung verzogert fehlerhafte fehlende dokumente abgebrochen bestimmungsland ablieferung falschzustellung verladen entsorgt vernichtet"""

RULES = table("de", [
    (F.returned, [r"wurde (?:dem|an den) absender zugestellt", r"rucksendung wurde .{0,30}zugestellt", r"an den absender zuruckgegeben",
                  r"ruckzustellung (?:domizil|schalter|postfach)", r"beim (?:versender|absender) eingegangen"]),
    (F.sender_attempt, [r"auftragsdaten", r"elektronisch (?:angekundigt|ubermittelt)", r"sendungsdaten (?:wurden )?(?:elektronisch )?(?:an .{0,40})?ubermittelt",
                        r"abholauftrag", r"abholung wird durchgefuhrt", r"absender (?:wurde )?nicht angetroffen", r"erfolgloser abholversuch", r"paketdaten wurden .{0,30}erfasst",
                        r"noch nicht an .{0,20}ubergeben", r"bereitet die sendung fur den versand vor", r"datenubermittlung durch",
                        r"dateneinlieferung durch den absender", r"auslandischen versender", r"auftrag pick@home", r"daten ubertragen", r"paket noch nicht erhalten", r"versanddaten (?:erhalten|ubermittelt)"]),
    (F.sender_collected, [r"vom absender (?:in (?:der|die) (?:filiale|packstation) )?eingeliefert", r"einlieferung in packstation",
                          r"zum weitertransport aus der packstation entnommen", r"transport zum start-paketzentrum",
                          r"im (?:\w+ )?paketshop abgeholt", r"im (?:\w+ )?paketshop eingegangen", r"vom absender im paketshop abgegeben",
                          r"durch versender an (?:pickup )?paketshop ubergeben"]),
    (F.neutral_early, [r"auf dem weg zur packstation", r"zur abholung in die filiale .{0,40}gebracht", r"geplant fur zustellung",
                       r"vorubergehend bis zur zustellung", r"wird .{0,40}zugestellt", r"umadressiert",
                       r"wunscht (?:terminvereinbarung|avis) vor zustellversuch"], (r"zustellfahrzeug", r"^sendung wird zugestellt$"), ""),
    (F.locker, [r"packstation", r"paketbox", r"paketkasten", r"my ?post ?24"], (r"abgeholt", r"entnommen", r"eingeliefert", r"nicht moglich", r"picked up", r"taken from", r"posted by")),
    (F.point, [r"paketshop", r"packshop"], (r"durch empfanger", r"lagerfrist")),
    (F.post_office, [r"zur abholung", r"abholbereit", r"kann .{0,40}abgeholt werden", r"liegt .{0,40}(?:filiale|bereit)",
                     r"zur aufbewahrung", r"aufbewahrungsfrist", r"abholfrist verlangert", r"avisiert ins postfach"], (r"zur bezahlung",)),
    (F.post_office, [r"da selbstabholung", r"zur abholung (?:bereit)?gehalten", r"zur abholung aufbewahrt"], (), ""),  # present passive ("wird ... bereitgehalten") states a fact
    (F.returning, [r"rucksendung", r"zuruckgesendet", r"zuruckgeschickt", r"retoure", r"rucklaufer", r"zuruckgesandt",
                   r"zuruck an (?:den )?(?:versender|absender)", r"retour gemass", r"zuruckgefuhrt", r"retourniert"],
     (r"zur nachverpackung",)),
    (F.damaged_early, [r"fehlenden inhalt"]),
    (F.lost, [r"\bverloren\b", r"verlust", r"gestohlen", r"diebstahl"]),
    (F.prohibited, [r"verbotener artikel", r"eingeschrankte artikel", r"\bentsorgt\b", r"\bvernichtet\b"]),
    (F.refused, [r"verweiger", r"annahme .{0,20}verweigert"]),
    (F.address, [r"(?:adresse|anschrift) (?:unvollstandig|fehlerhaft|falsch|unzureichend|ungultig)", r"empfanger (?:ist )?(?:unbekannt|verzogen)",
                 r"adressfehler", r"adressklarung", r"fehlerhafte[rs]? (?:adresse|anschrift|hausnummer|postleitzahl|plz|orts|strassen|turcode|empfangername)",
                 r"postfachadresse", r"zugangscode erforderlich", r"(?:adresse|anschrift) .{0,20}nicht (?:ermittelt|gefunden|auffindbar)", r"\bweggezogen\b",
                 r"firma erloschen", r"adresse unbekannt", r"unstimmigkeit bei (?:der )?\w*adresse"]),
    (F.nobody, [r"nicht angetroffen", r"benachrichtigungskarte", r"nicht zu hause", r"\bgeschlossen", r"\burlaub\b",
                r"empfanger nicht erreichbar", r"keine annahme", r"\babwesend\b", r"nicht anwesend"], (r"beim nachbarn zugestellt", r"geloscht")),
    (F.failed, [r"zustellversuch", r"zustellung (?:war |in packstation )?nicht moglich", r"nicht (?:erfolgreich )?zugestellt", r"konnte .{0,30}nicht .{0,20}zugestellt",
                r"2\. zustellversuch", r"nicht erfolgreiche zustellung", r"\bgestorben\b", r"ausweisdokument", r"kuriersendung erfolglos", r"unzustellbar"],
     (r"nachforschung", r"verkehrsproblem", r"lagerfrist")),
    (F.failed, [r"konnte nicht wie geplant zugestellt", r"nicht (?:mehr )?geleert"], (), ""),
    # past tense states a fact even in a clause that also says what "wird" happen next
    (F.refused, [r"verweigert wurde", r"(?:annahme|empfang) wurde verweigert", r"hat die annahme verweigert"], (), ""),
    (F.nobody, [r"nicht angetroffen wurde", r"wurde nicht angetroffen"], (r"beim nachbarn zugestellt",), ""),
    (F.failed, [r"konnte .{0,30}nicht .{0,20}zugestellt", r"nicht zugestellt werden konnte"], (r"nachforschung", r"verkehrsproblem"), ""),
    (F.out_for_delivery, [r"in (?:der )?zustellung", r"zustellfahrzeug", r"\bauf tour\b", r"auf dem weg zu (?:ihnen|dir|dem empfanger)", r"auslieferung durch kurier"],
     (r"verzogerung", r"fehlleitung")),
    (F.out_for_delivery, [r"^sendung wird zugestellt$"], (), ""),
    (F.delivered, [r"zugestellt", r"ausgeliefert", r"vom empfanger .{0,30}abgeholt", r"an empfanger ubergeben",
                   r"empfanger hat die sendung .{0,30}abgeholt", r"zustellung erfolgreich", r"nachnahme-betrags",
                   r"abholung im (?:pickup )?paketshop durch empfanger", r"ablieferung an", r"\bdeponiert\b",
                   r"empfangsbestatigung erhalten", r"zustellbestatigung", r"hinterlegung der sendung an", r"ausgehandigt"]),
    (F.damaged, [r"beschadigt", r"beschadigung", r"\bbruch im\b"]),
    (F.delayed, [r"verzoger(?!ung in der verzollung)", r"zuruckgestellt", r"verspatet", r"verspatung", r"verzogert sich",
                 r"nicht termingerecht", r"verkehrsproblem", r"wochenende nicht moglich", r"platzmangel", r"zeitmangel"]),
    (F.exception, [r"daten liegen nicht vor", r"entgeltsicherung", r"falschzustellung", r"an einen falschen standort", r"fehlleitung", r"fehlsortierung",
                   r"\bfehler\b", r"\bprobleme?\b", r"\bfehlt\b", r"nicht abgeholt", r"lagerfrist .{0,40}(?:uberschritten|abgelaufen|erreicht)",
                   r"daten fehlen", r"nicht lesbar", r"\bgeloscht\b", r"nachforschung", r"abgebrochen", r"nicht versandfahig", r"kundenidentifikation fehlt",
                   r"sendungsdaten fehlerhaft", r"fehlerhafte kontaktdaten", r"gefahrgut", r"wartet auf \w*verfugung"]),
    (F.exception, [r"bitte kontaktieren sie", r"vorgang in klarung"], (r"\bzoll", r"verzoll", r"beschau", r"verzogerung", r"verspatung"), ""),
    (F.departed, [r"hat das (?:ursprungs|abgangs|absender)land verlassen", r"exportiert", r"export-paketzentrum"]),
    (F.customs_released, [r"(?<!wird )\bverzollt\b", r"(?:zollabfertigungs|verzollungs)prozess .{0,60}abgeschlossen", r"zoll(?:abfertigung)? (?:ist )?(?:abgeschlossen|erledigt)", r"vom zoll freigegeben",
                          r"verzollung abgeschlossen"]),
    (F.customs_duties, [r"(?:zoll|einfuhr)(?:gebuhr|abgabe)", r"zoll .{0,20}(?:zahlen|bezahlen)", r"einfuhrumsatzsteuer", r"zur bezahlung"]),
    (F.customs_info, [r"(?:unterlagen|dokumente|informationen) (?:fehlen|benotigt|erforderlich|angefordert)", r"fehlende (?:unterlagen|dokumente)"],
     (r"weiterleitung verzogert",)),
    (F.customs_held, [r"vom zoll (?:zuruckgehalten|einbehalten)", r"zoll.{0,20}(?:zuruckgehalten|einbehalten|gestoppt|festgehalten)"]),
    (F.customs, [r"\bzoll", r"verzollung", r"wird verzollt"]),
    (F.arrived, [r"im zielland (?:angekommen|eingetroffen)", r"in deutschland (?:angekommen|eingetroffen)", r"import-paketzentrum"]),
    (F.picked_up, [r"eingeliefert", r"vom absender (?:ubergeben|abgeholt)"]),
])

__all__ = ["RULES", "VOCAB"]
