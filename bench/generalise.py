"""How well the rules generalise, measured on the *train* split only (never reads held-out rows).

    .venv/bin/python -m bench.generalise --lang es                 # leave one row out
    .venv/bin/python -m bench.generalise --lang es --by carrier    # leave one carrier out
    .venv/bin/python -m bench.generalise --lang it --by carrier --errors

The rules are written by hand from train rows, so a rule phrase that matches only the rows it
was written from says nothing about unseen wordings. This check takes one group of train rows
away (one row, or every row of one carrier or one source), switches off every phrase of that
language whose train matches all lie inside the group (the phrases those rows alone justify),
and reads the group again with the rest. Phrases that match no train row at all, and other
languages' phrases, stay on. The accuracy it prints is a preview of how the held-out split reads
new wordings; the gap to `bench.accuracy --split train` is how much the rules fit single rows.
"""

from __future__ import annotations

import argparse
import collections

from bench.corpus import Row, load
from trackmon.classify.engine import index_for
from trackmon.classify.lang import languages
from trackmon.classify.languages import TABLES
from trackmon.classify.text import Moods, fold
from trackmon.domain import Status

Phrase = tuple[str, int]  # (rule name, phrase index)


def read(text: str, off: frozenset[Phrase]) -> Status:
    """What `engine.decide` gives the text with the phrases in `off` switched off (same order, guards)."""
    folded = fold(text)
    langs = languages(folded) if folded else frozenset()
    if not langs:
        return Status.in_transit
    index = index_for(langs)
    moods: Moods | None = None
    excluded = -1
    for n, j in index.candidates(folded):
        rule = index.rules[n]
        if n == excluded or (rule.name, j) in off:
            continue
        match = rule.alternatives[j].search(folded)
        if match is None:
            continue
        if rule.exclude is not None and rule.exclude.search(folded):
            excluded = n
            continue
        found = not rule.guard
        if not found:
            moods = moods or Moods(folded)
            for m in rule.alternatives[j].finditer(folded):
                clause = moods.at(m.start())
                if not ((clause.negated and "n" in rule.guard) or (clause.hypothetical and "h" in rule.guard)):
                    found = True
                    break
        if found:
            return rule.status or Status.in_transit
    return Status.in_transit


def owners(lang: str, rows: list[Row]) -> dict[Phrase, set[int]]:
    """Every phrase of the language's table → the train rows (indexes) whose text it matches."""
    out: dict[Phrase, set[int]] = {}
    folded = [fold(row.text) for row in rows]
    for rule in TABLES[lang]:
        for j, alt in enumerate(rule.alternatives):
            hits = {i for i, text in enumerate(folded) if alt.search(text)}
            if hits:
                out[(rule.name, j)] = hits
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--by", choices=("row", "carrier", "source"), default="row")
    parser.add_argument("--errors", action="store_true", help="list the train rows misread when left out")
    args = parser.parse_args(argv)

    rows = [row for row in load() if row.lang == args.lang and row.split == "train"]
    by_phrase = owners(args.lang, rows)
    groups: dict[str, list[int]] = collections.defaultdict(list)
    for i, row in enumerate(rows):
        key = str(i) if args.by == "row" else getattr(row, args.by)
        groups[key].append(i)

    fit = sum(read(row.text, frozenset()) == row.status for row in rows)
    per_group: dict[str, list[bool]] = {}
    misses: list[tuple[str, Row, Status]] = []
    for key, members in groups.items():
        inside = set(members)
        off = frozenset(p for p, hits in by_phrase.items() if hits <= inside)
        marks = []
        for i in members:
            got = read(rows[i].text, off)
            marks.append(got == rows[i].status)
            if got != rows[i].status:
                misses.append((key, rows[i], got))
        per_group[key] = marks

    left_out = sum(sum(m) for m in per_group.values())
    print(f"{args.lang} train rows: {len(rows)}; read with every rule: {fit / len(rows):.3f}; "
          f"leave-one-{args.by}-out: {left_out / len(rows):.3f}")
    if args.by != "row":
        print(f"\n{'group':<60}{'rows':>6}{'left out':>10}")
        for key, marks in sorted(per_group.items(), key=lambda kv: -len(kv[1])):
            print(f"{key[:58]:<60}{len(marks):>6}{sum(marks) / len(marks):>10.3f}")
    if args.errors:
        print("\nmisread when left out:")
        for key, row, got in misses:
            where = "" if args.by == "row" else f" ({key[:30]})"
            print(f"  {row.status.value} read as {got.value}{where}: {row.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
