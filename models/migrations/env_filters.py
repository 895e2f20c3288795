"""Which database objects Alembic compares: not the spatial extensions' own tables."""

from geoalchemy2 import alembic_helpers

SPATIALITE_INTERNALS = {"SpatialIndex", "sql_statements_log", "ElementaryGeometries", "KNN", "data_licenses"}


def include_object(obj, name, obj_type, reflected, compare_to) -> bool:
    if obj_type == "table" and name in SPATIALITE_INTERNALS:
        return False
    return alembic_helpers.include_object(obj, name, obj_type, reflected, compare_to)
