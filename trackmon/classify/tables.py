"""Every language's rule table, by language code (one module each under `languages/`)."""

from __future__ import annotations

from trackmon.classify.languages import TABLES

__all__ = ["TABLES"]
