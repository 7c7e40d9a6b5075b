"""The title screen's first frame from a picture of it, shown before the game is loaded.

Loading the game (its modules, the campaign, the save, the fonts) and drawing the title
takes a few times as long as opening a bare pygame window. The title looks the same on
every start until something it shows changes, so the window shows the picture the title
drew last time at once, and the real title is built behind it: its first live frame
replaces the picture pixel for pixel. Input that arrives meanwhile waits in SDL's queue.

The picture is used only when everything its pixels depend on is exactly as it was when it
was drawn (:func:`title_key`): the game's, pygame's and SDL's versions, the ``--lang`` and
``--levels`` given, the size and modification time of every file of the campaign, of the
game's code, of its fonts and of the program running it (Python, or the frozen app), the
desktop's size (which sets the window's), and checksums of the bytes of the pupils' saves
and of the settings (language, text size, contrast, full screen, the pupil shown). Any doubt
draws the real title, as without the picture. The picture is stored like the campaign cache
(``game.cachefiles``): in our own cache folder, private, written atomically, and only when
nothing changed while it was drawn; it is raw pixels, never code.
Only a windowed title without notices or problems is stored.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from pathlib import Path

import pygame

import game
from game.cachefiles import (
    DATA_DIR_ENV,
    NO_CACHE_ENV,
    cache_dir,
    file_stamps,
    read_private,
    write_private,
)

__all__ = ["MAGIC", "Splash", "show_cached_title", "splash_file", "title_key"]

#: The first bytes of a picture file: changes when the file's layout does.
MAGIC = b"changzheng-title-frame-1\n"
#: A data file larger than this is keyed by its size and time, not its bytes (a real save
#: is a few KiB).
_READ_BYTES = 1 << 20
_HEADER = struct.Struct("<III")  # key length, width, height
_PACKAGE = Path(game.__file__).resolve().parent


def splash_file() -> Path:
    """The one picture file, in the cache folder."""
    return cache_dir() / "title-frame.bin"


def _data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("changzheng", appauthor=False))


def _data_files(folder: Path) -> list[tuple[str, int, int, int]]:
    """(path, size, CRC-32, Adler-32) of the settings, the last pupil and every save: what
    the title shows of this computer and its pupils. Checksums of their bytes, not their
    times: the game rewrites the save when it closes, and the same bytes draw the same title.
    (Two checksums and the size: an accidental match is out of reach, and whoever can write
    these files can change the picture file next to them anyway; hashlib would cost its
    import before the first frame.)"""
    found: list[tuple[str, int, int, int]] = []
    for where in (folder, folder / "profiles"):
        try:
            entries = sorted(os.scandir(where), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.is_file():
                continue
            info = entry.stat()
            if info.st_size > _READ_BYTES:
                found.append((entry.path, info.st_size, -1, info.st_mtime_ns))
                continue
            with open(entry.path, "rb") as handle:
                data = handle.read()
            found.append((entry.path, len(data), zlib.crc32(data), zlib.adler32(data)))
    return found


def title_key(levels_dir: Path, lang: str | None) -> bytes:
    """Everything the title's pixels depend on, as bytes (stored whole and compared whole).
    Needs ``pygame.display`` initialised (the desktop's size)."""
    from game import resources

    parts: tuple[object, ...] = (
        MAGIC, game.__version__, pygame.version.ver, pygame.get_sdl_version(), lang,
        str(levels_dir), str(levels_dir.resolve()), file_stamps(levels_dir),
        file_stamps(_PACKAGE), file_stamps(resources.fonts_dir()),
        file_stamps(Path(sys.executable)),  # the interpreter, or the frozen app's program
        pygame.display.get_desktop_sizes(), _data_files(_data_dir()),
    )
    return repr(parts).encode("utf-8", "surrogatepass")


def _pack(key: bytes, caption: str, picture: pygame.Surface) -> bytes:
    width, height = picture.get_size()
    title = caption.encode("utf-8", "surrogatepass")
    return b"".join((MAGIC, _HEADER.pack(len(key), width, height), key,
                     struct.pack("<I", len(title)), title,
                     pygame.image.tobytes(picture, "RGB")))


def _unpack(data: bytes, key: bytes) -> tuple[str, tuple[int, int], memoryview] | None:
    """(caption, size, RGB pixels) stored for ``key``; None for anything else."""
    at = len(MAGIC)
    if not data.startswith(MAGIC) or len(data) < at + _HEADER.size:
        return None
    key_length, width, height = _HEADER.unpack_from(data, at)
    at += _HEADER.size
    if data[at:at + key_length] != key:
        return None
    at += key_length
    if len(data) < at + 4:
        return None
    (title_length,) = struct.unpack_from("<I", data, at)
    at += 4
    caption = data[at:at + title_length].decode("utf-8", "replace")
    at += title_length
    pixels = memoryview(data)[at:]  # not copied
    if not (0 < width <= 16384 and 0 < height <= 16384) or len(pixels) != width * height * 3:
        return None
    return caption, (width, height), pixels


class Splash:
    """What :func:`show_cached_title` did: the key it found, and whether a picture is shown."""

    __slots__ = ("key", "lang", "levels_dir", "shown")

    def __init__(self, key: bytes, levels_dir: Path, lang: str | None) -> None:
        self.key = key
        self.levels_dir = levels_dir
        self.lang = lang
        self.shown = False

    def store(self, caption: str, display: pygame.Surface) -> bool:
        """Keep what the window shows (the live title's first frame) for the next start,
        unless something it depends on changed since the start, or it is already stored."""
        if self.shown:
            return False  # the stored picture is this one: the test checks they are equal
        try:
            if title_key(self.levels_dir, self.lang) != self.key:
                return False
            return write_private(splash_file(), _pack(self.key, caption, display))
        except Exception:  # a failure only means no picture next time
            return False


def show_cached_title(levels_dir: Path, lang: str | None) -> Splash | None:
    """Open the window on the stored picture of the title when it is still right, at once.

    Returns the :class:`Splash` (``shown`` says whether the picture is on screen), or None
    when pictures are switched off (``CHANGZHENG_NO_CACHE``) or the key could not be worked
    out. Never raises: the game then simply starts as it would without a picture.
    """
    if os.environ.get(NO_CACHE_ENV):
        return None
    try:
        pygame.display.init()
        splash = Splash(title_key(levels_dir, lang), levels_dir, lang)
    except Exception:
        return None
    try:
        data = read_private(splash_file())
        stored = _unpack(data, splash.key) if data is not None else None
        if stored is None:
            return splash
        caption, size, pixels = stored
        pygame.display.set_caption(caption)
        screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        screen.blit(pygame.image.frombuffer(pixels, size, "RGB"), (0, 0))
        pygame.display.flip()
        splash.shown = True
    except Exception:  # a broken picture: the real title comes anyway
        pass
    return splash
