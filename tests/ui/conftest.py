"""The screens' tests start from a warm campaign cache, as the game does from its second start.

Every test gets its own data folder (``tests/conftest.py``), and the campaign cache lives in
it (``$CHANGZHENG_DATA_DIR/cache``), so without help every ``make_game`` in these tests would
parse and validate the 37 YAML files of the shipped campaign again: about 60 % of the CPU
time of a typical screen test. Here the shipped campaign is loaded once per test process,
its cache file is kept, and that file is linked into each test's data folder before the
test runs (a hard link, so nothing is copied; the game replaces a cache file, never writes
into it). The game then reads it through its ordinary cache path, which uses a cache file
only while its key (every campaign and content-code file's size and time) still matches:
a test that edits a level, or a campaign in another folder, is parsed normally. That the
cached campaign equals a fresh load is the cache's own test (``tests/content/
test_campaign_cache.py``), which runs without this seeding.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.content.campaign_cache import DATA_DIR_ENV, cache_file, load_campaign_cached

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture(scope="session")
def _shipped_campaign_cache(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The shipped campaign's cache file, written once for this test process (None when the
    game did not write one, e.g. a level file changed in the last seconds)."""
    folder = tmp_path_factory.mktemp("campaign-cache")
    before = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(folder)
    try:
        load_campaign_cached(LEVELS)
        made = cache_file(LEVELS)
    finally:
        if before is None:
            del os.environ[DATA_DIR_ENV]
        else:
            os.environ[DATA_DIR_ENV] = before
    return made if made.is_file() else None


@pytest.fixture(autouse=True)
def _warm_campaign_cache(_private_save_folder: None,
                         _shipped_campaign_cache: Path | None) -> Iterator[None]:
    """Link (or else copy) the shipped campaign's cache file into this test's data folder."""
    if _shipped_campaign_cache is not None:
        folder = Path(os.environ[DATA_DIR_ENV]) / "cache"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / _shipped_campaign_cache.name
        try:
            os.link(_shipped_campaign_cache, target)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(_shipped_campaign_cache, target)
    yield
