"""A pupil who left the old 包座之战 mid-way comes back to the reworked level: the kept
moves walk into the monastery the garrison now holds, so they are dropped quietly and the
level starts afresh; moves that still fit the new level are kept."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.progress import Progress, ProgressStore
from game.ui.app import make_game
from game.ui.scenes.play import PlayScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"
OLD_BEST = "DDRDURRRRRRRRRRRRRRRLLDDRRUULLLLLLR"  # the old level's stored solution


def _scene(moves: str) -> tuple[PlayScene, Progress]:
    pygame.font.init()
    game, _ = make_game(LEVELS, None)
    assert game.campaign is not None
    index, chapter = next((i, c) for i, c in enumerate(game.campaign.chapters)
                          if c.id == "baozuo")
    level = next(lv for lv in chapter.levels if lv.id == "baozuo-3")
    ProgressStore.default().save(Progress(unfinished={level.id: moves}))
    game, _ = make_game(LEVELS, None)
    return PlayScene(game, level, index, 2), game.progress


def test_old_moves_the_reworked_level_refuses_are_dropped() -> None:
    scene, progress = _scene(OLD_BEST[:20])
    assert scene.state.turn == 0 and scene.actions == []
    assert progress.unfinished == {}


def test_moves_that_still_fit_are_kept() -> None:
    scene, progress = _scene("DDRRR")
    assert scene.state.turn == 5 and scene.state.pos == (4, 3)
    assert progress.unfinished == {"baozuo-3": "DDRRR"}
