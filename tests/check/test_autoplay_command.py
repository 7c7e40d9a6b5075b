"""``python main.py autoplay`` plays the campaign through the real scenes and says so.

The command is run as a pupil's teacher would run it, in its own process, over the whole
shipped campaign, saving every screen. Only the frames in between moves are skipped
(``CHANGZHENG_AUTOPLAY_TWEENS=0``): this test checks where the campaign goes and what is
saved, and skipping them takes the run from about 18 to about 9 CPU seconds. The frames of
moving are drawn by ``tests/ui/test_soak.py`` (20,000 random frames of the real game),
``tests/ui/test_frame_caches.py`` (animating screens) and ``tests/check/test_benchmarks.py``
(``bench frames``, a level of each chapter while it animates), and CI's packaging step
runs ``autoplay`` with them, twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.content.campaign import load_campaign

REPO = Path(__file__).resolve().parents[2]


def test_autoplay_finishes_the_campaign_and_saves_screens(tmp_path: Path) -> None:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CHANGZHENG_DATA_DIR=str(tmp_path / "save"), CHANGZHENG_AUTOPLAY_TWEENS="0")
    shots = tmp_path / "shots"
    result = subprocess.run([sys.executable, "main.py", "autoplay", "--screenshots", str(shots)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 chapters all complete" in result.stdout
    names = sorted(p.name for p in shots.glob("*.png"))
    assert any("ending" in name for name in names)
    shipped = sum(len(chapter.levels) for chapter in load_campaign(REPO / "levels").chapters)
    assert shipped >= 14
    assert sum("-result" in name for name in names) == shipped  # one per level
    assert any(name.endswith("xiangjiang-1-editor.png") for name in names)
    assert "Traceback" not in result.stderr
