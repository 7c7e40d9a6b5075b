"""Packaging step that pyproject.toml cannot say: put the campaign and fonts into the wheel.

Educators edit the top-level ``levels/`` and ``assets/fonts/`` of the checkout, so they stay
there; building a wheel (``pip install .``, ``pip wheel .``) copies them into the package as
``game/shipped/levels`` and ``game/shipped/fonts``, where ``game/resources.py`` finds them.
The editable install (``pip install -e .``) copies nothing: it reads the checkout's folders.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Source folder in the checkout -> folder inside the package, and what to leave out.
DATA = {"levels": "game/shipped/levels", "assets/fonts": "game/shipped/fonts"}
SKIP_SUFFIXES = {".py", ".pyc"}


def data_files() -> list[tuple[Path, str]]:
    """Every (source file, path inside the build) to ship; fails loudly if a folder is gone."""
    found = []
    for source, target in DATA.items():
        folder = ROOT / source
        if not folder.is_dir():
            raise SystemExit(f"setup.py: {folder} is missing; build from a full checkout")
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if (path.is_file() and path.suffix not in SKIP_SUFFIXES
                    and not any(part.startswith((".", "__")) for part in relative.parts)):
                found.append((path, f"{target}/{relative.as_posix()}"))
    return found


class BuildPyWithData(build_py):
    """build_py that also copies the campaign and fonts into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the editable install reads the checkout's own folders
        for source, target in data_files():
            destination = Path(self.build_lib) / target
            self.mkpath(str(destination.parent))
            self.copy_file(str(source), str(destination))

    def get_source_files(self) -> list[str]:
        """The data counts as source too, so an sdist carries it."""
        files: list[str] = super().get_source_files()
        return files + [path.relative_to(ROOT).as_posix() for path, _ in data_files()]


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it
    setup(cmdclass={"build_py": BuildPyWithData})
