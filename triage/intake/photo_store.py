"""Photo files outside the database.

A photo first lands as a draft (the resident is still looking at the summary), keyed by a random key that
only their form knows; on submission the draft becomes a stored photo. Drafts that are never submitted
are removed after a day.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from pathlib import Path

from triage.intake.photos import PreparedPhoto

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
DRAFT_MAX_AGE_SECONDS = 24 * 3600


class PhotoStore:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)
        self.drafts = self.root / "drafts"
        self.photos = self.root / "photos"

    def save_draft(self, photo: PreparedPhoto) -> str:
        key = secrets.token_urlsafe(24)
        folder = self.drafts / key
        folder.mkdir(parents=True)
        (folder / "photo.jpg").write_bytes(photo.image)
        (folder / "thumb.jpg").write_bytes(photo.thumbnail)
        (folder / "name.txt").write_text(photo.original_name, encoding="utf-8")
        return key

    def has_draft(self, key: str) -> bool:
        return bool(KEY_PATTERN.match(key)) and (self.drafts / key / "photo.jpg").is_file()

    def load_draft(self, key: str) -> PreparedPhoto | None:
        """Read a draft back; None when the key is malformed or the draft is gone."""
        if not self.has_draft(key):
            return None
        from PIL import Image  # local: only needed for the dimensions

        folder = self.drafts / key
        image = (folder / "photo.jpg").read_bytes()
        with Image.open(folder / "photo.jpg") as img:
            width, height = img.size
        return PreparedPhoto(
            original_name=(folder / "name.txt").read_text(encoding="utf-8"),
            image=image,
            thumbnail=(folder / "thumb.jpg").read_bytes(),
            width=width,
            height=height,
        )

    def draft_path(self, key: str, variant: str = "thumb") -> Path | None:
        if not self.has_draft(key):
            return None
        return self.drafts / key / ("thumb.jpg" if variant == "thumb" else "photo.jpg")

    def store(self, photo: PreparedPhoto) -> str:
        """Write a cleaned photo to its permanent place and return its storage key."""
        key = secrets.token_urlsafe(24)
        folder = self.photos / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{key}.jpg").write_bytes(photo.image)
        (folder / f"{key}.thumb.jpg").write_bytes(photo.thumbnail)
        return key

    def path(self, storage_key: str, variant: str = "photo") -> Path | None:
        if not KEY_PATTERN.match(storage_key):
            return None
        suffix = ".thumb.jpg" if variant == "thumb" else ".jpg"
        path = self.photos / storage_key[:2] / f"{storage_key}{suffix}"
        return path if path.is_file() else None

    def remove(self, storage_key: str) -> None:
        """Delete a stored photo and its thumbnail (a destroyed report); a missing file is no error."""
        if not KEY_PATTERN.match(storage_key):
            return
        for suffix in (".jpg", ".thumb.jpg"):
            (self.photos / storage_key[:2] / f"{storage_key}{suffix}").unlink(missing_ok=True)

    def discard_draft(self, key: str) -> None:
        if KEY_PATTERN.match(key):
            shutil.rmtree(self.drafts / key, ignore_errors=True)

    def prune_drafts(self, now_epoch: float | None = None) -> int:
        """Remove drafts older than a day; returns how many went."""
        now_epoch = time.time() if now_epoch is None else now_epoch
        removed = 0
        if not self.drafts.is_dir():
            return 0
        for folder in self.drafts.iterdir():
            if now_epoch - folder.stat().st_mtime > DRAFT_MAX_AGE_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed
