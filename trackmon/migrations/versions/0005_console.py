"""The seller console: alerts can be snoozed and carry what the seller did (reshipped, refunded).

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("seller_action", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("seller_action_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("seller_action_at")
        batch.drop_column("seller_action")
        batch.drop_column("snoozed_until")
