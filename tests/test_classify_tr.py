"""Turkish rule families on real carrier wordings from the corpus' TRAIN split
(data/corpus/events/tr.csv: Aras, Sürat, Yurtiçi, ByExpress). The held-out split is never used to
write rules or tests."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


check = checker("tr")


CASES = [
    ("Kargo İşlem Görmemiş", S.info_received, U.label_created),
    ("Kargo Çıkış Şubede", S.in_transit, None),
    ("YOLDA; Kargonuz varış transfer merkezine indirilmiştir.", S.in_transit, None),
    ("Kargo Kuryede", S.out_for_delivery, None),
    ("Kurye Dağıtımda", S.out_for_delivery, None),
    ("Kargo Teslimattadır", S.out_for_delivery, None),
    ("Parçalı Teslimat", S.delivered, None),
    ("Teslim Edildi ve Geri Dönüş Faturası Kesilmedi", S.delivered, None),
    # a return reason given alone reads as the failed attempt it names
    ("Alıcı Tarafından Kabul Edilmedi", S.delivery_failed, U.refused),
    ("Alıcı Ürünü Açıp Bakmak İstiyor", S.delivery_failed, U.refused),
    ("Ücretinden Dolayı", S.delivery_failed, U.refused),
    ("Alıcı Sehir Dısında", S.delivery_failed, U.nobody_home),
    ("Not Bırakıldığı Halde Alınmadı", S.delivery_failed, U.nobody_home),
    ("Adres hatalı", S.delivery_failed, U.bad_address),
    # going back (a return being approved is a return under way), back with the sender
    ("Kargo Iade Süreci Başlatıldı", S.returning, U.returning),
    ("Çıkış Şubesi Onayladı", S.returning, U.returning),
    ("İade Kurye Dağıtımda", S.returning, U.returning),
    ("İade Teslim Edildi", S.returned, U.returned),
    # damage, cancellations, force majeure
    ("Kargo Hasar Süreci Başlatıldı", S.exception, U.damaged),
    ("Kırılmış", S.exception, U.damaged),
    ("Islanmış", S.exception, U.damaged),
    ("Kargo daha önceden iptal edilmiştir.", S.exception, U.other),
    ("Afet-Pandemi", S.exception, U.other),
]


@pytest.mark.parametrize(("text", "status", "sub"), CASES)
def test_turkish_families(text: str, status: Status, sub: SubStatus | None) -> None:
    check(text, status, sub)
