"""CSV cells never start like a spreadsheet formula and carry no control characters."""

from __future__ import annotations

import itertools

import pytest

from game.csvsafe import safe_cell


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+86 10", "'+86 10"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("王小明", "王小明"), ("a=b", "a=b"), (3, "3"),
    (None, ""), ("bell\x07x\x00", "bellx"), ("\x00=1", "'=1"), ("line\nbreak", "line\nbreak"),
])
def test_cells(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


ALPHABET = [chr(c) for c in range(33)] + ["\x7f", "=", "+", "-", "@", "'", "a", "长"]


@pytest.mark.parametrize("first", ALPHABET, ids=lambda c: f"U+{ord(c):04X}")
def test_no_cell_starts_like_a_formula(first: str) -> None:
    """Every start of up to three characters from the awkward ones, followed by text."""
    for rest in itertools.product(ALPHABET, repeat=2):
        text = first + "".join(rest) + "=1"
        cell = safe_cell(text)
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(text)
        assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in cell), repr(text)
        assert cell.endswith("=1")
