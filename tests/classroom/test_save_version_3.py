"""Save format version 3: a lasting profile id, the first answer and the wrong answers given."""

from __future__ import annotations

import json
from pathlib import Path

from game.content.quiz import Question, QuestionType
from game.i18n import Text
from game.progress import FORMAT_VERSION, Progress, ProgressStore
from game.quiz import answer_from_key, answer_key

V1_SAVE = {
    "format": "changzheng-progress", "version": 1, "language": "zh",
    "levels": {"a": {"won": True, "best_moves": 9, "best_troops": 40, "attempts": 2,
                     "wins": 1, "stars": 2, "hints_used": 1}},
    "quizzes": {"ch": {"best_score": 1, "total": 3, "attempts": 2, "passed": False,
                       "last_score": 1, "seed": 3, "answers": {
                           "always": {"attempts": 2, "correct": 2, "last_correct": True},
                           "never": {"attempts": 2, "correct": 0, "last_correct": False},
                           "mixed": {"attempts": 2, "correct": 1, "last_correct": True}}}},
    "cards": [], "settings": {},
}


def test_a_version_1_save_migrates_and_gets_its_id_on_the_next_save(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "profiles" / "pupil.json")
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(V1_SAVE), encoding="utf-8")
    progress = store.load().progress
    assert progress.profile_id == ""
    answers = progress.quizzes["ch"].answers
    assert [answers[q].first_correct for q in ("always", "never", "mixed")] == [True, False, None]
    assert all(answer.wrong == {} for answer in answers.values())
    store.save(progress)
    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert on_disk["version"] == FORMAT_VERSION == 3
    assert len(on_disk["profile_id"]) == 32 and on_disk["profile_id"] == progress.profile_id
    store.save(progress)
    assert store.load().progress.profile_id == on_disk["profile_id"], "the id never changes"


def test_the_first_answer_and_each_wrong_answer_are_kept() -> None:
    p = Progress()
    p.record_quiz("ch", total=2, answers={"q1": False, "q2": True},
                  given={"q1": "B", "q2": "A"})
    p.record_quiz("ch", total=2, answers={"q1": False, "q2": False},
                  given={"q1": "B", "q2": "C"})
    p.record_quiz("ch", total=2, answers={"q1": True, "q2": False})
    q1, q2 = p.quizzes["ch"].answers["q1"], p.quizzes["ch"].answers["q2"]
    assert (q1.first_correct, q1.wrong, q1.last_correct) == (False, {"B": 2}, True)
    assert (q2.first_correct, q2.wrong) == (True, {"C": 1})
    assert Progress.from_json(json.loads(json.dumps(p.to_json()))) == p


def question(kind: QuestionType, answer: tuple[int, ...]) -> Question:
    options = tuple(Text(f"选项{i}", f"option {i}") for i in range(4))
    return Question("q", kind, Text("问", "ask"), options, answer, Text("", ""), "")


def test_answer_keys_name_the_bank_options() -> None:
    multiple = question(QuestionType.MULTIPLE, (0, 2))
    order = question(QuestionType.ORDER, (0, 1, 2, 3))
    assert answer_key(multiple, (2, 1)) == "BC"
    assert answer_key(order, (3, 0, 1, 2)) == "DABC"
    assert answer_from_key(multiple, "BC", "en") == "option 1; option 2"
    assert answer_from_key(order, "DA", "zh") == "选项3 → 选项0"
    assert answer_from_key(order, "Z", "en") is None
    assert answer_from_key(order, "", "en") is None
