# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Korean carrier wording: Korea Post, CJ Logistics and the domestic couriers.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

RULES = table("ko", [
    (F.sender_attempt, [r"운송장", r"^접수", r"점포접수", r"발송취급점"], (r"취소",)),
    (F.point, [r"점포도착"]),
    (F.failed, [r"미배달", r"미배송"]),
    (F.exception, [r"취소"]),
    (F.out_for_delivery, [r"배달중", r"배송출발", r"배달 중", r"배송출고", r"배송기사 인계", r"직원 배송중", r"배달전"]),
    (F.out_for_delivery, [r"배달준비"], (), "n"),  # "준비" reads as a plan; Korea Post's 배달준비 is the van leaving
    (F.delivered, [r"배달완료", r"배송완료", r"고객전달", r"인수확인"]),
    (F.picked_up, [r"집하", r"집화", r"접수"]),
])

__all__ = ["RULES"]
