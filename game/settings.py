"""Settings of this computer (not of a pupil): sound, text size, contrast, full screen, language.

They live in ``settings.json`` next to the pupils' saves (the data folder), written
atomically. A missing file gives the defaults; an unreadable one gives the defaults and a
bilingual notice, and is replaced at the next save. Unknown keys are ignored and each bad
value falls back to its default on its own, so a hand-edited file loses as little as possible.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from game.i18n import LANGUAGES, Lang, Text
from game.progress import ProgressStore

SETTINGS_FILE = "settings.json"
TEXT_SIZES: tuple[int, ...] = (100, 125, 150)
"""The text sizes offered, in percent of the normal size."""
VOLUME_STEP = 10

_UNREADABLE = Text("设置文件 {path} 无法读取，已恢复默认设置。",
                   "The settings file {path} could not be read; the defaults are used.")
_NOT_SAVED = Text("无法保存设置到 {path}（{reason}）。",
                  "The settings could not be saved to {path} ({reason}).")


@dataclass(frozen=True, slots=True)
class Settings:
    """One computer's choices. ``language`` None means: use the pupil's saved language."""

    sound: bool = True
    volume: int = 70
    """Percent, 0..100, in steps of :data:`VOLUME_STEP`."""
    text_size: int = 100
    """Percent, one of :data:`TEXT_SIZES`."""
    high_contrast: bool = False
    fullscreen: bool = False
    language: Lang | None = None

    @property
    def text_scale(self) -> float:
        """The text size as a factor (1.0, 1.25, 1.5)."""
        return self.text_size / 100

    @property
    def loudness(self) -> float:
        """What the speakers should play at: 0.0 when sound is off, else the volume."""
        return self.volume / 100 if self.sound else 0.0

    def to_json(self) -> dict[str, object]:
        """The on-disk layout."""
        return {"sound": self.sound, "volume": self.volume, "text_size": self.text_size,
                "high_contrast": self.high_contrast, "fullscreen": self.fullscreen,
                "language": self.language}

    @classmethod
    def from_json(cls, data: object) -> Settings:
        """Read what is usable from parsed JSON; each bad or missing value keeps its default.
        Raises ValueError when ``data`` is not an object at all."""
        if not isinstance(data, dict):
            raise ValueError("settings: expected an object")
        base = cls()
        values: dict[str, object] = {}
        for key in ("sound", "high_contrast", "fullscreen"):
            if isinstance(data.get(key), bool):
                values[key] = data[key]
        volume = data.get("volume")
        if isinstance(volume, int) and not isinstance(volume, bool) and 0 <= volume <= 100:
            values["volume"] = volume
        size = data.get("text_size")
        if size in TEXT_SIZES and not isinstance(size, bool):
            values["text_size"] = size
        language = data.get("language")
        if language in LANGUAGES:
            values["language"] = language
        return replace(base, **values)  # type: ignore[arg-type]


def settings_path() -> Path:
    """``settings.json`` in the data folder (under $CHANGZHENG_DATA_DIR or the user folder)."""
    return ProgressStore.default().path.parent.parent / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, Text | None]:
    """The saved settings, or the defaults (with a notice when the file was unreadable)."""
    path = settings_path() if path is None else path
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError):
        return Settings(), _UNREADABLE.format(path=path)
    try:
        return Settings.from_json(json.loads(raw)), None
    except ValueError:  # JSONDecodeError is a ValueError
        return Settings(), _UNREADABLE.format(path=path)


def save_settings(settings: Settings, path: Path | None = None) -> Text | None:
    """Write ``settings`` atomically; return a notice when that failed (never raises)."""
    path = settings_path() if path is None else path
    tmp_name: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         prefix=".settings.", suffix=".tmp",
                                         delete=False) as f:
            tmp_name = f.name
            json.dump(settings.to_json(), f, ensure_ascii=False, indent=2, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as error:
        return _NOT_SAVED.format(path=path, reason=error)
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return None
