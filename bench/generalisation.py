"""How well one language's rules generalise, measured on the *training* split only.

    .venv/bin/python -m bench.generalisation de            # leave-one-out and leave-one-carrier-out
    .venv/bin/python -m bench.generalisation de --errors   # list the rows that only a memorised phrase reads

The held-out split (`bench.corpus`) must not be looked at while rules are written, so this
previews it from the training rows:

- *leave-one-out*: for every training row, the phrases that read **only that row** correctly
  (among all training rows of the language) are switched off, and the row is read again. A row
  that is then misread was read by a phrase written for that one sentence — the kind of rule that
  does not carry over to an unseen wording.
- *leave-one-carrier-out*: for every carrier, the phrases that read only that carrier's training
  rows are switched off, and that carrier's rows are read again: how the rules written from the
  other carriers' wordings read this one.

Switching a phrase off replaces it by a pattern that never matches (the engine's tables are
patched in this process only).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import re

from bench.accuracy import predicted
from bench.corpus import Row, load
from trackmon.classify import explain
from trackmon.classify.engine import decide, index_for
from trackmon.classify.languages import TABLES
from trackmon.classify.text import fold

_NEVER = re.compile(r"(?!)")
_NEVER_ANCHOR = ("\x00never\x00",)


def _deciders(rows: list[Row]) -> dict[int, tuple[str, int] | None]:
    """Per row (by position): the deciding (rule name, phrase index), or None (no rule)."""
    out: dict[int, tuple[str, int] | None] = {}
    for i, row in enumerate(rows):
        found = decide(row.text)
        if found is None:
            out[i] = None
            continue
        rule, matched = found
        folded = fold(row.text)
        phrase = next((j for j, alt in enumerate(rule.alternatives)
                       if any(m.group(0) == matched for m in alt.finditer(folded))), 0)
        out[i] = (rule.name, phrase)
    return out


def _read_without(lang: str, off: set[tuple[str, int]], rows: list[Row]) -> list[bool]:
    """Read `rows` with the phrases `off` switched off in `lang`'s table; the table is restored after."""
    original = TABLES[lang]
    patched = []
    for rule in original:
        gone = [j for (name, j) in off if name == rule.name]
        if gone:
            alts = tuple(_NEVER if j in gone else alt for j, alt in enumerate(rule.alternatives))
            anchors = tuple(_NEVER_ANCHOR if j in gone else a for j, a in enumerate(rule.anchors))
            rule = dataclasses.replace(rule, alternatives=alts, anchors=anchors)
        patched.append(rule)
    try:
        TABLES[lang] = tuple(patched)
        index_for.cache_clear()
        explain.cache_clear()
        return [predicted(row) == row.status for row in rows]
    finally:
        TABLES[lang] = original
        index_for.cache_clear()
        explain.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lang")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)

    rows = [row for row in load() if row.lang == args.lang and row.split == "train"]
    ok = [predicted(row) == row.status for row in rows]
    deciders = _deciders(rows)
    correct_by: dict[tuple[str, int], list[int]] = collections.defaultdict(list)
    for i, d in deciders.items():
        if d is not None and ok[i]:
            correct_by[d].append(i)

    loo_ok, loo_errors = 0, []
    for i, row in enumerate(rows):
        d = deciders[i]
        if not ok[i]:
            loo_errors.append((row, "misread already"))
            continue
        if d is None or len(correct_by[d]) > 1:
            loo_ok += 1
            continue
        if _read_without(args.lang, {d}, [row])[0]:
            loo_ok += 1
        else:
            loo_errors.append((row, f"only {d[0]}[{d[1]}]"))

    print(f"{args.lang}: {len(rows)} training rows; read right {sum(ok)} ({sum(ok) / len(rows):.3f})")
    print(f"leave-one-out (phrases that read only this row switched off): {loo_ok / len(rows):.3f}")

    carriers = collections.Counter(row.carrier for row in rows)
    print(f"\n{'carrier':<34}{'rows':>6}{'kept':>8}")
    total_ok = 0
    carrier_errors = []
    for carrier, count in carriers.most_common():
        mine = {i for i, row in enumerate(rows) if row.carrier == carrier}
        only_mine = {d for d, idx in correct_by.items() if set(idx) <= mine}
        subset = [rows[i] for i in sorted(mine)]
        marks = _read_without(args.lang, only_mine, subset)
        total_ok += sum(marks)
        carrier_errors += [(row, carrier) for row, m in zip(subset, marks, strict=True) if not m]
        print(f"{carrier[:33]:<34}{count:>6}{sum(marks) / count:>8.3f}")
    print(f"{'leave-one-carrier-out, all':<34}{len(rows):>6}{total_ok / len(rows):>8.3f}")

    if args.errors:
        print("\nleave-one-out misses:")
        for row, why in loo_errors:
            print(f"  {row.status.value:<22} {why:<28} {row.text}")
        print("\nleave-one-carrier-out misses:")
        for row, carrier in carrier_errors:
            print(f"  {row.status.value:<22} {carrier[:20]:<22} {row.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
