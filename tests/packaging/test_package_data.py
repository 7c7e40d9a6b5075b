"""The shipped campaign, fonts and schema are found however the game is installed.

A checkout (and the README's editable install) reads the top-level ``levels/`` and
``assets/fonts/``; a wheel or the frozen app carries them as ``game/shipped/…`` and finds
them there from any folder. ``.ci/run`` builds and installs the real wheel; these tests
pin the lookup itself.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

from game import cli, fontcov, resources

REPO = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_own_top_level_folders() -> None:
    assert not (REPO / "game" / resources.SHIPPED).exists(), "build output left in game/"
    assert resources.levels_dir() == REPO / "levels"
    assert resources.fonts_dir() == REPO / "assets" / "fonts"
    assert resources.schema_file() == REPO / "levels" / "schema.json"
    assert resources.schema_file().is_file()
    assert cli.DEFAULT_LEVELS == REPO / "levels"
    assert fontcov.REGULAR_FONT.parent == resources.fonts_dir()


def test_an_installed_copy_uses_the_data_inside_the_package(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "game", site / "game",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shipped = site / "game" / resources.SHIPPED
    (shipped / "levels").mkdir(parents=True)
    (shipped / "fonts").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("from game import resources, fontcov, cli; "
            "print(resources.levels_dir(), resources.fonts_dir(), resources.schema_file(), "
            "fontcov.FONT_DIR, cli.DEFAULT_LEVELS, sep='\\n')")
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                         capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:5] == [str(shipped / "levels"), str(shipped / "fonts"),
                       str(shipped / "levels" / "schema.json"), str(shipped / "fonts"),
                       str(shipped / "levels")]


def test_setup_py_ships_every_campaign_and_font_file() -> None:
    sys.path.insert(0, str(REPO))
    try:
        import setup  # type: ignore[import-not-found]  # the project's own build step
    finally:
        sys.path.remove(str(REPO))
    targets = {target for _, target in setup.data_files()}
    assert "game/shipped/levels/campaign.yaml" in targets
    assert "game/shipped/levels/schema.json" in targets
    assert "game/shipped/levels/01-xiangjiang/chapter.yaml" in targets
    assert "game/shipped/fonts/NotoSansSC-Regular.otf" in targets
    assert "game/shipped/fonts/OFL.txt" in targets
    assert not any(target.endswith(".py") for target in targets)
    shipped_yaml = {p.relative_to(REPO / "levels").as_posix()
                    for p in (REPO / "levels").rglob("*.yaml")}
    assert {t.removeprefix("game/shipped/levels/") for t in targets} >= shipped_yaml


def test_only_one_of_pygame_and_pygame_ce_is_installed() -> None:
    installed = set()
    for name in ("pygame", "pygame-ce"):
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        installed.add(name)
    assert installed == {"pygame-ce"}, (
        f"installed: {sorted(installed)}; the game needs pygame-ce alone (both install the "
        "same 'pygame' folder and break each other). Fix: "
        "pip uninstall -y pygame pygame-ce && pip install pygame-ce")
