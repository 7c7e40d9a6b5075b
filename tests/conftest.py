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


#: Tests that take many seconds (measured on two cores), run first and in this order. Under
#: xdist (``-n auto``) the first quarter of the tests is dealt out to the workers in turn,
#: so the long ones start at once, side by side, and the short ones fill in after them;
#: left in place, one of them could start last and keep one worker busy while the other
#: waits. The order of every other test is unchanged. A name that no longer matches only
#: loses its place at the front.
LONG_TESTS_FIRST = (
    "tests/check/test_autoplay_command.py::",
    "tests/test_progress_concurrency.py::test_two_windows_saving_the_same_profile",
    "tests/ui/test_full_campaign.py::",
    "tests/test_progress_concurrency.py::test_killing_a_game_mid_save",
    "tests/test_code_quality.py::test_mypy",
    "tests/ui/test_soak.py::",
    "tests/test_bench_solver.py::",
    "tests/check/test_jobs.py::test_two_jobs",
    "tests/check/test_benchmarks.py::",
    "tests/ui/test_frame_caches.py::test_patched_terrain",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the long tests to the front (see :data:`LONG_TESTS_FIRST`)."""

    def rank(item: pytest.Item) -> int:
        for place, prefix in enumerate(LONG_TESTS_FIRST):
            if item.nodeid.startswith(prefix):
                return place
        return len(LONG_TESTS_FIRST)

    items.sort(key=rank)  # stable: the rest keep their order
