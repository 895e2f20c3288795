"""Every link a mail carries, built here only.

Services do not know the site's address, so a link starts with BASE_URL_MARK and `with_base_url` fills it
in when the mail is sent. The paths are those of web/ (resident.status_page, team.report_page).
"""

from __future__ import annotations

import re

from models import Report

BASE_URL_MARK = "{base_url}"
SENT_SECRET = "(verwijderd na verzending / removed after sending)"


def status_link(report: Report) -> str:
    """The resident's secret status page."""
    return f"{BASE_URL_MARK}/melding/{report.status_token}"


def feedback_link(report: Report) -> str:
    """The feedback form on the resident's status page."""
    return f"{status_link(report)}#feedback"


def reply_link(report: Report) -> str:
    """The reply form on the resident's status page, where they answer the team's question."""
    return f"{status_link(report)}#reply"


def track_link(report: Report) -> str:
    """The public lookup by tracking code: status and date only, so it can be given to another resident."""
    return f"{BASE_URL_MARK}/volgen?code={report.tracking_code}"


def follow_confirm_link(token: str) -> str:
    """The page where a follower confirms their address (a button, so a mail scanner cannot confirm it)."""
    return f"{BASE_URL_MARK}/volgen-bevestigen/{token}"


def stop_following_link(token: str) -> str:
    """The page where a follower stops following; every follower mail carries it."""
    return f"{BASE_URL_MARK}/volgen-stoppen/{token}"


def staff_report_link(report: Report) -> str:
    """The report's page in the team view, for staff mail."""
    return f"{BASE_URL_MARK}/team/melding/{report.id}"


def my_reports_link(token: str) -> str:
    """The short-lived, single-use link to the resident's "my reports" page."""
    return f"{BASE_URL_MARK}/mijn-meldingen/link/{token}"


def invitation_link(token: str) -> str:
    """The page where an invited staff member sets their password (web.set_password)."""
    return f"{BASE_URL_MARK}/medewerkers/wachtwoord/{token}"


def with_base_url(text: str, base_url: str) -> str:
    return text.replace(BASE_URL_MARK, base_url.rstrip("/"))


# The paths above whose last part is a secret: whoever has the link can act as the resident or the invitee.
_SECRET_PATHS = (
    "/melding/",
    "/volgen-bevestigen/",
    "/volgen-stoppen/",
    "/mijn-meldingen/link/",
    "/medewerkers/wachtwoord/",
)
_SECRET_LINK = re.compile(
    "(" + re.escape(BASE_URL_MARK) + "(?:" + "|".join(map(re.escape, _SECRET_PATHS)) + "))[A-Za-z0-9_-]+"
)


def without_secrets(text: str) -> str:
    """The mail as the outbox keeps it once it went out: the kind of each link stays readable for an admin, its
    secret does not (the recipient has it now; the database keeps no other copy of an invitation's token)."""
    return _SECRET_LINK.sub(lambda match: match.group(1) + SENT_SECRET, text)
