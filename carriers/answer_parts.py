"""Digests of one number's raw part of an answer, so that a part seen before is not parsed again.

An aggregator answers a batch of numbers in one body; each number has its own part (17TRACK: an
accepted `gettrackinfo` item). `part_digest` hashes that part as decoded (orjson re-encodes
it the same way every time) together with the `parser_salt` of the code that reads it: the
adapter's module, the shared reading code and the classifier (code and rule tables). A new release
that reads the same bytes differently has another salt, so every stored digest stops matching
and each number's next answer is parsed again under the new rules (never a stale reading).

The caller holds each number's digest of the answer it stored last (`shipments.answer_digest`)
and passes it in `TrackRequest.known_digest`; the adapter reports a matching part as
`Unchanged` instead of parsing it (`trackmon.batch.settle` then skips the diff and the state
derivation). A part that cannot be encoded (e.g. an integer beyond 64 bits) has no digest:
it is always parsed.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path
from typing import Any

import orjson

import trackmon

_SHARED = ("carriers.base", "carriers.reading", "carriers.classifying", "trackmon.domain")


@functools.cache
def _classifier_signature() -> bytes:
    """The classifier's code and rule tables: every source file of `trackmon.classify`."""
    h = hashlib.blake2b(digest_size=16)
    root = Path(trackmon.__file__).parent / "classify"  # read, not imported: reading manifests stays light
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.digest()


@functools.cache
def parser_salt(module: str) -> bytes:
    """What decides how `module`'s adapter reads a part: trackmon's version, the source of the
    adapter and of the shared reading code, and the classifier's rules (computed once)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(trackmon.__version__.encode())
    for name in (module, *_SHARED):
        source = getattr(sys.modules.get(name), "__file__", None)
        h.update(name.encode())
        if source:
            h.update(Path(source).read_bytes())
    h.update(_classifier_signature())
    return h.digest()


def part_digest(salt: bytes, part: Any) -> str | None:
    """Hex digest (32 characters, `shipments.answer_digest`) of one decoded part, or None when
    the part cannot be encoded again (then it is always parsed)."""
    try:
        encoded = orjson.dumps(part)
    except (TypeError, orjson.JSONEncodeError):
        return None
    return hashlib.blake2b(encoded, key=salt, digest_size=16).hexdigest()


__all__ = ["parser_salt", "part_digest"]
