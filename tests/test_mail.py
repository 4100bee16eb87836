"""Subjects in every language survive folding: no space lost between encoded-words."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from trackmon.mail import MAIL_POLICY

SUBJECTS = [
    "Ваша посылка ждет вас в пункте выдачи",
    "Напоминание: посылка все еще ждет вас, осталось 3 дня до возврата отправителю",
    "Sua encomenda está aguardando retirada na agência dos Correios de São Paulo",
    "Votre colis vous attend au point de retrait — il reste 5 jours avant le retour",
    "Ihr Paket liegt zur Abholung bereit: bitte holen Sie es in der Filiale ab, Größe M",
    "Your parcel is waiting for you to collect it",
    "[trackmon] Weekly review — 深圳 store: 12 open exceptions, 3 new, 2 at risk of a dispute",
]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_subject_round_trips_exactly(subject):
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = subject
    msg["To"] = "anna@example.com"
    msg.set_content("body")
    raw = msg.as_bytes()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n")), raw
    assert message_from_bytes(raw, policy=policy.default)["Subject"] == subject
