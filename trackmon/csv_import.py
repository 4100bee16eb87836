"""Reading order files: encodings, delimiters, the header and its preset, line numbers.

Encodings: UTF-8 (with or without BOM), UTF-16 (BOM, or detected from its zero bytes) and
GB18030 (Chinese Excel); `encoding=` forces one. Delimiters `,` `;` or tab are detected.
Leading blank lines (eBay's report starts with one) are skipped before the header. The
header picks a preset (`trackmon.intake_presets`); a cell with several tracking numbers
becomes one row per parcel of the same order.

Parsing only; `trackmon.intake` validates and stores the rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from trackmon.errors import InputError
from trackmon.intake import IntakeReport, Rejection, RowOptions, import_rows
from trackmon.intake_formats import split_numbers
from trackmon.intake_presets import ColumnMap, build_map, header_key

DELIMITERS = ",;\t"
_SAMPLE = 64 * 1024


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A parsed header and a row iterator yielding (line number, {field: value})."""

    columns: tuple[str, ...]          # trackmon fields found
    ignored_columns: tuple[str, ...]  # headers not read
    delimiter: str
    rows: Iterator[tuple[int, Mapping[str, Any]]]
    preset: str = "trackmon"
    encoding: str = "utf-8"
    total_lines: int | None = None    # physical lines after the header (for a progress bar)
    header_line: int = 1


@dataclass(frozen=True, slots=True)
class ImportOptions:
    delimiter: str | None = None
    preset: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)   # [intake.columns]
    encoding: str | None = None
    default_store: str | None = None
    rows: RowOptions = field(default_factory=RowOptions)


# ------------------------------------------------------------------ encodings

def detect_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        head.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        return "utf-8"  # the error is reported with its byte offset when read


def decode_bytes(data: bytes, encoding: str | None, source: str) -> tuple[str, str]:
    enc = encoding or detect_encoding(data[:_SAMPLE])
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(f"{source} is not {enc} text (byte {exc.start}: {exc.reason}); save it as "
                         "UTF-8 CSV or give --encoding") from None
    except LookupError:
        raise InputError(f"unknown encoding {enc!r}", field="encoding") from None
    return text.lstrip("\ufeff"), enc


# ------------------------------------------------------------------ header and rows

def _sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines() if ln.strip(" ,;\t")]
    first = lines[0] if lines else ""
    try:
        return csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(stream: IO[str], *, delimiter: str | None = None, source: str = "input",
               preset: str | None = None, columns: Mapping[str, str] | None = None,
               encoding: str = "utf-8", total_lines: int | None = None) -> CsvTable:
    """Read the header now (InputError when it names no order id or tracking column)."""
    sample = stream.read(_SAMPLE)
    if sample and not sample.endswith("\n"):
        sample += stream.readline()  # end the sample on a line boundary
    sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise InputError(f"{source} is empty: expected a header line (order_id, tracking_number...)")
    delim = delimiter or _sniff_delimiter(sample)
    reader = csv.reader(_chain(sample, stream), delimiter=delim)
    header: list[str] = []
    try:
        while not any(c.strip() for c in header):  # skip blank leading lines
            header = next(reader)
    except StopIteration:
        raise InputError(f"{source} has no header line", line=1) from None
    except csv.Error as exc:
        raise InputError(f"{source}: the header line is not valid CSV: {exc}", line=reader.line_num) from None
    header_line = reader.line_num
    cmap = build_map(header, preset=preset, custom=columns, source=source)
    keys = [header_key(h) for h in header]
    dupes = sorted({header[i].strip() for idx in cmap.sources.values() for i in idx if keys.count(keys[i]) > 1})
    if dupes:
        raise InputError(f"{source}: the header repeats column(s) {', '.join(dupes)}. "
                         "Nothing was imported.", line=header_line)
    ignored = tuple(h.strip() for i, h in enumerate(header) if h.strip() and i not in cmap.used)
    remaining = None if total_lines is None else max(0, total_lines - header_line)
    return CsvTable(columns=tuple(cmap.sources), ignored_columns=ignored, delimiter=delim,
                    rows=_rows(reader, cmap, len(header)), preset=cmap.preset, encoding=encoding,
                    total_lines=remaining, header_line=header_line)


def _chain(sample: str, stream: IO[str]) -> Iterator[str]:
    yield from io.StringIO(sample, newline="")
    yield from stream


def _rows(reader: Any, cmap: ColumnMap, width: int) -> Iterator[tuple[int, Mapping[str, Any]]]:
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
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            yield line, {"__error__": f"it has {len(cells)} cells but the header has {width}"}
            continue
        values = cmap.extract(cells)
        numbers = split_numbers(values.get("tracking_number"))
        if not numbers and not values.get("order_id") and cmap.skip_unshipped:
            continue  # a report's footer ("2 record(s) downloaded", "Seller ID: ..."): not an order
        if not numbers and cmap.skip_unshipped:
            yield line, {"__skip__": True}  # not shipped yet, or a line item's second row
            continue
        for number in numbers or [None]:
            yield line, {**values, "tracking_number": number}


def _usable(line: int, row: Mapping[str, Any], report: IntakeReport, default_store: str | None
            ) -> Mapping[str, Any] | None:
    if "__error__" in row:
        report.rejected.append(Rejection(line, str(row["__error__"])))
        return None
    if "__skip__" in row:
        report.skipped += 1
        return None
    if default_store and not (row.get("store") or "").strip():
        return {**row, "store": default_store}
    return row


def import_table(engine: Engine, table: CsvTable, now: datetime, *, options: ImportOptions | None = None,
                 chunk_size: int = 500, progress: Callable[[int], None] | None = None) -> IntakeReport:
    """Import a table's rows; `progress(n)` is told how many lines of the file are done."""
    options = options or ImportOptions()
    report = IntakeReport()
    last = table.header_line

    def good_rows() -> Iterator[tuple[int | None, Mapping[str, Any]]]:
        nonlocal last
        for line, row in table.rows:
            last = line
            usable = _usable(line, row, report, options.default_store)
            if usable is not None:
                yield line, usable

    def lines_done(_: int) -> None:
        if progress is not None:
            progress(last - table.header_line)

    import_rows(engine, good_rows(), now, chunk_size=chunk_size, report=report, options=options.rows,
                progress=lines_done)
    report.rejected.sort(key=lambda r: r.line or 0)
    return report


def open_text(data: bytes, options: ImportOptions, source: str) -> tuple[IO[str], str, int]:
    text, enc = decode_bytes(data, options.encoding, source)
    return io.StringIO(text, newline=""), enc, text.count("\n") + (0 if text.endswith("\n") else 1)


def import_stream(engine: Engine, stream: IO[str], now: datetime, *, delimiter: str | None = None,
                  source: str = "input", chunk_size: int = 500, default_store: str | None = None,
                  options: ImportOptions | None = None,
                  progress: Callable[[int], None] | None = None) -> tuple[CsvTable, IntakeReport]:
    """Import rows from an open text stream; rows without a store get `default_store`."""
    opts = options or ImportOptions(delimiter=delimiter, default_store=default_store)
    table = read_table(stream, delimiter=opts.delimiter, source=source, preset=opts.preset, columns=opts.columns)
    return table, import_table(engine, table, now, options=opts, chunk_size=chunk_size, progress=progress)


def load_table(path: str | Path, options: ImportOptions) -> CsvTable:
    """Open a file (or standard input for "-"), decode it and read its header."""
    if str(path) == "-":
        data, source = sys.stdin.buffer.read(), "standard input"
    else:
        source = str(path)
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path} does not exist") from None
        except IsADirectoryError:
            raise InputError(f"{path} is a folder, not a file") from None
    stream, enc, lines = open_text(data, options, source)
    return read_table(stream, delimiter=options.delimiter, source=source, preset=options.preset,
                      columns=options.columns, encoding=enc, total_lines=lines)


def import_csv(engine: Engine, path: str | Path, now: datetime, *, delimiter: str | None = None,
               chunk_size: int = 500, default_store: str | None = None, options: ImportOptions | None = None,
               progress: Callable[[int], None] | None = None) -> tuple[CsvTable, IntakeReport]:
    """Import a file, or standard input when `path` is "-"."""
    opts = options or ImportOptions(delimiter=delimiter, default_store=default_store)
    table = load_table(path, opts)
    return table, import_table(engine, table, now, options=opts, chunk_size=chunk_size, progress=progress)


__all__ = ["CsvTable", "ImportOptions", "detect_encoding", "import_csv", "import_stream", "import_table",
           "load_table", "read_table"]
