"""Whatever a file holds, its problems stay short: bounded numbers, excerpts, capped lists."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.content.errors import (
    EXCERPT_CHARS,
    MAX_PROBLEMS,
    ContentError,
    Problem,
    cap_problems,
    did_you_mean,
    excerpt,
    number_text,
)
from game.content.levels import load_level
from game.content.quiz import load_quiz

LEVELS = Path(__file__).resolve().parents[2] / "levels"
LEVEL = (LEVELS / "01-xiangjiang" / "level-1.yaml").read_text("utf-8")
QUIZ = (LEVELS / "01-xiangjiang" / "quiz.yaml").read_text("utf-8")


def with_turns(written: str) -> str:
    """The shipped first level with ``turns:`` written as ``written``."""
    changed, count = re.subn(r"\nturns: \d+\n", f"\nturns: {written}\n", LEVEL)
    assert count == 1
    return changed


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


HUGE = {
    "hex": "0x" + "f" * 3600,
    "binary": "0b" + "1" * 20000,
    "octal": "0o" + "7" * 5000,
    "decimal": "9" * 5000,
    "negative hex": "-0x" + "a" * 4000,
    "underscored": "1_" * 3000 + "1",
}


@pytest.mark.parametrize("number", list(HUGE.values()), ids=list(HUGE))
def test_a_huge_number_in_a_level_is_a_located_problem(tmp_path: Path, number: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = with_turns(number)
    path = tmp_path / "level-1.yaml"
    path.write_text(text, "utf-8")
    assert main(["check", "--json", str(path)]) == 1
    captured = capsys.readouterr()
    assert "stopped because of an error" not in captured.err
    [level] = json.loads(captured.out)["levels"]
    [error] = [e for e in level["errors"] if e["line"] == line_of(text, "turns:")]
    if number.startswith("0o"):  # not a number in YAML 1.1, so text where a number goes
        assert error["message"] == f'expected a whole number, found "{number[:40]}…"'
    else:
        assert error["message"] == ("this number (more than 30 digits) is out of range: use a "
                                    "number from 1 to 500")
    assert error["path"] == str(path) and error["column"] == 8


def test_a_huge_number_in_a_quiz_draw_is_a_located_problem(tmp_path: Path) -> None:
    text = QUIZ.replace("\ndraw: 5\n", "\ndraw: 0x" + "f" * 3600 + "\n")
    path = tmp_path / "quiz.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ContentError) as error:
        load_quiz(path, "quiz.yaml")
    [problem] = error.value.problems
    assert (problem.line, problem.column) == (line_of(text, "draw:"), 7)
    assert "out of range" in problem.message and len(problem.message) < 100


@pytest.mark.parametrize(("written", "value"), [("12", 12), ("0x1F", 31), ("0b101", 5),
                                                ("1_0", 10), ("+7", 7)])
def test_ordinary_numbers_still_read(tmp_path: Path, written: str, value: int) -> None:
    path = tmp_path / "level-1.yaml"
    path.write_text(with_turns(written), "utf-8")
    assert load_level(path).turn_limit == value


@pytest.mark.parametrize("written", ["017", "1:30", "0x", "1.0", "0b2"])
def test_numbers_python_would_misread_are_refused(tmp_path: Path, written: str) -> None:
    path = tmp_path / "level-1.yaml"
    path.write_text(with_turns(written), "utf-8")
    with pytest.raises(ContentError) as error:
        load_level(path)
    assert any("turns" not in p.message and p.line == line_of(LEVEL, "turns:")
               for p in error.value.problems)


def test_thirty_thousand_unknown_keys_give_a_hundred_problems_quickly(
        tmp_path: Path) -> None:
    path = tmp_path / "level-1.yaml"
    # The file had 95,000 (25 s, 35 MB of JSON); 30,000 take the same paths, faster.
    path.write_text(LEVEL + "".join(f"k{i}: 1\n" for i in range(30_000)), "utf-8")
    began = time.process_time()  # CPU time: a busy machine does not make it fail
    with pytest.raises(ContentError) as error:
        load_level(path)
    seconds = time.process_time() - began
    found = error.value.problems
    assert len(found) == MAX_PROBLEMS + 1
    assert found[0].line == 0 and found[0].message.startswith("29,900 more problems are not "
                                                              "listed")
    assert [p.line for p in found[1:]] == list(range(37, 37 + MAX_PROBLEMS))
    assert seconds < 10, f"{seconds:.1f} s"


SECRETS = ["-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
           "root:$6$saltsalt$hashhashhashhashhashhashhashhashhash:19000:0:99999:7:::",
           "DB_PASSWORD=correct-horse-battery-staple-and-more-words"]


@pytest.mark.parametrize("secret", SECRETS)
def test_messages_quote_only_a_short_excerpt(tmp_path: Path, secret: str) -> None:
    for text in (secret, f"{secret}: 1", f"title: {secret}", f"turns: {secret}"):
        path = tmp_path / "level-1.yaml"
        path.write_text(text + "\n", "utf-8")
        with pytest.raises(ContentError) as error:
            load_level(path)
        for problem in error.value.problems:
            assert secret[EXCERPT_CHARS:] not in problem.message, problem


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_an_excerpt_is_short_printable_and_a_prefix(text: str) -> None:
    shown = excerpt(text)
    assert len(shown) <= EXCERPT_CHARS + 1 and shown.isprintable()
    if text.isprintable() and len(text) <= EXCERPT_CHARS:
        assert shown == text


@pytest.mark.parametrize(("value", "shown"), [
    (7, "7"), (-12, "-12"), (10**18, "a number of about 19 digits"),
    (10**5000, "a number of about 5,001 digits"),
], ids=["small", "negative", "19 digits", "5001 digits"])
def test_number_text_never_raises(value: int, shown: str) -> None:
    assert number_text(value) == shown


def test_problem_lists_are_capped_with_a_count() -> None:
    many = [Problem("f.yaml", n, 1, "x") for n in range(250, 0, -1)]
    capped = cap_problems(many)
    assert len(capped) == MAX_PROBLEMS + 1
    assert capped[0] == Problem("f.yaml", 0, 0, "150 more problems are not listed (only the "
                                "first 100 are shown); fix these and check again")
    assert [p.line for p in capped[1:]] == list(range(1, 101))
    assert len(ContentError(many).problems) == MAX_PROBLEMS + 1


def test_did_you_mean_skips_long_words_quickly() -> None:
    began = time.process_time()  # CPU time: a busy machine does not make it fail
    for _ in range(200):
        assert did_you_mean("t" * 100_000, ["turns", "troops"]) == ""
    assert time.process_time() - began < 1.0
    assert did_you_mean("trops", ["turns", "troops"]) == ' (did you mean "troops"?)'
