"""What a long-running `trackmon run` loads once at start-up instead of in its first cycle.

- the message templates: every one parsed, checked and sample-rendered (`messaging.render`), so
  a template typo stops the daemon before it polls anything, and the first planning step does
  not pay for it;
- the event-text classifier: its rule tables compiled and each language's index built, so the
  first carrier answer is read at full speed.

`trackmon run --once` stays lazy (one cycle loads only what it needs: nothing on an empty
database). The benchmark calls the same function before it measures and prints its time apart
(`bench.worker`: `warm_up`).
"""

from __future__ import annotations

import time

import structlog

from trackmon.settings import Settings

log = structlog.get_logger("trackmon.warm_up")


def warm_up(settings: Settings) -> dict[str, float]:
    """Load the templates and the classifier now; returns the seconds each took."""
    from carriers.classifying import classify_description
    from trackmon.messaging.render import load_renderer

    started = time.perf_counter()
    load_renderer(settings)  # validates every template: a typo raises TemplateError here
    templates = time.perf_counter() - started
    from trackmon.classify.engine import index_for
    from trackmon.classify.lang import LANGUAGES

    for code in LANGUAGES:
        index_for(frozenset({code}))
    classify_description("warm up")
    classifier = time.perf_counter() - started - templates
    figures = {"templates_seconds": round(templates, 3), "classifier_seconds": round(classifier, 3)}
    log.info("daemon.warmed_up", **figures)
    return figures


__all__ = ["warm_up"]
