"""Alembic environment: the engine is handed in by models.migrate, never built from a config file."""

from alembic import context
from geoalchemy2 import alembic_helpers

import models  # noqa: F401  (registers every table on Base.metadata)
from models.base import Base
from models.migrations.env_filters import include_object

engine = context.config.attributes["engine"]


with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        process_revision_directives=alembic_helpers.writer,
        render_item=alembic_helpers.render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
