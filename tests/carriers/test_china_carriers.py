"""The carriers of cross-border China: offline recognition and the codes sent to the aggregators."""

from __future__ import annotations

import json

import httpx
import pytest

from carriers import aftership, registry, track17
from carriers.base import TrackRequest
from carriers.numbers import FORMATS, detect_carrier, identify, s10_check_digit
from tests.carriers.helpers import build_adapter
from trackmon.errors import InvalidTrackingNumber

#: number in the carrier's published/observed format → (trackmon carrier, 17TRACK key, AfterShip slug or
#: None). Keys: 17TRACK's carrier list (apicarrier.all.json, three public copies agree); slugs:
#: AfterShip's courier list (AfterShip/aftership-apps-woocommerce assets/js/couriers.json), which has
#: no J&T China courier ("jtexpress" there is J&T Malaysia), so none is sent for J&T.
CASES = {
    "YT2229521272164446": ("yunexpress", 190008, "yunexpress"),
    "LP00512345678901": ("cainiao", 190271, "cainiao"),
    "4PX3000123456789CN": ("4px", 190094, "4px"),
    "UG123456789YP": ("yanwen", 190012, "yanwen"),
    "SF1234567890123": ("sf-express", 100012, "sf-express"),
    "JT5012345678901": ("jtexpress", 190442, None),
    "GM2951173225174494": ("dhl-ecommerce", 7047, "dhl-global-mail"),
    "JJD14999020001234567": ("dhl-paket", 7041, "dhl-germany"),
}
_WEAK = [(m.name, f) for m in registry.manifests().values() for f in m.formats if f.regex is not None]


@pytest.mark.parametrize("number", sorted(CASES))
def test_recognised_offline(number: str) -> None:
    ident = detect_carrier(number)
    assert ident.carrier == CASES[number][0]
    assert ident.check_digit is False and ident.valid_check_digit


@pytest.mark.parametrize("number", sorted(CASES))
def test_spaced_and_lower_case_numbers_are_recognised(number: str) -> None:
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4)).lower()
    assert detect_carrier(spaced).carrier == CASES[number][0]


@pytest.mark.parametrize(("carrier", "fmt"), _WEAK, ids=lambda v: getattr(v, "id", v))
def test_every_format_has_a_source_and_its_examples_hold(carrier: str, fmt) -> None:
    assert fmt.source.strip() and fmt.confidence in ("published", "observed")
    assert fmt.examples and fmt.not_examples
    for number in fmt.examples:
        assert detect_carrier(number).carrier == carrier, number
    for number in fmt.not_examples:
        try:
            found = detect_carrier(number).carrier
        except InvalidTrackingNumber:
            found = None
        assert found != carrier, number


def test_every_new_carrier_has_its_aggregator_codes_and_known_keys_are_distinct() -> None:
    for carrier, key, slug in CASES.values():
        assert track17.CARRIER_KEYS[carrier] == key
        assert aftership.SLUGS.get(carrier) == slug
    keys = list(track17.CARRIER_KEYS.values())
    assert len(keys) == len(set(keys))


def test_no_china_format_has_a_check_digit_and_all_rank_below_checked_formats() -> None:
    china = [f for f in FORMATS if not f.check_digit]
    assert {f.id for f in china} == {f.id for _, f in _WEAK}
    assert all(not f.strong for f in china)
    # a valid checked candidate is always preferred, whatever the ranks
    assert max(f.rank for f in china) < min(f.rank for f in FORMATS if f.check_digit and f.strong)


def test_s10_numbers_stay_with_the_s10_check_digit() -> None:
    serial = "12345678"
    good = f"UG{serial}{s10_check_digit(serial)}CN"
    assert detect_carrier(good).carrier == "china-post"
    bad = f"UG{serial}{(s10_check_digit(serial) + 1) % 10}CN"
    with pytest.raises(InvalidTrackingNumber):  # a typo in an S10 number is not a Yanwen guess
        detect_carrier(bad)
    assert all(i.format == "s10" for i in identify(bad))
    # LP + 9 digits + CN is China Post's S10 (Cainiao's own numbers are LP + 14 digits)
    lp = f"LP{serial}{s10_check_digit(serial)}CN"
    assert detect_carrier(lp).carrier == "china-post"


@pytest.mark.parametrize("number", ["1Z5R89390357567127", "9400111206206406260787", "986578788855"])
def test_strong_and_checked_formats_still_win(number: str) -> None:
    assert detect_carrier(number).check_digit is True


@pytest.mark.parametrize("number", ["YT12345", "LP0051234567890", "SF12345678901234X", "JJD0002257639032011",
                                    "GMABCDEFGHIJKL", "QQ1234567890123", "4PX12"])
def test_numbers_fitting_nothing_stay_unknown(number: str) -> None:
    assert detect_carrier(number).carrier is None


async def test_17track_register_sends_the_carrier_key_for_each_known_new_carrier() -> None:
    seen: list[list[dict]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json={"code": 0, "data": {"accepted": [], "rejected": []}})

    adapter = build_adapter(track17.Track17, handler, api_key="k")
    await adapter.fetch([TrackRequest(n, detect_carrier(n).carrier) for n in sorted(CASES)])
    sent = {item["number"]: item.get("carrier") for item in seen[0]}
    assert sent == {n: CASES[n][1] for n in CASES}


@pytest.mark.parametrize("number", sorted(CASES))
async def test_aftership_lookup_and_create_send_the_slug(number: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "GET":
            return httpx.Response(200, json={"meta": {"code": 200}, "data": {"trackings": []}})
        return httpx.Response(201, json={"meta": {"code": 201}, "data": {"tracking_number": number}})

    adapter = build_adapter(aftership.AfterShip, handler, api_key="k")
    await adapter.fetch([TrackRequest(number, detect_carrier(number).carrier)])
    assert seen[0].url.params.get("slug") == CASES[number][2]
    assert json.loads(seen[1].content).get("slug") == CASES[number][2]


@pytest.mark.parametrize("number", sorted(CASES))
def test_the_aggregators_answer_is_read_back_as_the_same_carrier(number: str) -> None:
    carrier, key, slug = CASES[number]
    assert registry.carrier_for_code("17track")[key] == carrier
    if slug is not None:
        assert registry.carrier_for_code("aftership")[slug] == carrier


@pytest.mark.parametrize("prefix", ["LX", "LK", "LZ", "LA", "EA", "RB", "CP", "UG"])
def test_china_post_epacket_and_s10_variants_go_with_china_posts_codes(prefix: str) -> None:
    number = f"{prefix}12345678{s10_check_digit('12345678')}CN"
    assert detect_carrier(number).carrier == "china-post" and detect_carrier(number).check_digit
    assert (track17.CARRIER_KEYS["china-post"], aftership.SLUGS["china-post"]) == (3011, "china-post")
