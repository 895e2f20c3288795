"""API keys of the client systems that write through Open311 (national apps, FixMyStreet, a call centre).

A key is 32 random bytes shown once, when it is made; only its SHA-256 is stored. Staff passwords use
argon2 because people choose guessable ones; a random key has nothing to guess, so a fast hash is as safe
and lets every request find its key by hash in one indexed lookup instead of a slow hash per request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ApiKey

KEY_BYTES = 32
MAX_KEY_LENGTH = 128  # anything longer is not one of ours: refuse before hashing it
MAX_NAME_LENGTH = 120


class ApiKeyError(ValueError):
    pass


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(session: Session, name: str, now: datetime) -> tuple[ApiKey, str]:
    """A new key for the named client; returns the row and the key, which is never readable again."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise ApiKeyError(f"give the client a name of 1 to {MAX_NAME_LENGTH} characters")
    key = secrets.token_urlsafe(KEY_BYTES)
    row = ApiKey(name=name, key_hash=key_hash(key), created_at=now)
    session.add(row)
    session.flush()
    return row, key


def active_key(session: Session, presented: str) -> ApiKey | None:
    """The unrevoked key matching what a client presented, else None."""
    if not presented or len(presented) > MAX_KEY_LENGTH:
        return None
    query = select(ApiKey).where(ApiKey.key_hash == key_hash(presented), ApiKey.revoked_at.is_(None))
    return session.scalar(query)


def revoke(session: Session, key_id: int, now: datetime) -> ApiKey:
    """Stop a key at once; the row stays, so the reports it sent still say who sent them."""
    row = session.get(ApiKey, key_id)
    if row is None:
        raise ApiKeyError(f"no API key with id {key_id}")
    if row.revoked_at is None:
        row.revoked_at = now
        session.flush()
    return row


def all_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))
