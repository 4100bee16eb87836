
"""Turkish carrier wording: Aras, Sürat, Yurtiçi.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """gonderi gonderiniz teslim edildi dagitima cikti kargo sube alici gonderici iade transfer merkezi
        yolda kabul edildi teslimat teslimatta teslimattadir subesinde kurye dagitimda hazirlaniyor merkezinde
        iadesi surecinde yonlendirildi yonlendirme parcali islem gormemis engellendi iptal edilmistir musteri
        musteriye adres adresi yanlis yetersiz edilmedi ulasilamiyor indirildi cikis cikisi
        tarafindan halde alinmadi birakildigi yapildi istegi bolge onayladi fatura"""

RULES = table("tr", [
    (F.returned, [r"iade teslim edildi", r"teslim edildi \(iade\)", r"iade yapildi"]),
    (F.sender_attempt, [r"islem gormemis"]),
    (F.returning, [r"\biade"]),
    (F.refused, [r"kabul edilmedi"]),
    (F.address, [r"adres (?:yanlis|yetersiz)", r"adresi yok"]),
    (F.nobody, [r"ulasilamiyor", r"tasiniyor", r"tatilde", r"halde alinmadi"]),
    (F.exception, [r"engellendi", r"\biptal"]),
    (F.out_for_delivery, [r"dagitima cikt", r"dagitimda", r"teslimatta"]),
    (F.delivered, [r"teslim edil(?:di|mistir)", r"parcali teslimat"]),
    (F.picked_up, [r"kabul edildi"]),
])

__all__ = ["RULES", "VOCAB"]
