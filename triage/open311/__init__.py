"""Open311 GeoReport v2: what client systems post, which reports they may read, and their API keys; and the same
public read for the public map and "already reported?" on the resident form.
"""

from triage.open311.api_keys import active_key, key_hash
from triage.open311.posting import (
    GeocoderSettings,
    ServiceRequestPost,
    attributes_from,
    check_post,
    linked_photo,
    point_for_address,
    record_submission,
    to_submission,
)
from triage.open311.public import (
    MapFilter,
    PublicReport,
    open_reports_near,
    open_statuses,
    public_categories,
    public_open_reports,
    public_report,
    rough_point,
)
from triage.open311.requests import VisibleRequest, find_request, find_requests, parse_query, request_id_for_token

__all__ = [
    "MapFilter",
    "PublicReport",
    "open_reports_near",
    "open_statuses",
    "public_categories",
    "public_open_reports",
    "public_report",
    "rough_point",
    "active_key",
    "key_hash",
    "GeocoderSettings",
    "ServiceRequestPost",
    "VisibleRequest",
    "attributes_from",
    "check_post",
    "find_request",
    "find_requests",
    "linked_photo",
    "parse_query",
    "point_for_address",
    "record_submission",
    "request_id_for_token",
    "to_submission",
]
