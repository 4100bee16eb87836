"""Accuracy of the event-text classifier on the held-out split of the real-text corpus, and its speed.

    .venv/bin/python -m bench.accuracy                 # held-out split (what BENCHMARKS.md reports)
    .venv/bin/python -m bench.accuracy --split train   # the rows the rules were written from
    .venv/bin/python -m bench.accuracy --errors        # list the misread rows too

A row is read the way trackmon reads an event whose carrier code says nothing specific: the
text's classification, or "in_transit" when the text states no event (an ordinary scan).
Targets (issue 11): every language with ≥ 300 texts in the corpus ≥ 0.95, the others ≥ 0.90;
throughput ≥ 20,000 texts/s on one core, measured on distinct texts with the cache cleared
(every text is read from scratch; in production the repeated phrases are cached).
"""

from __future__ import annotations

import argparse
import collections
import statistics
import time

from bench.corpus import Row, load
from trackmon.classify import classify_description, explain
from trackmon.classify.engine import clear_caches
from trackmon.domain import Status

TARGET_LARGE, TARGET_SMALL, LARGE = 0.95, 0.90, 300
TARGET_RATE = 20_000


def predicted(row: Row) -> Status:
    cls = classify_description(row.text)
    return cls.status if cls else Status.in_transit


def throughput(texts: list[str], seconds: float = 2.0) -> float:
    """Texts per CPU-second of this process (one core), cache cleared before every pass: every
    text is read from scratch. CPU time, not wall time, so other processes on a shared machine
    do not count against it."""
    explain.cache_clear()
    clear_caches()
    for text in texts:  # warm-up: compiles the per-language indexes once
        explain(text)
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        explain.cache_clear()
        clear_caches()
        for text in texts:
            explain(text)
        done += len(texts)
    return done / (time.process_time() - start)


def _mark(ok: bool) -> str:
    return "ok" if ok else "BELOW TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("eval", "train", "all"), default="eval")
    parser.add_argument("--errors", action="store_true", help="list every misread row")
    parser.add_argument("--seconds", type=float, default=2.0, help="time spent measuring throughput")
    parser.add_argument("--passes", type=int, default=1,
                        help="measure throughput in this many passes and print their median and spread "
                             "(a shared host varies from minute to minute)")
    args = parser.parse_args(argv)

    rows = load()
    size = collections.Counter(row.lang for row in rows)
    chosen = [row for row in rows if args.split == "all" or row.split == args.split]
    by_lang: dict[str, list[bool]] = collections.defaultdict(list)
    by_status: dict[Status, list[bool]] = collections.defaultdict(list)
    confusion: collections.Counter[tuple[Status, Status]] = collections.Counter()
    errors: list[tuple[Row, Status]] = []
    for row in chosen:
        got = predicted(row)
        ok = got == row.status
        by_lang[row.lang].append(ok)
        by_status[row.status].append(ok)
        confusion[(row.status, got)] += 1
        if not ok:
            errors.append((row, got))

    print(f"corpus: {len(rows)} texts in {len(size)} languages; split '{args.split}': {len(chosen)} texts\n")
    print(f"{'language':<9}{'corpus':>8}{'scored':>8}{'accuracy':>10}{'target':>8}  verdict")
    all_ok = True
    for lang in sorted(by_lang, key=lambda k: -size[k]):
        marks = by_lang[lang]
        acc = sum(marks) / len(marks)
        target = TARGET_LARGE if size[lang] >= LARGE else TARGET_SMALL
        all_ok &= acc >= target
        print(f"{lang:<9}{size[lang]:>8}{len(marks):>8}{acc:>10.3f}{target:>8.2f}  {_mark(acc >= target)}")
    total = sum(sum(m) for m in by_lang.values()) / max(1, len(chosen))
    print(f"{'all':<9}{len(rows):>8}{len(chosen):>8}{total:>10.3f}")

    print(f"\n{'status (truth)':<22}{'scored':>8}{'accuracy':>10}")
    for status in Status:
        if by_status.get(status):
            marks = by_status[status]
            print(f"{status.value:<22}{len(marks):>8}{sum(marks) / len(marks):>10.3f}")

    present = [s for s in Status if any(k[0] == s or k[1] == s for k in confusion)]
    short = {s: s.value.replace("available_for_pickup", "pickup").replace("out_for_delivery", "out_for_del")
             .replace("delivery_failed", "failed").replace("info_received", "info")[:11] for s in present}
    print("\nconfusion (rows: truth, columns: read as)")
    print(f"{'':<14}" + "".join(f"{short[s]:>12}" for s in present))
    for truth in present:
        print(f"{short[truth]:<14}" + "".join(f"{confusion[(truth, got)] or '.':>12}" for got in present))

    texts = sorted({row.text for row in rows})
    rates = sorted(throughput(texts, args.seconds / args.passes) for _ in range(args.passes))
    rate = statistics.median(rates)
    spread = f", median of {args.passes} passes ({rates[0]:,.0f}-{rates[-1]:,.0f})" if args.passes > 1 else ""
    print(f"\nthroughput: {rate:,.0f} texts per CPU-second, one core (cold: cache cleared, "
          f"{len(texts)} distinct texts{spread}); target {TARGET_RATE:,}  {_mark(rate >= TARGET_RATE)}")

    if args.errors:
        print("\nmisread rows:")
        for row, got in errors:
            print(f"  [{row.lang}] {row.status.value} read as {got.value}: {row.text}")
    return 0 if all_ok and rate >= TARGET_RATE else 1


if __name__ == "__main__":
    raise SystemExit(main())
