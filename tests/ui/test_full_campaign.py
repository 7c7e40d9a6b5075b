"""The whole shipped campaign, played through the real scenes from title to ending."""

from __future__ import annotations

from pathlib import Path

from game.progress import ProgressStore
from game.ui.autoplay import headless_app, play_campaign

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def test_the_campaign_is_played_from_the_title_to_the_ending() -> None:
    app = headless_app(LEVELS, "en")
    seen = play_campaign(app, tweens=False)  # where the campaign goes, not how moves glide
    campaign = app.game.campaign
    assert campaign is not None and len(campaign.chapters) == 7
    assert seen[-1] == "ending"
    assert sum(name.endswith("-result") for name in seen) == sum(
        len(chapter.levels) for chapter in campaign.chapters)
    saved = ProgressStore.default().load().progress
    for chapter in campaign.chapters:
        assert saved.chapter_complete([level.id for level in chapter.levels], chapter.id)
        assert chapter.id in saved.cards
