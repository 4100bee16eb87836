"""One lease naming: the outbox and digest runs use `lease_owner` / `lease_expires_at`, as shipments do.

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-30 08:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = ("messages", "digest_runs")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("claimed_by", new_column_name="lease_owner")
            batch.alter_column("claim_expires_at", new_column_name="lease_expires_at")


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("lease_owner", new_column_name="claimed_by")
            batch.alter_column("lease_expires_at", new_column_name="claim_expires_at")
