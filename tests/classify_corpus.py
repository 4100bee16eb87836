"""Checking the classifier against the corpus' TRAIN split (the held-out split is never used to
write rules or tests): every per-language family test reads its real wordings through here."""

from __future__ import annotations

import functools

from bench.corpus import load
from trackmon.classify import classify_description, explain
from trackmon.domain import Status, SubStatus


@functools.cache
def train_labels(lang: str | None = None) -> dict[str, Status]:
    """Train-split texts (of one language, or all) and the status their source gives them."""
    return {row.text: row.status for row in load() if row.split == "train" and lang in (None, row.lang)}


def read(text: str) -> tuple[Status, SubStatus | None]:
    """What the classifier reads; an ordinary scan reads as in transit (as `bench.accuracy` scores it)."""
    got = classify_description(text)
    return (got.status, got.sub_status) if got else (Status.in_transit, None)


def check(text: str, status: Status, sub: SubStatus | str | None = "any", *, lang: str | None = None) -> None:
    """`text` is a train row labeled `status` (in `lang`), and the classifier reads it so."""
    where = f"a {lang} train row" if lang else "a train row"
    assert train_labels(lang).get(text) is status, f"not {where} labeled {status}: {text}"
    got = read(text)
    assert got[0] is status, (text, got, explain(text))
    if sub != "any":
        assert got[1] is sub, (text, got, explain(text))


def checker(lang: str):
    """`check` bound to one language."""
    return functools.partial(check, lang=lang)


__all__ = ["check", "checker", "read", "train_labels"]
