"""CSV cells a spreadsheet will not run: text that starts like a formula gets a ``'``.

Pupils type their own names, so a cell may begin with ``=``, ``+``, ``-`` or ``@``, which
Excel and LibreOffice would evaluate (CSV injection); such cells, and those starting with
a tab or carriage return, are prefixed with ``'``. Other control characters are removed.
"""

from __future__ import annotations

import re

__all__ = ["safe_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value: object) -> str:
    """``value`` as a CSV cell that opens as plain text in a spreadsheet."""
    text = _CONTROL.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
