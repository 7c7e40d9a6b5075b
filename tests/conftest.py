"""Test setup: pygame runs headless, and saves go to a temporary folder, never the pupil's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"


@pytest.fixture(autouse=True)
def _private_save_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "save"))
    yield
