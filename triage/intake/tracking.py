"""Codes that identify a report to the resident.

The tracking code is short enough to read out over the phone and shows only the status; the status
token in the status-page link is long and random, because that page shows the resident's own text.
"""

from __future__ import annotations

import secrets

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from models import Report

# Crockford-style alphabet without 0/O, 1/I/L and U, so codes survive being read aloud or typed by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "MOR"


def new_tracking_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{PREFIX}-{chars[:4]}-{chars[4:]}"


def normalise_tracking_code(text: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, O for 0 and I/L for 1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    return f"{PREFIX}-{cleaned[:4]}-{cleaned[4:]}" if len(cleaned) == 8 else ""


def unique_tracking_code(session: Session) -> str:
    while True:
        code = new_tracking_code()
        if not session.scalar(select(exists().where(Report.tracking_code == code))):
            return code


def new_status_token() -> str:
    return secrets.token_urlsafe(32)
