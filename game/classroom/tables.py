"""The class report's tables, from one save per pupil and the campaign they played.

Per chapter: who finished it and with how many stars. Per question: the share answered
right at the first try and the most common wrong answer. Per level: moves, hints and
losses. Per pupil: a short list of reasons to look at them first. Stars count as the game
counts them: two per level (won; won within par), one per chapter for a perfect quiz.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from game.classroom.saves import PupilSave
from game.content.campaign import Campaign, Chapter
from game.content.quiz import Question
from game.i18n import Lang, Text
from game.progress import LevelRecord, Progress
from game.quiz import answer_from_key

__all__ = [
    "ChapterResult",
    "ChapterRow",
    "ClassTables",
    "LevelRow",
    "PupilRow",
    "QuestionRow",
    "class_tables",
]

#: Stars a level can give (won; within par), as the game's route map counts them.
LEVEL_STARS = 2


@dataclass(frozen=True, slots=True)
class ChapterResult:
    """One pupil in one chapter."""

    finished: bool
    stars: int
    started: bool


@dataclass(frozen=True, slots=True)
class ChapterRow:
    """One chapter: its stars possible and every pupil's result (same order as the pupils)."""

    id: str
    title: Text
    possible: int
    results: tuple[ChapterResult, ...]

    @property
    def finished(self) -> int:
        """How many pupils finished the chapter."""
        return sum(r.finished for r in self.results)


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One question of a chapter's bank, over the pupils who answered it."""

    chapter: str
    id: str
    prompt: Text
    answered: int  # pupils who answered it at least once
    first_known: int  # of those, pupils whose first answer is known (saves of format 3)
    first_right: int
    still_wrong: int  # pupils whose latest answer is wrong
    common_wrong: Text | None  # the wrong answer given most often, as the pupils read it
    common_wrong_count: int

    @property
    def first_share(self) -> float | None:
        """The share right at the first try (None: no first answer known)."""
        return self.first_right / self.first_known if self.first_known else None


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One level, over the pupils who tried it."""

    chapter: str
    id: str
    title: Text
    played: int
    won: int
    median_moves: float | None  # of the pupils' best wins
    fewest_moves: int | None
    hints: int
    losses: int  # attempts that did not win, all pupils together


@dataclass(frozen=True, slots=True)
class PupilRow:
    """One pupil: totals, and why to look at them first (empty: no reason)."""

    name: str
    finished: int
    stars: int
    levels_won: int
    hints: int
    losses: int
    wrong_now: int  # questions whose latest answer is wrong
    need: int  # how urgently to help: the weight of the reasons below
    reasons: tuple[Text, ...]


@dataclass
class ClassTables:
    """All the tables of the class report."""

    pupils: list[PupilRow] = field(default_factory=list)  # alphabetical
    chapters: list[ChapterRow] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    levels: list[LevelRow] = field(default_factory=list)
    stars_possible: int = 0

    def needing_help(self) -> list[PupilRow]:
        """The pupils with a reason to be helped, the most urgent first."""
        return sorted((p for p in self.pupils if p.need > 0),
                      key=lambda p: (-p.need, p.name.casefold()))


def chapter_result(progress: Progress, chapter: Chapter) -> ChapterResult:
    """The pupil's standing in one chapter, as the game's route map shows it."""
    stars = 0
    started = False
    for level in chapter.levels:
        record = progress.levels.get(level.id)
        if record is not None:
            started = started or record.attempts > 0
            stars += min(LEVEL_STARS, record.stars) if record.won else 0
    quiz = progress.quizzes.get(chapter.id)
    if quiz is not None:
        started = started or quiz.attempts > 0
        stars += 1 if quiz.total > 0 and quiz.best_score >= quiz.total else 0
    won_all = all(progress.level_won(level.id) for level in chapter.levels)
    finished = won_all and (chapter.quiz is None or progress.quiz_passed(chapter.id))
    return ChapterResult(finished, stars, started)


def _question_row(chapter: str, question: Question, saves: list[PupilSave],
                  lang: Lang) -> QuestionRow:
    answered = first_known = first_right = still_wrong = 0
    wrong: Counter[str] = Counter()
    for save in saves:
        quiz = save.progress.quizzes.get(chapter)
        record = quiz.answers.get(question.id) if quiz is not None else None
        if record is None or record.attempts == 0:
            continue
        answered += 1
        if record.first_correct is not None:
            first_known += 1
            first_right += record.first_correct
        still_wrong += not record.last_correct
        for key, times in record.wrong.items():
            if answer_from_key(question, key, lang) is not None:
                wrong[key] += times
    common, count = (wrong.most_common(1) or [("", 0)])[0]
    text = (Text(answer_from_key(question, common, "zh") or "",
                 answer_from_key(question, common, "en") or "") if common else None)
    return QuestionRow(chapter, question.id, question.prompt, answered, first_known,
                       first_right, still_wrong, text, count)


def _level_row(chapter: str, level_id: str, title: Text, saves: list[PupilSave]) -> LevelRow:
    """One level over the pupils who tried it."""
    records = [r for s in saves if (r := s.progress.levels.get(level_id)) is not None
               and r.attempts > 0]
    moves = [r.best_moves for r in records if r.won and r.best_moves is not None]
    return LevelRow(chapter, level_id, title, len(records), sum(r.won for r in records),
                    statistics.median(moves) if moves else None, min(moves, default=None),
                    sum(r.hints_used for r in records), _losses(records))


def _tries(count: int) -> str:
    return "1 try" if count == 1 else f"{count} tries"


def _losses(records: list[LevelRecord]) -> int:
    return sum(max(0, r.attempts - r.wins) for r in records)


def class_tables(saves: list[PupilSave], campaign: Campaign, lang: Lang = "zh") -> ClassTables:
    """Every table of the report for these pupils (one save each) and this campaign."""
    tables = ClassTables()
    for chapter in campaign.chapters:
        results = tuple(chapter_result(s.progress, chapter) for s in saves)
        possible = LEVEL_STARS * len(chapter.levels) + (chapter.quiz is not None)
        tables.chapters.append(ChapterRow(chapter.id, chapter.title, possible, results))
        tables.stars_possible += possible
        for level in chapter.levels:
            tables.levels.append(_level_row(chapter.id, level.id, level.title, saves))
        if chapter.quiz is not None:
            tables.questions.extend(_question_row(chapter.id, question, saves, lang)
                                    for question in chapter.quiz.questions)
    tables.pupils = _pupil_rows(saves, campaign, tables.chapters)
    return tables


def _pupil_rows(saves: list[PupilSave], campaign: Campaign,
                chapters: list[ChapterRow]) -> list[PupilRow]:
    """Totals per pupil and the reasons to help them, measured against the class."""
    level_ids = {level.id: level for chapter in campaign.chapters for level in chapter.levels}
    finished = [sum(row.results[i].finished for row in chapters) for i in range(len(saves))]
    hints = [sum(r.hints_used for lid, r in s.progress.levels.items() if lid in level_ids)
             for s in saves]
    median_finished = statistics.median(finished) if finished else 0
    median_hints = statistics.median(hints) if hints else 0
    wrong = [sum(not a.last_correct for chapter in campaign.chapters
                 if (quiz := s.progress.quizzes.get(chapter.id)) is not None
                 for a in quiz.answers.values()) for s in saves]
    median_wrong = statistics.median(wrong) if wrong else 0
    rows = []
    for i, save in enumerate(saves):
        progress = save.progress
        records = {lid: r for lid, r in progress.levels.items() if lid in level_ids}
        wrong_now = wrong[i]
        reasons: list[tuple[int, Text]] = []
        if not any(r.attempts for r in records.values()) and not progress.quizzes:
            reasons.append((4, Text("还没有开始玩", "has not played yet")))
        behind = median_finished - finished[i]
        if behind >= 2:
            reasons.append((2 * int(behind), Text(
                f"比全班少完成 {behind:g} 章（全班中位数 {median_finished:g} 章）",
                f"{behind:g} chapters behind the class (median {median_finished:g})")))
        for lid, record in records.items():
            if record.attempts and not record.won:
                title = level_ids[lid].title
                reasons.append((3, Text(f"卡在关卡「{title.zh}」（试了 {record.attempts} 次）",
                                        f"stuck on “{title.en}” ({_tries(record.attempts)})")))
        for chapter in campaign.chapters:
            quiz = progress.quizzes.get(chapter.id)
            if quiz is not None and quiz.attempts and not quiz.passed:
                reasons.append((2, Text(
                    f"「{chapter.title.zh}」测验未及格（考了 {quiz.attempts} 次）",
                    f"has not passed the quiz of “{chapter.title.en}” "
                    f"({_tries(quiz.attempts)})")))
        if wrong_now >= max(3, 1.5 * median_wrong):
            reasons.append((wrong_now // 3, Text(f"{wrong_now} 道题最近一次答错",
                                            f"{wrong_now} questions last answered wrong")))
        if hints[i] >= max(4, 2 * median_hints):
            reasons.append((1, Text(f"用了很多提示（{hints[i]} 次，全班中位数 {median_hints:g}）",
                                    f"many hints ({hints[i]}; class median {median_hints:g})")))
        reasons.sort(key=lambda pair: -pair[0])
        rows.append(PupilRow(
            name=save.name, finished=finished[i],
            stars=sum(row.results[i].stars for row in chapters),
            levels_won=sum(r.won for r in records.values()), hints=hints[i],
            losses=_losses(list(records.values())), wrong_now=wrong_now,
            need=sum(weight for weight, _ in reasons),
            reasons=tuple(text for _, text in reasons)))
    return rows
