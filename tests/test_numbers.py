"""Carrier identification from number formats and check digits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carriers.numbers import (
    FORMATS,
    Identification,
    detect_carrier,
    identify,
    mod7,
    mod10,
    normalize_number,
    s10_check_digit,
    s10_post,
    weighted_mod11_mod10,
)
from trackmon.errors import InvalidTrackingNumber


def _s10(prefix: str, serial: str, country: str) -> str:
    return f"{prefix}{serial}{s10_check_digit(serial)}{country}"


def test_s10_check_digit_worked_example() -> None:
    # 1*8 + 2*6 + 3*4 + 4*2 + 5*3 + 6*5 + 7*9 + 8*7 = 204; 204 % 11 = 6; 11 - 6 = 5
    assert s10_check_digit("12345678") == 5


@pytest.mark.parametrize(("serial", "expected"), [
    ("00000000", 5),   # sum 0: 11 - 0 = 11 → 5
    ("00000001", 4),   # 1*7 = 7: 11 - 7 = 4
    ("00000007", 6),   # 7*7 = 49, 49 % 11 = 5: 11 - 5 = 6
])
def test_s10_check_digit_special_remainders(serial: str, expected: int) -> None:
    assert s10_check_digit(serial) == expected


def test_s10_remainder_one_gives_zero() -> None:
    # weight 2 on the 4th digit: 6*2 = 12 → 12 % 11 = 1 → 11 - 1 = 10 → 0
    assert s10_check_digit("00060000") == 0


def test_s10_check_digit_rejects_bad_serial() -> None:
    with pytest.raises(ValueError, match="8 digits"):
        s10_check_digit("1234567")


@pytest.mark.parametrize(("number", "carrier", "country", "service"), [
    ("RB123456785CN", "china-post", "CN", "Letter Post Registered"),
    ("LP123456785CN", "china-post", "CN", None),
    ("UA123456785RU", "russian-post", "RU", "Letter Post Misc"),
    ("EA123456785US", "usps", "US", "EMS"),
    ("RB123456785GB", "royal-mail", "GB", "Letter Post Registered"),  # json test vector
    ("CP123456785ES", "correos", "ES", "Parcel Post"),
    ("LB123456785BR", "correios", "BR", "Letter Post Express"),
    ("RB123456785CV", "correios-de-cabo-verde", "CV", "Letter Post Registered"),  # json test vector
])
def test_s10_valid(number: str, carrier: str, country: str, service: str | None) -> None:
    ident = detect_carrier(number)
    assert ident.carrier == carrier
    assert ident.origin_country == country
    assert ident.valid_check_digit is True
    assert ident.format == "s10"
    if service is not None:
        assert ident.service == service


def test_s10_generated_numbers_validate() -> None:
    for serial in ("00000000", "99999999", "31415926", "27182818", "00060000"):
        number = _s10("RR", serial, "CN")
        assert detect_carrier(number).carrier == "china-post", number


def test_s10_wrong_check_digit_raises_with_figures() -> None:
    with pytest.raises(InvalidTrackingNumber) as err:
        detect_carrier("RB123456783CN")
    assert err.value.reason == "check digit is 3, expected 5 (UPU S10 mod 11)"
    assert err.value.number == "RB123456783CN"


def test_s10_unknown_country_is_not_s10() -> None:
    # json test vector "RB123456785XX": XX is no ISO country, so not S10 → aggregator may try
    assert identify("RB123456785XX") == []
    ident = detect_carrier("RB123456785XX")
    assert ident.carrier is None
    assert ident.number == "RB123456785XX"


def test_s10_post_fallback_slug() -> None:
    assert s10_post("CL") == "correos-chile"
    assert s10_post("ZW")  # a slug of the operator's name from the data
    assert s10_post("XX") is None


@pytest.mark.parametrize("number", [
    "1Z999AA10123456784",
    "1Z5R89390357567127",  # json test vectors
    "1Z879E930346834440",
    "1ZXX3150YW44070023",
    " 1 Z 8 V 9 2 A 7 0 3 6 7 2 0 3 0 2 4 ",
])
def test_ups_1z_valid(number: str) -> None:
    ident = detect_carrier(number)
    assert (ident.carrier, ident.format, ident.valid_check_digit) == ("ups", "ups_1z", True)


def test_ups_service_from_data() -> None:
    assert detect_carrier("1ZXX3150YW44070023").service == "UPS SurePost - Delivered by the USPS"
    assert detect_carrier("1Z999AA10123456784").service == "UPS United States Next Day Air (Red)"


@pytest.mark.parametrize(("number", "given", "expected"), [
    ("1Z999AA10123456783", 3, 4),
    ("1Z1111111111111111", 1, mod10("1" * 15, evens=1, odds=2)),
])
def test_ups_1z_wrong_check_digit_raises(number: str, given: int, expected: int) -> None:
    with pytest.raises(InvalidTrackingNumber, match=f"check digit is {given}, expected {expected} "):
        detect_carrier(number)


def test_ups_waybill() -> None:
    assert detect_carrier("K1506235620").carrier == "ups"
    assert [i.valid_check_digit for i in identify("K1506235622")] == [False]


@pytest.mark.parametrize("number", [
    "9400111206206406260787",            # json test vectors (IMpb N)
    "9400 1112 0108 0805 4830 16",
    "9261292700768711948021",            # IMpb C
    "9505 5110 6960 5048 6006 24",
    "9361 2898 7870 0317 6337 95",
    "92748931507708513018050063",        # 26 digits
    "420787459400111206206406260787",    # routing prefix 420 + ZIP
    "4201002334249200190132607600833457",  # 420 + ZIP+4
    "9101 1234 5678 9000 0000 13",       # legacy 91
])
def test_usps_impb_valid(number: str) -> None:
    ident = detect_carrier(number)
    assert (ident.carrier, ident.valid_check_digit) == ("usps", True)
    assert ident.format == "usps_impb"


def test_usps_impb_check_computed() -> None:
    body = "940011120620640626078"
    assert mod10(body, evens=3, odds=1, reverse=True) == 7
    for tail in ("1234567890123456789", "0000000000000000001"):
        serial = "92" + tail
        number = serial + str(mod10(serial, evens=3, odds=1, reverse=True))
        assert detect_carrier(number).carrier == "usps", number


@pytest.mark.parametrize("number", ["9434611206206407667131", "9200000000000000000000", "9101123456789000000014"])
def test_usps_impb_wrong_check_digit_raises(number: str) -> None:
    with pytest.raises(InvalidTrackingNumber, match=r"USPS IMpb mod 10"):
        detect_carrier(number)


def test_usps_20_plain_and_legacy() -> None:
    assert detect_carrier("0307 1790 0005 2348 3741").carrier == "usps"
    assert detect_carrier("7196 9010 7560 0307 7385").carrier == "usps"  # check with "91" prepended
    assert detect_carrier("03071790000523483742").carrier is None  # weak format: not raised


@pytest.mark.parametrize(("number", "fmt"), [
    ("986578788855", "fedex_12"),           # json test vectors
    ("477179081230", "fedex_12"),
    ("0414 4176 0228 964", "fedex_15"),
    ("5682 8361 0012 734", "fedex_15"),
    ("9611020987654312345672", "fedex_96"),
    ("00 0123 4500 0000 0027", "fedex_sscc18"),
    ("1001921334250001000300779017972697", "fedex_34"),
    ("9622001900000000000000776632517510", "fedex_gsn"),
    ("32971514560102447849175802862014", "fedex_astra"),
])
def test_fedex_valid(number: str, fmt: str) -> None:
    ident = detect_carrier(number)
    assert (ident.carrier, ident.format, ident.valid_check_digit) == ("fedex", fmt, True)


def test_fedex_12_computed() -> None:
    serial = "12345678901"
    check = weighted_mod11_mod10(serial, (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1))
    assert detect_carrier(serial + str(check)).carrier == "fedex"
    wrong = serial + str((check + 1) % 10)
    assert [i.valid_check_digit for i in identify(wrong)] == [False]
    # a 12-digit number failing FedEx's check may belong to another carrier: not refused
    assert detect_carrier(wrong).carrier is None


def test_fedex_96_wrong_check_digit_raises() -> None:
    with pytest.raises(InvalidTrackingNumber, match=r"FedEx Ground 96 mod 10"):
        detect_carrier("9611020987654312345671")


@pytest.mark.parametrize("number", ["3318810025", "73891051146", "8487135506", "1099255990"])
def test_dhl_express_valid(number: str) -> None:
    ident = detect_carrier(number)
    assert (ident.carrier, ident.format) == ("dhl", "dhl_express")


def test_dhl_express_mod7_computed() -> None:
    assert mod7("331881002") == 5
    assert [i.valid_check_digit for i in identify("3318810010")] == [False]
    assert detect_carrier("3318810010").carrier is None


def test_ambiguous_34_digits_prefers_usps_over_fedex() -> None:
    candidates = identify("4201028200009261290113185417468510")
    assert [(c.carrier, c.valid_check_digit) for c in candidates] == [("usps", True), ("fedex", True)]
    assert detect_carrier("4201028200009261290113185417468510").carrier == "usps"


def test_valid_candidates_sorted_first() -> None:
    # 11 digits: UPS waybill does not apply (no letter); DHL Express 11 is the only format
    candidates = identify("73891051146")
    assert candidates and candidates[0].valid_check_digit


def test_normalize_number() -> None:
    assert normalize_number(" rb 1234-5678 5cn\t") == "RB123456785CN"
    assert normalize_number("1z 999–aa1 0123456784") == "1Z999AA10123456784"


@pytest.mark.parametrize(("number", "fragment"), [
    ("", "empty"),
    ("AB1", "3 characters"),
    ("A" * 41, "41 characters"),
    ("RB12345678#CN", "'#'"),
    ("ЯБ123456785CN", "other than letters and digits"),
])
def test_malformed_numbers_raise(number: str, fragment: str) -> None:
    with pytest.raises(InvalidTrackingNumber) as err:
        detect_carrier(number)
    assert fragment in err.value.reason


@pytest.mark.parametrize("number", ["QT2312345678901234", "LQ00123456789012", "SX1234567890123", "UG123456789CN9",
                                    "YT231234567890123", "LP0012345678901", "SF12345678901234"])
def test_unknown_format_returns_no_carrier(number: str) -> None:
    ident = detect_carrier(number)
    assert ident == Identification(carrier=None, number=normalize_number(number), valid_check_digit=False)


def test_every_format_has_unique_id() -> None:
    assert len({f.id for f in FORMATS}) == len(FORMATS)


@settings(max_examples=150, deadline=None)
@given(serial=st.text(alphabet="0123456789", min_size=8, max_size=8), wrong=st.integers(1, 9))
def test_s10_round_trip_and_every_wrong_check_digit_refused(serial: str, wrong: int) -> None:
    check = s10_check_digit(serial)
    assert detect_carrier(f"RR{serial}{check}CN").carrier == "china-post"
    bad = (check + wrong) % 10  # never equal to check: wrong is 1..9
    with pytest.raises(InvalidTrackingNumber, match=f"check digit is {bad}, expected {check} "):
        detect_carrier(f"RR{serial}{bad}CN")


@settings(max_examples=150, deadline=None)
@given(body=st.text(alphabet="0123456789ABCDEFGHJKLMNPRSTUVWXYZ", min_size=15, max_size=15), wrong=st.integers(1, 9))
def test_ups_round_trip_and_single_digit_errors_caught(body: str, wrong: int) -> None:
    check = mod10(body, evens=1, odds=2)
    assert detect_carrier(f"1Z{body}{check}").carrier == "ups"
    with pytest.raises(InvalidTrackingNumber, match="UPS 1Z mod 10"):
        detect_carrier(f"1Z{body}{(check + wrong) % 10}")


@pytest.mark.parametrize(("number", "carrier"), [
    ("YT2312345678901234", "yunexpress"), ("LP00123456789012", "cainiao"), ("SF1234567890123", "sf-express"),
    ("4PX3000123456789CN", "4px"), ("UG123456789YP", "yanwen"), ("JT5012345678901", "jtexpress"),
    ("GM2951173225174494", "dhl-ecommerce"), ("JJD14999020001234567", "dhl-paket")])
def test_china_carriers_are_known_offline_without_a_check_digit(number: str, carrier: str) -> None:
    ident = detect_carrier(number)
    assert (ident.carrier, ident.check_digit, ident.valid_check_digit) == (carrier, False, True)
    assert ident.problem is None and ident.service


def test_a_checked_candidate_outranks_a_china_format() -> None:
    # 12 digits: FedEx Express (mod 11) if the check holds; no China format is all digits
    assert detect_carrier("986578788855").carrier == "fedex"
