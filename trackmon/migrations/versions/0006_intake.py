"""Orders without a buyer email (AliExpress, Amazon): orders.buyer_email becomes nullable.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.alter_column("buyer_email", existing_type=sa.String(length=320), nullable=True)


def downgrade() -> None:
    # orders without an email cannot be kept by the old schema: give them an empty address
    op.execute("UPDATE orders SET buyer_email = '' WHERE buyer_email IS NULL")
    with op.batch_alter_table("orders") as batch:
        batch.alter_column("buyer_email", existing_type=sa.String(length=320), nullable=False)
