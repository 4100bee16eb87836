"""A message's text as it is rendered, piece by piece, and two texts compared as they come.

The planner stores a message whose text repeats the previous one word for word as
superseded. Two texts of different kinds differ in their first sentences, so the comparison
reads both renders side by side and stops at the first difference, instead of rendering
both whole. `normalized()` gives the text the way `Renderer` makes it (surrounding
whitespace stripped, runs of blank lines cut to one, one final newline) without waiting
for the end of the render.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

BLANK_RUN = re.compile(r"\n{3,}")


def normalized(chunks: Iterable[str]) -> Iterator[str]:
    """The pieces of `BLANK_RUN.sub("\\n\\n", "".join(chunks).strip() + "\\n")`, in order.

    Whitespace after the last visible character is held back until more text follows (or
    dropped at the end); every piece given out ends with a visible character, so no run of
    newlines spans two pieces and cutting runs piece by piece cuts them as in the whole text.
    """
    tail = ""          # whitespace seen after the last visible character
    started = False    # a visible character was given out
    for chunk in chunks:
        body = chunk.rstrip()
        if not body:
            if started:
                tail += chunk
            continue
        piece = tail + body if started else body.lstrip()
        tail, started = chunk[len(body):], True
        yield BLANK_RUN.sub("\n\n", piece)
    yield "\n"


def same_text(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two texts given in pieces are equal, reading no further than their first difference."""
    left, right = iter(a), iter(b)
    x = y = ""
    while True:
        x = x or _next_piece(left)
        y = y or _next_piece(right)
        if not x or not y:
            return not x and not y
        n = min(len(x), len(y))
        if x[:n] != y[:n]:
            return False
        x, y = x[n:], y[n:]


def _next_piece(pieces: Iterator[str]) -> str:
    """The next piece that is not empty; "" at the end."""
    return next((piece for piece in pieces if piece), "")
