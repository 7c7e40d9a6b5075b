"""The crash log: where a bug of ours leaves its traceback, whatever state the machine is in.

The command line catches every unexpected exception, prints one plain line and saves the
details with :func:`write_crash_log`. That must never raise itself, or the pupil sees a
traceback after all: the data folder may not exist and not be creatable (the data folder
variable pointing under a regular file, a read-only disk, a full one), so the log falls
back to a new file in the system's temporary folder, and then to standard error.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

from game.cachefiles import DATA_DIR_ENV

__all__ = ["CRASH_FILE", "data_folder", "write_crash_log"]

CRASH_FILE = "crash.log"
#: A traceback longer than this is cut (its end, where the error is, is kept).
_MAX_CHARS = 200_000


def data_folder() -> Path | None:
    """The folder next to the saves, or None when even that cannot be worked out."""
    try:
        env = os.environ.get(DATA_DIR_ENV)
        if env:
            return Path(env)
        import platformdirs

        return Path(platformdirs.user_data_dir("changzheng", appauthor=False))
    except Exception:  # a broken environment must not stop the fallbacks
        return None


def _details() -> str:
    try:
        text = traceback.format_exc()
    except Exception as error:  # formatting itself failed (e.g. a huge int in a frame)
        text = f"the traceback could not be formatted: {type(error).__name__}\n"
    return text if len(text) <= _MAX_CHARS else "…\n" + text[-_MAX_CHARS:]


def write_crash_log(text: str | None = None) -> Path | None:
    """Save ``text`` (default: the exception being handled) to ``crash.log``; never raises.

    Returns the file written, or None when no folder would take it: the details were then
    printed to standard error instead.
    """
    try:
        details = _details() if text is None else text
    except Exception:
        details = "no details\n"
    folder = data_folder()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log = folder / CRASH_FILE
            log.write_text(details, encoding="utf-8", errors="replace")
            return log
        except Exception:
            pass
    try:  # a new file of our own (created exclusively) in the system's temporary folder
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", errors="replace",
                                         prefix="changzheng-crash-", suffix=".log",
                                         delete=False) as handle:
            handle.write(details)
        return Path(handle.name)
    except Exception:
        pass
    try:
        sys.stderr.write(details)
        sys.stderr.flush()
    except Exception:
        pass
    return None
