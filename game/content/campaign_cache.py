"""A cache of the loaded, validated campaign, so the game starts without parsing YAML.

The game's start (``python main.py``) loads the same campaign every time; parsing and
validating its YAML files takes most of the start. :func:`load_campaign_cached` keeps the
result in one file per campaign folder and uses it only while nothing it was made from has
changed. Any doubt means the campaign is loaded normally, so the cache can make the start
faster but never different:

- the key is the game version, the folder as given and resolved, and the path, size and
  modification time (ns) of every file under the campaign folder and of every source file
  of the modules whose objects are stored (``game/content``, ``game/core``, ``game/i18n``);
  the whole key is stored in the file and compared, not only a hash of it;
- a campaign with problems is never cached (it is loaded, and its problems shown, each time),
  nor one with a file changed in the last few seconds (a file system that keeps times
  coarsely, like FAT's 2 s, could hide a second edit of the same size);
- a missing, unreadable, corrupt or foreign file is ignored and rewritten, atomically
  (a temporary file in the same folder, then ``os.replace``).

Unpickling runs code, so a cache file is read only from our own folder
(``$CHANGZHENG_DATA_DIR/cache`` when that is set, as in the tests, else the user cache folder
from platformdirs), created readable and writable by the user only, and on POSIX only when
the folder and the file belong to the user and no one else can write to them.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import game
from game.cachefiles import DATA_DIR_ENV as DATA_DIR_ENV
from game.cachefiles import NO_CACHE_ENV as NO_CACHE_ENV
from game.cachefiles import cache_dir as cache_dir
from game.cachefiles import file_stamps as _files
from game.cachefiles import read_private, write_private

if TYPE_CHECKING:
    from game.content.model import Campaign

#: The first item of every cache file: changes when the file's layout does.
MAGIC = "changzheng-campaign-cache-1"
#: A campaign with a file changed less than this long ago (ns) is not cached yet.
SETTLE_NS = 3_000_000_000

_PACKAGE = Path(game.__file__).resolve().parent
#: Where the source of every class a cached campaign holds lives.
_CODE = (_PACKAGE / "content", _PACKAGE / "core", _PACKAGE / "i18n.py")

Key = tuple[object, ...]


def cache_key(root: Path) -> Key:
    """Everything the loaded campaign depends on; a cache file is used only on an exact match."""
    return (MAGIC, game.__version__, str(root), str(root.resolve()), tuple(_files(root)),
            tuple(entry for top in _CODE for entry in _files(top)))


def cache_file(root: Path) -> Path:
    """The cache file for the campaign in ``root`` (one per folder)."""
    where = str(root.resolve()).encode("utf-8", "surrogatepass")
    # two folders with the same checksum only take turns: the whole key is checked on reading
    return cache_dir() / f"campaign-{zlib.crc32(where):08x}-{len(where)}.pickle"


def _settled(key: Key) -> bool:
    """True when no file in ``key`` changed in the last :data:`SETTLE_NS` (or in the future)."""
    now = time.time_ns()
    return all(now - mtime >= SETTLE_NS
               for part in key if isinstance(part, tuple)
               for _path, _size, mtime in part)


def read_cache(path: Path, key: Key) -> Campaign | None:
    """The campaign stored in ``path`` for ``key``; None when there is any doubt."""
    from game.content.model import Campaign

    data = read_private(path)  # None: missing, unreadable, or not private to this user
    if data is None:
        return None
    try:
        stored = pickle.loads(data)
    except Exception:  # corrupt, or made by other code: load normally
        return None
    if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key
            and isinstance(stored[1], Campaign)):
        return stored[1]
    return None


def write_cache(path: Path, key: Key, campaign: Campaign) -> None:
    """Store ``campaign`` for ``key`` atomically; a failure only means no cache next time."""
    with contextlib.suppress(Exception):
        write_private(path, pickle.dumps((key, campaign), protocol=pickle.HIGHEST_PROTOCOL))


def _load(root: Path) -> Campaign:
    """Load the campaign from its YAML files (imports the loader on first use)."""
    from game.content.campaign import load_campaign

    return load_campaign(root)


def load_campaign_cached(root: Path) -> Campaign:
    """:func:`~game.content.campaign.load_campaign` for ``root``, from the cache when nothing
    it depends on has changed. Raises the same :class:`ContentError` when content is broken.

    The loader (and with it PyYAML and the schema) is imported only when the cache cannot
    be used: a start from the cache imports only the model (``game.content.model``)."""
    if os.environ.get(NO_CACHE_ENV):
        return _load(root)
    try:
        key = cache_key(root)
        path = cache_file(root)
    except Exception:  # e.g. a file vanished while looking: no cache this time
        return _load(root)
    cached = read_cache(path, key)
    if cached is not None:
        return cached
    campaign = _load(root)  # raises on broken content: nothing is cached then
    try:
        unchanged = cache_key(root) == key  # edited while loading: do not store a mix
    except Exception:
        unchanged = False
    if unchanged and _settled(key):
        write_cache(path, key, campaign)
    return campaign
