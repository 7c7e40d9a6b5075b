"""The bibliography (levels/sources.yaml) and the citations that point into it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.check.runner import run_check
from game.content.campaign import load_campaign
from game.content.sources import SOURCE_KINDS, citations, load_sources
from game.content.yamlsafe import load_yaml_file
from tests.content.problems import assert_at, only, problems, write

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"

BIBLIOGRAPHY = """\
sources:
  - id: textbook
    title: A textbook
    kind: textbook
  - id: blog
    title: Someone's blog
    address: https://example.com/blog
    kind: weak
"""


def pack(tmp_path: Path, quiz_source: str, *, bibliography: str = BIBLIOGRAPHY) -> Path:
    """A one-chapter copy of the shipped 01-xiangjiang folder with a test quiz."""
    root = tmp_path / "pack"
    shutil.copytree(LEVELS / "01-xiangjiang", root / "01-xiangjiang")
    (root / "campaign.yaml").write_text(
        "title: {zh: 测试, en: Test}\nchapters: [01-xiangjiang]\n", encoding="utf-8")
    chapter = root / "01-xiangjiang" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8")
    # Cite only ids the small test bibliography has.
    text = re.sub(r"sources: \[[^\]]*\]", "sources: [textbook]", text)
    chapter.write_text(text, encoding="utf-8")
    (root / "01-xiangjiang" / "quiz.yaml").write_text(f"""\
chapter: xiangjiang
draw: 1
questions:
  - id: q1
    type: truefalse
    prompt: {{zh: 湘江战役发生在1934年。, en: The battle was fought in 1934.}}
    answer: true
    explanation: {{zh: 对。, en: Yes.}}
    source: {quiz_source}
""", encoding="utf-8")
    if bibliography:
        (root / "sources.yaml").write_text(bibliography, encoding="utf-8")
    return root


def quiz_report(root: Path):  # type: ignore[no-untyped-def]
    report = run_check([root])
    return next(f for f in report.files if f.kind == "quiz")


def test_the_shipped_bibliography_loads_with_authoritative_sources_first() -> None:
    bibliography = load_sources(LEVELS / "sources.yaml")
    kinds = [source.kind for source in bibliography.sources]
    assert kinds[0] == "textbook"
    assert set(kinds) <= set(SOURCE_KINDS)
    first_weak = kinds.index("weak")
    assert all(kind == "weak" for kind in kinds[first_weak:])
    first_reference = kinds.index("reference")
    assert "official media" not in kinds[first_reference:]
    assert len(set(bibliography.ids)) == len(bibliography.ids)


def test_every_shipped_citation_names_a_source_of_the_bibliography() -> None:
    report = run_check([LEVELS / "campaign.yaml", LEVELS / "ending.yaml",
                        *sorted(LEVELS.glob("*/chapter.yaml")),
                        *sorted(LEVELS.glob("*/quiz.yaml"))])
    problems_found = [str(p) for f in report.files for p in f.errors]
    assert problems_found == []
    campaign = load_campaign(LEVELS)
    ids = set(load_sources(LEVELS / "sources.yaml").ids)
    for chapter in campaign.chapters:
        assert set(chapter.sources) <= ids, chapter.id
        assert chapter.quiz is not None
        for question in chapter.quiz.questions:
            cited = {s.strip() for s in question.source.split(",")}
            assert cited <= ids, (chapter.id, question.id)


def test_a_card_fact_on_the_shipped_cards_always_cites_a_source() -> None:
    report = run_check(sorted(LEVELS.glob("*/chapter.yaml")))
    uncited = [w for f in report.files for w in f.warnings if "cites no source" in w]
    assert uncited == []


def test_no_shipped_fact_a_pupil_reads_rests_only_on_weak_sources() -> None:
    # Blogs and travel pages may add colour, never carry a fact alone: every card fact,
    # question, briefing, prologue and the ending cite at least one textbook, official,
    # museum, academic or reference source.
    report = run_check([LEVELS / "campaign.yaml", LEVELS / "ending.yaml",
                        *sorted(LEVELS.glob("*/chapter.yaml")),
                        *sorted(LEVELS.glob("*/quiz.yaml"))])
    weak_only = [f"{f.path}: {w}" for f in report.files for w in f.warnings
                 if "rests only on weak sources" in w]
    assert weak_only == []


def test_an_unknown_id_fails_check_at_its_line(tmp_path: Path) -> None:
    report = quiz_report(pack(tmp_path, "[textbook, textbok]"))
    assert not report.ok
    problem = only(report.errors)
    assert_at(problem, 9, 24, 'question "q1" cites "textbok", which is not an id in '
                              'sources.yaml (did you mean "textbook"?)')


def test_an_address_instead_of_ids_fails_with_an_example(tmp_path: Path) -> None:
    report = quiz_report(pack(tmp_path, '"textbook https://example.com/page"'))
    problem = only(report.errors)
    assert_at(problem, 9, 13, '"https://example.com/page" are not ids in sources.yaml; '
                              "cite only ids listed there, e.g. source: [textbook]")


def test_a_fact_resting_only_on_weak_sources_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    report = quiz_report(pack(tmp_path, "[blog]"))
    assert report.ok
    assert report.warnings == ['line 9: question "q1" rests only on weak sources (blog); add '
                               "a textbook, official, museum or academic source"]
    assert quiz_report(pack(tmp_path / "b", "[blog, textbook]")).warnings == []


def test_a_pack_without_a_bibliography_keeps_free_text_sources(tmp_path: Path) -> None:
    report = quiz_report(pack(tmp_path, '"X1 https://example.com/page"', bibliography=""))
    assert report.ok and report.warnings == []


def test_sources_yaml_is_checked_as_a_bibliography(tmp_path: Path) -> None:
    root = pack(tmp_path, "[textbook]", bibliography=BIBLIOGRAPHY + """\
  - id: textbook
    title: Again
    kind: textbok
""")
    report = run_check([root / "sources.yaml"])
    (file,) = report.files
    assert file.kind == "sources" and not file.ok
    messages = [str(p) for p in file.errors]
    assert any(':11:11: "textbok" is not one of: textbook, official media' in m
               for m in messages), messages


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    (BIBLIOGRAPHY + "  - id: blog\n    title: Twice\n    kind: weak\n", 9, 9,
     'the source id "blog" is used twice (first on line 5); ids must be unique'),
    (BIBLIOGRAPHY.replace("kind: weak", "kind: blog"), 8, 11,
     '"blog" is not one of: textbook, official media, museum, academic, reference, weak'),
    (BIBLIOGRAPHY.replace("https://example.com/blog", "a b"), 7, 14,
     "an address is one web address without spaces"),
    ("sources:\n  - id: x\n    kind: weak\n", 2, 5, 'missing key "title" in a source'),
])
def test_bibliography_errors_name_the_line(tmp_path: Path, text: str, line: int, column: int,
                                           message: str) -> None:
    path = write(tmp_path, text, "sources.yaml")
    found = problems(load_sources, path, "sources.yaml")
    assert_at(only(found), line, column, message)


def test_no_shipped_fact_a_pupil_reads_rests_only_on_the_party_history_cited_by_volume() -> None:
    # 《中国共产党历史》第一卷 (ccp-history-1) is cited by volume, without a checked page, so a
    # teacher cannot check a fact from it alone: each fact it supports also cites a non-weak
    # source with an address or a date and title (张国焘 on the 06 card and quiz did not).
    bibliography = load_sources(LEVELS / "sources.yaml")
    files = [*((p, "chapter") for p in sorted(LEVELS.glob("*/chapter.yaml"))),
             *((p, "quiz") for p in sorted(LEVELS.glob("*/quiz.yaml"))),
             (LEVELS / "ending.yaml", "ending")]
    alone = []
    for path, kind in files:
        for citation in citations(load_yaml_file(path, path.name), kind):
            strong = [i for i, _, _ in citation.ids
                      if (source := bibliography.get(i)) is not None and not source.weak]
            if citation.pupil_facing and strong == ["ccp-history-1"]:
                alone.append(f"{path.parent.name}/{path.name}:{citation.line} {citation.what}")
    assert alone == []
