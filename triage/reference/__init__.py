"""What the municipality and the product ship as reference data: the data folder (DATA_DIR, data_folder.py), loading
it into the database, the category tree and its service codes, and the municipality profile
(the data folder's file, and what an administrator saved over it in the screens) and its logo, the categories
and routing rules administrators edit in the screens, and the one order routing rules are tried in."""

from triage.reference.categories import (
    FilterChoices,
    active_main_categories,
    active_services,
    active_tree,
    by_service_code,
    configured_categories,
    configured_categories_in,
    filter_choices,
    main_categories,
    owning_teams,
    service_code,
)
from triage.reference.category_editing import (
    CategoryFields,
    all_teams,
    category_tree_for_admin,
    create_category,
    norm_changes,
    update_category,
)
from triage.reference.data_folder import configured_data_dir
from triage.reference.loading import load_reference_data
from triage.reference.logos import LogoRejected, LogoStore, prepare_logo, uploaded_logo_key
from triage.reference.profile import MunicipalityProfile, load_profile
from triage.reference.routing import Step, category_path, most_demanding, routing_for, routing_shown
from triage.reference.routing_rules import (
    PREVIEW_DAYS,
    RuleFields,
    areas_for_rules,
    check_rule,
    create_rule,
    preview_change,
    remove_rule,
    rule_key,
    rules_for_admin,
    update_rule,
)
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
    "CategoryFields",
    "FilterChoices",
    "LogoRejected",
    "LogoStore",
    "MunicipalityProfile",
    "PREVIEW_DAYS",
    "ProfileForm",
    "RuleFields",
    "ShippedMunicipality",
    "Step",
    "active_main_categories",
    "active_services",
    "active_tree",
    "all_teams",
    "areas_for_rules",
    "by_service_code",
    "category_path",
    "category_tree_for_admin",
    "configured_categories",
    "configured_categories_in",
    "check_profile",
    "check_rule",
    "configured_data_dir",
    "contrast_with_white",
    "create_category",
    "create_rule",
    "current_profile",
    "file_profile",
    "filter_choices",
    "load_profile",
    "load_reference_data",
    "main_categories",
    "most_demanding",
    "norm_changes",
    "owning_teams",
    "prepare_logo",
    "preview_change",
    "remove_rule",
    "routing_for",
    "routing_shown",
    "rule_key",
    "rules_for_admin",
    "save_profile",
    "serve_data_dir",
    "served_data_dir",
    "service_code",
    "shipped_municipalities",
    "update_category",
    "update_rule",
    "uploaded_logo_key",
]
