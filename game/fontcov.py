"""Which characters a font can draw, read from its ``cmap`` table (standard library only).

Used by headless checks to find text the bundled font cannot render, so it must not
import pygame or fontTools.
"""

from __future__ import annotations

import functools
import pathlib
import struct
import unicodedata

from game import resources

__all__ = [
    "BOLD_FONT",
    "FONT_DIR",
    "REGULAR_FONT",
    "font_codepoints",
    "missing_chars",
]

FONT_DIR: pathlib.Path = resources.fonts_dir()
REGULAR_FONT: pathlib.Path = FONT_DIR / "NotoSansSC-Regular.otf"
BOLD_FONT: pathlib.Path = FONT_DIR / "NotoSansSC-Bold.otf"

# Unicode cmap subtables by preference (platformID, encodingID); same order as HarfBuzz
# and fontTools' getBestCmap: full-repertoire tables first, Windows before Unicode.
_PREFERRED_SUBTABLES: tuple[tuple[int, int], ...] = (
    (3, 10),
    (0, 6),
    (0, 4),
    (3, 1),
    (0, 3),
    (0, 2),
    (0, 1),
    (0, 0),
)
_SFNT_VERSIONS = frozenset({b"\x00\x01\x00\x00", b"OTTO", b"true"})
_MAX_CODEPOINT = 0x10FFFF


class _Reader:
    """Bounds-checked big-endian reads from a byte buffer, raising ValueError."""

    def __init__(self, data: bytes, what: str) -> None:
        """Wrap ``data``; ``what`` names it in error messages."""
        self.data = data
        self.what = what

    def _unpack(self, fmt: str, offset: int, size: int) -> tuple[int, ...]:
        """Unpack ``fmt`` (``size`` bytes) at ``offset``; ValueError if it runs past the end."""
        if offset < 0 or offset + size > len(self.data):
            raise ValueError(
                f"{self.what}: truncated data (need {size} bytes at offset {offset}, "
                f"have {len(self.data)})"
            )
        return struct.unpack_from(fmt, self.data, offset)

    def u8_array(self, offset: int, count: int) -> tuple[int, ...]:
        """Read ``count`` unsigned bytes."""
        return self._unpack(f">{count}B", offset, count)

    def u16(self, offset: int) -> int:
        """Read an unsigned 16-bit integer."""
        return self._unpack(">H", offset, 2)[0]

    def u32(self, offset: int) -> int:
        """Read an unsigned 32-bit integer."""
        return self._unpack(">L", offset, 4)[0]

    def u16_array(self, offset: int, count: int) -> tuple[int, ...]:
        """Read ``count`` unsigned 16-bit integers."""
        return self._unpack(f">{count}H", offset, 2 * count)

    def u32_array(self, offset: int, count: int) -> tuple[int, ...]:
        """Read ``count`` unsigned 32-bit integers."""
        return self._unpack(f">{count}L", offset, 4 * count)

    def tag(self, offset: int) -> bytes:
        """Read a four-byte tag."""
        if offset < 0 or offset + 4 > len(self.data):
            raise ValueError(f"{self.what}: truncated data (need a tag at offset {offset})")
        return self.data[offset : offset + 4]


def _find_cmap(font: _Reader) -> _Reader:
    """Return the ``cmap`` table of an sfnt font (first face of a collection)."""
    base = 0
    signature = font.tag(0)
    if signature == b"ttcf":
        if font.u32(8) == 0:
            raise ValueError(f"{font.what}: font collection has no faces")
        base = font.u32(12)
        signature = font.tag(base)
    if signature not in _SFNT_VERSIONS:
        raise ValueError(f"{font.what}: not an OpenType/TrueType font (signature {signature!r})")
    num_tables = font.u16(base + 4)
    for i in range(num_tables):
        record = base + 12 + 16 * i
        if font.tag(record) == b"cmap":
            offset, length = font.u32(record + 8), font.u32(record + 12)
            if offset + length > len(font.data):
                raise ValueError(
                    f"{font.what}: cmap table (offset {offset}, length {length}) runs past "
                    f"the end of the file ({len(font.data)} bytes)"
                )
            return _Reader(font.data[offset : offset + length], f"{font.what}: cmap")
    raise ValueError(f"{font.what}: font has no cmap table")


def _format0(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 0 (byte encoding) subtable."""
    glyphs = cmap.u8_array(at + 6, 256)
    return {code for code, glyph in enumerate(glyphs) if glyph}


def _format4(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 4 (BMP segment mapping) subtable."""
    # The uint16 length field overflows in large fonts, so reads are bounded by the
    # whole cmap table instead of the declared subtable length.
    seg_count = cmap.u16(at + 6) // 2
    ends_at = at + 14
    starts_at = ends_at + 2 * seg_count + 2  # skip reservedPad
    deltas_at = starts_at + 2 * seg_count
    range_offsets_at = deltas_at + 2 * seg_count
    ends = cmap.u16_array(ends_at, seg_count)
    starts = cmap.u16_array(starts_at, seg_count)
    deltas = cmap.u16_array(deltas_at, seg_count)
    range_offsets = cmap.u16_array(range_offsets_at, seg_count)
    codes: set[int] = set()
    for i in range(seg_count):
        start, end, delta, range_offset = starts[i], ends[i], deltas[i], range_offsets[i]
        if start > end:
            raise ValueError(f"{cmap.what}: format 4 segment {i} has start {start} > end {end}")
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = cmap.u16(range_offsets_at + 2 * i + range_offset + 2 * (code - start))
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                codes.add(code)
    return codes


def _format6(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 6 (trimmed table) subtable."""
    first, count = cmap.u16(at + 6), cmap.u16(at + 8)
    glyphs = cmap.u16_array(at + 10, count)
    return {first + i for i, glyph in enumerate(glyphs) if glyph}


def _format10(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 10 (trimmed array) subtable."""
    first, count = cmap.u32(at + 12), cmap.u32(at + 16)
    if first + count - 1 > _MAX_CODEPOINT:
        raise ValueError(f"{cmap.what}: format 10 range exceeds U+10FFFF")
    glyphs = cmap.u16_array(at + 20, count)
    return {first + i for i, glyph in enumerate(glyphs) if glyph}


def _groups(cmap: _Reader, at: int, fmt: int) -> list[tuple[int, int, int]]:
    """Validated (start, end, glyph) groups of a format 12 or 13 subtable."""
    count = cmap.u32(at + 12)
    values = cmap.u32_array(at + 16, 3 * count)
    groups = [(values[k], values[k + 1], values[k + 2]) for k in range(0, 3 * count, 3)]
    previous_end = -1
    for start, end, _glyph in groups:
        # Groups must be sorted and disjoint; checking it also bounds the work done.
        if start > end or end > _MAX_CODEPOINT or start <= previous_end:
            raise ValueError(
                f"{cmap.what}: format {fmt} group U+{start:04X}..U+{end:04X} is invalid "
                "(reversed, beyond U+10FFFF, or overlapping/unsorted)"
            )
        previous_end = end
    return groups


def _format12(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 12 (segmented coverage) subtable."""
    codes: set[int] = set()
    for start, end, glyph in _groups(cmap, at, 12):
        # Only the first code of a group can land on glyph 0 (.notdef).
        codes.update(range(start + (glyph == 0), end + 1))
    return codes


def _format13(cmap: _Reader, at: int) -> set[int]:
    """Code points of a format 13 (many-to-one) subtable."""
    codes: set[int] = set()
    for start, end, glyph in _groups(cmap, at, 13):
        if glyph:
            codes.update(range(start, end + 1))
    return codes


_PARSERS = {0: _format0, 4: _format4, 6: _format6, 10: _format10, 12: _format12, 13: _format13}


def _cmap_codepoints(cmap: _Reader) -> frozenset[int]:
    """Code points mapped to a real glyph by the best Unicode subtable of ``cmap``."""
    count = cmap.u16(2)
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        record = 4 + 8 * i
        key = (cmap.u16(record), cmap.u16(record + 2))
        subtables.setdefault(key, cmap.u32(record + 4))
    formats_seen: list[int] = []
    for key in _PREFERRED_SUBTABLES:
        if key not in subtables:
            continue
        at = subtables[key]
        fmt = cmap.u16(at)
        parser = _PARSERS.get(fmt)
        if parser is None:
            formats_seen.append(fmt)
            continue
        return frozenset(parser(cmap, at))
    detail = f" (unsupported formats {formats_seen})" if formats_seen else ""
    raise ValueError(f"{cmap.what}: no usable Unicode subtable{detail}")


@functools.lru_cache(maxsize=32)
def font_codepoints(path: pathlib.Path) -> frozenset[int]:
    """Return the code points the font at ``path`` maps to a glyph other than .notdef."""
    data = pathlib.Path(path).read_bytes()
    return _cmap_codepoints(_find_cmap(_Reader(data, str(path))))


def _never_missing(char: str) -> bool:
    """True for whitespace and control characters, which need no glyph."""
    return char.isspace() or unicodedata.category(char) == "Cc"


def missing_chars(text: str, codepoints: frozenset[int]) -> list[str]:
    """Return the characters of ``text`` not in ``codepoints``, once each, in first-seen order."""
    seen: set[str] = set()
    missing: list[str] = []
    for char in text:
        if char in seen:
            continue
        seen.add(char)
        if ord(char) not in codepoints and not _never_missing(char):
            missing.append(char)
    return missing
