# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Chinese (China Post / EMS, Cainiao, SF, ZTO, YTO, Kdniao, consolidators), Japanese (Japan Post,
Yamato) and Korean carrier wording. NFKC folding turns full-width punctuation into ASCII."""

from __future__ import annotations

from trackmon.classify.rules import F, table

ZH = table("zh", [
    (F.returned, [r"退回妥投", r"退件签收", r"退回.{0,8}(?:已签收|签收成功)", r"寄件人已签收", r"已退还?(?:给)?寄件人", r"退货签收",
                  r"由寄件人进行签收", r"退件已签收", r"已退回寄件人"]),
    (F.sender_attempt, [r"已下单", r"订单(?:已)?(?:创建|生成|开始处理|信息审核)", r"等待揽收", r"待揽(?:收|件)", r"已(?:生成|打印)面单",
                        r"快递员未去取件", r"商品已经下单", r"卖家(?:已)?发货", r"商家已发货", r"包裹已打包", r"已预报"]),
    (F.neutral_early, [r"转寄", r"准备发往", r"邮件已在.{0,20}完成分拣"], (), ""),
    (F.locker, [r"快递柜", r"自提柜", r"丰巢", r"已(?:投|入|存)柜", r"格格货栈"],
     (r"完成取件", r"已取件", r"取件成功", r"已取出", r"拒收", r"致电"), ""),
    (F.point, [r"自提点", r"已到达.{0,6}自提", r"驿站", r"代收点"], (r"完成取件", r"已取件", r"取件成功", r"拒收", r"致电"), ""),
    (F.post_office, [r"到达待取", r"待自提", r"待取件", r"待领取", r"请.{0,6}(?:领取|取件)", r"到邮局领取"]),
    (F.returning, [r"退回", r"退件", r"退运", r"退还", r"退货未签收", r"由寄件人未签收"], (), ""),
    (F.lost, [r"丢失", r"遗失"]),
    (F.refused, [r"拒收", r"拒签"]),
    (F.address, [r"地址(?:不详|错误|有误|不正确|不全|不完整|不详细|问题)", r"查无此人", r"电话错误", r"超区", r"超出派送范围"]),
    (F.nobody, [r"无人(?!认领)", r"收件人不在", r"联系不上", r"电话(?:无人接听|无法接通)", r"无法联系", r"不在家"]),
    (F.failed, [r"投递失败", r"派送失败", r"未妥投", r"未签收", r"(?:派送|投递)不成功", r"未能(?:派送|投递)", r"未投递成功", r"派件异常",
                r"重新派送", r"二次派送", r"派送失败", r"要求退回"]),
    (F.out_for_delivery, [r"派送中", r"正在派送", r"派件中", r"安排投递", r"(?:正在|开始)投递", r"投递中", r"出班投递", r"正在为您派件",
                          r"正在派件", r"派送途中", r"派件员进行派件", r"待派送"], (), "n"),
    (F.delivered, [r"已签收", r"签收", r"妥投", r"投递成功", r"派送成功", r"已送达", r"已交付收件人", r"完成取件", r"代签", r"确认收货"]),
    (F.damaged, [r"破损", r"损坏", r"废弃"]),
    (F.delayed, [r"延迟", r"延误"]),
    (F.exception, [r"问题件", r"异常", r"拦截", r"取消", r"无人认领", r"拒收，详情"], (r"清关", r"海关")),
    (F.departed, [r"已离开中国", r"离开中国", r"已出口", r"出口直封", r"交航", r"航班(?:已)?起飞", r"离港", r"发往(?:目的国|国外|境外)",
                  r"航空公司(?:接收|启运)", r"已交承运商", r"离开起运地", r"出口海关/?放行", r"送交出口海关", r"出口开拆",
                  r"出口海关", r"出口(?:清关|报关)"]),
    (F.customs_released, [r"清关(?:完成|成功|结束)", r"海关放行", r"已放行", r"通关(?:完成|成功)", r"已清关", r"审核"]),
    (F.customs_duties, [r"(?:缴纳|支付|需缴|待缴).{0,4}(?:关税|税费|税款)", r"关税", r"税费"]),
    (F.customs_info, [r"(?:须|需|需要|请)(?:提供|补充)", r"补充(?:资料|材料|文件)", r"提供(?:资料|证件|文件)"]),
    (F.customs_held, [r"扣留", r"扣关", r"海关(?:查验|扣件|扣押)", r"被海关", r"清关异常"]),
    (F.customs, [r"清关", r"海关", r"报关", r"通关"]),
    (F.arrived, [r"到达目的地国家", r"到达目的国", r"(?:已)?(?:到达|抵达)(?:寄达国|目的国|目的地国|寄达地)", r"进口", r"到达海外",
                 r"到达目的地机场", r"抵达目的国", r"飞机进港.{0,10}到达目的地"]),
    (F.label, [r"电子信息(?:已)?收到", r"收到电子信息", r"预报"]),
    (F.picked_up, [r"已收寄", r"收寄", r"揽收", r"揽件", r"已揽", r"已取件", r"已收取", r"收取快件", r"收取邮件"]),
])

JA = table("ja", [
    (F.returned, [r"差出人に返送済み", r"返品完了", r"差出人に(?:お届け|返還)"]),
    (F.neutral_early, [r"配達日・時間帯指定", r"配達担当店保管中"], (), ""),
    (F.locker, [r"宅配(?:box|ロッカー)", r"はこぽす"], (r"不可",)),
    (F.point, [r"コンビニエンスストアに引渡", r"営業所.{0,4}受取"]),
    (F.post_office, [r"保管中", r"ご来店予定", r"窓口.{0,4}受取", r"お受け取り可能", r"^保管$"], (r"お渡し",)),
    (F.returning, [r"返送", r"返品", r"差出人戻り"]),
    (F.refused, [r"受取ご?辞退"]),
    (F.address, [r"転居", r"住所不明"]),
    (F.failed, [r"持戻", r"持ち戻り", r"ご不在", r"不在"]),
    (F.out_for_delivery, [r"配達中", r"持ち出し中", r"配達局から出発", r"お届け中"]),
    (F.delivered, [r"配達完了", r"お届け済み", r"お届け完了", r"窓口でお渡し", r"配達済み", r"受取済", r"投函完了", r"配送完了",
                   r"引渡完了"]),
    (F.exception, [r"調査中"]),
    (F.customs, [r"通関", r"税関"]),
    (F.picked_up, [r"荷物受付", r"引受"]),
])

KO = table("ko", [
    (F.sender_attempt, [r"운송장", r"^접수", r"점포접수", r"발송취급점"], (r"취소",)),
    (F.point, [r"점포도착"]),
    (F.failed, [r"미배달", r"미배송"]),
    (F.exception, [r"취소"]),
    (F.out_for_delivery, [r"배달중", r"배송출발", r"배달 중", r"배송출고", r"배송기사 인계", r"직원 배송중", r"배달전"]),
    (F.out_for_delivery, [r"배달준비"], (), "n"),  # "준비" reads as a plan; Korea Post's 배달준비 is the van leaving
    (F.delivered, [r"배달완료", r"배송완료", r"고객전달", r"인수확인"]),
    (F.picked_up, [r"집하", r"집화", r"접수"]),
])

__all__ = ["JA", "KO", "ZH"]
