"""The labeled corpus of real carrier event texts (data/corpus/events/<lang>.csv) and its fixed split.

Every row: lang, text, status (what the source says the event means), carrier, source, ref
(where the text was published). The held-out evaluation split is decided by a hash of the
language and the text, so it never changes when rows are added and nothing can be tuned on it
by accident: ``split(row) == "eval"`` for about 30 % of the rows.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from trackmon.domain import Status

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "events"
EVAL_SHARE = 30  # per cent of rows held out


@dataclass(frozen=True, slots=True)
class Row:
    lang: str
    text: str
    status: Status
    carrier: str
    source: str
    ref: str

    @property
    def split(self) -> str:
        digest = hashlib.sha256(f"{self.lang}|{self.text}".encode()).digest()
        return "eval" if int.from_bytes(digest[:4], "big") % 100 < EVAL_SHARE else "train"


def load(path: Path = CORPUS) -> list[Row]:
    """All rows of one CSV file, or of every ``<lang>.csv`` in a folder (one file per language).

    A row with an unknown status, an empty field or a language other than its file's is a clear
    error naming the file and line.
    """
    if path.is_dir():
        return [row for file in sorted(path.glob("*.csv")) for row in load(file)]
    rows: list[Row] = []
    file_lang = path.stem if path.parent.name == "events" else None
    with path.open(newline="", encoding="utf-8") as fh:
        for n, rec in enumerate(csv.DictReader(fh), start=2):
            try:
                status = Status(rec["status"])
            except ValueError:
                raise ValueError(f"{path}:{n}: unknown status {rec['status']!r}") from None
            if not rec["text"].strip() or not rec["lang"] or not rec["ref"]:
                raise ValueError(f"{path}:{n}: lang, text and ref are required")
            if file_lang and rec["lang"] != file_lang:
                raise ValueError(f"{path}:{n}: row in language {rec['lang']!r} in the {file_lang} file")
            rows.append(Row(rec["lang"], rec["text"], status, rec["carrier"], rec["source"], rec["ref"]))
    return rows


def rows_of(split: str, path: Path = CORPUS) -> list[Row]:
    return [row for row in load(path) if row.split == split]


__all__ = ["CORPUS", "EVAL_SHARE", "Row", "counts", "load", "rows_of"]


def counts(rows: list[Row]) -> str:
    """Texts and held-out rows per language, and the carriers behind them, most texts first."""
    by_lang: dict[str, list[Row]] = {}
    for row in rows:
        by_lang.setdefault(row.lang, []).append(row)
    lines = [f"{'lang':<5} {'texts':>6} {'held out':>9}  carriers"]
    for lang, mine in sorted(by_lang.items(), key=lambda item: -len(item[1])):
        carriers: dict[str, int] = {}
        for row in mine:
            carriers[row.carrier] = carriers.get(row.carrier, 0) + 1
        top = sorted(carriers.items(), key=lambda item: (-item[1], item[0]))
        named = ", ".join(f"{name} {n}" for name, n in top[:6])
        rest = sum(n for _, n in top[6:])
        lines.append(f"{lang:<5} {len(mine):>6} {sum(r.split == 'eval' for r in mine):>9}  {named}"
                     + (f", {len(top) - 6} others {rest}" if rest else ""))
    lines.append(f"{'all':<5} {len(rows):>6} {sum(r.split == 'eval' for r in rows):>9}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(counts(load()))
