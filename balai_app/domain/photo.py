"""Checking and scaling a photo (pure: bytes in, bytes out; Pillow, no database).

A file over ``MAX_PHOTO_INPUT`` bytes or ``MAX_PHOTO_PIXELS`` pixels is refused
before it is decoded (the size is read from the image header), with a message
naming the limit: a 169-megapixel PNG would otherwise take gigabytes to decode.
"""

from __future__ import annotations

import io
import warnings

from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr

MAX_PHOTO_SIDE = 600
MAX_PHOTO_INPUT = 20 * 1024 * 1024
# Below Pillow's decompression-bomb warning (89 MP): a 50 MP photo decodes to 150-200 MB already.
MAX_PHOTO_PIXELS = 50_000_000


def prepare_photo(data: bytes) -> bytes:
    """Check and scale a JPEG/PNG to at most 600 px on its long side, as JPEG."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_PHOTO_INPUT:
        raise ValidationError({"photo": tr("Berkas foto terlalu besar (maksimal 20 MB).")})
    try:
        with warnings.catch_warnings():  # our own pixel limit below answers in Indonesian
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG"):
            raise ValidationError({"photo": tr("Foto harus berformat JPEG atau PNG.")})
        if image.width * image.height > MAX_PHOTO_PIXELS:  # read from the header, before decoding
            raise ValidationError({"photo": tr(
                "Foto terlalu besar: {w} x {h} piksel ({mp} megapiksel; maksimal {max} megapiksel). "
                "Perkecil dulu foto ini.").format(w=image.width, h=image.height,
                                                  mp=round(image.width * image.height / 1e6),
                                                  max=MAX_PHOTO_PIXELS // 1_000_000)})
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.convert("RGBA").split()[-1])
            image = background
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85, optimize=True)
    except Image.DecompressionBombError as exc:
        raise ValidationError({"photo": tr("Ukuran gambar terlalu besar (piksel); perkecil dulu foto ini.")}) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError({"photo": tr("Berkas bukan gambar yang dapat dibaca.")}) from exc
    return out.getvalue()
