# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Chinese carrier wording: China Post / EMS, Cainiao, SF, JD, ZTO, YTO, STO, Yunda, J&T, Best, 4PX, Yanwen,
Kdniao, Kuaidi100, 17TRACK, consolidators, and the traditional-character wording of Hong Kong Post, Chunghwa
Post and Taiwan/HK couriers (簽收, 投遞, 派遞, 招領, 海關).

Each phrase is one word family, not one sentence:
- the delivery verbs 派送/派件/配送/投递/派递/妥投 + 中/途中/正在/开始 (out for delivery), + 失败/不成功/异常 or
  after 未/没有/无法 (failed), + 成功/完成 (delivered); 签收/代签/妥投 (delivered) unless 未/将/预计 stands next to it;
- 驿站/代收点/自提点 and 快递柜/丰巢/自提柜 (waiting at a station or locker) unless the buyer has taken it out
  (取出/完成取件/签收人在…领取); 请/凭取件码/待 + 取件/领取/自提 and 招领 (waiting to be collected);
- the sender side: 已下单/订单创建/接单, 订单审核/上传/传送 (the order sent to the carrier), 商家发货/打包/拣货,
  寄方准备 (seller or warehouse preparing it), 待揽收/未揽收/揽收失败/取件中 (not collected yet), then
  揽收/揽件/收寄/交寄 (collected);
- a courier on the way: 配送员…已出发, 人员/管家…配送, 派件出仓, 上门派件, 派送前联系 (out for delivery);
- 退回/退件/退货/返回寄件人 (on the way back), and 退…签收/退签/寄件人签收 (back with the sender);
- 滞留/延误/延迟/暂停派送, 车辆故障/道路中断/天候不佳 (delayed), 没收/违禁 (seized), 问题件/疑难/送错/列管,
  取消/撤销/销单/拒单 (cancelled), 异常/失败; a pickup store closed (门市关转) is a problem, not a pickup point;
- 出口 (export at origin: a departure) versus 进口/清关/海关/通关 at destination (customs).

A CJK comma ends a clause for the engine, so the clause-wide guards read "已签收，如您未收到…" right; a negation
or a plan inside the clause is read next to its verb by exclusions (未签收, 没有派送, 将…送达).

Every pattern is written in simplified characters; `_both` adds its traditional-character form, so a phrase
reads Taiwan and Hong Kong wording too. Patterns are folded (see `text.fold`): lower case, full-width forms
as ASCII ("，" → ",", "（" → "(")."""

from __future__ import annotations

import re

from trackmon.classify.rules import F, table

#: simplified → traditional (paired by position), for the characters the phrases below use
_SIMPLIFIED, _TRADITIONAL = ("签递达关运货检验邮务处单发离开转还异滞误丢损坏错无联络系柜驿点领报税费进国机场库预计将没员为时间长过问题门卖揽拦销毁难弃"
                              "绝详细确认码话号区范围审缴纳补资证启飞迟后给订创准备拣骑扫败约变电听凭请尽经户遗灭迁满压积气暂办丰邻宝栈云现业须"
                              "传顺车辆断况续录仓买恶",
                              "簽遞達關運貨檢驗郵務處單發離開轉還異滯誤丟損壞錯無聯絡繫櫃驛點領報稅費進國機場庫預計將沒員為時間長過問題門賣攬攔銷毀難棄"
                              "絕詳細確認碼話號區範圍審繳納補資證啟飛遲後給訂創準備揀騎掃敗約變電聽憑請儘經戶遺滅遷滿壓積氣暫辦豐鄰寶棧雲現業須"
                              "傳順車輛斷況續錄倉買惡")
_TO_TRADITIONAL = str.maketrans(_SIMPLIFIED, _TRADITIONAL)


_LOOKAROUND = re.compile(r"(\(\?<?[!=][^()]*\))")


def _either(chars: str) -> str:
    """Each character with a traditional form as a class of both: "转" → "[转轉]"."""
    return "".join(f"[{c}{c.translate(_TO_TRADITIONAL)}]" if c in _SIMPLIFIED else c for c in chars)


def _both(pattern: str) -> str:
    """The pattern in simplified and in traditional characters (one phrase: the same words either way).

    A lookaround ("中(?!转)") excludes both forms in both copies: the traditional copy of a phrase must not
    let through a simplified text its simplified copy excludes."""
    parts = _LOOKAROUND.split(pattern)  # text, lookaround, text, …

    def written(traditional: bool) -> str:
        return "".join(_either(part) if i % 2 else part.translate(_TO_TRADITIONAL) if traditional else part
                       for i, part in enumerate(parts))

    simplified, traditional = written(False), written(True)
    return simplified if traditional == simplified else f"(?:{simplified})|(?:{traditional})"


def _rules(spec: list[tuple]) -> list[tuple]:
    """The table's entries with every phrase and exclusion in both scripts."""
    out = []
    for family, patterns, *rest in spec:
        if rest:
            rest[0] = [_both(p) for p in rest[0]]
        out.append((family, [_both(p) for p in patterns], *rest))
    return out


_NOT = r"(?:未|没有|没|不|无法|未能|尚未|暂未)"
_PLAN = r"(?:将|预计|即将|准备|预约|如果|若|计划)"
_DELIVER = r"(?:投递|派送|派件|配送|妥投|送货|派递|递送)"
_STATION = r"(?:驿站|代收点|代取点|自提点|代办点|服务站|快递站|快递超市|百世邻里|兔喜|近邻宝|熊猫快收|取件门市|取货门市|取件点|取货点|代投点|便利店代收)"
_LOCKER = r"(?:快递柜|自提柜|智能柜|快件箱|智能信包箱|丰巢|格格货栈|速递易|云柜|邮政柜)"
#: the buyer has taken the parcel out of a locker or station, or signed for it there
_PICKED = r"(?:完成取件|完成(?:派件|派送|投递)|已取件|取件成功|(?:已|被)[^,。请]{0,8}取出|取出签收|(?:取货|提货|取件)码签收|签收人在|已经?妥投|用户签收)"

RULES = table("zh", _rules([
    # back with the sender: a return signed for, by whoever sent it
    (F.returned, [r"退(?:回|件|货)?[^未不没]{0,8}(?:签收|妥投)|退签",
                  r"(?:原)?(?:寄件人|发件人|发货人|卖家|商家)(?:已|进行)?签收",
                  r"(?:返还|退还|退回|返回)(?:给)?(?:商家|卖家|寄件人|发件人|发货人|商户)(?:成功|完成)",
                  r"成功(?:返还|退还|退回|返回)(?:给)?(?:原)?(?:商家|卖家|寄件人|发件人|发货人|商户)|(?:卖家|商家|寄件人|发件人|发货人)(?:已)?取(?:回)?(?:退回|退货|退件)"]),
    # the sender side before the courier has the parcel: an order, a seller preparing it, a collection not done yet
    (F.sender_attempt, [r"已(?:经)?下.{0,3}单|(?<!拒)接单|订单(?:已)?(?:创建|生成|开始处理|处理中|已?提交)|订单(?:已|信息)?审核|提交(?:了)?订单|订单(?:已)?(?:上传|传送)",
                        r"(?:卖家|商家|商户|店铺|声明)(?:已|正在)?(?:发货|打包|备货)(?!人)|(?:打包|备货)(?:完成|完毕)|(?<!分)拣货|(?:订单|包裹)[^,。]{0,4}打包",
                        r"(?:寄方|寄件人|发件人|卖家|商家)(?:正在)?准备(?:快件|包裹|货物|发货|出货)",
                        r"(?:待|等待|尚未|未|没有)[^,。]{0,6}揽(?:收|件)|揽(?:收|件)(?:失败|异常|不成功)|(?:快递员|快递小哥|业务员|收件员|骑手)(?:未|没有|没)(?:去|来|上门)?(?:取件|揽收|揽件|取货)|(?:上门)?取件(?:失败|异常)|(?<![待请])取件中|未顺利取件|(?:预约|等待)上门取件"],
     (r"取消",)),
    # collected from the sender: read before "签收" (a collection point signs for it too)
    (F.sender_collected, [r"揽(?:收|件)点(?:已)?签收|(?:已|成功)(?:上门)?揽(?:收|件)|揽(?:收|件)(?:成功|完成)"], (r"目的国|目的地|退",)),
    # an ordinary scan that names an address or a delivery word: redirected, re-routed, sorted for dispatch
    (F.neutral_early, [r"转寄|改寄|(?:更新|更改|修改|变更)(?:了)?(?:派送|收件|收货|自提点|配送|投递)?地址|(?:发往|转往|寄往)[^,。]{0,4}新(?:的)?(?:收件)?地址",
                       r"准备(?:发往|发出|发运)|完成分拣"], (), ""),
    # a locker or station that would not or could not take the parcel
    (F.pickup_problem, [rf"(?:门店|{_STATION}|{_LOCKER}|柜子?)(?:已满|满格|爆满|满柜|故障|拒收|不收|无法(?:存放|投放|入柜|代收))|(?:格口|柜格)(?:已满|不足)",
                         r"门(?:市|店)(?:已)?(?:关转|关闭|关店|停业|转店)"], (), ""),
    (F.locker, [r"(?:投放|放入|投入|存入|投递)(?:至|到|进)?[^,。]{0,4}柜|已(?:经)?(?:投|存|放)(?:至|到|进)?柜|入柜", _LOCKER], (_PICKED, r"拒收", r"致电"), ""),
    (F.point, [_STATION, r"(?:已)?(?:到达|送达)[^,。]{0,6}自提", r"快件上架|(?:门市|门店|站)[^,。]{0,6}上架"], (_PICKED, r"拒收", r"致电"), ""),
    # waiting for the addressee to collect it (at a post office, a counter, wherever the text does not say)
    (F.post_office, [r"到达待取|待(?:用户|客户|收件人)?(?:自提|取件|领取|提货|取货)|(?:请|及时|尽快|等待|等候)[^。]{0,8}(?:取件|领取|自提|提货|取货|取出)|(?:凭|用)(?:取货码|取件码|提货码)|到邮局领取|招领|候领",
                     r"(?:超时|长时间|超过.{0,8})(?:未|没有)取"],
     (r"(?:取货|提货|取件)码签收|已签收|退(?:回|件|还)", r"取件(?:发送|发出|发运)"), ""),
    # on the way back: refused goods taken back into stock, any 退 of the parcel, back to whoever sent it
    (F.returning, [r"(?:拒收|退货|退件)[^,。]{0,4}入库", r"退(?:回|件|运|还|货|至)",
                   r"(?:返回|返还|退还|寄回|送回)(?:给|至|到)?(?:原)?(?:发货人|寄件人|发件人|卖家|商家|商户|原寄|寄件地|始发地)|原路返回|返回(?:途中|中(?!转))"],
     (r"^拒(?:收|签)\(退(?:件|回)\)$", r"破损|损坏|毁损"), ""),
    (F.lost, [r"丢失|遗失|丢件|灭失|找不到(?:快件|包裹|邮件|货物)"]),
    (F.prohibited, [r"没收|违禁|禁寄|禁运|违规物品|查扣"]),
    (F.refused, [r"拒(?:收|签)|拒绝(?:签收|接收|收货|收件|收取)"]),
    # the recipient's details are wrong or incomplete, or the address is outside the carrier's area
    (F.address, [r"(?:地址|电话|手机号?|联系方式)(?:号码)?(?:不详细?|欠详|错误|有误|不正确|不准确|不存在|不全|不完整|问题|不明|空号|不可用|无效)|查无此人|迁移不明|搬迁|搬家|(?:收件人|用户)(?:已)?迁走",
                 r"超区|(?:超出|不在)[^,。]{0,10}(?:派送|服务|配送|投递)(?:区)?范围"]),
    # nobody there, or the recipient could not be reached
    (F.nobody, [r"(?:联系|找)不(?:上|到)|无法(?:联系|联络|接通)|(?:电话|手机)(?:无人接听|无法接通|关机|停机|未接通|不通)|未接(?:电话|听)",
                r"(?:无人|没有?人)(?!认领)|(?:收件人|客户|收方|用户)(?:不在|外出)|不在家",
                r"(?:公司|单位|行号)[^,。]{0,4}(?:休息|休假|放假|下班)"]),
    # the attempt did not succeed: a delivery verb failed, or not done
    (F.failed, [rf"(?:{_DELIVER}|签收)(?:尝试)?(?:失败|不成功|未成功)|(?:投递|派送|派件|妥投|送货|派递|递送|签收)(?:时|过程中)?(?:遇到|出现|发生)?异常|{_NOT}(?:成功)?(?:妥投|签收|投递|派送|配送|送达|派递|递送)",
                r"(?:重新|二次|再次|第二次)(?:派送|投递|配送|派件)|(?:要求|预约)(?:延迟|延期|改期|改天)(?:派送|投递|配送)?|另约(?:时间|日期)|改约(?:时间|日期)?"],
     (r"异常后[^,。]{0,6}签收|(?:后续|最终)(?:正常)?签收|长时间|超时|滞留|没有派送",)),
    (F.out_for_delivery, [rf"(?:正在|开始)(?:为您)?(?:第\d+次)?{_DELIVER}",
                          r"(?:派送|派件|投递|派递|递送)(?:中|途中|扫描)|^(?:派送|派件|投递)$|配送途中|待派送",
                          r"安排(?:投递|派送|派递)|出班(?:投递|派送)|派件员进行派件",
                          r"(?:配送员|派送员|快递员|派件员|投递员|送货员|骑手|小哥)[^,。未没不]{0,16}出发|(?:人员|管家|骑手|小哥)(?:正在)?(?:配送|派送|派件|投递)(?!阶段|成功|完成)",
                          r"(?:派件|派送|配送)出仓|上门(?:派件|派送|配送|投递|送货)|(?:派件|派送|配送|投递)前(?:联系|致电|电联)|二[回迴](?:配送|派送)"],
     (rf"{_NOT}[^,。]{{0,3}}{_DELIVER}", r"(?:出发|前往)[^,。]{0,6}(?:取件|揽收|揽件|取货)"), ""),
    # delivered: signed for, or the delivery / the collection by the buyer completed
    (F.delivered, [r"签收", r"妥投|代(?:签|收)(?!货?款)|确认收货|已交付(?:给)?(?:收件人|本人|客户|用户)|已交付$|(?:放|放置|放在|放到)(?:在|到|于)?家?(?:门口|门卫|前台|收发室|传达室)",
                   rf"完成(?:配送|投递|派送|派件|取件)|{_DELIVER}(?:成功|完成)|(?<!上门)取件成功|(?:已|成功)(?:送达|派递)|已配達|配達完成",
                   r"货到付款(?:成功|完成)|(?:用户|客户|收件人|收受人|本人)(?:已)?(?:提货|取件|取货|领取)|(?:已|被)[^,。请]{0,8}取出|(?:快件|包裹)取出"],
     (rf"{_NOT}[^,。]{{0,4}}(?:签收|妥投|投递|送达)", rf"{_PLAN}[^,。]{{0,8}}(?:签收|妥投|投递|送达)", r"(?:待|等待)签收"), ""),
    (F.damaged, [r"破损|损坏|毁损|受损|污损"]),
    (F.exception, [r"问题件|疑难|异常件|错分|分错|送错|列管", r"异常|失败", r"取消|撤销|销单|拒单|作废", r"销毁|废弃|报废", r"拦截", r"无人认领",
                   r"(?:暂)?无(?:物流)?(?:信息|轨迹)|查询不到"],
     (r"清关|海关|报关|通关|商检",)),
    # export at origin is the departure side; the flight or the carrier taking it abroad too
    (F.departed, [r"已?离开中国|离境|出境|已出口|出口[^,。]{0,4}(?:直封|封发|开拆)|出口(?:清关|报关)|(?:送交)?出口海关",
                  r"交航|交(?:付|给)?航空公司|航班(?:已)?(?:起飞|已飞)|已起飞|离港|发往(?:目的国|国外|境外)|航空公司(?:接收|启运)|已交承运商|离开起运地"],
     (r"失败|异常",)),
    (F.customs_released, [r"(?:清关|通关)(?:完成|成功|结束)|完成(?:清关|通关)|(?:海关/?|已)放行|已(?:清关|通关)|通过[^,。]{0,10}审核"]),
    (F.customs_duties, [r"(?:缴纳|支付|需缴|待缴|补缴)[^,。]{0,4}(?:关税|税费|税款|税金)|关税|税费|税金|缴税|纳税"]),
    (F.customs_info, [r"(?:须|需|需要|请)(?:提供|补充|上传)|补充(?:资料|材料|文件)|提供(?:资料|证件|文件)|(?:资料|材料|文件|证件)(?:不全|缺失|不完整)|缺少(?:资料|材料|文件|证件)|身份(?:证|信息)"]),
    (F.customs_held, [r"扣(?:留|关|押|件)|海关查验|被海关|(?:清关|通关)(?:异常|受阻|失败)"]),
    (F.customs, [r"清关|海关|报关|通关|商检|查验"]),
    (F.delayed, [r"延迟|延误|长时间|超时未(?:签收|更新)|滞留|过久|时间过长|积压|停滞", r"(?:天气|疫情|不可抗力)原因|交通管制|暂停(?:派送|派件|配送|投递|揽收|服务|运输)|停运",
                  r"车辆(?:故障|抛锚)|道路(?:中断|封闭|阻断)|(?:天气|天候|路况)[^,。]{0,2}(?:不佳|恶劣)"]),
    # in the destination country (an import scan), however the arrival is worded
    (F.arrived, [r"(?:已)?(?:到达|抵达|进入)(?:寄达国|目的国|目的地国家?|寄达地|海外)|到达目的地(?:机场|港口)|飞机进港[^,。]{0,10}到达目的地|进口"]),
    (F.label, [r"^新单$|资料(?:已)?登录|确认资料|电子信息(?:已)?收到|收到(?:电子)?信息|预报(?!关)|已(?:生成|打印)(?:电子)?(?:面单|运单)|(?:运单|面单|单号)(?:已)?生成"]),
    (F.picked_up, [r"收寄|交寄|揽(?:收|件)|已(?:收取|取件|收件(?!人))|收取(?:快件|邮件|包裹)"]),
]))

__all__ = ["RULES"]
