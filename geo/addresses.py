"""A report's place as people read it: its address when one is known, else its buurt and wijk with the resident's
own description. One function for every page and mail, so nobody is shown raw coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from geo.geocoder import Address
from models import Area, Report


class AddressFields(Protocol):
    """A report's address as its columns hold it: the report itself, or a list's row of those columns."""

    street: str | None
    house_number: str | None
    postcode: str | None
    place: str | None
    location_text: str | None


@dataclass(frozen=True)
class ReadableLocation:
    address: str  # "Dorpsstraat 1, 1234AB Dorp", or "" when no address is known
    buurt: str
    wijk: str
    text: str  # what the resident wrote about the place

    @property
    def line(self) -> str:
        """One line without words of a language, for mails that carry Dutch and English: address, else buurt, wijk."""
        area = ", ".join(part for part in (self.buurt, self.wijk) if part)
        return "; ".join(part for part in (self.address or area, self.text) if part)


def address_of(report: AddressFields) -> Address | None:
    if not report.street:
        return None
    return Address(report.street, report.house_number or "", report.postcode or "", report.place or "")


def readable_location(report: Report) -> ReadableLocation:
    return readable(address_of(report), report.buurt, report.wijk, report.location_text or "")


def readable_location_of_row(row: AddressFields) -> ReadableLocation:
    """The same for a list read as plain rows: the report's address and text columns, its areas by name in
    `buurt_name` and `wijk_name`."""
    address = address_of(row)
    return ReadableLocation(
        address.line if address else "", row.buurt_name or "", row.wijk_name or "", row.location_text or ""
    )


def readable(address: Address | None, buurt: Area | None, wijk: Area | None, text: str) -> ReadableLocation:
    """Also for a report not stored yet (the summary before sending)."""
    return ReadableLocation(
        address=address.line if address else "",
        buurt=buurt.name if buurt else "",
        wijk=wijk.name if wijk else "",
        text=text,
    )
