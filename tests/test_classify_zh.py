"""The Chinese rule families on real carrier wordings from the corpus' TRAIN split
(data/corpus/events/zh.csv: China Post / EMS, Cainiao, Kuaidi100, Kdniao, 17TRACK, SF, JD, ZTO, STO,
Yunda, Best; the held-out split is never used to write rules or tests)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker, read, train_labels
from trackmon.classify import explain
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus


check = checker("zh")


SENDER_SIDE = [
    # the seller declares or prepares a shipment, the courier has not collected it
    ("声明发货", S.info_received, U.label_created),
    ("商家已发货", S.info_received, U.label_created),
    ("待快递公司揽收", S.info_received, U.label_created),
    ("快递员未去取件", S.info_received, U.label_created),
    ("打包完成", S.info_received, U.label_created),
    # collected from the sender: a "signed" that is the collection point's, not the buyer's
    ("揽收点签收成功", S.in_transit, U.picked_up),
    ("申通快递 广东东莞凤岗分部收件员 已揽件", S.in_transit, U.picked_up),
    ("[湖北监利县公司]进行揽件扫描", S.in_transit, U.picked_up),
    ("中国邮政 已收取邮件", S.in_transit, U.picked_up),
]


@pytest.mark.parametrize(("text", "status", "sub"), SENDER_SIDE)
def test_sender_side(text: str, status: Status, sub) -> None:
    check(text, status, sub)


DISPATCH_AND_DELIVERY = [
    # dispatch scheduling is not out for delivery yet
    ("我们正在为您的快件分配最合适的快递员，请您稍等。", S.in_transit),
    ("货物已分配，等待配送", S.in_transit),
    ("到达最后投递站", S.in_transit),
    # out for delivery
    ("离开 [北京石景山营业厅] 派送中，递送员[温]，电话[]", S.out_for_delivery),
    ("配送员开始配送，请您准备收货，配送员，程记，手机号，15711558294", S.out_for_delivery),
    ("包裹开始派送（国内）", S.out_for_delivery),
    # delivered, including "signed after an exception"
    ("货物已完成配送，感谢您选择京东配送", S.delivered),
    ("[湖北监利县公司]快件已被 本人 签收", S.delivered),
    ("派件异常后签收", S.delivered),
    ("快件显示派件异常，但后续正常签收", S.delivered),
]


@pytest.mark.parametrize(("text", "status"), DISPATCH_AND_DELIVERY)
def test_dispatch_scheduling_out_for_delivery_and_delivered(text: str, status: Status) -> None:
    check(text, status)


LOCKERS_AND_STATIONS = [
    # put into a locker or a station: waiting for the buyer
    ("已投放快递柜或驿站", S.available_for_pickup, U.pickup_locker),
    ("您的快件已被丝绸小区【自提柜】代收，请及时取件。有问题请联系派件员13656100859",
     S.available_for_pickup, U.pickup_locker),
    ("[杭州市]已签收(丰巢签收),感谢使用顺丰,期待再次为您服务（主单总件数：1件）",
     S.available_for_pickup, U.pickup_locker),
    ("您的快件已暂存至天津精武佳苑西区底商东门4号店菜鸟驿站，请凭取货码及时领取。如有疑问请联系15342028377",
     S.available_for_pickup, U.pickup_point),
    ("自提点签收", S.available_for_pickup, U.pickup_point),
    ("等待用户自提", S.available_for_pickup, U.pickup_post_office),
    ("等待客户网点取件", S.available_for_pickup, U.pickup_post_office),
    # taken out by the buyer: delivered
    ("已取出快递柜或驿站", S.delivered, None),
    ("自提点用户签收", S.delivered, None),
    ("投柜或站签收", S.delivered, None),
    ("已签收-[代收点]已签收，签收人凭取货码签收。感谢使用广阳区百世快递[百世邻里]，期待再次为您服务",
     S.delivered, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), LOCKERS_AND_STATIONS)
def test_lockers_stations_and_collection(text: str, status: Status, sub) -> None:
    check(text, status, sub)


def test_locker_collected_by_the_buyer_is_delivered() -> None:
    text = next(t for t in train_labels("zh") if t.startswith("【苏州市】 您的快递已签收, 签收人在【丰巢"))
    check(text, S.delivered)


FAILED_ATTEMPTS = [
    ("快件派送不成功(因收方客户拒收快件),待进一步处理", S.delivery_failed, U.refused),
    ("拒收（退件）", S.delivery_failed, U.refused),
    ("超出快递公司的服务区范围", S.delivery_failed, U.bad_address),
    ("找不到收件人。", S.delivery_failed, U.nobody_home),
    ("用户签收异常", S.delivery_failed, None),
    ("快件派件时遇到异常情况", S.delivery_failed, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), FAILED_ATTEMPTS)
def test_failed_delivery_attempts(text: str, status: Status, sub) -> None:
    check(text, status, sub)


RETURNS_AND_EXCEPTIONS = [
    ("退签", S.returned, U.returned),
    ("异常-退件已签收", S.returned, U.returned),
    ("快件正处于返回发货人的途中", S.returning, U.returning),
    ("退货仓接收", S.returning, U.returning),
    ("快件长时间派件后未签收", S.exception, U.delayed),
    ("快件滞留在网点，没有派送", S.exception, U.delayed),
    ("寄件人申请撤销寄件", S.exception, U.other),
    ("交航安检失败", S.exception, U.other),
    ("销毁", S.exception, U.other),
    ("包裹丢失了。", S.exception, U.lost),
]


@pytest.mark.parametrize(("text", "status", "sub"), RETURNS_AND_EXCEPTIONS)
def test_returns_and_exceptions(text: str, status: Status, sub) -> None:
    check(text, status, sub)


CUSTOMS = [
    # export at origin is a departure stage; destination clearance is customs
    ("出口清关完成", S.in_transit, U.departed_origin),
    ("送交出口海关", S.in_transit, U.departed_origin),
    ("清关完成(目的地）", S.in_transit, U.customs_released),
    ("清关异常(目的地）", S.in_transit, U.customs_held),
    ("海关审单异常", S.in_transit, U.customs_processing),
    ("商检审单异常", S.in_transit, U.customs_processing),
    ("海关出税", S.in_transit, U.customs_processing),
]


@pytest.mark.parametrize(("text", "status", "sub"), CUSTOMS)
def test_export_versus_import_customs(text: str, status: Status, sub) -> None:
    check(text, status, sub)


def test_mixed_chinese_english_line() -> None:
    zh = "快件到达顺丰店/站"
    assert train_labels("zh").get(zh) is S.in_transit
    assert read(f"{zh} Arrived at the SF outlet") == (S.in_transit, None), explain(zh)
    line = "自提点用户签收 Picked up by the recipient"
    assert read(line)[0] is S.delivered, explain(line)


def test_a_complaint_hint_with_a_negation_does_not_undo_a_delivery() -> None:
    # STO's sign-for template (recorded in public code, code-index file 7962472647): "if you did not
    # receive this parcel, call ..." follows the delivery; full-width commas are folded to "," and do not
    # split clauses, so the delivery phrase must not be guarded against that later negation.
    text = ("已签收,签收人是（快递已送代理点如有问题请联系11053685196）先生/女士，如有疑问请联系派件员寒亭魏飞飞"
            "(11053685196、0530-18194261)，如您未收到此快递，请拨打投诉电话：0530--17366376，感谢使用申通快递，期待再次为您服务")
    assert read(text) == (S.delivered, None), explain(text)
    # a negated delivery is still a failed one
    check("您的快件暂时未投递成功", S.delivery_failed)


WORD_FAMILIES = [
    # 派送/派件/配送/投递 + 中/正在/开始: out for delivery, whichever verb the carrier uses
    ("派件中", S.out_for_delivery, None),
    ("快件正在派件", S.out_for_delivery, None),
    ("北京市朝阳安华桥的牛鹏超18518350628正在派件", S.out_for_delivery, None),
    # "delivery nodes abroad" is a transit stage, not a courier on the way
    ("配送中各节点（国外）", S.in_transit, None),
    # the same verbs + 失败/不成功/异常: a failed attempt
    ("妥投失败", S.delivery_failed, None),
    ("投递失败", S.delivery_failed, None),
    ("派件异常", S.delivery_failed, None),
    ("派送失败-其他原因", S.delivery_failed, None),
    # out of the service area, however worded
    ("超区件", S.delivery_failed, U.bad_address),
    ("派件超出派送范围", S.delivery_failed, U.bad_address),
    # a station or locker that holds the parcel under a brand name, and a parcel not collected in time
    ("您的快件已被盛城东星速递易【自提柜】代收，请及时取件。有问题请联系派件员18821774027",
     S.available_for_pickup, U.pickup_locker),
    ("待取件-[代理点]您的快件已被益丰粮油百世快递[百世邻里]代收，请在20点前取件，有问题联系百世邻里18531624682",
     S.available_for_pickup, U.pickup_point),
    ("柜或驿站超时未取", S.available_for_pickup, U.pickup_point),
    # picked up by the user
    ("用户提货", S.delivered, None),
    # the sender side: orders and declared shipments
    ("已经下快件单", S.info_received, U.label_created),
    ("揽收订单确认揽收失败，未揽收到货物", S.info_received, U.label_created),
    ("客户取消下单", S.exception, U.other),
    # delays and stuck parcels
    ("快递公司配送延迟", S.exception, U.delayed),
    # local courier (WeChat instant delivery): the rider's order accepted is the sender side; goods going
    # back to the merchant is a return, whatever made the delivery fail; 配送异常 there means cancellations too
    ("骑手已接单", S.info_received, U.label_created),
    ("骑手配送阶段——收货人拒收，配送物品开始返还商家", S.returning, U.returning),
    ("骑手配送阶段——无法联系收货人，配送物品开始返还商家", S.returning, U.returning),
    ("配送异常", S.exception, U.other),
    # a delivery the carrier is going to make (将…送达) is not one made: read next to the verb
    ("日日顺物流将货物送达最后一公里的网点", S.in_transit, None),
    # taken out of a locker or station
    ("快件取出", S.delivered, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), WORD_FAMILIES)
def test_word_families(text: str, status: Status, sub) -> None:
    check(text, status, sub)
