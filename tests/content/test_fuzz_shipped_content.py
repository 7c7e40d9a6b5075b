"""Property-based: damage the SHIPPED levels and quiz banks every way an author might, and
``check`` still answers with problems that name the file and the line, never a crash.

Hypothesis picks a shipped file and applies one to three mutations: byte flips, line
edits (delete, duplicate, swap, insert), key renames, type swaps (a list, a mapping, a
text where a number goes...), huge and non-decimal numbers (``0x`` and thousands of
digits, ``0b...``, 5,000 decimal digits) and odd Unicode (zero-width characters,
right-to-left overrides, combining marks, NUL, a byte order mark in the middle,
non-characters). The contract, for every such file: no exception; every problem names the
file, with a line inside the file or 0 for the file as a whole; every message is short and
printable; the JSON report can be written.

The normal run is bounded to a few seconds. ``CHANGZHENG_FUZZ_EXAMPLES=2000`` runs longer.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.check.runner import FileReport, check_level, check_quiz, display
from game.content.errors import MAX_PROBLEMS

LEVELS = Path(__file__).resolve().parents[2] / "levels"
SHIPPED = sorted(p for p in LEVELS.rglob("*.yaml")
                 if p.name.startswith("level-") or p.name.endswith("quiz.yaml"))
EXAMPLES = int(os.environ.get("CHANGZHENG_FUZZ_EXAMPLES", "100"))

#: Longest message allowed: the longest hint, plus one short excerpt of the author's text.
MAX_MESSAGE = 400

ODD_TEXT = ["\u200b", "\u202e", "\u2066", "\ufeff", "\u0301\u0301\u0301", "\x00", "\x1b[2J",
            "\ufffe", "\U0001f600", "\u2028", "\x85", "\t", "'", '"', ": ", "- ", "&a", "*a",
            "!!python/object/apply:os.system ['x']", "{", "[", "#", "|", ">", "%", "@", "`"]
HUGE_NUMBERS = ["0x" + "f" * 3600, "0b" + "1" * 20000, "9" * 5000, "-0x" + "7" * 4000,
                "0o" + "7" * 5000, "1e999999", ".inf", "-.nan", "0x", "0b2", "1_000_000_000_000",
                "0" * 6000 + "1", "+" + "1" * 4400]
SWAPS = ["[]", "{}", "[1, 2]", "{a: 1}", "null", "~", "true", "no", "'text'", '"3"', "-1",
         "1.5", "2024-01-01", "1:30", "0", "99999999999", "|\n  block", ">-\n  folded",
         "\n  - a\n  - b", "\n  k: v"]

_KEY = re.compile(rb"^( *)([A-Za-z_][\w-]*):", re.MULTILINE)
_VALUE = re.compile(rb":[ ]+([^\n#]+)")
_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?![\w.])")


@st.composite
def mutation(draw: st.DrawFn, data: bytes) -> bytes:
    """One mutation of ``data``."""
    kind = draw(st.sampled_from(["flip", "line", "key", "type", "number", "unicode",
                                 "truncate"]))
    if not data:
        return draw(st.sampled_from(ODD_TEXT)).encode("utf-8")
    if kind == "flip":
        index = draw(st.integers(0, len(data) - 1))
        return data[:index] + bytes([data[index] ^ draw(st.integers(1, 255))]) + data[index + 1:]
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "line":
        lines = data.split(b"\n")
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        if edit == "delete":
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif edit == "indent":
            lines[i] = draw(st.sampled_from([b" ", b"  ", b"\t", b"    "])) + lines[i]
        else:
            lines.insert(i, draw(st.text(max_size=40)).encode("utf-8", "surrogatepass"))
        return b"\n".join(lines)
    if kind == "key":
        keys = list(_KEY.finditer(data))
        if not keys:
            return data
        match = draw(st.sampled_from(keys))
        new = draw(st.one_of(st.sampled_from(["ttile", "Turns", "map ", "zh", "en", "id",
                                              "x" * 300, "\u202ekey", "k\u200b", "1", "true"]),
                             st.text(min_size=1, max_size=20)))
        new_bytes = new.encode("utf-8", "surrogatepass")
        return data[:match.start(2)] + new_bytes + data[match.end(2):]
    if kind == "type":
        values = list(_VALUE.finditer(data))
        if not values:
            return data
        match = draw(st.sampled_from(values))
        swap = draw(st.sampled_from(SWAPS + HUGE_NUMBERS[:3]))
        return data[:match.start(1)] + swap.encode() + data[match.end(1):]
    if kind == "number":
        numbers = list(_NUMBER.finditer(data))
        if not numbers:
            return data
        match = draw(st.sampled_from(numbers))
        huge = draw(st.sampled_from(HUGE_NUMBERS))
        return data[:match.start()] + huge.encode() + data[match.end():]
    index = draw(st.integers(0, len(data)))
    odd = draw(st.one_of(st.sampled_from(ODD_TEXT), st.text(min_size=1, max_size=8)))
    return data[:index] + odd.encode("utf-8", "surrogatepass") + data[index:]


@st.composite
def damaged_file(draw: st.DrawFn) -> tuple[Path, bytes]:
    """A shipped file and its damaged bytes."""
    source = draw(st.sampled_from(SHIPPED))
    data = source.read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        data = draw(mutation(data))
    return source, data


def check_file(path: Path) -> FileReport:
    report = FileReport(display(path), "quiz" if path.name.endswith("quiz.yaml") else "level")
    if report.kind == "quiz":
        check_quiz(path, report)
    else:  # a tiny solver budget: the damage, not the puzzle, is under test
        check_level(path, report, max_states=300, max_seconds=0.2)
    return report


def assert_contract(report: FileReport, data: bytes) -> None:
    lines = len(re.split(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]", data))
    assert report.ok or report.errors
    assert len(report.errors) <= 2 * (MAX_PROBLEMS + 1)  # loading, plus the font check
    for problem in report.errors:
        assert problem.path == report.path, problem
        assert 0 <= problem.line <= lines + 1, (problem, lines)
        assert problem.column >= 0
        assert problem.line or not problem.column
        assert 0 < len(problem.message) <= MAX_MESSAGE, problem.message[:600]
        assert problem.message.isprintable(), repr(problem.message[:600])
    json.dumps(report.as_dict(), ensure_ascii=False)


@given(damaged_file())
@settings(max_examples=EXAMPLES, deadline=None, derandomize="CHANGZHENG_FUZZ_EXAMPLES" not in
          os.environ, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_check_answers_any_damaged_shipped_file_with_located_problems(
    case: tuple[Path, bytes],
) -> None:
    source, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source.name
        path.write_bytes(data)
        report = check_file(path)
    assert_contract(report, data)


def test_the_mutations_reach_every_kind_of_problem() -> None:
    """The examples the fuzz test relies on, fixed: a huge hex number in a level and in a
    quiz's draw, and a renamed key, each found on its own line."""
    level = next(p for p in SHIPPED if p.name.startswith("level-"))
    quiz = next(p for p in SHIPPED if p.name.endswith("quiz.yaml"))
    cases = [
        (level, re.sub(rb"\nturns: \d+", b"\nturns: 0x" + b"f" * 3600, level.read_bytes()),
         "turns", "out of range"),
        (quiz, re.sub(rb"\ndraw: \d+", b"\ndraw: 0b" + b"1" * 20000, quiz.read_bytes())
         if b"\ndraw:" in quiz.read_bytes() else quiz.read_bytes() + b"draw: 0b" + b"1" * 20000,
         "draw", "out of range"),
        (level, level.read_bytes().replace(b"\ntroops:", b"\ntrops:", 1), "trops",
         'unknown key "trops" (did you mean "troops"?)'),
    ]
    for source, data, key, expected in cases:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / source.name
            path.write_bytes(data)
            report = check_file(path)
        assert_contract(report, data)
        line = next(n for n, text in enumerate(data.split(b"\n"), 1)
                    if text.startswith(key.encode()))
        assert any(p.line == line and expected in p.message for p in report.errors), \
            report.errors
