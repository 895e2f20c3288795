"""Checking and cleaning resident photos before anything is stored.

A photo is decoded (so a file named .jpg that is not an image is refused), limited in bytes and pixels
(so a decompression bomb cannot exhaust memory), turned upright, and re-encoded without any metadata:
EXIF often holds the GPS position of the resident's home.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
STORED_MAX_SIDE = 2560
THUMBNAIL_SIDE = 400


class PhotoRejected(Exception):
    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class PreparedPhoto:
    """A cleaned photo and its thumbnail, both JPEG without metadata, ready to be stored."""

    original_name: str
    image: bytes
    thumbnail: bytes
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.image).hexdigest()


def prepare_photo(data: bytes, original_name: str = "") -> PreparedPhoto:
    if not data:
        raise PhotoRejected("photo.empty", name=original_name)
    if len(data) > MAX_BYTES:
        raise PhotoRejected("photo.too_large", name=original_name, max_mb=MAX_BYTES // (1024 * 1024))
    image = _decode(data, original_name)
    upright = ImageOps.exif_transpose(image).convert("RGB")
    upright.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
    thumb = upright.copy()
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return PreparedPhoto(
        original_name=original_name[:255],
        image=_jpeg(upright, quality=85),
        thumbnail=_jpeg(thumb, quality=80),
        width=upright.width,
        height=upright.height,
    )


def _decode(data: bytes, original_name: str) -> Image.Image:
    """Open and fully load the image, refusing non-images and images with too many pixels before decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ACCEPTED_FORMATS:
                raise PhotoRejected("photo.not_an_image", name=original_name)
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRejected("photo.too_many_pixels", name=original_name, max_mp=MAX_PIXELS // 1_000_000)
            image.load()
            return image
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PhotoRejected("photo.not_an_image", name=original_name) from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoRejected("photo.too_many_pixels", name=original_name, max_mp=MAX_PIXELS // 1_000_000) from None


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()
