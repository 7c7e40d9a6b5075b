"""What each chapter teaches: preludes, goals and discussion questions, and every quiz answer's
key term (``taught:``) appearing in the chapter's own teaching texts before it is asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.check.runner import run_check
from game.content.campaign import load_campaign
from game.content.quiz import QuestionType
from game.content.taught import taught_in, teaching_texts, untaught
from game.i18n import Text

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
IDS = [chapter.id for chapter in CAMPAIGN.chapters]


@pytest.mark.parametrize("chapter", CAMPAIGN.chapters, ids=IDS)
def test_every_bank_has_twelve_questions_of_all_four_types(chapter) -> None:  # type: ignore[no-untyped-def]
    assert chapter.quiz is not None
    questions = chapter.quiz.questions
    assert len(questions) >= 12
    assert {q.type for q in questions} == set(QuestionType)
    for question in questions:
        if question.type is not QuestionType.TRUEFALSE:
            assert len(question.options) >= 4 or question.type is QuestionType.ORDER, question.id


@pytest.mark.parametrize("chapter", CAMPAIGN.chapters, ids=IDS)
def test_every_keyed_answer_is_taught_in_its_chapter(chapter) -> None:  # type: ignore[no-untyped-def]
    assert chapter.quiz is not None
    assert all(q.taught is not None for q in chapter.quiz.questions), "every question names taught:"
    assert untaught(chapter) == []


@pytest.mark.parametrize("chapter", CAMPAIGN.chapters, ids=IDS)
def test_every_chapter_has_goals_and_two_or_three_discussion_questions(chapter) -> None:  # type: ignore[no-untyped-def]
    assert 1 <= len(chapter.goals) <= 6
    assert 2 <= len(chapter.discussion) <= 3


def test_taught_terms_are_matched_per_language_ignoring_english_case_and_line_breaks() -> None:
    texts = [Text("红军突破了第四道封锁线。", "It broke the Fourth\n  Blockade Line.")]
    assert taught_in(Text("第四道封锁线", "fourth blockade line"), texts) == (True, True)
    assert taught_in(Text("第五道封锁线", "fourth blockade"), texts) == (False, True)


def test_the_prologue_and_zunyi_are_taught_before_the_first_two_chapters() -> None:
    first, second = CAMPAIGN.chapters[0], CAMPAIGN.chapters[1]
    assert first.prelude is not None and "第五次反“围剿”" in first.prelude.text.zh
    assert second.prelude is not None and "生死攸关的转折点" in second.prelude.text.zh
    assert any("遵义" in text.zh for text in teaching_texts(second))


def test_check_fails_on_an_answer_the_chapter_never_teaches(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    shutil.copytree(LEVELS, root, ignore=shutil.ignore_patterns("0[2-7]-*"))
    (root / "campaign.yaml").write_text(
        "title: {zh: 测试, en: Test}\nchapters: [01-xiangjiang]\n", encoding="utf-8")
    quiz = root / "01-xiangjiang" / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    old = 'taught: {zh: "第四道封锁线", en: "fourth blockade line"}'
    assert text.count(old) == 1
    quiz.write_text(text.replace(old, 'taught: {zh: "第五道封锁线", en: "fourth blockade line"}'),
                    encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    report = run_check([root / "01-xiangjiang" / "chapter.yaml"])
    problems = [str(p) for f in report.files for p in f.errors]
    assert problems == [f"{quiz}:{line}:18: question \"blockade-line\": the key term "
                        "\"第五道封锁线\" appears in no Chinese text of this chapter (prelude, "
                        "briefing, level intros or history card); teach it there or change "
                        "taught:"], problems
