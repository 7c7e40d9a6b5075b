"""``python main.py report``: each pupil's levels and quiz answers as CSV, JSON or a table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from game.cli import main
from game.commands.report import CSV_COLUMNS
from game.content.campaign import Campaign, load_campaign
from game.progress import Progress, ProgressStore

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(LEVELS)


@pytest.fixture()
def two_pupils(campaign: Campaign) -> Campaign:
    """张三 won the first level with a hint and got one question wrong; Li_Ming lost a level
    and answered every question right."""
    first = campaign.chapters[0]
    quiz = first.quiz
    assert quiz is not None
    q1, q2, q3 = (q.id for q in quiz.questions[:3])

    zhang = Progress()
    zhang.record_level(first.levels[0].id, won=False, moves=4, troops=0)
    zhang.record_level(first.levels[0].id, won=True, moves=14, troops=30, stars=2, hints=1)
    zhang.record_quiz(first.id, total=3, answers={q1: True, q2: False, q3: True})
    zhang.record_quiz(first.id, total=3, answers={q1: True, q2: False, q3: True})
    ProgressStore.default("张三").save(zhang)

    li = Progress(language="en")
    li.record_level(first.levels[1].id, won=False, moves=9, troops=0)
    li.record_quiz(first.id, total=2, answers={q2: False, q3: True})
    li.record_quiz(first.id, total=2, answers={q2: True, q3: True})
    ProgressStore.default("Li_Ming").save(li)
    return campaign


def report(*args: str) -> int:
    return main(["--levels", str(LEVELS), "report", *args])


def test_csv_has_one_row_per_pupil_and_item(two_pupils: Campaign, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.csv"
    assert report("--csv", str(out)) == 0
    assert str(out) in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with open(out, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)

    first = two_pupils.chapters[0]
    level_count = sum(len(chapter.levels) for chapter in two_pupils.chapters)
    levels = [r for r in rows if r["kind"] == "level"]
    questions = [r for r in rows if r["kind"] == "question"]
    assert len(levels) == 2 * level_count  # every level of the campaign, for each pupil
    assert len(questions) == 3 + 2  # only the questions each pupil has answered
    assert {r["kind"] for r in rows} == {"level", "question"}

    won = next(r for r in levels if r["profile"] == "张三" and r["level"] == first.levels[0].id)
    assert won == {
        "profile": "张三", "kind": "level", "chapter": first.id, "level": first.levels[0].id,
        "question": "", "text_zh": first.levels[0].title.zh,
        "text_en": first.levels[0].title.en, "won": "yes", "best_moves": "14",
        "best_troops": "30", "stars": "2", "attempts": "2", "hints_used": "1",
        "times_correct": "", "last_correct": "",
    }
    lost = next(r for r in levels if r["profile"] == "Li_Ming" and r["level"] == first.levels[1].id)
    assert (lost["won"], lost["best_moves"], lost["attempts"]) == ("no", "", "1")
    untouched = next(r for r in levels if r["profile"] == "Li_Ming"
                     and r["level"] == two_pupils.chapters[-1].levels[-1].id)
    assert (untouched["chapter"], untouched["attempts"]) == (two_pupils.chapters[-1].id, "0")

    assert first.quiz is not None
    q2 = first.quiz.questions[1]
    wrong = next(r for r in questions if r["profile"] == "张三" and r["question"] == q2.id)
    assert wrong["chapter"] == first.id and wrong["level"] == "" and wrong["won"] == ""
    assert (wrong["text_zh"], wrong["text_en"]) == (q2.prompt.zh, q2.prompt.en)
    assert (wrong["attempts"], wrong["times_correct"], wrong["last_correct"]) == ("2", "0", "no")
    fixed = next(r for r in questions if r["profile"] == "Li_Ming" and r["question"] == q2.id)
    assert (fixed["attempts"], fixed["times_correct"], fixed["last_correct"]) == ("2", "1", "yes")


def test_json_structure_and_wrong_answers(two_pupils: Campaign,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["unreadable"] == []
    by_name = {p["profile"]: p for p in document["profiles"]}
    assert set(by_name) == {"张三", "Li_Ming"}
    first = two_pupils.chapters[0]
    assert first.quiz is not None
    q1, q2, q3 = first.quiz.questions[:3]

    zhang = by_name["张三"]
    assert set(zhang) == {"profile", "summary", "levels", "quizzes", "questions", "wrong"}
    assert zhang["summary"] == {"levels_won": 1, "levels": len(zhang["levels"]), "moves": 14,
                                "stars": 2, "hints_used": 1, "quizzes_passed": 1,
                                "questions_answered": 3, "wrong": 1}
    assert zhang["quizzes"] == [{"chapter": first.id, "best_score": 2, "last_score": 2,
                                 "total": 3, "attempts": 2, "passed": True}]
    assert [q["question"] for q in zhang["questions"]] == [q1.id, q2.id, q3.id]  # quiz order
    assert zhang["wrong"] == [{"chapter": first.id, "question": q2.id,
                               "prompt": {"zh": q2.prompt.zh, "en": q2.prompt.en}}]
    level = zhang["levels"][0]
    assert level["title"] == {"zh": first.levels[0].title.zh, "en": first.levels[0].title.en}
    assert (level["won"], level["best_moves"], level["best_troops"]) == (True, 14, 30)

    li = by_name["Li_Ming"]
    assert li["wrong"] == []  # answered wrongly once, then right: not a mistake any more
    assert li["summary"]["levels_won"] == 0 and li["summary"]["moves"] == 0


def test_one_profile_and_the_table(two_pupils: Campaign,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--profile", "张三", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert [p["profile"] for p in document["profiles"]] == ["张三"]

    assert main(["--levels", str(LEVELS), "--lang", "en", "report", "--profile", "Li Ming"]) == 0
    table = capsys.readouterr().out  # the name as typed in the game finds its file, Li_Ming
    assert table.startswith("Li_Ming: 0/") and "张三" not in table

    first = two_pupils.chapters[0]
    assert first.quiz is not None
    wrong = first.quiz.questions[1]
    assert main(["--levels", str(LEVELS), "--lang", "zh", "report"]) == 0
    assert f"  错题 {first.id}/{wrong.id}：{wrong.prompt.zh}" in capsys.readouterr().out
    assert main(["--levels", str(LEVELS), "--lang", "en", "report"]) == 0
    assert f"  wrong {first.id}/{wrong.id}: {wrong.prompt.en}" in capsys.readouterr().out


def test_unknown_profile_exits_2_listing_the_profiles(
        two_pupils: Campaign, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--profile", "王五", "--json") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "王五" in captured.err and "Li_Ming, 张三" in captured.err


def test_a_bad_save_is_reported_and_left_alone(two_pupils: Campaign,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = ProgressStore.default("broken").path
    bad.write_text("{not json", encoding="utf-8")
    assert report("--json") == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert [u["profile"] for u in document["unreadable"]] == ["broken"]
    assert {p["profile"] for p in document["profiles"]} == {"张三", "Li_Ming"}
    assert "broken.json" in captured.err
    assert bad.read_text(encoding="utf-8") == "{not json"  # not moved aside, not rewritten


def test_no_profiles_yet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert report("--csv", str(out)) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [list(CSV_COLUMNS)]
    assert "no profiles" in capsys.readouterr().err
