"""The title screen: start or continue on the route map, the history cards, the mistakes to
review, the ending once earned, language and quit; beside it, a compact progress summary."""

from __future__ import annotations

import pygame

from game.content.model import Chapter
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.editor.strings import EDITOR_MENU
from game.ui.outcomes import Open
from game.ui.scene import Quit, Scene, Transition, appearance
from game.ui.scenes.common import button_font, fitting_font, notices
from game.ui.scenes.profiles import current_profile, ellipsize, fit_line, profile_label
from game.ui.scenes.review import wrong_questions
from game.ui.scenes.stars import (
    campaign_complete,
    campaign_stars,
    chapter_stars,
    draw_stars,
    stars_width,
)
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, column_buttons, draw_panel, paper_background

SUMMARY = pygame.Rect(560, 56, 660, 574)
ROWS_TOP = SUMMARY.top + 104
EXTRA_W, EXTRA_GAP = 190, 12
EXTRAS_LEFT = SUMMARY.right - 3 * EXTRA_W - 2 * EXTRA_GAP
HINT_AREA = pygame.Rect(40, 652, EXTRAS_LEFT - 56, 52)
"""The keys hint, left of the small buttons (two lines at a large text size)."""
EXTRA_SCENES = ("settings", "help", "credits")
"""The small buttons' screens, by menu key."""


def extra_rects(count: int) -> list[pygame.Rect]:
    """The small buttons (settings, help, credits) in a row under the summary."""
    return [pygame.Rect(SUMMARY.right - (count - i) * EXTRA_W - (count - 1 - i) * EXTRA_GAP,
                        644, EXTRA_W, 48) for i in range(count)]


class TitleScene(Scene):
    """Start here. Chapters unlock in order; the summary shows each one's standing."""

    name = "title"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.menu = Menu()
        self.chapter_rows: list[tuple[pygame.Rect, int]] = []
        self.hover: int | None = None
        self._layout()

    def _layout(self) -> None:
        game = self.game
        started = bool(game.progress.levels)
        items = [("start", game.t(strings.CONTINUE if started else strings.START)),
                 ("language", game.t(strings.LANGUAGE)),
                 ("profile", game.t(strings.SWITCH_PUPIL)),
                 ("cards", game.t(strings.CARDS_MENU)),
                 ("review", game.t(strings.REVIEW_MENU))]
        ending = game.campaign.ending if game.campaign is not None else None
        if ending is not None and campaign_complete(game):
            items.append(("ending", game.t(ending.title)))
        items.append(("editor", game.t(EDITOR_MENU)))
        items.append(("quit", game.t(strings.QUIT)))
        focus = self.menu.focus
        height, gap = (50, 10) if len(items) <= 6 else (44, 7) if len(items) <= 7 else (40, 5)
        buttons = column_buttons(items, left=110, top=300, width=380, height=height, gap=gap)
        extras = [("settings", strings.SETTINGS), ("help", strings.HELP),
                  ("credits", strings.CREDITS)]
        buttons += [Button(key, game.t(label), rect) for (key, label), rect in
                    zip(extras, extra_rects(len(extras)), strict=True)]
        self.menu = Menu(buttons, focus=min(focus, len(buttons) - 1))
        chapters = game.campaign.chapters if game.campaign else ()
        if game.campaign is None:
            for button in self.menu.buttons:
                button.enabled = button.key in ("language", "profile", "quit")
        row = min(72, (SUMMARY.bottom - 14 - ROWS_TOP) // max(1, len(chapters)))
        self.chapter_rows = [(pygame.Rect(SUMMARY.left + 16, ROWS_TOP + i * row,
                                          SUMMARY.width - 32, row - 6), i)
                             for i in range(len(chapters))]

    def resumed(self) -> None:
        self._layout()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEMOTION:
            self.hover = next((i for rect, i in self.chapter_rows if rect.collidepoint(event.pos)),
                              None)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, index in self.chapter_rows:
                if rect.collidepoint(event.pos):
                    return Open("route", chapter=index)
        choice = self.menu.handle(event)
        if self.game.campaign is not None:
            if choice == "start":
                return Open("route")
            if choice == "cards":
                return Open("cards")
            if choice == "review":
                return Open("review")
            if choice == "editor":
                return Open("editor")
            if choice == "ending" and self.game.campaign.ending is not None:
                return Open("ending")
        if choice == "settings":
            return Open("settings")
        if choice == "help":
            return Open("help")
        if choice == "credits":
            return Open("credits")
        if choice == "language":
            self.game.toggle_language()
            self._layout()
        elif choice == "profile":
            return Open("profiles")
        elif choice == "quit":
            return Quit()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        summary = self._summary_text() if game.campaign is not None else ""
        self.static_layer(surface, (appearance(game), summary, self._pupil_text()),
                          self._draw_static)
        main = [b for b in self.menu.buttons if b.key not in EXTRA_SCENES]
        extras = [b for b in self.menu.buttons if b.key in EXTRA_SCENES]
        fonts = {id(b): font for group in (main, extras)
                 for font in [button_font(game, group, sizes=(24, 22, 20, 18, 16))]
                 for b in group}
        for index, button in enumerate(self.menu.buttons):
            button.draw(surface, fonts[id(button)], index == self.menu.focus)
        if game.campaign is not None:
            chapters = game.campaign.chapters
            for rect, index in self.chapter_rows:
                self._draw_chapter(surface, rect, index, chapters[index])
        notices(surface, game)

    def _draw_static(self, surface: pygame.Surface) -> None:
        """Everything but the menu and the chapter rows (a static layer)."""
        game = self.game
        surface.blit(paper_background(), (0, 0))
        big = game.fonts.get(110, bold=True)
        draw_text(surface, big, "长征", (300, 60), palette.RED, anchor="midtop")
        pygame.draw.line(surface, palette.DEEP_RED, (130, 232), (470, 232), 3)
        subtitle = game.t(strings.GAME_SUBTITLE)
        area = pygame.Rect(70, 244, 460, 32)
        sub = fitting_font(game, subtitle, area, sizes=(20, 19, 18, 17), line_gap=0)
        draw_wrapped(surface, sub, subtitle, area, palette.TEXT_MUTED, align="center",
                     line_gap=0)
        text = game.t(strings.MENU_HINT)
        font = fitting_font(game, text, HINT_AREA, sizes=(18, 17, 16), line_gap=0)
        area = HINT_AREA.copy()
        area.height = text_height(font, text, area.width, line_gap=0)
        area.centery = HINT_AREA.centery
        draw_wrapped(surface, font, text, area, palette.TEXT_MUTED, line_gap=0)
        if game.campaign is not None:
            self._draw_summary(surface)

    def _summary_text(self) -> str:
        """The progress line: stars, cards and mistakes to review."""
        game = self.game
        assert game.campaign is not None
        chapters = game.campaign.chapters
        earned, possible = campaign_stars(game)
        cards = sum(1 for c in chapters if c.id in game.progress.cards)
        wrong = sum(len(questions) for _, _, questions in wrong_questions(game))
        return game.t(strings.PROGRESS_SUMMARY.format(stars=earned, max=possible, cards=cards,
                                                      total=len(chapters), wrong=wrong))

    def _pupil_text(self) -> str:
        game = self.game
        name = game.t(profile_label(current_profile(game)))
        return game.t(strings.PUPIL_NAME.format(name=name))

    def _draw_summary(self, surface: pygame.Surface) -> None:
        """The summary panel without its chapter rows (drawn over it each frame)."""
        game = self.game
        draw_panel(surface, SUMMARY)
        title = draw_text(surface, game.fonts.get(28, bold=True), game.t(strings.PROGRESS),
                          (SUMMARY.left + 24, SUMMARY.top + 14), palette.DEEP_RED)
        self._draw_pupil(surface, title)
        font, text = fit_line(game, self._summary_text(), SUMMARY.width - 48,
                              sizes=(20, 18, 16))
        draw_text(surface, font, text, (SUMMARY.left + 24, SUMMARY.top + 58), palette.GOLD_TEXT)
        pygame.draw.line(surface, palette.PAPER_DARK, (SUMMARY.left + 20, ROWS_TOP - 10),
                         (SUMMARY.right - 20, ROWS_TOP - 10), 1)
        rule = game.t(strings.STARS_RULE)
        font = game.fonts.get(17)
        area = pygame.Rect(SUMMARY.left + 24, 0, SUMMARY.width - 48, 0)
        area.height = text_height(font, rule, area.width, line_gap=0)
        area.bottom = SUMMARY.bottom - 14
        rows_bottom = max((rect.bottom for rect, _ in self.chapter_rows), default=ROWS_TOP)
        if area.top - 12 >= rows_bottom:
            pygame.draw.line(surface, palette.PAPER_DARK, (area.left, area.top - 8),
                             (area.right, area.top - 8), 1)
            draw_wrapped(surface, font, rule, area, palette.GOLD_TEXT, line_gap=0)

    def _draw_pupil(self, surface: pygame.Surface, title: pygame.Rect) -> None:
        """The current pupil's name, right of the summary's heading (smaller if long)."""
        game = self.game
        text = self._pupil_text()
        room = SUMMARY.right - 24 - (title.right + 24)
        font, text = fit_line(game, text, room, sizes=(22, 20, 18), bold=True)
        draw_text(surface, font, text, (SUMMARY.right - 24, title.centery), palette.INK_SOFT,
                  anchor="midright")

    def _draw_chapter(self, surface: pygame.Surface, rect: pygame.Rect, index: int,
                      chapter: Chapter) -> None:
        game = self.game
        unlocked = game.chapter_unlocked(index)
        complete = game.chapter_complete(chapter)
        stars = chapter_stars(game, chapter)
        if index == self.hover:
            pygame.draw.rect(surface, palette.PAPER, rect, border_radius=8)
            pygame.draw.rect(surface, palette.PANEL_BORDER, rect, 1, border_radius=8)
        radius = min(18, rect.height // 2 - 4)
        center = (rect.left + 8 + radius, rect.centery)
        fill = palette.DEEP_RED if complete else palette.RED if unlocked else palette.PAPER_DARK
        pygame.draw.circle(surface, fill, center, radius)
        pygame.draw.circle(surface, palette.GOLD if complete else palette.PANEL_BORDER, center,
                           radius, 2)
        draw_text(surface, game.fonts.get(20, bold=True), str(index + 1), center,
                  palette.WHITE if unlocked else palette.TEXT_MUTED, anchor="center")
        status = (strings.COMPLETE if complete else strings.IN_PROGRESS if stars.earned
                  else strings.NOT_STARTED if unlocked else strings.LOCKED)
        color = palette.TEXT if unlocked else palette.TEXT_MUTED
        title_font = game.fonts.get(22, bold=True)
        small = game.fonts.get(18)
        left = center[0] + radius + 14
        two_lines = rect.height >= title_font.get_linesize() + small.get_linesize() - 4
        # the stars keep their normal size at a large text size: the titles need the room
        star_font = game.fonts.get(22, exact=True)
        room = rect.right - 8 - stars_width(star_font, stars.earned, stars.possible) \
            - 12 - left
        # one size for every chapter's title (the smallest any needs), so the rows read evenly
        assert game.campaign is not None
        title_font = min((fit_line(game, game.t(each.title), room, sizes=(22, 20, 18),
                                   bold=True)[0] for each in game.campaign.chapters),
                         key=lambda font: font.get_height())
        title = ellipsize(title_font, game.t(chapter.title), room)
        top = rect.centery - (title_font.get_linesize() + small.get_linesize()) // 2 + 2 \
            if two_lines else rect.centery - title_font.get_linesize() // 2
        draw_text(surface, title_font, title, (left, top), color)
        detail = game.t(status)
        quiz = game.progress.quizzes.get(chapter.id)
        if quiz is not None:
            detail += "  ·  " + game.t(strings.QUIZ_BEST.format(score=quiz.best_score,
                                                                 total=quiz.total))
        if two_lines:
            small, detail = fit_line(game, detail, room, sizes=(18, 16))
            draw_text(surface, small, detail, (left, top + title_font.get_linesize() - 2),
                      palette.GOOD if complete else palette.TEXT_MUTED)
        draw_stars(surface, star_font, stars.earned, stars.possible,
                   (rect.right - 8, rect.centery), anchor="midright")
