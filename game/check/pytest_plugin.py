"""pytest plugin: ``pytest levels/`` checks each level and quiz bank as a test of its own.

Registered as the ``pytest11`` entry point ``changzheng`` (or load it with
``-p game.check.pytest_plugin``). It only collects ``.yaml``/``.yml`` files inside a level
pack, a folder holding ``campaign.yaml`` or chapter folders with ``chapter.yaml``, so other
test suites are unaffected. Each level runs :func:`check_level` (validated, solved, font
checked) and each quiz bank :func:`check_quiz`; a failure lists the problems as
``file:line:column: message``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from game.check.runner import YAML_SUFFIXES, FileReport, check_level, check_quiz, display, kind_of
from game.content.campaign import CAMPAIGN_FILE, CHAPTER_FILE
from game.content.errors import ContentError
from game.content.yamlsafe import load_yaml_file

#: The kinds of file that become test items (campaign and chapter files only link them).
CHECKED_KINDS = ("level", "quiz")


class CheckFailed(Exception):
    """A content file did not pass its check."""

    def __init__(self, report: FileReport) -> None:
        super().__init__(report.path)
        self.report = report


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A :class:`PackFile` for each level or quiz file in a level pack."""
    if file_path.suffix not in YAML_SUFFIXES or kind_of(file_path) not in CHECKED_KINDS:
        return None
    if not in_pack(file_path.parent.resolve()):
        return None
    collector: PackFile = PackFile.from_parent(parent, path=file_path)
    return collector


@functools.lru_cache(maxsize=256)
def in_pack(folder: Path) -> bool:
    """Whether ``folder`` is in a level pack: it or a folder above it holds ``campaign.yaml``,
    a ``chapter.yaml``, or chapter folders."""
    for candidate in (folder, *folder.parents):
        if (candidate / CAMPAIGN_FILE).is_file() or (candidate / CHAPTER_FILE).is_file():
            return True
        if candidate == folder and any(folder.glob(f"*/{CHAPTER_FILE}")):
            return True
    return False


class PackFile(pytest.File):
    """A level or quiz file of a pack: one test item."""

    def collect(self) -> Iterator[pytest.Item]:
        kind = kind_of(self.path)
        yield CheckItem.from_parent(self, name=f"{kind}:{_label(self.path, kind)}", kind=kind)


def _label(path: Path, kind: str) -> str:
    """The level's id or the quiz bank's chapter, read cheaply; the file's stem otherwise."""
    key = "id" if kind == "level" else "chapter"
    try:
        root = load_yaml_file(path)
    except ContentError:
        return path.stem
    if isinstance(root, yaml.MappingNode):
        for key_node, value in root.value:
            if key_node.value == key and isinstance(value, yaml.ScalarNode) and value.value:
                return str(value.value)
    return path.stem


class CheckItem(pytest.Item):
    """Checks one level (validate, solve, fonts) or quiz bank (validate, fonts)."""

    def __init__(self, *, kind: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kind = kind

    def runtest(self) -> None:
        report = FileReport(display(self.path), self.kind)
        if self.kind == "level":
            check_level(self.path, report)
        else:
            check_quiz(self.path, report)
        if not report.ok:
            raise CheckFailed(report)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: str | None = None,
    ) -> str:
        """The problems, one per line, instead of a traceback."""
        if isinstance(excinfo.value, CheckFailed):
            report = excinfo.value.report
            lines = [str(problem) for problem in report.errors]
            lines += [f"warning: {warning}" for warning in report.warnings]
            count = len(report.errors)
            return f"{report.path}: {count} problem{'s' if count != 1 else ''}\n" + "\n".join(
                f"  {line}" for line in lines)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.kind} {self.name.partition(':')[2]}"
