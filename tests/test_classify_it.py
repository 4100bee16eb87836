"""Italian rule families on real carrier wordings from the TRAIN split of data/corpus/events/it.csv
(BRT event names and storage causes, Poste Italiane, SEND postal operators). The held-out split is
never used to write rules or tests."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


check = checker("it")


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


GLS_AND_POSTE_HOLDS = [
    # held at the depot awaiting the *sender's* instructions is not a parcel waiting for the buyer
    ("Spedizione in giacenza presso la sede GLS, siamo in attesa di istruzioni.", S.exception, U.other),
    ("Non in consegna. In attesa di istruzioni dal mittente per eventuale riconsegna", S.exception, U.other),
    # ... unless the instructions are about customs documents: a customs stage
    ("Mancano documenti doganali per inoltro spedizione a destino. In attesa di istruzioni dal mittente per "
     "eventuale riconsegna", S.in_transit, U.customs_information_required),
    # a conditional offer to collect today is GLS's line-delay notice, not a parcel at the counter
    ("Consegna prevista per il giorno lavorativo successivo. Se urgente disponibile per il ritiro in data odierna "
     "presso la sede destinataria", S.exception, U.delayed),
    ("Disponibile per il ritiro presso la sede destinataria", S.available_for_pickup, U.pickup_post_office),
    ("DISPONIBILE AL RITIRO PRESSO FERMO DEPOSITO", S.available_for_pickup, U.pickup_post_office),
    # the failed attempt comes first, the next planned delivery after it
    ("Destinatario chiuso. Consegna prevista per il giorno lavorativo successivo", S.delivery_failed, U.nobody_home),
    ("Importo contrassegno non disponibile. Consegna prevista per il giorno lavorativo successivo",
     S.delivery_failed, None),
    ("Oggi non siamo riusciti a consegnare. La consegna e' prevista nel primo giorno lavorativo disponibile.",
     S.delivery_failed, None),
    # a promised attempt after a data error is not an attempt
    ("Si e' verificato un errore nel trasferimento dei dati della spedizione. Effettueremo un tentativo di consegna "
     "non appena possibile.", S.exception, U.other),
    # GLS names today's delivery "prevista": today is not a plan
    ("Consegna prevista nel corso della giornata odierna.", S.out_for_delivery, None),
    ("AFFIDATA AL CORRIERE LA MATTINA", S.out_for_delivery, None),
    ("PROBLEMI IN DISTRIBUZIONE", S.exception, U.other),
    ("SPEDIZIONE NON IN CONSEGNA", S.exception, U.other),
    ("Inoltrata al corretto indirizzo. Non in consegna in data odierna", S.in_transit, None),
    ("RESO MITTENTE", S.returning, U.returning),
    ("SPEDIZIONE FURTATA", S.exception, U.lost),
    ("SCONDIZIONATO", S.exception, U.damaged),
    ("SPEDIZIONE CREATA", S.info_received, U.label_created),
]


@pytest.mark.parametrize(("text", "status", "sub"), GLS_AND_POSTE_HOLDS)
def test_gls_and_poste_holds_promises_and_conditions(text: str, status: Status, sub) -> None:
    check(text, status, sub)


def test_disruptions_are_exceptions_not_failed_attempts() -> None:
    """Weather, strikes, road blocks and power cuts: the carrier could not move the parcel."""
    for text in ("NEVICATA ECCEZIONALE", "SCIOPERO", "BLOCCO STRADALE", "INTERRUZIONE ENERGIA ELETTRICA",
                 "MARE MOLTO MOSSO", "RALLENTAMENTI OPERATIVI"):
        check(text, S.exception)


# One concept, several carriers' forms: each group is read by the same family whatever the carrier's wording.
CONCEPT_FAMILIES = [
    # not delivered: noun ("mancata consegna"), participle ("non consegnato"), outcome ("consegna non riuscita")
    ("Mancata consegna - pre-esito", S.delivery_failed, None),
    ("SPEDIZIONE NON CONSEGNATA", S.delivery_failed, None),
    ("Non consegnato", S.delivery_failed, None),
    ("consegna non andata a buon fine", S.delivery_failed, None),
    ("Consegna non riuscita. Consegna prevista per il giorno lavorativo successivo", S.delivery_failed, None),
    ("Mancata consegna presso Punti di Giacenza - pre-esito", S.delivery_failed, None),  # not a pickup point
    # the goods cannot be unloaded at the recipient's
    ("FUORI SAGOMA/STANDARD - NON SBANCALABILE", S.delivery_failed, None),
    ("Destinatario non attrezzato per lo scarico. In attesa di istruzioni dal mittente per eventuale riconsegna",
     S.delivery_failed, None),
    # back to the sender, noun or participle, with or without "al"
    ("RESA AL MITTENTE", S.returning, U.returning),
    ("Spedizione restituita al mittente", S.returning, U.returning),
    # an address element wrong, in either carrier's abbreviation
    ("ZIP CODE ERRATO", S.delivery_failed, U.bad_address),
    ("NON CONSEGNATA INDIRIZZO ERRATO/INCOMPLETO", S.delivery_failed, U.bad_address),
    ("Indirizzo errato. In attesa di istruzioni dal mittente per eventuale riconsegna", S.delivery_failed,
     U.bad_address),
    # the business no longer operating
    ("ESERCIZIO NON IN ATTIVITA'", S.delivery_failed, U.bad_address),
    ("CESSATA ATTIVITA'", S.delivery_failed, U.bad_address),
    ("TRASFERITO / CONSEGNA AD ALTRO INDIRIZZO", S.delivery_failed, U.bad_address),
    # the recipient's premises closed for now, participle or noun
    ("CHIUSO PER FERIE", S.delivery_failed, U.nobody_home),
    ("CHIUSURA ESERCIZIO", S.delivery_failed, U.nobody_home),
    ("NON CONSEGNATA DESTINATARIO ASSENTE", S.delivery_failed, U.nobody_home),
    # the carrier's handling error: waybill, destination, driver, parcels swapped
    ("LETTERA VETTURA ERRATA IN FASE DI SMISTAMENTO", S.exception, U.other),
    ("ERRATA DESTINAZIONE IN BOLLETTAZIONE", S.exception, U.other),
    ("AFFIDATO ALL'AUTISTA SBAGLIATO", S.exception, U.other),
    ("INVERSIONE COLLO", S.exception, U.other),
    # the road closed or blocked, at Poste and at BRT
    ("BLOCCO CIRCOLAZIONE", S.exception, U.other),
    ("strada chiusa dalle autorità per eventi eccezionali", S.exception, U.other),
    # stolen, lost, missing
    ("in caso di furto", S.exception, U.lost),
    ("in caso di rapina", S.exception, U.lost),
    ("in caso di smarrimento", S.exception, U.lost),
    ("CONFERMA MANCANZA", S.exception, U.lost),
    ("NON LOCALIZZATO / RICH.INFO-07Y", S.exception, U.lost),
    # destroyed or disposed of
    ("SMALTITA", S.exception, U.other),
    ("Distrutta su disposizione del mittente", S.exception, U.other),
    ("in caso di deterioramento", S.exception, U.damaged),
    ("RITARDO LINEA", S.exception, U.delayed),
    # held for someone's action, or kept off the round
    ("ATTESA AZIONE DI SVINCOLO", S.exception, U.other),
    ("NON USCITA", S.exception, U.other),
    # the shipment's record created or sent
    ("Ordine elaborato Pronto per UPS", S.info_received, U.label_created),
    ("Spedizione registrata nei nostri sistemi ma non ancora partita", S.info_received, U.label_created),
    # pickup points by name, storage, collection at the depot
    ("ARRIVATA AL BRT-fermopoint", S.available_for_pickup, U.pickup_point),
    ("AFFIDATA A PARCEL SHOP/ POST OFFICE", S.available_for_pickup, U.pickup_point),
    ("In giacenza - In Dematerializzazione", S.available_for_pickup, U.pickup_post_office),
    ("FERMO DEPOSITO", S.available_for_pickup, U.pickup_post_office),
    ("Richiesto il ritiro della spedizione presso la sede GLS destinataria.", S.available_for_pickup,
     U.pickup_post_office),
    # customs: released, duties, and a customs agent who cannot reach the recipient is still customs
    ("completata la fase di verifica per lo svincolo", S.in_transit, U.customs_released),
    ("IMPORTO DAZI NON DISPONIBILE", S.in_transit, U.customs_duties),
    ("IMPOSSIBILE CONTATTARE DEST.PER SDOGANARE", S.in_transit, U.customs_processing),
    # ordinary scans that mention a delivery or a collection from the sender
    ("Pronta per la consegna", S.in_transit, None),
    ("Consegna concordata con il destinatario.", S.in_transit, None),
    ("La spedizione e' stata ritirata presso il mittente", S.in_transit, U.picked_up),
    ("REINDIRIZZATA A BRT-fermopoint", S.in_transit, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), CONCEPT_FAMILIES)
def test_concept_families_read_alike_across_carriers(text: str, status: Status, sub) -> None:
    check(text, status, sub)
