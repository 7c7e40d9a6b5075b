"""Helpers for loader-error tests: write a YAML text, load it, and look at the problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.content.errors import ContentError, Problem


def write(tmp_path: Path, text: str, name: str) -> Path:
    """Write ``text`` to ``tmp_path/name`` as UTF-8."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(load: Callable[[Path, str], object], path: Path, shown: str) -> list[Problem]:
    """The problems ``load`` reports for ``path`` shown as ``shown`` (it must fail)."""
    with pytest.raises(ContentError) as error:
        load(path, shown)
    assert all(p.path == shown for p in error.value.problems)
    return list(error.value.problems)


def only(found: list[Problem]) -> Problem:
    """The one problem in ``found``."""
    assert len(found) == 1, found
    return found[0]


def changed(old: str, new: str, text: str) -> str:
    """``text`` with its one ``old`` replaced by ``new``."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def assert_at(problem: Problem, line: int, column: int, message: str) -> None:
    """``problem`` is at ``line``:``column`` and its message contains ``message``."""
    assert (problem.line, problem.column) == (line, column), problem
    assert message in problem.message, problem
