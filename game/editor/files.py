"""Opening and saving level files for the editor, and new levels from the template.

A new level starts from the same template ``python main.py new-level`` writes (its
comments included), with the chosen chapter's id.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.commands.new_level import LEVEL_TEMPLATE, SCHEMA_FILE, level_id
from game.editor.document import LevelDocument
from game.editor.reader import parse_document
from game.editor.writer import write_level


def open_level(path: Path) -> LevelDocument:
    """Open a level file (raises ContentError with every problem when the loader refuses)."""
    return parse_document(path.read_text(encoding="utf-8-sig"), str(path))


def new_level(chapter: str, path: Path | None = None) -> LevelDocument:
    """A new, winnable level in ``chapter`` from the ``new-level`` template."""
    shown = str(path) if path is not None else "level.yaml"
    text = LEVEL_TEMPLATE.substitute(id=level_id(path) if path else "my-level",
                                     chapter=chapter, shown=shown)
    return parse_document(text, shown)


def schema_line(target: Path, levels_dir: Path) -> str | None:
    """The ``# yaml-language-server: $schema=...`` line for a file inside the levels folder."""
    schema = levels_dir / SCHEMA_FILE
    folder = target.parent.resolve()
    if not schema.is_file() or not folder.is_relative_to(levels_dir.resolve()):
        return None
    relative = Path(os.path.relpath(schema.resolve(), folder)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def save_level(document: LevelDocument, path: Path, levels_dir: Path, *,
               keep_comments: bool = True) -> None:
    """Write the document to ``path`` (UTF-8, LF line ends), replacing it safely."""
    text = write_level(document, keep_comments=keep_comments,
                       schema_line=schema_line(path, levels_dir)).text
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, path)
