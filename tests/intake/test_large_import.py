"""A 20,000-row export: every row imported, and the progress callback counts them as it goes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session, SQLModel, func, select

from trackmon.csv_import import ImportOptions, import_csv
from trackmon.db import make_engine
from trackmon.models import Order, Shipment

ROWS = 20_000
COUNTRIES = ("Russia", "Brasil", "España", "DE", "United States", "France")


def s10(serial: int, prefix: str = "RB") -> str:
    digits = [int(c) for c in f"{serial:08d}"]
    check = 11 - sum(w * d for w, d in zip((8, 6, 4, 2, 3, 5, 9, 7), digits, strict=True)) % 11
    return f"{prefix}{serial:08d}{ {10: 0, 11: 5}.get(check, check)}CN"


def test_20000_rows_with_progress(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "orders.csv"
    lines = ["\ufefforder_id;tracking_number;buyer_email;buyer_language;buyer_country;shipped_at"]
    lines += [f"O-{i};{s10(30_000_000 + i)};b{i}@example.com;Portuguese;{COUNTRIES[i % 6]};20.11.2026"
              for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'big.db'}")
    SQLModel.metadata.create_all(engine)
    seen: list[int] = []
    table, report = import_csv(engine, path, now, options=ImportOptions(), progress=seen.append)
    assert table.total_lines == ROWS
    assert (report.added, report.rejected) == (ROWS, [])
    assert seen == sorted(seen) and seen[0] == 500 and seen[-1] == ROWS
    assert len(seen) == ROWS // 500 + 1  # after each chunk of 500, and once at the end
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Order)).one() == ROWS
        assert s.exec(select(func.count()).select_from(Shipment)).one() == ROWS
    engine.dispose()
