"""Alembic migrations of the trackmon schema (run through `trackmon.schema`)."""
