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


@pytest.mark.parametrize("name", [
    "Анна Смирнова", "Анна Сергеевна Смирнова-Петровская из Екатеринбурга",
    "João da Silva Gonçalves de Albuquerque Cavalcanti", "Lucía", 'Smith, "Bob" Jr.',
])
def test_display_names_round_trip_exactly(name):
    """Decoded as RFC 2047 says a mail client must (whitespace between encoded-words ignored).
    CPython's own address parser is not the oracle here: it adds a space at every fold."""
    from email.header import decode_header, make_header
    from email.headerregistry import Address
    from email.utils import parseaddr

    msg = EmailMessage(policy=MAIL_POLICY)
    msg["To"] = Address(display_name=name, username="buyer", domain="example.com")
    msg.set_content("body")
    raw = msg.as_bytes().split(b"\r\n\r\n", 1)[0].decode("ascii")
    (to_line,) = [h for h in raw.replace("\r\n ", " ").split("\r\n") if h.startswith("To: ")]
    value = to_line[len("To: "):]
    assert all(len(line) <= 78 for line in raw.split("\r\n"))
    decoded = str(make_header(decode_header(value)))
    assert parseaddr(decoded) == (name, "buyer@example.com") or decoded == f"{name} <buyer@example.com>"
