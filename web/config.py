"""Settings from the environment, with the embedded defaults that `make run` needs and nothing secret in code.

DATA_DIR chooses the municipality; its code, name and Open311 jurisdiction come from that folder's profile
unless the environment or the app's config sets them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from geo.geocoder import GeocoderSettings
from models.database import database_url, instance_dir, replica_url
from triage.periodic import DEFAULT_BASE_URL, PeriodicSettings
from triage.proposals import artifact_root
from triage.reference import MunicipalityProfile, configured_data_dir, load_profile
from triage.staff import DEFAULT_INVITATION_HOURS

SHARED_PLACES = Path(__file__).resolve().parents[2] / "shared/data/geo/nl_pc4_centroids/nl_pc4_city_centroids.json"
PDOK_BRT_TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
FROM_PROFILE = {  # setting -> the profile's field that gives its default
    "MUNICIPALITY_CODE": "code",
    "MUNICIPALITY_NAME": "name",
    "OPEN311_JURISDICTION": "open311_jurisdiction",
}


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment; the embedded default keeps a generated one in instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance / "secret_key"
    if not key_file.exists():
        instance.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _optional_float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _optional_int(value: str | None) -> int | None:
    return int(value) if value not in (None, "", "0") else None


def settings_from_environment() -> dict:
    instance = instance_dir()
    env = os.environ.get
    periodic = PeriodicSettings.from_environment(os.environ)
    return {
        "INSTANCE_DIR": str(instance),
        "SECRET_KEY": _secret_key(instance),
        "DATABASE_URL": database_url(),
        "DATABASE_REPLICA_URL": replica_url(),
        "UPLOAD_DIR": env("UPLOAD_DIR", str(instance / "uploads")),
        "ARTIFACT_DIR": str(artifact_root()),
        "CATEGORY_THRESHOLD": _optional_float(env("CATEGORY_THRESHOLD")),
        "QUEUE_THRESHOLD": _optional_float(env("QUEUE_THRESHOLD")),
        "DATA_DIR": str(configured_data_dir()),
        **{key: os.environ[key] for key in FROM_PROFILE if os.environ.get(key)},
        "MAP_TILE_URL": env("MAP_TILE_URL", PDOK_BRT_TILES),
        "MAP_TILE_ATTRIBUTION": env("MAP_TILE_ATTRIBUTION", "Kaartgegevens © Kadaster"),
        "REPORT_RATE_LIMIT": env("REPORT_RATE_LIMIT", "30 per minute;300 per day"),
        "OPEN311_RATE_LIMIT": env("OPEN311_RATE_LIMIT", "60 per minute;3000 per day"),
        "OPEN311_ENDPOINT_TYPE": env("OPEN311_ENDPOINT_TYPE", "production"),
        "OPEN311_MEDIA_HOSTS": env("OPEN311_MEDIA_HOSTS", ""),  # empty: media_url is kept as a link, not fetched
        "OPEN311_MEDIA_TIMEOUT": float(env("OPEN311_MEDIA_TIMEOUT", "5")),
        "GEOCODER_URL": env("GEOCODER_URL", ""),  # e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1
        "GEOCODER_TIMEOUT": float(env("GEOCODER_TIMEOUT", "3")),
        # postcode areas' places that name a pin outside the municipality offline (geo/wrong_door.py); not shipped
        "PLACES_FILE": env("PLACES_FILE", str(SHARED_PLACES) if SHARED_PLACES.is_file() else ""),
        "RATELIMIT_STORAGE_URI": env("RATELIMIT_STORAGE_URI", "memory://"),
        "REDIS_URL": env("REDIS_URL", ""),
        "SMTP": periodic.smtp,  # None: mail stays in the outbox for admins
        "PUBLIC_BASE_URL": periodic.public_base_url,
        "PERIODIC_SECONDS": int(env("PERIODIC_SECONDS", "300")),
        "RATELIMIT_ENABLED": env("RATELIMIT_ENABLED", "1") != "0",
        "RATELIMIT_HEADERS_ENABLED": True,  # a refused client learns when to try again (Retry-After)
        "LOGIN_RATE_LIMIT": env("LOGIN_RATE_LIMIT", "10 per minute"),  # per client address
        "LOGIN_ACCOUNT_RATE_LIMIT": env("LOGIN_ACCOUNT_RATE_LIMIT", "10 per minute;30 per hour"),  # failed, per e-mail
        "SESSION_IDLE_MINUTES": float(env("SESSION_IDLE_MINUTES", "30")),
        "SESSION_MAX_HOURS": float(env("SESSION_MAX_HOURS", "10")),
        "INVITATION_HOURS": float(env("INVITATION_HOURS", str(DEFAULT_INVITATION_HOURS))),  # a staff invite link
        "TRUSTED_PROXIES": int(env("TRUSTED_PROXIES", "0")),
        "REPORTER_RETENTION_DAYS": periodic.retention_days,
        "REPORT_DESTRUCTION_DAYS": _optional_int(env("REPORT_DESTRUCTION_DAYS")),  # None: reports are kept
        "SESSION_COOKIE_SECURE": env("SESSION_COOKIE_SECURE", "0") == "1",
        "MAX_CONTENT_LENGTH": 35 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": 4 * 3600,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": env("SESSION_COOKIE_SECURE", "0") == "1",
    }


def municipality_of(config: dict) -> MunicipalityProfile:
    """The profile in config's DATA_DIR; it fills the municipality's settings that nobody set."""
    profile = load_profile(config["DATA_DIR"])
    for key, attribute in FROM_PROFILE.items():
        config.setdefault(key, getattr(profile, attribute))
    return profile


def periodic_settings(config: dict) -> PeriodicSettings:
    """The periodic run's settings as this app has them, so an app made with overrides runs with those."""
    return PeriodicSettings(
        config["REPORTER_RETENTION_DAYS"],
        config["SMTP"],
        config["PUBLIC_BASE_URL"],
        GeocoderSettings(config["GEOCODER_URL"], config["MUNICIPALITY_CODE"], config["GEOCODER_TIMEOUT"]),
    )


WILDCARD_HOSTS = ("0.0.0.0", "::", "")  # bound to every interface: links point at this machine itself


def public_base_url(host: str, port: int, configured: str) -> str:
    """PUBLIC_BASE_URL when an operator set it; else where `serve` listens, so links in mails and Open311
    discovery follow --host/--port (make run's HOST and PORT) instead of a fixed port."""
    if os.environ.get("PUBLIC_BASE_URL") or configured != DEFAULT_BASE_URL:
        return configured
    shown = "127.0.0.1" if host in WILDCARD_HOSTS else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}"
