"""Turkish carrier wording: Aras, Sürat, Yurtiçi, ByExpress.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """gonderi gonderiniz teslim edildi dagitima cikti kargo sube alici gonderici iade transfer merkezi
        yolda kabul edildi teslimat teslimatta teslimattadir subesinde kurye dagitimda hazirlaniyor merkezinde
        iadesi surecinde yonlendirildi yonlendirme parcali islem gormemis engellendi iptal edilmistir musteri
        musteriye adres adresi yanlis yetersiz edilmedi ulasilamiyor indirildi cikis cikisi
        tarafindan halde alinmadi birakildigi yapildi istegi bolge onayladi fatura
        kargonuz kuryede hasar sureci baslatildi sehir disinda ucreti odeyemediginden urunu acip bakmak
        ucretinden dolayi afet pandemi tazmin kirilmis yirtilmis acilmis bozulmus islanmis hatali
        edilemedi edilmedi kayip gecikme bulunamadi alindi hasarli"""

RULES = table("tr", [
    (F.returned, [r"iade teslim edildi", r"teslim edildi \(iade\)", r"iade yapildi"]),
    (F.sender_attempt, [r"islem gormemis"]),
    (F.returning, [r"\biade", r"cikis subesi onayladi"]),
    (F.refused, [r"kabul edilmedi", r"kabul etmiyor", r"ucreti odeyemedi", r"acip bakmak istiyor",
                  r"ucretinden dolayi"]),
    (F.address, [r"adres (?:yanlis|yetersiz|hatali)", r"adresi yok", r"adreste taninmiyor", r"adres\w* bulunamadi"]),
    (F.nobody, [r"ulasilamiyor", r"tasiniyor", r"tatilde", r"halde alinmadi", r"sehir disinda", r"yerinde yok"]),
    (F.lost, [r"\bkayip\b"]),
    (F.failed, [r"teslim edil(?:e)?medi"]),
    (F.exception, [r"engellendi", r"\biptal", r"\bafet\b", r"pandemi"]),
    (F.out_for_delivery, [r"dagitima cikt", r"dagitimda", r"teslimatta", r"kuryede"]),
    (F.delivered, [r"teslim edil(?:di|mistir)", r"parcali teslimat"]),
    (F.damaged, [r"\bhasar", r"kirilmis", r"yirtilmis", r"paket acilmis", r"bozulmus", r"islanmis"]),
    (F.delayed, [r"gecikme"]),
    (F.picked_up, [r"kabul edildi", r"teslim alindi"]),
])

__all__ = ["RULES", "VOCAB"]
