"""``python main.py teacher-pack OUT.html``: the teacher's pack as one print-ready web page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.content.errors import ContentError
from game.content.teacher_pack import load_pack, render_pack


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """OUT: the HTML file to write."""
    parser.add_argument("out", type=Path, metavar="OUT.html",
                        help="the HTML file to write (open it in a browser and print it)")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Build the pack from ``levels_dir`` and write it to OUT."""
    prog = "python main.py teacher-pack"
    if not (levels_dir / "campaign.yaml").is_file():
        print(f"{prog}: error: no campaign.yaml in {levels_dir}", file=sys.stderr)
        return EXIT_USAGE
    try:
        campaign, bibliography, notes = load_pack(levels_dir)
    except ContentError as error:
        print(f"{prog}: the levels have problems; run python main.py check first:\n{error}",
              file=sys.stderr)
        return EXIT_FAIL
    try:
        args.out.write_text(render_pack(campaign, bibliography, notes), encoding="utf-8")
    except OSError as error:
        print(f"{prog}: error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return EXIT_FAIL
    print(f"wrote {args.out}")
    return EXIT_OK
