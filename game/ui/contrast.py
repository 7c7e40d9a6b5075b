"""The high-contrast palette, and the contrast arithmetic that proves every text is readable.

The palette module's colours are read when something is drawn, so switching palettes is
swapping those names; drawings cached with the old colours are dropped.
"""

from __future__ import annotations

from game.ui import palette
from game.ui.palette import RGB
from game.ui.widgets import paper_background

#: Colours text is drawn in, and the colours it is drawn on (menus, panels, the HUD).
TEXT_COLOURS = ("TEXT", "TEXT_MUTED", "INK", "INK_SOFT", "DEEP_RED", "RED", "GOOD", "BAD",
                "GOLD_TEXT")
BACKGROUNDS = ("PAPER", "PANEL", "WHITE")
#: Other pairs drawn on purpose: labels on coloured buttons, disabled buttons, badges.
BUTTON_PAIRS = (("WHITE", "RED"), ("WHITE", "GOOD"), ("WHITE", "BAD"), ("INK", "GOLD"),
                ("TEXT_MUTED", "PAPER_DARK"), ("TEXT", "PAPER_DARK"), ("WHITE", "DEEP_RED"),
                ("GOLD", "RED"))

HIGH_CONTRAST: dict[str, RGB] = {
    "PAPER": (255, 253, 246),
    "PAPER_DARK": (222, 218, 206),
    "PANEL": (255, 255, 255),
    "PANEL_BORDER": (0, 0, 0),
    "WHITE": (255, 255, 255),
    "INK": (0, 0, 0),
    "INK_SOFT": (40, 36, 34),
    "TEXT": (0, 0, 0),
    "TEXT_MUTED": (52, 48, 44),
    "DEEP_RED": (120, 0, 0),
    "RED": (168, 0, 0),
    "GOOD": (0, 96, 28),
    "BAD": (168, 0, 0),
    "GOLD": (255, 204, 40),
    "GOLD_DARK": (112, 76, 0),
    "GOLD_TEXT": (104, 70, 0),
}
NORMAL: dict[str, RGB] = {name: getattr(palette, name) for name in HIGH_CONTRAST}
MINIMUM = 4.5
"""WCAG AA for normal text."""


def luminance(colour: RGB) -> float:
    """Relative luminance of an sRGB colour (WCAG 2)."""
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours, 1.0 to 21.0."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs() -> list[tuple[str, str]]:
    """Every (text colour, background) pair by palette name."""
    return [(f, b) for f in TEXT_COLOURS for b in BACKGROUNDS] + list(BUTTON_PAIRS)


def use_high_contrast(on: bool) -> bool:
    """Switch the palette; return True when it changed (cached drawings must be redrawn)."""
    colours = HIGH_CONTRAST if on else NORMAL
    changed = any(getattr(palette, name) != colour for name, colour in colours.items())
    for name, colour in colours.items():
        setattr(palette, name, colour)
    if changed:
        paper_background.cache_clear()
    return changed
