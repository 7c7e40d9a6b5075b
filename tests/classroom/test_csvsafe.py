"""CSV cells never start like a spreadsheet formula and carry no control characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.csvsafe import safe_cell


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+86 10", "'+86 10"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("王小明", "王小明"), ("a=b", "a=b"), (3, "3"),
    (None, ""), ("bell\x07x\x00", "bellx"), ("\x00=1", "'=1"), ("line\nbreak", "line\nbreak"),
])
def test_cells(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


@given(st.text())
def test_no_cell_starts_like_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in cell)
