"""Event lines, places, estimates and the pickup hold: the pure parts of what buyers read."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from trackmon import locales
from trackmon.messaging.estimate import Figures, default_figures, estimate
from trackmon.messaging.event_lines import EventFacts, event_line, event_stage
from trackmon.messaging.facts import last_mile_carrier
from trackmon.messaging.pickup import hold
from trackmon.messaging.places import readable_place, scripts
from trackmon.models import Shipment

T = datetime(2026, 10, 20, 8, tzinfo=UTC)
ARRIVED = datetime(2026, 10, 26, 8, tzinfo=UTC)


def ev(status: str = "in_transit", sub: str | None = None, location: str | None = None,
       country: str | None = "CN", time: datetime = T) -> EventFacts:
    return EventFacts(time, status, sub, location, country)


def line(e: EventFacts, lang: str, **kw: object) -> str:
    return event_line(e, lang, origin="CN", destination="US", **kw)  # type: ignore[arg-type]


LANGUAGES = locales.languages()
EVENT_KEYS = {"label", "accepted", "origin_sorting", "departed_origin", "departed_origin_hidden", "in_flight",
              "arrived", "customs", "customs_held", "customs_duties", "customs_information", "customs_released",
              "dest_sorting", "out_for_delivery", "pickup", "failed", "delivered", "returning", "returned",
              "lost", "problem"}


def test_every_language_has_every_phrase_event_lines_use() -> None:
    for lang in LANGUAGES:
        assert set(locales.table(lang, "events")) == EVENT_KEYS, lang


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr", "de"])
def test_chinese_places_are_romanized_for_latin_readers(lang: str) -> None:
    text = line(ev(location="【深圳邮区中心】"), lang)
    assert "Shenzhen Youqu Zhongxin" in text and not scripts(text) & {"han", "cyrillic"}
    assert readable_place("Москва, Внуково ММПО", lang) == "Moskva, Vnukovo MMPO"


def test_russian_readers_keep_cyrillic_and_get_chinese_romanized() -> None:
    assert readable_place("Екатеринбург 620014", "ru") == "Екатеринбург 620014"
    text = line(ev(location="广州国际"), "ru")
    assert "Guangzhou Guoji" in text and "Китай" in text and "han" not in scripts(text)


def test_a_place_in_an_unreadable_script_is_named_generically() -> None:
    assert readable_place("ศูนย์คัดแยก", "en") is None
    assert line(ev(location="ศูนย์คัดแยก"), "en") == "The parcel was processed at a sorting centre — China"
    accepted = ev(sub="picked_up", location="ศูนย์คัดแยก")
    assert line(accepted, "en") == "The carrier accepted the parcel — a sorting centre in China"
    assert "сортировочный центр, Китай" in line(accepted, "ru")


def test_hide_origin_names_no_origin_city_and_no_origin_country() -> None:
    for lang in LANGUAGES:
        accepted = line(ev(sub="picked_up", location="Shenzhen Mail Processing Centre"), lang, hide_origin=True)
        left = line(ev(sub="departed_origin", location="Guangzhou International"), lang, hide_origin=True)
        for text in (accepted, left):
            assert "Shenzhen" not in text and "Guangzhou" not in text
            assert "China" not in text and "Chine" not in text and "Китай" not in text
    assert line(ev(sub="departed_origin"), "en") == "The parcel left China"


def test_stage_of_an_event() -> None:
    where = {"origin": "CN", "destination": "US", "arrived_at": ARRIVED, "departed_at": None}
    assert event_stage(ev(), **where) == "origin"
    assert event_stage(ev(country="FI"), **where) == "international"
    assert event_stage(ev(country="US", time=ARRIVED), **where) == "destination"
    assert event_stage(ev(sub="customs_held", country="US"), **where) == "customs"


def test_line_is_never_the_carriers_text_and_unknown_says_nothing() -> None:
    assert line(ev(status="unknown"), "en") == ""
    assert line(ev(status="exception", sub="lost"), "de") == "Der Versanddienst hat das Paket als verloren gemeldet"
    assert line(ev(status="available_for_pickup", location="DENVER, CO 80202", country="US"), "en") == (
        "The parcel is waiting to be collected — DENVER, CO 80202")


def test_last_mile_carrier_comes_from_the_destination_leg() -> None:
    postal = Shipment(order_pk=1, tracking_number="LK1CN", carrier="china-post", last_mile_carrier="China Post",
                      created_at=T)
    assert last_mile_carrier(postal, "US", "en") == "USPS"
    assert last_mile_carrier(postal, "RU", "ru") == "Почта России"
    assert last_mile_carrier(postal, "RU", "de") == "Russian Post"
    assert last_mile_carrier(postal, "RU", "pl") == "Poczta Rosyjska"  # the [national_posts] of pl/locale.toml
    assert last_mile_carrier(postal, "PL", "pl") == "Poczta Polska"
    assert last_mile_carrier(postal, "IT", "it") == "Poste Italiane"
    named = Shipment(order_pk=1, tracking_number="LK1CN", carrier="china-post", last_mile_carrier="GLS",
                     created_at=T)
    assert last_mile_carrier(named, "DE", "de") == "GLS"
    express = Shipment(order_pk=1, tracking_number="1Z", carrier="ups", created_at=T)
    assert last_mile_carrier(express, "US", "en") == "UPS"
    assert last_mile_carrier(postal, "ZZ", "en") == ""


FIG = Figures(route=(18, 30), after_arrival=(2, 8))
SHIPPED = date(2026, 10, 19)


def test_shipped_window_agrees_with_the_route_range() -> None:
    est = estimate(FIG, shipped_on=SHIPPED, today=SHIPPED)
    assert (est.usual_from - SHIPPED).days == est.days_min == 18
    assert (est.usual_to - SHIPPED).days == est.days_max == 30
    assert est.window_from == est.usual_from and not est.overdue


def test_after_arrival_the_window_follows_the_arrival() -> None:
    est = estimate(FIG, shipped_on=SHIPPED, today=date(2026, 10, 27), arrived_on=date(2026, 10, 26))
    assert (est.window_from, est.window_to) == (date(2026, 10, 28), date(2026, 11, 3))


def test_a_passed_window_is_never_given_again_and_the_parcel_is_overdue() -> None:
    today = date(2026, 11, 23)
    est = estimate(FIG, shipped_on=SHIPPED, today=today, arrived_on=date(2026, 10, 26))
    assert est.overdue and est.window_to > today and (est.window_from is None or est.window_from > today)
    before_arrival = estimate(FIG, shipped_on=SHIPPED, today=today)
    assert before_arrival.overdue and before_arrival.promised_to == date(2026, 11, 18)
    assert before_arrival.window_from and before_arrival.window_from > today
    promised = estimate(FIG, shipped_on=SHIPPED, today=date(2026, 11, 10), promised=date(2026, 11, 5))
    assert promised.overdue and promised.promised_to == date(2026, 11, 5)


def test_a_begun_window_is_given_by_its_end() -> None:
    est = estimate(FIG, shipped_on=SHIPPED, today=date(2026, 11, 10))
    assert est.window_from is None and est.window_to == date(2026, 11, 18) and not est.overdue


def test_default_figures() -> None:
    assert default_figures(30) == Figures((18, 30), (2, 8))


def test_pickup_hold_counts_from_the_day_after_arrival() -> None:
    held = hold(date(2026, 11, 3), 15)
    assert held.last_day == date(2026, 11, 18)
    assert held.days_left(date(2026, 11, 6)) == 12
    assert held.days_left(date(2026, 11, 18)) == 0 and not held.ended(date(2026, 11, 18))
    assert held.ended(date(2026, 11, 19))
    assert held.reminder_day() == date(2026, 11, 14)
    assert hold(date(2026, 11, 3), 3).reminder_day() == date(2026, 11, 5)  # never right after the first


def test_customs_stage_is_the_destinations_only() -> None:
    """Export clearance at origin (a CN scan, or no country before the parcel left) is not
    "customs in your country"; a customs scan abroad, or after departure, is."""
    from datetime import UTC, datetime

    from trackmon.messaging.event_lines import EventFacts, event_stage

    t = datetime(2026, 11, 2, tzinfo=UTC)
    left = datetime(2026, 11, 1, tzinfo=UTC)
    where = {"origin": "CN", "destination": "ES", "arrived_at": None}
    export_cn = EventFacts(t, "in_transit", "customs_processing", "Shenzhen", "CN")
    unknown_before = EventFacts(t, "in_transit", "customs_processing", None, None)
    import_es = EventFacts(t, "in_transit", "customs_held", "Madrid", "ES")
    assert event_stage(export_cn, departed_at=None, **where) == "origin"
    assert event_stage(unknown_before, departed_at=None, **where) == "origin"
    assert event_stage(unknown_before, departed_at=left, **where) == "customs"
    assert event_stage(import_es, departed_at=None, **where) == "customs"
