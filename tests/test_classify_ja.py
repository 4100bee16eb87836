"""Japanese rule families on real Japan Post / Yamato / Sagawa labels from the corpus' TRAIN split
(data/corpus/events/ja.csv; the held-out split is never used to write rules or tests)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus
check = checker("ja")


@pytest.mark.parametrize(("text", "sub"), [
    # 持戻 (taken back) with its reason in brackets: the reason names the failure
    ("持戻（ご不在）", U.nobody_home),
    ("持戻（休業）", U.nobody_home),
    ("持戻（住所不明）", U.bad_address),
    ("持戻（転居）", U.bad_address),
    ("持戻（受取ご辞退）", U.refused),
    ("調査中（転居先不明）", U.bad_address),
    ("持戻（宅配BOX不可）120以上", None),  # a home delivery box that could not be used is no locker
    ("持戻", None),
])
def test_taken_back_with_a_reason(text, sub) -> None:
    check(text, S.delivery_failed, sub)


@pytest.mark.parametrize(("text", "status"), [
    ("配達完了（宅配ボックス）", S.delivered),        # into the home's own delivery box: delivered
    ("保管中（ご指定店）", S.available_for_pickup),    # held at the office the buyer chose
    ("配達担当店保管中", S.in_transit),                # held at the delivering office before delivery
    ("依頼受付（保管）", S.in_transit),                # a request to hold, not yet held
    ("コンビニエンスストアに引渡", S.available_for_pickup),
])
def test_held_and_delivered_boxes(text, status) -> None:
    check(text, status)


@pytest.mark.parametrize(("text", "status", "sub"), [
    ("差出人に返送", S.returning, U.returning),
    ("差出人に返送済み", S.returned, U.returned),
    ("返品完了", S.returned, U.returned),
    ("通関手続中", S.in_transit, U.customs_processing),
    ("国際交換局から発送", S.in_transit, U.departed_origin),
    ("⇒配達完了", S.delivered, None),                # Sagawa's page label, arrow and all
])
def test_returns_customs_and_odd_marks(text, status, sub) -> None:
    check(text, status, sub)
