import io

import pytest
from PIL import Image

from tests.factories import jpeg_bytes
from triage.intake.photos import MAX_BYTES, PhotoRejected, prepare_photo


def test_prepared_photo_has_no_exif_and_keeps_its_size():
    original = jpeg_bytes(size=(640, 480), exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825), "fixture must carry GPS"

    photo = prepare_photo(original, "kapotte-lamp.jpg")

    cleaned = Image.open(io.BytesIO(photo.image))
    assert cleaned.format == "JPEG"
    assert dict(cleaned.getexif()) == {}
    assert b"Exif" not in photo.image[:200]
    assert (photo.width, photo.height) == (640, 480)


def test_thumbnail_is_small_jpeg():
    photo = prepare_photo(jpeg_bytes(size=(2000, 1000)), "breed.jpg")
    thumb = Image.open(io.BytesIO(photo.thumbnail))
    assert max(thumb.size) == 400
    assert thumb.format == "JPEG"


def test_png_with_transparency_is_stored_as_jpeg():
    out = io.BytesIO()
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(out, format="PNG")
    assert Image.open(io.BytesIO(prepare_photo(out.getvalue(), "a.png").image)).format == "JPEG"


def test_text_file_named_jpg_is_refused():
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(b"this is not an image at all" * 10, "foto.jpg")
    assert refusal.value.code == "photo.not_an_image"
    assert refusal.value.params["name"] == "foto.jpg"


def test_truncated_jpeg_is_refused():
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(jpeg_bytes(size=(300, 300))[:400], "half.jpg")
    assert refusal.value.code == "photo.not_an_image"


def test_gif_is_refused_as_unsupported():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(out.getvalue(), "anim.gif")
    assert refusal.value.code == "photo.not_an_image"


def test_file_over_ten_megabytes_is_refused_before_decoding():
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(b"\xff\xd8" + b"0" * MAX_BYTES, "groot.jpg")
    assert refusal.value.code == "photo.too_large"


def test_image_over_forty_megapixels_is_refused():
    out = io.BytesIO()
    Image.new("1", (8000, 5001)).save(out, format="PNG")  # 40.008 MP, a small file
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(out.getvalue(), "panorama.png")
    assert refusal.value.code == "photo.too_many_pixels"


def test_decompression_bomb_is_refused_without_warning():
    out = io.BytesIO()
    Image.new("1", (10000, 10000)).save(out, format="PNG")  # 100 MP: Pillow would warn
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(out.getvalue(), "bomb.png")
    assert refusal.value.code == "photo.too_many_pixels"


def test_empty_file_is_refused():
    with pytest.raises(PhotoRejected) as refusal:
        prepare_photo(b"", "leeg.jpg")
    assert refusal.value.code == "photo.empty"
