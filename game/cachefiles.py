"""The user's cache folder, and the safety rules every cache file of ours follows.

Two caches make the start faster but never different: the loaded campaign
(``game/content/campaign_cache.py``) and the picture of the title screen
(``game/ui/splash.py``). Both live only in our own folder (``$CHANGZHENG_DATA_DIR/cache``
when that is set, as in the tests, else the user cache folder from platformdirs), are
created readable and writable by the user only, are written atomically (a temporary file in
the same folder, then ``os.replace``), and on POSIX are read only when the folder and the
file belong to the user and no one else can write to them. Standard library only, and cheap
to import: the cached title is shown before anything else is loaded.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "file_stamps", "private",
           "read_private", "write_private"]

#: The data folder's environment variable (the same one the saves use).
DATA_DIR_ENV = "CHANGZHENG_DATA_DIR"
#: Set to anything non-empty to never read or write a cache.
NO_CACHE_ENV = "CHANGZHENG_NO_CACHE"


def cache_dir() -> Path:
    """The folder of cache files: ``$CHANGZHENG_DATA_DIR/cache``, else the user cache folder."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("changzheng", appauthor=False))


def file_stamps(top: Path) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every file under ``top`` (or of ``top`` itself), sorted;
    ``__pycache__`` folders are left out."""
    if top.is_file():
        info = top.stat()
        return [(str(top), info.st_size, info.st_mtime_ns)]
    found: list[tuple[str, int, int]] = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = [name for name in dirs if name != "__pycache__"]
        for name in names:
            path = os.path.join(folder, name)
            info = os.stat(path)
            found.append((path, info.st_size, info.st_mtime_ns))
    found.sort()
    return found


def private(info: os.stat_result) -> bool:
    """True when the file or folder belongs to this user and no one else may write to it."""
    if os.name != "posix":
        return True  # the user cache folder on Windows is the user's own (its ACL)
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: Path) -> bytes | None:
    """The bytes of the cache file ``path``; None when it is missing, unreadable, or it or its
    folder is not private to this user."""
    try:
        if not private(path.parent.stat()):
            return None
        with path.open("rb") as handle:
            if not private(os.fstat(handle.fileno())):
                return None
            return handle.read()
    except OSError:
        return None


def write_private(path: Path, data: bytes) -> bool:
    """Store ``data`` in ``path`` atomically, readable by the user only; False (never an
    exception) when it could not be stored."""
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(path.parent.stat()):
            return False
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp",
                                             dir=path.parent)  # created 0600
    except Exception:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        return True
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, Exception):
            return False
        raise
