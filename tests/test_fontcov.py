"""Tests for game.fontcov and the bundled Noto Sans SC subsets."""

from __future__ import annotations

import contextlib
import os
import pathlib
import unicodedata

import pytest

from game.fontcov import (
    BOLD_FONT,
    FONT_DIR,
    REGULAR_FONT,
    font_codepoints,
    missing_chars,
)

SHIPPED_FONTS = [REGULAR_FONT, BOLD_FONT]

# Characters the UI is promised on top of GB2312 (see assets/fonts/README.md).
PUNCTUATION = "é ü × · – — ‘ ’ “ ” … ← ↑ → ↓ ★ ☆ ✓ ● ○ ▶ ◀ ▲ ▼ ■ □ ♪ ①②③④⑤⑥⑦⑧⑨⑩".replace(" ", "")

# Hanzi outside GB2312 that shipped text uses (EXTRA_HANZI in assets/fonts/make_subset.py):
# 喆 is the historian 李喆 in the bibliography, shown on the credits screen.
EXTRA_HANZI = "喆"

# Requested but absent from Noto Sans CJK SC itself, so the subset cannot have it.
UPSTREAM_MISSING = "✗"

RENDER_TEXT = ("长征 湘江战役 四渡赤水 巧渡金沙江 飞夺泸定桥 雪山 包座 三军会师 李喆 "
               "“引号”,。!?《》——…")


def _gb2312() -> str:
    """Every character of GB2312, from decoding each valid two-byte code."""
    chars = []
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((lead, trail)).decode("gb2312"))
    return "".join(chars)


def _assigned(first: int, last: int) -> str:
    """The assigned, visible characters in a code point range."""
    return "".join(
        chr(cp)
        for cp in range(first, last + 1)
        if unicodedata.category(chr(cp)) not in {"Cn", "Cc", "Cs", "Co"}
    )


def test_paths() -> None:
    assert FONT_DIR.name == "fonts" and FONT_DIR.parent.name == "assets"
    for path in SHIPPED_FONTS:
        assert path.parent == FONT_DIR
        assert path.is_file(), f"{path} missing: run assets/fonts/make_subset.py"
    assert (FONT_DIR / "OFL.txt").is_file()


@pytest.mark.parametrize("path", SHIPPED_FONTS, ids=lambda p: p.name)
def test_matches_fonttools(path: pathlib.Path) -> None:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # test-only dependency

    with TTFont(str(path), lazy=True) as font:
        expected = {cp for cp, glyph in font.getBestCmap().items() if glyph != ".notdef"}
    assert font_codepoints(path) == expected


def test_cached() -> None:
    assert font_codepoints(REGULAR_FONT) is font_codepoints(REGULAR_FONT)


@pytest.mark.parametrize("path", SHIPPED_FONTS, ids=lambda p: p.name)
def test_coverage(path: pathlib.Path) -> None:
    cps = font_codepoints(path)
    gb2312 = _gb2312()
    assert len(gb2312) == 7445
    assert missing_chars(gb2312, cps) == []
    assert missing_chars(PUNCTUATION, cps) == []
    assert missing_chars(EXTRA_HANZI, cps) == []
    assert missing_chars("".join(map(chr, range(0x20, 0x7F))), cps) == []
    assert missing_chars(_assigned(0xA0, 0xFF), cps) == []
    assert missing_chars(_assigned(0x3000, 0x303F), cps) == []
    assert missing_chars(_assigned(0xFF00, 0xFFEF), cps) == []
    assert missing_chars(UPSTREAM_MISSING, cps) == list(UPSTREAM_MISSING)


def test_missing_chars_order_and_duplicates() -> None:
    cps = frozenset(map(ord, "abc长征"))
    assert missing_chars("长x征yxz长y", cps) == ["x", "y", "z"]
    assert missing_chars("", cps) == []
    assert missing_chars("abc", frozenset()) == ["a", "b", "c"]


def test_missing_chars_ignores_whitespace_and_controls() -> None:
    text = " \t\n\r\x0b\x0c\u3000\u00a0\u2009\x00\x1b\x7f"
    assert missing_chars(text, frozenset()) == []
    assert missing_chars("长 征\n", frozenset(map(ord, "长征"))) == []


def test_missing_chars_with_shipped_font() -> None:
    cps = font_codepoints(REGULAR_FONT)
    text = "长征：红军不怕远征难！龘 😀 𠀀 龘 ก 線"
    assert missing_chars(text, cps) == ["龘", "😀", "𠀀", "ก", "線"]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"OTTO",
        b"\x00\x01\x00\x00\x00\x01",
        b"not a font at all, just some text" * 4,
        b"ttcf\x00\x01\x00\x00\x00\x00\x00\x01\xff\xff\xff\xff",
    ],
    ids=["empty", "tag-only", "short-header", "text", "bad-collection"],
)
def test_garbage_raises_value_error(tmp_path: pathlib.Path, data: bytes) -> None:
    path = tmp_path / "bad.otf"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=r"bad\.otf"):
        font_codepoints(path)


def test_truncated_font_raises_value_error(tmp_path: pathlib.Path) -> None:
    data = REGULAR_FONT.read_bytes()
    for size in (12, 100, 300, 2000, 20000):
        path = tmp_path / f"cut{size}.otf"
        path.write_bytes(data[:size])
        with pytest.raises(ValueError, match=r"truncated|runs past|no cmap"):
            font_codepoints(path)


def test_renders_without_tofu() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    try:
        font = pygame.font.Font(str(REGULAR_FONT), 32)

        def pixels(text: str) -> bytes:
            surface = font.render(text, True, (255, 255, 255), (0, 0, 0))
            assert surface.get_width() > 0, f"{text!r} rendered with zero width"
            return pygame.image.tobytes(surface, "RGB")

        notdef = pixels("\U000f0000")  # private use plane: surely not in the font
        seen: dict[bytes, str] = {}
        for char in dict.fromkeys(RENDER_TEXT.replace(" ", "")):
            data = pixels(char)
            assert any(data), f"{char!r} rendered blank"
            assert data != notdef, f"{char!r} rendered as the .notdef box"
            assert data not in seen, f"{char!r} and {seen.get(data)!r} render identically"
            seen[data] = char
    finally:
        pygame.font.quit()
