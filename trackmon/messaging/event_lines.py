"""Event lines a buyer reads, written by trackmon from the normalized event (pure).

The carrier's own text is never shown: a line is a phrase of ours (the `[events]` table of
the language's `messages/<lang>/locale.toml`)
chosen from the event's status, sub-status and stage (origin country, between countries,
destination country, customs), plus the place when the reader can read it
(`places.readable_place`). With `hide_origin` (dropshippers) no origin place and no origin
country is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trackmon import locales
from trackmon.domain import CUSTOMS_SUB_STATUSES
from trackmon.messaging.places import readable_place

DEFAULT_ORIGIN = "CN"

#: Where a parcel is on its route (the stalled message depends on it).
STAGES = ("origin", "international", "destination", "customs")

_CUSTOMS_KEYS = {
    "customs_processing": "customs", "customs_held": "customs_held", "customs_duties": "customs_duties",
    "customs_information_required": "customs_information", "customs_released": "customs_released",
}
_STATUS_KEYS = {
    "info_received": "label", "out_for_delivery": "out_for_delivery", "available_for_pickup": "pickup",
    "delivery_failed": "failed", "delivered": "delivered", "returning": "returning", "returned": "returned",
}
_NO_PLACE = frozenset({"label", "departed_origin", "departed_origin_hidden", "lost", "problem", "returned"})
_CUSTOMS_VALUES = frozenset(s.value for s in CUSTOMS_SUB_STATUSES)


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What a line is written from (a stored event or a snapshot's)."""

    time: datetime
    status: str
    sub_status: str | None
    location: str | None
    country: str | None


def language_of(language: str | None) -> str:
    return locales.language_of(language)


def country_name(code: str | None, language: str) -> str | None:
    """The country as the language's event lines name it (its `[countries]`), None if not named."""
    name = locales.table(language, "countries").get((code or "").upper())
    return name if isinstance(name, str) else None


def event_stage(ev: EventFacts, *, origin: str | None, destination: str | None,
                arrived_at: datetime | None, departed_at: datetime | None) -> str:
    """origin | international | destination | customs, for one event."""
    country = (ev.country or "").upper()
    if ev.sub_status in _CUSTOMS_VALUES and ev.sub_status != "customs_released":
        # the destination's customs, said to the buyer as "customs in your country", only when
        # the scan is abroad or after the parcel left; export clearance at origin is origin
        left = departed_at is not None and ev.time >= departed_at
        abroad = bool(country) and country != (origin or DEFAULT_ORIGIN).upper()
        if abroad or (not country and left):
            return "customs"
    if (arrived_at is not None and ev.time >= arrived_at) or (country and country == (destination or "").upper()):
        return "destination"
    if ev.status in ("out_for_delivery", "available_for_pickup", "delivery_failed", "delivered"):
        return "destination"
    if country and country != (origin or DEFAULT_ORIGIN).upper():
        return "international"
    if departed_at is not None and ev.time >= departed_at:
        return "international"
    return "origin"


def event_key(ev: EventFacts, stage: str) -> str | None:
    """The phrase key of an event, or None when there is nothing true to say about it."""
    if ev.sub_status == "lost":
        return "lost"
    if ev.sub_status in _CUSTOMS_KEYS:
        return _CUSTOMS_KEYS[ev.sub_status]
    if ev.status in _STATUS_KEYS:
        return _STATUS_KEYS[ev.status]
    if ev.status == "exception":
        return "problem"
    if ev.status != "in_transit":
        return None  # not_found, expired, unknown: no reassurance, no guess
    if ev.sub_status == "label_created":
        return "label"
    if ev.sub_status == "picked_up":
        return "accepted"
    if ev.sub_status == "departed_origin":
        return "departed_origin"
    if ev.sub_status == "arrived_destination":
        return "arrived"
    return {"origin": "origin_sorting", "international": "in_flight"}.get(stage, "dest_sorting")


def event_line(ev: EventFacts, language: str, *, origin: str | None, destination: str | None,
               arrived_at: datetime | None = None, departed_at: datetime | None = None,
               hide_origin: bool = False) -> str:
    """One line in `language` ("" when nothing true can be said about the event)."""
    lang = language_of(language)
    stage = event_stage(ev, origin=origin, destination=destination, arrived_at=arrived_at,
                        departed_at=departed_at)
    key = event_key(ev, stage)
    if key is None:
        return ""
    origin_code = (origin or DEFAULT_ORIGIN).upper()
    origin_name = country_name(origin_code, lang)
    if key == "departed_origin" and (hide_origin or origin_name is None):
        key = "departed_origin_hidden"
    phrase = locales.text(lang, "events", key).format(country=origin_name or locales.text(lang, "places", "abroad"))
    if key in _NO_PLACE:
        return phrase
    place = _place(ev, lang, stage, origin_code, hide_origin, sorting=key == "origin_sorting")
    return f"{phrase} — {place}" if place else phrase


def _place(ev: EventFacts, lang: str, stage: str, origin_code: str, hide_origin: bool, *,
           sorting: bool) -> str | None:
    at_origin = stage == "origin" or (ev.country or "").upper() == origin_code
    if at_origin and hide_origin:
        return None
    readable = readable_place(ev.location, lang)
    if not at_origin:
        return readable
    name = country_name(origin_code, lang) or locales.text(lang, "places", "abroad")
    if readable is None:  # "a sorting centre in China" (the phrase already says "sorting centre")
        return name if sorting else locales.text(lang, "places", "sorting_centre_in").format(country=name)
    return f"{readable}, {name}"
