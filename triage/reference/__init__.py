"""What the municipality and the product ship as reference data: the data folder (DATA_DIR, data_folder.py), loading
it into the database, the category tree and its service codes, and the municipality profile
(the data folder's file, and what an administrator saved over it in the screens) and its logo.
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
from triage.reference.logos import LogoRejected, LogoStore, prepare_logo, uploaded_logo_key
from triage.reference.profile import MunicipalityProfile, load_profile
from triage.reference.saved_profile import (
    ProfileForm,
    ShippedMunicipality,
    check_profile,
    contrast_with_white,
    current_profile,
    file_profile,
    save_profile,
    serve_data_dir,
    served_data_dir,
    shipped_municipalities,
)

__all__ = [
    "LogoRejected",
    "LogoStore",
    "MunicipalityProfile",
    "ProfileForm",
    "ShippedMunicipality",
    "check_profile",
    "contrast_with_white",
    "current_profile",
    "file_profile",
    "prepare_logo",
    "save_profile",
    "serve_data_dir",
    "served_data_dir",
    "shipped_municipalities",
    "uploaded_logo_key",
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
