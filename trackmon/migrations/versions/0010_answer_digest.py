"""A digest of each number's last answer (shipments.answer_digest): an identical answer
skips reading the stored history and diffing it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("answer_digest", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("answer_digest")
