"""``python main.py new-level``: a small level (and quiz) that passes check and can be won."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from game.check.runner import run_check
from game.cli import main
from game.content.levels import load_level
from game.content.quiz import QuestionType, load_quiz
from game.solver import Outcome, solve

REPO = Path(__file__).resolve().parents[2]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_the_level_passes_check_and_the_solver_wins_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["new-level", "drafts/level-1.yaml"], capsys)
    path = tmp_path / "drafts" / "level-1.yaml"
    assert (code, err) == (0, "")
    assert path.is_file()
    report = run_check([path])
    assert report.ok, [str(p) for f in report.files for p in f.errors]
    assert report.files[0].kind == "level" and report.files[0].warnings == []
    level = load_level(path)
    assert (level.id, level.chapter) == ("level-1", "my-chapter")
    assert level.patrols, "the scaffold shows a patrol"
    assert solve(level).outcome is Outcome.SOLVED
    assert "wrote drafts/level-1.yaml" in out
    assert "python main.py play drafts/level-1.yaml" in out
    assert "python main.py check drafts/level-1.yaml" in out


def test_the_level_explains_itself_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["new-level", "level-1.yaml"], capsys)
    text = (tmp_path / "level-1.yaml").read_text(encoding="utf-8")
    for words in ("python main.py play level-1.yaml", "python main.py check level-1.yaml",
                  "关卡编号", "level's id", "地图", "The map", "巡逻队", "Patrols", "legend:",
                  "回合上限", "turn limit", "levels/README.md"):
        assert words in text, words


def test_quiz_writes_a_bank_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["new-level", "ch/level-2.yaml", "--quiz", "--chapter", "ch"], capsys)
    quiz_path = tmp_path / "ch" / "level-2-quiz.yaml"
    assert code == 0
    report = run_check([tmp_path / "ch"])
    assert [(f.kind, f.ok) for f in report.files] == [("quiz", True), ("level", True)]
    quiz = load_quiz(quiz_path)
    assert quiz.chapter == "ch"
    assert sorted(q.type.value for q in quiz.questions) == sorted(t.value for t in QuestionType)
    assert quiz.draw <= len(quiz.questions)
    assert all("fact-sheet" in q.source and "史实资料表" in q.source for q in quiz.questions)
    assert "wrote ch/level-2-quiz.yaml" in out
    assert "python main.py check ch/level-2.yaml ch/level-2-quiz.yaml" in out


def test_it_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "level-1.yaml"
    path.write_text("mine\n", encoding="utf-8")
    code, out, err = run(["new-level", "level-1.yaml"], capsys)
    assert code == 2
    assert out == ""
    assert "level-1.yaml already exists" in err
    assert "nothing was written" in err
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_an_existing_quiz_stops_the_level_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "level-1-quiz.yaml").write_text("mine\n", encoding="utf-8")
    code, _, err = run(["new-level", "level-1.yaml", "--quiz"], capsys)
    assert code == 2
    assert "level-1-quiz.yaml already exists" in err
    assert not (tmp_path / "level-1.yaml").exists()


@pytest.mark.parametrize("name", ["quiz.yaml", "level-quiz.yaml", "chapter.yaml",
                                  "campaign.yml", "ending.yaml"])
def test_names_read_as_other_files_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, _, err = run(["new-level", name], capsys)
    assert code == 2
    assert f'"{name}"' in err
    assert not (tmp_path / name).exists()


def test_a_chapter_typo_gets_a_did_you_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["new-level", "level.yaml", "--chapter", "xiangjing"], capsys)
    assert code == 0
    assert 'note: no chapter in' in out
    assert 'has the id "xiangjing" (did you mean "xiangjiang"?)' in out
    assert load_level(tmp_path / "level.yaml").chapter == "xiangjing"


def test_a_shipped_chapter_gets_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["new-level", "level.yaml", "--chapter", "xiangjiang"], capsys)
    assert code == 0
    assert "note:" not in out


def test_the_default_chapter_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["new-level", "level.yaml"], capsys)
    assert 'has the id "my-chapter".' in out
    assert "xiangjiang" in out  # the chapters there are listed


def test_a_bad_chapter_id_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["new-level", "level.yaml", "--chapter", "Xiang Jiang"], capsys)
    assert code == 2
    assert '"Xiang Jiang" is not a valid chapter id' in err
    assert not (tmp_path / "level.yaml").exists()


@pytest.mark.parametrize(("name", "expected"), [
    ("My Level 1.yaml", "my-level-1"),
    ("Snow__Mountains--2.yml", "snow-mountains-2"),
    ("第一关.yaml", "my-level"),
    ("level-3", "level-3"),
])
def test_the_id_comes_from_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    code, out, _ = run(["new-level", f"new/{name}"], capsys)
    assert code == 0
    written = list((tmp_path / "new").iterdir())
    assert len(written) == 1
    assert written[0].suffix in (".yaml", ".yml")
    assert load_level(written[0]).id == expected
    assert f'level "{expected}"' in out
    assert run_check(written).ok


def test_a_name_with_spaces_is_quoted_in_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["new-level", "My Level 1.yaml"], capsys)
    assert 'python main.py play "My Level 1.yaml"' in out


def test_next_to_a_chapter_file_it_takes_that_chapter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "levels" / "08-test"
    folder.mkdir(parents=True)
    (folder / "chapter.yaml").write_text("id: test-chapter\n", encoding="utf-8")
    code, out, _ = run(["--levels", "levels", "new-level", "levels/08-test/level-1.yaml"],
                       capsys)
    assert code == 0
    assert load_level(folder / "level-1.yaml").chapter == "test-chapter"
    assert "add level-1.yaml to levels: in levels/08-test/chapter.yaml" in out
    assert "no chapter" not in out


class _KeysAsText(yaml.SafeLoader):
    """``yaml.safe_load`` with keys kept as written (``on:`` stays "on"), as editors read them."""


_KeysAsText.add_constructor(
    "tag:yaml.org,2002:map",
    lambda loader, node: {str(key.value): loader.construct_object(value, deep=True)
                          for key, value in node.value},
)


def test_inside_the_levels_folder_the_files_name_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = tmp_path / "levels"
    levels.mkdir()
    shutil.copy(REPO / "levels" / "schema.json", levels / "schema.json")
    code, _, _ = run(["--levels", "levels", "new-level", "levels/08-new/level-1.yaml", "--quiz"],
                     capsys)
    assert code == 0
    schema = json.loads((levels / "schema.json").read_text(encoding="utf-8"))
    for name, kind in (("level-1.yaml", "level"), ("level-1-quiz.yaml", "quiz")):
        text = (levels / "08-new" / name).read_text(encoding="utf-8")
        assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema.json"
        document = yaml.load(text, Loader=_KeysAsText)  # a SafeLoader subclass: safe
        only_kind = {**schema, "anyOf": [{"$ref": f"#/$defs/{kind}"}]}
        assert list(Draft202012Validator(only_kind).iter_errors(document)) == []
    assert run_check([levels / "08-new"]).ok


def test_outside_the_levels_folder_no_schema_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["new-level", "level-1.yaml"], capsys)
    assert "yaml-language-server" not in (tmp_path / "level-1.yaml").read_text(encoding="utf-8")
