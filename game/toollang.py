"""Which language the command-line tools (``check``, ``report``) speak.

In order: ``--lang``; the language saved on this computer (``settings.json``'s
``language``, else the last pupil's saved language); the system locale (Chinese when it
is a ``zh`` locale). English otherwise. Reading never changes a file and never raises.
Standard library and :mod:`game.progress` only: no pygame.
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
from pathlib import Path

from game.i18n import LANGUAGES, Lang
from game.progress import ProgressStore, read_save, sanitize_profile_name

__all__ = ["system_language", "tool_language"]

_MAX_BYTES = 64 * 1024  # settings and last-profile files are tiny


def tool_language(requested: str | None = None) -> Lang:
    """``requested`` if it is a language, else the saved one, else the system's."""
    if requested in LANGUAGES:
        return "zh" if requested == "zh" else "en"
    saved = saved_language()
    return saved if saved is not None else system_language()


def saved_language() -> Lang | None:
    """The language chosen on this computer, or by the last pupil; None if none is saved."""
    try:
        folder = ProgressStore.default().path.parent.parent
    except Exception:
        return None
    settings = _small_json(folder / "settings.json")
    if isinstance(settings, dict) and settings.get("language") in LANGUAGES:
        return "zh" if settings["language"] == "zh" else "en"
    last = _small_json(folder / "last_profile.json")
    name = last.get("profile") if isinstance(last, dict) else None
    try:
        stem = sanitize_profile_name(name if isinstance(name, str) else "default")
        progress, _ = read_save(folder / "profiles" / f"{stem}.json")
    except Exception:  # no save yet, or an unreadable one: no saved language
        return None
    return "en" if progress.language == "en" else "zh"


def system_language() -> Lang:
    """Chinese when the system locale (or LC_ALL, LC_MESSAGES, LANG) is a ``zh`` one."""
    names = [os.environ.get(key, "") for key in ("LC_ALL", "LC_MESSAGES", "LANG")]
    with contextlib.suppress(ValueError, TypeError):
        names.append(locale.getlocale()[0] or "")
    for name in names:
        if name and name.upper() not in ("C", "POSIX", "C.UTF-8"):
            return "zh" if name.lower().startswith("zh") or "chinese" in name.lower() else "en"
    return "en"


def _small_json(path: Path) -> object:
    try:
        with open(path, "rb") as f:
            raw = f.read(_MAX_BYTES + 1)
        if len(raw) > _MAX_BYTES:
            return None
        return json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
