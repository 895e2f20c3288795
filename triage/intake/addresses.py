"""The report's address: stored at intake when the form found one, and owed otherwise.

Reports from the API and Open311 (and form reports made while no geocoder answered) are stored without an
address; the periodic run looks up the nearest address to their pin, outside any request and outside any write
transaction, so a slow geocoder never holds the database or a client. A report is asked about once when the
geocoder answers (found or not); while the geocoder is down it stays owed and is asked again at the next run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from geoalchemy2.shape import to_shape
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from geo.geocoder import Address, GeocoderSettings, GeocoderUnavailable, reverse
from models import Report

log = logging.getLogger(__name__)
OWED_PER_RUN = 50  # a backlog (a geocoder configured late) is worked off over several runs


def store_address(report: Report, address: Address | None, now: datetime) -> None:
    """Write what the geocoder said; None means it answered that no address is near."""
    if address is not None:
        report.street, report.house_number = address.street, address.house_number or None
        report.postcode, report.place = address.postcode or None, address.place or None
    report.address_sought_at = now


def owed_addresses(session: Session, limit: int = OWED_PER_RUN) -> list[tuple[int, float, float]]:
    """(report id, lon, lat) of reports with a pin that nobody has looked up yet, oldest first.

    A buurt chosen without a pin has no place to look up: its point is only the buurt's middle.
    """
    rows = session.execute(
        select(Report.id, Report.location)
        .where(
            Report.address_sought_at.is_(None),
            Report.street.is_(None),
            Report.location_is_approximate.is_(False),
        )
        .order_by(Report.id)
        .limit(limit)
    )
    return [(report_id, (point := to_shape(location)).x, point.y) for report_id, location in rows]


def settle_owed_addresses(
    sessions: Callable[[], Session], geocoder: GeocoderSettings | None, now: datetime, limit: int = OWED_PER_RUN
) -> int:
    """Look up the owed addresses; returns how many reports were settled. Stops at the first unavailable answer."""
    if geocoder is None or not geocoder.enabled:
        return 0
    with sessions() as session:
        owed = owed_addresses(session, limit)
        session.rollback()
    settled = 0
    for report_id, lon, lat in owed:
        try:
            found = reverse(geocoder, lon, lat)
        except GeocoderUnavailable as error:
            log.warning("geocoder unavailable, %d addresses stay owed: %s", len(owed) - settled, error)
            break
        with sessions() as session:
            settled += _store_owed(session, report_id, found.address if found else None, now)
            session.commit()
    return settled


def _store_owed(session: Session, report_id: int, address: Address | None, now: datetime) -> int:
    """A plain UPDATE: the address is no officer's edit, so it leaves the report's version (and their form) alone."""
    values: dict = {"address_sought_at": now}
    if address is not None:
        values |= {
            "street": address.street,
            "house_number": address.house_number or None,
            "postcode": address.postcode or None,
            "place": address.place or None,
        }
    result = session.execute(
        update(Report).where(Report.id == report_id, Report.address_sought_at.is_(None)).values(**values)
    )
    return result.rowcount
