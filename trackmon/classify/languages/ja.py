# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Japanese carrier wording: Japan Post, Yamato, Sagawa, Seino.

Patterns are folded (see `text.fold`): full-width forms are ASCII ("（" → "("), lower case.
Japanese tracking labels are short nouns: 持戻 (taken back: a failed attempt, its reason in
brackets), 保管 (held at the office: pickup), 引受/荷物受付 (accepted), 持ち出し/配達中 (out for
delivery), お届け済み/配達完了 (delivered). A reason in brackets after 持戻 or 調査中 names why
delivery failed; 返送/返品 is the way back to the sender."""

from __future__ import annotations

from trackmon.classify.rules import F, table

RULES = table("ja", [
    (F.returned, [r"差出人に返送済", r"差出人へ返送済", r"返品完了", r"返送完了", r"差出人に(?:お届け|返還)", r"差出人へお届け"]),
    (F.sender_attempt, [r"出荷指示", r"出荷準備", r"発送準備", r"伝票(?:番号)?(?:発行|登録)", r"集荷(?:依頼|予定|待ち)", r"荷物情報(?:登録|受信)"]),
    (F.neutral_early, [r"配達日・時間帯指定", r"配達担当店保管中", r"依頼受付"], (), ""),
    (F.locker, [r"宅配(?:box|ロッカー)", r"はこぽす", r"pudo", r"ロッカー"], (r"不可", r"不能")),
    (F.point, [r"コンビニ(?:エンスストア)?に(?:引渡|到着)", r"営業所.{0,4}受取", r"(?:取扱店|センター)(?:止め|留め)"]),
    (F.post_office, [r"保管中", r"ご来店予定", r"窓口.{0,4}受取", r"お受け取り可能", r"^保管$", r"局留", r"留置"], (r"お渡し", r"期間経過")),
    (F.returning, [r"返送", r"返品", r"差出人戻り", r"返還"]),
    (F.damaged_early, [r"破損", r"汚損"]),
    (F.lost, [r"紛失"]),
    (F.refused, [r"受取ご?辞退", r"受取(?:人)?拒否", r"受け取り拒否"]),
    (F.address, [r"転居", r"住所不明", r"宛(?:所|先)不明", r"あて所に尋ね", r"宛所尋ね"]),
    (F.nobody, [r"ご?不在", r"休業"]),
    (F.failed, [r"持戻", r"持ち戻り", r"配達でき(?:ません|ず)", r"お届けでき(?:ません|ず)", r"置き配不能"]),
    (F.out_for_delivery, [r"配達中", r"持ち出し中", r"^持出$", r"配達局から出発", r"お届け中", r"配達に出発"]),
    (F.delivered, [r"配達完了", r"お届け済", r"お届け完了", r"お渡し済", r"窓口でお渡し", r"配達済", r"受取済", r"投函完了", r"配送完了",
                   r"引渡完了", r"配達終了", r"お届け先にお届け"]),
    (F.delayed, [r"遅延", r"延着"]),
    (F.exception, [r"調査中", r"事故"]),
    (F.export_clearance, [r"輸出通関(?:手続)?中", r"輸出(?:申告|検査)"], (r"輸入", r"完了")),
    (F.departed, [r"輸出通関(?:手続)?完了", r"国際交換局から発送", r"航空機に搭載", r"出国"], (r"輸入",)),
    (F.customs_released, [r"通関(?:手続)?(?:完了|済)", r"輸入許可"]),
    (F.customs, [r"通関", r"税関"]),
    (F.picked_up, [r"荷物受付", r"引受", r"集荷", r"荷受"]),
])

__all__ = ["RULES"]
