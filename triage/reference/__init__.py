"""What the municipality and the product ship as reference data: the data folder (DATA_DIR, data_folder.py), loading
it into the database, the category tree and its service codes, and the municipality profile.
"""

from triage.reference.categories import (
    active_main_categories,
    active_services,
    active_tree,
    by_service_code,
    main_categories,
    owning_teams,
    service_code,
)
from triage.reference.data_folder import configured_data_dir
from triage.reference.loading import load_reference_data
from triage.reference.profile import MunicipalityProfile, load_profile

__all__ = [
    "MunicipalityProfile",
    "active_main_categories",
    "active_services",
    "active_tree",
    "by_service_code",
    "configured_data_dir",
    "load_profile",
    "load_reference_data",
    "main_categories",
    "owning_teams",
    "service_code",
]
