"""One proposal per report: the index on proposal.report_id becomes unique.

Nothing in the product stores a second proposal for a report (the pipeline leaves a report with one alone;
a split's second report is a new report; retraining proposes nothing again), but two proposal jobs running
at the same time could. Such doubles are removed first, keeping the latest: the one the inbox showed.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from alembic import op


revision = '0014'
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        'DELETE FROM proposal WHERE id NOT IN (SELECT max(id) FROM proposal GROUP BY report_id)'
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_report_id'))
        batch_op.create_index(batch_op.f('ix_proposal_report_id'), ['report_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_report_id'))
        batch_op.create_index(batch_op.f('ix_proposal_report_id'), ['report_id'], unique=False)
