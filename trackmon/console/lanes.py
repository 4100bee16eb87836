"""Lanes: transit days per destination country × carrier with sample counts, as a page, a
CSV and a ready-to-paste table per buyer language for product listings.

The days a buyer is promised come from `messaging.estimate.lane_estimate_figures` — the same figures
the buyer emails use, so a listing never promises what the emails would not.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from sqlmodel import Session

from trackmon.console.auth import require_user
from trackmon.console.listing_text import country_name, headings, languages
from trackmon.console.web import engine_of, page, settings_of
from trackmon.lanes import lane_table
from trackmon.messaging.estimate import lane_estimate_figures
from trackmon.settings import Settings

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_user)])
CSV_COLUMNS = ("country", "carrier", "samples", "median_days", "p90_days", "usual_transit_days",
               "buyer_days_min", "buyer_days_max", "learned")


def lane_rows(session: Session, settings: Settings) -> list[dict[str, Any]]:
    rows = []
    for row in lane_table(session, settings):
        low, high = lane_estimate_figures(session, str(row["carrier"]), str(row["country"]), settings).route
        rows.append({**row, "buyer_days_min": low, "buyer_days_max": high})
    return rows


def listing_table(rows: list[dict[str, Any]], language: str) -> str:
    """A plain-text table (Markdown-compatible) of delivery days per country, in `language`:
    per country the lane with the most delivered samples."""
    title, country_h, days_h, days_fmt = headings(language)
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        current = best.get(row["country"])
        if current is None or int(row["samples"]) > int(current["samples"]):
            best[row["country"]] = row
    lines = [title, "", f"| {country_h} | {days_h} |", "|---|---|"]
    for code in sorted(best, key=lambda c: country_name(c, language)):
        row = best[code]
        days = days_fmt.format(low=row["buyer_days_min"], high=row["buyer_days_max"])
        lines.append(f"| {country_name(code, language)} | {days} |")
    return "\n".join(lines) + "\n"


@router.get("/console/lanes", response_class=HTMLResponse)
def lanes_page(request: Request) -> Response:
    settings = settings_of(request)
    with Session(engine_of(request)) as session:
        rows = lane_rows(session, settings)
    tables = {lang: listing_table(rows, lang) for lang in languages()} if rows else {}
    return page(request, "lanes.html", rows=rows, tables=tables, min_samples=settings.detection.lane_min_samples)


@router.get("/console/lanes.csv")
def lanes_csv(request: Request) -> Response:
    with Session(engine_of(request)) as session:
        rows = lane_rows(session, settings_of(request))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="trackmon-lanes.csv"'})


@router.get("/console/lanes/listing/{language}.txt")
def lanes_listing(request: Request, language: str) -> Response:
    if language not in languages():
        raise HTTPException(404, f"language must be one of {', '.join(languages())}")
    with Session(engine_of(request)) as session:
        rows = lane_rows(session, settings_of(request))
    return PlainTextResponse(listing_table(rows, language))
