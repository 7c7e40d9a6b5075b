"""``python main.py teacher-pack OUT.html``: a print-ready page built from the YAML, with every
chapter, the lesson plan, glossary, note on numbers, a worksheet whose answer key matches the
campaign, and the bibliography."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.check.runner import run_check
from game.cli import main
from game.content.teacher_pack import load_pack, render_pack, worksheet
from game.fontcov import REGULAR_FONT, font_codepoints, missing_chars

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN, BIBLIOGRAPHY, NOTES = load_pack(LEVELS)
PACK = render_pack(CAMPAIGN, BIBLIOGRAPHY, NOTES, embed_font=False)


class _Page(HTMLParser):
    """The ids on the page, and the text of each table row under a given table class."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.rows: dict[str, list[list[str]]] = {}
        self.text: list[str] = []
        self._table: str | None = None
        self._cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "table":
            self._table = (found.get("class") or "").split(" ")[0]
            self.rows.setdefault(self._table, [])
        elif tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells is not None and self._table is not None:
            self.rows[self._table].append(self._cells)
            self._cells = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cells:
            self._cells[-1] += data


@pytest.fixture(scope="module")
def page() -> _Page:
    parser = _Page()
    parser.feed(PACK)
    return parser


def test_the_command_writes_one_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    assert main(["teacher-pack", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "<script" not in text and "<link" not in text
    assert re.findall(r"url\((?!data:)", text) == [], "the font travels inside the page"
    assert "@page" in text and "break-before: page" in text, "print-ready"


def test_every_section_and_every_chapter_is_there(page: _Page) -> None:
    assert {"cover", "chapters", "lesson", "glossary", "numbers", "worksheet", "answers",
            "sources"} <= page.ids
    for chapter in CAMPAIGN.chapters:
        assert f"chapter-{chapter.id}" in page.ids
        for text in (*chapter.goals, *chapter.discussion):
            assert text.zh in "".join(page.text) and text.en in "".join(page.text)


def test_the_glossary_has_every_term_the_issue_asks_for(page: _Page) -> None:
    terms = {row[0] for row in page.rows["glossary"] if row}
    wanted = ["中央红军", "红一方面军", "陕甘支队", "红二方面军", "红四方面军", "红二十五军",
              "军团与军", "中革军委", "干部团", "苏区", "围剿", "封锁线", "里"]
    glossary = [term.term.zh for term in NOTES.glossary] if NOTES else []
    assert glossary == wanted
    assert all(any(cell.startswith(term) for cell in terms) for term in wanted)
    assert "0.5" in PACK


def test_the_lesson_plan_takes_forty_minutes(page: _Page) -> None:
    assert NOTES is not None and sum(step.minutes for step in NOTES.lesson_plan) == 40
    assert page.rows["lesson"][1][0].startswith("0–")


def test_the_answer_key_matches_the_campaign(page: _Page) -> None:
    sheet = worksheet(CAMPAIGN)
    route = [row[1] for row in page.rows["answer-route"][1:]]
    assert route == [f"{p.name.zh}{p.name.en}" for p in CAMPAIGN.route]
    assert sorted(sheet.route_answer) == list(range(1, len(CAMPAIGN.route) + 1))
    timeline = [row[1] for row in page.rows["answer-timeline"][1:]]
    assert timeline == [f"{c.title.zh}{c.title.en}" for c in CAMPAIGN.chapters]
    assert CAMPAIGN.ending is not None
    letters = {chapter.id: "ABCDEFG"[i] for i, chapter in enumerate(CAMPAIGN.chapters)}
    expected = [letters[line.chapter] for line in CAMPAIGN.ending.poem if line.chapter]
    assert [row[1] for row in page.rows["answer-poem"][1:]] == expected
    assert expected == ["A", "B", "C", "D", "F", "G"]


def test_the_worksheet_does_not_print_the_answers_in_order(page: _Page) -> None:
    printed = [row[1] for row in page.rows["numbered"][1:len(CAMPAIGN.route) + 1]]
    assert printed != [f"{p.name.zh}{p.name.en}" for p in CAMPAIGN.route]
    assert all(row[0].strip() == "" for row in page.rows["numbered"][1:len(CAMPAIGN.route) + 1])


def test_every_source_is_listed_with_its_address(page: _Page) -> None:
    assert BIBLIOGRAPHY is not None
    text = "".join(page.text)
    for source in BIBLIOGRAPHY.sources:
        assert f"[{source.id}]" in text
        assert source.address in text
    assert text.index("[textbook-8a-17]") < text.index("[X1]") < text.index("[S1]")


def test_every_character_prints_in_the_embedded_font(page: _Page) -> None:
    """Everything but the bibliography, whose titles are the sources' own (an author's rare
    character falls back to the computer's fonts there)."""
    codepoints = font_codepoints(REGULAR_FONT)
    text = "".join(page.text)
    before_sources = text[:text.index("[textbook-8a-17]")]
    without_addresses = re.sub(r"\S*[./]\S*", "", before_sources)
    assert missing_chars(without_addresses, codepoints) == []


def test_a_lesson_that_is_not_forty_minutes_fails_check(tmp_path: Path) -> None:
    shutil.copy(LEVELS / "teacher.yaml", tmp_path / "teacher.yaml")
    shutil.copy(LEVELS / "sources.yaml", tmp_path / "sources.yaml")
    path = tmp_path / "teacher.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - minutes: 5\n", "  - minutes: 3\n", 1), encoding="utf-8")
    (file,) = run_check([path]).files
    assert [str(p) for p in file.errors] == [
        f"{file.path}:9:3: the lesson plan adds up to 38 minutes; make it 40"]


def test_broken_levels_give_a_plain_error(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(LEVELS, tmp_path / "levels")
    (tmp_path / "levels" / "campaign.yaml").write_text("title: x\n", encoding="utf-8")
    code = main(["--levels", str(tmp_path / "levels"), "teacher-pack",
                 str(tmp_path / "pack.html")])
    assert code == 1
    assert "run python main.py check first" in capsys.readouterr().err
    assert not (tmp_path / "pack.html").exists()
