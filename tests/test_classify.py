"""Event-text classifier: a multilingual table of real-looking scan texts."""

from __future__ import annotations

import pytest

from trackmon.classify import Classification, classify_description, normalize_text, refine
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus

DELIVERED = (S.delivered, None)
OFD = (S.out_for_delivery, None)
PICKUP_PO = (S.available_for_pickup, U.pickup_post_office)
PICKUP_POINT = (S.available_for_pickup, U.pickup_point)
PICKUP_LOCKER = (S.available_for_pickup, U.pickup_locker)
FAILED = (S.delivery_failed, None)
NOBODY = (S.delivery_failed, U.nobody_home)
ADDRESS = (S.delivery_failed, U.bad_address)
REFUSED = (S.delivery_failed, U.refused)
C_PROC = (S.in_transit, U.customs_processing)
C_HELD = (S.in_transit, U.customs_held)
C_DUTY = (S.in_transit, U.customs_duties)
C_INFO = (S.in_transit, U.customs_information_required)
C_OK = (S.in_transit, U.customs_released)
RETURNING = (S.returning, U.returning)
RETURNED = (S.returned, U.returned)
LABEL = (S.info_received, U.label_created)
DEPARTED = (S.in_transit, U.departed_origin)
ARRIVED = (S.in_transit, U.arrived_destination)
PICKED = (S.in_transit, U.picked_up)
DAMAGED = (S.exception, U.damaged)
LOST = (S.exception, U.lost)

TABLE: list[tuple[str, tuple[Status, SubStatus | None] | None]] = [
    # --- English: USPS / UPS / FedEx / China Post / Cainiao / Yanwen / 4PX
    ("Delivered, In/At Mailbox", DELIVERED),
    ("Delivered, Front Door/Porch", DELIVERED),
    ("Delivered, Left with Individual", DELIVERED),
    ("Delivered, Individual Picked Up at Post Office", DELIVERED),
    ("DELIVERED", DELIVERED),
    ("Your item was delivered to the front desk, reception area, or mail room", DELIVERED),
    ("Out for Delivery", OFD),
    ("Out For Delivery Today", OFD),
    ("On FedEx vehicle for delivery", OFD),
    ("Available for Pickup", PICKUP_PO),
    ("Held at Post Office, At Customer Request", PICKUP_PO),
    ("Delivery attempted, parcel available at post office for pickup", PICKUP_PO),
    ("Arrived at destination, awaiting collection by the addressee", PICKUP_PO),
    ("Delivered to UPS Access Point™ and awaiting customer pickup", PICKUP_POINT),
    ("Your parcel has been placed in a parcel locker, use the code to collect it", PICKUP_LOCKER),
    ("Notice Left (No Authorized Recipient Available)", NOBODY),
    ("The receiver was not available for delivery. We'll make a second attempt the next business day.", NOBODY),
    ("Delivery attempted - Business closed", NOBODY),
    ("Delivery Attempted", FAILED),
    ("Unable to deliver item", FAILED),
    ("Not delivered", FAILED),
    ("The parcel could not be delivered", FAILED),
    ("Undeliverable as Addressed", ADDRESS),
    ("The address is incomplete. We are attempting to update the address.", ADDRESS),
    ("Insufficient Address", ADDRESS),
    ("Refused", REFUSED),
    ("The receiver refused the delivery", REFUSED),
    ("Held in Customs", C_HELD),
    ("Clearance delay - Import", C_HELD),
    ("Import duties due", C_DUTY),
    ("Import charges are due. Pay online to release your package.", C_DUTY),
    ("Customs information required to clear shipment", C_INFO),
    ("Additional documentation is required for customs clearance", C_INFO),
    ("Customs clearance completed", C_OK),
    ("Released by customs", C_OK),
    ("Customs clearance in progress", C_PROC),
    ("Inbound Into Customs", C_PROC),
    ("Return to Sender", RETURNING),
    ("Return to sender in progress", RETURNING),
    ("The package is being returned to the sender", RETURNING),
    # carriers write "returned to sender" when the parcel starts back (DHL, BRT, Poczta Polska and
    # Japan Post all follow it with later scans); only "delivered to (original) sender" is final
    ("Returned to sender", RETURNING),
    ("Delivered to Original Sender", RETURNED),
    ("Shipping Label Created, USPS Awaiting Item", LABEL),
    ("Electronic information received", LABEL),
    ("Shipment information received", LABEL),
    ("Departed Origin Country", DEPARTED),
    ("Export customs clearance completed", DEPARTED),
    ("Handed over to airline", DEPARTED),
    ("Arrived at destination country", ARRIVED),
    ("Arrival at inward office of exchange", ARRIVED),
    ("Import Scan", ARRIVED),
    ("Picked up", PICKED),
    ("Accepted at USPS Origin Facility", PICKED),
    ("Posted", PICKED),
    ("Package damaged in transit", DAMAGED),
    ("Item presumed lost", LOST),
    ("Shipper created a label, UPS has not received the package yet.", LABEL),
    ("Held by import Customs", C_HELD),
    ("Retention by customs", C_HELD),
    ("Clearance Processing Complete at LOS ANGELES, CA", C_OK),
    ("Receive item at office of exchange (inbound)", ARRIVED),
    ("Departure from outward office of exchange", DEPARTED),
    ("Posting/Collection", PICKED),
    ("Export Scan", DEPARTED),
    ("Origin Scan", PICKED),
    ("Shipment is out with courier for delivery", OFD),
    ("Order Processed: Ready for UPS", LABEL),
    ("Delivered to post office", None),
    ("Arrival Scan", None),
    ("Processed through facility", None),
    ("Arrived at USPS Regional Facility", None),
    ("In Transit to Next Facility", None),
    ("Departed FedEx location", None),
    # --- Chinese: China Post / Cainiao / Yanwen / 4PX
    ("已签收，签收人：本人", DELIVERED),
    ("妥投", DELIVERED),
    ("包裹已投递成功", DELIVERED),
    ("正在派送中，派送员：张三", OFD),
    ("到达待取", PICKUP_PO),
    ("待自提，请凭取件码领取", PICKUP_PO),
    ("已投柜，请及时取件", PICKUP_LOCKER),
    ("已到达菜鸟驿站，请凭取件码取件", PICKUP_POINT),
    ("投递失败", FAILED),
    ("未妥投，收件人不在", NOBODY),
    ("投递失败：地址不详", ADDRESS),
    ("收件人拒收", REFUSED),
    ("退回", RETURNING),
    ("退回妥投", RETURNED),
    ("清关中", C_PROC),
    ("海关扣留", C_HELD),
    ("进口清关完成", C_OK),
    ("需缴纳关税", C_DUTY),
    ("海关要求补充资料", C_INFO),
    ("离开【广州】，发往【深圳】", None),
    ("已离开中国", DEPARTED),
    ("已交航", DEPARTED),
    ("到达目的地国家", ARRIVED),
    ("已收寄", PICKED),
    ("揽收成功", PICKED),
    ("电子信息已收到", LABEL),
    ("到达【广州国际邮件处理中心】", None),
    ("【广州市】快件已在【广州白云】完成分拣，准备发往【上海】", None),
    ("到达【莫斯科】，清关中", C_PROC),
    ("包裹破损", DAMAGED),
    ("包裹丢失", LOST),
    # --- Russian: Russian Post
    ("Вручение адресату", DELIVERED),
    ("Вручение адресату почтальоном", DELIVERED),
    ("Прибыло в место вручения", PICKUP_PO),
    ("Ожидает адресата в месте вручения", PICKUP_PO),
    ("Доставлено в почтомат", PICKUP_LOCKER),
    ("Прибыло в пункт выдачи", PICKUP_POINT),
    ("Неудачная попытка вручения", FAILED),
    ("Неудачная попытка вручения: временное отсутствие адресата", NOBODY),
    ("Неудачная попытка вручения: неверный адрес", ADDRESS),
    ("Передано почтальону", OFD),
    ("Таможенное оформление", C_PROC),
    ("Выпущено таможней", C_OK),
    ("Таможенное оформление завершено", C_OK),
    ("Задержано таможней", C_HELD),
    ("Требуется оплата таможенной пошлины", C_DUTY),
    ("Возврат", RETURNING),
    ("Возврат: истёк срок хранения", RETURNING),
    ("Вручение отправителю", RETURNED),
    ("Экспорт международной почты", DEPARTED),
    ("Передано перевозчику", DEPARTED),
    ("Импорт международной почты", ARRIVED),
    ("Покинуло место международного обмена", ARRIVED),
    ("Приём", PICKED),
    ("Присвоен трек-номер", LABEL),
    ("Вручение адресату в почтомате", DELIVERED),
    ("Приём на таможню", C_PROC),
    ("Отправление готово к выдаче", PICKUP_PO),
    ("Прибыло в сортировочный центр", None),
    ("Покинуло сортировочный центр", None),
    # --- Spanish: Correos and Latin American posts
    ("Entregado", DELIVERED),
    ("Envío entregado al destinatario", DELIVERED),
    ("En reparto", OFD),
    ("Disponible para recoger en oficina", PICKUP_PO),
    ("Tu envío está disponible en CityPaq", PICKUP_LOCKER),
    ("Disponible en punto de recogida", PICKUP_POINT),
    ("No entregado. Destinatario ausente", NOBODY),
    ("Dirección incorrecta", ADDRESS),
    ("Rehusado", REFUSED),
    ("En proceso de despacho en aduana", C_PROC),
    ("Retenido en aduana", C_HELD),
    ("Pendiente de pago de aranceles", C_DUTY),
    ("En devolución", RETURNING),
    ("Devuelto al remitente", RETURNED),
    ("Pre-registrado", LABEL),
    ("Admitido", PICKED),
    ("Llegada al país de destino", ARRIVED),
    ("En tránsito", None),
    # --- Portuguese: Correios (Brazil), CTT
    ("Objeto entregue ao destinatário", DELIVERED),
    ("Saiu para entrega", OFD),
    ("Objeto saiu para entrega ao destinatário", OFD),
    ("Objeto aguardando retirada no endereço indicado", PICKUP_PO),
    ("Carteiro não atendido", NOBODY),
    ("Objeto não entregue - endereço incorreto", ADDRESS),
    ("Encaminhado para fiscalização aduaneira", C_PROC),
    ("Fiscalização aduaneira finalizada", C_OK),
    ("Aguardando pagamento", C_DUTY),
    ("Devolvido ao remetente", RETURNED),
    ("Objeto em devolução ao remetente", RETURNING),
    ("Objeto postado", PICKED),
    ("Pedido entregue ao correio", PICKED),
    ("Objeto recebido pelos Correios do Brasil", ARRIVED),
    ("Objeto em trânsito - por favor aguarde", None),
    # --- French: La Poste / Colissimo
    ("Votre colis est livré", DELIVERED),
    ("Votre colis a été déposé dans votre boîte aux lettres", DELIVERED),
    ("Votre colis est en cours de livraison", OFD),
    ("Votre colis est disponible dans votre point de retrait", PICKUP_POINT),
    ("Votre colis est disponible dans votre bureau de poste", PICKUP_PO),
    ("Destinataire absent, avis de passage déposé", NOBODY),
    ("Votre colis n'a pas pu être livré", FAILED),
    ("Votre colis est en cours de dédouanement", C_PROC),
    ("Votre colis est retenu en douane", C_HELD),
    ("Votre colis a été dédouané", C_OK),
    ("Retour à l'expéditeur en cours", RETURNING),
    ("Votre colis a été retourné à l'expéditeur", RETURNING),  # La Poste's final is "Distribué à l'expéditeur"
    ("Distribué à l'expéditeur", RETURNED),
    ("Votre colis a quitté le pays d'expédition", DEPARTED),
    ("Votre colis est arrivé dans le pays de destination", ARRIVED),
    ("Votre colis a été pris en charge par La Poste", PICKED),
    ("Votre colis est en cours d'acheminement", None),
    # --- German: DHL / Deutsche Post
    ("Die Sendung wurde zugestellt", DELIVERED),
    ("Die Sendung wurde erfolgreich zugestellt.", DELIVERED),
    ("Die Sendung wurde in das Zustellfahrzeug geladen", OFD),
    ("Die Sendung liegt in der Filiale zur Abholung bereit", PICKUP_PO),
    ("Die Sendung wurde in die Packstation eingelegt", PICKUP_LOCKER),
    ("Der Empfänger wurde nicht angetroffen", NOBODY),
    ("Die Annahme der Sendung wurde verweigert", REFUSED),
    ("Die Sendung konnte nicht zugestellt werden", FAILED),
    ("Die Sendung befindet sich in der Zollabfertigung", C_PROC),
    ("Die Sendung wurde vom Zoll freigegeben", C_OK),
    ("Die Rücksendung der Sendung wurde eingeleitet", RETURNING),
    ("Die Sendung wurde vom Absender elektronisch angekündigt", LABEL),
    ("Die Sendung wurde in der Filiale eingeliefert", PICKED),
    ("Die Sendung wurde im Start-Paketzentrum bearbeitet", None),
]


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 80
    languages = {"zh": "已", "ru": "а", "es": "Entregado", "pt": "Objeto", "fr": "colis", "de": "Sendung"}
    for marker in languages.values():
        assert any(marker in text for text, _ in TABLE)


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t[:40] for t, _ in TABLE])
def test_classify_table(text: str, expected: tuple[Status, SubStatus | None] | None) -> None:
    got = classify_description(text)
    assert (None if got is None else (got.status, got.sub_status)) == expected


def test_returns_frozen_classification() -> None:
    got = classify_description("Delivered")
    assert got == Classification(Status.delivered, None)
    with pytest.raises(AttributeError):
        got.status = Status.returned  # type: ignore[misc]


def test_html_entities_and_whitespace() -> None:
    assert normalize_text("  Out&nbsp;for\n\tDelivery  ") == "out for delivery"
    assert normalize_text("Retour &agrave; l&#39;exp&eacute;diteur") == "retour à l'expéditeur"
    assert classify_description("Out&nbsp;for\nDelivery") == Classification(Status.out_for_delivery, None)
    assert classify_description("Retour &agrave; l&#39;exp&eacute;diteur") == Classification(*RETURNING)


@pytest.mark.parametrize("text", ["", "   ", "&nbsp;"])
def test_empty_text(text: str) -> None:
    assert classify_description(text) is None


def test_not_delivered_is_never_delivered() -> None:
    for text in ("Not delivered", "Item not delivered - recipient absent", "未妥投", "Не вручено",
                 "No entregado", "Não entregue", "Nicht zugestellt", "Non livré"):
        got = classify_description(text)
        assert got is not None and got.status is Status.delivery_failed, text


def test_customs_released_never_held() -> None:
    for text in ("Customs clearance completed", "Released from customs hold", "Выпущено таможней", "海关放行"):
        assert classify_description(text) == Classification(*C_OK), text


def test_refine_generic_takes_text() -> None:
    assert refine(Status.in_transit, None, "Held in Customs") == (Status.in_transit, SubStatus.customs_held)
    assert refine(Status.unknown, None, "Available for Pickup") == PICKUP_PO
    assert refine(Status.in_transit, SubStatus.other, "Delivered") == DELIVERED
    assert refine(Status.exception, None, "Refused") == REFUSED


def test_refine_keeps_specific_carrier_status() -> None:
    assert refine(Status.delivered, None, "Out for delivery") == DELIVERED
    assert refine(Status.returned, SubStatus.returned, "Delivered") == RETURNED
    assert refine(Status.delivery_failed, SubStatus.nobody_home, "Refused") == NOBODY
    assert refine(Status.in_transit, SubStatus.customs_held, "Picked up") == C_HELD


def test_refine_fills_missing_sub_status_when_text_agrees() -> None:
    assert refine(Status.available_for_pickup, None, "Доставлено в почтомат") == PICKUP_LOCKER
    assert refine(Status.delivery_failed, None, "Refused") == REFUSED
    # disagreeing text does not change a specific status nor invent a sub-status
    assert refine(Status.delivery_failed, None, "Delivered") == FAILED


def test_refine_ordinary_text_keeps_input() -> None:
    got = refine(Status.in_transit, None, "Processed through facility")
    assert got == (Status.in_transit, None)
    assert (got.status, got.sub_status) == (Status.in_transit, None)  # named fields too
    assert refine(Status.info_received, SubStatus.label_created, "") == LABEL


@pytest.mark.parametrize(("status", "sub", "text", "expected"), [
    (Status.delivery_failed, SubStatus.security, "Import duties due, please pay to release the parcel",
     (Status.in_transit, SubStatus.customs_duties)),
    (Status.in_transit, SubStatus.customs_processing, "Задержано таможней",
     (Status.in_transit, SubStatus.customs_held)),
    (Status.in_transit, SubStatus.customs_processing, "Customs clearance in progress",
     (Status.in_transit, SubStatus.customs_processing)),
    (Status.delivery_failed, SubStatus.security, "Delivery attempted: security check failed",
     (Status.delivery_failed, SubStatus.security)),
])
def test_refine_customs_texts_beat_ambiguous_carrier_codes(status, sub, text, expected):
    assert tuple(refine(status, sub, text)) == expected


def test_a_chinese_comma_ends_a_clause_so_a_later_negation_stays_in_its_own_clause() -> None:
    """NFKC folds "，" to ","; it still splits a Chinese line, so "未收到" in the courtesy sentence
    after it does not negate the delivery before it (STO's wording)."""
    from trackmon.classify.text import clauses, fold

    text = "已签收，如您未收到此快递，请拨打95543"
    parts = clauses(fold(text))
    assert len(parts) == 3 and [c.negated for c in parts] == [False, True, False]
    assert classify_description(text).status is Status.delivered


# CTT Express (es) and GLS Italy (it) train rows
@pytest.mark.parametrize("text", ["INCIDENCIA EN LOCKER", "LOCKER PIENO"])
def test_a_locker_that_cannot_take_the_parcel_is_an_exception_in_every_language(text) -> None:
    """The pickup_problem family comes before every language's locker rule: the Portuguese or
    English "locker" word must not turn a full or broken locker into "ready for pickup"."""
    cls = classify_description(text)
    assert (cls.status, cls.sub_status) == (Status.exception, SubStatus.other) and cls.rule.endswith("pickup_problem")


def test_unable_to_be_delivered_is_not_a_plan() -> None:
    """"to be" marks a plan ("going to be delivered"), but not after "able"/"unable"."""
    from trackmon.classify.text import clauses, fold

    assert [c.hypothetical for c in clauses(fold("Package is not able to be delivered."))] == [False]
    assert [c.hypothetical for c in clauses(fold("Your package is going to be delivered tomorrow"))] == [True]


def test_a_label_with_a_place_after_a_dash_is_read_by_its_segments() -> None:
    """Tracking pages print "<place> - <label>" or "<label> - <place>"; a label rule anchored to
    the whole text ("Not in.") still reads it, and a text decided whole is not re-read."""
    assert classify_description("Not in. - LONDON GB").status is Status.delivery_failed
    assert classify_description("LONDON GB - Not in.").status is Status.delivery_failed
    assert classify_description("LONDON GB - BIRMINGHAM GB") is None
