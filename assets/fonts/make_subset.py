#!/usr/bin/env python3
"""Build the game's bundled Simplified Chinese fonts from Debian's Noto Sans CJK.

Run by hand (never at game start); needs fontTools:

    .venv/bin/python assets/fonts/make_subset.py

It extracts the "Noto Sans CJK SC" face from the Debian ``fonts-noto-cjk``
TTC collections (the face index is looked up in each face's ``name`` table)
and writes glyph subsets next to this script:

    NotoSansSC-Regular.otf   NotoSansSC-Bold.otf

Covered characters: printable ASCII, Latin-1 letters/punctuation
(U+00A0-U+00FF), every character of GB2312, General Punctuation
(U+2000-U+206F), CJK Symbols and Punctuation (U+3000-U+303F), Halfwidth and
Fullwidth Forms (U+FF00-U+FFEF), arrows and a few game symbols, circled digits
1-10, and the few hanzi outside GB2312 that shipped text uses (EXTRA_HANZI).
Characters the source face cannot draw are reported and skipped.

The output is deterministic: the same input fonts and the same fontTools
version give byte-identical files (no timestamps are recalculated).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEBIAN_DIR = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Noto Sans CJK SC"

# (source TTC file name, output file name)
WEIGHTS: tuple[tuple[str, str], ...] = (
    ("NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.otf"),
    ("NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.otf"),
)

# Symbols used by the game UI, beyond the Unicode blocks listed below.
GAME_SYMBOLS = "←↑→↓★☆✓✗●○▶◀▲▼■□♪"

# Hanzi outside GB2312 that shipped text uses: names in levels/sources.yaml (the
# bibliography on the credits screen), such as the historian 李喆. The test
# tests/ui/test_help_credits.py and `python main.py check` find any new one.
EXTRA_HANZI = "喆"

# Tables pygame/FreeType never uses for horizontal text; dropping them saves space.
DROP_TABLES = ("VORG", "vhea", "vmtx")

# Unicode general categories that have no visible glyph of their own.
NOT_DRAWN = frozenset({"Cn", "Cc", "Cf", "Cs", "Co", "Zl", "Zp"})

# OpenType layout features kept: only those a shaper applies by default to horizontal
# text. Vertical forms (vert/vrt2), width variants and the JP/KR/TC "locl" glyphs would
# pull in thousands of extra glyphs the game never shows.
LAYOUT_FEATURES = ("ccmp", "calt", "liga", "clig", "rlig", "kern", "mark", "mkmk")


def gb2312_chars() -> list[str]:
    """Return every character encoded in GB2312, found by decoding each two-byte code."""
    chars: list[str] = []
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_codepoints() -> dict[str, list[int]]:
    """Return the requested code points, grouped by a human-readable label."""

    def span(first: int, last: int) -> list[int]:
        return list(range(first, last + 1))

    return {
        "printable ASCII": span(0x20, 0x7E),
        "Latin-1 Supplement": span(0xA0, 0xFF),
        "GB2312": [ord(c) for c in gb2312_chars()],
        "General Punctuation": span(0x2000, 0x206F),
        "CJK Symbols and Punctuation": span(0x3000, 0x303F),
        "Halfwidth and Fullwidth Forms": span(0xFF00, 0xFFEF),
        "circled digits 1-10": span(0x2460, 0x2469),
        "arrows and game symbols": [ord(c) for c in GAME_SYMBOLS],
        "hanzi outside GB2312": [ord(c) for c in EXTRA_HANZI],
    }


def find_face_index(ttc: Path, family: str) -> int:
    """Return the index of the face in ``ttc`` whose family name is ``family``."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(ttc), lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            name = face["name"]
            # Typographic family (16) wins over the legacy family (1) if present.
            found = name.getDebugName(16) or name.getDebugName(1)
            if found == family:
                return index
    finally:
        collection.close()
    raise SystemExit(f"error: no face named {family!r} in {ttc}")


def subset_face(ttc: Path, index: int, codepoints: Iterable[int], out: Path, hinting: bool) -> None:
    """Write a subset of face ``index`` of ``ttc`` holding ``codepoints`` to ``out``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]  # keep every name record: copyright, licence, URLs
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True  # undrawable characters show a visible box
    options.hinting = hinting
    options.recalc_timestamp = False  # reproducible output
    options.drop_tables = [*options.drop_tables, *DROP_TABLES]
    options.layout_features = list(LAYOUT_FEATURES)

    font = TTFont(str(ttc), fontNumber=index, recalcTimestamp=False)
    try:
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=sorted(set(codepoints)))
        subsetter.subset(font)
        out.parent.mkdir(parents=True, exist_ok=True)
        subset.save_font(font, str(out), options)
    finally:
        font.close()


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build both subsets and print a short report."""
    parser = argparse.ArgumentParser(
        description=(
            "Subset the 'Noto Sans CJK SC' face of Debian's fonts-noto-cjk TTC files into "
            "NotoSansSC-Regular.otf and NotoSansSC-Bold.otf (ASCII, Latin-1, GB2312, CJK and "
            "general punctuation, fullwidth forms, arrows, game symbols, circled digits, the "
            "few extra hanzi in EXTRA_HANZI)."
        )
    )
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEBIAN_DIR,
        help=f"directory holding NotoSansCJK-{{Regular,Bold}}.ttc (default: {DEBIAN_DIR})",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=HERE,
        help=f"where to write the .otf files (default: {HERE})",
    )
    parser.add_argument(
        "--keep-hinting",
        action="store_true",
        help="keep CFF hints (larger files; dropped by default)",
    )
    args = parser.parse_args(argv)

    try:
        from fontTools import version as fonttools_version
        from fontTools.ttLib import TTFont
    except ImportError:
        print("error: fontTools is required (pip install fonttools)", file=sys.stderr)
        return 1

    groups = wanted_codepoints()
    wanted = sorted({cp for cps in groups.values() for cp in cps})
    print(f"fontTools {fonttools_version}; {len(wanted)} code points requested")
    for label, cps in groups.items():
        print(f"  {label:32} {len(set(cps)):6}")

    for ttc_name, out_name in WEIGHTS:
        ttc = args.source_dir / ttc_name
        if not ttc.is_file():
            print(f"error: {ttc} not found (apt install fonts-noto-cjk)", file=sys.stderr)
            return 1
        index = find_face_index(ttc, FAMILY)
        source = TTFont(str(ttc), fontNumber=index, lazy=True)
        available = set(source.getBestCmap())
        source.close()
        present = [cp for cp in wanted if cp in available]
        absent = [cp for cp in wanted if cp not in available]
        out = args.output_dir / out_name
        subset_face(ttc, index, present, out, hinting=args.keep_hinting)

        data = out.read_bytes()
        check = TTFont(str(out), lazy=True)
        covered = len(check.getBestCmap())
        glyphs = check["maxp"].numGlyphs
        check.close()
        # Unassigned, control and format code points inside the requested blocks are
        # expected to be absent; list only real characters.
        notable = [cp for cp in absent if unicodedata.category(chr(cp)) not in NOT_DRAWN]
        print(f"{ttc_name} face #{index} ({FAMILY}) -> {out}")
        print(f"  {covered} code points, {glyphs} glyphs, {len(data):,} bytes")
        print(f"  sha256 {hashlib.sha256(data).hexdigest()}")
        print(
            f"  not in source face: {len(absent) - len(notable)} unassigned/control/format "
            f"code points and {len(notable)} characters:"
        )
        print("   ", " ".join(f"U+{cp:04X}({chr(cp)})" for cp in notable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
