"""Reading orders CSV files: BOM, `,` `;` or tab delimiters, header checks, line numbers.

Parsing only; `trackmon.intake` validates and stores the rows.
"""

from __future__ import annotations

import csv
import io
import itertools
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from trackmon.errors import InputError
from trackmon.intake import COLUMNS, REQUIRED_COLUMNS, IntakeReport, Rejection, import_rows

DELIMITERS = ",;\t"


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A parsed header and a row iterator yielding (line number, {column: value})."""

    columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    delimiter: str
    rows: Iterator[tuple[int, Mapping[str, Any]]]


def _header_name(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").strip().lower().replace(" ", "_").replace("-", "_")


def _sniff_delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_table(stream: IO[str], *, delimiter: str | None = None, source: str = "input") -> CsvTable:
    """Read the header now (raising InputError if a required column is missing)."""
    sample = stream.read(64 * 1024)
    if sample and not sample.endswith("\n"):
        sample += stream.readline()  # end the sample on a line boundary
    if sample.startswith("\ufeff"):
        sample = sample[1:]
    if not sample.strip():
        raise InputError(f"{source} is empty: expected a header line with "
                         f"{', '.join(REQUIRED_COLUMNS)}")
    delim = delimiter or _sniff_delimiter(sample)
    reader = csv.reader(itertools.chain(io.StringIO(sample), stream), delimiter=delim)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"{source}: the header line is not valid CSV: {exc}", line=1) from None
    names = [_header_name(c) for c in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise InputError(
            f"{source}: the header lacks the required column(s) {', '.join(missing)} "
            f"(found: {', '.join(n for n in names if n) or 'nothing'}; delimiter {delim!r}). "
            "Nothing was imported.", line=1)
    dupes = sorted({n for n in names if n and names.count(n) > 1})
    if dupes:
        raise InputError(f"{source}: the header repeats column(s) {', '.join(dupes)}. "
                         "Nothing was imported.", line=1)
    known = tuple(n for n in names if n in COLUMNS)
    ignored = tuple(n for n in names if n and n not in COLUMNS)
    return CsvTable(columns=known, ignored_columns=ignored, delimiter=delim,
                    rows=_rows(reader, names))


def _rows(reader: Any, names: list[str]) -> Iterator[tuple[int, Mapping[str, Any]]]:
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, {"__error__": f"not valid CSV: {exc}"}
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if not cells or all(not c.strip() for c in cells):
            continue  # blank lines are skipped, not rejected
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
            yield line, {"__error__": f"it has {len(cells)} cells but the header has {len(names)}"}
            continue
        yield line, {name: cells[i] if i < len(cells) else None
                     for i, name in enumerate(names) if name in COLUMNS}


def import_stream(engine: Engine, stream: IO[str], now: datetime, *, delimiter: str | None = None,
                  source: str = "input", chunk_size: int = 500,
                  default_store: str | None = None) -> tuple[CsvTable, IntakeReport]:
    """Import rows from an open text stream; rows without a store get `default_store`."""
    table = read_table(stream, delimiter=delimiter, source=source)
    report = IntakeReport()

    def good_rows() -> Iterator[tuple[int | None, Mapping[str, Any]]]:
        for line, row in table.rows:
            if "__error__" in row:
                report.rejected.append(Rejection(line, str(row["__error__"])))
            elif default_store and not (row.get("store") or "").strip():
                yield line, {**row, "store": default_store}
            else:
                yield line, row

    import_rows(engine, good_rows(), now, chunk_size=chunk_size, report=report)
    report.rejected.sort(key=lambda r: r.line or 0)
    return table, report


def import_csv(engine: Engine, path: str | Path, now: datetime, *, delimiter: str | None = None,
               chunk_size: int = 500, default_store: str | None = None) -> tuple[CsvTable, IntakeReport]:
    """Import a file, or standard input when `path` is "-"."""
    if str(path) == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
        return import_stream(engine, stream, now, delimiter=delimiter, source="standard input",
                             chunk_size=chunk_size, default_store=default_store)
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return import_stream(engine, fh, now, delimiter=delimiter, source=str(path),
                                 chunk_size=chunk_size, default_store=default_store)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start}: {exc.reason}); "
                         "save it as UTF-8 CSV") from None


__all__ = ["CsvTable", "import_csv", "import_stream", "read_table"]
