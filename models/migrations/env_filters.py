"""Which database objects Alembic compares: not the spatial extensions' own tables, nor the report search's
index tables and indexes (migration 0013), which are the database's own kind of object and not models."""

from geoalchemy2 import alembic_helpers

SPATIALITE_INTERNALS = {"SpatialIndex", "sql_statements_log", "ElementaryGeometries", "KNN", "data_licenses"}


SEARCH_OBJECTS = ("report_search", "ix_report_search_")


def include_object(obj, name, obj_type, reflected, compare_to) -> bool:
    if obj_type == "table" and name in SPATIALITE_INTERNALS:
        return False
    if reflected and name and name.startswith(SEARCH_OBJECTS):
        return False
    return alembic_helpers.include_object(obj, name, obj_type, reflected, compare_to)
