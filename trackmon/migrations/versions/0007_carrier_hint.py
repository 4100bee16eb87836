"""The carrier the aggregator detected for a parcel (shipments.aggregator_carrier).

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-30 06:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("aggregator_carrier", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("aggregator_carrier")
