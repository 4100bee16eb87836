"""The classifier as carriers use it (`classify_description`, `refine` of `trackmon.classify`),
loaded on the first carrier text read rather than with the carrier modules: the manifests are
read by every command that loads settings, most of which never parse a carrier answer."""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import Any


@cache
def _classifier() -> ModuleType:
    import trackmon.classify
    return trackmon.classify


def classify_description(*args: Any, **kwargs: Any) -> Any:
    """`trackmon.classify.classify_description`."""
    return _classifier().classify_description(*args, **kwargs)


def refine(*args: Any, **kwargs: Any) -> Any:
    """`trackmon.classify.refine`."""
    return _classifier().refine(*args, **kwargs)


__all__ = ["classify_description", "refine"]
