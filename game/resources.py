"""Where the shipped campaign, fonts and level schema are, however the game was installed.

A wheel (``pip install .``) and the frozen app carry them inside the package, as
``game/shipped/levels`` and ``game/shipped/fonts`` (``setup.py`` copies them there when it
builds; the PyInstaller spec does the same). A checkout, and so the editable install of
the README, has no such folder: there they are the top-level ``levels/`` and
``assets/fonts/`` that educators edit. Found from the package's own folder, so nothing
depends on the current folder. Standard library only: the headless checks use this.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SHIPPED", "fonts_dir", "levels_dir", "schema_file"]

#: The folder inside the ``game`` package that an installed copy keeps its data in.
SHIPPED = "shipped"

#: The checkout's own folders, relative to the folder that holds ``game/``.
_CHECKOUT = {"levels": ("levels",), "fonts": ("assets", "fonts")}


def _data_dir(name: str) -> Path:
    """``game/shipped/<name>`` when installed, else the checkout's folder for ``name``.

    The package's folder is the one :func:`importlib.resources.files` gives for a package
    on disk (this module's folder); asking it would import ``zipfile`` and ``threading``
    before the game's first frame, for packages in a zip file, which cannot hold our data
    as files anyway."""
    packaged = Path(__file__).parent / SHIPPED / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.joinpath(*_CHECKOUT[name])


def levels_dir() -> Path:
    """The shipped campaign (the folder ``python main.py`` plays by default)."""
    return _data_dir("levels")


def fonts_dir() -> Path:
    """The folder of the shipped Noto Sans SC subset and its licence."""
    return _data_dir("fonts")


def schema_file() -> Path:
    """The JSON Schema every shipped level file names on its first line."""
    return levels_dir() / "schema.json"
