"""The screens' tests share what the game loads and never changes: the campaign and the fonts.

The campaign: each test starts from a warm campaign cache, as the game does from its second
start. Every test gets its own data folder (``tests/conftest.py``), and the campaign cache
lives in it (``$CHANGZHENG_DATA_DIR/cache``), so without help every ``make_game`` in these
tests would parse and validate the 37 YAML files of the shipped campaign again: half or more
of the CPU time of a typical screen test. Here the shipped campaign is loaded once per test
process, its cache file is kept, and that file is linked into each test's data folder before
the test runs (a hard link, so nothing is copied; the game replaces a cache file, never
writes into it). The game then reads it through its ordinary cache path, which uses a cache
file only while its key (every campaign and content-code file's size and time) still
matches: a test that edits a level, or a campaign in another folder, is parsed normally.
That the cached campaign equals a fresh load is the cache's own test (``tests/content/
test_campaign_cache.py``), which runs without this seeding.

The fonts: each size and weight is loaded once per test process (see :func:`_shared_fonts`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.content.campaign_cache import DATA_DIR_ENV, cache_file, load_campaign_cached
from game.ui.text import Fonts, scaled_size

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


#: The fonts the screen tests have loaded, by (pixel size, bold), shared by every ``Fonts``,
#: each with its style as loaded.
_FONT_POOL: dict[tuple[int, bool], tuple[pygame.font.Font, tuple[bool, ...]]] = {}


def _style(font: pygame.font.Font) -> tuple[bool, ...] | None:
    """Bold, italic, underline, strikethrough (a bold face says bold by itself); None when
    the font no longer works (``pygame.quit()`` since it was made)."""
    try:
        return (font.bold, font.italic, font.underline, font.strikethrough)
    except pygame.error:
        return None


@pytest.fixture(scope="session", autouse=True)
def _shared_fonts() -> Iterator[None]:
    """Load each font (size, bold) once per test process instead of once per game.

    Every ``make_game`` makes a new :class:`~game.ui.text.Fonts`, and each font it hands out
    is parsed from the 1.6 MB font file again (about 2.5 ms; a quarter of the CPU time of
    these tests). Here a game's ``Fonts.get`` first takes a font of the same pixel size and
    weight that an earlier game loaded, unless a test changed its style or pygame was quit
    since. ``Fonts.get`` itself still decides which size a request means and loads what is
    not there; a shared font only carries what it rendered, measured and wrapped before,
    which is what the same text in that font gives anyway (``test_frame_caches.py``
    compares cached text with what pygame renders).
    """
    original = Fonts.get

    def get(self: Fonts, size: int, bold: bool = False, *,
            exact: bool = False) -> pygame.font.Font:
        key = (size if exact else scaled_size(size, self.scale), bold)
        cache = getattr(self, "_cache", None)
        pooled = _FONT_POOL.get(key)
        if isinstance(cache, dict) and key not in cache and pooled is not None:
            shared, style = pooled
            if _style(shared) == style:
                cache[key] = shared
        font = original(self, size, bold, exact=exact)
        if pooled is None or pooled[0] is not font:
            style = _style(font)
            if style is not None:
                _FONT_POOL[key] = (font, style)
        return font

    Fonts.get = get  # type: ignore[method-assign]
    try:
        yield
    finally:
        Fonts.get = original  # type: ignore[method-assign]
