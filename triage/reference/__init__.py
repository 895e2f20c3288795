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

__all__ = [
    "PREVIEW_DAYS",
    "CategoryFields",
    "RuleFields",
    "Step",
    "all_teams",
    "areas_for_rules",
    "category_path",
    "category_tree_for_admin",
    "check_rule",
    "create_category",
    "create_rule",
    "most_demanding",
    "norm_changes",
    "preview_change",
    "remove_rule",
    "routing_for",
    "routing_shown",
    "rule_key",
    "rules_for_admin",
    "update_category",
    "update_rule",
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
