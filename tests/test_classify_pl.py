"""Polish rule families on real InPost / DPD Polska wordings from the corpus' TRAIN split
(data/corpus/events/pl.csv; the held-out split is never used to write rules or tests)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.classify import explain
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus
check = checker("pl")


@pytest.mark.parametrize(("text", "status", "sub"), [
    # the sender's side: posted in a locker or a point, collected *from* the sender — not a pickup for the buyer
    ("Nadana w paczkomacie", S.in_transit, U.picked_up),
    ("Nadana w PaczkoPunkcie", S.in_transit, U.picked_up),
    ("Kurier odebrał paczkę od Nadawcy i przekazuje ją do oddziału InPost.", S.in_transit, U.picked_up),
    ("Nadawca przekazał przesyłkę pracownikowi punktu InPost. Tu rozpoczyna się jej podróż do Odbiorcy.",
     S.in_transit, U.picked_up),
    # prepared by the sender, not yet handed over ("nie jest gotowa", "jeszcze się nie rozpoczęła")
    ("Przesyłka została utworzona, ale nie jest gotowa do nadania.", S.info_received, U.label_created),
    ("Nadawca poinformował nas, że przygotował przesyłkę do nadania. Podróż przesyłki jeszcze się nie rozpoczęła.",
     S.info_received, U.label_created),
])
def test_sender_side(text, status, sub) -> None:
    check(text, status, sub)


@pytest.mark.parametrize(("text", "status", "sub"), [
    ("Umieszczona w Paczkomacie (odbiorczym).", S.available_for_pickup, U.pickup_locker),
    ("Gotowa do odbioru w PaczkoPunkcie", S.available_for_pickup, U.pickup_point),
    ("Oczekuje na odbiór.", S.available_for_pickup, U.pickup_point),
])
def test_lockers_and_points(text, status, sub) -> None:
    check(text, status, sub)


@pytest.mark.parametrize(("text", "status", "sub"), [
    # the way back decides even when the failed attempt is named first
    ("Kurier InPost ponownie nie zastał Odbiorcy pod wskazanym adresem. Przesyłka wyruszyła w drogę powrotną "
     "do Nadawcy.", S.returning, U.returning),
    ("Czas na odbiór paczki minął. Została odebrana przez Kuriera z PaczkoPunktu i niebawem wyruszy w podróż "
     "powrotną do Nadawcy.", S.returning, U.returning),
    # "Zwrotne Potwierdzenie Odbioru" is a receipt, not a return
    ("Przesyłka została odebrana. Zwrotne Potwierdzenie Odbioru zostało wysłane do Nadawcy.", S.delivered, None),
])
def test_returns(text, status, sub) -> None:
    check(text, status, sub)


@pytest.mark.parametrize(("text", "sub"), [
    ("Kurier InPost nie zastał Odbiorcy pod wskazanym adresem. Kolejna próba doręczenia nastąpi w następnym "
     "dniu roboczym.", U.nobody_home),
    ("Brak możliwości doręczenia w dniu dzisiejszym. Powód: błędne dane adresowe.", U.bad_address),
    ("Brak możliwości doręczenia w dniu dzisiejszym. Powód: Odbiorca nie mieszka pod wskazanym adresem.",
     U.bad_address),
    ("Odmowa przyjęcia", U.refused),
])
def test_failed_attempts_and_their_reasons(text, sub) -> None:
    check(text, S.delivery_failed, sub)


def test_future_and_conditional_clauses_are_not_events() -> None:
    # "zostanie doręczona" (will be delivered) after a cancelled redirect is not a delivery
    check("Adresat tej paczki kurierskiej skorzystał z darmowej opcji dynamicznego przekierowania do automatu "
          "Paczkomat InPost. Po dostarczeniu przesyłki do wybranej maszyny odbiorca otrzyma wiadomości, dzięki "
          "którym, będzie mógł ją odebrać.", S.in_transit)
    check("Dostawa się opóźni - najmocniej przepraszamy. W kolejnych wiadomościach poinformujemy Odbiorcę o "
          "nowym terminie doręczenia.", S.exception, U.delayed)


def test_out_for_delivery_and_delivered() -> None:
    check("Przesyłka jest już na ostatnim etapie podróży - została przekazana kurierowi w celu dostarczenia pod "
          "wskazany adres.", S.out_for_delivery)
    check("Doręczona", S.delivered)
    assert explain("Doręczona").rule == "pl.delivered"
