# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Japanese carrier wording: Japan Post, Yamato, Sagawa, Seino.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

RULES = table("ja", [
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

__all__ = ["RULES"]
