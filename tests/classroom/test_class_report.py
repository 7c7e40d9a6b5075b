"""``report --class DIR --html FILE --csv FILE``: every pupil once, the right numbers, bad
files listed with their reason, and the class folder left exactly as it was."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from game.classroom.saves import read_class_folder
from game.classroom.tables import class_tables
from game.cli import main
from game.content.campaign import load_campaign
from game.progress import FORMAT_VERSION, Progress, ProgressStore
from tests.classroom.make_class import LEVELS, make_class

CAMPAIGN = load_campaign(LEVELS)
FIRST = CAMPAIGN.chapters[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"",
                                         p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


def test_a_class_of_thirty_on_three_pcs(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    names = make_class(folder)
    before = snapshot(folder)
    page, table = tmp_path / "class.html", tmp_path / "out" / "class.csv"
    table.parent.mkdir()
    assert main(["report", "--class", str(folder), "--html", str(page),
                 "--csv", str(table)]) == 0
    assert snapshot(folder) == before, "the class folder must not change"

    found = read_class_folder(folder)
    assert sorted(s.name for s in found.pupils) == sorted(names), "each pupil exactly once"
    [(unused, used)] = found.duplicates
    assert unused.name == used.name == names[4]
    assert {str(unused.path.relative_to(folder)), str(used.path.relative_to(folder))} == {
        f"PC-02/profiles/{names[4]}.json", f"exports/{names[4]}.changzheng.json"}
    reasons = {p.name: r.en for p, r in ((s.path, s.reason) for s in found.skipped)}
    assert reasons["broken.json"].startswith("not valid JSON")
    assert reasons["notes.json"] == "not a 长征 save (no format field)"
    assert ("newer version of the game (save version 99; this game reads up to "
            f"{FORMAT_VERSION})") in reasons["future.json"]

    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") > 30 and "<script" not in html
    assert "http://" not in html and "https://" not in html and "@import" not in html
    for name in names:
        assert f"<td>{name}</td>" in html
    for skipped in ("broken.json", "notes.json", "future.json"):
        assert skipped in html
    for heading in ("Pupils who need help first", "Chapters", "Quiz questions", "Levels"):
        assert heading in html

    pupils = list(csv.reader((tmp_path / "out" / "class-pupils.csv").open(
        encoding="utf-8-sig")))
    assert pupils[0][0] == "pupil" and sorted(r[0] for r in pupils[1:]) == sorted(names)
    written = sorted(p.name for p in table.parent.iterdir())
    assert written == ["class-chapters.csv", "class-files.csv", "class-levels.csv",
                       "class-pupils.csv", "class-questions.csv"]


def save(folder: Path, name: str, progress: Progress) -> Progress:
    ProgressStore(folder / "profiles" / f"{name}.json").save(progress)
    return progress


def test_the_numbers(tmp_path: Path) -> None:
    level_a, level_b = (level.id for level in FIRST.levels[:2])
    assert FIRST.quiz is not None
    question = FIRST.quiz.questions[0]
    wrong_key = "B" if question.answer != (1,) else "C"
    finished = Progress()
    for level in FIRST.levels:
        finished.record_level(level.id, won=True, moves=20, troops=50, stars=2)
    finished.record_quiz(FIRST.id, total=1, answers={question.id: True}, pass_percent=60)
    stuck = Progress()
    for _ in range(4):
        stuck.record_level(level_a, won=False, moves=5, troops=0, hints=2)
    stuck.record_quiz(FIRST.id, total=1, answers={question.id: False},
                      given={question.id: wrong_key})
    late = Progress()
    late.record_level(level_a, won=True, moves=30, troops=50, stars=1)
    late.record_quiz(FIRST.id, total=1, answers={question.id: False},
                     given={question.id: wrong_key})
    late.record_quiz(FIRST.id, total=1, answers={question.id: True})
    for name, progress in (("amy", finished), ("bo", stuck), ("cy", late)):
        save(tmp_path, name, progress)

    folder = read_class_folder(tmp_path)
    tables = class_tables(folder.pupils, CAMPAIGN, "en")
    chapter = tables.chapters[0]
    assert [(r.finished, r.stars) for r in chapter.results] == [
        (True, 2 * len(FIRST.levels) + 1), (False, 0), (False, 1 + 1)]  # cy: perfect retry
    row = next(q for q in tables.questions if q.id == question.id)
    assert (row.answered, row.first_known, row.first_right, row.still_wrong) == (3, 3, 1, 1)
    assert row.first_share == pytest.approx(1 / 3)
    assert row.common_wrong_count == 2 and row.common_wrong is not None
    assert row.common_wrong.en == question.options["ABCD".index(wrong_key)].en
    first_level = next(r for r in tables.levels if r.id == level_a)
    assert (first_level.played, first_level.won, first_level.hints, first_level.losses) == (
        3, 2, 8, 4)
    assert (first_level.median_moves, first_level.fewest_moves) == (25, 20)
    assert next(r for r in tables.levels if r.id == level_b).played == 1
    assert tables.needing_help()[0].name == "bo"
    bo = next(p for p in tables.pupils if p.name == "bo")
    assert any("stuck on" in reason.en and "(4 tries)" in reason.en for reason in bo.reasons)


def test_one_pupil_is_counted_once_however_many_copies(tmp_path: Path) -> None:
    progress = Progress()
    progress.record_level(FIRST.levels[0].id, won=True, moves=9, troops=9, stars=1)
    save(tmp_path / "pc1", "amy", progress)
    shutil.copytree(tmp_path / "pc1", tmp_path / "pc2")  # a copy on another PC
    more = Progress.from_json(progress.to_json())
    more.record_level(FIRST.levels[1].id, won=False, moves=3, troops=0)
    save(tmp_path / "pc3", "amy-renamed", more)  # same id under another file name
    save(tmp_path / "pc4", "amy", Progress())  # another pupil called amy: another id
    old = {**Progress().to_json(), "version": 1}
    del old["profile_id"]
    for pc in ("pc5", "pc6"):  # a save from before ids: counted once by its name
        (tmp_path / pc).mkdir()
        (tmp_path / pc / "dan.json").write_text(json.dumps(old), encoding="utf-8")
    folder = read_class_folder(tmp_path)
    assert sorted(s.name for s in folder.pupils) == ["amy", "amy-renamed", "dan"]
    assert len({s.identity for s in folder.pupils}) == 3
    chosen = next(s for s in folder.pupils if s.identity == "id:" + progress.profile_id)
    assert chosen.name == "amy-renamed", "the copy with the most play is used"
    assert len(folder.duplicates) == 3


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    save(tmp_path / "class", "=HYPERLINK", Progress())
    out = tmp_path / "r.csv"
    assert main(["report", "--class", str(tmp_path / "class"), "--csv", str(out)]) == 0
    rows = list(csv.reader((tmp_path / "r-pupils.csv").open(encoding="utf-8-sig")))
    assert rows[1][0] == "'=HYPERLINK"


@pytest.mark.parametrize(("lang", "missing", "overwrite", "summary"), [
    ("en", "error: no such folder", "would overwrite a save", "1 pupils in"),
    ("zh", "错误：没有这个文件夹", "会覆盖一份存档", "中有 1 名学生"),
])
def test_usage_errors(lang: str, missing: str, overwrite: str, summary: str, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "report", "--class", str(tmp_path / "nowhere")]) == 2
    assert missing in capsys.readouterr().err
    save(tmp_path, "amy", Progress())
    target = tmp_path / "profiles" / "amy.json"
    before = target.read_bytes()
    assert main(["--lang", lang, "report", "--class", str(tmp_path), "--html", str(target)]) == 2
    assert overwrite in capsys.readouterr().err
    assert target.read_bytes() == before
    assert main(["report", "--html", str(tmp_path / "x.html")]) == 2
    assert main(["--lang", lang, "report", "--class", str(tmp_path)]) == 0  # a summary
    assert summary in capsys.readouterr().out


def test_an_empty_folder_still_gives_a_page(tmp_path: Path) -> None:
    (tmp_path / "class").mkdir()
    page = tmp_path / "r.html"
    assert main(["--lang", "en", "report", "--class", str(tmp_path / "class"),
                 "--html", str(page)]) == 0
    assert "No pupil saves were found in this folder." in page.read_text(encoding="utf-8")


def test_the_games_own_files_are_passed_over_but_a_pupil_called_settings_is_not(
        tmp_path: Path) -> None:
    (tmp_path / "last_profile.json").write_text('{"profile": "amy"}', encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"volume": 0.5}', encoding="utf-8")
    save(tmp_path, "settings", Progress())
    folder = read_class_folder(tmp_path)
    assert [s.name for s in folder.pupils] == ["settings"] and folder.skipped == []
