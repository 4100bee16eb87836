"""Where the codes carriers declare for the aggregators come from (cited by every manifest).

- 17TRACK publishes its carrier list as https://res.17track.net/asset/carrier/info/apicarrier.all.json
  (the list its API error -18019903 points to; not reachable offline). Three public copies
  agree on every key used here: lancerdia/lancerfile@0d931497 `apicarrier.all.json` (2,621
  carriers), Duy247/HLLogistic@e783efc1 `carriers/apicarrier.all.json` (3,037) and
  lerKunKun/TrackService@9b3dfcd8 `docs/apicarrier.all.json` (3,017).
- AfterShip's courier list (slugs) as AfterShip ships it in its own WooCommerce app:
  AfterShip/aftership-apps-woocommerce@a5380d9a `assets/js/couriers.json` (1,555 couriers).
  A courier's slug is also the last part of its https://www.aftership.com/couriers/<slug> page
  (help.aftership.com, "Locate slug for a courier").
"""

from __future__ import annotations

from carriers.manifest import AggregatorCode

TRACK17_LIST = ("17TRACK apicarrier.all.json (copies: lancerdia/lancerfile@0d931497, "
                "Duy247/HLLogistic@e783efc1, lerKunKun/TrackService@9b3dfcd8)")
AFTERSHIP_LIST = "AfterShip couriers.json (AfterShip/aftership-apps-woocommerce@a5380d9a assets/js/couriers.json)"


def track17(key: int, listed_as: str) -> AggregatorCode:
    """A 17TRACK carrier key, with the name 17TRACK's list gives it."""
    return AggregatorCode(key, f"{TRACK17_LIST}: key {key} = {listed_as!r}")


def aftership(slug: str, listed_as: str) -> AggregatorCode:
    """An AfterShip courier slug, with the name AfterShip's list gives it."""
    return AggregatorCode(slug, f"{AFTERSHIP_LIST}: slug {slug!r} = {listed_as!r}")


__all__ = ["AFTERSHIP_LIST", "TRACK17_LIST", "aftership", "track17"]
