"""Text from saves and packs, made safe for a spreadsheet cell or a terminal line.

A teacher opens the report's CSV in Excel, LibreOffice or Google Sheets. A cell whose
text begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
programs skip before looking) is run as a formula there: ``=HYPERLINK(...)`` in a
question id, a profile named ``-2-3``. :func:`safe_cell` prefixes such a text with
``'``, the quote every spreadsheet reads as "this is text", and removes control
characters. :func:`plain_text` removes what a terminal would obey instead of show:
escape sequences, other control characters and invisible direction overrides.

Numbers stay numbers (a count is never a formula). Standard library only.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_STARTS", "plain_text", "safe_cell"]

#: First characters a spreadsheet treats as the start of a formula (with their
#: full-width forms, which some spreadsheets accept from East Asian input methods).
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")

# C0 controls but tab and line feed, DEL, C1 controls.
_CONTROL_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# For one terminal line: every C0/C1 control (ESC starts escape sequences), and the
# invisible format characters that reorder or hide text (U+200B-U+200F, U+202A-U+202E,
# U+2060-U+2069, U+FEFF).
_CONTROL_ON_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def safe_cell(value: object) -> str:
    """``value`` as the text of one CSV cell that a spreadsheet never runs as a formula.

    ``None`` is an empty cell; ``True``/``False`` are ``yes``/``no``; integers and
    floats are written as they are. Any other value is text: control characters (but tab
    and line feed inside the text) are removed, and a text beginning with ``= + - @``,
    a tab or a carriage return gets a leading ``'``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        try:
            return str(value)
        except ValueError:  # an integer too long to print: not a real count
            return ""
    text = str(value)
    if text[:1] in FORMULA_STARTS:
        return "'" + _CONTROL_IN_CELL.sub("", text)
    text = _CONTROL_IN_CELL.sub("", text)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def plain_text(value: object) -> str:
    """``value`` as text for one line of a terminal: controls and direction marks removed."""
    return _CONTROL_ON_TERMINAL.sub("", str(value))
