"""Column presets for the order exports shops and marketplaces write (pure).

A preset maps trackmon's fields to the header names one platform writes; the first header
of a field's list that is present in the file wins, and a tuple of headers is joined with a
space (first name + last name). `detect()` picks the preset from a header; `[intake.columns]`
in the config maps fields to any other header names (and overrides a preset's choice).

Header names were checked against public copies of each platform's files; the source of
each preset's header is written next to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from trackmon.errors import InputError

FIELDS = ("order_id", "tracking_number", "buyer_email", "store", "carrier", "buyer_name", "buyer_language",
          "buyer_country", "buyer_timezone", "shipped_at", "promised_delivery")
REQUIRED_FIELDS = ("order_id", "tracking_number")

Source = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    title: str
    columns: Mapping[str, tuple[Source, ...]]
    # the preset is detected when every header of one of these sets is present
    signatures: tuple[frozenset[str], ...]
    # rows with no tracking number are orders not shipped yet (or a line item's second row):
    # skipped and counted, not rejected
    skip_unshipped: bool = True
    date_order: str | None = None
    notes: tuple[str, ...] = field(default=())


def header_key(name: str) -> str:
    """`Tracking Number`, ` tracking_number ` and `TRACKING-NUMBER` are one header."""
    return re.sub(r"[\s_\-]+", " ", name.strip().lstrip("\ufeff").strip().casefold())


def _sig(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


NATIVE = Preset(
    name="trackmon", title="trackmon's own columns",
    columns={f: (f,) for f in FIELDS},
    signatures=(_sig("order_id", "tracking_number"),),
    skip_unshipped=False,
)

# Shopify admin › Orders › Export (CSV for Excel): Name, Email, Financial Status, Paid at,
# Fulfillment Status, Fulfilled at, ..., Shipping Name, ..., Shipping Country (a code), ...,
# Id, Tags, ... One row per line item; only the first row of an order carries its details.
# Shopify's own export has no tracking column: fulfilment apps (Matrixify, EZ Exporter,
# order-export apps) add `Tracking Number` / `Tracking Company` (Matrixify also writes
# `Fulfillment: Tracking Number` / `Fulfillment: Tracking Company`).
# Source: Shopify help "Exporting orders" column list and public copies of the export
# (e.g. github.com/AaronLain/tenderloin_v1 orders/orders.go csv tags).
SHOPIFY = Preset(
    name="shopify", title="Shopify orders export (with a fulfilment app's tracking columns)",
    columns={
        "order_id": ("Name",),
        "tracking_number": ("Tracking Number", "Fulfillment: Tracking Number", "Tracking Numbers"),
        "carrier": ("Tracking Company", "Fulfillment: Tracking Company"),
        "buyer_email": ("Email",),
        "buyer_name": ("Shipping Name", "Billing Name"),
        "buyer_country": ("Shipping Country", "Billing Country"),
        "shipped_at": ("Fulfilled at",),
    },
    signatures=(_sig("Name", "Email", "Financial Status", "Fulfillment Status"),),
    notes=("Shopify's own export has no tracking numbers: add the `Tracking Number` column "
           "with a fulfilment or export app",),
)

# WooCommerce, the two common order-export plugins:
# - "Advanced Order Export For WooCommerce" (algolplus) default labels: Order Number,
#   Order Status, Order Date, Customer Note, First Name (Billing), ..., Email (Billing),
#   Phone (Billing), First Name (Shipping), Last Name (Shipping), ..., Country Code (Shipping)
#   (source: the plugin's default field set as exported in public repositories' CSV readers);
# - "WooCommerce Customer / Order / Coupon Export" (SkyVerge) default format: order_id,
#   order_number, date, status, ..., billing_email, ..., shipping_country
#   (source: a public sample export of that plugin, pastebin GyL9anNk).
# Tracking columns come from the shipment-tracking plugins: "Tracking Number" /
# "Tracking Provider" (Advanced Shipment Tracking) or `tracking_number` / `tracking_provider`.
WOOCOMMERCE = Preset(
    name="woocommerce", title="WooCommerce order export plugins",
    columns={
        "order_id": ("Order Number", "order_number", "Order ID", "order_id"),
        "tracking_number": ("Tracking Number", "tracking_number", "Shipment Tracking", "shipment_tracking",
                            "Tracking Code"),
        "carrier": ("Tracking Provider", "tracking_provider", "Shipping Provider", "Carrier"),
        "buyer_email": ("Email (Billing)", "billing_email", "Customer Email"),
        "buyer_name": (("First Name (Shipping)", "Last Name (Shipping)"),
                       ("First Name (Billing)", "Last Name (Billing)"),
                       ("shipping_first_name", "shipping_last_name"), ("billing_first_name", "billing_last_name")),
        "buyer_country": ("Country Code (Shipping)", "shipping_country", "Country Code (Billing)", "billing_country"),
        "shipped_at": ("Date Shipped", "Shipped Date", "date_shipped", "Completed Date", "completed_date"),
    },
    signatures=(_sig("Order Number", "Email (Billing)"), _sig("order_number", "billing_email"),
                _sig("order_id", "billing_email", "shipping_country")),
)

# AliExpress Seller Center › Orders › export (English interface), often `;`-separated
# with a BOM: Order No., Order Status, Buyer Name, Buyer Country/Region, Order Time,
# Payment Time, Product Name, ..., Logistics Service, Tracking No., Shipping Time, ...
# AliExpress does not give the seller the buyer's email (messages go through the
# AliExpress message center: trackmon's manual channel).
# Source: the example header in issue 15 (`Order No.;Tracking No.`) and sellers' public
# descriptions of the export.
ALIEXPRESS = Preset(
    name="aliexpress", title="AliExpress seller order export",
    columns={
        "order_id": ("Order No.", "Order Number", "Order ID"),
        "tracking_number": ("Tracking No.", "Tracking Number", "Logistics Tracking No."),
        # only a carrier column: "Logistics Service" names a service (AliExpress Standard Shipping)
        "carrier": ("Logistics Company", "Shipping Company"),
        "buyer_name": ("Receiver Name", "Buyer Name", "Contact Name"),
        "buyer_country": ("Buyer Country/Region", "Country/Region", "Buyer Country", "Ship to Country", "Country"),
        "buyer_language": ("Buyer Language", "Language"),
        "shipped_at": ("Shipping Time", "Shipped Time", "Delivery Time"),
    },
    signatures=(_sig("Order No.", "Tracking No."), _sig("Order No.", "Logistics Tracking No.")),
)

# Amazon Seller Central › Reports › Fulfillment › "Amazon Fulfilled Shipments"
# (tab-separated flat file): amazon-order-id, merchant-order-id, shipment-id, ...,
# purchase-date, payments-date, shipment-date, reporting-date, buyer-email, buyer-name, ...,
# recipient-name, ship-address-1, ..., ship-country, ..., carrier, tracking-number,
# estimated-arrival-date, fulfillment-center-id, fulfillment-channel, sales-channel.
# Merchant-fulfilled sellers join the order report (order-id, order-item-id, purchase-date,
# ..., ship-country) with their shipping-confirmation file (order-id, ..., ship-date,
# carrier-code, carrier-name, tracking-number, ship-method): both spellings are mapped.
# `buyer-email` there is an anonymised marketplace relay that only accepts mail through
# Amazon's Buyer-Seller Messaging: it is not imported, the order's messages go to the
# manual channel. Source: Seller Central report help and the flat-file headers in public
# repositories (e.g. CaponicaAmazonMwsComplete report classes).
AMAZON = Preset(
    name="amazon", title="Amazon Seller Central order / fulfilled-shipments report",
    columns={
        "order_id": ("amazon-order-id", "order-id"),
        "tracking_number": ("tracking-number",),
        "carrier": ("carrier", "carrier-name", "carrier-code"),
        "buyer_name": ("recipient-name", "buyer-name"),
        "buyer_country": ("ship-country",),
        "shipped_at": ("shipment-date", "ship-date"),
        "promised_delivery": ("estimated-arrival-date", "latest-delivery-date"),
    },
    signatures=(_sig("amazon-order-id", "tracking-number"), _sig("order-id", "order-item-id", "tracking-number"),
                _sig("amazon-order-id", "purchase-date")),
)

# eBay Seller Hub › Orders › Download report (CSV, "All orders"): a blank first line, then
# Sales Record Number, Order Number, Buyer Username, Buyer Name, Buyer Email, Buyer Note,
# Buyer Address 1, ..., Ship To Name, Ship To Phone, ..., Ship To Country, Item Number, ...,
# Sale Date, Paid On Date, Ship By Date, Minimum Estimated Delivery Date, Maximum Estimated
# Delivery Date, Shipped On Date, ..., Shipping Service, Tracking Number, Transaction ID, ...
# and two trailing lines ("N record(s) downloaded", "Seller ID: ..."). Dates like Nov-20-26.
# Source: public copies of eBay-OrdersReport CSV headers in repositories' tests.
EBAY = Preset(
    name="ebay", title="eBay Seller Hub orders report",
    columns={
        "order_id": ("Order Number", "Sales Record Number"),
        "tracking_number": ("Tracking Number",),
        # no carrier: "Shipping Service" names a service ("Economy Shipping from China"), not a carrier
        "buyer_email": ("Buyer Email",),
        "buyer_name": ("Ship To Name", "Post To Name", "Buyer Name"),
        "buyer_country": ("Ship To Country", "Post To Country", "Buyer Country"),
        "shipped_at": ("Shipped On Date",),
        "promised_delivery": ("Maximum Estimated Delivery Date",),
    },
    signatures=(_sig("Sales Record Number", "Order Number", "Buyer Username"),),
)

# detection tries the platforms' presets first: their signatures are more specific than trackmon's own
PRESETS: dict[str, Preset] = {p.name: p for p in (SHOPIFY, WOOCOMMERCE, ALIEXPRESS, AMAZON, EBAY, NATIVE)}
PRESET_NAMES = tuple(PRESETS)


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Where each field is read from, for one file's header."""

    preset: str
    sources: Mapping[str, tuple[int, ...]]  # field → column indexes (joined when several)
    used: frozenset[int]
    skip_unshipped: bool
    date_order: str | None

    def extract(self, cells: Sequence[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for name, idx in self.sources.items():
            parts = [cells[i].strip() for i in idx if i < len(cells) and cells[i] and cells[i].strip()]
            out[name] = " ".join(parts) if parts else None
        return out


def detect(header: Sequence[str]) -> Preset | None:
    keys = {header_key(h) for h in header}
    for preset in PRESETS.values():
        if any(sig <= keys for sig in preset.signatures):
            return preset
    return None


def build_map(header: Sequence[str], *, preset: str | None = None,
              custom: Mapping[str, str] | None = None, source: str = "input") -> ColumnMap:
    """Resolve the fields of one header; InputError when the order id or tracking column is missing."""
    custom = dict(custom or {})
    unknown = sorted(set(custom) - set(FIELDS))
    if unknown:
        raise InputError(f"[intake.columns] names unknown field(s) {', '.join(unknown)}; "
                         f"fields: {', '.join(FIELDS)}", field="intake.columns")
    if preset is not None and preset not in PRESETS:
        raise InputError(f"unknown preset {preset!r}; presets: {', '.join(PRESET_NAMES)}", field="preset")
    chosen = PRESETS[preset] if preset else detect(header)
    if chosen is None and custom:
        chosen = Preset(name="custom", title="[intake.columns]", columns={}, signatures=(), skip_unshipped=False)
    if chosen is None:
        found = ", ".join(h.strip() for h in header if h.strip()) or "nothing"
        raise InputError(
            f"{source}: the header matches no preset ({', '.join(PRESET_NAMES)}) and no "
            f"[intake.columns] mapping; found: {found}. Use trackmon's columns (order_id, "
            "tracking_number, buyer_email...), --preset NAME or [intake.columns]. Nothing was imported.", line=1)
    positions: dict[str, int] = {}
    for i, h in enumerate(header):
        positions.setdefault(header_key(h), i)
    sources: dict[str, tuple[int, ...]] = {}
    for name in FIELDS:
        if name in custom:
            key = header_key(custom[name])
            if key not in positions:
                raise InputError(f"{source}: [intake.columns] maps {name} to {custom[name]!r}, which is not "
                                 "in the header. Nothing was imported.", line=1, field=name)
            sources[name] = (positions[key],)
            continue
        for candidate in chosen.columns.get(name, ()):
            names = candidate if isinstance(candidate, tuple) else (candidate,)
            idx = tuple(positions[header_key(n)] for n in names if header_key(n) in positions)
            if idx:
                sources[name] = idx
                break
    missing = [f for f in REQUIRED_FIELDS if f not in sources]
    if missing:
        wanted = "; ".join(f"{f}: one of {', '.join(_names(chosen.columns.get(f, ())))}"
                           if chosen.columns.get(f) else f for f in missing)
        hint = " ".join(chosen.notes)
        raise InputError(f"{source}: the header ({chosen.name} preset) lacks the column for {wanted}. "
                         f"{hint + ' ' if hint else ''}Nothing was imported.", line=1)
    used = frozenset(i for idx in sources.values() for i in idx)
    return ColumnMap(chosen.name, sources, used, chosen.skip_unshipped, chosen.date_order)


def _names(candidates: tuple[Source, ...]) -> list[str]:
    return [" + ".join(c) if isinstance(c, tuple) else c for c in candidates]


__all__ = ["FIELDS", "PRESETS", "PRESET_NAMES", "ColumnMap", "Preset", "build_map", "detect", "header_key"]
