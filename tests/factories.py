"""Domain factories, valid by default: reports, staff, proposals, API keys, Open311 requests and photos.

They build through the product's own services (intake, accounts, triage decisions, API keys), so what they
make is what the product itself could have stored. The fixtures are named after the domain; the make_*
functions serve tests that need several, or that work in a session of their own (the browser tests).
Registered for pytest in tests/conftest.py.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from PIL import Image
from sqlalchemy import select

from models import Category, Channel, Proposal, Queue, Report, Role, StaffUser
from triage.inbox.decisions import correct
from triage.intake.photo_store import PhotoStore
from triage.intake.submission import Submission, check_submission, submit_report
from triage.open311.api_keys import create_key
from triage.reference.data_folder import DEFAULT_DATA_DIR
from triage.staff import accounts
from triage.staff.accounts import create_user

# Points used across the tests (lon, lat).
GROTE_MARKT = (4.6368, 52.3812)
HEEMSTEDE = (4.62, 52.355)
AMSTERDAM_DAM = (4.8924, 52.3731)

MUNICIPALITY = "GM0392"  # Haarlem, the municipality of the shipped demo data
CONTAINER_FULL = "container-is-vol"
CONTAINER = "afval_container-is-vol"  # the same category as an Open311 service code
PASSWORD = "een lang wachtwoord 123"
OFFICER_EMAIL = "officer@haarlem.example"


def make_report(
    session, photos: PhotoStore | Path, description: str = "Container zit vol", at=GROTE_MARKT, now=None, **fields
) -> Report:
    """A report as the web form hands it in: checked, stored and audited by the intake service.

    `fields` are further Submission fields (email, phone, contact_consent, ...) or the channel.
    """
    channel = fields.pop("channel", Channel.WEB)
    store = photos if isinstance(photos, PhotoStore) else PhotoStore(photos)
    submission = Submission(description=description, lon=str(at[0]), lat=str(at[1]), **fields)
    location = check_submission(session, submission, MUNICIPALITY)
    return submit_report(session, submission, location, store, channel=channel, now=now or datetime.now(UTC))


# What the periodic run (triage.periodic.periodic_work) reports when nothing was owed; a test names what it expects
# on top of this, so a new kind of periodic work is added here once.
QUIET_PERIODIC_RUN = {
    "escalated": 0,
    "unanswered": 0,
    "anonymised": 0,
    "handed_over": 0,
    "mailed": 0,
    "addressed": 0,
    "dashboard_days": 0,
}


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """Real argon2 at its cheapest parameters for the accounts tests make: at the product's cost every account and
    every log-in took 0.1 to 0.6 s, the largest single share of the suite. test_password_hashing.py checks the
    product's own parameters, and that a cheap hash is made again with them at its next log-in."""
    product_hasher = accounts._hasher
    accounts._hasher = PasswordHasher.from_parameters(CHEAPEST)
    yield
    accounts._hasher = product_hasher


def make_staff(
    session, *roles: Role, email: str = OFFICER_EMAIL, name: str = "Test Medewerker", teams=(), now=None
) -> StaffUser:
    """A staff account with the given roles and teams; its password is PASSWORD."""
    user = create_user(session, email, name, PASSWORD, list(roles), list(teams), now or datetime.now(UTC))
    session.flush()
    return user


def category(session, slug: str = CONTAINER_FULL) -> Category:
    return session.scalar(select(Category).where(Category.slug == slug))


def make_proposal(session, report: Report, slug: str = CONTAINER_FULL, now=None, **changes) -> Proposal:
    """A weak proposal (container full, simple queue) that leaves the report waiting for an officer."""
    values = {
        "category_confidence": 0.62,
        "queue": Queue.SIMPLE,
        "queue_confidence": 0.55,
        "needs_person": True,
        "reasons": {"category": [{"kind": "text", "text": "Woorden in de tekst: ‘container’"}]},
        "artifacts": {},
        **changes,
    }
    proposal = Proposal(
        report_id=report.id, category=category(session, slug), created_at=now or report.created_at, **values
    )
    session.add(proposal)
    session.flush()
    return proposal


def route_report(session, report: Report, officer, queue: str = "simple", slug: str = CONTAINER_FULL, now=None):
    """An officer's decision puts the report in a queue (and starts its clock), as the inbox does."""
    correct(session, report, officer, report.version, category(session, slug).id, queue, now or datetime.now(UTC))
    return report


def make_api_key(session, name: str = "FixMyStreet") -> str:
    """A valid key of a client system, as `triage apikeys create` hands it out."""
    _, key = create_key(session, name, datetime.now(UTC))
    session.flush()
    return key


def request_fields(key: str) -> dict:
    """A valid Open311 POST: a full container on the Grote Markt."""
    return {
        "api_key": key,
        "service_code": CONTAINER,
        "lat": str(GROTE_MARKT[1]),
        "long": str(GROTE_MARKT[0]),
        "description": "De container bij de kerk zit vol, er staan zakken naast.",
    }


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30), exif_gps: bool = False) -> bytes:
    """A real JPEG; with exif_gps it carries a GPS position, as phone photos do."""
    image = Image.new("RGB", size, colour)
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 22.0, 48.0), 3: "E", 4: (4.0, 38.0, 12.0)})
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def report(session, tmp_path) -> Report:
    """A report just received from the web form: a full container on the Grote Markt, no contact details."""
    return make_report(session, tmp_path)


@pytest.fixture
def officer(session) -> StaffUser:
    return make_staff(session, Role.TRIAGE_OFFICER, email=OFFICER_EMAIL, name="Officier")


@pytest.fixture
def team_member(session) -> StaffUser:
    """A member of the team that works the simple queue."""
    return make_staff(session, Role.TEAM_MEMBER, email="member@haarlem.example", teams=["team-eenvoudig"])


@pytest.fixture
def lead(session) -> StaffUser:
    return make_staff(session, Role.TEAM_LEAD, email="lead@haarlem.example")


@pytest.fixture
def staff_by_role(session) -> dict[Role, StaffUser]:
    """One account per role, each with only that role, at <role>@haarlem.example."""
    return {role: make_staff(session, role, email=f"{role.value}@haarlem.example", name=role.value) for role in Role}


@pytest.fixture
def api_key(session) -> str:
    return make_api_key(session)


@pytest.fixture
def valid_request(api_key) -> dict:
    """The fields of a valid Open311 POST, with a key of its own."""
    return request_fields(api_key)


def other_municipality(tmp_path: Path, **changes) -> Path:
    """A data folder for another municipality: the shipped one copied (the same areas, teams and categories, so the
    same places are in and out) under a profile with `changes`."""
    folder = tmp_path / "zuidstad"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    profile = json.loads((folder / "municipality.json").read_text(encoding="utf-8"))
    (folder / "municipality.json").write_text(json.dumps({**profile, **changes}), encoding="utf-8")
    return folder
