"""Offline carrier identification from a tracking number's format and check digit.

Pure. The formats are declared by the carriers' manifests (`formats` of each
`CarrierManifest`, with its public source); this module holds the check-digit algorithms
they use (matchers such as `ups_1z`, `fedex_96`, named "carriers.numbers:ups_1z" in a
manifest), UPU S10 (the postal operators' common format, with `number_formats.json` derived
from the MIT-licensed jkeen/tracking_number_data) and the ranking.

Formats are *strong* when their shape alone names the carrier (UPU S10, UPS "1Z", USPS IMpb
"92…95", FedEx "96"): a strong match with a wrong check digit is a typo, and
`detect_carrier` refuses it. Formats that are only a count of digits (FedEx 12/15, DHL
Express 10/11, USPS 20, SSCC-18…) are *weak*: many other carriers (SF Express, YunExpress…)
use the same lengths, so failing their check only means "not that carrier".

Formats declared with a `regex` (Cainiao, YunExpress, 4PX, Yanwen, SF Express, J&T, DHL
eCommerce, DHL Paket) are a prefix and a count of characters with no check digit
(`check_digit=False`): they rank below every format with a check digit and are dropped
whenever a strong format fits the number's shape, so an S10 number is decided by its S10
check digit alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from carriers import registry
from carriers.manifest import resolve
from carriers.registry import derived
from trackmon.errors import InvalidTrackingNumber

MIN_LENGTH = 5
MAX_LENGTH = 40
_STRIP = re.compile(r"[\s\-‐‑‒–—―]+")
_ALNUM = re.compile(r"[A-Z0-9]+")

#: S10 issuing country → trackmon carrier name. Other countries get a slug of the postal
#: operator's name from the format data ("Correos de Chile" → "correos-de-chile").
S10_POSTS: dict[str, str] = {
    "CN": "china-post", "HK": "hongkong-post", "SG": "singpost", "MY": "malaysia-post",
    "TW": "chunghwa-post", "JP": "japan-post", "KR": "korea-post", "TH": "thailand-post",
    "IN": "india-post", "RU": "russian-post", "UA": "ukrposhta", "BY": "belpost",
    "KZ": "kazpost", "US": "usps", "CA": "canada-post", "MX": "correos-mexico",
    "BR": "correios", "AR": "correo-argentino", "CL": "correos-chile", "CO": "4-72",
    "PE": "serpost", "GB": "royal-mail", "IE": "an-post", "DE": "deutsche-post",
    "FR": "la-poste", "ES": "correos", "PT": "ctt", "IT": "poste-italiane",
    "NL": "postnl", "BE": "bpost", "CH": "swiss-post", "AT": "austrian-post",
    "PL": "poczta-polska", "CZ": "ceska-posta", "SE": "postnord", "DK": "postnord",
    "NO": "posten-norge", "FI": "posti", "IL": "israel-post", "TR": "ptt",
    "AU": "australia-post", "NZ": "nz-post", "ZA": "sapo", "SA": "saudi-post",
    "AE": "emirates-post", "GH": "ghana-post", "NG": "nipost",
}


@dataclass(frozen=True, slots=True)
class Identification:
    """One candidate carrier for a number.

    `carrier` is trackmon's name ("ups", "usps", "fedex", "dhl", "china-post"…) or None
    when the number is well formed but no known format matches. `problem` says why the check
    digit failed; `format` names the matched format ("s10", "ups_1z", "usps_impb"…).
    """

    carrier: str | None
    number: str
    valid_check_digit: bool
    service: str | None = None
    origin_country: str | None = None
    format: str | None = None
    problem: str | None = None
    check_digit: bool = True  # False: the format has none; `valid_check_digit` means "fits"


@dataclass(frozen=True, slots=True)
class Check:
    given: int
    expected: int | tuple[int, ...]
    algorithm: str

    @property
    def ok(self) -> bool:
        expected = self.expected if isinstance(self.expected, tuple) else (self.expected,)
        return self.given in expected

    @property
    def problem(self) -> str | None:
        if self.ok:
            return None
        expected = self.expected if isinstance(self.expected, tuple) else (self.expected,)
        shown = " or ".join(str(e) for e in expected)
        return f"check digit is {self.given}, expected {shown} ({self.algorithm})"


@dataclass(frozen=True, slots=True)
class Match:
    check: Check
    service: str | None = None
    origin_country: str | None = None
    carrier: str | None = None  # overrides the format's carrier (S10)


@dataclass(frozen=True, slots=True)
class _Format:
    id: str
    carrier: str
    strong: bool
    rank: int  # higher wins among valid candidates
    matcher: Callable[[str], Iterator[Match]]
    check_digit: bool = True


# ---------------------------------------------------------------- check-digit algorithms

def _char_value(c: str) -> int:
    """A digit's value; letters as UPS encodes them (A=2, B=3 … in a cycle of ten)."""
    return int(c) if c.isdigit() else (ord(c) - 3) % 10


def mod10(sequence: str, *, evens: int = 1, odds: int = 1, reverse: bool = False) -> int:
    """Expected check digit of a weighted mod-10 (positions counted from 0)."""
    chars = sequence[::-1] if reverse else sequence
    total = 0
    for i, c in enumerate(chars):
        total += _char_value(c) * (odds if i % 2 else evens)
    return (10 - total % 10) % 10


def weighted_mod11_mod10(sequence: str, weights: tuple[int, ...]) -> int:
    """FedEx Express: sum of digit × weight, modulo 11, then modulo 10."""
    if len(sequence) != len(weights):
        raise ValueError(f"{len(sequence)} digits for {len(weights)} weights")
    return sum(int(c) * w for c, w in zip(sequence, weights, strict=True)) % 11 % 10


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of the 8-digit serial (weights 8 6 4 2 3 5 9 7, modulo 11)."""
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError(f"S10 serial must be 8 digits, got {serial!r}")
    rest = 11 - sum(int(c) * w for c, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11
    return {10: 0, 11: 5}.get(rest, rest)


def mod7(serial: str) -> int:
    return int(serial) % 7


# ---------------------------------------------------------------- format data

@cache
def _data() -> dict:
    text = resources.files("carriers").joinpath("number_formats.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _s10_services() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(s["regex"]), s["name"]) for s in _data()["s10_service_types"])


def s10_post(country: str) -> str | None:
    """trackmon carrier name of the postal operator issuing S10 numbers for `country`."""
    country = country.upper()
    if country in S10_POSTS:
        return S10_POSTS[country]
    entry = _data()["s10_countries"].get(country)
    if entry is None:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", entry["post"].casefold()).strip("-")
    return slug or None


# ---------------------------------------------------------------- matchers

def _one(pattern: str) -> Callable[[Callable[[re.Match[str]], Match]], Callable[[str], Iterator[Match]]]:
    compiled = re.compile(pattern)

    def wrap(build: Callable[[re.Match[str]], Match]) -> Callable[[str], Iterator[Match]]:
        def matcher(number: str) -> Iterator[Match]:
            m = compiled.fullmatch(number)
            if m:
                yield build(m)
        return matcher
    return wrap


def _s10(number: str) -> Iterator[Match]:
    m = re.fullmatch(r"([A-Z]{2})(\d{8})(\d)([A-Z]{2})", number)
    if not m or m[4] not in _data()["s10_countries"]:
        return
    service = next((name for rx, name in _s10_services() if rx.fullmatch(m[1])), None)
    yield Match(Check(int(m[3]), s10_check_digit(m[2]), "UPU S10 mod 11"),
                 service=service, origin_country=m[4], carrier=s10_post(m[4]))


@_one(r"1Z([A-Z0-9]{6})([A-Z0-9]{2})([A-Z0-9]{7})(\d)")
def ups_1z(m: re.Match[str]) -> Match:
    body = m[1] + m[2] + m[3]
    check = Check(int(m[4]), mod10(body, evens=1, odds=2), "UPS 1Z mod 10")
    return Match(check, service=_data()["ups_service_types"].get(m[2], "UPS"))


@_one(r"([AHJKTV])(\d{9})(\d)")
def ups_waybill(m: re.Match[str]) -> Match:
    check = Check(int(m[3]), mod10(m[2], evens=1, odds=2), "UPS waybill mod 10")
    return Match(check, service="UPS waybill")


def usps_impb(number: str) -> Iterator[Match]:
    """IMpb 9[1-5] + 20/24/28 digits, optionally after a 420+ZIP(+4) routing prefix."""
    bodies = [number]
    if number.startswith("420"):
        bodies = [number[8:], number[12:]]
    seen = set()
    for body in bodies:
        if body in seen or not re.fullmatch(r"9[1-5](\d{20}|\d{24}|\d{28})", body):
            continue
        if len(body) == 30 and not body.startswith("94"):
            continue
        seen.add(body)
        check = Check(int(body[-1]), mod10(body[:-1], evens=3, odds=1, reverse=True), "USPS IMpb mod 10")
        yield Match(check, service="USPS IMpb")


@_one(r"(\d{19})(\d)")
def usps_20(m: re.Match[str]) -> Match:
    # Either the plain 20-digit Delivery Confirmation number, or a legacy number whose
    # check digit is computed with the "91" application identifier prepended.
    expected = (mod10(m[1], evens=3, odds=1), mod10("91" + m[1], evens=3, odds=1))
    return Match(Check(int(m[2]), expected, "USPS 20-digit mod 10"), service="USPS 20-digit")


_FEDEX_12_WEIGHTS = (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1)
_FEDEX_13_WEIGHTS = (1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1)


@_one(r"(\d{11})(\d)")
def fedex_12(m: re.Match[str]) -> Match:
    check = Check(int(m[2]), weighted_mod11_mod10(m[1], _FEDEX_12_WEIGHTS), "FedEx Express mod 11")
    return Match(check, service="FedEx Express")


@_one(r"(\d{14})(\d)")
def fedex_15(m: re.Match[str]) -> Match:
    check = Check(int(m[2]), mod10(m[1], evens=1, odds=3), "FedEx Ground mod 10")
    return Match(check, service="FedEx Ground")


@_one(r"(\d{2})(\d{15})(\d)")
def fedex_sscc18(m: re.Match[str]) -> Match:
    check = Check(int(m[3]), mod10(m[2], evens=3, odds=1), "SSCC-18 mod 10")
    return Match(check, service="FedEx Ground (SSCC-18)")


@_one(r"96(\d{2})(\d{3})(\d{14})(\d)")
def fedex_96(m: re.Match[str]) -> Match:
    check = Check(int(m[4]), mod10(m[3], evens=1, odds=3), "FedEx Ground 96 mod 10")
    return Match(check, service="FedEx Ground")


@_one(r"[0-8]\d{14}(\d{5})(\d{13})(\d)")
def fedex_34(m: re.Match[str]) -> Match:
    check = Check(int(m[3]), weighted_mod11_mod10(m[2], _FEDEX_13_WEIGHTS), "FedEx Express mod 11")
    return Match(check, service="FedEx Express")


@_one(r"96(\d{2})\d{5}(\d{10})\d(\d{13})(\d)")
def fedex_gsn(m: re.Match[str]) -> Match:
    check = Check(int(m[4]), weighted_mod11_mod10(m[3], _FEDEX_13_WEIGHTS), "FedEx Ground GSN mod 11")
    return Match(check, service="FedEx Ground")


@_one(r"3\d{15}(\d{11})(\d)\d{4}")
def fedex_astra(m: re.Match[str]) -> Match:
    check = Check(int(m[2]), weighted_mod11_mod10(m[1], _FEDEX_12_WEIGHTS), "FedEx ASTRA mod 11")
    return Match(check, service="FedEx Express")


@_one(r"(\d{9,10})(\d)")
def dhl_express(m: re.Match[str]) -> Match:
    return Match(Check(int(m[2]), mod7(m[1]), "DHL Express mod 7"), service="DHL Express")


def _no_check(pattern: str, service: str) -> Callable[[str], Iterator[Match]]:
    compiled = re.compile(pattern)

    def matcher(number: str) -> Iterator[Match]:
        if compiled.fullmatch(number):
            yield Match(Check(0, 0, "no check digit"), service=service)
    return matcher


#: UPU S10 is the postal operators' common format, not one carrier's: it stays here.
_S10_FORMAT = _Format("s10", "", strong=True, rank=100, matcher=_s10)


@derived
def formats() -> tuple[_Format, ...]:
    """Every format: UPU S10, then each carrier manifest's formats, highest rank first."""
    out = [_S10_FORMAT]
    for manifest in registry.manifests().values():
        for fmt in manifest.formats:
            if fmt.matcher is not None:
                out.append(_Format(fmt.id, manifest.name, strong=fmt.strong, rank=fmt.rank,
                                   matcher=resolve(fmt.matcher)))
            else:
                out.append(_Format(fmt.id, manifest.name, strong=False, rank=fmt.rank,
                                   matcher=_no_check(fmt.regex or "", fmt.service), check_digit=False))
    ids = [f.id for f in out]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"number format ids declared twice: {', '.join(duplicated)}")
    return tuple(sorted(out, key=lambda f: (-f.rank, f.id)))


@derived
def _formats_by_id() -> dict[str, _Format]:
    return {f.id: f for f in formats()}


def __getattr__(name: str) -> object:
    if name == "FORMATS":
        return formats()
    raise AttributeError(f"module 'carriers.numbers' has no attribute {name!r}")


# ---------------------------------------------------------------- public API

def normalize_number(number: str) -> str:
    """Strip spaces and dashes, upper-case: " rb 1234-5678 5cn " → "RB123456785CN"."""
    return _STRIP.sub("", number).upper()


def _shape_problem(normalized: str) -> str | None:
    if not _ALNUM.fullmatch(normalized or "-"):
        bad = sorted({c for c in normalized if not c.isascii() or not c.isalnum()}) if normalized else []
        if not normalized:
            return "it is empty"
        return f"it contains characters other than letters and digits: {''.join(bad)!r}"
    if not MIN_LENGTH <= len(normalized) <= MAX_LENGTH:
        return f"it has {len(normalized)} characters, a tracking number has {MIN_LENGTH} to {MAX_LENGTH}"
    return None


def identify(number: str) -> list[Identification]:
    """Every format the number matches, valid check digits first, then the most specific."""
    normalized = normalize_number(number)
    found: list[tuple[_Format, Identification]] = []
    for fmt in formats():
        for match in fmt.matcher(normalized):
            found.append((fmt, Identification(
                carrier=match.carrier if fmt.id == "s10" else fmt.carrier,
                number=normalized,
                valid_check_digit=match.check.ok,
                service=match.service,
                origin_country=match.origin_country,
                format=fmt.id,
                problem=match.check.problem,
                check_digit=fmt.check_digit,
            )))
    if any(fmt.strong for fmt, _ in found):  # the strong format's check decides, never a guess
        found = [pair for pair in found if pair[0].check_digit]
    found.sort(key=lambda pair: (not pair[1].valid_check_digit, not pair[0].check_digit, -pair[0].rank))
    return [ident for _, ident in found]


def detect_carrier(number: str) -> Identification:
    """The best valid candidate, or carrier None for a well-formed number of no known format.

    Raises `InvalidTrackingNumber` when the number is not 5–40 letters and digits, or when it
    has the shape of a strong format (S10, UPS 1Z, USPS IMpb, FedEx 96) and fails its check.
    """
    normalized = normalize_number(number)
    problem = _shape_problem(normalized)
    if problem:
        raise InvalidTrackingNumber(number, problem)
    candidates = identify(normalized)
    for ident in candidates:
        if ident.valid_check_digit:
            return ident
    for ident in candidates:
        if _formats_by_id()[ident.format or ""].strong:
            raise InvalidTrackingNumber(number, ident.problem or "check digit does not match")
    return Identification(carrier=None, number=normalized, valid_check_digit=False)


def carrier_names() -> frozenset[str]:
    """Every trackmon carrier name a format can name (S10 posts included)."""
    return frozenset(f.carrier for f in formats() if f.carrier) | frozenset(S10_POSTS.values())


__all__ = [
    "S10_POSTS", "Check", "Identification", "Match", "carrier_names", "detect_carrier", "dhl_express", "fedex_12",
    "fedex_15", "fedex_34", "fedex_96", "fedex_astra", "fedex_gsn", "fedex_sscc18", "formats", "identify", "mod7",
    "mod10", "normalize_number", "s10_check_digit", "s10_post", "ups_1z", "ups_waybill", "usps_20", "usps_impb",
    "weighted_mod11_mod10",
]
