"""Intake: checking and storing what a resident or a client system sends (text, place, photos, contact details), the
codes residents refer to a report by, following someone else's report instead of reporting it again, the retention
of contact details and the destruction of whole reports after their keeping period; the contact centre's intake,
and "my reports" with the resident's own data and erasure requests.
"""

from triage.intake.addresses import settle_owed_addresses
from triage.intake.destruction import DueReport, destroy_reports, fingerprint, reports_due_for_destruction
from triage.intake.erasure_requests import (
    erase_on_request,
    handled_requests,
    refuse_erasure,
    reports_of_request,
    request_erasure,
    waiting_request_of,
    waiting_requests,
)
from triage.intake.following import (
    Interest,
    confirm_following,
    follow_original,
    follower_by_token,
    report_interest,
    start_following,
    stop_following,
)
from triage.intake.lookup import by_status_token, by_tracking_code, resident_messages, split_parts
from triage.intake.my_reports import (
    MyReport,
    address_of_visit,
    checked_address,
    data_export,
    overview_of,
    record_shown,
    request_link,
    usable_link,
    use_link,
)
from triage.intake.phone_intake import STAFF_CHANNELS, correct_contact_details, receive_staff_report, staff_channel
from triage.intake.photo_store import PhotoStore
from triage.intake.privacy import anonymise_expired_contacts
from triage.intake.remote_media import MediaSettings
from triage.intake.submission import (
    MAX_DESCRIPTION,
    MAX_LOCATION_TEXT,
    MAX_PHOTOS,
    MIN_DESCRIPTION,
    Submission,
    Upload,
    accept_uploads,
    check_submission,
    receive_report,
)

__all__ = [
    "erase_on_request",
    "handled_requests",
    "refuse_erasure",
    "reports_of_request",
    "request_erasure",
    "waiting_requests",
    "waiting_request_of",
    "MyReport",
    "address_of_visit",
    "checked_address",
    "data_export",
    "overview_of",
    "record_shown",
    "request_link",
    "usable_link",
    "use_link",
    "STAFF_CHANNELS",
    "correct_contact_details",
    "receive_staff_report",
    "staff_channel",
    "Interest",
    "confirm_following",
    "follower_by_token",
    "follow_original",
    "report_interest",
    "start_following",
    "stop_following",
    "DueReport",
    "destroy_reports",
    "fingerprint",
    "reports_due_for_destruction",
    "by_status_token",
    "by_tracking_code",
    "resident_messages",
    "split_parts",
    "MAX_DESCRIPTION",
    "MAX_LOCATION_TEXT",
    "MAX_PHOTOS",
    "MIN_DESCRIPTION",
    "MediaSettings",
    "PhotoStore",
    "Submission",
    "Upload",
    "accept_uploads",
    "anonymise_expired_contacts",
    "settle_owed_addresses",
    "check_submission",
    "receive_report",
]
