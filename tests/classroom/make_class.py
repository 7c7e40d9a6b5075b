"""A class folder like a school's: saves of many pupils from several PCs, made by playing
the real campaign's records with a seeded random generator (shared by the tests and for
screenshots: ``python tests/classroom/make_class.py DIR [PUPILS]``)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.classroom.saves import export_document
from game.content.campaign import Campaign, load_campaign
from game.content.quiz import QuestionType
from game.progress import Progress, ProgressStore
from game.quiz import answer_key

LEVELS = Path(__file__).resolve().parents[2] / "levels"
NAMES = ("王小明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴芳", "徐强",
         "孙丽", "马超", "朱琳", "胡斌", "郭燕", "何平", "高翔", "林娜", "罗刚", "郑爽", "梁晨",
         "谢婷", "宋涛", "唐蕾", "韩雪", "冯军", "邓超", "曹颖", "彭宇", "Emma", "Noah")


def play(campaign: Campaign, rng: random.Random, skill: float) -> Progress:
    """One pupil's progress: chapters in order while they keep winning, quizzes answered."""
    progress = Progress()
    for chapter in campaign.chapters:
        for level in chapter.levels:
            for _ in range(rng.randint(0, 3) if skill < 0.5 else rng.randint(0, 1)):
                progress.record_level(level.id, won=False, moves=rng.randint(3, 30), troops=0)
            if rng.random() > skill + 0.35:
                progress.record_level(level.id, won=False, moves=rng.randint(3, 30), troops=0,
                                      hints=rng.randint(0, 4))
                return progress  # stuck here
            progress.record_level(level.id, won=True, moves=rng.randint(12, 40),
                                  troops=rng.randint(10, 90), stars=rng.choice((1, 2, 2)),
                                  hints=rng.choice((0, 0, 0, 1, 2, 5)) if skill < 0.7 else 0)
        if chapter.quiz is None:
            continue
        for _attempt in range(rng.randint(1, 2)):
            asked = rng.sample(list(chapter.quiz.questions), chapter.quiz.draw)
            answers, given = {}, {}
            for question in asked:
                right = rng.random() < skill + (0.3 if question.id[-1] in "02468" else 0.0)
                answers[question.id] = right
                response = list(question.answer)
                if not right:
                    wrong = [i for i in range(len(question.options)) if i not in response]
                    if question.type is QuestionType.ORDER:
                        response.reverse()
                    elif wrong:
                        response = [rng.choice(wrong[:2])]
                given[question.id] = answer_key(question, tuple(response))
            progress.record_quiz(chapter.id, total=len(asked), answers=answers,
                                 pass_percent=chapter.quiz.pass_percent, given=given)
        if not progress.quiz_passed(chapter.id):
            return progress
        progress.cards.append(chapter.id)
    return progress


def make_class(folder: Path, pupils: int = 30, seed: int = 1934) -> list[str]:
    """Write the class folder: one save per pupil on 3 PCs, and the awkward extras a real
    share collects (an export of a pupil already there, an old save, broken and foreign
    files, a save from a newer game). Returns the pupils' names."""
    campaign = load_campaign(LEVELS)
    rng = random.Random(seed)
    names = list(NAMES[:pupils])
    for i, name in enumerate(names):
        store = ProgressStore(folder / f"PC-{i % 3 + 1:02d}" / "profiles" / f"{name}.json")
        progress = play(campaign, rng, skill=rng.choice((0.3, 0.6, 0.7, 0.8, 0.9, 0.95)))
        store.save(progress)
        if i == 4:  # the same pupil exported from another PC: counted once
            (folder / "exports").mkdir(parents=True, exist_ok=True)
            document = export_document(name, progress)
            (folder / "exports" / f"{name}.changzheng.json").write_text(
                json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (folder / "PC-01" / "profiles" / "broken.json").write_text('{"format": "changz',
                                                               encoding="utf-8")
    (folder / "PC-02" / "notes.json").write_text('{"teacher": "remember the quiz"}',
                                                 encoding="utf-8")
    newer = Progress().to_json()
    newer["version"] = 99
    (folder / "PC-03" / "profiles" / "future.json").write_text(json.dumps(newer),
                                                               encoding="utf-8")
    return names


if __name__ == "__main__":
    made = make_class(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 30)
    print(f"{len(made)} pupils in {sys.argv[1]}")
