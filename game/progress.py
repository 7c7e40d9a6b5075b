"""The pupil's saved progress: plain dataclasses, strict JSON (de)serialisation and a safe store."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import re
import stat
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import platformdirs

from game.core.actions import MOVE_LETTERS
from game.i18n import DEFAULT_LANG, LANGUAGES, Text

__all__ = [
    "DATA_DIR_ENV",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LOCK_STALE_SECONDS",
    "LOCK_WAIT_SECONDS",
    "MAX_SAVE_BYTES",
    "LevelRecord",
    "LoadResult",
    "Progress",
    "ProgressSaveError",
    "ProgressStore",
    "QuestionRecord",
    "QuizRecord",
    "SaveUnreadable",
    "delete_profile",
    "merge_progress",
    "read_save",
    "sanitize_profile_name",
]

log = logging.getLogger(__name__)

FORMAT_NAME = "changzheng-progress"
FORMAT_VERSION = 3
DATA_DIR_ENV = "CHANGZHENG_DATA_DIR"
MAX_STARS = 3
#: A real save is a few KiB; anything this big is not ours (the game and ``report`` agree).
MAX_SAVE_BYTES = 8 * 1024 * 1024


class _CorruptProgress(ValueError):
    """Raised by ``Progress.from_json`` for data that is not a valid save."""


class _NewerVersion(_CorruptProgress):
    """Raised by ``Progress.from_json`` for a save written by a newer game version."""


class ProgressSaveError(Exception):
    """Saving failed; ``message`` is a bilingual notice the UI can show."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class LevelRecord:
    """What the pupil has achieved on one level."""

    won: bool = False
    best_moves: int | None = None
    best_troops: int | None = None
    attempts: int = 0
    wins: int = 0
    stars: int = 0
    hints_used: int = 0


@dataclass(slots=True)
class QuestionRecord:
    """How the pupil has answered one quiz question."""

    attempts: int = 0
    correct: int = 0
    last_correct: bool = False
    #: Whether the very first answer was right (None: not known, a save from before v3).
    first_correct: bool | None = None
    #: Each wrong answer given (option letters, see ``game.quiz.answer_key``) -> times.
    wrong: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class QuizRecord:
    """What the pupil has achieved on one chapter's quiz."""

    best_score: int = 0
    total: int = 0
    attempts: int = 0
    passed: bool = False
    last_score: int = 0
    answers: dict[str, QuestionRecord] = field(default_factory=dict)
    seed: int = 0


def _check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be an int >= 0, got {value!r}")


@dataclass(slots=True)
class Progress:
    """Everything saved for one pupil (one profile)."""

    version: int = FORMAT_VERSION
    language: str = DEFAULT_LANG
    levels: dict[str, LevelRecord] = field(default_factory=dict)
    quizzes: dict[str, QuizRecord] = field(default_factory=dict)
    cards: list[str] = field(default_factory=list)
    settings: dict[str, object] = field(default_factory=dict)
    unfinished: dict[str, str] = field(default_factory=dict)
    """Levels left mid-way: level id -> the moves played so far, as a move string."""
    #: The pupil's lasting identity, made on the first save: copies of one pupil's save
    #: (an export, a second PC) are counted once by the class report. "" until saved.
    profile_id: str = ""

    # ---------------------------------------------------------------- updates

    def record_level(
        self,
        level_id: str,
        *,
        won: bool,
        moves: int,
        troops: int,
        stars: int = 0,
        hints: int = 0,
    ) -> LevelRecord:
        """Record one finished attempt; bests only ever improve and only wins set them."""
        _check_count("moves", moves)
        _check_count("troops", troops)
        _check_count("hints", hints)
        if isinstance(stars, bool) or not isinstance(stars, int) or not 0 <= stars <= MAX_STARS:
            raise ValueError(f"stars must be an int in 0..{MAX_STARS}, got {stars!r}")
        rec = self.levels.setdefault(level_id, LevelRecord())
        rec.attempts += 1
        rec.hints_used += hints
        if won:
            rec.won = True
            rec.wins += 1
            rec.best_moves = moves if rec.best_moves is None else min(rec.best_moves, moves)
            rec.best_troops = troops if rec.best_troops is None else max(rec.best_troops, troops)
            rec.stars = max(rec.stars, stars)
        return rec

    def record_quiz(
        self,
        chapter_id: str,
        *,
        total: int,
        answers: Mapping[str, bool],
        pass_percent: int = 60,
        seed: int = 0,
        given: Mapping[str, str] | None = None,
    ) -> QuizRecord:
        """Record one quiz attempt; score = answers correct, and once passed it stays passed.
        ``given`` holds the answers given (option letters), kept for the wrong ones."""
        if isinstance(total, bool) or not isinstance(total, int) or total < 1:
            raise ValueError(f"total must be an int >= 1, got {total!r}")
        if not 0 <= pass_percent <= 100:
            raise ValueError(f"pass_percent must be in 0..100, got {pass_percent!r}")
        score = sum(1 for ok in answers.values() if ok)
        if score > total:
            raise ValueError(f"{score} correct answers but only {total} questions")
        rec = self.quizzes.setdefault(chapter_id, QuizRecord())
        rec.attempts += 1
        rec.total = total
        rec.last_score = score
        rec.best_score = max(rec.best_score, score)
        rec.seed = seed
        rec.passed = rec.passed or score * 100 >= pass_percent * total
        for qid, ok in answers.items():
            q = rec.answers.setdefault(qid, QuestionRecord())
            if q.attempts == 0:
                q.first_correct = bool(ok)
            q.attempts += 1
            q.correct += 1 if ok else 0
            q.last_correct = bool(ok)
            if not ok and given is not None and qid in given:
                q.wrong[given[qid]] = q.wrong.get(given[qid], 0) + 1
        return rec

    # ---------------------------------------------------------------- queries

    def level_won(self, level_id: str) -> bool:
        """True if the level has ever been won."""
        rec = self.levels.get(level_id)
        return rec is not None and rec.won

    def quiz_passed(self, chapter_id: str) -> bool:
        """True if the chapter's quiz has ever been passed."""
        rec = self.quizzes.get(chapter_id)
        return rec is not None and rec.passed

    def chapter_complete(self, level_ids: Iterable[str], chapter_id: str) -> bool:
        """True if every given level is won and the chapter's quiz is passed."""
        return all(self.level_won(lid) for lid in level_ids) and self.quiz_passed(chapter_id)

    def wrong_questions(self, chapter_id: str) -> list[str]:
        """Question ids (sorted) whose most recent answer was wrong."""
        rec = self.quizzes.get(chapter_id)
        if rec is None:
            return []
        return sorted(qid for qid, q in rec.answers.items() if not q.last_correct)

    # ---------------------------------------------------------------- JSON

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict in the on-disk layout (always the current format version)."""
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "profile_id": self.profile_id,
            "language": self.language,
            "levels": {
                lid: {
                    "won": r.won,
                    "best_moves": r.best_moves,
                    "best_troops": r.best_troops,
                    "attempts": r.attempts,
                    "wins": r.wins,
                    "stars": r.stars,
                    "hints_used": r.hints_used,
                }
                for lid, r in self.levels.items()
            },
            "quizzes": {
                cid: {
                    "best_score": q.best_score,
                    "total": q.total,
                    "attempts": q.attempts,
                    "passed": q.passed,
                    "last_score": q.last_score,
                    "seed": q.seed,
                    "answers": {
                        qid: {
                            "attempts": a.attempts,
                            "correct": a.correct,
                            "last_correct": a.last_correct,
                            "first_correct": a.first_correct,
                            "wrong": dict(a.wrong),
                        }
                        for qid, a in q.answers.items()
                    },
                }
                for cid, q in self.quizzes.items()
            },
            "cards": list(self.cards),
            "settings": dict(self.settings),
            "unfinished": dict(self.unfinished),
        }

    @classmethod
    def from_json(cls, data: object) -> Progress:
        """Build from parsed JSON, migrating older versions; raises a private error if malformed.

        Strict: any bad record is an error. :meth:`recover` keeps the good records instead.
        """
        progress, dropped = cls.recover(data)
        if dropped:
            raise _CorruptProgress(dropped[0])
        return progress

    @classmethod
    def recover(cls, data: object) -> tuple[Progress, list[str]]:
        """Build from parsed JSON, record by record: a bad record is left out and named.

        Returns the progress and one line per record left out (``levels["1-1"]: stars:
        expected ...``). Raises a private error only when the data is not a save at all
        (not an object, another format, a newer or unknown version).
        """
        top = _obj(data, "save")
        fmt = top.get("format")
        if fmt != FORMAT_NAME:
            raise _CorruptProgress(f"format: expected {FORMAT_NAME!r}, got {_short(fmt)}")
        version = _int(top, "version", "save")
        if version > FORMAT_VERSION:
            raise _NewerVersion(f"version {version} is newer than {FORMAT_VERSION}")
        top = _migrate(top, version)

        dropped: list[str] = []
        language: str = DEFAULT_LANG
        try:
            language = _str(top, "language", "save")
        except _CorruptProgress as error:
            dropped.append(str(error))
        if language not in LANGUAGES:
            language = DEFAULT_LANG  # a language this build lacks: fall back, don't discard
        levels = _records(top, "levels", _level, dropped)
        quizzes = _records(top, "quizzes", _quiz, dropped)
        cards: list[str] = []
        try:
            cards_raw = _req(top, "cards", "save")
            if not isinstance(cards_raw, list):
                raise _CorruptProgress(f"cards: expected a list of strings, got "
                                       f"{_short(cards_raw)}")
            for index, card in enumerate(cards_raw):
                if isinstance(card, str):
                    cards.append(card)
                else:
                    dropped.append(f"cards[{index}]: expected a string, got {_short(card)}")
        except _CorruptProgress as error:
            dropped.append(str(error))
        settings: dict[str, object] = {}
        try:
            settings = dict(_obj(_req(top, "settings", "save"), "settings"))
        except _CorruptProgress as error:
            dropped.append(str(error))
        unfinished = _unfinished(top.get("unfinished", {}), dropped)
        profile_id = ""
        try:
            profile_id = _str(top, "profile_id", "save")
        except _CorruptProgress as error:
            dropped.append(str(error))
        progress = cls(version=FORMAT_VERSION, language=language, levels=levels,
                       quizzes=quizzes, cards=cards, settings=settings, unfinished=unfinished,
                       profile_id=profile_id)
        return progress, dropped


# --------------------------------------------------------------------------- validation

# _MIGRATIONS[n] turns a version-n save dict into a version-(n + 1) save dict.
_Migration = Callable[[dict[str, object]], dict[str, object]]


def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
    """Version 2 keeps the moves of levels left mid-way; a version-1 save has none."""
    data.setdefault("unfinished", {})
    return data


def _v2_to_v3(data: dict[str, object]) -> dict[str, object]:
    """Version 3 adds the profile id (made on the next save) and, per question, whether the
    first answer was right (known when every answer or none was right) and the wrong
    answers given (none known)."""
    data.setdefault("profile_id", "")
    quizzes = data.get("quizzes")
    for quiz in quizzes.values() if isinstance(quizzes, dict) else ():
        answers = quiz.get("answers") if isinstance(quiz, dict) else None
        for answer in answers.values() if isinstance(answers, dict) else ():
            if not isinstance(answer, dict):
                continue  # left for the validation after the migrations to report
            attempts, correct = answer.get("attempts"), answer.get("correct")
            first: bool | None = None
            if isinstance(attempts, int) and isinstance(correct, int) and attempts > 0:
                first = True if correct == attempts else False if correct == 0 else None
            answer.setdefault("first_correct", first)
            answer.setdefault("wrong", {})
    return data


_MIGRATIONS: dict[int, _Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


def _migrate(data: dict[str, object], version: int) -> dict[str, object]:
    while version < FORMAT_VERSION:
        step = _MIGRATIONS.get(version)
        if step is None:
            raise _CorruptProgress(f"no migration from version {version}")
        data = step(data)
        version += 1
        data["version"] = version
    return data


def _obj(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise _CorruptProgress(f"{where}: expected an object")
    return value


def _short(value: object) -> str:
    """A bounded ``repr`` for messages: a save can hold anything (a huge number, a long text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if abs(value) < 10**18 else "a very large number"
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    if isinstance(value, (list, dict)):
        return f"a {'list' if isinstance(value, list) else 'mapping'} of {len(value)} items"
    if isinstance(value, (bool, float)) or value is None:
        return repr(value)
    return type(value).__name__


_R = TypeVar("_R")


def _records(top: Mapping[str, object], key: str,
             build: Callable[[Mapping[str, object], str], _R], dropped: list[str]) -> dict[str, _R]:
    """Each record under ``top[key]`` that is valid; the others are named in ``dropped``."""
    try:
        raw = _obj(_req(top, key, "save"), key)
    except _CorruptProgress as error:
        dropped.append(str(error))
        return {}
    records: dict[str, _R] = {}
    for name, value in raw.items():
        where = f"{key}[{_short(name)}]"
        try:
            records[name] = build(_obj(value, where), where)
        except _CorruptProgress as error:
            dropped.append(str(error))
    return records


def _req(d: Mapping[str, object], key: str, where: str) -> object:
    if key not in d:
        raise _CorruptProgress(f"{where}.{key}: missing")
    return d[key]


def _int(d: Mapping[str, object], key: str, where: str, *, minimum: int = 0) -> int:
    v = _req(d, key, where)
    if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
        raise _CorruptProgress(f"{where}.{key}: expected an int >= {minimum}, got {_short(v)}")
    return v


def _opt_int(d: Mapping[str, object], key: str, where: str) -> int | None:
    if _req(d, key, where) is None:
        return None
    return _int(d, key, where)


def _bool(d: Mapping[str, object], key: str, where: str) -> bool:
    v = _req(d, key, where)
    if not isinstance(v, bool):
        raise _CorruptProgress(f"{where}.{key}: expected true/false, got {_short(v)}")
    return v


def _str(d: Mapping[str, object], key: str, where: str) -> str:
    v = _req(d, key, where)
    if not isinstance(v, str):
        raise _CorruptProgress(f"{where}.{key}: expected a string, got {_short(v)}")
    return v


def _unfinished(value: object, dropped: list[str]) -> dict[str, str]:
    """Level id -> move string of levels left mid-way; a bad entry is dropped and named."""
    try:
        moves = _obj(value, "unfinished")
    except _CorruptProgress as error:
        dropped.append(str(error))
        return {}
    kept: dict[str, str] = {}
    for level_id, text in moves.items():
        if isinstance(text, str) and all(ch in MOVE_LETTERS for ch in text):
            kept[level_id] = text
        else:
            dropped.append(f"unfinished[{_short(level_id)}]: expected a move string")
    return kept


def _level(d: Mapping[str, object], where: str) -> LevelRecord:
    stars = _int(d, "stars", where)
    if stars > MAX_STARS:
        raise _CorruptProgress(f"{where}.stars: expected 0..{MAX_STARS}, got {stars}")
    return LevelRecord(
        won=_bool(d, "won", where),
        best_moves=_opt_int(d, "best_moves", where),
        best_troops=_opt_int(d, "best_troops", where),
        attempts=_int(d, "attempts", where),
        wins=_int(d, "wins", where),
        stars=stars,
        hints_used=_int(d, "hints_used", where),
    )


def _quiz(d: Mapping[str, object], where: str) -> QuizRecord:
    answers: dict[str, QuestionRecord] = {}
    for qid, raw in _obj(_req(d, "answers", where), f"{where}.answers").items():
        qwhere = f"{where}.answers[{_short(qid)}]"
        q = _obj(raw, qwhere)
        first = _req(q, "first_correct", qwhere)
        if first is not None and not isinstance(first, bool):
            raise _CorruptProgress(f"{qwhere}.first_correct: expected true/false/null")
        wrong = _obj(_req(q, "wrong", qwhere), f"{qwhere}.wrong")
        answers[qid] = QuestionRecord(
            attempts=_int(q, "attempts", qwhere),
            correct=_int(q, "correct", qwhere),
            last_correct=_bool(q, "last_correct", qwhere),
            first_correct=first,
            wrong={key: _int(wrong, key, f"{qwhere}.wrong") for key in wrong},
        )
    seed = _req(d, "seed", where)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise _CorruptProgress(f"{where}.seed: expected an int, got {_short(seed)}")
    return QuizRecord(
        best_score=_int(d, "best_score", where),
        total=_int(d, "total", where),
        attempts=_int(d, "attempts", where),
        passed=_bool(d, "passed", where),
        last_score=_int(d, "last_score", where),
        answers=answers,
        seed=seed,
    )


def _reject_constant(name: str) -> object:
    raise _CorruptProgress(f"non-standard JSON constant {name}")


# --------------------------------------------------------------------------- storage

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)
}
_MAX_PROFILE_LEN = 64


def sanitize_profile_name(profile: str) -> str:
    """A safe file stem for a profile: letters/digits (any script), '-' and '_' only."""
    name = unicodedata.normalize("NFC", profile).strip()
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
    name = name.strip("_")[:_MAX_PROFILE_LEN]
    if not name:
        raise ValueError(f"profile name {profile!r} is empty or has no usable characters")
    if name.lower() in _WINDOWS_RESERVED:
        name = f"_{name}"
    return name


_PROFILE_STEM = re.compile(r"[\w-]+")


def _now() -> datetime:
    return datetime.now()


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The loaded (or fresh) progress, plus a notice for the pupil if something went wrong.

    ``dropped`` names the records of the save that could not be read and were left out.
    """

    progress: Progress
    notice: Text | None = None
    dropped: tuple[str, ...] = ()


_CORRUPT_NOTICE = Text(
    "存档文件已损坏,已另存为 {path} ,进度从头开始。",
    "Your saved progress could not be read; it was kept as {path} and a new save was started.",
)
_NEWER_NOTICE = Text(
    "存档由更新版本的游戏创建,无法读取;已另存为 {path} ,进度从头开始。",
    "Your saved progress was made by a newer version of the game; it was kept as {path} "
    "and a new save was started.",
)
_STUCK_NOTICE = Text(
    "存档文件 {path} 无法读取,也无法另存;进度从头开始,原文件未被改动。",
    "Your saved progress at {path} could not be read or set aside; a new save was started "
    "and the old file was left untouched.",
)
_PARTLY_NOTICE = Text(
    "存档中有 {count} 条记录无法读取,已略去({names});其余进度保留。原文件副本:{path}",
    "{count} saved records could not be read and were left out ({names}); the rest of your "
    "progress is kept. A copy of the file: {path}",
)
_SAVE_FAILED = Text(
    "无法保存进度到 {path}({reason})。",
    "Your progress could not be saved to {path} ({reason}).",
)
_BUSY = "another window kept the save locked; try again"

#: A save lock older than this is stale (a save takes milliseconds); it is broken.
LOCK_STALE_SECONDS = 10.0
#: How long a save waits for another window's save before giving up (with a notice).
LOCK_WAIT_SECONDS = 3.0


class SaveUnreadable(ValueError):
    """A save file that cannot be read at all (too big, not JSON, not a save, newer)."""


def read_save(path: Path) -> tuple[Progress, list[str]]:
    """Read a save without changing anything: the progress and the records left out.

    The same size cap (:data:`MAX_SAVE_BYTES`) and the same record-by-record recovery
    as the game's own loader. Raises :class:`SaveUnreadable` (with a short reason) or
    ``OSError``.
    """
    return _parse(_read_capped(path))


def _read_capped(path: Path) -> bytes:
    """At most ``MAX_SAVE_BYTES + 1`` bytes of a regular file; a pipe, device or folder in
    its place raises :class:`SaveUnreadable` without blocking (opened non-blocking)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise SaveUnreadable("this is not a regular file")
        return f.read(MAX_SAVE_BYTES + 1)


def _parse(raw: bytes) -> tuple[Progress, list[str]]:
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveUnreadable(f"the file is larger than {MAX_SAVE_BYTES // (1024 * 1024)} MB, "
                             "so it is not a save of this game")
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
        return Progress.recover(data)
    except _NewerVersion:
        raise
    except (ValueError, RecursionError) as error:  # bad UTF-8, bad JSON, not a save
        raise SaveUnreadable(_bounded(str(error))) from None


def _bounded(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProgressStore:
    """Loads and saves one profile's progress file; safe with two windows on one profile.

    A save is written to a temporary file and renamed over the old one, so a save on disk
    is always whole. Saving takes a lock file (created exclusively, so it also works on
    Windows and network shares), re-reads the file and merges what another window saved
    since this one loaded: counts add up, bests keep the best, nothing is lost. A lock
    left by a killed game is broken (its process is gone, or it is older than
    :data:`LOCK_STALE_SECONDS`); temporary files a killed save left are removed.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._unmoved_bad_file = False  # load found a bad file it could not move aside
        self._base: dict[str, object] | None = None  # the save as last loaded or written

    @classmethod
    def default(cls, profile: str = "default") -> ProgressStore:
        """The store for ``profile`` under $CHANGZHENG_DATA_DIR or the user data folder."""
        stem = sanitize_profile_name(profile)
        env = os.environ.get(DATA_DIR_ENV)
        base = Path(env) if env else Path(platformdirs.user_data_dir("changzheng", appauthor=False))
        return cls(base / "profiles" / f"{stem}.json")

    @property
    def lock_path(self) -> Path:
        """The lock file taken while saving (hidden, next to the save)."""
        return self.path.with_name(f".{self.path.stem}.lock")

    # ---------------------------------------------------------------- load

    def load(self) -> LoadResult:
        """Read the save: missing gives fresh progress, a bad file is moved aside, a bad
        record is left out and named (a copy of the file is kept); never raises."""
        self._clean_stale_files()
        try:
            raw = _read_capped(self.path)
        except FileNotFoundError:
            self._base = Progress().to_json()
            return LoadResult(Progress())
        except Exception as exc:  # directory in its place, permissions, I/O error, ...
            return self._set_aside(exc, newer=False)
        try:
            progress, dropped = _parse(raw)
        except _NewerVersion as exc:
            return self._set_aside(exc, newer=True)
        except Exception as exc:  # never crash on a bad save: any failure here means "corrupt"
            return self._set_aside(exc, newer=False)
        self._unmoved_bad_file = False
        self._base = progress.to_json()
        if not dropped:
            return LoadResult(progress)
        log.warning("progress file %s: records left out: %s", self.path, "; ".join(dropped))
        copy = self._keep_copy(raw)
        names = ", ".join(dropped[:3]) + (f" … (+{len(dropped) - 3})" if len(dropped) > 3 else "")
        notice = _PARTLY_NOTICE.format(count=len(dropped), names=names, path=copy or self.path)
        return LoadResult(progress, notice, tuple(dropped))

    def _keep_copy(self, raw: bytes) -> Path | None:
        """Write ``raw`` to a free ``<stem>.corrupt-<stamp>.json``; None if it cannot be."""
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{suffix}.json")
            try:
                with open(target, "xb") as f:
                    f.write(raw)
                return target
            except FileExistsError:
                continue
            except OSError as error:
                log.error("could not keep a copy of %s: %s", self.path, error)
                return None
        return None

    def _set_aside(self, exc: BaseException, *, newer: bool) -> LoadResult:
        log.warning("progress file %s unusable: %s", self.path, exc)
        self._base = Progress().to_json()
        try:
            aside = self._move_aside()
        except Exception as move_exc:
            log.error("could not move %s aside: %s", self.path, move_exc)
            self._unmoved_bad_file = True
            return LoadResult(Progress(), _STUCK_NOTICE.format(path=self.path))
        self._unmoved_bad_file = False
        notice = _NEWER_NOTICE if newer else _CORRUPT_NOTICE
        return LoadResult(Progress(), notice.format(path=aside))

    def _move_aside(self) -> Path:
        """Rename the file to a free ``<stem>.corrupt-<stamp>[-n].json``; never overwrites."""
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{suffix}.json")
            if os.path.lexists(target):
                continue
            try:
                os.rename(self.path, target)  # Windows refuses to overwrite: retry below
            except FileExistsError:
                continue
            log.warning("moved unusable progress file to %s", target)
            return target
        raise OSError(f"no free name to move {self.path} aside")

    def _clean_stale_files(self) -> None:
        """Remove temporary files a killed save left behind, if no save is running now."""
        try:
            lock = _Lock.try_take(self.lock_path)
        except OSError:
            return
        if lock is None:
            return
        try:
            self._remove_temp_files()
            _break_old(self.lock_path.with_name(self.lock_path.name + ".want"), 1.0)
        finally:
            lock.release()

    def _remove_temp_files(self) -> None:
        """Remove every ``.<stem>.*.tmp`` (call with the lock held: none is being written)."""
        try:
            entries = list(os.scandir(self.path.parent))
        except OSError:
            return
        prefix = f".{self.path.stem}."
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)

    # ---------------------------------------------------------------- save

    def save(self, progress: Progress) -> None:
        """Write ``progress``, merged with what another window saved since this one loaded.

        ``progress`` is updated in place with the merged result. Raises
        :class:`ProgressSaveError` (with a notice) on failure; the old save is then intact.
        """
        folder = self.path.parent
        if not progress.profile_id:
            import uuid  # imported when saving: the game's start does not need it

            progress.profile_id = uuid.uuid4().hex  # the pupil's identity from now on
        tmp_name: str | None = None
        lock: _Lock | None = None
        try:
            if self._unmoved_bad_file and os.path.lexists(self.path):
                self._move_aside()  # never overwrite a bad save we could not keep
            self._unmoved_bad_file = False
            folder.mkdir(parents=True, exist_ok=True)
            lock = _Lock.take(self.lock_path, LOCK_WAIT_SECONDS)
            self._remove_temp_files()
            merged = self._merged(progress)
            data = merged.to_json()
            text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True,
                              allow_nan=False) + "\n"
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=folder,
                prefix=f".{self.path.stem}.",
                suffix=".tmp",
                delete=False,
            ) as f:
                tmp_name = f.name
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp_name, self.path)
            tmp_name = None
            _fsync_dir(folder)
            if merged is not progress:
                _adopt(progress, merged)
            self._base = data
        except Exception as exc:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            raise ProgressSaveError(_SAVE_FAILED.format(path=self.path, reason=exc)) from exc
        finally:
            if lock is not None:
                lock.release()

    def _merged(self, progress: Progress) -> Progress:
        """``progress`` with what another window saved since :meth:`load` merged in."""
        if self._base is None:
            return progress  # never loaded: this store's caller owns the whole save
        try:
            disk, _ = _parse(_read_capped(self.path))
        except FileNotFoundError:
            return progress
        except Exception as error:  # unreadable now: keep it, then write ours
            log.warning("progress file %s unreadable while saving: %s", self.path, error)
            self._move_aside()
            return progress
        if disk.to_json() == self._base:
            return progress  # nobody else saved
        base, _ = Progress.recover(self._base)
        return merge_progress(base, progress, disk)

    # ---------------------------------------------------------------- profiles

    def list_profiles(self) -> list[str]:
        """Sorted profile names that have a save in this store's folder."""
        try:
            entries = list(self.path.parent.iterdir())
        except OSError:
            return []
        return sorted(
            p.stem
            for p in entries
            if p.suffix == ".json" and _PROFILE_STEM.fullmatch(p.stem) and p.is_file()
        )


# --------------------------------------------------------------------------- merging


def _adopt(target: Progress, source: Progress) -> None:
    """Make ``target`` hold ``source``'s data (the game keeps its ``Progress`` object)."""
    target.language = source.language
    target.levels = source.levels
    target.quizzes = source.quizzes
    target.cards = source.cards
    target.settings = source.settings
    target.unfinished = source.unfinished
    target.profile_id = source.profile_id


def _added(base: int, mine: int, disk: int) -> int:
    """A count: what is on disk, plus what this window added since it loaded."""
    return disk + max(0, mine - base)


def _best(values: Iterable[int | None], pick: Callable[[Iterable[int]], int]) -> int | None:
    found = [v for v in values if v is not None]
    return pick(found) if found else None


def _merge_level(base: LevelRecord, mine: LevelRecord, disk: LevelRecord) -> LevelRecord:
    return LevelRecord(
        won=mine.won or disk.won,
        best_moves=_best((mine.best_moves, disk.best_moves), min),
        best_troops=_best((mine.best_troops, disk.best_troops), max),
        attempts=_added(base.attempts, mine.attempts, disk.attempts),
        wins=_added(base.wins, mine.wins, disk.wins),
        stars=max(mine.stars, disk.stars),
        hints_used=_added(base.hints_used, mine.hints_used, disk.hints_used),
    )


def _merge_quiz(base: QuizRecord, mine: QuizRecord, disk: QuizRecord) -> QuizRecord:
    latest = mine if mine.attempts > base.attempts else disk  # who took the quiz last
    answers: dict[str, QuestionRecord] = {}
    for qid in {**disk.answers, **mine.answers}:
        b = base.answers.get(qid, QuestionRecord())
        m = mine.answers.get(qid, b)
        d = disk.answers.get(qid, QuestionRecord())
        answers[qid] = QuestionRecord(
            attempts=_added(b.attempts, m.attempts, d.attempts),
            correct=_added(b.correct, m.correct, d.correct),
            last_correct=m.last_correct if m.attempts > b.attempts else d.last_correct,
            first_correct=(b.first_correct if b.attempts else
                           d.first_correct if d.attempts else m.first_correct),
            wrong={key: _added(b.wrong.get(key, 0), m.wrong.get(key, 0), d.wrong.get(key, 0))
                   for key in {**d.wrong, **m.wrong}},
        )
    return QuizRecord(
        best_score=max(mine.best_score, disk.best_score),
        total=latest.total,
        attempts=_added(base.attempts, mine.attempts, disk.attempts),
        passed=mine.passed or disk.passed,
        last_score=latest.last_score,
        answers=answers,
        seed=latest.seed,
    )


def merge_progress(base: Progress, mine: Progress, disk: Progress) -> Progress:
    """Merge two windows' progress: ``mine`` and ``disk`` both grew from ``base``.

    Records of either side are kept; a record both changed is merged by best result
    (won stays won, fewest moves, most troops, most stars, passed stays passed) and its
    counts add up what each side added. Settings and language: this window's change wins.
    """
    levels = dict(disk.levels)
    for lid, rec in mine.levels.items():
        old = base.levels.get(lid, LevelRecord())
        levels[lid] = _merge_level(old, rec, disk.levels[lid]) if lid in disk.levels else rec
    quizzes = dict(disk.quizzes)
    for cid, quiz in mine.quizzes.items():
        old_quiz = base.quizzes.get(cid, QuizRecord())
        quizzes[cid] = (_merge_quiz(old_quiz, quiz, disk.quizzes[cid]) if cid in disk.quizzes
                        else quiz)
    settings = dict(disk.settings)
    for key in set(mine.settings) | set(base.settings):
        if mine.settings.get(key) != base.settings.get(key):
            if key in mine.settings:
                settings[key] = mine.settings[key]
            else:
                settings.pop(key, None)
    unfinished = dict(disk.unfinished)
    for lid in set(mine.unfinished) | set(base.unfinished):
        if mine.unfinished.get(lid) != base.unfinished.get(lid):  # this window moved on
            if lid in mine.unfinished:
                unfinished[lid] = mine.unfinished[lid]
            else:
                unfinished.pop(lid, None)
    return Progress(
        language=mine.language if mine.language != base.language else disk.language,
        levels=levels,
        quizzes=quizzes,
        cards=list(disk.cards) + [c for c in mine.cards if c not in disk.cards],
        settings=settings,
        unfinished=unfinished,
        profile_id=disk.profile_id or mine.profile_id,  # the id saved first stays
    )


# --------------------------------------------------------------------------- the lock


class _Lock:
    """A lock file created exclusively (``O_EXCL``: atomic on local disks, Windows and
    network shares), holding who took it; a stale one (its process gone, or too old) is
    broken."""

    def __init__(self, path: Path, token: str) -> None:
        self.path = path
        self.token = token

    @classmethod
    def try_take(cls, path: Path) -> _Lock | None:
        """Take the lock now, breaking a stale one; None if another save holds it."""
        import socket  # imported when saving: the game's start does not need it
        import uuid

        token = f"{os.getpid()} {socket.gethostname()} {time.time():.3f} {uuid.uuid4().hex}"
        for _ in range(2):
            if _create_with(path, token.encode("utf-8")):
                return cls(path, token)
            if not _break_if_stale(path):
                return None
        return None

    @classmethod
    def take(cls, path: Path, wait: float) -> _Lock:
        """Take the lock, waiting up to ``wait`` seconds; raises ``TimeoutError``.

        Fair to a window that has waited: after a few tries it leaves a ``.want`` file,
        and others (who would otherwise take the lock back at once, saving in a loop)
        let it go first while that file is fresh.
        """
        began = time.monotonic()
        want = path.with_name(path.name + ".want")
        wanting = False
        delay = 0.001
        try:
            while True:
                waited = time.monotonic() - began
                if not wanting and waited > 0.02:
                    _break_old(want, 1.0)  # left by a killed game
                    wanting = _create_exclusive(want)
                if wanting or not _fresh(want, 1.0):
                    lock = cls.try_take(path)
                    if lock is not None:
                        return lock
                if waited > wait:
                    raise TimeoutError(_BUSY)
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.02)
        finally:
            if wanting:
                with contextlib.suppress(OSError):
                    os.unlink(want)

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        with contextlib.suppress(OSError):
            if _read_small(self.path) == self.token:
                os.unlink(self.path)


def _create_with(path: Path, content: bytes) -> bool:
    """Create ``path`` holding ``content`` unless it exists; True if this call created it.

    The content is written to a temporary file first and hard-linked into place, so the
    lock never exists empty (a game killed in between leaves a ``.tmp`` that is cleaned
    up). Where hard links are not supported the file is created with ``O_EXCL``.
    """
    import uuid

    spare = path.with_name(f"{path.name}-{uuid.uuid4().hex}.tmp")
    try:
        with open(spare, "xb") as f:
            f.write(content)
        try:
            os.link(spare, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links on this file system
    finally:
        with contextlib.suppress(OSError):
            os.unlink(spare)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, content)
    finally:
        os.close(fd)
    return True


def _create_exclusive(path: Path) -> bool:
    """Create an empty file at ``path`` if none is there; True if this call created it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except OSError:
        return False
    return True


def _fresh(path: Path, seconds: float) -> bool:
    """Whether ``path`` exists and was made less than ``seconds`` ago."""
    try:
        return time.time() - os.stat(path).st_mtime < seconds
    except OSError:
        return False


def _break_old(path: Path, seconds: float) -> bool:
    """Remove ``path`` if it is older than ``seconds`` (left by a killed game)."""
    if os.path.lexists(path) and not _fresh(path, seconds):
        with contextlib.suppress(OSError):
            os.unlink(path)
            return True
    return False


def _read_small(path: Path) -> str:
    with open(path, "rb") as f:
        return f.read(200).decode("utf-8", errors="replace")


def _break_if_stale(path: Path) -> bool:
    """Remove the lock at ``path`` if its holder is gone; True if it is gone now."""
    import socket  # imported when saving: the game's start does not need it
    import uuid

    try:
        info = os.stat(path)
        holder = _read_small(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    age = time.time() - info.st_mtime
    parts = holder.split()
    stale = age > LOCK_STALE_SECONDS
    if not stale and not parts:
        stale = age > 1.0  # created but never written: its writer died at once
    if not stale and len(parts) >= 2 and parts[1] == socket.gethostname():
        stale = not _alive(parts[0])
    if not stale:
        return False
    # Move it to a name of our own before deleting, so that of two windows breaking the
    # same stale lock, the second cannot delete the lock the first has just taken.
    grave = path.with_name(f"{path.name}-{uuid.uuid4().hex}.stale.tmp")  # cleaned if left
    try:
        os.rename(path, grave)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if _read_small(grave) != holder and not os.path.lexists(path):
            os.rename(grave, path)  # a fresh lock was taken meanwhile: put it back
            return False
    except OSError:
        pass
    with contextlib.suppress(OSError):
        os.unlink(grave)
    return True


def _alive(pid_text: str) -> bool:
    """Whether the process ``pid_text`` of this machine still runs (True if unknown)."""
    if os.name != "posix" or not pid_text.isdigit():
        return True  # on Windows, os.kill would end the process: rely on the lock's age
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


_DELETE_FAILED = Text(
    "无法删除存档 {path}({reason})。",
    "The save {path} could not be deleted ({reason}).",
)


def delete_profile(store: ProgressStore) -> None:
    """Remove the profile's save (a missing one is already gone); raises ProgressSaveError
    with a notice when the file stays."""
    try:
        store.path.unlink(missing_ok=True)
    except OSError as exc:
        raise ProgressSaveError(_DELETE_FAILED.format(path=store.path, reason=exc)) from exc
    _fsync_dir(store.path.parent)


def _fsync_dir(folder: Path) -> None:
    """Flush the directory entry of a rename to disk where the OS allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open directories
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
