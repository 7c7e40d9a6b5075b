"""``python main.py export --profile NAME FILE``: one pupil's progress in a file, to carry to
another computer (``import FILE`` there) or to the teacher's class folder.

The export holds the pupil's name, the save itself and its profile id, so the class report
counts the pupil once even when the save and its export are both in the class folder. An
existing file is replaced only if it is itself an export.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from game.classroom.saves import (
    EXPORT_FORMAT,
    MAX_FILE_BYTES,
    SaveProblem,
    export_document,
    read_save_file,
)
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.progress import ProgressSaveError, ProgressStore, sanitize_profile_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--profile NAME and the file to write."""
    parser.add_argument("--profile", metavar="NAME", default="default",
                        help="the pupil to export (default: the profile called default)")
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="the file to write, e.g. 王小明.changzheng.json")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Write the export; 2 for an unknown pupil or a file that is not an export."""
    me = f"{getattr(args, 'prog', 'python main.py')} export"
    try:
        stem = sanitize_profile_name(args.profile)
    except ValueError:
        print(f"{me}: error: {args.profile!r} is not a pupil's name", file=sys.stderr)
        return EXIT_USAGE
    store = ProgressStore.default(stem)
    if not store.path.is_file():
        known = ", ".join(store.list_profiles()) or "none"
        print(f"{me}: error: no saved progress for {args.profile!r} in {store.path.parent} "
              f"(pupils there: {known})", file=sys.stderr)
        return EXIT_USAGE
    if _is_foreign(args.file):
        print(f"{me}: error: {args.file} exists and is not an export; choose another file",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        save = read_save_file(store.path)
        if not save.progress.profile_id:
            store.save(save.progress)  # a save from before format 3: give it its id now
    except SaveProblem as problem:
        print(f"{me}: error: {store.path}: {problem.reason.en}", file=sys.stderr)
        return EXIT_FAIL
    except ProgressSaveError as error:
        print(f"{me}: error: {error.message.en}", file=sys.stderr)
        return EXIT_FAIL
    document = export_document(args.profile, save.progress)
    try:
        _write_atomically(args.file, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        print(f"{me}: error: cannot write {args.file}: {error.strerror or error}",
              file=sys.stderr)
        return EXIT_FAIL
    progress = save.progress
    print(f"exported {args.profile}: {sum(r.won for r in progress.levels.values())} levels won, "
          f"{len(progress.quizzes)} quizzes, to {args.file}")
    return EXIT_OK


def _is_foreign(path: Path) -> bool:
    """Whether ``path`` exists and is anything but an export (which may be replaced)."""
    if not path.exists():
        return False
    try:
        data = json.loads(path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig"))
    except (OSError, ValueError):
        return True
    return not (isinstance(data, dict) and data.get("format") == EXPORT_FORMAT)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file next to ``path``, then put it in place."""
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
