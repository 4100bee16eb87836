"""What detection reads of a parcel's history (shipments.detection_basis), kept beside the
answer digest: an unchanged answer is checked without reading the stored events.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("detection_basis", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("detection_basis")
