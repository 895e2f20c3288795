"""The municipality's logo as an administrator uploads it: checked and stored the way residents' photos are.

The file is decoded (a file named .png that is not an image is refused), limited in bytes and pixels (no
decompression bomb), scaled to what a page header needs and re-encoded as PNG without metadata (transparency
kept, unlike photos), then stored outside the database under the upload folder by its content hash, so the same
logo uploaded twice is one file and an undo can point back at the previous one.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 16_000_000
STORED_BOX = (600, 160)  # wide logos; the header shows it 48 px high, twice that for sharp screens
LOGO_KEY = re.compile(r"^[0-9a-f]{64}$")
UPLOADED = "upload:"  # profile.logo of an uploaded logo: "upload:<key>"


class LogoRejected(Exception):
    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def prepare_logo(data: bytes) -> bytes:
    """The logo as a clean PNG, or LogoRejected with a message key."""
    if not data:
        raise LogoRejected("profile.logo.empty")
    if len(data) > MAX_BYTES:
        raise LogoRejected("profile.logo.too_large", max_mb=MAX_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ACCEPTED_FORMATS:
                raise LogoRejected("profile.logo.format")
            if image.width * image.height > MAX_PIXELS:
                raise LogoRejected("profile.logo.too_large", max_mb=MAX_BYTES // (1024 * 1024))
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise LogoRejected("profile.logo.not_an_image") from None
    clean = ImageOps.exif_transpose(image).convert("RGBA")
    clean.thumbnail(STORED_BOX)
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


class LogoStore:
    """Logos under <upload folder>/logos/<sha256>.png."""

    def __init__(self, upload_dir: Path | str) -> None:
        self.root = Path(upload_dir) / "logos"

    def save(self, png: bytes) -> str:
        key = hashlib.sha256(png).hexdigest()
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{key}.png"
        if not path.exists():
            temporary = path.with_suffix(".part")
            temporary.write_bytes(png)
            temporary.replace(path)
        return key

    def path(self, key: str) -> Path | None:
        """The stored file of a key, or None for a key that is malformed or not stored."""
        if not LOGO_KEY.match(key or ""):
            return None
        path = self.root / f"{key}.png"
        return path if path.is_file() else None


def uploaded_logo_key(logo: str | None) -> str | None:
    """The store key when the profile's logo was uploaded in the screen; None for a shipped file or no logo."""
    return logo.removeprefix(UPLOADED) if logo and logo.startswith(UPLOADED) else None
