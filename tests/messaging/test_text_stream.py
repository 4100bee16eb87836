"""A text compared piece by piece is the text `Renderer` makes, and the comparison stops at
the first difference (the planner's word-for-word check renders no further than that)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from trackmon.messaging.context import sample_contexts
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.render import Renderer
from trackmon.messaging.text_stream import normalized, same_text

WHOLE = re.compile(r"\n{3,}")
SAMPLES = ["", " \n\t ", "Hello", "\n\n Hello,\n\n\n\n\nbye \n \n\n\n", "a\n\n\n \n\n\nb\n", "  x  y  ",
           "Line\r\n\r\n\r\n\r\nnext\u2003\n", "\n\n\n\n"]


def _cuts(text: str, rng: random.Random) -> list[str]:
    points = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, rng.randint(0, 6))))
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


def test_normalized_pieces_make_the_whole_text_however_it_is_cut() -> None:
    rng = random.Random(7)
    for text in SAMPLES:
        whole = WHOLE.sub("\n\n", text.strip() + "\n")
        for _ in range(200):
            pieces = list(normalized(_cuts(text, rng)))
            assert "".join(pieces) == whole, (text, pieces)
            assert all(pieces)


def test_same_text_compares_whatever_the_cuts() -> None:
    rng = random.Random(11)
    for a in SAMPLES:
        for b in SAMPLES:
            wa, wb = WHOLE.sub("\n\n", a.strip() + "\n"), WHOLE.sub("\n\n", b.strip() + "\n")
            assert same_text(normalized(_cuts(a, rng)), normalized(_cuts(b, rng))) == (wa == wb)


def test_same_text_reads_no_further_than_the_first_difference() -> None:
    read: list[str] = []

    def pieces(*parts: str) -> Iterator[str]:
        for part in parts:
            read.append(part)
            yield part

    assert not same_text(pieces("Hello,", " one"), pieces("Hello,", " two", " never read"))
    assert "never read" not in read
    assert same_text(pieces("ab", "c"), pieces("a", "bc"))
    assert not same_text(pieces("ab"), pieces("ab", "c"))


def test_text_pieces_are_render_text_for_every_kind_and_language() -> None:
    renderer = Renderer()
    for kind in ALL_KINDS:
        for language in renderer.languages():
            for ctx in sample_contexts(kind):
                text = renderer.render_text(kind, language, ctx)
                assert "".join(renderer.text_pieces(kind, language, ctx)) == text
                assert text == renderer.render(kind, language, ctx).text


class _Pieces:
    """A renderer stand-in: each kind's text in pieces; "!" in a text fails its template there."""

    def __init__(self, texts: dict[str, list[str]]) -> None:
        self.texts = texts

    def text_pieces(self, kind: str, language: str, context: dict[str, object]) -> Iterator[str]:
        from trackmon.errors import TemplateError

        for piece in self.texts[kind]:
            if piece == "!":
                raise TemplateError(f"{kind} fails")
            yield piece


def test_a_failing_template_is_never_the_same_text() -> None:
    from datetime import UTC, datetime

    from trackmon.messaging.plan_book import PlanBook, Previous
    from trackmon.settings import Settings

    now = datetime(2026, 11, 30, tzinfo=UTC)
    book = PlanBook(None, Settings(), now)  # type: ignore[arg-type]  # no database read here
    book.renderer = _Pieces({"same": ["Hi", "\n"], "late_fail": ["Hi", "\n", "!"], "early_fail": ["!"],
                             "other": ["Bye", "\n"]})  # type: ignore[assignment]

    def prev(kind: str) -> Previous:
        return Previous(now, None, (kind, "en", {}))

    assert book.repeats(prev("same"), 1, "same", "en", {}) is True
    assert book.repeats(prev("other"), 1, "same", "en", {}) is False
    assert book.repeats(prev("same"), 1, "early_fail", "en", {}) is None      # its own failure: logged
    assert book.repeats(prev("same"), 1, "late_fail", "en", {}) is None       # read to the end: same so far
    failed = prev("late_fail")
    assert book.repeats(failed, 1, "same", "en", {}) is False                 # the previous one fails
    assert (failed.text, failed.source) == ("", None)                         # and is not rendered again
    assert book.repeats(failed, 1, "same", "en", {}) is False
    assert book.repeats(Previous(now, None, None), 1, "same", "en", {}) is False
