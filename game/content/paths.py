"""Which files under a folder may be read: never anything outside it, never a non-file.

An educator's folder (a level pack, a folder handed to ``check``) may hold symbolic
links that point elsewhere on the machine (``/etc/passwd``, a private key, an ``.env``
file), and names that are not regular files: a named pipe (FIFO) that would block a
reader forever, a device such as ``/dev/zero`` that never ends, a socket. Every path is
resolved first; one that leaves the folder, or is not a regular file, is refused with a
message naming the reason, and is never opened.

Standard library only; nothing here reads a file's content.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = ["Gathered", "gather", "is_inside", "not_a_file", "refusal"]

#: A file found by :func:`gather`, and why it must not be read (None: it may be).
Gathered = tuple[Path, str | None]

_OUTSIDE = ("this is a link to a place outside the folder being checked, so it is not read; "
            "copy the file itself into the folder")
_BROKEN = "this is a link to a file that does not exist"
_LOOP = "this is a link that points back to itself (a loop)"


def not_a_file(mode: int) -> str:
    """Why a path with ``mode`` (from ``os.stat``) is not read."""
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    return f"this is {kind}, not a regular file, so it is not read; use a .yaml text file"


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link followed, is ``root`` or lies under it."""
    try:
        resolved = Path(os.path.realpath(path))
        base = Path(os.path.realpath(root))
    except (OSError, ValueError):
        return False
    return resolved == base or base in resolved.parents


def refusal(path: Path, root: Path | None) -> str | None:
    """Why ``path`` must not be read, or None if it may be.

    With a ``root``, a path whose links lead outside ``root`` is refused. A path that
    simply does not exist is not refused here (None): the caller says "no such file".
    """
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(info.st_mode):
        if root is not None and not is_inside(path, root):
            return _OUTSIDE
        try:
            info = os.stat(path)
        except RuntimeError:  # pragma: no cover - Python < 3.13 raises this on some loops
            return _LOOP
        except OSError as error:
            return _LOOP if error.errno == errno.ELOOP else _BROKEN
        except ValueError:
            return _BROKEN
    elif root is not None and not is_inside(path, root):  # a folder on the way is a link
        return _OUTSIDE
    if not stat.S_ISREG(info.st_mode):
        return not_a_file(info.st_mode)
    return None


def gather(paths: Iterable[Path], suffixes: tuple[str, ...]) -> list[Gathered]:
    """Every file named in ``paths`` or under the folders among them, with why it is refused.

    Folders are searched recursively without following links to folders; a file, or a link
    to a folder, that leads outside the folder given is listed with its refusal, as is a
    name with one of ``suffixes`` that is not a regular file. A file named directly is
    listed as it is: the caller reports one that does not exist. Sorted per folder, no
    repeats.
    """
    found: dict[Path, str | None] = {}
    for path in paths:
        if path.is_dir():
            for child, why in sorted(_walk(path, suffixes), key=lambda item: item[0]):
                found.setdefault(child, why)
        else:
            found.setdefault(path, refusal(path, None))
    return list(found.items())


def _walk(root: Path, suffixes: tuple[str, ...]) -> list[Gathered]:
    """The files under ``root`` with a suffix in ``suffixes``, links to folders judged."""
    out: list[Gathered] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            child = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                stack.append(child)
            elif is_link and child.is_dir():
                if not is_inside(child, root):  # inside: its files are found directly
                    out.append((child, _OUTSIDE))
            elif child.suffix in suffixes:
                out.append((child, refusal(child, root)))
    return out
