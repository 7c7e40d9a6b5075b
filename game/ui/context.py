"""What every scene shares: the campaign, the pupil's progress, language, fonts, sprites."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from game.content.model import Campaign, Chapter
from game.i18n import Lang, Text
from game.progress import Progress, ProgressSaveError, ProgressStore
from game.settings import Settings, save_settings
from game.ui.audio import Audio, SilentAudio
from game.ui.contrast import use_high_contrast
from game.ui.text import Fonts

if TYPE_CHECKING:  # the sprite module loads with the first level, not before the title
    from game.solver.par import Par
    from game.ui.sprites import Sprites


@dataclass
class Game:
    """Shared state of one run of the game (not of one level: that lives in its scene)."""

    campaign: Campaign | None
    store: ProgressStore
    progress: Progress
    fonts: Fonts = field(default_factory=Fonts)
    audio: Audio = field(default_factory=SilentAudio)
    notices: list[Text] = field(default_factory=list)
    par_cache: dict[str, Par | None] = field(default_factory=dict)
    _sprites: dict[int, Sprites] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    """This computer's settings (sound, text size, contrast, full screen, language)."""
    set_fullscreen: Callable[[bool], None] | None = None
    """Set by the app when there is a real window to switch."""

    @property
    def lang(self) -> Lang:
        """The language chosen by the pupil."""
        return "en" if self.progress.language == "en" else "zh"

    def t(self, text: Text) -> str:
        """``text`` in the chosen language."""
        return text[self.lang]

    def toggle_language(self) -> None:
        """Switch between Chinese and English, and remember the choice (for the pupil and,
        as the language new pupils and the tools start in, for this computer)."""
        self.progress.language = "zh" if self.lang == "en" else "en"
        self.save()
        self.change_settings(replace(self.settings, language=self.lang))

    def apply_settings(self) -> None:
        """Make the shell follow :attr:`settings`: text size, palette, volume, full screen."""
        settings = self.settings
        self.fonts.scale = settings.text_scale
        if use_high_contrast(settings.high_contrast):
            self._sprites.clear()
        self.audio.set_volume(settings.loudness)
        if self.set_fullscreen is not None:
            self.set_fullscreen(settings.fullscreen)

    def change_settings(self, settings: Settings) -> None:
        """Use ``settings`` from now on and save them; a failed write becomes a notice."""
        self.settings = settings
        self.apply_settings()
        notice = save_settings(settings)
        if notice is not None:
            self.notices.append(notice)

    def sprites(self, tile: int) -> Sprites:
        """Sprites drawn for tiles of ``tile`` pixels (cached)."""
        sheet = self._sprites.get(tile)
        if sheet is None:
            from game.ui.sprites import Sprites

            sheet = self._sprites[tile] = Sprites(tile)
        return sheet

    def save(self) -> None:
        """Write progress to disk; a failure becomes a visible notice, never a crash."""
        try:
            self.store.save(self.progress)
        except ProgressSaveError as error:
            self.notices.append(error.message)

    def chapter_complete(self, chapter: Chapter) -> bool:
        """All of the chapter's levels won and its quiz (if it has one) passed."""
        level_ids = [level.id for level in chapter.levels]
        if chapter.quiz is None:
            return all(self.progress.level_won(level_id) for level_id in level_ids)
        return self.progress.chapter_complete(level_ids, chapter.id)

    def chapter_unlocked(self, index: int) -> bool:
        """The first chapter is open; each later one opens when the one before is complete."""
        if self.campaign is None or index == 0:
            return True
        return self.chapter_complete(self.campaign.chapters[index - 1])
