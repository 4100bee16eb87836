"""Italian rule families on real carrier wordings from the TRAIN split of data/corpus/events/it.csv
(BRT event names and storage causes, Poste Italiane, SEND postal operators). The held-out split is
never used to write rules or tests."""

from __future__ import annotations

import functools

import pytest

from bench.corpus import load
from trackmon.classify import classify_description, explain
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


@functools.cache
def _train() -> dict[str, Status]:
    return {row.text: row.status for row in load() if row.lang == "it" and row.split == "train"}


def check(text: str, status: Status, sub: SubStatus | str | None = "any") -> None:
    assert _train().get(text) is status, f"not an it train row labeled {status}: {text}"
    got = classify_description(text)
    read = (got.status, got.sub_status) if got else (S.in_transit, None)
    assert read[0] is status, (text, read, explain(text))
    if sub != "any":
        assert read[1] is sub, (text, read, explain(text))


BRT_PICKUP_POINTS = [
    ("ARRIVATA AL BRT-fermopoint", S.available_for_pickup, U.pickup_point),
    ("DA RITIRARE AL PARCEL SHOP", S.available_for_pickup, U.pickup_point),
    # collected by the buyer at the point: delivered, not waiting
    ("RITIRATA AL BRT-fermopoint", S.delivered, None),
    # "ritirata" alone is BRT collecting from the sender
    ("RITIRATA", S.in_transit, U.picked_up),
    ("SCADUTI TERMINI PER IL RITIRO", S.returning, U.returning),
]


@pytest.mark.parametrize(("text", "status", "sub"), BRT_PICKUP_POINTS)
def test_brt_pickup_points_and_collection(text: str, status: Status, sub) -> None:
    check(text, status, sub)


BRT_FAILED_ATTEMPTS = [
    # abbreviated BRT event names and storage causes read as the failed attempt they name
    ("RIFIUTA:NON PAGA TRASPORTO", S.delivery_failed, U.refused),
    ("RIFIUTA:NON PAGA DAZI DOGANALI", S.delivery_failed, U.refused),  # a refusal, not a customs stage
    ("RIFIUTATA DAL DESTINATARIO", S.delivery_failed, U.refused),
    ("DESTINATARIO NON PAGA IL C/ASSEGNO", S.delivery_failed, U.refused),
    ("DESTINATAR.SCONOSC./INCOMPLETO", S.delivery_failed, U.bad_address),
    ("INDIRIZ.INESISTENTE/INCOMPLETO", S.delivery_failed, U.bad_address),
    ("INDIRIZZO INDICATO SULLA B.A.M ERRATO/INESISTENTE", S.delivery_failed, U.bad_address),
    ("CESSATA ATTIVITA' DESTINATARIO", S.delivery_failed, U.bad_address),
    # "si e' trasferito" is reflexive, not the Spanish "si" (if): the event is not hypothetical
    ("DESTINATARIO HA CESSATO L'ATTIVITA' O SI E' TRASFERITO", S.delivery_failed, U.bad_address),
    ("DESTINATARIO ERA ASSENTE: LASCIATO AVVISO", S.delivery_failed, U.nobody_home),
    ("DESTINATARIO CHIUSO PER FERIE", S.delivery_failed, U.nobody_home),
]


@pytest.mark.parametrize(("text", "status", "sub"), BRT_FAILED_ATTEMPTS)
def test_brt_failed_attempts(text: str, status: Status, sub) -> None:
    check(text, status, sub)


BRT_DISRUPTIONS_AND_CUSTOMS = [
    ("SCIOPERO", S.exception, U.other),
    ("NEVICATA ECCEZIONALE", S.exception, U.other),
    ("BLOCCO STRADALE", S.exception, U.other),
    ("RALLENTAMENTI OPERATIVI", S.exception, U.delayed),
    ("COLLO/I MANCANTE/I", S.exception, U.lost),
    ("DISTRUTTA/REQUISITA DA DOGANA", S.exception, U.other),  # seized: not a customs stage
    ("DOCUMENTI DOGANALI MANCANTI", S.in_transit, U.customs_information_required),
    # a closed road is a disruption, not a closed recipient
    ("strada chiusa per lavori in corso o frana", S.exception, U.other),
]


@pytest.mark.parametrize(("text", "status", "sub"), BRT_DISRUPTIONS_AND_CUSTOMS)
def test_disruptions_loss_and_customs(text: str, status: Status, sub) -> None:
    check(text, status, sub)


ORDINARY_AND_DELIVERED = [
    ("DATI SPEDIZ. TRASMESSI A BRT", S.info_received),
    ("IN CONSEGNA", S.out_for_delivery),
    ("CONSEGNATA", S.delivered),
    ("Consegnato a persona abilitata - Fascicolo Chiuso", S.delivered),  # "chiuso" is the file, not the door
    ("Non Consegnato - pre-esito", S.delivery_failed),
]


@pytest.mark.parametrize(("text", "status"), ORDINARY_AND_DELIVERED)
def test_ordinary_scans_and_delivered(text: str, status: Status) -> None:
    check(text, status)
