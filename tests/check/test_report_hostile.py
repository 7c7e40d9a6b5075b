"""``report`` with hostile saves: formulas, terminal escapes, huge files, odd file names."""

from __future__ import annotations

import csv
import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.csvsafe import FORMULA_STARTS, plain_text, safe_cell
from game.progress import MAX_SAVE_BYTES, Progress, ProgressStore

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def report(*args: str) -> int:
    return main(["--levels", str(LEVELS), "report", *args])


def save(profile: str, progress: Progress) -> Path:
    store = ProgressStore.default(profile)
    store.save(progress)
    return store.path


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2-3", "@SUM(A1)", "\t=1", "\r=1",
                                  "=HYPERLINK(\"http://x\",\"y\")", "＝1+1"])
def test_a_formula_is_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(("value", "cell"), [
    (None, ""), (True, "yes"), (False, "no"), (3, "3"), (-3, "-3"), ("plain", "plain"),
    ("a\x1b[2Jb", "a[2Jb"), ("\x00=1", "'=1"), ("两行\n文字", "两行\n文字"),
])
def test_cells_keep_values_and_lose_controls(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_no_text_becomes_a_formula_or_carries_a_control(text: str) -> None:
    cell = safe_cell(text)
    assert cell[:1] not in FORMULA_STARTS
    assert not any(ch in cell for ch in "\x00\x1b\x07\x7f\x9b")
    if text[:1] not in FORMULA_STARTS and text.isprintable():
        assert cell == text  # ordinary text is left alone


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_plain_text_has_no_control_or_direction_mark(text: str) -> None:
    shown = plain_text(text)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in shown)
    assert not set(shown) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b")


def hostile_progress() -> Progress:
    progress = Progress()
    progress.record_level("=HYPERLINK(\"http://evil\",\"x\")", won=True, moves=3, troops=9)
    progress.record_level("\x1b]0;pwned\x07\x1b[31mred", won=False, moves=1, troops=0)
    progress.record_quiz("@chapter", total=1, answers={"-q1\u202e": False})
    return progress


def test_csv_cells_from_saves_are_never_formulas(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    save("-2-3", hostile_progress())
    out = tmp_path / "class.csv"
    assert report("--csv", str(out)) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in FORMULA_STARTS]
    assert "'-2-3" in cells and "'@chapter" in cells
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells
    assert not [cell for cell in cells if "\x1b" in cell or "\x07" in cell]


def test_the_printed_table_carries_no_escape_sequence(capsys: pytest.CaptureFixture[str]) -> None:
    save("pupil", hostile_progress())
    assert report() == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "]0;pwned[31mred" in out  # the text is shown, only the controls are gone


def test_a_save_over_the_games_size_cap_is_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    save("small", Progress())
    big = ProgressStore.default("big").path
    with open(big, "wb") as f:
        f.write(b'{"format": "changzheng-progress", "pad": "')
        f.write(b"x" * (MAX_SAVE_BYTES + 10))
        f.write(b'"}')
    assert report("--json") == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    [unreadable] = document["unreadable"]
    assert unreadable["profile"] == "big" and "larger than 8 MB" in unreadable["error"]
    assert [p["profile"] for p in document["profiles"]] == ["small"]


def test_one_bad_record_is_left_out_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    progress = Progress()
    progress.record_level("good", won=True, moves=3, troops=9)
    progress.record_level("bad", won=True, moves=3, troops=9)
    path = save("pupil", progress)
    data = json.loads(path.read_text("utf-8"))
    data["levels"]["bad"]["stars"] = "3"
    path.write_text(json.dumps(data), "utf-8")
    assert report("--json") == 0
    captured = capsys.readouterr()
    [pupil] = json.loads(captured.out)["profiles"]
    assert [level["level"] for level in pupil["levels"] if level["attempts"]] == ["good"]
    assert "levels['bad'].stars" in captured.err


@pytest.mark.parametrize(("name", "reason"), [
    ("=1+1.json", "not a profile name"),
    ("a b.json", "not a profile name"),
    ("pupil.corrupt-20240101-000000.json", "set aside"),
])
def test_skipped_profile_files_are_named_with_the_reason(
        name: str, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = save("pupil", Progress())
    (path.parent / name).write_text("{}", "utf-8")
    assert report() == 0
    err = capsys.readouterr().err
    assert f"skipped {path.parent / name}: " in err and reason in err


def test_printable_file_names_only_in_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    path = save("pupil", Progress())
    (path.parent / "\x1b[2J.json").write_text("{}", "utf-8")
    assert report() == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "[2J.json" in err
    assert set(err) <= set(string.printable) | set("—…·") | {chr(c) for c in range(0x4E00, 0xA000)}


def test_warnings_speak_the_teachers_language(capsys: pytest.CaptureFixture[str]) -> None:
    path = save("pupil", Progress())
    (path.parent / "pupil.corrupt-20240101-000000.json").write_text("{}", "utf-8")
    assert report("--lang", "zh") == 0
    err = capsys.readouterr().err
    assert "警告：跳过了" in err and "游戏搁置的损坏存档" in err and "skipped" not in err
    assert report("--lang", "en") == 0
    err = capsys.readouterr().err
    assert "warning: skipped" in err and "a damaged save the game set aside" in err
