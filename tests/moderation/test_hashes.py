"""PDQ and SHA-256 matching on real images drawn with Pillow."""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from parley.moderation.hashes import (
    BankEntry,
    HashBankError,
    HashKind,
    HashMatcher,
    hamming,
    parse_hash_bank_csv,
    pdq_hash,
    sha256_hex,
)


def _picture(seed: int, size: tuple[int, int] = (480, 360)) -> Image.Image:
    """A landscape-ish drawing: a gradient sky, hills, a sun and some houses."""
    rng = np.random.default_rng(seed)
    w, h = size
    sky = np.linspace(rng.integers(80, 200), rng.integers(0, 120), h, dtype=np.float64)
    pixels = np.zeros((h, w, 3), dtype=np.uint8)
    for channel, tint in enumerate(rng.uniform(0.5, 1.0, 3)):
        pixels[:, :, channel] = (sky[:, None] * tint).astype(np.uint8)
    image = Image.fromarray(pixels)
    draw = ImageDraw.Draw(image)
    for _ in range(3):
        top = int(rng.integers(h // 3, h - 40))
        color = tuple(int(v) for v in rng.integers(0, 255, 3))
        draw.ellipse([int(rng.integers(-200, w)), top, int(rng.integers(w, w + 300)), h + 300],
                     fill=color)  # fmt: skip
    sx, sy = int(rng.integers(40, w - 40)), int(rng.integers(20, h // 3))
    draw.ellipse([sx - 30, sy - 30, sx + 30, sy + 30], fill=(250, 220, 60))
    for _ in range(5):
        x, y = int(rng.integers(0, w - 60)), int(rng.integers(h // 2, h - 60))
        draw.rectangle([x, y, x + 50, y + 40], fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
        draw.polygon([(x - 5, y), (x + 25, y - 25), (x + 55, y)], fill=(120, 30, 30))
    return image.filter(ImageFilter.GaussianBlur(1))


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def original() -> Image.Image:
    return _picture(1)


def test_hash_format_and_quality(original: Image.Image) -> None:
    computed = pdq_hash(_png(original))
    assert len(computed.hex) == 64 and int(computed.hex, 16) >= 0
    assert computed.quality >= 50
    assert pdq_hash(original) == computed  # bytes or an opened image alike


@pytest.mark.parametrize(
    "variant",
    [
        lambda im: im.resize((240, 180), Image.Resampling.LANCZOS),
        lambda im: Image.open(io.BytesIO(_jpeg(im, 40))),
        lambda im: im.crop((5, 4, im.width - 5, im.height - 4)),
        lambda im: im.resize((960, 720)),
    ],
    ids=["half-size", "jpeg-q40", "crop-2pct", "double-size"],
)
def test_edited_copies_match(original: Image.Image, variant) -> None:  # type: ignore[no-untyped-def]
    bank = HashMatcher([BankEntry(pdq_hash(original).hex, HashKind.PDQ, "csam", "test", "b1")])
    edited = pdq_hash(variant(original))
    [match] = bank.match_pdq(edited.hex, quality=edited.quality)
    assert match.distance <= 31
    assert match.entry.category == "csam"


def test_unrelated_picture_does_not_match(original: Image.Image) -> None:
    bank = HashMatcher([BankEntry(pdq_hash(original).hex, HashKind.PDQ, "csam", "test", "b1")])
    other = pdq_hash(_picture(2))
    assert hamming(other.hex, pdq_hash(original).hex) > 31
    assert bank.match_pdq(other.hex, quality=other.quality) == []


def test_flat_image_is_low_quality_and_ignored() -> None:
    flat = pdq_hash(Image.new("RGB", (300, 300), (200, 30, 30)))
    assert flat.quality < 50
    bank = HashMatcher([BankEntry(flat.hex, HashKind.PDQ, "csam", "test", "b1")])
    assert bank.match_pdq(flat.hex, quality=flat.quality) == []
    assert HashMatcher(bank_entries := [BankEntry(flat.hex, HashKind.PDQ, "csam", "t", "b")],
                       min_quality=0).match_pdq(flat.hex, quality=flat.quality)  # fmt: skip
    assert bank_entries


def test_sha256_and_media_matching(original: Image.Image) -> None:
    data = _png(original)
    bank = HashMatcher([
        BankEntry(sha256_hex(data), HashKind.SHA256, "terrorism", "gifct", "b2"),
        BankEntry(pdq_hash(original).hex, HashKind.PDQ, "terrorism", "gifct", "b2"),
    ])  # fmt: skip
    kinds = [m.entry.kind for m in bank.match_media(data)]
    assert kinds == [HashKind.SHA256, HashKind.PDQ]
    recompressed = [m.entry.kind for m in bank.match_media(_jpeg(original, 60))]
    assert recompressed == [HashKind.PDQ]
    assert bank.match_media(b"not an image at all") == []
    assert bank.match_sha256(sha256_hex(data).upper())


def test_large_bank_is_fast(original: Image.Image) -> None:
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, size=(100_000, 32), dtype=np.uint8)
    entries = [BankEntry(bytes(row).hex(), HashKind.PDQ, "csam", "r", "big") for row in noise]
    target = pdq_hash(original)
    bank = HashMatcher(entries)
    bank.add([BankEntry(target.hex, HashKind.PDQ, "csam", "needle", "big")])
    assert len(bank) == 100_001
    bank.match_pdq(target.hex)  # builds the packed matrix once
    started = time.perf_counter()
    matches = bank.match_pdq(pdq_hash(original.resize((240, 180))).hex)
    assert time.perf_counter() - started < 0.2
    assert [m.entry.source for m in matches] == ["needle"]


HEX_A = "a" * 64
HEX_B = "0123456789abcdef" * 4


def test_parse_csv_with_kind_column() -> None:
    text = (
        f"hash,category,source,kind\n{HEX_A},csam,ncmec,pdq\n"
        f"{HEX_B.upper()},terrorism,gifct,sha256\n"
    )
    entries = parse_hash_bank_csv(text, bank="industry")
    assert entries == [
        BankEntry(HEX_A, HashKind.PDQ, "csam", "ncmec", "industry"),
        BankEntry(HEX_B, HashKind.SHA256, "terrorism", "gifct", "industry"),
    ]


def test_parse_csv_needs_a_kind() -> None:
    text = f"hash,category,source\n{HEX_A},csam,ncmec\n"
    with pytest.raises(HashBankError, match="kind"):
        parse_hash_bank_csv(text, bank="b")
    [entry] = parse_hash_bank_csv(io.StringIO(text), bank="b", kind="sha256")
    assert entry.kind is HashKind.SHA256


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (f"{HEX_A[:-1]},csam,x,pdq", "line 3: hash must be 64 hex"),
        (f"{'g' * 64},csam,x,pdq", "line 3: hash must be 64 hex"),
        (f"{HEX_A},gardening,x,pdq", "line 3: unknown category 'gardening'"),
        (f"{HEX_A},csam,x,md5", "line 3: kind must be pdq or sha256"),
        (f"{HEX_A},csam,,pdq", "line 3: source is empty"),
        (f"{HEX_A},csam,x,pdq,extra", "line 3: more fields"),
    ],
)
def test_parse_csv_rejects_bad_rows_with_line_numbers(body: str, message: str) -> None:
    text = f"hash,category,source,kind\n{HEX_B},csam,ok,pdq\n{body}\n"
    with pytest.raises(HashBankError, match=message):
        parse_hash_bank_csv(text, bank="b")


def test_parse_csv_bad_header() -> None:
    with pytest.raises(HashBankError, match="header"):
        parse_hash_bank_csv("digest,category\n", bank="b")
