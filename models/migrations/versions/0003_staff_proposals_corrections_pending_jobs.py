"""Staff accounts with roles and teams; proposals, corrections and owed jobs; report version for conflicts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_user')),
    sa.UniqueConstraint('email', name=op.f('uq_staff_user_email'))
    )
    op.create_table('staff_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('triage_officer', 'team_member', 'team_lead', 'admin', name='role', native_enum=False, length=20), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['staff_user.id'], name=op.f('fk_staff_role_user_id_staff_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_role')),
    sa.UniqueConstraint('user_id', 'role', name='uq_staff_role_user_role')
    )
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_role_user_id'), ['user_id'], unique=False)

    op.create_table('staff_team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_staff_team_team_id_team')),
    sa.ForeignKeyConstraint(['user_id'], ['staff_user.id'], name=op.f('fk_staff_team_user_id_staff_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_team')),
    sa.UniqueConstraint('user_id', 'team_id', name='uq_staff_team_user_team')
    )
    with op.batch_alter_table('staff_team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_team_user_id'), ['user_id'], unique=False)

    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('from_value', sa.String(length=120), nullable=True),
    sa.Column('to_value', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_user.id'], name=op.f('fk_correction_actor_id_staff_user')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_correction_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_correction'))
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_correction_report_id'), ['report_id'], unique=False)

    op.create_table('pending_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_pending_job_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_job'))
    )
    with op.batch_alter_table('pending_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_job_done_at'), ['done_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pending_job_report_id'), ['report_id'], unique=False)

    op.create_table('proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('category_confidence', sa.Float(), nullable=True),
    sa.Column('queue', sa.Enum('simple', 'complex', 'maatwerk', name='queue', native_enum=False, length=20), nullable=True),
    sa.Column('queue_confidence', sa.Float(), nullable=True),
    sa.Column('needs_person', sa.Boolean(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('artifacts', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_proposal_category_id_category')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_proposal_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal'))
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_report_id'), ['report_id'], unique=False)

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_report_id'))

    op.drop_table('proposal')
    with op.batch_alter_table('pending_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_job_report_id'))
        batch_op.drop_index(batch_op.f('ix_pending_job_done_at'))

    op.drop_table('pending_job')
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_report_id'))
        batch_op.drop_index(batch_op.f('ix_correction_at'))

    op.drop_table('correction')
    with op.batch_alter_table('staff_team', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_team_user_id'))

    op.drop_table('staff_team')
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_role_user_id'))

    op.drop_table('staff_role')
    op.drop_table('staff_user')
