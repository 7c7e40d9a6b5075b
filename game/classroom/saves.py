"""Pupils' saves, read without changing anything: one file, a whole class folder, exports.

A class folder holds saves (``<name>.json``, as the game writes them under
``profiles/``) and exports (``python main.py export``), from any number of PCs, in any
sub-folders. Every ``.json`` file is read; one that is not a save of ours, is damaged, or
was written by a newer game is *skipped* with its reason. A pupil is the save's
``profile_id`` (format 3), else the profile name; when one pupil's save appears more than
once (a copy on two PCs, a save and its export), the copy with the most play counts and the
others are listed as duplicates, so no pupil is counted twice.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from game import __version__
from game.i18n import Text
from game.progress import FORMAT_NAME, FORMAT_VERSION, Progress

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "MAX_FILE_BYTES",
    "ClassFolder",
    "PupilSave",
    "SaveProblem",
    "Skipped",
    "export_document",
    "read_class_folder",
    "read_save_file",
]

EXPORT_FORMAT = "changzheng-export"
EXPORT_VERSION = 1
#: A real save is a few KiB; a bigger file is not one of ours and is not read.
MAX_FILE_BYTES = 8 * 1024 * 1024
#: The game's own files next to ``profiles/`` (the last pupil, the settings): passed over
#: without a word when they are not saves (a pupil may be called "settings").
_GAME_FILES = {"last_profile.json", "settings.json"}


class SaveProblem(Exception):
    """A file that cannot be used as a pupil's save; ``reason`` says why, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PupilSave:
    """One readable save or export: whose it is and what it holds."""

    name: str
    progress: Progress
    path: Path
    exported: bool  # an export file rather than the game's own save
    modified: float  # the file's modification time

    @property
    def identity(self) -> str:
        """Who this is: the save's profile id, else its name (saves from before format 3)."""
        if self.progress.profile_id:
            return "id:" + self.progress.profile_id
        return "name:" + unicodedata.normalize("NFC", self.name).strip().casefold()

    @property
    def activity(self) -> int:
        """How much play the save records (levels tried, questions answered)."""
        return (sum(r.attempts for r in self.progress.levels.values())
                + sum(a.attempts for q in self.progress.quizzes.values()
                      for a in q.answers.values()))


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file of the class folder that was not used, and why."""

    path: Path
    reason: Text


@dataclass
class ClassFolder:
    """Everything found in a class folder: one save per pupil, the duplicates, the rest."""

    root: Path
    pupils: list[PupilSave] = field(default_factory=list)
    duplicates: list[tuple[PupilSave, PupilSave]] = field(default_factory=list)  # (unused, used)
    skipped: list[Skipped] = field(default_factory=list)


def export_document(name: str, progress: Progress) -> dict[str, object]:
    """The JSON of an export: the pupil's name and save, and when and by what it was made."""
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "profile": name,
            "exported": datetime.now().isoformat(timespec="seconds"),
            "game_version": __version__, "save": progress.to_json()}


def _reject_constant(name: str) -> object:
    raise ValueError(f"non-standard JSON constant {name}")


def _newer(what: Text, version: object, known: int) -> SaveProblem:
    return SaveProblem(Text(
        f"由更新版本的游戏制作（{what.zh}版本 {version}，本游戏只能读到 {known}）：请先更新游戏",
        f"made by a newer version of the game ({what.en} version {version}; this game "
        f"reads up to {known}): update the game first"))


def _progress(data: object) -> Progress:
    """A save's JSON as progress; SaveProblem if it is newer or damaged."""
    if isinstance(data, dict):
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) \
                and version > FORMAT_VERSION:
            raise _newer(Text("存档", "save"), version, FORMAT_VERSION)
    try:
        return Progress.from_json(data)
    except ValueError as error:
        raise SaveProblem(Text(f"存档已损坏：{error}", f"a damaged save: {error}")) from None


def read_save_file(path: Path) -> PupilSave:
    """Read a save or an export without changing it; SaveProblem says why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SaveProblem(Text(f"文件太大（{size} 字节），不是存档",
                                   f"too large ({size} bytes) to be a save"))
        raw = path.read_bytes()
        modified = path.stat().st_mtime
    except OSError as error:
        reason = error.strerror or str(error)
        raise SaveProblem(Text(f"无法读取：{reason}", f"cannot be read: {reason}")) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise SaveProblem(Text(f"不是有效的 JSON（{error}），可能已损坏",
                               f"not valid JSON ({error}); the file may be damaged")) from None
    kind = data.get("format") if isinstance(data, dict) else None
    if kind == FORMAT_NAME:
        return PupilSave(path.stem, _progress(data), path, False, modified)
    if kind == EXPORT_FORMAT:
        assert isinstance(data, dict)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise SaveProblem(Text("导出文件已损坏：没有版本号", "a damaged export: no version"))
        if version > EXPORT_VERSION:
            raise _newer(Text("导出文件", "export"), version, EXPORT_VERSION)
        name = data.get("profile")
        if not isinstance(name, str) or not name.strip():
            raise SaveProblem(Text("导出文件已损坏：没有学生名字",
                                   "a damaged export: no pupil's name"))
        return PupilSave(name.strip(), _progress(data.get("save")), path, True, modified)
    _foreign(json.dumps(kind, ensure_ascii=False)[:40] if kind is not None else None)


def _foreign(kind: str | None) -> NoReturn:
    zh, en = (f"format 为 {kind}", f"format {kind}") if kind is not None else \
        ("没有 format 字段", "no format field")
    raise SaveProblem(Text(f"不是《长征》的存档（{zh}）", f"not a 长征 save ({en})"))


def read_class_folder(root: Path) -> ClassFolder:
    """Every pupil's save under ``root`` (recursively), each pupil once; nothing is written."""
    found = ClassFolder(root)
    by_pupil: dict[str, PupilSave] = {}
    for path in _json_files(root):
        try:
            save = read_save_file(path)
        except SaveProblem as problem:
            if path.name not in _GAME_FILES:
                found.skipped.append(Skipped(path, problem.reason))
            continue
        other = by_pupil.get(save.identity)
        if other is None:
            by_pupil[save.identity] = save
            continue
        used, unused = (save, other) if _fuller(save, other) else (other, save)
        by_pupil[save.identity] = used
        found.duplicates.append((unused, used))
    found.pupils = sorted(by_pupil.values(), key=lambda s: (s.name.casefold(), str(s.path)))
    found.duplicates = [(unused, by_pupil[used.identity]) for unused, used in found.duplicates]
    return found


def _fuller(save: PupilSave, other: PupilSave) -> bool:
    """Whether ``save`` is the better copy: more play recorded, else the newer file."""
    return (save.activity, save.modified, str(save.path)) > \
        (other.activity, other.modified, str(other.path))


def _json_files(root: Path) -> list[Path]:
    """The ``.json`` files under ``root``, in a stable order (symbolic links to folders are
    not followed, so a link loop cannot trap the walk)."""
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            if name.lower().endswith(".json"):
                files.append(Path(folder) / name)
    return files
