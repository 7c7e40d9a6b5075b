"""``check`` and ``report`` speak Chinese when the language is Chinese, English otherwise.

The language: ``--lang``, else the one saved on this computer (``settings.json``, else
the last pupil's save), else the system locale. ``--json`` carries both languages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content.errors import Problem
from game.content.messages_zh import message_zh, translated
from game.progress import Progress, ProgressStore
from game.toollang import tool_language

LEVELS = Path(__file__).resolve().parents[2] / "levels"
LEVEL = (LEVELS / "01-xiangjiang" / "level-1.yaml").read_text("utf-8")


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(key, "en_GB.UTF-8")


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "level-1.yaml"
    text = re.sub(r"\nturns: \d+\n", "\nturns: 0x" + "f" * 3600 + "\n", LEVEL)
    path.write_text(text.replace("\ntroops: 100\n", "\ntrops: 100\n"), "utf-8")
    return path


def test_lang_zh_gives_chinese_lines(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:27:8: 这个数（超过 30 位）超出范围：请用 1 到 500 之间的数" in out
    assert '未知的键 "trops"（是不是 "troops"？）' in out
    assert "共检查 1 个文件：0 个通过，1 个失败" in out


def test_english_otherwise(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert 'unknown key "trops" (did you mean "troops"?)' in out
    assert "1 files checked: 0 ok, 1 failed" in out


def test_the_system_locale_and_the_saved_setting_choose(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert tool_language(None) == "en"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert tool_language(None) == "zh"
    assert tool_language("en") == "en"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    ProgressStore.default().save(Progress(language="zh"))  # the default pupil's language
    assert tool_language(None) == "zh"
    folder = ProgressStore.default().path.parent.parent
    (folder / "settings.json").write_text(json.dumps({"language": "en"}), "utf-8")
    assert tool_language(None) == "en"  # this computer's setting comes first


def test_json_stays_neutral_with_both_languages(broken: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "check", "--json", str(broken)]) == 1
    [level] = json.loads(capsys.readouterr().out)["levels"]
    messages = {e["message"]: e["message_zh"] for e in level["errors"]}
    assert messages['unknown key "trops" (did you mean "troops"?)'] == \
        '未知的键 "trops"（是不是 "troops"？）'


def test_report_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    progress = Progress()
    progress.record_level("xiangjiang-1", won=True, moves=14, troops=30, stars=2)
    ProgressStore.default("小明").save(progress)
    assert main(["--levels", str(LEVELS), "--lang", "zh", "report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("小明：通过 1/")
    assert "  关卡 xiangjiang-1" in out
    assert "14 步通过，剩 30 兵力，2 星；尝试 1 次，提示 0 次" in out


@pytest.mark.parametrize("message", [
    "the file is empty",
    'expected a whole number, found "abc"',
    'unknown key "ttile" (did you mean "title"?)',
    'missing key "map" in a level',
    "map row 3 has 12 cells but row 1 has 14; every row needs the same length",
    "this is a named pipe (FIFO), not a regular file, so it is not read; use a .yaml text file",
    "mapping values are not allowed in this context; if a text contains ': ' put the whole "
    "text in quotes",
])
def test_common_messages_have_chinese(message: str) -> None:
    assert translated(message)
    chinese = message_zh(message)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    for quoted in message.split('"')[1::2]:
        assert quoted in chinese  # the author's words are kept as written


def test_a_message_without_a_template_stays_english() -> None:
    assert message_zh("something new") == "something new"
    assert Problem("a.yaml", 2, 3, "something new").text("zh") == "a.yaml:2:3: something new"


def test_a_weak_source_warning_reads_in_chinese() -> None:
    from game.content.messages_zh import message_zh

    english = ('line 9: question "q1" rests only on weak sources (blog); add a textbook, '
               "official, museum or academic source")
    assert message_zh(english) == ("第 9 行：题目“q1”只有弱来源支持（blog）；"
                                   "请补充教科书、官方媒体、纪念馆或学术来源")
    assert message_zh(english.replace('question "q1"', "card fact 2")).startswith(
        "第 9 行：卡片第 2 条事实只有弱来源支持")
