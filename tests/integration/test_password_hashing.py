"""Staff passwords are hashed with argon2id at RFC 9106's parameters, whatever the tests use to go faster."""

from datetime import UTC, datetime

from argon2 import PasswordHasher, Type
from argon2.profiles import CHEAPEST

from tests.factories import PASSWORD, make_staff
from triage.staff import accounts

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_the_product_hashes_with_argon2id_at_rfc_9106_cost():
    parameters = accounts.PASSWORD_PARAMETERS
    assert parameters.type is Type.ID
    assert parameters.time_cost >= 3 and parameters.memory_cost >= 64 * 1024


def test_a_cheaper_hash_is_made_again_at_the_products_cost_when_its_owner_logs_in(session, monkeypatch):
    user = make_staff(session, email="snel@haarlem.example")  # hashed at the tests' cheap parameters
    cheap = user.password_hash
    assert PasswordHasher.from_parameters(CHEAPEST).check_needs_rehash(cheap) is False
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher.from_parameters(accounts.PASSWORD_PARAMETERS))

    assert accounts.authenticate(session, "snel@haarlem.example", PASSWORD) is user
    assert user.password_hash != cheap
    assert "m=65536,t=3,p=4" in user.password_hash
    assert accounts.authenticate(session, "snel@haarlem.example", "niet het wachtwoord") is None
