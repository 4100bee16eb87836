# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""German carrier wording: DHL, Deutsche Post, Hermes, DPD.

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
        auslieferung kurier durch fur bei aus nach von unterwegs nachbar briefkasten"""

RULES = table("de", [
    (F.returned, [r"wurde (?:dem|an den) absender zugestellt", r"rucksendung wurde .{0,30}zugestellt", r"an den absender zuruckgegeben"]),
    (F.sender_attempt, [r"auftragsdaten", r"elektronisch (?:angekundigt|ubermittelt)", r"sendungsdaten (?:wurden )?(?:elektronisch )?ubermittelt"]),
    (F.sender_collected, [r"vom absender (?:in (?:der|die) (?:filiale|packstation) )?eingeliefert", r"einlieferung in packstation",
                          r"zum weitertransport aus der packstation entnommen", r"transport zum start-paketzentrum",
                          r"im (?:\w+ )?paketshop abgeholt", r"im (?:\w+ )?paketshop eingegangen", r"vom absender im paketshop abgegeben"]),
    (F.neutral_early, [r"auf dem weg zur packstation", r"zur abholung in die filiale .{0,40}gebracht", r"geplant fur zustellung",
                       r"vorubergehend bis zur zustellung", r"wird .{0,40}zugestellt", r"umadressiert"], (), ""),
    (F.locker, [r"packstation", r"paketbox", r"paketkasten"], (r"abgeholt", r"entnommen", r"eingeliefert", r"nicht moglich", r"picked up", r"taken from", r"posted by")),
    (F.point, [r"paketshop", r"packshop"]),
    (F.post_office, [r"zur abholung", r"abholbereit", r"kann .{0,40}abgeholt werden", r"liegt .{0,40}(?:filiale|bereit)",
                     r"zur aufbewahrung"]),
    (F.returning, [r"rucksendung", r"zuruckgesendet", r"zuruckgeschickt", r"retoure", r"rucklaufer", r"zuruckgesandt"],
     (r"zur nachverpackung",)),
    (F.lost, [r"\bverloren\b", r"verlust"]),
    (F.refused, [r"verweigert", r"annahme .{0,20}verweigert"]),
    (F.address, [r"(?:adresse|anschrift) (?:unvollstandig|fehlerhaft|falsch|unzureichend)", r"empfanger (?:unbekannt|verzogen)",
                 r"adressfehler"]),
    (F.nobody, [r"nicht angetroffen", r"benachrichtigungskarte", r"nicht zu hause", r"geschlossen"]),
    (F.failed, [r"zustellversuch", r"zustellung (?:war |in packstation )?nicht moglich", r"nicht (?:erfolgreich )?zugestellt", r"konnte .{0,30}nicht .{0,20}zugestellt",
                r"2\. zustellversuch"]),
    (F.out_for_delivery, [r"in (?:der )?zustellung", r"zustellfahrzeug", r"befindet sich auf tour", r"auf dem weg zu (?:ihnen|dir|dem empfanger)", r"auslieferung durch kurier"]),
    (F.delivered, [r"zugestellt", r"ausgeliefert", r"vom empfanger .{0,30}abgeholt", r"an empfanger ubergeben",
                   r"empfanger hat die sendung .{0,30}abgeholt", r"zustellung erfolgreich", r"nachnahme-betrags"]),
    (F.damaged, [r"beschadigt"]),
    (F.delayed, [r"verzogerung(?! in der verzollung)", r"zuruckgestellt"]),
    (F.exception, [r"daten liegen nicht vor"]),
    (F.departed, [r"hat das (?:ursprungs|abgangs|absender)land verlassen", r"exportiert", r"export-paketzentrum"]),
    (F.customs_released, [r"verzollt", r"zoll(?:abfertigung)? (?:ist )?(?:abgeschlossen|erledigt)", r"vom zoll freigegeben",
                          r"verzollung abgeschlossen"]),
    (F.customs_duties, [r"(?:zoll|einfuhr)(?:gebuhr|abgabe)", r"zoll .{0,20}(?:zahlen|bezahlen)", r"einfuhrumsatzsteuer"]),
    (F.customs_info, [r"(?:unterlagen|dokumente|informationen) (?:fehlen|benotigt|erforderlich|angefordert)", r"fehlende (?:unterlagen|dokumente)"]),
    (F.customs_held, [r"vom zoll (?:zuruckgehalten|einbehalten)", r"zoll.{0,20}(?:zuruckgehalten|einbehalten|gestoppt)"]),
    (F.customs, [r"\bzoll", r"verzollung"]),
    (F.arrived, [r"im zielland (?:angekommen|eingetroffen)", r"in deutschland (?:angekommen|eingetroffen)", r"import-paketzentrum"]),
    (F.picked_up, [r"eingeliefert", r"vom absender (?:ubergeben|abgeholt)"]),
])

__all__ = ["RULES", "VOCAB"]
