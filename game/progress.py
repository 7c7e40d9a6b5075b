"""The pupil's saved progress: plain dataclasses, strict JSON (de)serialisation and a safe store."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs

from game.i18n import DEFAULT_LANG, LANGUAGES, Text

__all__ = [
    "DATA_DIR_ENV",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LevelRecord",
    "LoadResult",
    "Progress",
    "ProgressSaveError",
    "ProgressStore",
    "QuestionRecord",
    "QuizRecord",
    "sanitize_profile_name",
]

log = logging.getLogger(__name__)

FORMAT_NAME = "changzheng-progress"
FORMAT_VERSION = 2
DATA_DIR_ENV = "CHANGZHENG_DATA_DIR"
MAX_STARS = 3
_MAX_FILE_BYTES = 8 * 1024 * 1024  # a real save is a few KiB; anything this big is not ours


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
    #: Whether the very first answer was right (None: not known, a save from before v2).
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
        }

    @classmethod
    def from_json(cls, data: object) -> Progress:
        """Build from parsed JSON, migrating older versions; raises a private error if malformed."""
        top = _obj(data, "save")
        fmt = top.get("format")
        if fmt != FORMAT_NAME:
            raise _CorruptProgress(f"format: expected {FORMAT_NAME!r}, got {fmt!r}")
        version = _int(top, "version", "save")
        if version > FORMAT_VERSION:
            raise _NewerVersion(f"version {version} is newer than {FORMAT_VERSION}")
        top = _migrate(top, version)

        language = _str(top, "language", "save")
        if language not in LANGUAGES:
            language = DEFAULT_LANG  # a language this build lacks: fall back, don't discard
        levels = {
            lid: _level(_obj(raw, f"levels[{lid!r}]"), f"levels[{lid!r}]")
            for lid, raw in _obj(_req(top, "levels", "save"), "levels").items()
        }
        quizzes = {
            cid: _quiz(_obj(raw, f"quizzes[{cid!r}]"), f"quizzes[{cid!r}]")
            for cid, raw in _obj(_req(top, "quizzes", "save"), "quizzes").items()
        }
        cards_raw = _req(top, "cards", "save")
        if not isinstance(cards_raw, list) or not all(isinstance(c, str) for c in cards_raw):
            raise _CorruptProgress("cards: expected a list of strings")
        settings = _obj(_req(top, "settings", "save"), "settings")
        profile_id = _str(top, "profile_id", "save")
        return cls(
            version=FORMAT_VERSION,
            language=language,
            levels=levels,
            quizzes=quizzes,
            cards=[str(c) for c in cards_raw],
            settings=dict(settings),
            profile_id=profile_id,
        )


# --------------------------------------------------------------------------- validation

# _MIGRATIONS[n] turns a version-n save dict into a version-(n + 1) save dict.
_Migration = Callable[[dict[str, object]], dict[str, object]]


def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
    """Version 2 adds the profile id (made on the next save) and, per question, whether the
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


_MIGRATIONS: dict[int, _Migration] = {1: _v1_to_v2}


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


def _req(d: Mapping[str, object], key: str, where: str) -> object:
    if key not in d:
        raise _CorruptProgress(f"{where}.{key}: missing")
    return d[key]


def _int(d: Mapping[str, object], key: str, where: str, *, minimum: int = 0) -> int:
    v = _req(d, key, where)
    if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
        raise _CorruptProgress(f"{where}.{key}: expected an int >= {minimum}, got {v!r}")
    return v


def _opt_int(d: Mapping[str, object], key: str, where: str) -> int | None:
    if _req(d, key, where) is None:
        return None
    return _int(d, key, where)


def _bool(d: Mapping[str, object], key: str, where: str) -> bool:
    v = _req(d, key, where)
    if not isinstance(v, bool):
        raise _CorruptProgress(f"{where}.{key}: expected true/false, got {v!r}")
    return v


def _str(d: Mapping[str, object], key: str, where: str) -> str:
    v = _req(d, key, where)
    if not isinstance(v, str):
        raise _CorruptProgress(f"{where}.{key}: expected a string, got {v!r}")
    return v


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
        qwhere = f"{where}.answers[{qid!r}]"
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
        raise _CorruptProgress(f"{where}.seed: expected an int, got {seed!r}")
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
    """The loaded (or fresh) progress, plus a notice for the pupil if something went wrong."""

    progress: Progress
    notice: Text | None = None


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
_SAVE_FAILED = Text(
    "无法保存进度到 {path}({reason})。",
    "Your progress could not be saved to {path} ({reason}).",
)


class ProgressStore:
    """Loads and atomically saves one profile's progress file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._unmoved_bad_file = False  # load found a bad file it could not move aside

    @classmethod
    def default(cls, profile: str = "default") -> ProgressStore:
        """The store for ``profile`` under $CHANGZHENG_DATA_DIR or the user data folder."""
        stem = sanitize_profile_name(profile)
        env = os.environ.get(DATA_DIR_ENV)
        base = Path(env) if env else Path(platformdirs.user_data_dir("changzheng", appauthor=False))
        return cls(base / "profiles" / f"{stem}.json")

    # ---------------------------------------------------------------- load

    def load(self) -> LoadResult:
        """Read the save: missing gives fresh progress, a bad file is moved aside; never raises."""
        try:
            with open(self.path, "rb") as f:
                raw = f.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return LoadResult(Progress())
        except Exception as exc:  # directory in its place, permissions, I/O error, ...
            return self._set_aside(exc, newer=False)
        try:
            if len(raw) > _MAX_FILE_BYTES:
                raise _CorruptProgress("file too large")
            data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
            progress = Progress.from_json(data)
        except _NewerVersion as exc:
            return self._set_aside(exc, newer=True)
        except Exception as exc:  # never crash on a bad save: any failure here means "corrupt"
            return self._set_aside(exc, newer=False)
        self._unmoved_bad_file = False
        return LoadResult(progress)

    def _set_aside(self, exc: BaseException, *, newer: bool) -> LoadResult:
        log.warning("progress file %s unusable: %s", self.path, exc)
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

    # ---------------------------------------------------------------- save

    def save(self, progress: Progress) -> None:
        """Atomically write ``progress``; raises ProgressSaveError (with a notice) on failure."""
        folder = self.path.parent
        if not progress.profile_id:
            progress.profile_id = uuid.uuid4().hex  # the pupil's identity from now on
        tmp_name: str | None = None
        try:
            if self._unmoved_bad_file and os.path.lexists(self.path):
                self._move_aside()  # never overwrite a bad save we could not keep
            self._unmoved_bad_file = False
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=folder,
                prefix=f".{self.path.stem}.",
                suffix=".tmp",
                delete=False,
            ) as f:
                tmp_name = f.name
                json.dump(
                    progress.to_json(),
                    f,
                    ensure_ascii=False,
                    indent=2,
                    sort_keys=True,
                    allow_nan=False,
                )
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp_name, self.path)
            tmp_name = None
        except Exception as exc:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            raise ProgressSaveError(_SAVE_FAILED.format(path=self.path, reason=exc)) from exc
        _fsync_dir(folder)

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
