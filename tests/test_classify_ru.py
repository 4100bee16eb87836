"""The Russian rule families on real carrier wordings from the corpus' TRAIN split
(data/corpus/events/ru.csv: Russian Post operation + attribute pairs, CDEK, Boxberry, PEC; the held-out
split is never used to write rules or tests)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker, train_labels
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


check = checker("ru")


OPERATION_ATTRIBUTE = [
    # the operation decides, the attribute refines: a second failed attempt is still an attempt
    ("Вторая неудачная попытка вручения", S.delivery_failed, None),
    ("Вторая неудачная попытка вручения - Временное отсутствие адресата", S.delivery_failed, U.nobody_home),
    ("Вторая неудачная попытка вручения - Адресат выбыл", S.delivery_failed, U.bad_address),
    ("Вторая неудачная попытка вручения - Засыл отправления", S.delivery_failed, None),
    ("Вторая неудачная попытка вручения - Утрата", S.exception, U.lost),
    # storage at the post office is a parcel waiting for its addressee, to the last day
    ("Обработка - Истекает срок хранения (остался 1 день)", S.available_for_pickup, U.pickup_post_office),
    ("Обработка - Присвоено место адресного хранения", S.available_for_pickup, U.pickup_post_office),
    ("Хранение - Продление срока хранения по заявлению отправителя", S.available_for_pickup, U.pickup_post_office),
    # forwarding into temporary (undeliverable) storage is not ordinary forwarding
    ("Досылка почты - Передача на временное хранение", S.exception, U.other),
    ("Временное хранение - Ожидает результаты экспертизы", S.exception, U.other),
    # direct mail: delivery and non-delivery
    ("Доставка - Доставлено в почтовый ящик", S.delivered, None),
    ("Недоставка - Отказ в получении", S.delivery_failed, None),
    ("Недоставка - Неверный адрес/адрес не существует", S.delivery_failed, U.bad_address),
    # a carrier leg "delivered" is the mail handed to the next operator, not the buyer
    ("Обработка перевозчиком - Доставлено", S.in_transit, None),
    # refused at the counter when posting; a cancelled identifier
    ("Отказ в приеме", S.exception, U.other),
]


@pytest.mark.parametrize(("text", "status", "sub"), OPERATION_ATTRIBUTE)
def test_russian_post_operation_and_attribute(text: str, status: Status, sub) -> None:
    check(text, status, sub)


CUSTOMS = [
    # a refused release is a customs hold, not a refusal by the buyer
    ("Таможенное оформление - Отказ в выпуске. Товары не предъявлены", S.in_transit, U.customs_held),
    ("Таможенный контроль - Отказ в выпуске по решению должностного лица", S.in_transit, U.customs_held),
    ("Обработка таможенных платежей - Сумма платежа удержана УО", S.in_transit, U.customs_duties),
    ("Таможенное декларирование - Данные от торговой площадки получены", S.in_transit, U.customs_processing),
    ("В процессе таможенного оформления в стране отправителя (для международных заказов)",
     S.in_transit, U.customs_processing),
    # a return ordered by customs is a return
    ("Таможенное оформление - Возвращено таможней", S.returning, U.returning),
]


@pytest.mark.parametrize(("text", "status", "sub"), CUSTOMS)
def test_customs_stages(text: str, status: Status, sub) -> None:
    check(text, status, sub)


LOCKERS_AND_POINTS = [
    ("Заложен в постамат, заказ ожидает забора клиентом - покупателем ИМ", S.available_for_pickup, U.pickup_locker),
    ("Обработка - Прибыло в почтомат", S.available_for_pickup, U.pickup_locker),
    ("Заказ поступил в пункт выдачи. Готов к получению.", S.available_for_pickup, U.pickup_point),
    ("Поступил на склад до востребования", S.available_for_pickup, U.pickup_post_office),
    # taken out of the locker by the buyer, or by a courier for the return
    ("Изъят из постамата клиентом", S.delivered, None),
    ("Изъят из постамата курьером", S.returning, U.returning),
    ("Обработка - Изъято из почтомата", S.returning, U.returning),
    # failed deliveries into a locker or pickup point
    ("Неудачная доставка в АПС - АПС не работает", S.delivery_failed, None),
    ("Неудачная доставка в ПВЗ - ПВЗ закрыт временно", S.delivery_failed, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), LOCKERS_AND_POINTS)
def test_lockers_and_pickup_points(text: str, status: Status, sub) -> None:
    check(text, status, sub)


SENDER_SIDE_AND_RETURNS = [
    # order registered with the carrier, nothing handed over yet
    ("Принят", S.info_received, U.label_created),
    ("Заказ зарегистрирован в базе данных СДЭК", S.info_received, U.label_created),
    ("Загружен реестр ИМ", S.info_received, U.label_created),
    ("Заказ отменен ИМ после регистрации в системе до прихода груза на склад СДЭК в городе-отправителе",
     S.exception, U.other),
    # back with the sender (the shop) versus on the way back
    ("Вручение - Отправителю курьером", S.returned, U.returned),
    ("Возвращено в ИМ", S.returned, U.returned),
    ("Отправлен в город-отправитель", S.returning, U.returning),
    ("Заказ готовится на возврат, но по факту находятся в пункте выдачи.", S.returning, U.returning),
    # a return with its reason is a return, even when the reason is negated
    ("Возврат, не должен выполняться: является коммерческим грузом", S.returning, U.returning),
    ("Возврат, отказ от получения: Передумал", S.returning, U.returning),
]


@pytest.mark.parametrize(("text", "status", "sub"), SENDER_SIDE_AND_RETURNS)
def test_sender_side_and_returns(text: str, status: Status, sub) -> None:
    check(text, status, sub)


HANDED_OUT = [
    ("Выдано", S.delivered),
    ("Выдан на складе", S.delivered),
    ("Заказ выдан получателю.", S.delivered),
    ("Частичная доставка", S.delivered),
    # handed to the courier is out for delivery, not delivered
    ("Выдан на доставку", S.out_for_delivery),
    ("Передано на курьерскую доставку", S.out_for_delivery),
    ("Возвращено с курьерской доставки", S.delivery_failed),
]


@pytest.mark.parametrize(("text", "status"), HANDED_OUT)
def test_handed_out_versus_handed_to_courier(text: str, status: Status) -> None:
    check(text, status)


def test_a_note_that_denies_a_return_is_not_a_return() -> None:
    # CDEK: "this status does not mean a return to the sender"
    text = next(t for t in train_labels("ru") if t.startswith("Повторно оформлен приход в городе-транзите"))
    check(text, S.in_transit)
    text = next(t for t in train_labels("ru") if t.startswith("Оформлен повторный приход на склад в городе-получателе"))
    check(text, S.delivery_failed)


COURIERS_AND_MARKETPLACES = [
    # DPD Russia, Belpost, Ozon, Wildberries, Yandex Market wordings
    ("Посылка выведена на доставку", S.out_for_delivery),
    ("Посылка возвращена с доставки", S.delivery_failed),
    ("С посылкой возникла проблемная ситуация", S.exception),
    ("Почтовое отправление прибыло для выдачи", S.available_for_pickup),
    ("Почтовое отправление подготовлено в сортировочном пункте к доставке на ОПС отправителя", S.returning),
    ("Покупатель отказался при вручении: товар не подошел", S.delivery_failed),
    ("Покупатель не забрал заказ", S.exception),
    ("сборочное задание прибыло на ПВЗ", S.available_for_pickup),
    ("сборочное задание получено покупателем", S.delivered),
    ("заказ доставлен в пункт самовывоза", S.available_for_pickup),
    ("заказ подтвержден, его можно начать обрабатывать", S.info_received),
    ("Служба доставки не смогла доставить заказ", S.delivery_failed),
]


@pytest.mark.parametrize(("text", "status"), COURIERS_AND_MARKETPLACES)
def test_couriers_and_marketplaces(text: str, status: Status) -> None:
    check(text, status)


WORD_FAMILIES = [
    # вручен*/выдан*/получен* + who: the recipient (delivered) or the sender (back with the sender)
    ("Вручение - Выдано адресату через почтомат", S.delivered),
    ("Заказ выдан получателю.", S.delivered),
    ("заказ получен покупателем", S.delivered),
    ("Посылка доставлена получателю", S.delivered),
    ("Вручение - Выдано отправителю через почтомат", S.returned),
    ("Отправителю почтальоном", S.returned),
    # изъят* из постамата: by the customer (delivered) or by the courier (the return starts)
    ("Изъят из постамата клиентом", S.delivered),
    ("Изъят из постамата курьером", S.returning),
    ("Обработка - Изъято из почтомата", S.returning),
    # возвра* in any form starts the return; returned to the delivery depot is a failed attempt
    ("Почтовое отправление возвращено отправителю", S.returning),
    ("Зарегистрирована встреча груза в городе-отправителе", S.returning),
    ("Посылка возвращена с доставки", S.delivery_failed),
    ("Возвращен на склад доставки", S.delivery_failed),
    # прибыл*/поступил* for collection, at a pickup point
    ("Почтовое отправление прибыло для выдачи", S.available_for_pickup),
    ("сборочное задание прибыло на ПВЗ", S.available_for_pickup),
    ("Заказ поступил в пункт выдачи. Готов к получению.", S.available_for_pickup),
    # передан*/выдан*/выведен* на доставку, to a courier; a consolidated load "handed for delivery" is a leg
    ("Посылка выведена на доставку", S.out_for_delivery),
    ("Передано на курьерскую доставку", S.out_for_delivery),
    ("Передан на доставку до пункта выдачи", S.in_transit),
    # cancellation, disposal and loss stems
    ("Отменено продавцом", S.exception),
    ("Утилизирован", S.exception),
    ("Посылка утеряна", S.exception),
    # on the way to a pickup point is not waiting in it; a dispute is an exception
    ("На пути в пункт выдачи", S.in_transit),
    ("Арбитраж", S.exception),
    # Nova Poshta: received, refused, storage stopped
    ("Отправление получено", S.delivered),
    ("Получатель отказался от получения отправления", S.delivery_failed),
    ("Прекращено хранение отправления", S.exception),
    # a customs stage whose words look like an order being registered
    ("Завершено таможенное оформление заказа (для международных заказов)", S.in_transit),
]


@pytest.mark.parametrize(("text", "status"), WORD_FAMILIES)
def test_word_families(text: str, status: Status) -> None:
    check(text, status)
