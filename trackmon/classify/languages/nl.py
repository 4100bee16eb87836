# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Dutch carrier wording: PostNL.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """pakket zending bezorgd bezorger afgeleverd onderweg sorteercentrum ontvangen afhaalpunt afzender
        ontvanger niet thuis retour bezorging aangemeld gesorteerd opgehaald voorgemeld afgehaald afhaalzending
        afhaalopdracht afhaallocatie manco bezorgmoment bijgewerkt geweigerd beschadigd vermist vernietigd vertraagd
        uitgesteld aflevering inklaring douane aangifte invoeraangifte geannuleerd afgekeurd retourzending
        overhandigd gemist verzender geadresseerde pakketautomaat brievenbus buren bezorgen lukte zending
        zendingen pakketkluis verwerkt postbus verhuisd onbereikbaar onjuist onjuiste gecollecteerd voorraad
        distributieproces opslag calamiteit onbestelbaar wegens vanwege naar het een bij wij hebben komen keer"""

RULES = table("nl", [
    (F.returned, [r"retourzending afgeleverd", r"retour (?:bij|aan) afzender (?:bezorgd|afgeleverd)"]),
    (F.sender_attempt, [r"voorgemeld", r"aangemeld", r"nog niet (?:door \S+ )?ontvangen", r"retourlabel", r"afhaalzending",
                        r"afhaalopdracht ontvangen", r"niet (?:af|op)gehaald", r"om je zending af te halen", r"niet fysiek aangeboden",
                        r"geen zending om af te halen"], (r"gesorteerd", r"is onderweg,", r"\bretour\b", r"gaat naar")),
    (F.neutral_early, [r"keuze van ontvanger", r"wordt (?:\S+ ){0,4}(?:afgeleverd|bezorgd|geleverd)", r"bezorging gewijzigd", r"gecorrigeerd",
                       r"doorgestuurd", r"onderweg naar \S*punt"], (), ""),
    (F.point, [r"(?:ligt (?:voor je )?klaar|klaar om op te halen|af te halen|beschikbaar).{0,30}(?:punt|afhaalpunt|afhaallocatie|postbus)",
               r"bezorgd bij (?:\w+-)?punt", r"kan worden afgehaald", r"beschikbaar op"]),
    (F.returning, [r"\bretour\b", r"wordt geretourneerd", r"terug naar (?:de )?afzender"], (), ""),
    (F.lost, [r"\bvermist\b", r"\bmanco\b"], (r"afgeleverd",)),
    (F.prohibited, [r"verboden", r"vernietigd"]),
    (F.refused, [r"geweigerd"], (r"geweigerd bij \S*punt",)),
    (F.address, [r"\badres (?:onjuist|incorrect|onbekend)", r"(?:onjuist|incorrect|onbekend|ontbrekend)e? (?:adres|postcode|afleveradres)\b",
                 r"geadresseerde (?:onjuist|verhuisd)", r"toegangscode"]),
    (F.nobody, [r"niet thuis", r"gemist", r"afwezig", r"(?:bezorgadres|geadresseerde|ontvanger)(?: is)? onbereikbaar", r"gesloten"]),
    (F.failed, [r"niet (?:bezorgd|afgeleverd)", r"bezorgpoging", r"bezorgen lukte niet", r"paste niet door", r"kan niet betalen",
                r"identificatie ontvanger ontbreekt"], (r"kan niet bezorgd worden",)),
    (F.out_for_delivery, [r"onderweg naar (?:jou|u|de ontvanger)", r"bezorger is onderweg", r"in distributieproces"]),
    (F.delivered, [r"\bbezorgd\b", r"afgeleverd", r"overhandigd", r"afgehaald (?:bij|van) "]),
    (F.damaged, [r"beschadig"]),
    (F.exception, [r"geannuleerd", r"niet verwerkt", r"afgekeurd", r"calamiteit", r"onbestelbaar", r"herstelprocedure",
                   r"kan niet bezorgd worden", r"fout bij bezorging", r"geweigerd bij \S*punt", r"uit proces gehaald"]),
    (F.customs, [r"inklaring", r"douane", r"aangifte", r"importkosten", r"importcontrole"]),
    (F.delayed, [r"vertraag", r"uitgesteld", r"uitstel", r"bezorgmoment is bijgewerkt"]),
    (F.picked_up, [r"aangenomen", r"opgehaald", r"ontvangen", r"afgehaald", r"gecollecteerd"]),
])

__all__ = ["RULES", "VOCAB"]
