"""Fetching the photo a client system links to (Open311 `media_url`), guarded, so a link cannot make us a proxy.

Off unless hosts are listed: only http(s) links to a listed host are fetched, without following redirects
(they could lead elsewhere), within a time and a size limit. What is fetched goes through the same photo
checks as an upload. The link itself is kept either way, so nothing is lost when fetching is off or fails.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, build_opener

from triage.intake.photos import MAX_BYTES
from triage.intake.submission import Upload

log = logging.getLogger(__name__)
MAX_URL_LENGTH = 2000


@dataclass(frozen=True)
class MediaSettings:
    hosts: frozenset[str] = field(default_factory=frozenset)
    timeout: float = 5.0
    max_bytes: int = MAX_BYTES


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError for the 3xx, which counts as "not fetched"


def is_web_link(url: str) -> bool:
    """An absolute http(s) URL with a host, short enough to keep."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return len(url) <= MAX_URL_LENGTH and parts.scheme in ("http", "https") and bool(parts.hostname)


def may_fetch(settings: MediaSettings, url: str) -> bool:
    return is_web_link(url) and (urlsplit(url).hostname or "").lower() in settings.hosts


def fetch_media(settings: MediaSettings, url: str) -> Upload | None:
    """The linked file as an upload, or None when fetching is off for this link, fails or is too large."""
    if not may_fetch(settings, url):
        return None
    host = urlsplit(url).hostname
    try:
        with build_opener(_NoRedirects).open(url, timeout=settings.timeout) as response:
            data = response.read(settings.max_bytes + 1)
    except (OSError, ValueError) as error:  # refused, timed out, HTTP error status or redirect
        log.warning("media from %s not fetched: %s", host, type(error).__name__)
        return None
    if len(data) > settings.max_bytes:
        log.warning("media from %s not fetched: larger than %d bytes", host, settings.max_bytes)
        return None
    return Upload(filename=urlsplit(url).path.rsplit("/", 1)[-1][:200], data=data)
